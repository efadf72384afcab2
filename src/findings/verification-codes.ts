/**
 * The finding codes of credential verification, each with its meaning: the one place they are
 * documented. Codes are stable public API; match on `code`, never on `message`.
 */
import type { CheckId, Finding, Severity } from '../results.js'

export const VERIFICATION_CODES = {
  // syntax: reading the input
  INPUT_TOO_LARGE: 'The input is larger than `maxBytes` (1 MiB by default); nothing else was read.',
  INPUT_TOO_DEEP:
    'The input nests deeper than `maxDepth` (64 by default), or is wrapped (`{ verifiableCredential }`, envelopes, JSON text) more than `MAX_WRAPPING_DEPTH` (4) times; nothing else was read.',
  MALFORMED_JSON: 'The input text is neither JSON nor a compact JWS.',
  NOT_AN_OBJECT: 'The credential is not a JSON object.',
  OPTION_INVALID:
    'A verification option is invalid (`now` not a valid Date, `maxClockSkew` not a finite number >= 0, a cap such as `maxBytes` or `maxQuads` not a number > 0); verification fails closed.',
  JWS_MALFORMED:
    'The compact JWS cannot be decoded (bad base64url; a header or payload that is not UTF-8 JSON object text).',
  JSON_DUPLICATE_KEY:
    'A JSON text (the input, a JWS payload or protected header) repeats a member name within one object, however spelled (`"a"`, `"\\u0061"`); readers disagree on which value wins, so it is refused.',
  STRING_NOT_WELL_FORMED:
    'A string or member name is not well-formed UTF-16 (a lone surrogate, also from a `\\ud800` escape in JSON text); canonical N-Quads are UTF-8, where it would become U+FFFD and sign as something else. Nothing else was read.',
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
    'A JWT time claim (`iat`, `nbf`, `exp`) is present but not a NumericDate (a finite JSON number of seconds); the JWT fails `validity`, it is never read as if the claim were absent.',
  // context
  CONTEXT_MISSING: '`@context` is missing or does not start with the VC 2.0 context.',
  CONTEXT_NOT_ALLOWED:
    'A context is not allowed here (passports: exactly VC 2.0 + carbon-passport v1; never the undefined-terms context).',
  CONTEXT_INLINE:
    'An inline (object) or nested `@context` is present; only known context URLs are accepted.',
  CONTEXT_UNKNOWN: 'A context URL is not bundled and was not supplied; it is never fetched.',
  JSONLD_KEYWORD_NOT_ALLOWED:
    'A JSON-LD keyword other than the top-level `@context` (`@nest`, `@included`, `@graph`, `@reverse`, `@index`, `@id`, `@type`, `@value`, …), a term standing for one, or a reverse property: the compacted VC 2.0 form has none, and the checks would not see what it signs.',
  JSONLD_KEY_NOT_A_TERM:
    'A key (or a `type`) is not a term of the contexts at its place: an absolute or compact IRI, an undefined name, or a second key with the same meaning. The checks read terms, so such a key would be signed but never checked.',
  JSONLD_VALUE_NOT_COMPACT:
    'A value is not in compacted form: `null`, an empty or nested list, a repeated value, a value object or number where a plain or typed string belongs, an IRI written as a compact IRI, a blank-node id or a term’s IRI, or a map container.',
  JSONLD_NODE_DESCRIBED_TWICE:
    'One node `id` is described in two places with different values of one property; RDF merges them into one node with both. (Descriptions that agree are merged, and the checks read each place with all of them.)',
  // proof (purely cryptographic)
  PROOF_MISSING: 'The credential has no proof and is not a vc+jwt.',
  PROOF_MALFORMED:
    'The proof lacks `type`, `cryptosuite`, `verificationMethod` or `proofValue`, has a `created`/`expires` that is not a dateTimeStamp, or a `proofValue` that is not base58btc multibase (`z…`) of a 64-byte signature (checked by length before decoding; base64url `u…` is refused).',
  PROOF_SET_TOO_LARGE:
    'The credential has more proofs than `maxProofs` (8 by default); none of them was verified.',
  PROOF_CREATED_IN_FUTURE:
    'The proof’s `created` is after the verification time (`now`) plus `maxClockSkew`.',
  PROOF_EXPIRED:
    'The proof’s `expires` is at or before the verification time (`now`) minus `maxClockSkew`.',
  PROOF_PURPOSE_INVALID: 'The proof purpose is not `assertionMethod`.',
  PROOF_CRYPTOSUITE_UNSUPPORTED:
    'The proof type or cryptosuite is not eddsa-rdfc-2022 or ecdsa-rdfc-2019.',
  PROOF_INVALID: 'The signature does not verify with the key the proof names.',
  KEY_NOT_RESOLVED:
    'The verification method could not be found in the DID documents, did:key, the resolver or the loader.',
  KEY_TYPE_MISMATCH: 'The key type does not fit the cryptosuite or JWS algorithm.',
  KEY_REVOKED: 'The verification method is marked revoked.',
  KEY_EXPIRED:
    'The verification method’s `expires` is at or before the verification time (`now`) minus `maxClockSkew`, or is not a dateTimeStamp (refused: it cannot be honoured).',
  JOSE_ALG_NOT_ALLOWED:
    'The JWS `alg` is not EdDSA/Ed25519 or ES256 (`none` and HMAC are always refused).',
  JOSE_KID_MISSING: 'The JWS header has no `kid`, so the key cannot be identified.',
  JOSE_CRIT_UNSUPPORTED:
    'The JWS header makes critical an extension this verifier does not support: any `crit` name but `b64`, or an unencoded payload (`b64: false`).',
  JOSE_HEADER_INVALID:
    'The JWS protected header is malformed: `crit` is not a non-empty list of distinct extension parameter names present in the header (JWS/JWA names are not allowed), or `b64` is not a boolean listed in `crit`.',
  UNDEFINED_TERM:
    'A property or type is not defined by the contexts; safe-mode canonicalization refuses to drop it.',
  CONTEXT_PROTECTED_TERM: 'A context tries to redefine a protected term.',
  JSONLD_INVALID: 'The credential is not valid JSON-LD (canonicalization refused it).',
  CANONICALIZATION_LIMIT:
    'RDF canonicalization stopped at its work limit (a poison graph); it fails closed.',
  CANONICALIZATION_INPUT_TOO_LARGE:
    'The RDF dataset to canonicalize (the document or the proof options) has more blank nodes than `maxBlankNodes` (384 by default) or more quads than `maxQuads` (2560 by default); refused before RDF canonicalization starts.',
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
    'No supplied version of the status list verifies as a BitstringStatusListCredential of the credential’s issuer, or the newest one has another purpose, cannot be decoded, has fewer than 131,072 entries, or exceeds the caps (`MAX_STATUS_LIST_LENGTH` entries inflated, `MAX_ENCODED_STATUS_LIST_LENGTH` characters encoded). As a warning: other supplied versions of a list were ignored.',
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
  JOSE_CLAIM_INVALID: 'RFC 7519 §2 (NumericDate), §4.1.4–4.1.6',
  JSON_DUPLICATE_KEY: 'RFC 7515 §4; RFC 7519 §4; RFC 8259 §4',
  STRING_NOT_WELL_FORMED:
    'RFC 8259 §8.2 (unpaired surrogates); RDF Dataset Canonicalization (UTF-8 N-Quads)',
  JOSE_ALG_NOT_ALLOWED: 'VC-JOSE-COSE §3.1.1, RFC 8725 §3.1',
  JOSE_KID_MISSING: 'VC-JOSE-COSE §3.1.2',
  JOSE_CRIT_UNSUPPORTED: 'RFC 7515 §4.1.11; RFC 7797 §3, §6',
  JOSE_HEADER_INVALID: 'RFC 7515 §4.1.11; RFC 7797 §6',
  CONTEXT_MISSING: 'VC 2.0 §4.3',
  CONTEXT_NOT_ALLOWED: 'carbon-passport context allow-list; VC Data Integrity §2.4.1',
  CONTEXT_INLINE: 'carbon-passport context allow-list; VC Data Integrity §2.4.1',
  CONTEXT_UNKNOWN: 'carbon-passport offline loader',
  JSONLD_KEYWORD_NOT_ALLOWED: 'VC 2.0 §4.1 (compacted form); VC Data Integrity §2.4',
  JSONLD_KEY_NOT_A_TERM: 'VC 2.0 §4.1 (compacted form); VC Data Integrity §2.4',
  JSONLD_VALUE_NOT_COMPACT: 'VC 2.0 §4.1 (compacted form); JSON-LD 1.1 API §6 (compaction)',
  JSONLD_NODE_DESCRIBED_TWICE: 'VC Data Integrity §2.4; JSON-LD 1.1 §4.3 (node objects)',
  UNDEFINED_TERM: 'VC Data Integrity §2.4 (securing data losslessly)',
  CONTEXT_PROTECTED_TERM: 'JSON-LD 1.1 §4.1.11',
  CANONICALIZATION_LIMIT: 'RDF Dataset Canonicalization §4.4 (work limits)',
  CANONICALIZATION_INPUT_TOO_LARGE:
    'carbon-passport security defaults; RDF Dataset Canonicalization §4.4 (work limits)',
  PROOF_MALFORMED:
    'VC Data Integrity §2.1; eddsa-rdfc-2022 / ecdsa-rdfc-2019 (proofValue: base58btc)',
  PROOF_SET_TOO_LARGE: 'carbon-passport security defaults; VC Data Integrity §2.1.1 (proof sets)',
  PROOF_CREATED_IN_FUTURE: 'VC Data Integrity §2.1 (created), §4.4',
  PROOF_EXPIRED: 'VC Data Integrity §2.1 (expires), §4.4',
  KEY_EXPIRED: 'Controlled Identifiers §2.2 (verification method expires)',
  PROOF_INVALID: 'VC Data Integrity §4.4',
  ISSUER_KEY_MISMATCH: 'VC Data Integrity §4.4; VC-JOSE-COSE §3.1.2',
  KEY_NOT_AUTHORIZED: 'Controlled Identifiers §3.3 (assertionMethod)',
  EXPIRED: 'VC 2.0 §4.9',
  NOT_YET_VALID: 'VC 2.0 §4.9',
  REVOKED: 'Bitstring Status List §3.2',
  SUSPENDED: 'Bitstring Status List §3.2',
  STATUS_LIST_MISSING: 'Bitstring Status List §3.2',
  STATUS_LIST_INVALID: 'Bitstring Status List §2.1, §3.2',
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
