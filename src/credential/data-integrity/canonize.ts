/**
 * Canonicalization for Data Integrity, with two safe speed-ups over the stock cryptosuites (which
 * spend most of their time re-processing the same immutable contexts):
 *
 * 1. **Context cache.** jsonld.js keeps processed contexts only for documents a loader tags
 *    `static`. The bundled contexts are deep-frozen and never change, so they are tagged static and
 *    cached in a cache private to each document loader (never jsonld's process-wide one, so no
 *    other loader can see or poison it), where processed contexts clone by copy-on-write snapshots
 *    instead of deep copies (context-cache.ts). Safe mode and the RDFC-1.0 work limits are
 *    unchanged: the stock `canonize` of the cryptosuite does all the work.
 * 2. **Proof configuration.** The proof options (`type`, `cryptosuite`, `created`,
 *    `verificationMethod`, `proofPurpose`) canonicalize to five quads whose shape depends only on
 *    the context list. For each context list, the stock canonicalization of a sentinel proof is
 *    computed once; a proof of the same shape whose values need no N-Quads escaping is then
 *    produced by substituting its values into that template. Anything else takes the stock path.
 *    `test/credential/data-integrity/canonize.test.ts` proves both equal on vectors and random inputs.
 * 3. **Message digest.** rdf-canonize gets a SHA-256 MessageDigest that hashes with one native call
 *    (its default builds a createHash object per hash); same bytes in, same digest out.
 *
 * Verification also caps what reaches RDFC-1.0 (`limits`): a dataset with more than
 * `maxBlankNodes` blank nodes or `maxQuads` quads is refused (CanonicalizationInputTooLarge) before
 * canonicalization starts. The passport dataset is counted as built; on the stock path the stock
 * canonize's steps run here, with the expanded form bounded before jsonld.js builds the dataset
 * (whose node map is quadratic in the values of a property; dataset-bounds.ts) and the dataset
 * counted exactly after. RDFC-1.0's own work limit applies to everything within the caps:
 * rdf-canonize's defaults (maxWorkFactor 1), which no caller option can raise here.
 */
import { createHash, hash as oneShotHash } from 'node:crypto'
import { createRequire } from 'node:module'
import ContextResolver from 'jsonld/lib/ContextResolver.js'
import { bundledContexts } from '../../context/bundled.js'
import type { DocumentLoader, RemoteDocument } from '../../context/loader.js'
import { isPassportContext, PASSPORT_CONTEXTS } from '../../passport/contexts.js'
import { createContextCache } from './context-cache.js'
import {
  boundExpandedDocument,
  type CanonicalizationLimits,
  checkDatasetLimits,
} from './dataset-bounds.js'
import { ContextMemo, passportDataset, type Quad } from './passport-rdf.js'

// rdf-canonize exactly as jsonld.js (and so the stock cryptosuites) resolve it; it is also a
// declared dependency (the range jsonld 9 requires), since this module calls it itself.
const fromJsonld = createRequire(createRequire(import.meta.url).resolve('jsonld'))
const rdfCanonize = fromJsonld('rdf-canonize') as {
  canonize(dataset: Quad[], options: Record<string, unknown>): Promise<string>
}
// jsonld.js itself, the copy the stock cryptosuites import, for the capped stock path.
const jsonld = createRequire(import.meta.url)('jsonld') as {
  expand(input: unknown, options: Record<string, unknown>): Promise<unknown>
  toRDF(input: unknown, options: Record<string, unknown>): Promise<Quad[]>
}

export {
  CanonicalizationInputTooLarge,
  type CanonicalizationLimits,
  checkDatasetLimits,
} from './dataset-bounds.js'

/**
 * The most blank nodes a dataset may have to be canonicalized in verification (`maxBlankNodes`).
 * RDFC-1.0's cost on blank nodes that look alike grows with blank nodes × quads even within its work
 * limit; with both defaults the worst graphs measured are decided in under 100 ms on one core
 * (bench/hostile.bench.ts). The largest example passport has 87 (4.4× headroom).
 */
export const DEFAULT_MAX_BLANK_NODES = 384
/**
 * The most quads a dataset may have to be canonicalized in verification (`maxQuads`). The largest
 * example passport has 510 (5× headroom).
 */
export const DEFAULT_MAX_QUADS = 2560

