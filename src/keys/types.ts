/**
 * The key types of the library: its own plain data, so no vendor type leaks into the public API.
 */

/** The signature algorithms this library signs and verifies with. */
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

/** Options of `generateKeyPair`. */
export interface GenerateKeyPairOptions {
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
  format: 'jwk' | 'multikey'
  /** Include the private key (`d` or `secretKeyMultibase`); false by default. */
  includePrivate?: boolean
}
