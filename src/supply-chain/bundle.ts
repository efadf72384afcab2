/**
 * Bundles: a VC 2.0 verifiable presentation that carries a passport, its upstream passports and
 * their attestations, as a supplier hands them to a buyer and an exporter to customs
 * (`createBundle`), and the resolver `verifyChain` reads them with (`resolveFromBundle`).
 */
import { VC_V2_CONTEXT_URL } from '../context/bundled.js'
import {
  type IssuePresentationOptions,
  issuePresentation,
} from '../credential/presentation/issue.js'
import { CarbonPassportError } from '../errors.js'
import { asCarbonPassportError, isRecord } from '../guard.js'
import { isUnwrapFailure, unwrapCredential } from '../input/envelope.js'
import type { KeyPair } from '../keys/types.js'
import type { ComponentReference } from '../model/types.js'
import { decodeDigest, type VerifyChainOptions } from './chain.js'
import { computePassportDigest } from './digest.js'

/** Options of `createBundle`. */
export interface CreateBundleOptions {
  /**
   * The holder's key (the supplier's or the exporter's): when given, the bundle is signed with
   * `issuePresentation` and its `holder` is the key's controller. Unsigned otherwise.
   */
  holderKey?: KeyPair
  /** Attestations of the passports (`CarbonPassportAttestation` credentials), carried after them. */
  attestations?: readonly unknown[]
  /** The verifier's challenge, when signing (Data Integrity `challenge`, vp+jwt `nonce`). */
  challenge?: string
  /** The verifier's domain, when signing (Data Integrity `domain`, vp+jwt `aud`). */
  domain?: string
  /**
   * How the bundle is signed: a vp+jwt (the default: it signs the bytes, whatever the chain's size)
   * or a Data Integrity proof, which canonicalizes every carried credential within the verifier's
   * caps (2,560 quads by default: about five example passports).
   */
  format?: 'data-integrity' | 'vc-jose'
}

/** An unsigned bundle, or one signed with Data Integrity: a VC 2.0 presentation. */
export interface Bundle {
  /** The VC 2.0 context. */
  '@context': string[]
  /** `VerifiablePresentation`. */
  type: string[]
  /** The holder's id, when signed. */
  holder?: string
  /**
   * The passport first, then its upstream passports, then the attestations: Data Integrity
   * credentials as they are, vc+jwt ones as `EnvelopedVerifiableCredential`s.
   */
  verifiableCredential: unknown[]
  /** The holder's proof, when signed with Data Integrity. */
  proof?: unknown
}

const ENVELOPE_PREFIX = 'data:application/vc+jwt,'

/** A credential as a presentation carries it: vc+jwt enveloped, JSON text parsed. */
function carried(credential: unknown, label: string): unknown {
  const unwrapped = unwrapCredential(credential)
  if (isUnwrapFailure(unwrapped)) {
    throw new CarbonPassportError('ERR_INVALID_ARGUMENT', `${label}: ${unwrapped.message}`)
  }
  if (unwrapped.jws !== undefined) {
    return {
      '@context': [VC_V2_CONTEXT_URL],
      id: `${ENVELOPE_PREFIX}${unwrapped.jws}`,
      type: 'EnvelopedVerifiableCredential',
    }
  }
  return unwrapped.credential
}

/**
 * Puts a passport and its upstream passports (and their attestations) into one VC 2.0
 * presentation, the passport first. Each credential is carried as it was secured, so its digest
 * (docs/digests.md) is unchanged: a Data Integrity credential as is, a vc+jwt as an
 * `EnvelopedVerifiableCredential`. With `holderKey`, the presentation is signed by its holder
 * (`issuePresentation`: a vp+jwt string by default, or a Data Integrity proof with purpose
 * `authentication` with `format: 'data-integrity'`).
 *
 * @param passports - The passport, then its upstream passports (any depth, any order), each in any
 *   form `verifyPassport` reads.
 * @param options - The holder's key, attestations, challenge, domain, format.
 * @returns The bundle; a compact JWS string when signed as a vp+jwt.
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when there is no passport or one is not a
 *   credential; what `issuePresentation` throws when signing fails.
 *
 * @example
 * ```ts
 * const bundle = await createBundle([cabinet, cell], { holderKey })
 * const { root, chain } = resolveFromBundle(bundle)
 * const report = await verifyChain(root, { ...chain, didDocuments })
 * ```
 */
