/**
 * Reading the terms of a JSON-LD document the way jsonld.js's `expand` does, with jsonld.js's own
 * context processing and IRI expansion (jsonld-internals.ts): a memo of processed contexts per
 * document loader, and the active contexts of a node object (type- and property-scoped contexts).
 *
 * Shared by the compact-form check (checks/form.ts, a security check that runs whatever the
 * fast-path switch says) and the fast-path plug-in's direct RDF walk (passport-rdf.ts), so both see
 * the terms canonicalization sees. The walks are synchronous (an `await` per node and per value cost
 * more than the rest of a walk), so a context still being processed is signalled by throwing
 * Pending; `withContexts` awaits it and walks again.
 */
import { getOrInsert } from '../../collections.js'
import type { Json } from '../../json.js'
import type { ActiveContext, JsonldInternals, ProcessFlags } from './jsonld-internals.js'
import { sortStrings } from './sort.js'

export type { ActiveContext } from './jsonld-internals.js'

/** Term-definition entries the walk understands; a definition with any other entry is refused. */
const KNOWN_DEFINITION_KEYS = new Set([
  '@id',
  '@type',
  '@container',
  '@context',
  'reverse',
  'protected',
  '_prefix',
  '_termHasColon',
])

/** Context lists whose processed root a memo keeps (a passport verifier uses one or two). */
const MAX_ROOTS = 32

/** Thrown inside a walk for anything it does not handle; never escapes the walk's module. */
class Unsupported extends Error {}

/** Signals that a walk does not handle what it met (see isUnsupported). */
export const refuse = (): never => {
  throw new Unsupported()
}

/** Whether an error is a walk's own "not understood" signal (never a failure of the input). */
export const isUnsupported = (err: unknown): boolean => err instanceof Unsupported

/**
 * Thrown inside a walk when a context it needs is still being processed (jsonld.js processes
 * contexts asynchronously): the caller awaits it and walks again.
 */
class Pending {
  readonly until: Promise<unknown>
  constructor(until: Promise<unknown>) {
    this.until = until
  }
}

/** The processing a walk must wait for, when `err` is the memo's Pending signal. */
export const pendingOf = (err: unknown): Promise<unknown> | undefined =>
  err instanceof Pending ? err.until : undefined

/** What a walk needs of a term in an active context, computed once per context and term. */
export interface TermInfo {
  /** `_expandIri(ctx, term, {vocab: true})`. */
  iri: string | null
  /** `iri` when it is an absolute IRI that is not a blank node (see isAbsoluteIri). */
  property: string | undefined
  /** The term definition when the walk understands every entry of it, else undefined. */
  definition: Record<string, unknown> | undefined
}

/** The term definition, or undefined unless every entry of it is understood. */
function understood(definition: Record<string, unknown> | undefined) {
  if (!definition) return undefined
  for (const k in definition) if (!KNOWN_DEFINITION_KEYS.has(k)) return undefined
  if (definition.reverse) return undefined
  const container = definition['@container']
  if (
    container !== undefined &&
    (!Array.isArray(container) || container.length !== 1 || container[0] !== '@set')
  ) {
    return undefined
  }
  return definition
}

/** The memo key of a flag set (each flag true, false or absent); no string built per call. */
const flagsKey = (flags: ProcessFlags): number =>
  (flags.propagate === undefined ? 0 : flags.propagate ? 1 : 2) +
  3 * (flags.overrideProtected === undefined ? 0 : flags.overrideProtected ? 1 : 2)

/**
 * Processed contexts, memoized by input context, local context and flags, so that a document's
 * contexts are processed once per loader. Sound because the local contexts are parts of frozen
 * bundled documents and jsonld.js never changes an active context once built. Only terms the
 * contexts define are memoized (never arbitrary keys of a document), so the memo stays bounded.
 */
export class ContextMemo {
  /** jsonld.js's private functions the memo processes contexts with. */
  readonly jsonld: JsonldInternals
  readonly #options: Record<string, unknown>
  readonly #processed = new WeakMap<
    object,
    Map<unknown, Map<number, ActiveContext | Promise<unknown>>>
  >()
  readonly #reverted = new WeakMap<ActiveContext, ActiveContext>()
  readonly #terms = new WeakMap<ActiveContext, Map<string, TermInfo>>()
  readonly #values = new WeakMap<ActiveContext, [Map<string, unknown>, Map<string, unknown>]>()
  readonly #roots = new Map<string, Promise<ActiveContext>>()

