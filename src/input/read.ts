/**
 * Reading untrusted input before any JSON-LD or cryptographic work: size and depth caps, then
 * unwrapping (JSON text, compact JWS, enveloped credential, `{ verifiableCredential }`).
 */

import { commonCodes } from '../findings/common.js'
import { combineCodes, defineCodes } from '../findings/define.js'
import type { Finding } from '../findings/finding.js'
import { pointer } from '../findings/pointer.js'
import { isUnwrapFailure, type UnwrappedCredential, unwrapDeferringDuplicates } from './envelope.js'
import { findDuplicateKey, namesAreKeys } from './json-keys.js'

const SECURITY_DEFAULTS = 'carbon-passport security defaults'

/**
 * The codes of reading input. Conformance applies the same caps with the same codes (their
 * messages name the cap as `expected`); the unwrapping codes come from ./envelope.ts.
 */
export const inputCodes = defineCodes({
  INPUT_TOO_LARGE: {
    severity: 'error',
    profiles: ['core'],
    checks: ['syntax'],
    title:
      'The input is larger than `maxBytes` as UTF-8 JSON text (1 MiB by default); nothing else was read or checked.',
    message: 'The input is larger than {expected} bytes as JSON text; nothing else was checked.',
    source: SECURITY_DEFAULTS,
  },
  INPUT_TOO_DEEP: {
    severity: 'error',
    profiles: ['core'],
    checks: ['syntax'],
    title:
      'The input nests objects and arrays deeper than `maxDepth` (64 by default), or is wrapped (`{ verifiableCredential }`, envelopes, JSON text) more than `MAX_WRAPPING_DEPTH` (4) times; nothing else was read or checked.',
    message: 'The input nests deeper than {expected} levels; nothing else was checked.',
    source: SECURITY_DEFAULTS,
  },
  MALFORMED_JSON: {
    severity: 'error',
    checks: ['syntax'],
    title: 'The input text is neither JSON nor a compact JWS.',
    source: 'carbon-passport',
  },
  NOT_AN_OBJECT: {
    severity: 'error',
    checks: ['syntax'],
    title: 'The credential is not a JSON object.',
    source: 'carbon-passport',
  },
  JWS_MALFORMED: {
    severity: 'error',
    checks: ['syntax', 'proof'],
    title:
      'The compact JWS cannot be decoded (bad base64url; a header or payload that is not UTF-8 JSON object text).',
    source: 'carbon-passport',
  },
  JSON_DUPLICATE_KEY: {
    severity: 'error',
    checks: ['syntax', 'proof'],
    title:
      'A JSON text (the input, a JWS payload or protected header) repeats a member name within one object, however spelled (`"a"`, `"\\u0061"`); readers disagree on which value wins, so it is refused.',
    source: 'RFC 7515 §4; RFC 7519 §4; RFC 8259 §4',
  },
  STRING_NOT_WELL_FORMED: {
    severity: 'error',
    checks: ['syntax'],
    title:
      'A string or member name is not well-formed UTF-16 (a lone surrogate, also from a `\\ud800` escape in JSON text); canonical N-Quads are UTF-8, where it would become U+FFFD and sign as something else. Nothing else was read.',
    source: 'RFC 8259 §8.2 (unpaired surrogates); RDF Dataset Canonicalization (UTF-8 N-Quads)',
  },
})

const { finding } = combineCodes(inputCodes, commonCodes)

export const DEFAULT_MAX_BYTES = 1024 * 1024
export const DEFAULT_MAX_DEPTH = 64

export interface InputLimits {
  maxBytes: number
  maxDepth: number
}

export type ReadResult =
  | {
      ok: true
      unwrapped: UnwrappedCredential
      /** Whether an object below the top level has an `@context` key (see the context check). */
      nestedContext: boolean
    }
  | { ok: false; findings: Finding[] }

/** Nesting depth of a value; stops descending past `limit` (so cyclic or deep values are safe). */
export function valueDepth(value: unknown, limit: number, depth = 0): number {
  if (value === null || typeof value !== 'object') return depth
  if (depth + 1 > limit) return depth + 1
  let max = depth + 1
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    const d = valueDepth(child, limit, depth + 1)
    if (d > max) max = d
    if (max > limit) return max
  }
  return max
}

