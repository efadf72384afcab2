/**
 * The Data Integrity suites: the stock `DataIntegrityProof` with the stock eddsa-rdfc-2022 and
 * ecdsa-rdfc-2019 cryptosuites, plus three substitutions that change no result: the context cache
 * and the proof-configuration template (only with the fast-path plug-in, see fast-paths.ts), and
 * node:crypto signers/verifiers that reuse one imported key per verification method instead of
 * re-importing it on every call.
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import { VC_V2_CONTEXT_URL } from '../../context/bundled.js'
import type { DocumentLoader } from '../../context/loader.js'
import { algorithmOfPublicJwk, CRYPTOSUITE_KEY_ALGORITHM } from '../../keys/algorithms.js'
import { privateKeyObject, publicKeyObject } from '../../keys/key-objects.js'
import { signBytes, verifyBytes } from '../../keys/signature.js'
import type { KeyAlgorithm, KeyPair } from '../../keys/types.js'
import { publicJwkOfVerificationMethod } from '../../keys/verification-method.js'
import { type CanonicalizationLimits, type Canonize, canonizeDocument } from './canonize.js'
import { loadFastPaths } from './fast-paths.js'

/**
 * The Data Integrity cryptosuites this library signs and verifies: eddsa-rdfc-2022 for Ed25519
 * keys (Data Integrity EdDSA Cryptosuites) and ecdsa-rdfc-2019 for P-256 keys (Data Integrity
 * ECDSA Cryptosuites). Both canonicalize with RDFC-1.0 and hash with SHA-256.
 */
export type CryptosuiteName = 'eddsa-rdfc-2022' | 'ecdsa-rdfc-2019'

/** The key algorithm each supported cryptosuite needs (from the table in keys/algorithms.ts). */
export const CRYPTOSUITE_ALGORITHM: Readonly<Record<CryptosuiteName, KeyAlgorithm>> =
  CRYPTOSUITE_KEY_ALGORITHM

/** Whether a value names a supported cryptosuite. */
export const isCryptosuiteName = (v: unknown): v is CryptosuiteName =>
  typeof v === 'string' && Object.hasOwn(CRYPTOSUITE_KEY_ALGORITHM, v)

const STOCK: Record<CryptosuiteName, { canonize: Canonize; name: string }> = {
  'eddsa-rdfc-2022': eddsaRdfc2022,
  'ecdsa-rdfc-2019': ecdsaRdfc2019,
}

interface Verifier {
  id: string | undefined
  algorithm: KeyAlgorithm | undefined
  verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>
}

/** A verifier for a verification method (Multikey or JsonWebKey), with the key imported once. */
export function createVerifier(verificationMethod: unknown): Verifier {
  const jwk = publicJwkOfVerificationMethod(verificationMethod)
  const id = (verificationMethod as { id?: unknown } | null)?.id
  if (!jwk) {
    return { id: undefined, algorithm: undefined, verify: async () => false }
  }
  const key = publicKeyObject(jwk)
  const algorithm = algorithmOfPublicJwk(jwk)
  return {
    id: typeof id === 'string' ? id : undefined,
    algorithm,
    verify: async ({ data, signature }) => verifyBytes(algorithm, key, data, signature),
  }
}

/** A Data Integrity signer for a key that can sign. */
export function createSigner(key: KeyPair) {
  const privateKey = privateKeyObject(key)
  return {
    id: key.id,
    algorithm: key.algorithm,
    sign: async ({ data }: { data: Uint8Array }): Promise<Uint8Array> =>
      signBytes(key.algorithm, privateKey, data),
  }
}

/**
 * What one verification shares between the suites of its proofs: the canonicalization input caps,
 * and the canonical N-Quads of each input canonicalized so far (by object identity). The document
 * object is the same for every proof, and its canonical form depends only on it and the base loader
 * (both cryptosuites canonicalize with the same RDFC-1.0 and SHA-256), so it is computed once.
 */
export interface VerificationScope {
  limits: CanonicalizationLimits
  canonical: WeakMap<object, Promise<string>>
}

