/**
 * The jsonld.js functions that are not part of its public API but that carbon-passport needs: its
 * context processing and IRI expansion (the compact-form check reads a credential with the very
 * terms canonicalization uses; the fast-path plug-in builds the RDF dataset with them), its
 * ContextResolver (a context cache private to a document loader) and two small predicates.
 *
 * This is the only module of src/ that touches jsonld.js's private files, and it loads them lazily
 * (dynamic `import()` on first use, memoised), so a jsonld.js whose private files moved or changed
 * can never break `import 'carbon-passport'`. Each function is checked to be one before use; when
 * one is missing, loadJsonldInternals rejects with JsonldInternalsUnavailable (naming the installed
 * jsonld version), and callers fail closed (the compact-form check) or take the stock path.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describeError } from '../../guard.js'

/** A jsonld.js active context (read only outside jsonld.js). */
export interface ActiveContext {
  mappings: Map<string, Record<string, unknown>>
  previousContext?: ActiveContext
  revertToPreviousContext(): ActiveContext
  [key: string]: unknown
}

/** The flags of jsonld.js's context processing that the walks use. */
export interface ProcessFlags {
  propagate?: boolean
  overrideProtected?: boolean
}

/** What carbon-passport uses of jsonld.js's private files. */
export interface JsonldInternals {
  /** The installed jsonld version (for messages). */
  version: string
  /** `context.getInitialContext(options)`. */
  getInitialContext(options: Record<string, unknown>): ActiveContext
  /** `context.process({activeCtx, localCtx, options, ...flags})`. */
  processContext(
    activeCtx: ActiveContext,
    localCtx: unknown,
    options: Record<string, unknown>,
    flags: ProcessFlags,
  ): Promise<ActiveContext>
  /** `context.expandIri(activeCtx, value, relativeTo, options)` (jsonld.js's `_expandIri`). */
  expandIri(
    activeCtx: ActiveContext,
    value: string,
    relativeTo: { vocab?: boolean; base?: boolean },
    options: Record<string, unknown>,
  ): unknown
  /** `url.isAbsolute(value)`. */
  isAbsolute(value: unknown): boolean
  /** `types.isDouble(value)`. */
  isDouble(value: unknown): boolean
  /** `new ContextResolver({sharedCache})`: the `contextResolver` option of jsonld.js's processing. */
  createContextResolver(sharedCache: Map<string, unknown>): unknown
}

/** The installed jsonld.js lacks (or could not load) a private function carbon-passport needs. */
export class JsonldInternalsUnavailable extends Error {
  override readonly name = 'JsonldInternalsUnavailable'
}

/** The version of the jsonld.js these private files belong to, or a placeholder. */
function installedJsonldVersion(): string {
  try {
    const path = createRequire(import.meta.url).resolve('jsonld/package.json')
    const version = (JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown }).version
    return typeof version === 'string' ? version : 'of unknown version'
  } catch {
    return 'of unknown version'
  }
}

type Fn = (...args: never[]) => unknown

/** The module's functions named `names`, or the first name that is not a function. */
function functionsOf(module: unknown, names: readonly string[]): Record<string, Fn> | string {
  const exports = (module as { default?: unknown } | null)?.default ?? module
  const found: Record<string, Fn> = {}
  for (const name of names) {
    const value = (exports as Record<string, unknown> | null)?.[name]
    if (typeof value !== 'function') return name
    found[name] = (value as Fn).bind(exports)
  }
  return found
}

/**
 * The internals from the loaded private modules of jsonld.js `version`, checked to be functions
 * (exported for the tests of this guard).
 */
export function jsonldInternalsFrom(
  modules: { context: unknown; url: unknown; types: unknown; contextResolver: unknown },
  version: string,
): JsonldInternals {
  const missing = (what: string) =>
    new JsonldInternalsUnavailable(
      `jsonld ${version} lacks ${what}, which carbon-passport needs to read JSON-LD contexts`,
    )
  const context = functionsOf(modules.context, ['getInitialContext', 'process', 'expandIri'])
  if (typeof context === 'string') throw missing(`lib/context.js ${context}()`)
  const url = functionsOf(modules.url, ['isAbsolute'])
  if (typeof url === 'string') throw missing(`lib/url.js ${url}()`)
  const types = functionsOf(modules.types, ['isDouble'])
  if (typeof types === 'string') throw missing(`lib/types.js ${types}()`)
  const ContextResolver =
    (modules.contextResolver as { default?: unknown } | null)?.default ?? modules.contextResolver
  if (typeof ContextResolver !== 'function') throw missing('the lib/ContextResolver.js class')
  const Resolver = ContextResolver as new (options: { sharedCache: unknown }) => unknown
  const { getInitialContext, process, expandIri } = context as Record<string, Fn>
  return {
    version,
    getInitialContext: getInitialContext as JsonldInternals['getInitialContext'],
    processContext: (activeCtx, localCtx, options, flags) =>
      (process as (args: Record<string, unknown>) => Promise<ActiveContext>)({
        activeCtx,
        localCtx,
        options,
        ...flags,
      }),
    expandIri: expandIri as JsonldInternals['expandIri'],
    isAbsolute: url.isAbsolute as JsonldInternals['isAbsolute'],
    isDouble: types.isDouble as JsonldInternals['isDouble'],
    createContextResolver: (sharedCache) => new Resolver({ sharedCache }),
  }
}

async function load(): Promise<JsonldInternals> {
  const version = installedJsonldVersion()
  let modules: Parameters<typeof jsonldInternalsFrom>[0]
  try {
    const [context, url, types, contextResolver] = await Promise.all([
      import('jsonld/lib/context.js'),
      import('jsonld/lib/url.js'),
      import('jsonld/lib/types.js'),
      import('jsonld/lib/ContextResolver.js'),
    ])
    modules = { context, url, types, contextResolver }
  } catch (err) {
    throw new JsonldInternalsUnavailable(
      `jsonld ${version}: its private modules could not be loaded (${describeError(err)})`,
      { cause: err },
    )
  }
  return jsonldInternalsFrom(modules, version)
}

let loading: Promise<JsonldInternals> | undefined

/**
 * jsonld.js's private functions, loaded on first use (memoised, failure included). Rejects with
 * JsonldInternalsUnavailable when the installed jsonld.js lacks one of them.
 */
export function loadJsonldInternals(): Promise<JsonldInternals> {
  loading ??= load()
  return loading
}
