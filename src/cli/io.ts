/**
 * Small I/O helpers shared by the CLI commands, and the CLI's error and exit-code conventions:
 *
 * - 0: the verdict is positive (verified, conforms) or the command did its work;
 * - 1: the verdict is negative (not verified, does not conform);
 * - 2: bad usage, or input that cannot be read: nothing was judged.
 *
 * Errors never print a stack trace: one line, `carbon-passport: <message>`, on standard error.
 */
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  fchmodSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { CommanderError } from 'commander'
import { isCarbonPassportError } from '../errors.js'
import { describeError } from '../guard.js'

/** The exit codes of every command. */
export const EXIT = { positive: 0, negative: 1, usage: 2 } as const

/**
 * A usage or input error: the command stops, `carbon-passport: <message>` is printed and the exit
 * code is 2. Thrown by `fail`, caught and reported by `reportError` in main.
 */
export class CliError extends Error {
  override readonly name = 'CliError'
}

/** Stops the command with a usage or input error (exit code 2). */
export function fail(message: string): never {
  throw new CliError(message)
}

/** A file-system error in words: "no such file", "permission denied", … */
export function fsReason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory'
    case 'EISDIR':
      return 'is a directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ENOTDIR':
      return 'a part of the path is not a directory'
    default:
      return describeError(err)
  }
}

/** Whether a path is a folder (false when it cannot be read). */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/**
 * Reads a file (or standard input for `-`) as UTF-8 text, no further than MAX_INPUT_TEXT_BYTES. A
 * file that cannot be read, or is longer, is a usage error (exit code 2); `what` names the option
 * it came from (`--did`), for the message.
 */
export function readText(path: string, what?: string): string {
  const label = `${what ? `${what} ` : ''}${path === '-' ? 'standard input' : path}`
  let text: string | undefined
  try {
    text = readBoundedText(path)
  } catch (err) {
    fail(`${label}: cannot read it (${fsReason(err)})`)
  }
  if (text === undefined) fail(tooLargeInput(label))
  return text
}

/** Parses the JSON text of a file; a usage error (code 2) when it is not JSON. */
export function parseJson(text: string, path: string, what?: string): unknown {
  try {
    return JSON.parse(text)
  } catch (err) {
    fail(`${what ? `${what} ` : ''}${path}: not valid JSON (${describeError(err)})`)
  }
}

/** Reads and parses a JSON file; exits with a readable message (code 2) when it is not JSON. */
export function readJson(path: string, what?: string): unknown {
  return parseJson(readText(path, what), path, what)
}

