/** The `validity` check: `validFrom` and `validUntil` against the clock, with a clock skew. */

import { finding } from '../../findings/verification-codes.js'
import type { Finding } from '../../results.js'
import { isDateTimeStamp } from './syntax.js'

export function validityFindings(
  credential: Record<string, unknown>,
  options: { now: Date; maxClockSkew: number },
): Finding[] {
  const findings: Finding[] = []
  const now = options.now.getTime()
  const skew = options.maxClockSkew * 1000
  const { validFrom, validUntil } = credential
  if (isDateTimeStamp(validFrom) && Date.parse(validFrom) - skew > now) {
    findings.push(
      finding('NOT_YET_VALID', '/validFrom', `the credential is valid from ${validFrom}`),
    )
  }
  if (isDateTimeStamp(validUntil) && Date.parse(validUntil) + skew < now) {
    findings.push(finding('EXPIRED', '/validUntil', `the credential expired at ${validUntil}`))
  }
  return findings
}
