import { defineCodes } from '../../findings/define.js'

/**
 * The codes of issuing and verifying presentations (./issue.ts, ./verify.ts, ./syntax.ts): the VC
 * 2.0 presentation data model, the holder's proof (purpose, challenge, domain) and its binding to
 * the holder, and the verdict on each credential the presentation carries.
 */
export const presentationCodes = defineCodes({
  PRESENTATION_TYPE_INVALID: {
    severity: 'error',
    checks: ['syntax'],
    title: '`type` is missing or is not a list of strings that includes `VerifiablePresentation`.',
    source: 'VC 2.0 §4.13',
  },
  HOLDER_INVALID: {
    severity: 'error',
    checks: ['syntax'],
    title: '`holder` is neither a URL nor an object with a URL `id`.',
    source: 'VC 2.0 §4.13',
  },
  PRESENTATION_CREDENTIAL_INVALID: {
    severity: 'error',
    checks: ['syntax'],
    title:
      'An entry of `verifiableCredential` is not an object (a verifiable credential or an `EnvelopedVerifiableCredential`), or there are more than `maxCredentials` (64 by default).',
    source: 'VC 2.0 §4.13',
  },
  PRESENTATION_PROOF_PURPOSE_INVALID: {
    severity: 'error',
    checks: ['proof'],
    title: 'The proof of a presentation does not have the purpose `authentication`.',
    source: 'VC Data Integrity §2.1; VC 2.0 §4.13',
  },
  PRESENTATION_CHALLENGE_MISMATCH: {
    severity: 'error',
    checks: ['proof'],
    title:
      'The caller gave a `challenge` and the presentation’s proof (or the vp+jwt `nonce`) does not carry exactly it.',
    source: 'VC Data Integrity §2.1 (challenge)',
  },
  PRESENTATION_DOMAIN_MISMATCH: {
    severity: 'error',
    checks: ['proof'],
    title:
      'The caller gave a `domain` and the presentation’s proof `domain` (or the vp+jwt `aud`) is not it and does not list it.',
    source: 'VC Data Integrity §2.1 (domain)',
  },
  HOLDER_KEY_MISMATCH: {
    severity: 'error',
    checks: ['holder-binding'],
    title:
      'The key that signed the presentation is not controlled by its `holder`, or its holder’s DID document does not list it under `authentication`.',
    source: 'VC 2.0 §4.13; VC Data Integrity §2.1 (authentication)',
  },
  HOLDER_NOT_RESOLVED: {
    severity: 'error',
    checks: ['holder-binding'],
    title: 'No DID document for the holder could be found (supply it in `didDocuments`).',
    source: 'carbon-passport',
  },
  PRESENTATION_UNSIGNED: {
    severity: 'warning',
    checks: ['proof'],
    title:
      'The presentation has no proof and no JWS; its credentials are verified, but nothing binds them to a holder (fails when the caller gave a `challenge` or `domain`).',
    source: 'VC 2.0 §4.13',
  },
  CREDENTIAL_NOT_VERIFIED: {
    severity: 'error',
    checks: ['credentials'],
    title:
      'A credential the presentation carries did not verify; its own result (`credentials[i]`) says why.',
    source: 'VC 2.0 §4.13',
  },
})
