/** Reading a key from outside: Multikey, JWK, JsonWebKey verification method, or a KeyPair. */
import { asCarbonPassportError, optionalNonEmptyString, readOptions } from '../guard.js'
import { isObject } from '../json.js'
import { algorithmOfPublicJwk } from './algorithms.js'
import { jwkFromMultibase, jwkFromSecretMultibase } from './codecs.js'
import { invalidKey } from './errors.js'
import { readJwk } from './jwk.js'
import { keyPairOf } from './key-pair.js'
import type { ImportKeyOptions, KeyPair, PrivateJwk } from './types.js'

/**
 * Imports a key from a Multikey object (`publicKeyMultibase` with `secretKeyMultibase`, or the older
 * `privateKeyMultibase`), a JWK (public or private; `kid` becomes the id), a `JsonWebKey`
 * verification method (`publicKeyJwk`, optional `secretKeyJwk`/`privateKeyJwk`), or a key this
 * library exported.
 *
 * @example
 * ```ts
 * const key = importKey(JSON.parse(readFileSync('issuer.private.jwk.json', 'utf8')))
 * ```
 * @throws CarbonPassportError `ERR_KEY_INVALID` for anything else, for mismatched key halves or for
 *   a key that cannot be read (a throwing getter); `ERR_INVALID_ARGUMENT` for options that are not
 *   an object or an `id` or `controller` that is not a non-empty string.
 */
export function importKey(input: unknown, options: ImportKeyOptions = {}): KeyPair {
  const o = readOptions(options, ['id', 'controller'])
  const id = optionalNonEmptyString(o.id, 'options.id')
  const controller = optionalNonEmptyString(o.controller, 'options.controller')
  try {
    return importKeyFrom(input, {
      ...(id === undefined ? {} : { id }),
      ...(controller === undefined ? {} : { controller }),
    })
  } catch (err) {
    throw asCarbonPassportError(err, 'ERR_KEY_INVALID', 'the key cannot be read')
  }
}

function importKeyFrom(input: unknown, options: ImportKeyOptions): KeyPair {
  if (!isObject(input)) throw invalidKey('a key must be a JWK or Multikey object')
  if (typeof input.publicKeyMultibase === 'string') {
    const publicKeyJwk = jwkFromMultibase(input.publicKeyMultibase)
    const algorithm = algorithmOfPublicJwk(publicKeyJwk)
    const secret = input.secretKeyMultibase ?? input.privateKeyMultibase
    let privateKeyJwk: PrivateJwk | undefined
    if (typeof secret === 'string') {
      privateKeyJwk = jwkFromSecretMultibase(algorithm, secret)
    } else if (isObject(input.privateKeyJwk)) {
      privateKeyJwk = readJwk(input.privateKeyJwk).privateKeyJwk
    }
    return keyPairOf(algorithm, publicKeyJwk, privateKeyJwk, input, options)
  }
  if (isObject(input.publicKeyJwk)) {
    const pub = readJwk(input.publicKeyJwk)
    const secret = isObject(input.secretKeyJwk)
      ? input.secretKeyJwk
      : isObject(input.privateKeyJwk)
        ? input.privateKeyJwk
        : undefined
    const priv = secret ? readJwk(secret).privateKeyJwk : undefined
    return keyPairOf(pub.algorithm, pub.publicKeyJwk, priv, input, options)
  }
  if (typeof input.kty === 'string') {
    const { algorithm, publicKeyJwk, privateKeyJwk } = readJwk(input)
    return keyPairOf(algorithm, publicKeyJwk, privateKeyJwk, { id: input.kid }, options)
  }
  throw invalidKey('a key must be a JWK or Multikey object')
}