/** rdf-canonize options that would change its work limit; dropped, so its defaults always apply. */
const withDefaultWorkLimits = (options: Record<string, unknown>): Record<string, unknown> => {
  if (!('maxWorkFactor' in options) && !('maxDeepIterations' in options)) return options
  const { maxWorkFactor: _factor, maxDeepIterations: _iterations, ...rest } = options
  return rest
}

/**
 * The fast paths of this module (the direct passport dataset, the copy-on-write context cache) reuse
 * jsonld.js internals and are proven equal to the stock output by tests on exactly these versions,
 * which package.json pins. Should another version be installed anyway (an override, a dedupe), every
 * document takes the plain stock path instead of trusting internals nobody checked.
 */
export const PROVEN_VERSIONS = { jsonld: '9.0.0', 'rdf-canonize': '5.0.0' } as const
export const INTERNAL_FAST_PATHS =
  (fromJsonld('jsonld/package.json') as { version: string }).version === PROVEN_VERSIONS.jsonld &&
  (fromJsonld('rdf-canonize/package.json') as { version: string }).version ===
    PROVEN_VERSIONS['rdf-canonize']

// crypto.hash (Node >= 20.12) hashes a string in one native call; createHash is the fallback.
const sha256Hex: (input: string) => string =
  typeof oneShotHash === 'function'
    ? (input) => oneShotHash('sha256', input, 'hex')
    : (input) => createHash('sha256').update(input, 'utf8').digest('hex')

/**
 * rdf-canonize's MessageDigest for SHA-256 (its RDFC-1.0 default), hashing the UTF-8 bytes of
 * everything passed to `update` in one call at `digest`. RDFC-1.0 hashes a hundred or more short
 * strings per passport, where setting up a createHash object per string costs more than the
 * hashing; the bytes hashed and the hex digest are the same, so the canonical output is too.
 */
