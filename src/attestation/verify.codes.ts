import { defineCodes } from '../findings/define.js'

const SOURCE = 'carbon-passport attestations (ISO 14064-3:2019)'

/**
 * The codes of the `third-party-verification` check (./verify.ts). When one attestation of a
 * trusted verifier covers the passport, the problems of the other attestations given for it are
 * reported as warnings; otherwise as errors.
 */
export const attestationCodes = defineCodes({
  ATTESTATION_OPTION_INVALID: {
    severity: 'error',
    checks: ['third-party-verification'],
    title:
      '`attestations` or `trustedVerifiers` is not what it must be (an array of at most `MAX_ATTESTATIONS` attestations; DIDs or `{ id, accreditation? }`); the check fails closed.',
    source: 'carbon-passport',
  },
  ATTESTATION_MISSING: {
    severity: 'error',
    checks: ['third-party-verification'],
    title: 'No attestation given is about this passport (by its id or its digest).',
    source: SOURCE,
  },
  ATTESTATION_INVALID: {
    severity: 'error',
    checks: ['third-party-verification'],
    title:
      'An attestation about this passport cannot be read, is not a `CarbonPassportAttestation` or does not validate against schemas/v1/attestation.schema.json.',
    source: 'schemas/v1/attestation.schema.json',
  },
  ATTESTATION_PROOF_INVALID: {
    severity: 'error',
    checks: ['third-party-verification'],
    title:
      'An attestation’s own verification failed: its proof, its issuer’s key (the same DID documents and resolver as the passport’s), its syntax or its contexts (the codes are in the message).',
    source: 'VC 2.0, VC Data Integrity, VC-JOSE-COSE',
  },
  ATTESTATION_EXPIRED: {
    severity: 'error',
    checks: ['third-party-verification'],
    title:
      'An attestation is expired (`validUntil`, JWT `exp`) or not yet valid (`validFrom`, `nbf`).',
    source: 'VC 2.0 §4.9',
  },
  ATTESTATION_REVOKED: {
    severity: 'error',
    checks: ['third-party-verification'],
    title:
      'An attestation is revoked or suspended, or its `credentialStatus` cannot be checked with the status lists given.',
    source: 'W3C Bitstring Status List 1.0',
  },
  ATTESTATION_DIGEST_MISMATCH: {
    severity: 'error',
    checks: ['third-party-verification'],
    title:
      'An attestation names this passport but another digest: it attests another version or a changed copy of the passport.',
    source: SOURCE,
  },
  VERIFIER_NOT_TRUSTED: {
    severity: 'error',
    checks: ['third-party-verification'],
    title: 'The attestation’s issuer is not in `trustedVerifiers` (or none were given).',
    source: SOURCE,
  },
  VERIFIER_ACCREDITATION_MISMATCH: {
    severity: 'error',
    checks: ['third-party-verification'],
    title:
      'The trusted verifier is trusted with an accreditation number the attestation does not state.',
    source: 'ISO 14065:2020, ISO/IEC 17029:2019',
  },
  ATTESTATION_FIGURES_DIFFER: {
    severity: 'error',
    checks: ['third-party-verification'],
    title:
      'A figure the attestation verified differs from the passport’s value at its pointer (or the passport has no value there).',
    message: 'The passport states {expected} here, but {detail}.',
    source: SOURCE,
  },
  ATTESTATION_FIGURES_INCOMPLETE: {
    severity: 'error',
    checks: ['third-party-verification'],
    title:
      'The attestation does not cover a figure the passport declares: the PCF, the declared unit, or a battery declaration’s per-FU value.',
    source: SOURCE,
  },
  ATTESTATION_OPINION_ADVERSE: {
    severity: 'error',
    checks: ['third-party-verification'],
    title:
      'The attestation’s opinion is adverse, or a disclaimer: the verifier does not vouch for the figures.',
    source: 'ISO 14064-3:2019',
  },
  ATTESTATION_OPINION_MODIFIED: {
    severity: 'warning',
    checks: ['third-party-verification'],
    title:
      'The attestation’s opinion is modified: the figures are fairly stated except for the matters its statement describes.',
    source: 'ISO 14064-3:2019',
  },
  ATTESTATION_CHECK_FAILED: {
    severity: 'error',
    checks: ['third-party-verification'],
    title:
      'The library failed while checking the attestations (a bug: please report it); reported instead of thrown.',
    source: 'carbon-passport',
  },
})
