/**
 * JWK ↔ Multikey: the multibase (`z…`) encoding of public keys (Ed25519 raw, P-256 compressed) and
 * of secret keys, with their multicodec prefixes from the algorithm table.
 */
import { createPublicKey } from 'node:crypto'
import { algorithmOfPublicCodec, KEY_ALGORITHMS } from './algorithms.js'
import { invalidKey } from './errors.js'
import { privateJwkFromRaw, publicJwkFromKeyObject, publicJwkOf } from './jwk.js'
import { decodeMultikey, encodeMultikey } from './multibase.js'
import type { KeyAlgorithm, PrivateJwk, PublicJwk } from './types.js'

/** DER SubjectPublicKeyInfo header of a compressed P-256 point, which node:crypto reads. */
const P256_SPKI_COMPRESSED_PREFIX = Buffer.from(
  '3039301306072a8648ce3d020106082a8648ce3d030107032200',
  'hex',
)

/**
 * The multibase public key (Multikey encoding) of a public JWK.
 *
 * @throws CarbonPassportError `ERR_KEY_INVALID` for coordinates of the wrong length.
 */
export function multibaseFromJwk(jwk: PublicJwk): string {
  const x = Buffer.from(jwk.x, 'base64url')
  if (jwk.crv === 'Ed25519') {
    if (x.length !== 32) throw invalidKey('an Ed25519 public key has 32 bytes')
    return encodeMultikey(KEY_ALGORITHMS.Ed25519.publicCodec, x)
  }
  const y = Buffer.from(jwk.y ?? '', 'base64url')
  if (x.length !== 32 || y.length !== 32) throw invalidKey('a P-256 public key has 32-byte x and y')
  const compressed = Buffer.concat([Buffer.from([2 + ((y[31] ?? 0) & 1)]), x])
  return encodeMultikey(KEY_ALGORITHMS['P-256'].publicCodec, compressed)
}

/**
 * A public JWK from a multibase public key (Multikey encoding).
 *
 * @throws CarbonPassportError `ERR_KEY_INVALID` for anything but an Ed25519 or P-256 public key.
 */
export function jwkFromMultibase(publicKeyMultibase: string): PublicJwk {
  const { codec, key } = decodeMultikey(publicKeyMultibase)
  const algorithm = algorithmOfPublicCodec(codec)
  if (algorithm === 'Ed25519') {
    if (key.length !== 32) throw invalidKey('an Ed25519 public key has 32 bytes')
    return publicJwkOf('Ed25519', Buffer.from(key).toString('base64url'), undefined)
  }
  if (algorithm === 'P-256') {
    if (key.length !== 33) throw invalidKey('a compressed P-256 public key has 33 bytes')
    try {
      const der = Buffer.concat([P256_SPKI_COMPRESSED_PREFIX, key])
      return publicJwkFromKeyObject(createPublicKey({ key: der, format: 'der', type: 'spki' }))
    } catch (err) {
      throw invalidKey('not a valid P-256 public key', err)
    }
  }
  throw invalidKey('publicKeyMultibase is not a public key')
}

/** The multibase secret key (Multikey `secretKeyMultibase`) of a private JWK's `d`. */
export function secretMultibaseFromJwk(algorithm: KeyAlgorithm, jwk: PrivateJwk): string {
  return encodeMultikey(KEY_ALGORITHMS[algorithm].privateCodec, Buffer.from(jwk.d, 'base64url'))
}

/**
 * The private JWK of a multibase secret key, which must be of `algorithm`.
 *
 * @throws CarbonPassportError `ERR_KEY_INVALID` for another key type or an invalid key.
 */
export function jwkFromSecretMultibase(algorithm: KeyAlgorithm, secret: string): PrivateJwk {
  const { codec, key } = decodeMultikey(secret)
  if (codec !== KEY_ALGORITHMS[algorithm].privateCodec) {
    throw invalidKey('the secret key is not of the public key’s type')
  }
  return privateJwkFromRaw(algorithm, key)
}
