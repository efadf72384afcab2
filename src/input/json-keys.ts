/**
 * Duplicate member names in JSON text. `JSON.parse` silently keeps the last of two equal names
 * while other parsers keep the first or refuse, so a signed text with a duplicate can mean one thing
 * to us and another to the next reader. RFC 7515 §4 and RFC 7519 §4 let a JWS/JWT parser either
 * reject such input or keep the last; we reject (and do the same for plain JSON input).
 *
 * One linear pass over the text: strings are skipped with `indexOf` (a quote preceded by an odd run
 * of backslashes is escaped), a string followed by `:` is a member name, and each open object keeps
 * the set of its names. Names are compared decoded, so `"a"` and `"\u0061"` are the same name. No
 * recursion: the nesting is an explicit stack, so deep input cannot overflow.
 *
 * Given the value `JSON.parse` made of the text, a faster test answers first: `JSON.parse` keeps one
 * member per distinct name in each object, so the text repeats a name exactly when it has more
 * member names than the parsed value has own keys in all. Counting names needs no decoding and no
 * sets (about a third of the full pass on a passport); only a text that fails the count is walked
 * again to find where.
 */
import { pointer } from '../findings/pointer.js'

export interface DuplicateKey {
  /** The repeated member name, decoded. */
  key: string
  /** JSON Pointer (RFC 6901) of the repeated member. */
  path: string
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COLON = 0x3a
const COMMA = 0x2c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d

/**
 * An open object or array. An object keeps its names seen so far: the first alone, a set from the
 * second on (most objects of hostile input have one member, and a set each would cost). An array
 * keeps the index of its current element in `at`.
 */
interface Frame {
  object: boolean
  first: string | undefined
  names: Set<string> | undefined
  at: string | number
}

const isJsonSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

/**
 * The first member name that repeats within one object of a JSON text, or undefined when there is
 * none. Meant for text that `JSON.parse` accepted; on any other text it still returns (never throws,
 * never loops), but the answer means nothing.
 */
export function findDuplicateKey(text: string, parsed?: unknown): DuplicateKey | undefined {
  if (parsed !== undefined) {
    const keys = countOwnKeys(parsed, 0)
    if (keys >= 0 && namesAreKeys(text, keys)) return undefined
  }
  const stack: Frame[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      const start = i + 1
      // The closing quote: the next quote not escaped by an odd run of backslashes before it.
      let end = text.indexOf('"', start)
      while (end > 0) {
        let run = 0
        while (text.charCodeAt(end - 1 - run) === BACKSLASH) run++
        if (run % 2 === 0) break
        end = text.indexOf('"', end + 1)
      }
      if (end < 0) return undefined // unterminated: not JSON
      i = end + 1
      const top = stack[stack.length - 1]
      if (top === undefined || !top.object) continue // a string in an array or at the top: a value
      let next = i
      while (next < n && isJsonSpace(text.charCodeAt(next))) next++
      if (text.charCodeAt(next) !== COLON) continue // a member value
      const key = decodeName(text.slice(start, end))
      let repeated: boolean
      if (top.first === undefined) {
        top.first = key
        repeated = false
      } else if (top.names === undefined) {
        repeated = top.first === key
        top.names = new Set([top.first, key])
      } else {
        repeated = top.names.has(key)
        top.names.add(key)
      }
      if (repeated) {
        // Segment by segment: a spread of a deep stack would overflow the argument list.
        const parents = stack.slice(0, -1).map((frame) => pointer(frame.at))
        return { key, path: parents.join('') + pointer(key) }
      }
      top.at = key
      i = next + 1
      continue
    }
    if (c === OPEN_OBJECT) stack.push({ object: true, first: undefined, names: undefined, at: '' })
    else if (c === OPEN_ARRAY)
      stack.push({ object: false, first: undefined, names: undefined, at: 0 })
    else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) stack.pop()
    else if (c === COMMA) {
      const top = stack[stack.length - 1]
      if (top !== undefined && !top.object) top.at = (top.at as number) + 1
    }
    i++
  }
  return undefined
}

/**
 * The most nesting `countOwnKeys` descends; deeper values (refused later by the depth cap anyway)
 * answer -1, and the full pass, which needs no recursion, decides.
 */
const MAX_COUNT_DEPTH = 256

/** Own keys of every object in a parsed JSON value, or -1 past MAX_COUNT_DEPTH. */
function countOwnKeys(value: unknown, depth: number): number {
  if (value === null || typeof value !== 'object') return 0
  if (depth >= MAX_COUNT_DEPTH) return -1
  let n = 0
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const below = countOwnKeys(value[i], depth + 1)
      if (below < 0) return -1
      n += below
    }
    return n
  }
  for (const key in value) {
    // JSON.parse makes every key own (`__proto__` too); an inherited one (a polluted prototype)
    // must not be counted, or it would cancel out a repeated name.
    if (!Object.hasOwn(value, key)) continue
    const below = countOwnKeys((value as Record<string, unknown>)[key], depth + 1)
    if (below < 0) return -1
    n += below + 1
  }
  return n
}

/**
 * Whether a JSON text that `JSON.parse` read into a value with `keys` own keys in all has exactly
 * that many member names, i.e. repeats none. `keys` never exceeds the names, so a bound from above
 * that equals it settles it: first the cheap `memberNameBound`, and the exact count only when the
 * bound is loose (a string with a colon right after a quote).
 */
export function namesAreKeys(text: string, keys: number): boolean {
  return keys === memberNameBound(text) || keys === countMemberNames(text)
}

/**
 * A bound from above on the member names of a JSON text, three times cheaper than counting them:
 * the colons whose last character before them, white space aside, is a quote. Every member name
 * is a string followed by white space and a colon (RFC 8259 §4), so each has its own such colon;
 * a colon inside a string is counted only right after its opening quote or an escaped quote
 * (`":…"`, `\":`), which makes the bound loose, never short.
 */
export function memberNameBound(text: string): number {
  let bound = 0
  let colon = text.indexOf(':')
  while (colon >= 0) {
    let before = colon - 1
    while (before >= 0 && isJsonSpace(text.charCodeAt(before))) before--
    if (text.charCodeAt(before) === QUOTE) bound++
    colon = text.indexOf(':', colon + 1)
  }
  return bound
}

/**
 * Member names in a JSON text: the strings followed (after white space) by `:`. In JSON text that
 * parses, a string followed by a colon is always a member name; string values are skipped whole.
 * -1 for an unterminated string (not JSON).
 */
export function countMemberNames(text: string): number {
  let names = 0
  let i = text.indexOf('"')
  while (i >= 0) {
    let end = text.indexOf('"', i + 1)
    while (end > 0 && text.charCodeAt(end - 1) === BACKSLASH) {
      let run = 1
      while (text.charCodeAt(end - 1 - run) === BACKSLASH) run++
      if (run % 2 === 0) break
      end = text.indexOf('"', end + 1)
    }
    if (end < 0) return -1
    let next = end + 1
    while (isJsonSpace(text.charCodeAt(next))) next++
    if (text.charCodeAt(next) === COLON) names++
    i = text.indexOf('"', next)
  }
  return names
}

/** A member name between its quotes, decoded as JSON decodes it. */
function decodeName(raw: string): string {
  if (!raw.includes('\\')) return raw
  try {
    return JSON.parse(`"${raw}"`) as string
  } catch {
    return raw // not JSON text; the caller's JSON.parse refuses it anyway
  }
}
