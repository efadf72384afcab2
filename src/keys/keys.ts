/**
 * Signing keys: Ed25519 and P-256, as Multikey or JWK, with `id` and `controller`. The key type is
 * the library's own plain data (no vendor type leaks out); node:crypto does the work.
 */
import {
  createECDH,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto'
import { CarbonPassportError } from '../errors.js'
import {
  asCarbonPassportError,
  invalidArgument,
  optionalBoolean,
  optionalNonEmptyString,
  optionalOneOf,
  readOptions,
} from '../guard.js'
import { isObject } from '../json.js'
import { decodeMultikey, encodeMultikey } from './multibase.js'

export type KeyAlgorithm = 'Ed25519' | 'P-256'

/** A public JWK (RFC 7517) for Ed25519 (`OKP`) or P-256 (`EC`). */
export interface PublicJwk {
  kty: 'OKP' | 'EC'
  crv: 'Ed25519' | 'P-256'
  x: string
  y?: string
  kid?: string
  alg?: string
}

/** A private JWK: the public members plus `d`. */
export interface PrivateJwk extends PublicJwk {
  d: string
}

/**
 * A key of this library. `id` is the verification method id (a DID URL such as
 * `did:web:cells.example#key-1`), `controller` the DID or IRI that controls it. `privateKeyJwk` is
 * present only on keys that can sign.
 */
export interface KeyPair {
  id: string
  controller: string
  algorithm: KeyAlgorithm
  publicKeyMultibase: string
  publicKeyJwk: PublicJwk
  privateKeyJwk?: PrivateJwk
}

/** A Multikey verification method (`type: Multikey`), optionally with its secret key. */
export interface MultikeyDocument {
  '@context'?: unknown
  id?: string
  type?: string
  controller?: string
  publicKeyMultibase: string
  secretKeyMultibase?: string
  /** The older name of `secretKeyMultibase` (used by the W3C vc-di-eddsa test vectors). */
  privateKeyMultibase?: string
}

export interface GenerateKeyPairOptions {
  algorithm?: KeyAlgorithm
  /** The DID or IRI that controls the key (the issuer). Without it the key gets a did:key id. */
  controller?: string
  /** The verification method id; `<controller>#<publicKeyMultibase>` by default. */
  id?: string
}

export interface ImportKeyOptions {
  /** Overrides the id found in the input (`id` or `kid`). */
  id?: string
  /** Overrides the controller found in the input. */
  controller?: string
}

export interface ExportKeyOptions {
  format: 'jwk' | 'multikey'
  /** Include the private key (`d` or `secretKeyMultibase`); false by default. */
  includePrivate?: boolean
}

const P256_SPKI_COMPRESSED_PREFIX = Buffer.from(
  '3039301306072a8648ce3d020106082a8648ce3d030107032200',
  'hex',
)
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

const invalid = (message: string, cause?: unknown): CarbonPassportError =>
  new CarbonPassportError('ERR_KEY_INVALID', message, cause === undefined ? {} : { cause })

const b64u = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url')

function publicJwkFromKeyObject(key: KeyObject): PublicJwk {
  const jwk = key.export({ format: 'jwk' })
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && jwk.x) {
    return { kty: 'OKP', crv: 'Ed25519', x: jwk.x }
  }
  if (jwk.kty === 'EC' && jwk.crv === 'P-256' && jwk.x && jwk.y) {
    return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }
  }
  throw invalid('only Ed25519 and P-256 keys are supported')
}

/** The multibase public key (Multikey encoding) of a public JWK. */
function multibaseFromJwk(jwk: PublicJwk): string {
  const x = Buffer.from(jwk.x, 'base64url')
  if (jwk.crv === 'Ed25519') {
    if (x.length !== 32) throw invalid('an Ed25519 public key has 32 bytes')
    return encodeMultikey('ed25519Public', x)
  }
  const y = Buffer.from(jwk.y ?? '', 'base64url')
  if (x.length !== 32 || y.length !== 32) throw invalid('a P-256 public key has 32-byte x and y')
  const compressed = Buffer.concat([Buffer.from([2 + ((y[31] ?? 0) & 1)]), x])
  return encodeMultikey('p256Public', compressed)
}

/** A public JWK from a multibase public key (Multikey encoding). */
function jwkFromMultibase(publicKeyMultibase: string): PublicJwk {
  const { codec, key } = decodeMultikey(publicKeyMultibase)
  if (codec === 'ed25519Public') {
    if (key.length !== 32) throw invalid('an Ed25519 public key has 32 bytes')
    return { kty: 'OKP', crv: 'Ed25519', x: b64u(key) }
  }
  if (codec === 'p256Public') {
    if (key.length !== 33) throw invalid('a compressed P-256 public key has 33 bytes')
    try {
      const der = Buffer.concat([P256_SPKI_COMPRESSED_PREFIX, key])
      return publicJwkFromKeyObject(createPublicKey({ key: der, format: 'der', type: 'spki' }))
    } catch (err) {
      throw invalid('not a valid P-256 public key', err)
    }
  }
  throw invalid('publicKeyMultibase is not a public key')
}

