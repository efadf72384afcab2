/**
 * Reading untrusted input before any JSON-LD or cryptographic work: size and depth caps, then
 * unwrapping (JSON text, compact JWS, enveloped credential, `{ verifiableCredential }`).
 */
import type { Finding } from '../../results.js'
import { finding } from '../codes.js'
import {
  isUnwrapFailure,
  looksLikeJws,
  type UnwrappedCredential,
  unwrapCredential,
} from '../envelope.js'

export const DEFAULT_MAX_BYTES = 1024 * 1024
export const DEFAULT_MAX_DEPTH = 64

export interface InputLimits {
  maxBytes: number
  maxDepth: number
}

export type ReadResult =
  | { ok: true; unwrapped: UnwrappedCredential }
  | { ok: false; findings: Finding[] }

/** Nesting depth of JSON text, counted outside strings; stops counting past `limit`. */
export function jsonTextDepth(text: string, limit: number): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      depth++
      if (depth > max) {
        max = depth
        if (max > limit) return max
      }
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return max
}

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

const ENVELOPE_PREFIX = 'data:application/vc+jwt,'

/** The JSON text inside a string input: the JWS payload for compact JWS, else the text itself. */
function innerText(text: string): string {
  let t = text.trim()
  if (t.startsWith(ENVELOPE_PREFIX)) t = t.slice(ENVELOPE_PREFIX.length)
  if (looksLikeJws(t)) return Buffer.from(t.split('.')[1] ?? '', 'base64url').toString('utf8')
  return t
}

/** Applies the caps and unwraps the credential; never throws. */
export function readInput(input: unknown, limits: InputLimits): ReadResult {
  const fail = (f: Finding): ReadResult => ({ ok: false, findings: [f] })
  try {
    if (typeof input === 'string') {
      const bytes = Buffer.byteLength(input, 'utf8')
      if (bytes > limits.maxBytes) {
        return fail(
          finding(
            'INPUT_TOO_LARGE',
            '',
            `the input has ${bytes} bytes; the cap is ${limits.maxBytes}`,
          ),
        )
      }
      if (jsonTextDepth(innerText(input), limits.maxDepth) > limits.maxDepth) {
        return fail(
          finding('INPUT_TOO_DEEP', '', `the input nests deeper than ${limits.maxDepth} levels`),
        )
      }
    } else if (input !== null && typeof input === 'object') {
      if (valueDepth(input, limits.maxDepth) > limits.maxDepth) {
        return fail(
          finding('INPUT_TOO_DEEP', '', `the input nests deeper than ${limits.maxDepth} levels`),
        )
      }
      let text: string | undefined
      try {
        text = JSON.stringify(input)
      } catch {
        return fail(finding('NOT_AN_OBJECT', '', 'the input is not JSON (a cycle or a BigInt)'))
      }
      const bytes = Buffer.byteLength(text ?? '', 'utf8')
      if (bytes > limits.maxBytes) {
        return fail(
          finding(
            'INPUT_TOO_LARGE',
            '',
            `the input has ${bytes} bytes; the cap is ${limits.maxBytes}`,
          ),
        )
      }
      // An envelope or wrapper carries a JWS whose payload is checked like text input.
      const inner = (input as Record<string, unknown>).verifiableCredential ?? input
      const id = (inner as Record<string, unknown> | null)?.id
      if (typeof id === 'string' && id.startsWith(ENVELOPE_PREFIX)) {
        if (jsonTextDepth(innerText(id), limits.maxDepth) > limits.maxDepth) {
          return fail(
            finding('INPUT_TOO_DEEP', '', `the input nests deeper than ${limits.maxDepth} levels`),
          )
        }
      }
    }
    const unwrapped = unwrapCredential(input)
    if (isUnwrapFailure(unwrapped)) return fail(finding(unwrapped.code, '', unwrapped.message))
    if (valueDepth(unwrapped.credential, limits.maxDepth) > limits.maxDepth) {
      return fail(
        finding('INPUT_TOO_DEEP', '', `the input nests deeper than ${limits.maxDepth} levels`),
      )
    }
    return { ok: true, unwrapped }
  } catch (err) {
    return fail(finding('INTERNAL_ERROR', '', `the input could not be read: ${String(err)}`))
  }
}
