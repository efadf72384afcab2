/**
 * The Data Integrity fast paths: an optional plug-in that only fast-paths.ts loads (dynamic
 * `import()`), and only when the fast paths are switched on and the jsonld / rdf-canonize copies
 * of the stock signing stack are the proven ones. Each speed-up gives exactly the stock output
 * (the tests under test/credential/data-integrity/ compare them on vectors, every example and
 * random mutations; the `stock-path` test project runs everything again without this plug-in):
 *
 * 1. **Context cache.** jsonld.js keeps processed contexts only for documents a loader tags
 *    `static`. The bundled contexts are deep-frozen and never change, so they are tagged static and
 *    cached in a cache private to each document loader (never jsonld's process-wide one, so no
 *    other loader can see or poison it), where processed contexts clone by copy-on-write snapshots
 *    instead of deep copies (context-cache.ts). Safe mode and the RDFC-1.0 work limits are
 *    unchanged: the stock `canonize` of the cryptosuite does all the work.
 * 2. **Passport dataset.** The RDF dataset of a passport is built directly (passport-rdf.ts), with
 *    the very quads `jsonld.toRDF` gives, each term serialized as N-Quads once, counted against the
 *    caps before RDFC-1.0, and canonicalized by rdfc.ts: rdf-canonize's RDFC-1.0 step for step
 *    (same work limit) on those strings instead of term objects.
 * 3. **Proof configuration.** The proof options canonicalize by template (proof-template.ts).
 * 4. **Message digest.** rdf-canonize gets a SHA-256 MessageDigest that hashes with one native call
 *    (its default builds a createHash object per hash); same bytes in, same digest out.
 */
import { createHash, hash as oneShotHash } from 'node:crypto'
import { bundledContexts } from '../../context/bundled-contexts.js'
import type { DocumentLoader, RemoteDocument } from '../../context/loader.js'
import { isPassportContext, PASSPORT_CONTEXTS } from '../../passport/contexts.js'
import type { Canonize } from './canonize.js'
import { createContextCache } from './context-cache.js'
import { type CanonicalizationLimits, checkDatasetCounts } from './dataset-bounds.js'
import type { JsonldInternals } from './jsonld-internals.js'
import { ContextMemo } from './jsonld-terms.js'
import { passportSerializedDataset } from './passport-rdf.js'
import { canonizeProofByTemplate, type ProofTemplates } from './proof-template.js'
import { type PreparedCanonicalization, prepareCanonicalization } from './rdfc.js'

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
 * Options of a canonize call the direct path accepts: what DataIntegrityProof and the cryptosuites
 * pass. Anything else (a digest, an id map, a signal, another algorithm) goes to the stock path.
 */
const DIRECT_OPTIONS: Record<string, (value: unknown) => boolean> = {
  documentLoader: () => true,
  contextResolver: () => true,
  base: (v) => v === null,
  safe: (v) => v === true,
  algorithm: (v) => v === 'RDFC-1.0',
  format: (v) => v === 'application/n-quads',
}
const directOptions = (options: Record<string, unknown>): boolean => {
  for (const key in options) if (!DIRECT_OPTIONS[key]?.(options[key])) return false
  return true
}

/**
 * Options for rdf-canonize: the fast SHA-256 digest unless the caller chose a digest itself
 * (the algorithm and its work limits are untouched).
 */
const withDigest = (options: Record<string, unknown>): Record<string, unknown> =>
  options.createMessageDigest === undefined && options.messageDigestAlgorithm === undefined
    ? { ...options, createMessageDigest: createSha256Digest }
    : options

/** What canonize.ts, suites.ts and the compact-form check use of the plug-in. */
export interface FastPaths {
  /**
   * RDFC-1.0 of the dataset built directly from a passport, or undefined when the document is not
   * eligible or anything fails (the caller then takes the stock path, which gives the stock result
   * or error). With `limits`, a dataset past them is refused (CanonicalizationInputTooLarge).
   */
  canonizePassport(
    input: unknown,
    documentLoader: DocumentLoader,
    options: Record<string, unknown>,
    limits: CanonicalizationLimits | undefined,
  ): Promise<string | undefined>
  /**
   * The options of a stock cryptosuite `canonize` with the loader's context cache and the one-call
   * digest (`base: null` and safe mode included).
   */
  stockOptions(
    documentLoader: DocumentLoader,
    options: Record<string, unknown>,
  ): Record<string, unknown>
  /** The canonical proof configuration by template, or undefined (take the stock path). */
  canonizeProof(
    canonize: Canonize,
    proofConfig: Record<string, unknown>,
    documentLoader: DocumentLoader,
  ): Promise<string | undefined>
  /** The loader's processed-context memo, shared with the compact-form check. */
  contextMemoFor(documentLoader: DocumentLoader): ContextMemo
}

interface LoaderCache {
  /** jsonld's shared resolved-context cache, private to this loader. */
  contexts: Map<string, unknown>
  /** The loader that tags bundled contexts `static`. */
  loader: (url: string) => Promise<RemoteDocument & { tag?: string }>
  templates: ProofTemplates
  /** Processed contexts for the direct RDF path and the compact-form check. */
  memo: ContextMemo
}

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

/** The fast paths, on jsonld.js's private functions as jsonld-internals.ts loaded them. */
export function createFastPaths(jsonld: JsonldInternals): FastPaths {
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
        memo: new ContextMemo(jsonld, tagged, contexts),
      }
      caches.set(loader, cache)
    }
    return cache
  }

  const stockOptions = (documentLoader: DocumentLoader, options: Record<string, unknown>) => {
    const cache = cacheFor(documentLoader)
    return {
      ...withDigest(options),
      base: null,
      safe: true,
      documentLoader: cache.loader,
      contextResolver: jsonld.createContextResolver(cache.contexts),
    }
  }

  async function canonizePassport(
    input: unknown,
    documentLoader: DocumentLoader,
    options: Record<string, unknown>,
    limits: CanonicalizationLimits | undefined,
  ): Promise<string | undefined> {
    const context = (input as { '@context'?: unknown } | null)?.['@context']
    if (!isPassportContext(context) || !directOptions(options)) return undefined
    if (!(await servesBundled(documentLoader))) return undefined
    let canonicalization: PreparedCanonicalization
    try {
      const dataset = await passportSerializedDataset(input, cacheFor(documentLoader).memo)
      if (dataset === undefined) return undefined
      canonicalization = prepareCanonicalization(dataset)
    } catch {
      return undefined
    }
    // The very quads jsonld.toRDF gives (passport-rdf.ts), so the stock path would count the same.
    if (limits) checkDatasetCounts(canonicalization.quads, canonicalization.blankNodes, limits)
    try {
      // RDFC-1.0 as rdf-canonize runs it with the stock suites' options (work limit included).
      return await canonicalization.run()
    } catch {
      // Past the work limit: the stock path runs again and gives the stock error.
      return undefined
    }
  }

  return {
    canonizePassport,
    stockOptions,
    canonizeProof: (canonize, proofConfig, documentLoader) =>
      canonizeProofByTemplate(
        proofConfig,
        cacheFor(documentLoader).templates,
        async (sentinel) =>
          (await canonizePassport(sentinel, documentLoader, {}, undefined)) ??
          canonize(sentinel, stockOptions(documentLoader, {})),
      ),
    contextMemoFor: (documentLoader) => cacheFor(documentLoader).memo,
  }
}
