import { defineCodes } from '../../findings/define.js'

/** The codes of verifying Data Integrity proofs (./verify.ts), in the `proof` check. */
export const dataIntegrityCodes = defineCodes({
  PROOF_MISSING: {
    severity: 'error',
    checks: ['proof'],
    title: 'The credential has no proof and is not a vc+jwt.',
    source: 'carbon-passport',
  },
  PROOF_MALFORMED: {
    severity: 'error',
    checks: ['proof'],
    title:
      'The proof lacks `type`, `cryptosuite`, `verificationMethod` or `proofValue`, has a `created`/`expires` that is not a dateTimeStamp, or a `proofValue` that is not base58btc multibase (`z…`) of a 64-byte signature (checked by length before decoding; base64url `u…` is refused).',
    source: 'VC Data Integrity §2.1; eddsa-rdfc-2022 / ecdsa-rdfc-2019 (proofValue: base58btc)',
  },
  PROOF_SET_TOO_LARGE: {
    severity: 'error',
    checks: ['proof'],
    title:
      'The credential has more proofs than `maxProofs` (8 by default); none of them was verified.',
    source: 'carbon-passport security defaults; VC Data Integrity §2.1.1 (proof sets)',
  },
  PROOF_CREATED_IN_FUTURE: {
    severity: 'error',
    checks: ['proof'],
    title: 'The proof’s `created` is after the verification time (`now`) plus `maxClockSkew`.',
    source: 'VC Data Integrity §2.1 (created), §4.4',
  },
  PROOF_EXPIRED: {
    severity: 'error',
    checks: ['proof'],
    title:
      'The proof’s `expires` is at or before the verification time (`now`) minus `maxClockSkew`.',
    source: 'VC Data Integrity §2.1 (expires), §4.4',
  },
  PROOF_PURPOSE_INVALID: {
    severity: 'error',
    checks: ['proof'],
    title: 'The proof purpose is not `assertionMethod`.',
    source: 'carbon-passport',
  },
  PROOF_CRYPTOSUITE_UNSUPPORTED: {
    severity: 'error',
    checks: ['proof'],
    title: 'The proof type or cryptosuite is not eddsa-rdfc-2022 or ecdsa-rdfc-2019.',
    source: 'carbon-passport',
  },
})
