/** Keys as verification methods: writing one for a DID document, reading the public key of one. */
import { invalidArgument } from '../guard.js'
import { isObject } from '../json.js'
import { jwkFromMultibase } from './codecs.js'
import { importKey } from './import.js'
import { readJwk } from './jwk.js'
import { cachedVerificationKey } from './key-objects.js'
import type { KeyPair, PublicJwk } from './types.js'

/**
 * The public key of a key as a verification method, for a DID document.
 *
 * @example
 * ```ts
 * const method = toVerificationMethod(key, 'JsonWebKey') // { id, type, controller, publicKeyJwk }
 * ```
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` for a type other than `Multikey` or
 *   `JsonWebKey`; `ERR_KEY_INVALID` for a key that is not one.
 */
export function toVerificationMethod(
  key: KeyPair,
  type: 'Multikey' | 'JsonWebKey' = 'Multikey',
): Record<string, unknown> {
  if (type !== 'Multikey' && type !== 'JsonWebKey') {
    throw invalidArgument('the verification method type must be "Multikey" or "JsonWebKey"')
  }
  key = importKey(key)
  return type === 'Multikey'
    ? {
        id: key.id,
        type: 'Multikey',
        controller: key.controller,
        publicKeyMultibase: key.publicKeyMultibase,
      }
    : { id: key.id, type: 'JsonWebKey', controller: key.controller, publicKeyJwk: key.publicKeyJwk }
}

/**
 * The public key of a verification method (Multikey `publicKeyMultibase` or JsonWebKey
 * `publicKeyJwk` without `d`), or undefined when it has none this library can use. Never throws;
 * results are cached by key material (key-objects.ts) and frozen.
 */
export function publicJwkOfVerificationMethod(vm: unknown): PublicJwk | undefined {
  return isObject(vm) ? cachedVerificationKey(vm, readPublicJwk) : undefined
}

function readPublicJwk(vm: Record<string, unknown>): PublicJwk | undefined {
  try {
    if (typeof vm.publicKeyMultibase === 'string') return jwkFromMultibase(vm.publicKeyMultibase)
    if (isObject(vm.publicKeyJwk)) {
      if (typeof vm.publicKeyJwk.d === 'string') return undefined
      return readJwk(vm.publicKeyJwk).publicKeyJwk
    }
  } catch {
    return undefined
  }
  return undefined
}
