import { defineCodes } from '../../findings/define.js'

/** The codes of the `issuer-binding` check (./issuer-binding.ts). */
export const issuerBindingCodes = defineCodes({
  ISSUER_KEY_MISMATCH: {
    severity: 'error',
    checks: ['issuer-binding'],
    title: 'The key’s controller is not the credential’s issuer.',
    source: 'VC Data Integrity §4.4; VC-JOSE-COSE §3.1.2',
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
