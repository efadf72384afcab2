/**
 * Verifying a VC-JOSE compact JWS: the algorithm allow-list, the key named by `kid`, the signature
 * (the `proof` check), and the header and claim rules of VC-JOSE-COSE (reported as `syntax` and
 * `validity` findings). The JOSE header is plain JSON; no JSON-LD processing happens here.
 */
import { verify as cryptoVerify, type KeyObject } from 'node:crypto'
import { decodeProtectedHeader } from 'jose'
import type { Finding } from '../../results.js'
import { issuerId } from '../checks/syntax.js'
import { finding } from '../codes.js'
import { publicJwkOfVerificationMethod, publicKeyObject } from '../keys.js'
import type { Resolver, VerificationMethod } from '../resolve.js'

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v)

/** Allowed JWS algorithms and the key each needs. `none`, HMAC and everything else are refused. */
const ALLOWED_ALGS: Readonly<Record<string, 'Ed25519' | 'P-256'>> = {
  EdDSA: 'Ed25519',
  Ed25519: 'Ed25519',
  ES256: 'P-256',
}

/**
 * Verifies the signature of a compact JWS (RFC 7515 §5.2) with node:crypto, synchronously: EdDSA
 * over the ASCII signing input, or ES256 (ECDSA P-256, SHA-256, 64-byte r‖s). jose verifies through
 * WebCrypto, which is asynchronous and several times slower per call; test/credential/jose proves
 * the two agree on the W3C inputs and on tampered tokens.
 */
export function verifyJwsSignature(
  jws: string,
  algorithm: 'Ed25519' | 'P-256',
  key: KeyObject,
): boolean {
  const last = jws.lastIndexOf('.')
  if (last <= 0) return false
  const input = Buffer.from(jws.slice(0, last), 'ascii')
  const signature = Buffer.from(jws.slice(last + 1), 'base64url')
  if (signature.toString('base64url') !== jws.slice(last + 1)) return false
  try {
    return algorithm === 'Ed25519'
      ? signature.length === 64 && cryptoVerify(null, input, key, signature)
      : signature.length === 64 &&
          cryptoVerify('sha256', input, { key, dsaEncoding: 'ieee-p1363' }, signature)
  } catch {
    return false
  }
}

export interface JoseResult {
  proof: Finding[]
  syntax: Finding[]
  validity: Finding[]
  verificationMethod?: VerificationMethod
}

/** Verifies a vc+jwt whose decoded payload is `credential`; never throws. */
export async function verifyVcJwt(
  jws: string,
  credential: Json,
  options: { resolver: Resolver; now: Date; maxClockSkew: number },
): Promise<JoseResult> {
  const result: JoseResult = { proof: [], syntax: [], validity: [] }
  let header: Json
  try {
    header = decodeProtectedHeader(jws) as Json
  } catch {
    result.proof.push(finding('JWS_MALFORMED', '', 'the JWS protected header cannot be decoded'))
    return result
  }

  // Header rules (syntax): typ and cty.
  if (header.typ !== 'vc+jwt' && header.typ !== 'application/vc+jwt') {
    result.syntax.push(
      finding('JOSE_TYP_INVALID', '', `typ is ${JSON.stringify(header.typ)}, expected "vc+jwt"`),
    )
  }
  if (header.cty !== undefined && header.cty !== 'vc' && header.cty !== 'application/vc') {
    result.syntax.push(
      finding('JOSE_CTY_INVALID', '', `cty is ${JSON.stringify(header.cty)}, expected "vc"`),
    )
  }
  // Claim rules (syntax): no vc/vp, and claims that agree with the credential.
  for (const claim of ['vc', 'vp']) {
    if (credential[claim] !== undefined)
      result.syntax.push(finding('JOSE_CLAIM_FORBIDDEN', `/${claim}`))
  }
  const issuer = issuerId(credential)
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
  // Time claims (validity): NumericDate only; anything else is ignored with a warning.
  const now = options.now.getTime() / 1000
  for (const claim of ['iat', 'nbf', 'exp']) {
    const value = credential[claim]
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      result.validity.push(finding('JOSE_CLAIM_INVALID', `/${claim}`, undefined, 'warning'))
    } else if (claim === 'exp' && now > value + options.maxClockSkew) {
      result.validity.push(finding('EXPIRED', '/exp', 'the JWT expired (exp)'))
    } else if (claim === 'nbf' && now < value - options.maxClockSkew) {
      result.validity.push(finding('NOT_YET_VALID', '/nbf', 'the JWT is not valid yet (nbf)'))
    }
  }

  // Algorithm and key (proof).
  const alg = header.alg
  const needed = typeof alg === 'string' ? ALLOWED_ALGS[alg] : undefined
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
  if (header.crit !== undefined) {
    result.proof.push(
      finding('JOSE_CRIT_UNSUPPORTED', '', `crit ${JSON.stringify(header.crit)} is not understood`),
    )
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
  if (vm.revoked !== undefined) {
    result.proof.push(finding('KEY_REVOKED', ''))
    return result
  }
  const jwk = publicJwkOfVerificationMethod(vm)
  if (!jwk || (jwk.crv === 'Ed25519' ? 'Ed25519' : 'P-256') !== needed) {
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