const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`)

/** Writes text to a file (replacing it), or to standard output when no path is given. */
export function writeOutput(text: string, path?: string): void {
  if (!path) {
    process.stdout.write(withNewline(text))
    return
  }
  try {
    writeFileSync(path, withNewline(text))
  } catch (err) {
    fail(`${path}: cannot write it (${fsReason(err)})`)
  }
}

export interface WriteNewFileOptions {
  /** Replace an existing file. Without it an existing file is refused (exit code 2). */
  force: boolean
  /** A secret (a private key): the file gets mode 0600, whatever the umask. */
  secret: boolean
}

/** Writes the whole of `data` to a newly created file: `wx` (never an existing one), `mode`. */
function writeExclusive(path: string, data: string, secret: boolean): void {
  const fd = openSync(path, 'wx', secret ? 0o600 : 0o666)
  try {
    if (secret) fchmodSync(fd, 0o600)
    writeFileSync(fd, data)
  } catch (err) {
    closeSync(fd)
    rmSync(path, { force: true })
    throw err
  }
  closeSync(fd)
}

/**
 * Writes a file that must not silently replace another: without `force`, creating it fails when it
 * exists (atomically: `open` with `wx`). With `force`, the text goes to a new temporary file in the
 * same directory, created with the final mode, which is then renamed over the target, so a secret
 * is never readable by others, not even for a moment, and a reader never sees half a file.
 */
export function writeNewFile(path: string, text: string, options: WriteNewFileOptions): void {
  const data = withNewline(text)
  if (!options.force) {
    try {
      writeExclusive(path, data, options.secret)
    } catch (err) {
      if ((err as { code?: unknown })?.code === 'EEXIST') {
        fail(`${path} exists; not overwritten (use --force to replace it)`)
      }
      fail(`${path}: cannot write it (${fsReason(err)})`)
    }
    return
  }
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  )
  try {
    writeExclusive(temporary, data, options.secret)
    renameSync(temporary, path)
  } catch (err) {
    rmSync(temporary, { force: true })
    fail(`${path}: cannot write it (${fsReason(err)})`)
  }
}

/** Pretty JSON with a trailing newline. */
export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

/** The `Exit codes:` section of a command's `--help`. */
export function exitCodesHelp(meaning: { 0: string; 1: string; 2: string }): string {
  return ['', 'Exit codes:', `  0  ${meaning[0]}`, `  1  ${meaning[1]}`, `  2  ${meaning[2]}`].join(
    '\n',
  )
}

/** One line, whatever the message: commander's suggestions and multi-line errors joined. */
export const oneLine = (message: string): string =>
  message
    .trim()
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ')

/**
 * Reports an error that ended a command and returns the exit code: commander's own errors (already
 * printed, see main) are 0 for `--help` and `--version` and 2 otherwise; anything else is printed as
 * one `carbon-passport: <message>` line and is 2. Never prints a stack trace.
 */
export function reportError(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.positive : EXIT.usage
  const message =
    err instanceof CliError
      ? err.message
      : isCarbonPassportError(err)
        ? `${err.code}: ${err.message}`
        : `unexpected error: ${describeError(err)}`
  process.stderr.write(`carbon-passport: ${oneLine(message)}\n`)
  return EXIT.usage
}

/** Colours only on a terminal, so piped output stays plain. */
const tty = process.stdout.isTTY === true && !process.env.NO_COLOR
export const color = {
  green: (s: string) => (tty ? `\x1b[32m${s}\x1b[0m` : s),
  red: (s: string) => (tty ? `\x1b[31m${s}\x1b[0m` : s),
  yellow: (s: string) => (tty ? `\x1b[33m${s}\x1b[0m` : s),
  dim: (s: string) => (tty ? `\x1b[2m${s}\x1b[0m` : s),
  bold: (s: string) => (tty ? `\x1b[1m${s}\x1b[0m` : s),
}

/**
 * The most bytes of any file the CLI reads (a passport, an option file, CSV, one document on
 * standard input, an NDJSON line): 8 MiB. Verification refuses an input over 1 MiB as JSON text
 * (`maxBytes`), and white space or escapes (at most 6 bytes a character) can spell one at most a
 * few times larger, so only an input padded with megabytes of white space could verify and be
 * longer; CSV and factor sets have the same 8 MiB cap (`MAX_CSV_BYTES`). A longer file is refused
 * without being held, so that one huge or endless file (a FIFO, a device) cannot exhaust memory.
 */
export const MAX_INPUT_TEXT_BYTES = 8 * 1024 * 1024

/**
 * A file's bytes (standard input for `-`), read no further than `cap` bytes: undefined when it is
 * longer (also a FIFO or a device, whose size is not known beforehand).
 *
 * @throws the file-system error when it cannot be opened or read
 */
export function readBoundedBytes(path: string, cap = MAX_INPUT_TEXT_BYTES): Buffer | undefined {
  const fd = path === '-' ? 0 : openSync(path, 'r')
  try {
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024)
      const read = readSync(fd, chunk, 0, chunk.length, null)
      if (read === 0) break
      total += read
      if (total > cap) return undefined
      chunks.push(chunk.subarray(0, read))
    }
    return Buffer.concat(chunks, total)
  } finally {
    if (fd !== 0) closeSync(fd)
  }
}

/** `readBoundedBytes` as UTF-8 text; a bad byte reads as U+FFFD, as `readFileSync`. */
export function readBoundedText(path: string, cap = MAX_INPUT_TEXT_BYTES): string | undefined {
  return readBoundedBytes(path, cap)?.toString('utf8')
}

/** The message of a file over MAX_INPUT_TEXT_BYTES (`label` names it). */
export const tooLargeInput = (label: string): string =>
  `${label}: longer than ${MAX_INPUT_TEXT_BYTES} bytes, the cap of a file the CLI reads (verification refuses inputs over 1 MiB)`
