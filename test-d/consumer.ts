/**
 * Type test: a consumer's view of the published declarations. Nothing here runs; `npm test` compiles
 * it against the built `dist/*.d.ts` with `skipLibCheck: false` (the TypeScript default), so a
 * declaration that leaks an untyped vendor module (TS7016) or breaks the public types fails.
 */
import {
  CarbonPassportError,
  type CarbonPassportErrorCode,
  type ConformanceReport,
  checkConformance,
  createPassport,
  generateKeyPair,
  issuePassport,
  type PassportSubjectInput,
  type VerificationResult,
  verifyCredential,
  verifyPassport,
} from 'carbon-passport'

export async function consumer(subject: PassportSubjectInput): Promise<boolean> {
  const key = generateKeyPair({ algorithm: 'Ed25519', controller: 'did:web:x.example' })
  const passport = createPassport(subject, { issuer: { id: 'did:web:x.example', name: 'X' } })
  const report: ConformanceReport = checkConformance(passport, { profiles: ['pact-v3'] })
  const signed = await issuePassport(passport, { key })
  const jwt: string = await issuePassport(passport, { key, format: 'vc-jose' })
  const a: VerificationResult = await verifyPassport(signed, { now: new Date() })
  const b: VerificationResult = await verifyCredential(jwt)
  try {
    await issuePassport({}, { key })
  } catch (err) {
    if (err instanceof CarbonPassportError) {
      const code: CarbonPassportErrorCode = err.code
      return code === 'ERR_PASSPORT_INVALID'
    }
  }
  return report.conforms && a.verified && b.verified
}

// Finding['code'] is the union of the documented codes (FindingCode), not any string.
export const knownCode: import('carbon-passport').Finding['code'] = 'FIELD_REQUIRED'
// @ts-expect-error not a code of the catalogue
export const unknownCode: import('carbon-passport').Finding['code'] = 'NOT_A_CODE'
