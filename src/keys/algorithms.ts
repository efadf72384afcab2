/**
 * The one table of the two key algorithms: how each is named as a JWK (kty/crv), as a JWS `alg`, as
 * a Data Integrity cryptosuite and as a multicodec, and which digest node:crypto signs it with.
 * Every other module looks names up here instead of spelling the mapping again.
 */
import type { MulticodecName } from './multibase.js'
import type { KeyAlgorithm, PublicJwk } from './types.js'

/** Everything the library names one key algorithm by. */
export interface AlgorithmNames {
  /** JWK key type and curve (RFC 8037 for OKP, RFC 7518 for EC). */
  kty: PublicJwk['kty']
  crv: PublicJwk['crv']
  /** The JWS `alg` this library signs with. */
  jwsAlg: 'EdDSA' | 'ES256'
  /** Every JWS `alg` accepted for the key: `jwsAlg`, and RFC 9864's fully specified `Ed25519`. */
  jwsAlgs: readonly string[]
  /** The Data Integrity cryptosuite that signs with the key. */
  cryptosuite: 'eddsa-rdfc-2022' | 'ecdsa-rdfc-2019'
  /** Multicodec names of the public and secret key bytes (Multikey). */
  publicCodec: MulticodecName
  privateCodec: MulticodecName
  /** The digest node:crypto signs with: none for Ed25519 (it hashes internally), SHA-256 for P-256. */
  digest: 'sha256' | null
}

/** The table. */
export const KEY_ALGORITHMS: Readonly<Record<KeyAlgorithm, Readonly<AlgorithmNames>>> = {
  Ed25519: {
    kty: 'OKP',
    crv: 'Ed25519',
    jwsAlg: 'EdDSA',
    jwsAlgs: ['EdDSA', 'Ed25519'],
    cryptosuite: 'eddsa-rdfc-2022',
    publicCodec: 'ed25519Public',
    privateCodec: 'ed25519Private',
    digest: null,
  },
  'P-256': {
    kty: 'EC',
    crv: 'P-256',
    jwsAlg: 'ES256',
    jwsAlgs: ['ES256'],
    cryptosuite: 'ecdsa-rdfc-2019',
    publicCodec: 'p256Public',
    privateCodec: 'p256Private',
    digest: 'sha256',
  },
}

const ENTRIES = Object.entries(KEY_ALGORITHMS) as [KeyAlgorithm, AlgorithmNames][]

/** Whether a value names a key algorithm of the table. */
export const isKeyAlgorithm = (value: unknown): value is KeyAlgorithm =>
  value === 'Ed25519' || value === 'P-256'

/** The key algorithm of a JWK by its `kty` and `crv` (both must match), or undefined. */
export function algorithmOfJwk(jwk: { kty?: unknown; crv?: unknown }): KeyAlgorithm | undefined {
  return ENTRIES.find(([, names]) => names.kty === jwk.kty && names.crv === jwk.crv)?.[0]
}

/** The key algorithm of a public JWK already checked (publicJwkOfVerificationMethod, importKey). */
export const algorithmOfPublicJwk = (jwk: Pick<PublicJwk, 'crv'>): KeyAlgorithm =>
  jwk.crv === 'Ed25519' ? 'Ed25519' : 'P-256'

/** The key algorithm a JWS `alg` needs, or undefined for an `alg` that is not allowed. */
export function algorithmOfJwsAlg(alg: unknown): KeyAlgorithm | undefined {
  return ENTRIES.find(([, names]) => names.jwsAlgs.includes(alg as string))?.[0]
}

/** The key algorithm of a multicodec public-key prefix, or undefined for any other codec. */
export function algorithmOfPublicCodec(codec: MulticodecName): KeyAlgorithm | undefined {
  return ENTRIES.find(([, names]) => names.publicCodec === codec)?.[0]
}

/** The key algorithm each cryptosuite needs. */
export const CRYPTOSUITE_KEY_ALGORITHM = Object.freeze(
  Object.fromEntries(ENTRIES.map(([algorithm, names]) => [names.cryptosuite, algorithm])),
) as Readonly<Record<AlgorithmNames['cryptosuite'], KeyAlgorithm>>
