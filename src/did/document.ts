/**
 * DID documents for an issuer's keys, to publish at the issuer's did:web location and to hand to
 * verifiers (`verifyPassport(…, { didDocuments })`), who never fetch them themselves.
 */

import type { DidDocument } from '../context/loader.js'
import { CarbonPassportError } from '../errors.js'
import { asCarbonPassportError, optionalOneOf, readOptions } from '../guard.js'
import type { KeyPair } from '../keys/types.js'
import { toVerificationMethod } from '../keys/verification-method.js'

/** Options of `createDidDocument`. */
export interface CreateDidDocumentOptions {
  /** How public keys are written: `Multikey` (default) or `JsonWebKey`. */
  type?: 'Multikey' | 'JsonWebKey'
}

/**
 * The DID document of one controller listing its keys under `verificationMethod` and
 * `assertionMethod` (the relationship credential issuance needs). Private key material never
 * appears in it.
 *
 * @example
 * ```ts
 * const key = generateKeyPair({ controller: 'did:web:passports.example', id: 'did:web:passports.example#key-1' })
 * const didDocument = createDidDocument(key)   // publish at https://passports.example/.well-known/did.json
 * ```
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when no key is given, the keys have different
 *   controllers or the options are not an object with a known `type`; `ERR_KEY_INVALID` for a key
 *   that is not one.
 */
export function createDidDocument(
  keys: KeyPair | readonly KeyPair[],
  options: CreateDidDocumentOptions = {},
): DidDocument {
  try {
    return didDocumentOf(keys, options)
  } catch (err) {
    throw asCarbonPassportError(err, 'ERR_INVALID_ARGUMENT', 'createDidDocument')
  }
}

function didDocumentOf(keys: unknown, options: unknown): DidDocument {
  const type =
    optionalOneOf(
      readOptions(options, ['type']).type,
      ['Multikey', 'JsonWebKey'] as const,
      'options.type',
    ) ?? 'Multikey'
  const list: readonly unknown[] = Array.isArray(keys) ? keys : [keys]
  // Each key is read once, and checked (toVerificationMethod imports it).
  const methods = list.map((k) => toVerificationMethod(k as KeyPair, type))
  const controller = methods[0]?.controller
  if (typeof controller !== 'string' || methods.some((m) => m.controller !== controller)) {
    throw new CarbonPassportError(
      'ERR_INVALID_ARGUMENT',
      'a DID document lists the keys of one controller: give at least one key, all with the same controller',
    )
  }
  return {
    '@context': [
      'https://www.w3.org/ns/did/v1',
      type === 'Multikey'
        ? 'https://w3id.org/security/multikey/v1'
        : 'https://w3id.org/security/jwk/v1',
    ],
    id: controller,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id as string),
  }
}
