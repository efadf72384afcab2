/**
 * DID documents for an issuer's keys, to publish at the issuer's did:web location and to hand to
 * verifiers (`verifyPassport(…, { didDocuments })`), who never fetch them themselves.
 */

import type { DidDocument } from '../context/loader.js'
import { CarbonPassportError } from '../errors.js'
import { type KeyPair, toVerificationMethod } from './keys.js'

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
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when no key is given or the keys have
 *   different controllers.
 */
export function createDidDocument(
  keys: KeyPair | readonly KeyPair[],
  options: CreateDidDocumentOptions = {},
): DidDocument {
  const list: readonly KeyPair[] = Array.isArray(keys) ? keys : [keys as KeyPair]
  const controller = list[0]?.controller
  if (!controller || list.some((k) => k.controller !== controller)) {
    throw new CarbonPassportError(
      'ERR_INVALID_ARGUMENT',
      'a DID document lists the keys of one controller: give at least one key, all with the same controller',
    )
  }
  const type = options.type ?? 'Multikey'
  return {
    '@context': [
      'https://www.w3.org/ns/did/v1',
      type === 'Multikey'
        ? 'https://w3id.org/security/multikey/v1'
        : 'https://w3id.org/security/jwk/v1',
    ],
    id: controller,
    verificationMethod: list.map((k) => toVerificationMethod(k, type)),
    assertionMethod: list.map((k) => k.id),
  }
}