/** The private JWK for a raw private key (Ed25519 seed or P-256 scalar), with its public part. */
function privateJwkFromRaw(algorithm: KeyAlgorithm, raw: Uint8Array): PrivateJwk {
  try {
    if (algorithm === 'Ed25519') {
      const seed = raw.length === 64 ? raw.slice(0, 32) : raw
      if (seed.length !== 32) throw invalid('an Ed25519 private key has 32 bytes')
      const key = createPrivateKey({
        key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
        format: 'der',
        type: 'pkcs8',
      })
      return { ...publicJwkFromKeyObject(createPublicKey(key)), d: b64u(seed) }
    }
    if (raw.length !== 32) throw invalid('a P-256 private key has 32 bytes')
    const ecdh = createECDH('prime256v1')
    ecdh.setPrivateKey(raw)
    const point = ecdh.getPublicKey()
    return {
      kty: 'EC',
      crv: 'P-256',
      x: b64u(point.subarray(1, 33)),
      y: b64u(point.subarray(33, 65)),
      d: b64u(raw),
    }
  } catch (err) {
    if (err instanceof CarbonPassportError) throw err
    throw invalid(`not a valid ${algorithm} private key`, err)
  }
}

const algorithmOfJwk = (jwk: { kty?: unknown; crv?: unknown }): KeyAlgorithm => {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'Ed25519'
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'P-256'
  throw invalid('only Ed25519 (OKP) and P-256 (EC) JWKs are supported')
}

const didKeyOf = (publicKeyMultibase: string) => {
  const controller = `did:key:${publicKeyMultibase}`
  return { controller, id: `${controller}#${publicKeyMultibase}` }
}

/** Fills in id and controller: explicit values, then what the input says, then a did:key. */
function identify(
  publicKeyMultibase: string,
  found: { id?: unknown; controller?: unknown },
  options: ImportKeyOptions,
): { id: string; controller: string } {
  const id = options.id ?? (typeof found.id === 'string' && found.id ? found.id : undefined)
  let controller =
    options.controller ??
    (typeof found.controller === 'string' && found.controller ? found.controller : undefined)
  if (controller === undefined && id?.includes('#')) controller = id.slice(0, id.indexOf('#'))
  if (controller === undefined) return didKeyOf(publicKeyMultibase)
  return { controller, id: id ?? `${controller}#${publicKeyMultibase}` }
}

function build(
  algorithm: KeyAlgorithm,
  publicKeyJwk: PublicJwk,
  privateKeyJwk: PrivateJwk | undefined,
  found: { id?: unknown; controller?: unknown },
  options: ImportKeyOptions,
): KeyPair {
  const pub: PublicJwk =
    algorithm === 'Ed25519'
      ? { kty: 'OKP', crv: 'Ed25519', x: publicKeyJwk.x }
      : { kty: 'EC', crv: 'P-256', x: publicKeyJwk.x, y: publicKeyJwk.y ?? '' }
  const publicKeyMultibase = multibaseFromJwk(pub)
  if (privateKeyJwk && (privateKeyJwk.x !== pub.x || privateKeyJwk.y !== pub.y)) {
    throw invalid('the private key does not belong to the public key')
  }
  return {
    ...identify(publicKeyMultibase, found, options),
    algorithm,
    publicKeyMultibase,
    publicKeyJwk: pub,
    ...(privateKeyJwk ? { privateKeyJwk: { ...pub, d: privateKeyJwk.d } } : {}),
  }
}

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
  options = {
    ...(o.algorithm === undefined ? {} : { algorithm: o.algorithm as KeyAlgorithm }),
    ...(controller === undefined ? {} : { controller }),
    ...(id === undefined ? {} : { id }),
  }
  const algorithm = options.algorithm ?? 'Ed25519'
  if (algorithm !== 'Ed25519' && algorithm !== 'P-256') {
    throw new CarbonPassportError('ERR_INVALID_ARGUMENT', 'algorithm must be Ed25519 or P-256')
  }
  const { privateKey } =
    algorithm === 'Ed25519'
      ? generateKeyPairSync('ed25519')
      : generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const jwk = privateKey.export({ format: 'jwk' })
  const privateKeyJwk = { ...publicJwkFromKeyObject(createPublicKey(privateKey)), d: jwk.d ?? '' }
  return build(
    algorithm,
    privateKeyJwk,
    privateKeyJwk,
    {},
    {
      ...(options.id === undefined ? {} : { id: options.id }),
      ...(options.controller === undefined ? {} : { controller: options.controller }),
    },
  )
}

