import { defineCodes } from '../../findings/define.js'

/** The codes of verifying a vc+jwt (./verify.ts): header and claim rules, the algorithm and `kid`. */
export const joseCodes = defineCodes({
  JOSE_TYP_INVALID: {
    severity: 'error',
    checks: ['syntax'],
    title: 'The JWS header `typ` is missing or not `vc+jwt`.',
    source: 'VC-JOSE-COSE §3.1.1',
  },
  JOSE_CTY_INVALID: {
    severity: 'error',
    checks: ['syntax'],
    title: 'The JWS header `cty` is present but not `vc`.',
    source: 'VC-JOSE-COSE §3.1.1',
  },
  JOSE_CLAIM_FORBIDDEN: {
    severity: 'error',
    checks: ['syntax'],
    title: 'The JWT claims `vc` or `vp` are present; VC-JOSE forbids them.',
    source: 'VC-JOSE-COSE §3.1.1',
  },
  JOSE_CLAIM_CONFLICT: {
    severity: 'error',
    checks: ['syntax'],
    title:
      'A JWT claim (`iss`, `jti`, `sub`) contradicts the credential (`issuer`, `id`, subject id).',
    source: 'VC-JOSE-COSE §3.1.3',
  },
  JOSE_CLAIM_INVALID: {
    severity: 'error',
    checks: ['validity'],
    title:
      'A JWT time claim (`iat`, `nbf`, `exp`) is present but not a NumericDate (a finite JSON number of seconds); the JWT fails `validity`, it is never read as if the claim were absent.',
    source: 'RFC 7519 §2 (NumericDate), §4.1.4–4.1.6',
  },
  JOSE_ALG_NOT_ALLOWED: {
    severity: 'error',
    checks: ['proof'],
    title: 'The JWS `alg` is not EdDSA/Ed25519 or ES256 (`none` and HMAC are always refused).',
    source: 'VC-JOSE-COSE §3.1.1, RFC 8725 §3.1',
  },
  JOSE_KID_MISSING: {
    severity: 'error',
    checks: ['proof'],
    title: 'The JWS header has no `kid`, so the key cannot be identified.',
    source: 'VC-JOSE-COSE §3.1.2',
  },
  JOSE_CRIT_UNSUPPORTED: {
    severity: 'error',
    checks: ['proof'],
    title:
      'The JWS header makes critical an extension this verifier does not support: any `crit` name but `b64`, or an unencoded payload (`b64: false`).',
    source: 'RFC 7515 §4.1.11; RFC 7797 §3, §6',
  },
  JOSE_HEADER_INVALID: {
    severity: 'error',
    checks: ['proof'],
    title:
      'The JWS protected header is malformed: `crit` is not a non-empty list of distinct extension parameter names present in the header (JWS/JWA names are not allowed), or `b64` is not a boolean listed in `crit`.',
    source: 'RFC 7515 §4.1.11; RFC 7797 §6',
  },
})
