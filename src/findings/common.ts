/** The codes every layer may report: an error caught inside the library, and a list cut at its cap. */
import { defineCodes } from './define.js'
import type { Finding } from './finding.js'

export const commonCodes = defineCodes({
  INTERNAL_ERROR: {
    severity: 'error',
    profiles: ['core'],
    checks: ['syntax'],
    title:
      'The library itself failed on this input (a bug: please report it); reported instead of thrown, and the result is incomplete.',
    message: 'The check failed on this input ({detail}); the result is incomplete.',
    source: 'carbon-passport',
  },
  FINDINGS_TRUNCATED: {
    severity: 'error',
    profiles: ['core'],
    checks: ['schema'],
    title:
      'A report lists at most `maxFindings` findings, and the `schema` check of a verification at most `DEFAULT_MAX_SCHEMA_ERRORS` (1,000 each by default); past them nothing further is checked.',
    message:
      'The findings stop after {expected}: the input was not checked further, so it cannot conform.',
    source: 'carbon-passport security defaults',
  },
})

/**
 * Keeps the first `keep` findings of `findings` and appends FINDINGS_TRUNCATED, which names `cap`,
 * the most findings of the whole report.
 */
export function truncateFindings(findings: Finding[], keep: number, cap: number): void {
  if (findings.length > keep) findings.length = Math.max(0, keep)
  commonCodes.report(findings, 'FINDINGS_TRUNCATED', '', { expected: String(cap) })
}