export interface Shape {
  depth: number
  /** Own keys of all objects walked (all of them unless the walk stopped early). */
  keys: number
  /** An object outside the top-level `@context` value, other than the top object, has `@context`. */
  nestedContext: boolean
  /**
   * The path of the first member name or string value that is not well-formed UTF-16 (a lone
   * surrogate), if any; the walk stops there, so `depth` and `nestedContext` are then partial.
   */
  illFormed?: (string | number)[]
}

// String.prototype.isWellFormed (ES2024, Node >= 20): false exactly when a lone surrogate is present.
const isWellFormed = (s: string): boolean =>
  (s as unknown as { isWellFormed(): boolean }).isWellFormed()

/**
 * Whether every string `JSON.parse` makes of a text is well-formed UTF-16, seen on the text alone:
 * a string of the value is a run of the text between ASCII quotes (which never splits a surrogate
 * pair) with escapes decoded, and only a `\u` escape can decode to a surrogate. So a well-formed
 * text without `\u` gives only well-formed strings (native scans, ~1 µs on a 20 KiB passport).
 */
export function stringsOfTextWellFormed(text: string): boolean {
  return isWellFormed(text) && !text.includes('\\u')
}

/**
 * `walk` for a value whose strings need no look (stringsOfTextWellFormed): the same depth, keys and
 * nested contexts, read with Object.values, twice as fast as naming every key. Only the top's keys
 * are named, to leave out its `@context` value.
 */
function walkValues(
  value: object,
  limit: number,
  depth: number,
  look: boolean,
  shape: Shape,
): number {
  if (depth + 1 > limit) return depth + 1
  if (look && !shape.nestedContext && depth > 0 && Object.hasOwn(value, '@context')) {
    shape.nestedContext = true
  }
  let max = depth + 1
  const isArray = Array.isArray(value)
  const children: unknown[] = isArray ? value : Object.values(value)
  if (!isArray) shape.keys += children.length
  const names = depth === 0 && !isArray ? Object.keys(value) : undefined
  for (let i = 0; i < children.length; i++) {
    const child = children[i]
    if (child === null || typeof child !== 'object') continue
    const below = look && names?.[i] !== '@context'
    const d = walkValues(child, limit, depth + 1, below, shape)
    if (d > max) max = d
    if (max > limit) return max
  }
  return max
}

function walk(value: object, limit: number, depth: number, look: boolean, shape: Shape): number {
  if (depth + 1 > limit) return depth + 1
  if (look && !shape.nestedContext && depth > 0 && Object.hasOwn(value, '@context')) {
    shape.nestedContext = true
  }
  let max = depth + 1
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const d = descend(value[i], i, limit, depth, look, shape)
      if (d < 0) return max
      if (d > max) max = d
      if (max > limit) return max
    }
    return max
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    shape.keys++
    if (!isWellFormed(key)) {
      shape.illFormed = [key]
      return max
    }
    // The top-level context is the context check's own business; nested ones are looked for.
    const below = look && !(depth === 0 && key === '@context')
    const d = descend((value as Record<string, unknown>)[key], key, limit, depth, below, shape)
    if (d < 0) return max
    if (d > max) max = d
    if (max > limit) return max
  }
  return max
}

/**
 * One child of an object or array at `depth`: the depth below it, or -1 when the walk stops (a
 * string that is not well-formed, here or below; `shape.illFormed` then ends with `at`). A scalar
 * child adds no depth, so only objects are descended into; strings are checked on the way.
 */
function descend(
  child: unknown,
  at: string | number,
  limit: number,
  depth: number,
  look: boolean,
  shape: Shape,
): number {
  if (typeof child === 'string') {
    if (isWellFormed(child)) return 0
    shape.illFormed = [at]
    return -1
  }
  if (child === null || typeof child !== 'object') return 0
  const d = walk(child, limit, depth + 1, look, shape)
  if (!shape.illFormed) return d
  shape.illFormed.push(at)
  return -1
}

/**
 * valueDepth and, in the same walk, whether there are nested `@context` keys (so the context check
 * need not walk the credential again when there are none) and the first string or member name
 * that is not well-formed UTF-16 (strings deeper than `limit` are not reached). `parsedFrom`, the
 * JSON text the value was parsed from, spares looking at every string when the text shows that
 * none can be ill-formed (`stringsOfTextWellFormed`).
 */
export function inspectValue(value: unknown, limit: number, parsedFrom?: string): Shape {
  const shape: Shape = { depth: 0, keys: 0, nestedContext: false }
  const strings = parsedFrom === undefined || !stringsOfTextWellFormed(parsedFrom)
  if (value !== null && typeof value === 'object') {
    shape.depth = strings
      ? walk(value, limit, 0, true, shape)
      : walkValues(value, limit, 0, true, shape)
  }
  // Segments were collected from the string up; the path reads from the top.
  shape.illFormed?.reverse()
  return shape
}

