/** Turns errors of jsonld.js and rdf-canonize into finding codes (they carry no codes of their own). */
import type { jsonLdErrorCodes } from './errors.codes.js'

/** The codes a jsonld.js or rdf-canonize error maps to (a missing context is the context check's). */
export type JsonLdErrorCode = keyof typeof jsonLdErrorCodes.definitions | 'CONTEXT_UNKNOWN'

const UNDEFINED_TERM_EVENTS = new Set([
  'invalid property',
  'invalid type value',
  'relative @type reference',
  'relative @vocab reference',
  'invalid reverse property',
  'invalid reverse property value',
])

interface ErrorLike {
  name?: unknown
  message?: unknown
  code?: unknown
  details?: { code?: unknown; event?: { code?: unknown; details?: unknown }; cause?: unknown }
  cause?: unknown
}

/** The finding code and a readable message for a canonicalization error, or undefined. */
export function describeJsonLdError(
  error: unknown,
): { code: JsonLdErrorCode; message: string } | undefined {
  const seen = new Set<unknown>()
  let e = error as ErrorLike | undefined
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e)
    const message = typeof e.message === 'string' ? e.message : ''
    const name = typeof e.name === 'string' ? e.name : ''
    if (name === 'jsonld.ValidationError' && typeof e.details?.event?.code === 'string') {
      const event = e.details.event.code
      const detail = JSON.stringify(e.details.event.details ?? {})
      return UNDEFINED_TERM_EVENTS.has(event)
        ? { code: 'UNDEFINED_TERM', message: `safe mode refused it (${event}): ${detail}` }
        : { code: 'JSONLD_INVALID', message: `safe mode refused it (${event}): ${detail}` }
    }
    if (e.details?.code === 'protected term redefinition') {
      return { code: 'CONTEXT_PROTECTED_TERM', message }
    }
    if (e.code === 'ERR_DOCUMENT_NOT_FOUND' || e.code === 'ERR_DID_NOT_RESOLVED') {
      return { code: 'CONTEXT_UNKNOWN', message }
    }
    if (e.code === 'ERR_CANONICALIZATION_INPUT_TOO_LARGE') {
      return { code: 'CANONICALIZATION_INPUT_TOO_LARGE', message }
    }
    if (message.includes('Maximum deep iterations exceeded')) {
      return { code: 'CANONICALIZATION_LIMIT', message }
    }
    const next = e.details?.cause ?? e.cause
    if (next === undefined && name.startsWith('jsonld.')) return { code: 'JSONLD_INVALID', message }
    e = next as ErrorLike | undefined
  }
  return undefined
}
