/**
 * The inputs of a many-inputs run (`verify` and `check` given several files, a folder, `-` or an
 * NDJSON file): each argument expanded, folders read recursively, NDJSON read line by line, all
 * lazily, so a long stream is never held in memory. A file that cannot be read is an input too,
 * marked `unreadable`: it becomes one failed result, never an aborted run.
 */
import { closeSync, createReadStream, type Dirent, openSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { lineText, ndjsonInput } from '../batch/tasks.js'
import { NdjsonLine } from '../batch/verify-many.js'
import {
  fail,
  fsReason,
  isDirectory,
  MAX_INPUT_TEXT_BYTES,
  readBoundedText,
  tooLargeInput,
} from './io.js'

/** The files a folder contributes: passports as JSON, JSON-LD, a compact JWS, or NDJSON. */
export const BATCH_EXTENSIONS = ['.json', '.jwt', '.jsonld', '.ndjson'] as const

/**
 * One input: where it came from (`file`, or `file:line` in NDJSON) and what it holds, or why it
 * could not be read (`code`: `FILE_UNREADABLE` unless said, `INPUT_TOO_LARGE` for a line too long).
 */
export type BatchInput =
  | { label: string; input: unknown; unreadable?: undefined }
  | { label: string; input?: undefined; unreadable: string; code?: 'INPUT_TOO_LARGE' }

/** An NDJSON line longer than the cap of an input (MAX_INPUT_TEXT_BYTES), skipped: only how long it is. */
export class LineTooLong {
  readonly bytes: number
  constructor(bytes: number) {
    this.bytes = bytes
  }
}

const isNdjson = (path: string) => path.endsWith('.ndjson')
const wanted = (name: string) => BATCH_EXTENSIONS.some((ext) => name.endsWith(ext))

/** The files under a folder, recursively, in name order; those the walk cannot enter are unreadable. */
function* walk(dir: string): Generator<{ path: string; unreadable?: string }> {
  let entries: Dirent[]
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (err) {
    yield { path: dir, unreadable: `cannot read it (${fsReason(err)})` }
    return
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(path)
    else if (wanted(entry.name)) yield { path }
  }
}

/** One NDJSON line as an input (`undefined` for a blank line): the verifier's own decoding. */
export { lineText, ndjsonInput }

/**
 * The inputs of an NDJSON stream, one per non-blank line, labelled `label:line`. `raw`: each input
 * is the line's bytes undecoded (an `NdjsonLine`: `verify` hands them to its worker threads, where
 * they are decoded and verified); otherwise decoded here (`check`).
 */
export async function* ndjsonLines(
  lines: AsyncIterable<Uint8Array | LineTooLong>,
  label: string,
  firstLine = 1,
  raw = false,
): AsyncGenerator<BatchInput> {
  let n = firstLine - 1
  for await (const line of lines) {
    n++
    if (line instanceof LineTooLong) {
      yield {
        label: `${label}:${n}`,
        unreadable: `the line is ${line.bytes} bytes long, over the ${MAX_INPUT_TEXT_BYTES}-byte cap of an input`,
        code: 'INPUT_TOO_LARGE',
      }
      continue
    }
    if (raw) {
      if (!isBlankLine(line)) yield { label: `${label}:${n}`, input: new NdjsonLine(line) }
      continue
    }
    const input = ndjsonInput(lineText(line))
    if (input !== undefined) yield { label: `${label}:${n}`, input }
  }
}

/** ASCII white space: what a blank line is made of, but for the rarer Unicode spaces. */
const isAsciiSpace = (byte: number) =>
  byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0b || byte === 0x0c || byte === 0x0d

/**
 * Whether a line is blank as `String.prototype.trim` sees its text: only white space. A line of a
 * passport is told apart by its first byte; only one that starts with white space and then a
 * non-ASCII byte (a no-break space, a BOM) is decoded to ask.
 */
function isBlankLine(line: Uint8Array): boolean {
  for (let i = 0; i < line.length; i++) {
    const byte = line[i] as number
    if (isAsciiSpace(byte)) continue
    return byte < 0x80 ? false : lineText(line).trim() === ''
  }
  return true
}

/**
 * The lines of a file, or of standard input for `-`, as bytes (undecoded): `\n` ends a line, and a
 * `\r` before it is dropped. One chunk is read at a time, when the consumer asks for the next line,
 * so at most a chunk (64 KiB) and one partial line are held, however fast the input (readline's
 * async iterator reads ahead up to 1,024 lines, 20 MiB of passports). A line within a chunk is a
 * view of it, not a copy; a line over MAX_INPUT_TEXT_BYTES is skipped (`LineTooLong`).
 */
export function readLines(path: string): AsyncIterable<Uint8Array | LineTooLong> {
  const stream = path === '-' ? process.stdin : createReadStream(path)
  return splitLines(stream)
}

/** A line without the `\r` of a CRLF ending. */
const withoutCr = (line: Buffer): Buffer =>
  line.length > 0 && line[line.length - 1] === 0x0d ? line.subarray(0, -1) : line

export async function* splitLines(
  stream: AsyncIterable<Uint8Array | string>,
  maxLine = MAX_INPUT_TEXT_BYTES,
): AsyncGenerator<Buffer | LineTooLong> {
  /** The start of a line that began in an earlier chunk, its pieces joined once it ends. */
  let partial: Buffer[] = []
  let held = 0
  /** The bytes of a line over the cap so far, dropped as they come; -1 when none is. */
  let skipped = -1
  for await (const piece of stream) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : asBuffer(piece)
    let start = 0
    for (let end = chunk.indexOf(0x0a); end !== -1; end = chunk.indexOf(0x0a, start)) {
      const length = (skipped >= 0 ? skipped : held) + end - start
      if (skipped >= 0 || length > maxLine) yield new LineTooLong(length)
      else {
        const tail = chunk.subarray(start, end)
        yield withoutCr(partial.length === 0 ? tail : Buffer.concat([...partial, tail]))
      }
      partial = []
      held = 0
      skipped = -1
      start = end + 1
    }
    const rest = chunk.length - start
    if (skipped >= 0) skipped += rest
    else if (held + rest > maxLine) {
      skipped = held + rest
      partial = []
      held = 0
    } else if (rest > 0) {
      partial.push(chunk.subarray(start))
      held += rest
    }
  }
  if (skipped >= 0) yield new LineTooLong(skipped)
  else if (partial.length > 0) yield withoutCr(Buffer.concat(partial))
}

