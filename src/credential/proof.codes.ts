import { defineCodes } from '../findings/define.js'

/** The codes of the `proof` check that both securing mechanisms report (./data-integrity/verify.ts, ./jose/verify.ts). */
export const proofCodes = defineCodes({
  PROOF_INVALID: {
    severity: 'error',
    checks: ['proof'],
    title: 'The signature does not verify with the key the proof names.',
    source: 'VC Data Integrity §4.4',
  },
  KEY_NOT_RESOLVED: {
    severity: 'error',
    checks: ['proof'],
    title:
      'The verification method could not be found in the DID documents, did:key, the resolver or the loader.',
    source: 'carbon-passport',
  },
  KEY_TYPE_MISMATCH: {
    severity: 'error',
    checks: ['proof'],
    title: 'The key type does not fit the cryptosuite or JWS algorithm.',
    source: 'carbon-passport',
  },
})
