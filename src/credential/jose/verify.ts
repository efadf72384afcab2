/**
 * Verifying a VC-JOSE compact JWS: the algorithm allow-list, `crit`/`b64`, the key named by `kid`,
 * the signature (the `proof` check), and the header and claim rules of VC-JOSE-COSE (reported as
 * `syntax` and `validity` findings). The JOSE header is plain JSON (strict UTF-8, no repeated
 * parameter names); no JSON-LD processing happens here.
 */
import type { KeyObject } from 'node:crypto'
import { keyLifecycleFinding, type Resolver, type VerificationMethod } from '../../did/resolve.js'
import { combineCodes } from '../../findings/define.js'
import { decodeJwsHeader } from '../../input/envelope.js'
import { inputCodes } from '../../input/read.js'
import { isObject, type Json } from '../../json.js'
import { algorithmOfJwsAlg, algorithmOfPublicJwk } from '../../keys/algorithms.js'
import { publicKeyObject } from '../../keys/key-objects.js'
import { verifyBytes } from '../../keys/signature.js'
import type { KeyAlgorithm } from '../../keys/types.js'
import { publicJwkOfVerificationMethod } from '../../keys/verification-method.js'
import type { Finding } from '../../results.js'
import { issuerId } from '../checks/syntax.js'
import { validityCodes } from '../checks/validity.codes.js'
import { proofCodes } from '../proof.codes.js'
import { joseCodes } from './verify.codes.js'

const { finding } = combineCodes(joseCodes, proofCodes, validityCodes, inputCodes)

/**
 * Verifies the signature of a compact JWS (RFC 7515 §5.2) with node:crypto, synchronously: EdDSA
 * over the ASCII signing input, or ES256 (ECDSA P-256, SHA-256, 64-byte r‖s). jose verifies through
 * WebCrypto, which is asynchronous and several times slower per call; test/credential/jose proves
 * the two agree on the W3C inputs and on tampered tokens.
 */
export function verifyJwsSignature(jws: string, algorithm: KeyAlgorithm, key: KeyObject): boolean {
  const last = jws.lastIndexOf('.')
  if (last <= 0) return false
  const input = Buffer.from(jws.slice(0, last), 'ascii')
  const signature = Buffer.from(jws.slice(last + 1), 'base64url')
  // Only the canonical base64url spelling: Buffer skips characters outside the alphabet.
  if (signature.toString('base64url') !== jws.slice(last + 1)) return false
  return verifyBytes(algorithm, key, input, signature)
}

/**
 * Header parameter names JWS (RFC 7515 §4.1) and JWA (RFC 7518 §4.1, §4.6–4.8, §5.1) define, which
 * `crit` must never list (RFC 7515 §4.1.11).
 */
const REGISTERED_HEADER_PARAMETERS: ReadonlySet<string> = new Set([
  'alg',
  'jku',
  'jwk',
  'kid',
  'x5u',
  'x5c',
  'x5t',
  'x5t#S256',
  'typ',
  'cty',
  'crit',
  'enc',
  'zip',
  'epk',
  'apu',
  'apv',
  'iv',
  'tag',
  'p2s',
  'p2c',
])

/**
 * The `crit` extensions this verifier understands: only `b64` (RFC 7797), and only as `b64: true`,
 * the ordinary base64url payload. Unencoded payloads (`b64: false`) are not supported.
 */
const UNDERSTOOD_CRITICAL: ReadonlySet<string> = new Set(['b64'])

/**
 * The `crit` and `b64` rules: `crit`, when present, is a non-empty array of distinct names of
 * parameters present in the header that JWS/JWA do not define (RFC 7515 §4.1.11), each understood;
 * `b64`, when present, is a boolean listed in `crit` (RFC 7797 §6), and `true`.
 */
