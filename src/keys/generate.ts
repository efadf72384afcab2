/** Generating a new Ed25519 or P-256 key pair with node:crypto. */
import { createPublicKey, generateKeyPairSync } from 'node:crypto'
import { CarbonPassportError } from '../errors.js'
import { optionalNonEmptyString, readOptions } from '../guard.js'
import { isKeyAlgorithm } from './algorithms.js'
import { publicJwkFromKeyObject } from './jwk.js'
import { keyPairOf } from './key-pair.js'
import type { GenerateKeyPairOptions, KeyPair } from './types.js'

/**
 * Generates a new key pair. Without a controller the key is its own did:key
 * (`did:key:z6Mk…#z6Mk…`); with one, its id is `<controller>#<publicKeyMultibase>` unless given.
 *
 * @example
 * ```ts
 * const key = generateKeyPair({ algorithm: 'Ed25519', controller: 'did:web:cells.example', id: 'did:web:cells.example#key-1' })
 * ```
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` for options that are not an object, an
 *   unknown algorithm, or a `controller` or `id` that is not a non-empty string.
 */
export function generateKeyPair(options: GenerateKeyPairOptions = {}): KeyPair {
  const o = readOptions(options, ['algorithm', 'controller', 'id'])
  const controller = optionalNonEmptyString(o.controller, 'options.controller')
  const id = optionalNonEmptyString(o.id, 'options.id')
  const algorithm = o.algorithm ?? 'Ed25519'
  if (!isKeyAlgorithm(algorithm)) {
    throw new CarbonPassportError('ERR_INVALID_ARGUMENT', 'algorithm must be Ed25519 or P-256')
  }
  const { privateKey } =
    algorithm === 'Ed25519'
      ? generateKeyPairSync('ed25519')
      : generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const d = privateKey.export({ format: 'jwk' }).d ?? ''
  const privateKeyJwk = { ...publicJwkFromKeyObject(createPublicKey(privateKey)), d }
  return keyPairOf(
    algorithm,
    privateKeyJwk,
    privateKeyJwk,
    {},
    {
      ...(id === undefined ? {} : { id }),
      ...(controller === undefined ? {} : { controller }),
    },
  )
}