export async function createBundle(
  passports: readonly unknown[],
  options: CreateBundleOptions = {},
): Promise<Bundle | string> {
  try {
    return await bundleOf(passports, options)
  } catch (err) {
    // A hostile argument (a throwing getter, a revoked Proxy) is refused with a code, as any other.
    throw asCarbonPassportError(err, 'ERR_INVALID_ARGUMENT', 'createBundle')
  }
}

async function bundleOf(
  passports: unknown,
  options: CreateBundleOptions,
): Promise<Bundle | string> {
  if (!Array.isArray(passports) || passports.length === 0) {
    throw new CarbonPassportError(
      'ERR_INVALID_ARGUMENT',
      'createBundle takes a non-empty array of passports, the passport first',
    )
  }
  if (typeof options !== 'object' || options === null) {
    throw new CarbonPassportError('ERR_INVALID_ARGUMENT', 'options must be an object')
  }
  const { holderKey, attestations = [], challenge, domain, format = 'vc-jose' } = options
  if (!Array.isArray(attestations)) {
    throw new CarbonPassportError('ERR_INVALID_ARGUMENT', 'options.attestations must be an array')
  }
  const credentials = [
    ...(passports as unknown[]).map((p, i) => carried(p, `passports[${i}]`)),
    ...attestations.map((a, i) => carried(a, `attestations[${i}]`)),
  ]
  const bundle: Bundle = {
    '@context': [VC_V2_CONTEXT_URL],
    type: ['VerifiablePresentation'],
    ...(holderKey ? { holder: holderKey.controller } : {}),
    verifiableCredential: credentials,
  }
  if (!holderKey) return bundle
  const signOptions: IssuePresentationOptions = {
    key: holderKey,
    ...(challenge === undefined ? {} : { challenge }),
    ...(domain === undefined ? {} : { domain }),
    format,
  }
  return (await issuePresentation(bundle, signOptions)) as Bundle | string
}

/** What `resolveFromBundle` returns: a `resolvePassport` for `verifyChain`, with the bundle's content. */
export interface BundleResolver {
  /**
   * The passport of this id in the bundle: of several (versions), the one whose digest is the
   * reference's `digestMultibase`, else the first; `undefined` when the bundle has none.
   */
  (id: string, reference?: Readonly<Partial<ComponentReference>>): unknown
  /** The bundle's first passport: the one the bundle is about (`undefined` when it has none). */
  readonly root: unknown
  /** Every passport the bundle carries, for `verifyChain`'s `passports` (newer versions). */
  readonly passports: readonly unknown[]
  /** The attestations it carries (`CarbonPassportAttestation` credentials). */
  readonly attestations: readonly unknown[]
  /** The holder the bundle names (not verified: see `verifyPresentation`). */
  readonly holder: string | undefined
  /** What the bundle is, as `verifyChain` takes it: the root and the options to spread. */
  readonly chain: Pick<VerifyChainOptions, 'resolvePassport' | 'passports'>
}

/** The most credentials a bundle is read with (more are ignored): the chain's node cap, 1,000, + slack. */
export const MAX_BUNDLE_CREDENTIALS = 10_000