/** The cryptosuite object handed to DataIntegrityProof, bound to a base document loader. */
function cryptosuiteFor(
  name: CryptosuiteName,
  baseLoader: DocumentLoader,
  scope?: VerificationScope,
) {
  const stock = STOCK[name]
  const canonize = (input: unknown, options: Record<string, unknown>) =>
    canonizeDocument(stock.canonize, input, baseLoader, options, scope?.limits)
  return {
    name: stock.name,
    // P-256 only: for it the stock ecdsa-rdfc-2019 `createVerifyData` is exactly
    // DataIntegrityProof's default (SHA-256 of proof and document), which is used instead.
    requiredAlgorithm: CRYPTOSUITE_ALGORITHM[name],
    canonize: (input: unknown, options: Record<string, unknown>): Promise<string> => {
      if (!scope || input === null || typeof input !== 'object') return canonize(input, options)
      let canonical = scope.canonical.get(input)
      if (!canonical) {
        canonical = canonize(input, options)
        scope.canonical.set(input, canonical)
      }
      return canonical
    },
    createVerifier: async ({ verificationMethod }: { verificationMethod: unknown }) =>
      createVerifier(verificationMethod),
    // The stock canonize, for the plug-in's proof template (proof-template.ts).
    stockCanonize: stock.canonize,
  }
}

/**
 * DataIntegrityProof with the proof-configuration template when the fast-path plug-in is enabled
 * (otherwise, and for any proof the template does not cover, the stock `canonizeProof`).
 */
class CarbonPassportDataIntegrityProof extends DataIntegrityProof {
  readonly #baseLoader: DocumentLoader
  readonly #canonize: Canonize

  constructor(
    options: { signer?: unknown; date?: unknown; cryptosuite: ReturnType<typeof cryptosuiteFor> },
    baseLoader: DocumentLoader,
  ) {
    super(options)
    this.#baseLoader = baseLoader
    this.#canonize = options.cryptosuite.stockCanonize
  }

  override async canonizeProof(
    proof: Record<string, unknown>,
    options: { documentLoader: unknown; document: Record<string, unknown> },
  ): Promise<string> {
    const context = options.document['@context']
    // Without the plug-in (switched off, or unproven jsonld / rdf-canonize copies): stock only.
    const fastPaths = await loadFastPaths()
    if (fastPaths && Array.isArray(context) && context[0] === VC_V2_CONTEXT_URL) {
      const { proofValue: _omit, ...rest } = proof
      const config = { '@context': context, ...rest }
      // Untrusted values are only substituted into a template here (five quads, one blank node);
      // any other proof falls back to super, which canonicalizes through the capped `canonize`.
      const fast = await fastPaths.canonizeProof(this.#canonize, config, this.#baseLoader)
      if (fast !== undefined) return fast
    }
    return super.canonizeProof(proof, options)
  }
}

/**
 * What callers use of a suite. Declared here so that no vendor type reaches the published `.d.ts`
 * (a consumer compiling with `skipLibCheck: false` would get TS7016 for the untyped vendor module).
 */
export interface ProofVerifier {
  verifyProof(options: {
    proof: Record<string, unknown>
    document: Record<string, unknown>
    documentLoader: unknown
  }): Promise<{ verified: boolean; verificationMethod?: unknown; error?: unknown }>
}

/**
 * A suite for verifying proofs of one cryptosuite; with a scope, every dataset it canonicalizes is
 * within the scope's limits and each input is canonicalized once per scope.
 */
export function verificationSuite(
  name: CryptosuiteName,
  baseLoader: DocumentLoader,
  scope?: VerificationScope,
): ProofVerifier {
  return new CarbonPassportDataIntegrityProof(
    { cryptosuite: cryptosuiteFor(name, baseLoader, scope) },
    baseLoader,
  )
}

/** A suite for signing with a key (handed to `@digitalbazaar/vc`'s `issue`, opaque to callers). */
export function signingSuite(
  name: CryptosuiteName,
  key: KeyPair,
  baseLoader: DocumentLoader,
  created: Date | undefined,
): object {
  return new CarbonPassportDataIntegrityProof(
    {
      cryptosuite: cryptosuiteFor(name, baseLoader),
      signer: createSigner(key),
      ...(created ? { date: created } : {}),
    },
    baseLoader,
  )
}
