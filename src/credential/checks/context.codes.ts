import { defineCodes } from '../../findings/define.js'

/** The codes of the `context` check (./context.ts); a context the loader cannot find also fails the `proof` check. */
export const contextCodes = defineCodes({
  CONTEXT_MISSING: {
    severity: 'error',
    checks: ['context'],
    title: '`@context` is missing or does not start with the VC 2.0 context.',
    source: 'VC 2.0 §4.3',
  },
  CONTEXT_NOT_ALLOWED: {
    severity: 'error',
    checks: ['context'],
    title:
      'A context is not allowed here (passports: exactly VC 2.0 + carbon-passport v1; never the undefined-terms context).',
    source: 'carbon-passport context allow-list; VC Data Integrity §2.4.1',
  },
  CONTEXT_INLINE: {
    severity: 'error',
    checks: ['context'],
    title:
      'An inline (object) `@context` where none is accepted (passports; the first entry; a `null` or non-object entry), or a nested `@context` below the top level.',
    source: 'carbon-passport context allow-list; VC Data Integrity §2.4.1',
  },
  CONTEXT_TOO_LARGE: {
    severity: 'error',
    checks: ['context'],
    title:
      '`@context` has more than `MAX_CONTEXTS` (16) entries, or its inline contexts together exceed `MAX_INLINE_CONTEXT_BYTES` (32 KiB as JSON).',
    source: 'carbon-passport security defaults',
  },
  CONTEXT_UNKNOWN: {
    severity: 'error',
    checks: ['context', 'proof'],
    title: 'A context URL is not bundled and was not supplied; it is never fetched.',
    source: 'carbon-passport offline loader',
  },
})
