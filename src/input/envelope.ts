/**
 * Reads a credential out of the forms it travels in, without verifying anything: a credential
 * object, a compact JWS (`vc+jwt`), an `EnvelopedVerifiableCredential` (`data:application/vc+jwt,…`),
 * a `{ "verifiableCredential": … }` wrapper (as UNTP passports travel), or JSON text of any of these.
 *
 * JSON text (the input, a JWS payload, a JWS protected header) must be UTF-8 where it is bytes and
 * must not repeat a member name within an object (JSON_DUPLICATE_KEY): `JSON.parse` would keep the
 * last value where another reader keeps the first.
 */

import { isObject } from '../json.js'
import type { CredentialFormat } from '../results.js'
import { findDuplicateKey } from './json-keys.js'

/**
 * How many wrappings (`{ verifiableCredential }`, `data:application/vc+jwt,` envelopes, JSON text in
 * a string) are unwrapped at most: 4. A real credential needs at most 2 (JSON text of a wrapper
 * around an envelope); a cyclic or deeply wrapped input is refused as INPUT_TOO_DEEP instead of
 * overflowing the stack.
 */
export const MAX_WRAPPING_DEPTH = 4

export interface UnwrappedCredential {
  format: CredentialFormat
  credential: Record<string, unknown>
  /** The compact JWS, for vc+jwt input. */
  jws?: string
  /**
   * Only from `unwrapDeferringDuplicates`: the JSON text `credential` was parsed from, whose
   * repeated member names the caller must still look for (`findDuplicateKey`).
   */
  unchecked?: string
}

export type UnwrapFailure =
  | { code: 'MALFORMED_JSON'; message: string }
  | { code: 'NOT_AN_OBJECT'; message: string }
  | { code: 'JWS_MALFORMED'; message: string }
  | { code: 'JSON_DUPLICATE_KEY'; message: string; path: string }
  | { code: 'INPUT_TOO_DEEP'; message: string }

const SEGMENT = /^[A-Za-z0-9_-]*$/
const ENVELOPE_PREFIX = 'data:application/vc+jwt,'

/**
 * The decoded payload of a string of the shape of a compact JWS — three base64url segments, the
 * first non-empty, i.e. /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/ — or undefined.
 *
 * The payload (most of a 20 KB token) is checked without a regex scan: base64url round-trips
 * exactly on whole 4-character groups of its alphabet, and a re-encoding contains nothing else,
 * so its whole groups equal the input's exactly when those are all in the alphabet (a `+`, `=`,
 * space or non-ASCII character never survives); the last 0–3 characters are tested directly.
 * Native decode + encode + compare is ~4.5 µs against ~15 µs for the regex, and the decoded bytes
 * are the payload the caller needs anyway. test/credential/envelope.test.ts checks it against the
 * regex on random strings.
 */
function jwsPayload(value: string): Buffer | undefined {
  const first = value.indexOf('.')
  if (first <= 0) return undefined
  const second = value.indexOf('.', first + 1)
  if (second < 0 || value.indexOf('.', second + 1) >= 0) return undefined
  if (!SEGMENT.test(value.slice(0, first)) || !SEGMENT.test(value.slice(second + 1))) {
    return undefined
  }
  const payload = value.slice(first + 1, second)
  const bytes = Buffer.from(payload, 'base64url')
  const whole = payload.length - (payload.length % 4)
  if (bytes.toString('base64url').slice(0, whole) !== payload.slice(0, whole)) return undefined
  return SEGMENT.test(payload.slice(whole)) ? bytes : undefined
}

/** Whether a string has the shape of a compact JWS. */
export function looksLikeJws(value: string): boolean {
  return jwsPayload(value) !== undefined
}

/** Strict UTF-8: a bad byte is an error, not U+FFFD; a BOM is kept (and so refused by JSON.parse). */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** The duplicate-key failure for a JSON text, if it repeats a member name. */
function duplicateFailure(text: string, parsed: unknown, what: string): UnwrapFailure | undefined {
  const duplicate = findDuplicateKey(text, parsed)
  if (!duplicate) return undefined
  return {
    code: 'JSON_DUPLICATE_KEY',
    message: `${what} repeats the member name ${JSON.stringify(duplicate.key)}`,
    path: duplicate.path,
  }
}

/**
 * A JSON object from UTF-8 bytes (a JWS payload or header), refusing repeated member names unless
 * `defer`, when the text comes back for the caller to check.
 */
function parseJsonObjectBytes(
  bytes: Uint8Array,
  what: string,
  defer = false,
): { value: Record<string, unknown>; text?: string } | UnwrapFailure {
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return { code: 'JWS_MALFORMED', message: `${what} is not UTF-8` }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { code: 'JWS_MALFORMED', message: `${what} is not JSON` }
  }
  if (!isObject(parsed)) return { code: 'JWS_MALFORMED', message: `${what} is not an object` }
  if (defer) return { value: parsed, text }
  return duplicateFailure(text, parsed, what) ?? { value: parsed }
}