/** The presentation object of a bundle given as an object, JSON text, a vp+jwt or an envelope. */
function presentationOf(bundle: unknown, depth = 0): Record<string, unknown> | undefined {
  if (depth > 3) return undefined
  if (typeof bundle === 'string') {
    const text = bundle.trim()
    const parts = text.split('.')
    if (parts.length === 3 && /^[\w-]+$/.test(parts[0] ?? '')) {
      try {
        return presentationOf(
          JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')),
          depth + 1,
        )
      } catch {
        return undefined
      }
    }
    if (text.startsWith('data:application/vp+jwt,')) {
      return presentationOf(text.slice('data:application/vp+jwt,'.length), depth + 1)
    }
    try {
      return presentationOf(JSON.parse(text), depth + 1)
    } catch {
      return undefined
    }
  }
  if (!isRecord(bundle)) return undefined
  const type = bundle.type
  const types = Array.isArray(type) ? type : [type]
  if (types.includes('EnvelopedVerifiablePresentation') && typeof bundle.id === 'string') {
    return presentationOf(bundle.id, depth + 1)
  }
  // A vp+jwt payload may nest the presentation under `vp` (JWT-VC 1.1 style).
  if (!('verifiableCredential' in bundle) && isRecord(bundle.vp)) return bundle.vp
  return bundle
}

const typesOf = (credential: unknown): unknown[] => {
  const unwrapped = unwrapCredential(credential)
  if (isUnwrapFailure(unwrapped)) return []
  const t = unwrapped.credential.type
  return Array.isArray(t) ? t : [t]
}

/**
 * A `resolvePassport` over a bundle (`createBundle`'s, or any VC 2.0 presentation of passports,
 * as an object, JSON text, a vp+jwt or an `EnvelopedVerifiablePresentation`), for `verifyChain`.
 * The bundle's own proof is **not** verified here: when who handed it over matters, verify it
 * first with `verifyPresentation` (the chain's passports are verified one by one by `verifyChain`
 * either way). Never throws: a bundle that cannot be read resolves nothing (every component is then
 * CHAIN_UPSTREAM_MISSING, and the root is undefined).
 *
 * @param bundle - The bundle.
 * @returns The resolver, with the root passport, every passport, the attestations and the holder.
 *
 * @example
 * ```ts
 * const bundle = resolveFromBundle(received)
 * const report = await verifyChain(bundle.root, { ...bundle.chain, didDocuments })
 * ```
 */
export function resolveFromBundle(bundle: unknown): BundleResolver {
  let credentials: unknown[] = []
  let holder: unknown
  try {
    const presentation = presentationOf(bundle)
    const listed = presentation?.verifiableCredential
    credentials = (Array.isArray(listed) ? listed : listed === undefined ? [] : [listed]).slice(
      0,
      MAX_BUNDLE_CREDENTIALS,
    )
    holder = presentation?.holder
    if (isRecord(holder)) holder = holder.id
  } catch {
    // A bundle that cannot be read resolves nothing.
    credentials = []
    holder = undefined
  }
  const passports: unknown[] = []
  const attestations: unknown[] = []
  const byId = new Map<string, { credential: unknown; digest: string | undefined }[]>()
  for (const credential of credentials) {
    try {
      if (typesOf(credential).includes('CarbonPassportAttestation')) {
        attestations.push(credential)
        continue
      }
      passports.push(credential)
      const unwrapped = unwrapCredential(credential)
      if (isUnwrapFailure(unwrapped)) continue
      const id = unwrapped.credential.id
      if (typeof id !== 'string') continue
      let digest: string | undefined
      try {
        digest = computePassportDigest(credential)
      } catch {
        digest = undefined
      }
      const list = byId.get(id) ?? []
      list.push({ credential, digest })
      byId.set(id, list)
    } catch {
      // A credential that cannot be read is left out; verifyChain reports the component missing.
    }
  }
  const resolve = (id: string, reference?: Readonly<Partial<ComponentReference>>): unknown => {
    const list = byId.get(id)
    if (list === undefined) return undefined
    const stated = reference?.digestMultibase
    const wanted = typeof stated === 'string' ? decodeDigest(stated) : undefined
    const match = wanted
      ? list.find((e) => e.digest !== undefined && decodeDigest(e.digest)?.equals(wanted))
      : undefined
    return (match ?? list[0])?.credential
  }
  return Object.assign(resolve, {
    root: passports[0],
    passports,
    attestations,
    holder: typeof holder === 'string' ? holder : undefined,
    chain: { resolvePassport: resolve, passports },
  })
}