/**
 * Imports a key from a Multikey object (`publicKeyMultibase` with `secretKeyMultibase`, or the older
 * `privateKeyMultibase`), a JWK (public or private; `kid` becomes the id), a `JsonWebKey`
 * verification method (`publicKeyJwk`, optional `secretKeyJwk`/`privateKeyJwk`), or a key this
 * library exported.
 *
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
  if (!isObject(input)) throw invalid('a key must be a JWK or Multikey object')
  if (typeof input.publicKeyMultibase === 'string') {
    const publicKeyJwk = jwkFromMultibase(input.publicKeyMultibase)
    const algorithm = algorithmOfJwk(publicKeyJwk)
    const secret = input.secretKeyMultibase ?? input.privateKeyMultibase
    let privateKeyJwk: PrivateJwk | undefined
    if (typeof secret === 'string') {
      const { codec, key } = decodeMultikey(secret)
      const expected = algorithm === 'Ed25519' ? 'ed25519Private' : 'p256Private'
      if (codec !== expected) throw invalid('the secret key is not of the public key’s type')
      privateKeyJwk = privateJwkFromRaw(algorithm, key)
    } else if (isObject(input.privateKeyJwk)) {
      privateKeyJwk = importJwk(input.privateKeyJwk).privateKeyJwk
    }
    return build(algorithm, publicKeyJwk, privateKeyJwk, input, options)
  }
  if (isObject(input.publicKeyJwk)) {
    const pub = importJwk(input.publicKeyJwk)
    const secret = isObject(input.secretKeyJwk)
      ? input.secretKeyJwk
      : isObject(input.privateKeyJwk)
        ? input.privateKeyJwk
        : undefined
    const priv = secret ? importJwk(secret).privateKeyJwk : undefined
    return build(pub.algorithm, pub.publicKeyJwk, priv, input, options)
  }
  if (typeof input.kty === 'string') {
    const { algorithm, publicKeyJwk, privateKeyJwk } = importJwk(input)
    return build(algorithm, publicKeyJwk, privateKeyJwk, { id: input.kid }, options)
  }
  throw invalid('a key must be a JWK or Multikey object')
}

function importJwk(jwk: Record<string, unknown>): {
  algorithm: KeyAlgorithm
  publicKeyJwk: PublicJwk
  privateKeyJwk?: PrivateJwk
} {
  const algorithm = algorithmOfJwk(jwk)
  if (typeof jwk.x !== 'string' || (algorithm === 'P-256' && typeof jwk.y !== 'string')) {
    throw invalid('the JWK lacks its public coordinates')
  }
  let publicKeyJwk: PublicJwk
  try {
    const pub =
      algorithm === 'Ed25519'
        ? { kty: 'OKP', crv: 'Ed25519', x: jwk.x }
        : { kty: 'EC', crv: 'P-256', x: jwk.x, y: String(jwk.y) }
    publicKeyJwk = publicJwkFromKeyObject(createPublicKey({ key: pub, format: 'jwk' }))
  } catch (err) {
    if (err instanceof CarbonPassportError) throw err
    throw invalid('the JWK is not a valid public key', err)
  }
  if (typeof jwk.d !== 'string') return { algorithm, publicKeyJwk }
  const privateKeyJwk = privateJwkFromRaw(algorithm, Buffer.from(jwk.d, 'base64url'))
  if (privateKeyJwk.x !== publicKeyJwk.x || privateKeyJwk.y !== publicKeyJwk.y) {
    throw invalid('the private key does not belong to the public key')
  }
  return { algorithm, publicKeyJwk, privateKeyJwk }
}

/**
 * Exports a key as a JWK (`kid` = the key id, `alg` = EdDSA or ES256) or a Multikey verification
 * method. The private part is left out unless `includePrivate` is set.
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` for options that are not an object, a format
 *   other than `jwk` or `multikey` or an `includePrivate` that is not a boolean; `ERR_KEY_INVALID`
 *   for a key that is not one, or has no private part to include.
 */