function decodeJwsPayload(
  jws: string,
  payload: Buffer,
  defer: boolean,
): UnwrappedCredential | UnwrapFailure {
  const parsed = parseJsonObjectBytes(payload, 'the JWS payload', defer)
  if ('code' in parsed) return parsed
  const credential: UnwrappedCredential = { format: 'vc-jose', credential: parsed.value, jws }
  if (parsed.text !== undefined) credential.unchecked = parsed.text
  return credential
}

/**
 * The protected header of a compact JWS (as unwrapCredential returns it): a JSON object in strict
 * base64url and UTF-8, without repeated parameter names (RFC 7515 §4, §5.2). Never throws.
 */
export function decodeJwsHeader(jws: string): { header: Record<string, unknown> } | UnwrapFailure {
  const segment = jws.slice(0, Math.max(jws.indexOf('.'), 0))
  if (segment === '' || !SEGMENT.test(segment) || segment.length % 4 === 1) {
    return { code: 'JWS_MALFORMED', message: 'the JWS protected header is not base64url' }
  }
  const parsed = parseJsonObjectBytes(Buffer.from(segment, 'base64url'), 'the JWS protected header')
  return 'code' in parsed ? parsed : { header: parsed.value }
}

/** Unwraps a credential; returns a failure (never throws) when the input is not one. */
export function unwrapCredential(input: unknown): UnwrappedCredential | UnwrapFailure {
  return unwrap(input, 0, false)
}

/**
 * unwrapCredential, except that the JSON text the credential itself was parsed from (a JWS payload,
 * or JSON text of the credential) is not searched for repeated member names but returned as
 * `unchecked`, for a caller that counts the parsed value's keys in a walk it makes anyway
 * (readInput). Texts of wrappers and headers are checked here as always.
 */
export function unwrapDeferringDuplicates(input: unknown): UnwrappedCredential | UnwrapFailure {
  return unwrap(input, 0, true)
}

function unwrap(
  input: unknown,
  depth: number,
  defer: boolean,
): UnwrappedCredential | UnwrapFailure {
  if (depth > MAX_WRAPPING_DEPTH) {
    return {
      code: 'INPUT_TOO_DEEP',
      message: `the credential is wrapped more than ${MAX_WRAPPING_DEPTH} times`,
    }
  }
  let value = input
  if (typeof value === 'string') {
    const text = value.trim()
    const payload = jwsPayload(text)
    if (payload) return decodeJwsPayload(text, payload, defer)
    if (text.startsWith(ENVELOPE_PREFIX))
      return unwrap(text.slice(ENVELOPE_PREFIX.length), depth + 1, defer)
    try {
      value = JSON.parse(text)
    } catch {
      return { code: 'MALFORMED_JSON', message: 'the input is neither JSON nor a compact JWS' }
    }
    if (!(defer && isPlainCredential(value))) {
      const duplicate = duplicateFailure(text, value, 'the JSON input')
      if (duplicate) return duplicate
    } else {
      return { format: 'data-integrity', credential: value, unchecked: text }
    }
  }
  if (!isObject(value))
    return { code: 'NOT_AN_OBJECT', message: 'a credential must be a JSON object' }
  if (isWrapper(value)) return unwrap(value.verifiableCredential, depth + 1, defer)
  if (isEnvelope(value)) {
    const jws = value.id.slice(ENVELOPE_PREFIX.length)
    const payload = jwsPayload(jws)
    if (!payload)
      return { code: 'JWS_MALFORMED', message: 'the envelope does not hold a compact JWS' }
    return decodeJwsPayload(jws, payload, defer)
  }
  return { format: 'data-integrity', credential: value }
}

const isWrapper = (value: Record<string, unknown>): boolean =>
  'verifiableCredential' in value && !('@context' in value)

function isEnvelope(value: Record<string, unknown>): value is { id: string } {
  const type = value.type
  return (
    (type === 'EnvelopedVerifiableCredential' ||
      (Array.isArray(type) && type.includes('EnvelopedVerifiableCredential'))) &&
    typeof value.id === 'string' &&
    value.id.startsWith(ENVELOPE_PREFIX)
  )
}

/** A parsed JSON value that unwrap returns as it is: an object, neither a wrapper nor an envelope. */
const isPlainCredential = (value: unknown): value is Record<string, unknown> =>
  isObject(value) && !isWrapper(value) && !isEnvelope(value)

/** Narrows an unwrap result to a failure. */
export function isUnwrapFailure(r: UnwrappedCredential | UnwrapFailure): r is UnwrapFailure {
  return 'code' in r
}
