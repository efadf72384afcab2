/**
 * The finding codes of credential verification, each with its meaning: the one place they are
 * documented. Codes are stable public API; match on `code`, never on `message`.
 */
import type { CheckId, Finding, Severity } from '../results.js'

export const VERIFICATION_CODES = {
  // syntax: reading the input
  INPUT_TOO_LARGE: 'The input is larger than `maxBytes` (1 MiB by default); nothing else was read.',
  INPUT_TOO_DEEP: 'The input nests deeper than `maxDepth` (64 by default); nothing else was read.',
  MALFORMED_JSON: 'The input text is neither JSON nor a compact JWS.',
  NOT_AN_OBJECT: 'The credential is not a JSON object.',
  JWS_MALFORMED: 'The compact JWS cannot be decoded (bad base64url, header or payload).',
  // syntax: the VC 2.0 data model
  FIELD_MISSING:
    'A property VC 2.0 requires (`@context`, `type`, `issuer`, `credentialSubject`) is missing.',
  TYPE_INVALID: '`type` is not a list of strings that includes `VerifiableCredential`.',
  ID_INVALID: 'An `id` is not an absolute URL.',
  ISSUER_INVALID: '`issuer` is neither a URL nor an object with a URL `id`.',
  SUBJECT_INVALID: '`credentialSubject` is not an object (or a non-empty list of objects).',
  DATE_INVALID: '`validFrom`/`validUntil` is not an XML Schema dateTimeStamp (with a time zone).',
  VALIDITY_RANGE_INVALID: '`validUntil` is not after `validFrom`.',
  TYPE_REQUIRED:
    'An entry of `credentialSchema`, `credentialStatus`, `refreshService`, `evidence` or `termsOfUse` has no `type`.',
  RELATED_RESOURCE_INVALID:
    'A `relatedResource` lacks an `id` or a digest (`digestSRI`/`digestMultibase`), or repeats an id.',
  ALREADY_SIGNED: 'The credential handed to an issuing function already has a proof.',
  // syntax: the vc+jwt envelope
  JOSE_TYP_INVALID: 'The JWS header `typ` is missing or not `vc+jwt`.',
  JOSE_CTY_INVALID: 'The JWS header `cty` is present but not `vc`.',
  JOSE_CLAIM_FORBIDDEN: 'The JWT claims `vc` or `vp` are present; VC-JOSE forbids them.',
  JOSE_CLAIM_CONFLICT:
    'A JWT claim (`iss`, `jti`, `sub`) contradicts the credential (`issuer`, `id`, subject id).',
  JOSE_CLAIM_INVALID:
    'A JWT time claim (`iat`, `nbf`, `exp`) is not a NumericDate and was ignored.',
  // context
  CONTEXT_MISSING: '`@context` is missing or does not start with the VC 2.0 context.',
  CONTEXT_NOT_ALLOWED:
    'A context is not allowed here (passports: exactly VC 2.0 + carbon-passport v1; never the undefined-terms context).',
  CONTEXT_INLINE:
    'An inline (object) or nested `@context` is present; only known context URLs are accepted.',
  CONTEXT_UNKNOWN: 'A context URL is not bundled and was not supplied; it is never fetched.',
  // proof (purely cryptographic)
  PROOF_MISSING: 'The credential has no proof and is not a vc+jwt.',
  PROOF_MALFORMED:
    'The proof lacks `type`, `cryptosuite`, `verificationMethod` or `proofValue`, or has a bad `created`.',
  PROOF_PURPOSE_INVALID: 'The proof purpose is not `assertionMethod`.',
  PROOF_CRYPTOSUITE_UNSUPPORTED:
    'The proof type or cryptosuite is not eddsa-rdfc-2022 or ecdsa-rdfc-2019.',
  PROOF_INVALID: 'The signature does not verify with the key the proof names.',
  KEY_NOT_RESOLVED:
    'The verification method could not be found in the DID documents, did:key, the resolver or the loader.',
  KEY_TYPE_MISMATCH: 'The key type does not fit the cryptosuite or JWS algorithm.',
  KEY_REVOKED: 'The verification method is marked revoked.',
  JOSE_ALG_NOT_ALLOWED:
    'The JWS `alg` is not EdDSA/Ed25519 or ES256 (`none` and HMAC are always refused).',
  JOSE_KID_MISSING: 'The JWS header has no `kid`, so the key cannot be identified.',
  JOSE_CRIT_UNSUPPORTED:
    'The JWS header lists `crit` parameters this verifier does not understand.',
  UNDEFINED_TERM:
    'A property or type is not defined by the contexts; safe-mode canonicalization refuses to drop it.',
  CONTEXT_PROTECTED_TERM: 'A context tries to redefine a protected term.',
  JSONLD_INVALID: 'The credential is not valid JSON-LD (canonicalization refused it).',
  CANONICALIZATION_LIMIT:
    'RDF canonicalization stopped at its work limit (a poison graph); it fails closed.',
  // issuer-binding
  ISSUER_KEY_MISMATCH: 'The key’s controller is not the credential’s issuer.',
  KEY_NOT_AUTHORIZED: 'The issuer’s DID document does not list the key under `assertionMethod`.',
  CONTROLLER_NOT_RESOLVED: 'The controller (DID) document of the key could not be found.',
  // validity
  EXPIRED: '`validUntil` (or JWT `exp`) is in the past.',
  NOT_YET_VALID: '`validFrom` (or JWT `nbf`) is in the future.',
  // status
  REVOKED: 'The status list marks the credential revoked.',
  SUSPENDED: 'The status list marks the credential suspended.',
  STATUS_LIST_MISSING:
    'A status list the credential refers to was not supplied (`statusLists`); nothing is fetched.',
  STATUS_LIST_INVALID:
    'The supplied status list does not verify, has another issuer or purpose, or cannot be decoded.',
  STATUS_INDEX_INVALID: '`statusListIndex` is not a non-negative integer inside the list.',
  STATUS_INDEX_NUMERIC: '`statusListIndex` is a JSON number; the spec wants a string (accepted).',
  STATUS_TYPE_UNSUPPORTED: 'A `credentialStatus` entry is not a BitstringStatusListEntry.',
  STATUS_MESSAGE:
    'A status purpose other than revocation/suspension has its bit set (informational).',
  // issuer-trust
  ISSUER_NOT_TRUSTED: 'The issuer is not in `trustedIssuers`.',
  // schema
  SCHEMA_VIOLATION: 'The credential does not validate against its JSON Schema.',
  SCHEMA_NOT_AVAILABLE:
    'The credential names no schema this library bundles; schema validation was skipped.',
  // conformance
  CONFORMANCE_UNAVAILABLE: 'The conformance checker failed to run.',
  // anything else
  INTERNAL_ERROR: 'An unexpected error; reported instead of thrown.',
} as const

