/**
 * Every key cache of the library, in one place. Importing a key into node:crypto costs more than an
 * Ed25519 verification, so imported keys are kept; untrusted DID documents must not grow memory,
 * so every cache is bounded:
 *
 * - node:crypto public keys, by curve and coordinates: at most MAX_CACHED entries, then cleared.
 * - node:crypto private keys, per private JWK object (a WeakMap: an entry lives as long as the
 *   caller's key, and is checked against its `d` so a key changed in place is imported afresh).
 * - public JWKs read from verification methods, by the exact key material the read depends on:
 *   at most MAX_CACHED entries, then cleared; key text longer than MAX_CACHED_KEY_TEXT is never kept.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import { isObject } from '../json.js'
import { algorithmOfPublicJwk } from './algorithms.js'
import { invalidKey } from './errors.js'
import { importKey } from './import.js'
import { publicJwkOf } from './jwk.js'
import type { KeyPair, PrivateJwk, PublicJwk } from './types.js'

/** The most entries of each Map cache; a full cache is cleared (cheap, and bounded). */
export const MAX_CACHED = 1024

/**
 * Key text longer than any key read here (at most 91 characters) is read afresh each time (the
 * multikey decoder refuses it by length), never kept: untrusted documents must not fill the cache.
 */
export const MAX_CACHED_KEY_TEXT = 128

const publicKeyObjects = new Map<string, KeyObject>()
const privateKeyObjects = new WeakMap<PrivateJwk, { d: string; key: KeyObject }>()
/** Frozen public JWKs by key material; undefined marks material that fails to read. */
const verificationKeys = new Map<string, Readonly<PublicJwk> | undefined>()

function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  if (cache.size >= MAX_CACHED) cache.clear()
  cache.set(key, value)
  return value
}

/** The node:crypto public key for a checked public JWK (cached by its coordinates). */
export function publicKeyObject(jwk: PublicJwk): KeyObject {
  const cacheKey = `${jwk.crv}:${jwk.x}:${jwk.y ?? ''}`
  const cached = publicKeyObjects.get(cacheKey)
  if (cached) return cached
  const bare = { ...publicJwkOf(algorithmOfPublicJwk(jwk), jwk.x, jwk.y) }
  return remember(publicKeyObjects, cacheKey, createPublicKey({ key: bare, format: 'jwk' }))
}

/**
 * The node:crypto private key of a key that can sign (checked with importKey on first use).
 *
 * @throws CarbonPassportError `ERR_KEY_INVALID` for a key without a private part or not a key.
 */
export function privateKeyObject(key: KeyPair): KeyObject {
  const jwk = key.privateKeyJwk
  if (!jwk || typeof jwk.d !== 'string') {
    throw invalidKey('the key has no private part; it cannot sign')
  }
  const cached = privateKeyObjects.get(jwk)
  if (cached && cached.d === jwk.d) return cached.key
  const checked = importKey(key)
  if (!checked.privateKeyJwk) throw invalidKey('the key has no private part; it cannot sign')
  const object = createPrivateKey({ key: { ...checked.privateKeyJwk }, format: 'jwk' })
  privateKeyObjects.set(jwk, { d: jwk.d, key: object })
  return object
}

const shortText = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= MAX_CACHED_KEY_TEXT

/**
 * The exact key material a verification method's key read depends on (the multibase string, or
 * the JWK's kty, crv, x and y), never its id: another key under the same id is another entry.
 * Undefined for anything unusual, which is read afresh.
 */
function keyMaterialOf(vm: Record<string, unknown>): string | undefined {
  if (typeof vm.publicKeyMultibase === 'string') {
    return shortText(vm.publicKeyMultibase) ? `z ${vm.publicKeyMultibase}` : undefined
  }
  const jwk = vm.publicKeyJwk
  if (
    isObject(jwk) &&
    typeof jwk.d !== 'string' &&
    shortText(jwk.kty) &&
    shortText(jwk.crv) &&
    shortText(jwk.x) &&
    (jwk.y === undefined || shortText(jwk.y))
  ) {
    return JSON.stringify([jwk.kty, jwk.crv, jwk.x, jwk.y ?? null])
  }
  return undefined
}

/** `read(vm)`, remembered by the verification method's key material (frozen) when it has one. */
export function cachedVerificationKey(
  vm: Record<string, unknown>,
  read: (vm: Record<string, unknown>) => PublicJwk | undefined,
): PublicJwk | undefined {
  const material = keyMaterialOf(vm)
  if (material === undefined) return read(vm)
  if (verificationKeys.has(material)) return verificationKeys.get(material)
  const jwk = read(vm)
  return remember(verificationKeys, material, jwk && Object.freeze(jwk))
}
