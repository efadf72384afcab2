/**
 * Reading untrusted input before any JSON-LD or cryptographic work: size and depth caps, then
 * unwrapping (JSON text, compact JWS, enveloped credential, `{ verifiableCredential }`).
 */
import type { Finding } from '../../results.js'
import { finding } from '../codes.js'
import { isUnwrapFailure, type UnwrappedCredential, unwrapCredential } from '../envelope.js'

export const DEFAULT_MAX_BYTES = 1024 * 1024
export const DEFAULT_MAX_DEPTH = 64

export interface InputLimits {
  maxBytes: number
  maxDepth: number
}

export type ReadResult =
  | { ok: true; unwrapped: UnwrappedCredential }
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
      // Depth is checked on the parsed credential below (V8's JSON.parse does not recurse).
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