  /**
   * A memo processing contexts as jsonld.js's `toRDF(document, {base: null, documentLoader})`
   * does, with `sharedCache` as the ContextResolver's cache of resolved contexts.
   */
  constructor(
    jsonld: JsonldInternals,
    documentLoader: (url: string) => Promise<unknown>,
    sharedCache: Map<string, unknown>,
  ) {
    this.jsonld = jsonld
    this.#options = {
      base: null,
      documentLoader,
      contextResolver: jsonld.createContextResolver(sharedCache),
    }
  }

  /**
   * The active context after the document's top-level `@context` (URLs only). The last
   * MAX_ROOTS lists are kept: untrusted documents choose the list, so the memo must stay bounded.
   */
  root(urls: readonly unknown[]): Promise<ActiveContext> {
    const key = JSON.stringify(urls)
    let root = this.#roots.get(key)
    if (root) {
      // Most recently used last, so the oldest is the first key.
      this.#roots.delete(key)
      this.#roots.set(key, root)
      return root
    }
    const initial = this.jsonld.getInitialContext(this.#options)
    root = this.processAsync(initial, [...urls], {})
    root.catch(() => this.#roots.delete(key))
    this.#roots.set(key, root)
    if (this.#roots.size > MAX_ROOTS) {
      const oldest = this.#roots.keys().next().value as string
      this.#roots.delete(oldest)
    }
    return root
  }

  /** `process`, waiting for whatever it needs processed first. */
  async processAsync(
    activeCtx: ActiveContext,
    localCtx: unknown,
    flags: ProcessFlags,
  ): Promise<ActiveContext> {
    for (;;) {
      try {
        return this.process(activeCtx, localCtx, flags)
      } catch (err) {
        if (!(err instanceof Pending)) throw err
        await err.until
      }
    }
  }

  /**
   * `jsonldContext.process` from the memo; throws Pending (after starting it) when not yet
   * processed, or the processing error. A failed processing is not kept, so it is retried.
   */
  process(activeCtx: ActiveContext, localCtx: unknown, flags: ProcessFlags): ActiveContext {
    const byLocal = getOrInsert(this.#processed, activeCtx, () => new Map())
    const byFlags = getOrInsert(byLocal, localCtx, () => new Map())
    const key = flagsKey(flags)
    const result = byFlags.get(key)
    if (result instanceof Promise) throw new Pending(result)
    if (result) return result
    const processing = this.jsonld.processContext(activeCtx, localCtx, this.#options, flags).then(
      (ctx) => {
        byFlags.set(key, ctx)
      },
      (err: unknown) => {
        byFlags.delete(key)
        throw err
      },
    )
    byFlags.set(key, processing)
    throw new Pending(processing)
  }

  /** `ctx.revertToPreviousContext()` (the type-scoped context undone), memoized. */
  revert(ctx: ActiveContext): ActiveContext {
    if (!ctx.previousContext) return ctx
    let reverted = this.#reverted.get(ctx)
    if (!reverted) {
      reverted = ctx.revertToPreviousContext()
      this.#reverted.set(ctx, reverted)
    }
    return reverted
  }

  /** An absolute IRI that is not a blank node (jsonld.js's `isAbsolute`). */
  isAbsoluteIri(value: unknown): value is string {
    return typeof value === 'string' && !value.startsWith('_:') && this.jsonld.isAbsolute(value)
  }

  /** The context of the last `term` call and its terms (walks ask many terms of one context). */
  #lastContext: ActiveContext | undefined
  #lastTerms: Map<string, TermInfo> | undefined

  /** The term `key` in `ctx`: memoized when `ctx` defines it, computed afresh otherwise. */
  term(ctx: ActiveContext, key: string): TermInfo {
    let map: Map<string, TermInfo>
    if (ctx === this.#lastContext) map = this.#lastTerms as Map<string, TermInfo>
    else {
      map = getOrInsert(this.#terms, ctx, () => new Map())
      this.#lastContext = ctx
      this.#lastTerms = map
    }
    let info = map.get(key)
    if (info === undefined) {
      const definition = ctx.mappings.get(key)
      const iri = this.jsonld.expandIri(ctx, key, { vocab: true }, this.#options) as string | null
      info = {
        iri,
        property: this.isAbsoluteIri(iri) ? iri : undefined,
        definition: understood(definition),
      }
      if (definition) map.set(key, info)
    }
    return info
  }

  /** jsonld.js's `_expandIri(ctx, key, {vocab: true})`. */
  expandKey(ctx: ActiveContext, key: string): string | null {
    return this.term(ctx, key).iri
  }

  /** `_expandIri(ctx, value, {vocab, base: true})`, memoized when `ctx` defines `value` as a term. */
  expandIri(ctx: ActiveContext, value: string, vocab: boolean): unknown {
    if (!ctx.mappings.has(value))
      return this.jsonld.expandIri(ctx, value, { vocab, base: true }, this.#options)
    let maps = this.#values.get(ctx)
    if (!maps) {
      maps = [new Map(), new Map()]
      this.#values.set(ctx, maps)
    }
    const map = maps[vocab ? 1 : 0]
    let iri = map.get(value)
    if (iri === undefined && !map.has(value)) {
      iri = this.jsonld.expandIri(ctx, value, { vocab, base: true }, this.#options)
      map.set(value, iri)
    }
    return iri
  }
}

/**
 * The active contexts of a node object, as jsonld.js's `api.expand` computes them: the type-scoped
 * context of the parent reverted (unless the node is a bare reference), the property-scoped
 * context applied, the top-level `@context` (`root`, only where `@context` is), then the
 * type-scoped contexts of its types in order. `typeScoped` is the context types expand in.
 * Throws Unsupported for what it does not understand and Pending while a context is processed.
 */
export function nodeContexts(
  memo: ContextMemo,
  element: Json,
  ctxIn: ActiveContext,
  activeProperty: string | null,
  root: ActiveContext | undefined,
): { activeCtx: ActiveContext; typeScoped: ActiveContext; keys: string[] } {
  let activeCtx = ctxIn
  const propertyScoped =
    activeProperty === null ? undefined : activeCtx.mappings.get(activeProperty)?.['@context']
  const keys = sortStrings(Object.keys(element))
  if (keys.length === 0) refuse()
  const typeScopedIn = activeCtx.previousContext ? activeCtx : null
  let mustRevert = true
  if (typeScopedIn && keys.length <= 2 && !keys.includes('@context')) {
    for (const key of keys) {
      const expanded = memo.expandKey(typeScopedIn, key)
      if (expanded === '@value') refuse()
      if (expanded === '@id' && keys.length === 1) {
        mustRevert = false
        break
      }
    }
  }
  if (mustRevert) activeCtx = memo.revert(activeCtx)
  if (propertyScoped !== undefined) {
    activeCtx = memo.process(activeCtx, propertyScoped, {
      propagate: true,
      overrideProtected: true,
    })
  }
  if ('@context' in element) {
    // Only the top-level context, already processed by the caller.
    if (root === undefined) refuse()
    activeCtx = root as ActiveContext
  }
  const typeScoped = activeCtx
  for (const key of keys) {
    if (key === '@context' || memo.expandKey(activeCtx, key) !== '@type') continue
    const value = element[key]
    const types = Array.isArray(value) ? (value.length > 1 ? value.slice().sort() : value) : [value]
    for (const type of types) {
      if (typeof type !== 'string') refuse()
      const scoped = typeScoped.mappings.get(type as string)?.['@context']
      if (scoped !== undefined) activeCtx = memo.process(activeCtx, scoped, { propagate: false })
    }
  }
  return { activeCtx, typeScoped, keys }
}

/** Contexts a walk may wait for before declining (a cold memo needs 15 for the example passports). */
const MAX_CONTEXT_WAITS = 64

/**
 * Runs a synchronous walk that may need contexts still being processed: each Pending is awaited
 * and the walk run again, up to MAX_CONTEXT_WAITS times (then undefined).
 */
export async function withContexts<T>(walk: () => T): Promise<T | undefined> {
  for (let waits = 0; ; waits++) {
    try {
      return walk()
    } catch (err) {
      if (!(err instanceof Pending)) throw err
      await err.until
      // Each wait re-walks the document: past a few (a cold memo), give up.
      if (waits >= MAX_CONTEXT_WAITS) return undefined
    }
  }
}
