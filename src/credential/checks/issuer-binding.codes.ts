import { defineCodes } from '../../findings/define.js'

/** The codes of the `issuer-binding` check (./issuer-binding.ts). */
export const issuerBindingCodes = defineCodes({
  ISSUER_KEY_MISMATCH: {
    severity: 'error',
    checks: ['issuer-binding'],
    title: 'The key’s controller is not the credential’s issuer.',
    source: 'VC Data Integrity §4.4; VC-JOSE-COSE §3.1.2',
  },
  PROOF_BY_OTHER_PARTY: {
    severity: 'info',
    checks: ['issuer-binding'],
    title:
      'A proof of a proof set (or chain) verified but is by a key the issuer does not control (a co-signature); another proof of the set is the issuer’s.',
    source: 'VC Data Integrity §2.1.1 (proof sets and chains)',
  },
  KEY_NOT_AUTHORIZED: {
    severity: 'error',
    checks: ['issuer-binding'],
    title: 'The issuer’s DID document does not list the key under `assertionMethod`.',
    source: 'Controlled Identifiers §3.3 (assertionMethod)',
  },
  CONTROLLER_NOT_RESOLVED: {
    severity: 'error',
    checks: ['issuer-binding'],
    title: 'The controller (DID) document of the key could not be found.',
    source: 'carbon-passport',
  },
})
