/**
 * Reading NDJSON as bytes (src/cli/batch-inputs.ts): the lines are those of the whole stream
 * decoded at once, however the stream is cut into chunks (a character split across two reads, a
 * CRLF split between them), and a line counts as blank exactly when its decoded text trims to ''.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { NdjsonLine } from '../../src/batch/verify-many.js'
import { LineTooLong, lineText, ndjsonLines, splitLines } from '../../src/cli/batch-inputs.js'
import { MAX_INPUT_TEXT_BYTES } from '../../src/cli/io.js'

/** Bytes of NDJSON-ish text: multi-byte characters, CR and LF, spaces of all kinds, bad bytes. */
const TEXT = ['a', '"', '{', '}', ' ', '\t', 'é', '€', '𝄞', '\u00a0', '\ufeff', '\u2028']
const BREAKS = ['\n', '\r\n', '\r']
const BAD = [[0xff], [0xc3], [0xe2, 0x82]]
const piece = (breaks: boolean) =>
  fc.constantFrom(
    ...[...TEXT, ...(breaks ? BREAKS : [])].map((t) => Buffer.from(t, 'utf8')),
    ...BAD.map((b) => Buffer.from(b)),
  )
const bytesOf = (pieces: Buffer[]) => Buffer.concat(pieces)

/** The stream cut at the given offsets (each taken modulo its length), as chunks. */
async function* cut(bytes: Buffer, at: number[]): AsyncGenerator<Uint8Array> {
  const offsets = [...new Set(at.map((a) => (bytes.length ? a % bytes.length : 0)))].sort(
    (a, b) => a - b,
  )
  let start = 0
  for (const offset of offsets) {
    yield bytes.subarray(start, offset)
    start = offset
  }
  yield bytes.subarray(start)
}

/** Bytes split at every `byte`, as String.prototype.split splits text. */
function splitOn(bytes: Buffer, byte: number): Buffer[] {
  const out: Buffer[] = []
  let start = 0
  for (let end = bytes.indexOf(byte); end !== -1; end = bytes.indexOf(byte, start)) {
    out.push(bytes.subarray(start, end))
    start = end + 1
  }
  out.push(bytes.subarray(start))
  return out
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

describe('splitLines (NDJSON as bytes)', () => {
  test('gives the lines of the whole stream decoded at once, however it is cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece(true), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (pieces, at) => {
          const bytes = bytesOf(pieces)
          const whole = bytes.toString('utf8')
          const expected = whole.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
          if (whole.endsWith('\n') || whole === '') expected.pop()
          const lines = await collect(splitLines(cut(bytes, at)))
          expect(lines.map((l) => (l instanceof LineTooLong ? l : lineText(l)))).toEqual(expected)
        },
      ),
      { numRuns: 1000 },
    )
  })

  test('a line over the cap is skipped, with its length, and every other line is read as before', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece(true), { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.nat({ max: 24 }),
        async (pieces, at, maxLine) => {
          const bytes = bytesOf(pieces)
          const raw = bytes.length === 0 ? [] : splitOn(bytes, 0x0a)
          if (bytes.at(-1) === 0x0a) raw.pop()
          const expected = raw.map((line) =>
            line.length > maxLine
              ? { tooLong: line.length }
              : lineText(line.at(-1) === 0x0d ? line.subarray(0, -1) : line),
          )
          const lines = await collect(splitLines(cut(bytes, at), maxLine))
          expect(
            lines.map((l) => (l instanceof LineTooLong ? { tooLong: l.bytes } : lineText(l))),
          ).toEqual(expected)
        },
      ),
      { numRuns: 1000 },
    )
  })

  test('the cap is 8 MiB, and a longer line is one INPUT_TOO_LARGE input, the next line read', async () => {
    expect(MAX_INPUT_TEXT_BYTES).toBe(8 * 1024 * 1024)
    const long = Buffer.alloc(MAX_INPUT_TEXT_BYTES + 1, 0x61)
    const stream = async function* () {
      for (let i = 0; i < long.length; i += 65536) yield long.subarray(i, i + 65536)
      yield Buffer.from('\n{"a":1}\n')
    }
    const items = await collect(ndjsonLines(splitLines(stream()), '-', 1, true))
    expect(items[0]).toMatchObject({ label: '-:1', code: 'INPUT_TOO_LARGE' })
    expect(items[0]?.unreadable).toMatch(/8388609 bytes long/)
    expect(items).toHaveLength(2)
    expect(lineText((items[1]?.input as NdjsonLine | undefined)?.bytes ?? new Uint8Array())).toBe(
      '{"a":1}',
    )
  })

  test('a line is skipped as blank, undecoded, exactly when its text trims to nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(piece(false), { maxLength: 6 }), { maxLength: 8 }),
        async (raw) => {
          const lines = raw.map(bytesOf)
          const source = async function* () {
            yield* lines
          }
          const undecoded = await collect(ndjsonLines(source(), '-', 1, true))
          const expected = lines.flatMap((line, i) =>
            lineText(line).trim() === '' ? [] : [{ label: `-:${i + 1}`, text: lineText(line) }],
          )
          expect(
            undecoded.map((item) => ({
              label: item.label,
              text: lineText((item.input as NdjsonLine).bytes),
            })),
          ).toEqual(expected)
        },
      ),
      { numRuns: 1000 },
    )
  })
})
