/**
 * Reads a credential out of the forms it travels in, without verifying anything: a credential
 * object, a compact JWS (`vc+jwt`), an `EnvelopedVerifiableCredential` (`data:application/vc+jwt,…`),
 * a `{ "verifiableCredential": … }` wrapper (as UNTP passports travel), or JSON text of any of these.
 */
import type { CredentialFormat } from '../results.js'

export interface UnwrappedCredential {
  format: CredentialFormat
  credential: Record<string, unknown>
  /** The compact JWS, for vc+jwt input. */
  jws?: string
}

export type UnwrapFailure =
  | { code: 'MALFORMED_JSON'; message: string }
  | { code: 'NOT_AN_OBJECT'; message: string }
  | { code: 'JWS_MALFORMED'; message: string }

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/
const ENVELOPE_PREFIX = 'data:application/vc+jwt,'

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/** Whether a string has the shape of a compact JWS. */
export function looksLikeJws(value: string): boolean {
  return JWS.test(value)
}

function decodeJwsPayload(jws: string): UnwrappedCredential | UnwrapFailure {
  const payload = jws.split('.')[1] ?? ''
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return { code: 'JWS_MALFORMED', message: 'the JWS payload is not JSON' }
  }
  if (!isObject(parsed))
    return { code: 'JWS_MALFORMED', message: 'the JWS payload is not an object' }
  return { format: 'vc-jose', credential: parsed, jws }
}

/** Unwraps a credential; returns a failure (never throws) when the input is not one. */
export function unwrapCredential(input: unknown): UnwrappedCredential | UnwrapFailure {
  let value = input
  if (typeof value === 'string') {
    const text = value.trim()
    if (looksLikeJws(text)) return decodeJwsPayload(text)
    if (text.startsWith(ENVELOPE_PREFIX))
      return unwrapCredential(text.slice(ENVELOPE_PREFIX.length))
    try {
      value = JSON.parse(text)
    } catch {
      return { code: 'MALFORMED_JSON', message: 'the input is neither JSON nor a compact JWS' }
    }
  }
  if (!isObject(value))
    return { code: 'NOT_AN_OBJECT', message: 'a credential must be a JSON object' }
  if ('verifiableCredential' in value && !('@context' in value)) {
    return unwrapCredential(value.verifiableCredential)
  }
  const type = value.type
  const isEnvelope =
    type === 'EnvelopedVerifiableCredential' ||
    (Array.isArray(type) && type.includes('EnvelopedVerifiableCredential'))
  if (isEnvelope && typeof value.id === 'string' && value.id.startsWith(ENVELOPE_PREFIX)) {
    const jws = value.id.slice(ENVELOPE_PREFIX.length)
    if (!looksLikeJws(jws))
      return { code: 'JWS_MALFORMED', message: 'the envelope does not hold a compact JWS' }
    return decodeJwsPayload(jws)
  }
  return { format: 'data-integrity', credential: value }
}

/** Narrows an unwrap result to a failure. */
export function isUnwrapFailure(r: UnwrappedCredential | UnwrapFailure): r is UnwrapFailure {
  return 'code' in r
}