/** The STRING_NOT_WELL_FORMED finding for a shape with an ill-formed string, else undefined. */
export function illFormedFinding(shape: Shape): Finding | undefined {
  if (shape.illFormed === undefined) return undefined
  return finding(
    'STRING_NOT_WELL_FORMED',
    pointer(...shape.illFormed),
    'a string or member name has a lone surrogate (not well-formed UTF-16); it would be signed as U+FFFD',
  )
}

/**
 * The repeated member name of the JSON text the credential was parsed from, left to this walk by
 * unwrapDeferringDuplicates: JSON.parse keeps one key per name, so the text repeats a name exactly
 * when it has more member names than the walk counted keys. Only a text that fails the count (or
 * whose walk stopped early) is searched again, to say where.
 */
function uncheckedDuplicate(
  unwrapped: UnwrappedCredential,
  shape: Shape,
  limits: InputLimits,
): Finding | undefined {
  const text = unwrapped.unchecked
  if (text === undefined) return undefined
  const walked = shape.depth <= limits.maxDepth && shape.illFormed === undefined
  if (walked && namesAreKeys(text, shape.keys)) return undefined
  const duplicate = findDuplicateKey(text)
  if (!duplicate) return undefined
  const what = unwrapped.jws !== undefined ? 'the JWS payload' : 'the JSON input'
  return finding(
    'JSON_DUPLICATE_KEY',
    duplicate.path,
    `${what} repeats the member name ${JSON.stringify(duplicate.key)}`,
  )
}

/** Applies the caps and unwraps the credential; never throws. */
const tooLarge = (bytes: number, cap: number): Finding =>
  finding('INPUT_TOO_LARGE', '', { expected: String(cap), actual: String(bytes) })
const tooDeep = (cap: number): Finding => finding('INPUT_TOO_DEEP', '', { expected: String(cap) })

export function readInput(input: unknown, limits: InputLimits): ReadResult {
  const fail = (f: Finding): ReadResult => ({ ok: false, findings: [f] })
  let inputShape: Shape | undefined
  try {
    if (typeof input === 'string') {
      const bytes = Buffer.byteLength(input, 'utf8')
      if (bytes > limits.maxBytes) {
        return fail(tooLarge(bytes, limits.maxBytes))
      }
      // Depth is checked on the parsed credential below (V8's JSON.parse does not recurse).
    } else if (input !== null && typeof input === 'object') {
      inputShape = inspectValue(input, limits.maxDepth)
      if (inputShape.depth > limits.maxDepth) {
        return fail(tooDeep(limits.maxDepth))
      }
      const illFormed = illFormedFinding(inputShape)
      if (illFormed) return fail(illFormed)
      let text: string | undefined
      try {
        text = JSON.stringify(input)
      } catch {
        return fail(finding('NOT_AN_OBJECT', '', 'the input is not JSON (a cycle or a BigInt)'))
      }
      const bytes = Buffer.byteLength(text ?? '', 'utf8')
      if (bytes > limits.maxBytes) {
        return fail(tooLarge(bytes, limits.maxBytes))
      }
    }
    const unwrapped = unwrapDeferringDuplicates(input)
    if (isUnwrapFailure(unwrapped)) {
      const path = 'path' in unwrapped ? unwrapped.path : ''
      return fail(finding(unwrapped.code, path, unwrapped.message))
    }
    // A credential given as an object is usually the input itself, already walked above.
    const shape =
      inputShape !== undefined && unwrapped.credential === input
        ? inputShape
        : inspectValue(unwrapped.credential, limits.maxDepth, unwrapped.unchecked)
    const duplicate = uncheckedDuplicate(unwrapped, shape, limits)
    if (duplicate) return fail(duplicate)
    if (shape.depth > limits.maxDepth) {
      return fail(tooDeep(limits.maxDepth))
    }
    // JSON text and JWS payloads: a `\ud800` escape parses into a lone surrogate.
    const illFormed = illFormedFinding(shape)
    if (illFormed) return fail(illFormed)
    return { ok: true, unwrapped, nestedContext: shape.nestedContext }
  } catch (err) {
    return fail(finding('INTERNAL_ERROR', '', `the input could not be read: ${String(err)}`))
  }
}