const asBuffer = (bytes: Uint8Array): Buffer =>
  Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

async function* ndjsonFile(path: string, raw: boolean): AsyncGenerator<BatchInput> {
  try {
    closeSync(openSync(path, 'r'))
  } catch (err) {
    yield { label: path, unreadable: `cannot read it (${fsReason(err)})` }
    return
  }
  yield* ndjsonLines(readLines(path), path, 1, raw)
}

function readFile(path: string): BatchInput {
  let text: string | undefined
  try {
    text = readBoundedText(path)
  } catch (err) {
    return { label: path, unreadable: `cannot read it (${fsReason(err)})` }
  }
  if (text === undefined) {
    return { label: path, unreadable: tooLargeInput(path), code: 'INPUT_TOO_LARGE' }
  }
  return { label: path, input: text }
}

/**
 * Every input of the arguments, in order: a file is one input (its text), a folder its files
 * (recursively, by name), an `.ndjson` file and `-` (standard input) one input per line. `stdin`
 * replaces standard input's lines (when the caller has already started reading them). `raw`:
 * NDJSON lines are passed on undecoded (`NdjsonLine`, see `ndjsonLines`).
 */
export async function* batchInputs(
  args: readonly string[],
  stdin?: AsyncIterable<BatchInput>,
  raw = false,
): AsyncGenerator<BatchInput> {
  for (const arg of args) {
    if (arg === '-') {
      yield* stdin ?? ndjsonLines(readLines('-'), '-', 1, raw)
    } else if (isDirectory(arg)) {
      for (const { path, unreadable } of walk(arg)) {
        if (unreadable !== undefined) yield { label: path, unreadable }
        else if (isNdjson(path)) yield* ndjsonFile(path, raw)
        else yield readFile(path)
      }
    } else if (isNdjson(arg)) {
      yield* ndjsonFile(arg, raw)
    } else {
      yield readFile(arg)
    }
  }
}

/**
 * Standard input, when it is the only argument: one document (as `verify -` always read it, pretty
 * printed or not), or NDJSON when its first line is a whole input and another line follows. Reads
 * no further than it must to tell: the NDJSON case streams (`raw`: lines undecoded, as `batchInputs`).
 */
export async function peekStdin(
  raw = false,
): Promise<{ single: string } | { lines: AsyncGenerator<BatchInput> }> {
  const iterator = readLines('-')[Symbol.asyncIterator]()
  const seen: (Uint8Array | LineTooLong)[] = []
  let tooLong = false
  let held = 0
  const next = async (): Promise<string | undefined> => {
    const step = await iterator.next()
    if (step.done) return undefined
    seen.push(step.value)
    if (!(step.value instanceof LineTooLong)) {
      held += step.value.byteLength + 1
      return lineText(step.value)
    }
    tooLong = true
    return '\u0000' // not blank, not JSON: a line of its own
  }
  const all = () =>
    seen.map((line) => (line instanceof LineTooLong ? '' : lineText(line))).join('\n')
  const buffered = () => {
    const remaining: AsyncIterable<Uint8Array | LineTooLong> = {
      [Symbol.asyncIterator]: () => ({ next: () => iterator.next() }),
    }
    const lines = async function* () {
      yield* seen
      yield* remaining
    }
    return { lines: ndjsonLines(lines(), '-', 1, raw) }
  }
  // A line over the cap is never one document: it is reported as a line (INPUT_TOO_LARGE).
  const single = () => (tooLong ? buffered() : { single: all() })
  // One document, pretty-printed: held whole to the end, within the cap of an input, as a file.
  const rest = async () => {
    while ((await next()) !== undefined) {
      if (held > MAX_INPUT_TEXT_BYTES + 1) fail(tooLargeInput('standard input'))
    }
    return single()
  }
  let first = await next()
  while (first !== undefined && first.trim() === '') first = await next()
  if (first === undefined) return single()
  const head = first.trim()
  if (head.startsWith('{') || head.startsWith('[')) {
    try {
      JSON.parse(head)
    } catch {
      return rest()
    }
  }
  let second = await next()
  while (second !== undefined && second.trim() === '') second = await next()
  if (second === undefined) return single()
  return buffered()
}