class Sha256Digest {
  #input = ''
  update(message: string): void {
    this.#input += message
  }
  digest(): string {
    return sha256Hex(this.#input)
  }
}
const createSha256Digest = () => new Sha256Digest()

/**
 * Options for rdf-canonize: the fast SHA-256 digest unless the caller chose a digest itself
 * (the algorithm and its work limits are untouched).
 */
const withDigest = (options: Record<string, unknown>): Record<string, unknown> =>
  options.createMessageDigest === undefined && options.messageDigestAlgorithm === undefined
    ? { ...options, createMessageDigest: createSha256Digest }
    : options

/** The stock canonize function of a cryptosuite. */
export type Canonize = (input: unknown, options: Record<string, unknown>) => Promise<string>

interface LoaderCache {
  /** jsonld's shared resolved-context cache, private to this loader. */
  contexts: Map<string, unknown>
  /** The loader that tags bundled contexts `static`. */
  loader: (url: string) => Promise<RemoteDocument & { tag?: string }>
  /** Proof-configuration templates by context list and proof shape (undefined: not eligible). */
  templates: Map<string, string | undefined>
  /** Processed contexts for the direct RDF path (passport-rdf.ts). */
  memo: ContextMemo
}

const caches = new WeakMap<DocumentLoader, LoaderCache>()

function cacheFor(loader: DocumentLoader): LoaderCache {
  let cache = caches.get(loader)
  if (!cache) {
    const contexts = createContextCache()
    const tagged = async (url: string) => {
      const result = await loader(url)
      // Only the frozen bundled documents are immutable; anything else is loaded every time.
      return bundledContexts.get(url) === result.document && result.document !== undefined
        ? { ...result, tag: 'static' }
        : result
    }
    cache = {
      contexts,
      templates: new Map(),
      loader: tagged,
      memo: new ContextMemo({
        base: null,
        documentLoader: tagged,
        contextResolver: new ContextResolver({ sharedCache: contexts }),
      }),
    }
    caches.set(loader, cache)
  }
  return cache
}

/**
 * The processed-context memo of a loader, for walks that must read a document with the very terms
 * canonicalization uses (the compact-form check).
 */
export const contextMemoFor = (loader: DocumentLoader): ContextMemo => cacheFor(loader).memo

/** Whether the loader serves the passport contexts as the frozen bundled documents. */
async function servesBundled(loader: DocumentLoader): Promise<boolean> {
  for (const url of PASSPORT_CONTEXTS) {
    try {
      const { document } = await loader(url)
      if (document === undefined || bundledContexts.get(url) !== document) return false
    } catch {
      return false
    }
  }
  return true
}

/**
 * RDFC-1.0 of the dataset built directly from a passport (passport-rdf.ts), or undefined when the
 * document is not eligible or anything fails (the caller then takes the stock path, which gives the
 * stock result or error).
 */
async function canonizePassportFast(
  input: unknown,
  documentLoader: DocumentLoader,
  cache: LoaderCache,
  options: Record<string, unknown>,
  limits: CanonicalizationLimits | undefined,
): Promise<string | undefined> {
  const context = (input as { '@context'?: unknown } | null)?.['@context']
  if (
    !INTERNAL_FAST_PATHS ||
    !isPassportContext(context) ||
    !(await servesBundled(documentLoader))
  ) {
    return undefined
  }
  let dataset: Quad[] | undefined
  try {
    dataset = await passportDataset(input, cache.memo)
  } catch {
    return undefined
  }
  if (dataset === undefined) return undefined
  // The very quads jsonld.toRDF gives (passport-rdf.ts), so the stock path would count the same.
  if (limits) checkDatasetLimits(dataset, limits)
  try {
    // The options the stock cryptosuites hand to rdf-canonize (work limits at their defaults).
    return await rdfCanonize.canonize(
      dataset,
      withDigest({
        algorithm: 'RDFC-1.0',
        format: 'application/n-quads',
        ...options,
        base: null,
        safe: true,
      }),
    )
  } catch {
    return undefined
  }
}

/**
 * Canonical N-Quads of a document: a passport through the direct RDF path, anything else (and any
 * passport that path does not handle) with the stock cryptosuite canonize and the context cache.
 * With `limits`, a dataset past them is refused (CanonicalizationInputTooLarge) before RDFC-1.0.
 */
export async function canonizeDocument(
  canonize: Canonize,
  input: unknown,
  documentLoader: DocumentLoader,
  options: Record<string, unknown> = {},
  limits?: CanonicalizationLimits,
): Promise<string> {
  const cache = cacheFor(documentLoader)
  const safeOptions = withDefaultWorkLimits(options)
  const fast = await canonizePassportFast(input, documentLoader, cache, safeOptions, limits)
  if (fast !== undefined) return fast
  return stockCanonizeDocument(canonize, input, documentLoader, safeOptions, limits)
}

/**
 * Canonical N-Quads with the stock cryptosuite canonize (and the context cache) only. With `limits`
 * the stock canonize's two steps run here, with the dataset counted between them: `jsonld.toRDF`
 * and `rdfCanonize.canonize` with exactly the options the stock eddsa-rdfc-2022 and ecdsa-rdfc-2019
 * canonize (identical in both) pass them.
 */
export function stockCanonizeDocument(
  canonize: Canonize,
  input: unknown,
  documentLoader: DocumentLoader,
  options: Record<string, unknown> = {},
  limits?: CanonicalizationLimits,
): Promise<string> {
  const run = limits ? cappedStockCanonize(limits) : canonize
  const safeOptions = withDefaultWorkLimits(options)
  if (!INTERNAL_FAST_PATHS)
    return run(input, { ...safeOptions, base: null, safe: true, documentLoader })
  const cache = cacheFor(documentLoader)
  return run(input, {
    ...withDigest(safeOptions),
    base: null,
    safe: true,
    documentLoader: cache.loader,
    contextResolver: new ContextResolver({ sharedCache: cache.contexts }),
  })
}

/**
 * The stock cryptosuite canonize (`@digitalbazaar/eddsa-rdfc-2022-cryptosuite` lib/canonize.js,
 * the same in ecdsa-rdfc-2019), step for step, with the dataset checked against the limits between
 * `jsonld.toRDF` and `rdfCanonize.canonize`.
 */
const cappedStockCanonize =
  (limits: CanonicalizationLimits): Canonize =>
  async (input, options) => {
    const canonizeOptions = {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      base: null,
      safe: true,
      ...options,
    }
    const { format: _format, ...toRdfOptions } = {
      rdfDirection: 'i18n-datatype',
      ...canonizeOptions,
      produceGeneralizedRdf: false,
    }
    // jsonld.toRDF is expand, then the node map (quadratic in the values of a property): bound the
    // expanded form first (dataset-bounds.ts), then build the dataset from it and count it exactly.
    const expanded = await jsonld.expand(input, toRdfOptions)
    boundExpandedDocument(expanded, limits)
    const dataset = await jsonld.toRDF(expanded, { ...toRdfOptions, skipExpansion: true })
    checkDatasetLimits(dataset, limits)
    return rdfCanonize.canonize(dataset, canonizeOptions)
  }

const PROOF_KEYS = ['type', 'cryptosuite', 'created', 'verificationMethod', 'proofPurpose']
const CREATED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/
// IRIs that N-Quads writes verbatim (no characters that would need escaping), with their scheme.
const IRI = /^(did|https|http|urn):[A-Za-z0-9._~:/?#[\]@!$&'()*+,;=%-]+$/
const SENTINEL_CREATED = '1999-12-31T23:59:59Z'
const sentinelIri = (scheme: string) =>
  scheme === 'did' || scheme === 'urn'
    ? `${scheme}:x-carbon-passport-sentinel:7f3a9c`
    : `${scheme}://x-carbon-passport-sentinel.invalid/7f3a9c`

/**
 * The canonical proof configuration by template substitution, or undefined when the proof is not
 * of the eligible shape (the caller then uses the stock path).
 */
export async function canonizeProofFast(
  canonize: Canonize,
  proofConfig: Record<string, unknown>,
  documentLoader: DocumentLoader,
): Promise<string | undefined> {
  const keys = Object.keys(proofConfig).filter((k) => k !== '@context')
  const context = proofConfig['@context']
  const { type, cryptosuite, created, verificationMethod, proofPurpose } = proofConfig
  if (
    !keys.every((k) => PROOF_KEYS.includes(k)) ||
    !Array.isArray(context) ||
    !context.every((c) => typeof c === 'string') ||
    type !== 'DataIntegrityProof' ||
    typeof cryptosuite !== 'string' ||
    !/^[a-z0-9-]+$/.test(cryptosuite) ||
    proofPurpose !== 'assertionMethod' ||
    typeof verificationMethod !== 'string' ||
    !IRI.test(verificationMethod) ||
    (created !== undefined && (typeof created !== 'string' || !CREATED.test(created)))
  ) {
    return undefined
  }
  const scheme = verificationMethod.slice(0, verificationMethod.indexOf(':'))
  const cache = cacheFor(documentLoader)
  const key = JSON.stringify([context, cryptosuite, scheme, created !== undefined])
  let template = cache.templates.get(key)
  if (!cache.templates.has(key)) {
    template = await buildTemplate(canonize, documentLoader, {
      '@context': context,
      type,
      cryptosuite,
      ...(created === undefined ? {} : { created: SENTINEL_CREATED }),
      verificationMethod: sentinelIri(scheme),
      proofPurpose,
    })
    cache.templates.set(key, template)
  }
  if (template === undefined) return undefined
  // Created first: a real `created` cannot contain the IRI sentinel, so each replacement is unique.
  // Function replacements, so `$` in an IRI is taken literally.
  let out = template
  if (created !== undefined) out = out.replace(`"${SENTINEL_CREATED}"^^`, () => `"${created}"^^`)
  out = out.replace(`<${sentinelIri(scheme)}>`, () => `<${verificationMethod}>`)
  return sortLines(out)
}

const sortLines = (nquads: string): string => {
  const lines = nquads.split('\n').filter((l) => l !== '')
  lines.sort()
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`
}

/** The stock canonical form of a sentinel proof, if every sentinel value appears exactly once. */
async function buildTemplate(
  canonize: Canonize,
  documentLoader: DocumentLoader,
  sentinel: Record<string, unknown>,
): Promise<string | undefined> {
  let canonical: string
  try {
    canonical = await canonizeDocument(canonize, sentinel, documentLoader)
  } catch {
    return undefined
  }
  const once = (needle: string) => canonical.split(needle).length === 2
  const vm = sentinel.verificationMethod as string
  if (!once(`<${vm}>`)) return undefined
  if (sentinel.created !== undefined && !once(`"${SENTINEL_CREATED}"^^`)) return undefined
  return canonical
}
