/** Helpers shared by `fromPact` and `toPact`. */
import type { Finding } from '../../findings/finding.js'
import { pointer } from '../../findings/pointer.js'
import { conversionCodes } from '../codes.js'
import { Losses, readCredential } from '../source.js'

export { isObject, type Json } from '../../json.js'
export { deepEqual } from '../json.js'
export { finish } from '../types.js'

/** A JSON Pointer from path segments. */
export const ptr = (...segments: (string | number)[]): string => pointer(...segments)

/** A UUID (any version, any case). */
export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
/** PACT `specVersion`. */
export const SPEC_VERSION = /^[0-9]+\.[0-9]+\.[0-9]+(-[0-9]{8})?$/

/** The conversion finding for `code` at `path` with a message. */
export const loss = (
  code: Parameters<typeof conversionCodes.finding>[0],
  path: string,
  detail: string,
): Finding => conversionCodes.finding(code, path, { detail })

/**
 * Reads the PACT document or passport through the one source reader (../source.ts); its findings
 * are SOURCE_UNREADABLE.
 */
export function readSource(
  input: unknown,
  what: string,
): { ok: true; doc: Record<string, unknown> } | { ok: false; losses: Finding[] } {
  const losses = new Losses()
  const doc = readCredential(input, what, losses, `the ${what} cannot be read: `)
  return doc ? { ok: true, doc } : { ok: false, losses: losses.list }
}
