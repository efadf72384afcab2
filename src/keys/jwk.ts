/**
 * JWKs checked through node:crypto: the public JWK of a key object, the private JWK of raw private
 * key bytes, and a JWK object from outside read into checked public and private halves.
 */
import { createECDH, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import { CarbonPassportError } from '../errors.js'
import { algorithmOfJwk, KEY_ALGORITHMS } from './algorithms.js'
import { invalidKey } from './errors.js'
import type { KeyAlgorithm, PrivateJwk, PublicJwk } from './types.js'

const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

const b64u = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url')

/** The bare public JWK of an algorithm from its coordinates (`y` only for P-256). */
export function publicJwkOf(algorithm: KeyAlgorithm, x: string, y: string | undefined): PublicJwk {
  const { kty, crv } = KEY_ALGORITHMS[algorithm]
  return kty === 'OKP' ? { kty, crv, x } : { kty, crv, x, y: y ?? '' }
}

/** The bare public JWK of a node:crypto key; `ERR_KEY_INVALID` for other curves. */
export function publicJwkFromKeyObject(key: KeyObject): PublicJwk {
  const jwk = key.export({ format: 'jwk' })
  const algorithm = algorithmOfJwk(jwk)
  if (algorithm && jwk.x && (algorithm === 'Ed25519' || jwk.y)) {
    return publicJwkOf(algorithm, jwk.x, jwk.y)
  }
  throw invalidKey('only Ed25519 and P-256 keys are supported')
}

/** The private JWK for a raw private key (Ed25519 seed or P-256 scalar), with its public part. */
export function privateJwkFromRaw(algorithm: KeyAlgorithm, raw: Uint8Array): PrivateJwk {
  try {
    if (algorithm === 'Ed25519') {
      // A 64-byte Ed25519 secret is the seed followed by the public key.
      const seed = raw.length === 64 ? raw.slice(0, 32) : raw
      if (seed.length !== 32) throw invalidKey('an Ed25519 private key has 32 bytes')
      const key = createPrivateKey({
        key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
        format: 'der',
        type: 'pkcs8',
      })
      return { ...publicJwkFromKeyObject(createPublicKey(key)), d: b64u(seed) }
    }
    if (raw.length !== 32) throw invalidKey('a P-256 private key has 32 bytes')
    const ecdh = createECDH('prime256v1')
    ecdh.setPrivateKey(raw)
    const point = ecdh.getPublicKey()
    return {
      ...publicJwkOf('P-256', b64u(point.subarray(1, 33)), b64u(point.subarray(33, 65))),
      d: b64u(raw),
    }
  } catch (err) {
    if (err instanceof CarbonPassportError) throw err
    throw invalidKey(`not a valid ${algorithm} private key`, err)
  }
}

/** A JWK read and checked: its algorithm, its bare public half, and its private half if it has `d`. */
export interface ReadJwk {
  algorithm: KeyAlgorithm
  publicKeyJwk: PublicJwk
  privateKeyJwk?: PrivateJwk
}

/**
 * Reads a JWK object from outside: the curve must be Ed25519 (OKP) or P-256 (EC), the coordinates
 * a point of it, and `d`, when present, the private key of that point.
 *
 * @throws CarbonPassportError `ERR_KEY_INVALID` for anything else.
 */
export function readJwk(jwk: Record<string, unknown>): ReadJwk {
  const algorithm = algorithmOfJwk(jwk)
  if (!algorithm) throw invalidKey('only Ed25519 (OKP) and P-256 (EC) JWKs are supported')
  if (typeof jwk.x !== 'string' || (algorithm === 'P-256' && typeof jwk.y !== 'string')) {
    throw invalidKey('the JWK lacks its public coordinates')
  }
  let publicKeyJwk: PublicJwk
  try {
    // Spread: node:crypto takes a plain object type, not the PublicJwk interface.
    const key = { ...publicJwkOf(algorithm, jwk.x, String(jwk.y)) }
    publicKeyJwk = publicJwkFromKeyObject(createPublicKey({ key, format: 'jwk' }))
  } catch (err) {
    if (err instanceof CarbonPassportError) throw err
    throw invalidKey('the JWK is not a valid public key', err)
  }
  if (typeof jwk.d !== 'string') return { algorithm, publicKeyJwk }
  const privateKeyJwk = privateJwkFromRaw(algorithm, Buffer.from(jwk.d, 'base64url'))
  assertSameKey(privateKeyJwk, publicKeyJwk)
  return { algorithm, publicKeyJwk, privateKeyJwk }
}

/** Throws `ERR_KEY_INVALID` unless the private JWK's public point is the public JWK's. */
export function assertSameKey(privateKeyJwk: PublicJwk, publicKeyJwk: PublicJwk): void {
  if (privateKeyJwk.x !== publicKeyJwk.x || privateKeyJwk.y !== publicKeyJwk.y) {
    throw invalidKey('the private key does not belong to the public key')
  }
}