function criticalHeaderFinding(header: Json): Finding | undefined {
  const invalid = (message: string) => finding('JOSE_HEADER_INVALID', '', message)
  const crit = header.crit
  const listed = new Set<string>()
  if (crit !== undefined) {
    if (!Array.isArray(crit) || crit.length === 0) {
      return invalid('crit must be a non-empty array of header parameter names')
    }
    for (const name of crit) {
      if (typeof name !== 'string' || name === '') {
        return invalid(`crit lists ${JSON.stringify(name)}, not a parameter name`)
      }
      if (listed.has(name)) return invalid(`crit lists ${JSON.stringify(name)} twice`)
      if (REGISTERED_HEADER_PARAMETERS.has(name)) {
        return invalid(`crit lists ${JSON.stringify(name)}, which JWS/JWA define`)
      }
      if (!Object.hasOwn(header, name)) {
        return invalid(`crit lists ${JSON.stringify(name)}, which the header does not have`)
      }
      listed.add(name)
    }
    const unknown = [...listed].filter((name) => !UNDERSTOOD_CRITICAL.has(name))
    if (unknown.length > 0) {
      return finding(
        'JOSE_CRIT_UNSUPPORTED',
        '',
        `crit lists ${unknown.map((n) => JSON.stringify(n)).join(', ')}, not supported`,
      )
    }
  }
  if (Object.hasOwn(header, 'b64')) {
    if (typeof header.b64 !== 'boolean') return invalid('b64 must be a boolean')
    if (!listed.has('b64')) return invalid('b64 must be listed in crit (RFC 7797 §6)')
    if (!header.b64) {
      return finding(
        'JOSE_CRIT_UNSUPPORTED',
        '',
        'unencoded payloads (b64: false, RFC 7797) are not supported',
      )
    }
  }
  return undefined
}

/** A NumericDate (RFC 7519 §2): a JSON number of seconds; JSON.parse makes 1e400 Infinity. */
const isNumericDate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