export function exportKey(key: KeyPair, options: ExportKeyOptions): Record<string, unknown> {
  const o = readOptions(options, ['format', 'includePrivate'], 'options', true)
  const format = optionalOneOf(o.format, ['jwk', 'multikey'] as const, 'options.format')
  if (format === undefined)
    throw invalidArgument('options.format ("jwk" or "multikey") is required')
  const include = optionalBoolean(o.includePrivate, 'options.includePrivate')
  options = { format, ...(include === undefined ? {} : { includePrivate: include }) }
  const checked = importKey(key)
  const includePrivate = options.includePrivate === true
  if (includePrivate && !checked.privateKeyJwk) {
    throw invalid('the key has no private part to export')
  }
  if (options.format === 'jwk') {
    return {
      ...checked.publicKeyJwk,
      ...(includePrivate && checked.privateKeyJwk ? { d: checked.privateKeyJwk.d } : {}),
      kid: checked.id,
      alg: checked.algorithm === 'Ed25519' ? 'EdDSA' : 'ES256',
    }
  }
  if (options.format === 'multikey') {
    let secretKeyMultibase: string | undefined
    if (includePrivate && checked.privateKeyJwk) {
      const raw = Buffer.from(checked.privateKeyJwk.d, 'base64url')
      secretKeyMultibase = encodeMultikey(
        checked.algorithm === 'Ed25519' ? 'ed25519Private' : 'p256Private',
        raw,
      )
    }
    return {
      id: checked.id,
      type: 'Multikey',
      controller: checked.controller,
      publicKeyMultibase: checked.publicKeyMultibase,
      ...(secretKeyMultibase ? { secretKeyMultibase } : {}),
    }
  }
  throw new CarbonPassportError('ERR_INVALID_ARGUMENT', 'format must be "jwk" or "multikey"')
}

/**
 * The public key of a key as a verification method, for a DID document.
 *
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

// ---------------------------------------------------------------------------------------------
// node:crypto key objects, cached: importing a key costs more than an Ed25519 verification.

const MAX_CACHED = 1024
const publicKeyObjects = new Map<string, KeyObject>()
const privateKeyObjects = new WeakMap<PrivateJwk, { d: string; key: KeyObject }>()

/** The node:crypto public key for a public JWK (cached by its coordinates). */
export function publicKeyObject(jwk: PublicJwk): KeyObject {
  const cacheKey = `${jwk.crv}:${jwk.x}:${jwk.y ?? ''}`
  let key = publicKeyObjects.get(cacheKey)
  if (!key) {
    const pub =
      jwk.crv === 'Ed25519'
        ? { kty: 'OKP', crv: 'Ed25519', x: jwk.x }
        : { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y ?? '' }
    key = createPublicKey({ key: pub, format: 'jwk' })
    if (publicKeyObjects.size >= MAX_CACHED) publicKeyObjects.clear()
    publicKeyObjects.set(cacheKey, key)
  }
  return key
}

/** The node:crypto private key of a key that can sign. */
export function privateKeyObject(key: KeyPair): KeyObject {
  const jwk = key.privateKeyJwk
  if (!jwk || typeof jwk.d !== 'string') {
    throw new CarbonPassportError('ERR_KEY_INVALID', 'the key has no private part; it cannot sign')
  }
  const cached = privateKeyObjects.get(jwk)
  if (cached && cached.d === jwk.d) return cached.key
  const checked = importKey(key)
  if (!checked.privateKeyJwk) throw invalid('the key has no private part; it cannot sign')
  const object = createPrivateKey({ key: { ...checked.privateKeyJwk }, format: 'jwk' })
  privateKeyObjects.set(jwk, { d: jwk.d, key: object })
  return object
}

/**
 * Public keys read from verification methods, keyed by the exact key material the read depends on
 * (the multibase string, or the JWK's kty, crv, x and y), never by the method's id: another key
 * under the same id is another entry. Values are frozen, undefined marks material that fails.
 */
const verificationKeys = new Map<string, Readonly<PublicJwk> | undefined>()

// Key text longer than any key read here (at most 91 characters) is refused afresh each time
// (decodeMultikey refuses it by length), never kept: untrusted DID documents must not fill the cache.
const MAX_CACHED_KEY_TEXT = 128
const shortText = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= MAX_CACHED_KEY_TEXT

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
  return undefined // anything unusual is read afresh
}

/** A public key read from a verification method (Multikey or JsonWebKey), or undefined. */
export function publicJwkOfVerificationMethod(vm: unknown): PublicJwk | undefined {
  if (!isObject(vm)) return undefined
  const material = keyMaterialOf(vm)
  if (material === undefined) return readPublicJwk(vm)
  if (verificationKeys.has(material)) return verificationKeys.get(material)
  const jwk = readPublicJwk(vm)
  if (verificationKeys.size >= MAX_CACHED) verificationKeys.clear()
  verificationKeys.set(material, jwk && Object.freeze(jwk))
  return jwk
}

function readPublicJwk(vm: Record<string, unknown>): PublicJwk | undefined {
  try {
    if (typeof vm.publicKeyMultibase === 'string') return jwkFromMultibase(vm.publicKeyMultibase)
    if (isObject(vm.publicKeyJwk)) {
      if (typeof vm.publicKeyJwk.d === 'string') return undefined
      return importJwk(vm.publicKeyJwk).publicKeyJwk
    }
  } catch {
    return undefined
  }
  return undefined
}
