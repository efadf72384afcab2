/**
 * Canonicalization for Data Integrity: the stock cryptosuite `canonize`, within caps, with the
 * fast-path plug-in (fast-path-plugin.ts: context cache, direct passport dataset, proof template,
 * one-call digest) when fast-paths.ts enables it. `CARBON_PASSPORT_FAST_PATHS=off` in the
 * environment switches the plug-in off; so do jsonld / rdf-canonize copies other than the proven
 * ones. Either way the canonical N-Quads are the stock ones (the tests compare them, and the
 * `stock-path` test project runs every Data Integrity test again with the switch off).
 *
 * Verification also caps what reaches RDFC-1.0 (`limits`): a dataset with more than
 * `maxBlankNodes` blank nodes or `maxQuads` quads is refused (CanonicalizationInputTooLarge) before
 * canonicalization starts. The passport dataset is counted as built; on the stock path the stock
 * canonize's steps run here, with the expanded form bounded before jsonld.js builds the dataset
 * (whose node map is quadratic in the values of a property; dataset-bounds.ts) and the dataset
 * counted exactly after. RDFC-1.0's own work limit applies to everything within the caps:
 * rdf-canonize's defaults (maxWorkFactor 1), which no caller option can raise here.
 */
import { createRequire } from 'node:module'
import type { DocumentLoader } from '../../context/loader.js'
import {
  boundExpandedDocument,
  type CanonicalizationLimits,
  checkDatasetLimits,
} from './dataset-bounds.js'
import type { FastPaths } from './fast-path-plugin.js'
import { loadFastPaths } from './fast-paths.js'
import type { Quad } from './passport-rdf.js'

// jsonld.js and rdf-canonize through their public APIs, for the capped stock path: the versions
// package.json pins (the ones the stock cryptosuites use, which fast-paths.ts checks for the plug-in).
const require = createRequire(import.meta.url)
const jsonld = require('jsonld') as {
  expand(input: unknown, options: Record<string, unknown>): Promise<unknown>
  toRDF(input: unknown, options: Record<string, unknown>): Promise<Quad[]>
}
const rdfCanonize = require('rdf-canonize') as {
  canonize(dataset: Quad[], options: Record<string, unknown>): Promise<string>
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
 * (bench/hostile.bench.ts: 73 ms median at 448, 71 ms at the earlier 384, since the quad cap
 * bounds the product). The largest example passport, the ESS cabinet with its IEC 63369-1 and EU
 * 2023/1542 declarations, has 101 (4.4× headroom).
 */
export const DEFAULT_MAX_BLANK_NODES = 448
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

/** The stock canonize function of a cryptosuite. */
export type Canonize = (input: unknown, options: Record<string, unknown>) => Promise<string>

/**
 * Canonical N-Quads of a document: a passport through the plug-in's direct RDF path, anything else
 * (and any passport that path does not handle, and everything when the plug-in is off) with the
 * stock cryptosuite canonize. With `limits`, a dataset past them is refused
 * (CanonicalizationInputTooLarge) before RDFC-1.0.
 */
export async function canonizeDocument(
  canonize: Canonize,
  input: unknown,
  documentLoader: DocumentLoader,
  options: Record<string, unknown> = {},
  limits?: CanonicalizationLimits,
): Promise<string> {
  const safeOptions = withDefaultWorkLimits(options)
  const fastPaths = await loadFastPaths()
  const direct = await fastPaths?.canonizePassport(input, documentLoader, safeOptions, limits)
  if (direct !== undefined) return direct
  return stockCanonize(fastPaths, canonize, input, documentLoader, safeOptions, limits)
}

/**
 * Canonical N-Quads with the stock cryptosuite canonize only (with the plug-in's context cache when
 * it is on). With `limits` the stock canonize's two steps run here, with the dataset counted
 * between them: `jsonld.toRDF` and `rdfCanonize.canonize` with exactly the options the stock
 * eddsa-rdfc-2022 and ecdsa-rdfc-2019 canonize (identical in both) pass them.
 */
export async function stockCanonizeDocument(
  canonize: Canonize,
  input: unknown,
  documentLoader: DocumentLoader,
  options: Record<string, unknown> = {},
  limits?: CanonicalizationLimits,
): Promise<string> {
  const fastPaths = await loadFastPaths()
  const safeOptions = withDefaultWorkLimits(options)
  return stockCanonize(fastPaths, canonize, input, documentLoader, safeOptions, limits)
}

function stockCanonize(
  fastPaths: FastPaths | undefined,
  canonize: Canonize,
  input: unknown,
  documentLoader: DocumentLoader,
  options: Record<string, unknown>,
  limits: CanonicalizationLimits | undefined,
): Promise<string> {
  const run = limits ? cappedStockCanonize(limits) : canonize
  return run(
    input,
    fastPaths
      ? fastPaths.stockOptions(documentLoader, options)
      : { ...options, base: null, safe: true, documentLoader },
  )
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

/**
 * The canonical proof configuration by the plug-in's template (proof-template.ts), or undefined
 * when the plug-in is off or the proof is not of the eligible shape (the caller then uses the
 * stock path).
 */
export async function canonizeProofFast(
  canonize: Canonize,
  proofConfig: Record<string, unknown>,
  documentLoader: DocumentLoader,
): Promise<string | undefined> {
  const fastPaths = await loadFastPaths()
  return fastPaths?.canonizeProof(canonize, proofConfig, documentLoader)
}