const describeJson = (v: unknown): string => {
  if (typeof v === 'number') return String(v)
  const text = JSON.stringify(v) ?? String(v)
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

export interface JoseResult {
  proof: Finding[]
  syntax: Finding[]
  validity: Finding[]
  verificationMethod?: VerificationMethod
}

/** Verifies a vc+jwt whose decoded payload is `credential`; never throws. */
/** What a JWS secures: a credential (`vc+jwt`, the default) or a presentation (`vp+jwt`). */
export interface JoseMedia {
  /** The accepted `typ` values, the first one named in findings. */
  typ: readonly string[]
  /** The accepted `cty` values (when present). */
  cty: readonly string[]
  /** Who signs: `issuer` (or `holder.id` for a presentation); `iss` must equal it when present. */
  signer: (payload: Json) => string | undefined
}

const CREDENTIAL_MEDIA: JoseMedia = {
  typ: ['vc+jwt', 'application/vc+jwt'],
  cty: ['vc', 'application/vc'],
  signer: issuerId,
}

export async function verifyVcJwt(
  jws: string,
  credential: Json,
  options: { resolver: Resolver; now: Date; maxClockSkew: number; media?: JoseMedia },
): Promise<JoseResult> {
  const media = options.media ?? CREDENTIAL_MEDIA
  const result: JoseResult = { proof: [], syntax: [], validity: [] }
  const decoded = decodeJwsHeader(jws)
  if ('code' in decoded) {
    const path = 'path' in decoded ? decoded.path : ''
    result.proof.push(finding(decoded.code, path, decoded.message))
    return result
  }
  const header = decoded.header

  // Header rules (syntax): typ and cty.
  if (!media.typ.includes(header.typ as string)) {
    result.syntax.push(
      finding(
        'JOSE_TYP_INVALID',
        '',
        `typ is ${JSON.stringify(header.typ)}, expected ${JSON.stringify(media.typ[0])}`,
      ),
    )
  }
  if (header.cty !== undefined && !media.cty.includes(header.cty as string)) {
    result.syntax.push(
      finding(
        'JOSE_CTY_INVALID',
        '',
        `cty is ${JSON.stringify(header.cty)}, expected ${JSON.stringify(media.cty[0])}`,
      ),
    )
  }
  // Claim rules (syntax): no vc/vp, and claims that agree with the credential.
  for (const claim of ['vc', 'vp']) {
    if (credential[claim] !== undefined)
      result.syntax.push(finding('JOSE_CLAIM_FORBIDDEN', `/${claim}`))
  }
  const issuer = media.signer(credential)
  if (credential.iss !== undefined && credential.iss !== issuer) {
    result.syntax.push(
      finding(
        'JOSE_CLAIM_CONFLICT',
        '/iss',
        `iss ${JSON.stringify(credential.iss)} differs from the issuer ${JSON.stringify(issuer)}`,
      ),
    )
  }
  if (
    credential.jti !== undefined &&
    credential.id !== undefined &&
    credential.jti !== credential.id
  ) {
    result.syntax.push(finding('JOSE_CLAIM_CONFLICT', '/jti', 'jti differs from the credential id'))
  }
  const subject = credential.credentialSubject
  const subjectId = isObject(subject) ? subject.id : undefined
  if (credential.sub !== undefined && subjectId !== undefined && credential.sub !== subjectId) {
    result.syntax.push(
      finding('JOSE_CLAIM_CONFLICT', '/sub', 'sub differs from the credential subject id'),
    )
  }
  // Time claims (validity): a NumericDate, or the JWT fails; a claim is never ignored.
  const now = options.now.getTime() / 1000
  for (const claim of ['iat', 'nbf', 'exp']) {
    const value = credential[claim]
    if (value === undefined) continue
    if (!isNumericDate(value)) {
      result.validity.push(
        finding(
          'JOSE_CLAIM_INVALID',
          `/${claim}`,
          `${claim} is ${describeJson(value)}, not a NumericDate (seconds since the epoch)`,
        ),
      )
    } else if (claim === 'exp' && now > value + options.maxClockSkew) {
      result.validity.push(finding('EXPIRED', '/exp', 'the JWT expired (exp)'))
    } else if (claim === 'nbf' && now < value - options.maxClockSkew) {
      result.validity.push(finding('NOT_YET_VALID', '/nbf', 'the JWT is not valid yet (nbf)'))
    }
  }

  // Algorithm and key (proof).
  const alg = header.alg
  // Allowed: EdDSA and Ed25519 (Ed25519 keys), ES256 (P-256); `none`, HMAC and others are refused.
  const needed = algorithmOfJwsAlg(alg)
  if (!needed) {
    result.proof.push(
      finding(
        'JOSE_ALG_NOT_ALLOWED',
        '',
        `alg ${JSON.stringify(alg)} is not allowed (EdDSA, Ed25519, ES256)`,
      ),
    )
    return result
  }
  const critical = criticalHeaderFinding(header)
  if (critical) {
    result.proof.push(critical)
    return result
  }
  const kid = header.kid
  if (typeof kid !== 'string' || kid === '') {
    result.proof.push(finding('JOSE_KID_MISSING', ''))
    return result
  }
  const vm = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(kid)
    ? await options.resolver.verificationMethod(kid)
    : await options.resolver.byKid(kid, issuer)
  if (!vm) {
    result.proof.push(
      finding('KEY_NOT_RESOLVED', '', `the key ${kid} was not found (supply its DID document)`),
    )
    return result
  }
  const lifecycle = keyLifecycleFinding(vm, '', {
    now: options.now.getTime(),
    skew: options.maxClockSkew * 1000,
  })
  if (lifecycle) {
    result.proof.push(lifecycle)
    return result
  }
  const jwk = publicJwkOfVerificationMethod(vm)
  if (!jwk || algorithmOfPublicJwk(jwk) !== needed) {
    result.proof.push(finding('KEY_TYPE_MISMATCH', '', `alg ${alg} needs an ${needed} key`))
    return result
  }
  if (!verifyJwsSignature(jws, needed, publicKeyObject(jwk))) {
    result.proof.push(finding('PROOF_INVALID', ''))
    return result
  }
  result.verificationMethod = vm
  return result
}
