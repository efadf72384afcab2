/**
 * The caps of `checkConformance` on untrusted input (issue 7 §2). The input caps are verification's
 * (src/input/read.ts: `DEFAULT_MAX_BYTES`, `DEFAULT_MAX_DEPTH`, the same finding codes
 * `INPUT_TOO_LARGE` and `INPUT_TOO_DEEP`), applied before any schema or rule work; the findings cap
 * bounds the report and the work past it.
 */
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from '../input/read.js'

export { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH }

/**
 * The most findings a conformance report lists (1,000 by default, option `maxFindings`). Past it
 * the report keeps the first ones, adds one `FINDINGS_TRUNCATED` error, and no further rule runs.
 */
export const DEFAULT_MAX_FINDINGS = 1000

export interface JsonMeasure {
  /** The JSON text (UTF-8 bytes of `JSON.stringify(value)`) is longer than `maxBytes`. */
  tooLarge: boolean
  /** Objects and arrays nest deeper than `maxDepth` (the outermost one is level 1). */
  tooDeep: boolean
}

/** The running count of a measurement. */
interface Count {
  /** Bytes for sure: strings count one byte a character; the walk stops once this passes the cap. */
  bytes: number
  /** Characters of strings and member names: each may take up to 6 bytes (`\u0001`). */
  chars: number
  depth: number
  readonly maxBytes: number
  readonly maxDepth: number
}

/** Bytes of a value that is not an object or array, or -1 when it is not written (`undefined`). */
function scalarBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4 // null
    case 'bigint': // JSON.stringify throws on a BigInt; its digits (the schema rejects it anyway)
      return String(value).length
    case 'boolean':
      return value ? 4 : 5
    case 'object': // null
      return 4
    default: // undefined, a function, a symbol
      return -1
  }
}

const over = (c: Count): boolean => c.bytes > c.maxBytes || c.depth > c.maxDepth

/**
 * The walk over an object or array at nesting `level` (the outermost is 1): strings count as
 * their length (at least one byte a character), so no character is read; it stops descending as
 * soon as the count is past a cap. The hot path of every check.
 */
function estimate(value: object, level: number, c: Count): void {
  if (level > c.depth) {
    c.depth = level
    if (level > c.maxDepth) return
  }
  if (Array.isArray(value)) {
    const n = value.length
    // Brackets and commas; every item is at least one byte more, so a long list is over at once.
    c.bytes += n === 0 ? 2 : n + 1
    if (c.bytes + n > c.maxBytes) {
      c.bytes += n
      return
    }
    for (let i = 0; i < n; i++) {
      const item: unknown = value[i]
      if (typeof item === 'string') {
        c.bytes += item.length + 2
        c.chars += item.length
      } else if (item !== null && typeof item === 'object') {
        estimate(item, level + 1, c)
        if (over(c)) return
      } else {
        const b = scalarBytes(item)
        c.bytes += b < 0 ? 4 : b // an unwritten item is written as null
      }
    }
    return
  }
  // { and } are 2 bytes; each member adds its name, a colon and a comma (one comma fewer).
  c.bytes += 1
  let members = 0
  // Inherited enumerable properties are counted too: JSON.stringify leaves them out, but a for-in
  // loop such as Ajv's reads them, and not asking Object.hasOwn of each member halves the walk.
  for (const key in value) {
    const member: unknown = (value as Record<string, unknown>)[key]
    if (typeof member === 'string') {
      c.bytes += member.length + 2
      c.chars += member.length
    } else if (member !== null && typeof member === 'object') {
      c.bytes += key.length + 4
      c.chars += key.length
      members++
      estimate(member, level + 1, c)
      if (over(c)) return
      continue
    } else {
      const b = scalarBytes(member)
      if (b < 0) continue // not written
      c.bytes += b
    }
    c.bytes += key.length + 4
    c.chars += key.length
    members++
  }
  if (members === 0) c.bytes += 1
}

/**
 * Whether `value` as JSON text (UTF-8 bytes of `JSON.stringify(value)`) is longer than `maxBytes`,
 * and whether it nests deeper than `maxDepth` (as verification counts: src/input/
 * read.ts), without writing the text and stopping as soon as either cap is passed: the work is
 * bounded by the caps, not by the input (a list of a million lines is over 1 MiB before its first
 * line is read). Exact for JSON values (what JSON.parse returns): it walks the data counting
 * lengths, and only near the cap, where escapes and UTF-8 decide, writes the text to count it.
 * Inherited enumerable properties, which JSON.stringify leaves out, count as well (Ajv reads them).
 *
 * @throws whatever reading `value` throws (a getter, a Proxy): the caller reports it.
 */
export function measureJson(value: unknown, maxBytes: number, maxDepth: number): JsonMeasure {
  const c: Count = { bytes: 0, chars: 0, depth: 0, maxBytes, maxDepth }
  if (value !== null && typeof value === 'object') estimate(value, 1, c)
  else {
    c.bytes = Math.max(0, scalarBytes(value)) // undefined: no text at all
    if (typeof value === 'string') c.chars = value.length
  }
  if (over(c) || c.bytes + 5 * c.chars <= maxBytes) {
    return { tooLarge: c.bytes > maxBytes, tooDeep: c.depth > maxDepth }
  }
  // Near the cap: escapes and UTF-8 decide, so count the text itself. It is at most six times the
  // cap (every character at most six bytes) and has no cycle (the depth is within its cap).
  let text: string | undefined
  try {
    text = JSON.stringify(value)
  } catch {
    return { tooLarge: false, tooDeep: false } // a BigInt: the count above is all there is
  }
  return { tooLarge: Buffer.byteLength(text ?? '', 'utf8') > maxBytes, tooDeep: false }
}
