/** The `validity` check: `validFrom` and `validUntil` against the clock, with a clock skew. */

import { timeOfDateTimeStamp } from '../../date-time.js'
import type { Finding } from '../../findings/finding.js'
import { isVc1 } from './syntax.js'
import { validityCodes } from './validity.codes.js'

const { finding } = validityCodes

export function validityFindings(
  credential: Record<string, unknown>,
  options: { now: Date; maxClockSkew: number },
): Finding[] {
  const findings: Finding[] = []
  const now = options.now.getTime()
  const skew = options.maxClockSkew * 1000
  // VC 1.1 states the same period as `issuanceDate` and `expirationDate`.
  const v1 = isVc1(credential)
  const validFrom = v1 ? credential.issuanceDate : credential.validFrom
  const validUntil = v1 ? credential.expirationDate : credential.validUntil
  const from = timeOfDateTimeStamp(validFrom)
  const until = timeOfDateTimeStamp(validUntil)
  if (from !== undefined && from - skew > now) {
    findings.push(
      finding(
        'NOT_YET_VALID',
        v1 ? '/issuanceDate' : '/validFrom',
        `the credential is valid from ${validFrom}`,
      ),
    )
  }
  if (until !== undefined && until + skew < now) {
    findings.push(
      finding(
        'EXPIRED',
        v1 ? '/expirationDate' : '/validUntil',
        `the credential expired at ${validUntil}`,
      ),
    )
  }
  return findings
}
