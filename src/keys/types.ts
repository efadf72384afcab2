/**
 * The key types of the library: its own plain data, so no vendor type leaks into the public API.
 */

/** The signature algorithms this library signs and verifies with. */
export type KeyAlgorithm = 'Ed25519' | 'P-256'

/** A public JWK (RFC 7517) for Ed25519 (`OKP`) or P-256 (`EC`). */
export interface PublicJwk {
  /** Key type (RFC 7517 §4.1): `OKP` for Ed25519 (RFC 8037), `EC` for P-256 (RFC 7518 §6.2). */
  kty: 'OKP' | 'EC'
  /** Curve: `Ed25519` with `OKP` (RFC 8037 §2), `P-256` with `EC` (RFC 7518 §6.2.1.1). */
  crv: 'Ed25519' | 'P-256'
  /**
   * Base64url without padding: the 32-byte Ed25519 public key (RFC 8037 §2), or the 32-byte x
   * coordinate of the P-256 point (RFC 7518 §6.2.1.2).
   */
  x: string
  /** P-256 only: the 32-byte y coordinate, base64url (RFC 7518 §6.2.1.3). Absent for Ed25519. */
  y?: string
  /**
   * Key id (RFC 7517 §4.5). `importKey` takes a bare JWK's `kid` as the key id; `exportKey` writes
   * the key id here, so a JOSE header `kid` finds the key.
   */
  kid?: string
  /**
   * Intended JWS algorithm (RFC 7517 §4.4): `EdDSA` (RFC 8037) or `ES256` (RFC 7518 §3.4).
   * `exportKey` writes it; reading a key ignores it, the curve decides.
   */
  alg?: string
}

/** A private JWK: the public members plus `d`. */
export interface PrivateJwk extends PublicJwk {
  /**
   * The private key, base64url: the 32-byte Ed25519 seed (RFC 8037 §2) or the 32-byte P-256
   * scalar (RFC 7518 §6.2.2.1). Keep it secret; it must belong to the public point.
   */
  d: string
}

/**
 * A key of this library. `id` is the verification method id (a DID URL such as
 * `did:web:cells.example#key-1`), `controller` the DID or IRI that controls it. `privateKeyJwk` is
 * present only on keys that can sign.
 */
export interface KeyPair {
  /** The verification method id: the proof's `verificationMethod` and the JOSE `kid`. */
  id: string
  /** The DID or IRI that controls the key. Verification requires it to be the issuer. */
  controller: string
  /** The signature algorithm; it fixes the cryptosuite and the JWS `alg`. */
  algorithm: KeyAlgorithm
  /** The public key in Multikey encoding (`z…`, base58btc with its multicodec prefix). */
  publicKeyMultibase: string
  /** The same public key as a bare JWK: `kty`, `crv`, `x` and, for P-256, `y`. */
  publicKeyJwk: PublicJwk
  /** The private key with its public members; only on keys that can sign. */
  privateKeyJwk?: PrivateJwk
}

/** A Multikey verification method (`type: Multikey`), optionally with its secret key. */
export interface MultikeyDocument {
  /** JSON-LD context, usually `https://w3id.org/security/multikey/v1`; not read on import. */
  '@context'?: unknown
  /** The verification method id (a DID URL); the key's id on import unless overridden. */
  id?: string
  /** `Multikey`, the type Controlled Identifiers 1.0 defines; not checked on import. */
  type?: string
  /** The DID or IRI that controls the key; by default the part of `id` before `#`. */
  controller?: string
  /**
   * The public key, as Controlled Identifiers 1.0 encodes a Multikey: `z` + base58btc of the
   * multicodec prefix and the key, `ed25519-pub` with 32 raw bytes or `p256-pub` with the 33-byte
   * compressed point.
   */
  publicKeyMultibase: string
  /**
   * The secret key, encoded the same way: `ed25519-priv` (the 32-byte seed; a 64-byte seed and
   * public key is read too) or `p256-priv` (the 32-byte scalar). Only on a key that can sign.
   */
  secretKeyMultibase?: string
  /** The older name of `secretKeyMultibase` (used by the W3C vc-di-eddsa test vectors). */
  privateKeyMultibase?: string
}

/** Options of `generateKeyPair`. */
export interface GenerateKeyPairOptions {
  /** `Ed25519` (default) or `P-256`. */
  algorithm?: KeyAlgorithm
  /** The DID or IRI that controls the key (the issuer). Without it the key gets a did:key id. */
  controller?: string
  /** The verification method id; `<controller>#<publicKeyMultibase>` by default. */
  id?: string
}

/** Options of `importKey`. */
export interface ImportKeyOptions {
  /** Overrides the id found in the input (`id` or `kid`). */
  id?: string
  /** Overrides the controller found in the input. */
  controller?: string
}

/** Options of `exportKey`. */
export interface ExportKeyOptions {
  /** `jwk`: a JWK with `kid` and `alg`; `multikey`: a Multikey verification method. Required. */
  format: 'jwk' | 'multikey'
  /** Include the private key (`d` or `secretKeyMultibase`); false by default. */
  includePrivate?: boolean
}