export type VerificationCode = keyof typeof VERIFICATION_CODES

/** Where each rule comes from, for the `rule` field of findings (`carbon-passport` when absent). */
export const VERIFICATION_RULES: Partial<Record<VerificationCode, string>> = {
  INPUT_TOO_LARGE: 'carbon-passport security defaults',
  INPUT_TOO_DEEP: 'carbon-passport security defaults',
  FIELD_MISSING: 'VC 2.0 §4',
  TYPE_INVALID: 'VC 2.0 §4.5',
  ID_INVALID: 'VC 2.0 §4.4',
  ISSUER_INVALID: 'VC 2.0 §4.7',
  SUBJECT_INVALID: 'VC 2.0 §4.8',
  DATE_INVALID: 'VC 2.0 §4.9',
  VALIDITY_RANGE_INVALID: 'VC 2.0 §4.9',
  TYPE_REQUIRED: 'VC 2.0 §4.10–4.12, §5.4, §5.6',
  RELATED_RESOURCE_INVALID: 'VC 2.0 §5.3',
  JOSE_TYP_INVALID: 'VC-JOSE-COSE §3.1.1',
  JOSE_CTY_INVALID: 'VC-JOSE-COSE §3.1.1',
  JOSE_CLAIM_FORBIDDEN: 'VC-JOSE-COSE §3.1.1',
  JOSE_CLAIM_CONFLICT: 'VC-JOSE-COSE §3.1.3',
  JOSE_CLAIM_INVALID: 'RFC 7519 §4.1',
  JOSE_ALG_NOT_ALLOWED: 'VC-JOSE-COSE §3.1.1, RFC 8725 §3.1',
  JOSE_KID_MISSING: 'VC-JOSE-COSE §3.1.2',
  JOSE_CRIT_UNSUPPORTED: 'RFC 7515 §4.1.11',
  CONTEXT_MISSING: 'VC 2.0 §4.3',
  CONTEXT_NOT_ALLOWED: 'carbon-passport context allow-list; VC Data Integrity §2.4.1',
  CONTEXT_INLINE: 'carbon-passport context allow-list; VC Data Integrity §2.4.1',
  CONTEXT_UNKNOWN: 'carbon-passport offline loader',
  UNDEFINED_TERM: 'VC Data Integrity §2.4 (securing data losslessly)',
  CONTEXT_PROTECTED_TERM: 'JSON-LD 1.1 §4.1.11',
  CANONICALIZATION_LIMIT: 'RDF Dataset Canonicalization §4.4 (work limits)',
  PROOF_INVALID: 'VC Data Integrity §4.4',
  ISSUER_KEY_MISMATCH: 'VC Data Integrity §4.4; VC-JOSE-COSE §3.1.2',
  KEY_NOT_AUTHORIZED: 'Controlled Identifiers §3.3 (assertionMethod)',
  EXPIRED: 'VC 2.0 §4.9',
  NOT_YET_VALID: 'VC 2.0 §4.9',
  REVOKED: 'Bitstring Status List §3.2',
  SUSPENDED: 'Bitstring Status List §3.2',
  STATUS_LIST_MISSING: 'Bitstring Status List §3.2',
  STATUS_LIST_INVALID: 'Bitstring Status List §3.2',
  STATUS_INDEX_INVALID: 'Bitstring Status List §2.1',
  STATUS_INDEX_NUMERIC: 'Bitstring Status List §2.1',
  SCHEMA_VIOLATION: 'schema',
}

/** Builds a finding with the code's meaning as the default message. */
export function finding(
  code: VerificationCode,
  path: string,
  message?: string,
  severity: Severity = 'error',
): Finding<VerificationCode> {
  return {
    code,
    severity,
    path,
    message: message ?? VERIFICATION_CODES[code],
    rule: VERIFICATION_RULES[code] ?? 'carbon-passport',
  }
}

/** JSON Pointer (RFC 6901) from path segments. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')
}

export type { CheckId }
