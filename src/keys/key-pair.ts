/** Assembling a KeyPair from checked halves: its Multikey form, and its id and controller. */
import { multibaseFromJwk } from './codecs.js'
import { assertSameKey, publicJwkOf } from './jwk.js'
import type { ImportKeyOptions, KeyAlgorithm, KeyPair, PrivateJwk, PublicJwk } from './types.js'

/** The id and controller an input names (either may be missing or not a string). */
export interface FoundIdentity {
  id?: unknown
  controller?: unknown
}

const nonEmpty = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined)

/** Fills in id and controller: explicit values, then what the input says, then a did:key. */
function identify(
  publicKeyMultibase: string,
  found: FoundIdentity,
  options: ImportKeyOptions,
): { id: string; controller: string } {
  const id = options.id ?? nonEmpty(found.id)
  let controller = options.controller ?? nonEmpty(found.controller)
  if (controller === undefined && id?.includes('#')) controller = id.slice(0, id.indexOf('#'))
  if (controller === undefined) {
    controller = `did:key:${publicKeyMultibase}`
    return { controller, id: `${controller}#${publicKeyMultibase}` }
  }
  return { controller, id: id ?? `${controller}#${publicKeyMultibase}` }
}

/**
 * The KeyPair of a checked public JWK and, for a key that can sign, its private JWK (whose public
 * point must be the same), named by `options`, else by `found`, else as a did:key.
 *
 * @throws CarbonPassportError `ERR_KEY_INVALID` for halves of different keys or bad coordinates.
 */
export function keyPairOf(
  algorithm: KeyAlgorithm,
  publicKeyJwk: PublicJwk,
  privateKeyJwk: PrivateJwk | undefined,
  found: FoundIdentity,
  options: ImportKeyOptions,
): KeyPair {
  const pub = publicJwkOf(algorithm, publicKeyJwk.x, publicKeyJwk.y)
  const publicKeyMultibase = multibaseFromJwk(pub)
  if (privateKeyJwk) assertSameKey(privateKeyJwk, pub)
  return {
    ...identify(publicKeyMultibase, found, options),
    algorithm,
    publicKeyMultibase,
    publicKeyJwk: pub,
    ...(privateKeyJwk ? { privateKeyJwk: { ...pub, d: privateKeyJwk.d } } : {}),
  }
}
