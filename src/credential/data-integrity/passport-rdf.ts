/**
 * The RDF dataset of a credential without jsonld.js's expansion and toRDF, which cost about 3× the
 * RDFC-1.0 step on passports. Only for a document whose `@context` is a list of context URLs the
 * loader serves as frozen bundled documents, and only for what this walk understands: keys that are
 * terms (or `id` / `type` aliases), single-`@set` or no containers, string / number / boolean /
 * node-object values, absolute IRIs. Anything else returns undefined and the caller takes the stock
 * path, which then accepts or refuses exactly as before (safe mode included).
 *
 * The walk follows jsonld.js 9's `expand` (revert of type-scoped contexts, property-scoped then
 * type-scoped contexts, value expansion), `createNodeMap` (blank-node labels in pre-order over
 * sorted expanded properties) and `toRDF` (sorted subjects and properties, literal forms), using
 * jsonld.js's own context processing and IRI expansion. It yields the very quads, in the same
 * order, that `jsonld.toRDF` yields — so RDFC-1.0 (work limits included) behaves identically;
 * test/credential/data-integrity/passport-rdf.test.ts proves it on every example and on mutations.
 */
import jsonldContext from 'jsonld/lib/context.js'
import jsonldTypes from 'jsonld/lib/types.js'
import jsonldUrl from 'jsonld/lib/url.js'
import { isObject, type Json } from '../../json.js'

/** A jsonld.js active context (read only here). */
export interface ActiveContext {
  mappings: Map<string, Record<string, unknown>>
  previousContext?: ActiveContext
  revertToPreviousContext(): ActiveContext
  [key: string]: unknown
}

interface Term {
  termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph'
  value: string
  datatype?: { termType: 'NamedNode'; value: string }
}
export interface Quad {
  subject: Term
  predicate: Term
  object: Term
  graph: Term
}

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type'
const XSD = 'http://www.w3.org/2001/XMLSchema#'
const XSD_BOOLEAN = `${XSD}boolean`
const XSD_DOUBLE = `${XSD}double`
const XSD_INTEGER = `${XSD}integer`
const XSD_STRING = `${XSD}string`

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

/** Thrown inside the walk for anything it does not handle; never escapes this module. */
class Unsupported extends Error {}
const refuse = (): never => {
  throw new Unsupported()
}

/**
 * Thrown inside the walk when a context it needs is still being processed (jsonld.js processes
 * contexts asynchronously): the caller awaits it and walks again. The walk itself is synchronous
 * because an `await` per node and per value cost more than the rest of the walk.
 */
class Pending {
  readonly until: Promise<unknown>
  constructor(until: Promise<unknown>) {
    this.until = until
  }
}

/** What the walk needs of a term in an active context, computed once per context and term. */
interface TermInfo {
  /** `_expandIri(ctx, term, {vocab: true})`. */
  iri: string | null
  /** `iri` when it is an absolute IRI that is not a blank node (see absoluteIri). */
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

const isAbsoluteIri = (value: unknown): value is string =>
  typeof value === 'string' && !value.startsWith('_:') && jsonldUrl.isAbsolute(value)

/**
 * Processed contexts, memoized by input context, local context and flags, so that a document's
 * contexts are processed once per loader. Sound because the local contexts are parts of frozen
 * bundled documents and jsonld.js never changes an active context once built. Only terms the
 * contexts define are memoized (never arbitrary keys of a document), so the memo stays bounded.
 */
export class ContextMemo {
  readonly #options: Json
  readonly #processed = new WeakMap<
    object,
    Map<unknown, Map<string, ActiveContext | Promise<unknown>>>
  >()
  readonly #reverted = new WeakMap<ActiveContext, ActiveContext>()
  readonly #terms = new WeakMap<ActiveContext, Map<string, TermInfo>>()
  readonly #values = new WeakMap<ActiveContext, [Map<string, unknown>, Map<string, unknown>]>()
  readonly #roots = new Map<string, Promise<ActiveContext>>()

  constructor(options: Json) {
    this.#options = options
  }

  /**
   * The active context after the document's top-level `@context` (URLs only). The last
   * MAX_ROOTS lists are kept: untrusted documents choose the list, so the memo must stay bounded.
   */
  root(urls: readonly string[]): Promise<ActiveContext> {
    const key = JSON.stringify(urls)
    let root = this.#roots.get(key)
    if (root) {
      // Most recently used last, so the oldest is the first key.
      this.#roots.delete(key)
      this.#roots.set(key, root)
      return root
    }
    const initial = jsonldContext.getInitialContext(this.#options) as ActiveContext
    root = this.processAsync(initial, [...urls], {})
    root.catch(() => this.#roots.delete(key))
    this.#roots.set(key, root)
    if (this.#roots.size > MAX_ROOTS) {
      const oldest = this.#roots.keys().next().value as string
      this.#roots.delete(oldest)
    }
    return root
  }

  async processAsync(
    activeCtx: ActiveContext,
    localCtx: unknown,
    flags: { propagate?: boolean; overrideProtected?: boolean },
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
  process(
    activeCtx: ActiveContext,
    localCtx: unknown,
    flags: { propagate?: boolean; overrideProtected?: boolean },
  ): ActiveContext {
    let byLocal = this.#processed.get(activeCtx)
    if (!byLocal) {
      byLocal = new Map()
      this.#processed.set(activeCtx, byLocal)
    }
    let byFlags = byLocal.get(localCtx)
    if (!byFlags) {
      byFlags = new Map()
      byLocal.set(localCtx, byFlags)
    }
    const key = `${flags.propagate}:${flags.overrideProtected}`
    const result = byFlags.get(key)
    if (result instanceof Promise) throw new Pending(result)
    if (result) return result
    const processing = (
      jsonldContext.process({
        activeCtx,
        localCtx,
        options: this.#options,
        ...flags,
      }) as Promise<ActiveContext>
    ).then(
      (ctx) => {
        ;(byFlags as Map<string, unknown>).set(key, ctx)
      },
      (err: unknown) => {
        ;(byFlags as Map<string, unknown>).delete(key)
        throw err
      },
    )
    byFlags.set(key, processing)
    throw new Pending(processing)
  }

  revert(ctx: ActiveContext): ActiveContext {
    if (!ctx.previousContext) return ctx
    let reverted = this.#reverted.get(ctx)
    if (!reverted) {
      reverted = ctx.revertToPreviousContext()
      this.#reverted.set(ctx, reverted)
    }
    return reverted
  }

  /** The term `key` in `ctx`: memoized when `ctx` defines it, computed afresh otherwise. */
  term(ctx: ActiveContext, key: string): TermInfo {
    let map = this.#terms.get(ctx)
    if (!map) {
      map = new Map()
      this.#terms.set(ctx, map)
    }
    let info = map.get(key)
    if (info === undefined) {
      const definition = ctx.mappings.get(key)
      const iri = jsonldContext.expandIri(ctx, key, { vocab: true }, this.#options) as string | null
      info = {
        iri,
        property: isAbsoluteIri(iri) ? iri : undefined,
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
      return jsonldContext.expandIri(ctx, value, { vocab, base: true }, this.#options)
    let maps = this.#values.get(ctx)
    if (!maps) {
      maps = [new Map(), new Map()]
      this.#values.set(ctx, maps)
    }
    const map = maps[vocab ? 1 : 0]
    let iri = map.get(value)
    if (iri === undefined && !map.has(value)) {
      iri = jsonldContext.expandIri(ctx, value, { vocab, base: true }, this.#options)
      map.set(value, iri)
    }
    return iri
  }
}

// ---- the expanded form of the subset -------------------------------------------------------

/** `key` identifies the expanded value as jsonld.js's `compareValues` does (for its de-duplication). */
type Value =
  | { node: ExpandedNode }
  | { iri: string }
  | { literal: string; datatype: string; key: string }
interface ExpandedNode {
  id: string | undefined
  types: string[]
  /** Expanded property → values, in jsonld.js's insertion order. */
  properties: Map<string, Value[]>
}

/** An absolute IRI that is not a blank node and that jsonld.js keeps (no whitespace). */
function absoluteIri(value: unknown): string {
  if (!isAbsoluteIri(value)) refuse()
  return value as string
}

/** The term definition of `key`, refused unless every entry of it is understood. */
function definitionOf(memo: ContextMemo, ctx: ActiveContext, key: string): Record<string, unknown> {
  return memo.term(ctx, key).definition ?? refuse()
}

/**
 * The active contexts of a node object, as jsonld.js's `api.expand` computes them: the type-scoped
 * context of the parent reverted (unless the node is a bare reference), the property-scoped
 * context applied, the top-level `@context` (`root`, only where `@context` is), then the
 * type-scoped contexts of its types in order. `typeScoped` is the context types expand in.
 * Throws Unsupported for what it does not understand and Pending while a context is processed.
 * Shared by the direct RDF walk and the compact-form check, so both see the same terms.
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
  const keys = Object.keys(element).sort()
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

/** The processing a walk must wait for, when `err` is the memo's Pending signal. */
export const pendingOf = (err: unknown): Promise<unknown> | undefined =>
  err instanceof Pending ? err.until : undefined

/** Whether an error is the walk's own "not understood" signal (never a failure of the input). */
export const isUnsupported = (err: unknown): boolean => err instanceof Unsupported

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

/** `api.expand` + `_expandObject` for a node object (jsonld.js expand.js). */
function expandNode(
  memo: ContextMemo,
  element: Json,
  ctxIn: ActiveContext,
  activeProperty: string | null,
  root: ActiveContext | undefined,
): ExpandedNode {
  const { activeCtx, typeScoped, keys } = nodeContexts(memo, element, ctxIn, activeProperty, root)
  const node: ExpandedNode = { id: undefined, types: [], properties: new Map() }
  let sawType = false
  for (const key of keys) {
    if (key === '@context') continue
    if (key.startsWith('@')) refuse() // keywords are left to jsonld.js
    const value = element[key]
    const info = memo.term(activeCtx, key)
    const expanded = info.iri
    if (expanded === '@id') {
      if (node.id !== undefined || typeof value !== 'string') refuse()
      node.id = absoluteIri(memo.expandIri(activeCtx, value as string, false))
      continue
    }
    if (expanded === '@type') {
      if (sawType) refuse()
      sawType = true
      const list = Array.isArray(value) ? value : [value]
      if (list.length === 0) refuse()
      for (const t of list) {
        if (typeof t !== 'string') refuse()
        node.types.push(absoluteIri(memo.expandIri(typeScoped, t as string, true)))
      }
      continue
    }
    const property = info.property ?? refuse()
    const scoped = (info.definition ?? refuse())['@context']
    const termCtx =
      scoped === undefined
        ? activeCtx
        : memo.process(activeCtx, scoped, { propagate: true, overrideProtected: true })
    const items = Array.isArray(value) ? value : [value]
    if (items.length === 0) refuse()
    let values = node.properties.get(property)
    if (!values) {
      values = []
      node.properties.set(property, values)
    }
    for (const item of items) values.push(expandValue(memo, item, termCtx, key))
  }
  return node
}

/** `api.expand` for one value of a property (a node object or a scalar via `_expandValue`). */
function expandValue(
  memo: ContextMemo,
  item: unknown,
  termCtx: ActiveContext,
  term: string,
): Value {
  if (isObject(item)) return { node: expandNode(memo, item, termCtx, term, undefined) }
  if (Array.isArray(item) || item === null || item === undefined) return refuse()
  const definition = definitionOf(memo, termCtx, term)
  const type = definition['@type']
  if (type === '@id' || type === '@vocab') {
    if (typeof item !== 'string') refuse()
    return { iri: absoluteIri(memo.expandIri(termCtx, item as string, type === '@vocab')) }
  }
  if (type !== undefined && (typeof type !== 'string' || type.startsWith('@'))) refuse()
  if ('@language' in termCtx || '@direction' in termCtx) refuse()
  const datatype = type as string | undefined
  // Equal `@value` (===) and equal `@type`: the same value to jsonld.js.
  const key = `${typeof item}|${String(item)}|${datatype ?? ''}`
  // _objectToRDF (jsonld.js toRdf.js), for booleans, numbers and strings.
  if (typeof item === 'boolean') {
    return { literal: item.toString(), datatype: datatype ?? XSD_BOOLEAN, key }
  }
  if (typeof item === 'number') {
    // JSON has no NaN or infinities; jsonld.js would keep two NaNs that the key below merges.
    if (!Number.isFinite(item)) refuse()
    if (jsonldTypes.isDouble(item) || datatype === XSD_DOUBLE) {
      return {
        literal: item.toExponential(15).replace(/(\d)0*e\+?/, '$1E'),
        datatype: datatype ?? XSD_DOUBLE,
        key,
      }
    }
    return { literal: item.toFixed(0), datatype: datatype ?? XSD_INTEGER, key }
  }
  if (typeof item !== 'string' || datatype === XSD_DOUBLE) return refuse()
  return { literal: item, datatype: datatype ?? XSD_STRING, key }
}

// ---- node map and quads (jsonld.js nodeMap.js and toRdf.js) ----------------------------------

const DEFAULT_GRAPH: Term = { termType: 'DefaultGraph', value: '' }
const namedOrBlank = (id: string): Term =>
  id.startsWith('_:')
    ? { termType: 'BlankNode', value: id.slice(2) }
    : { termType: 'NamedNode', value: id }

/** The objects of one property of a subject. */
interface Slot {
  objects: Term[]
  /** Identities of the objects (jsonld.js adds each value once: allowDuplicate false). */
  keys: string[]
  /** The same identities as a set, once there are too many for a linear scan. */
  set: Set<string> | undefined
}

/** Expanded property ('@type' for types) → objects, in insertion order. */
type Subject = Map<string, Slot>

function subjectOf(subjects: Map<string, Subject>, name: string): Subject {
  let subject = subjects.get(name)
  if (!subject) {
    subject = new Map()
    subjects.set(name, subject)
  }
  return subject
}

function addObject(subject: Subject, property: string, key: string, object: Term): void {
  const slot = subject.get(property)
  if (!slot) {
    subject.set(property, { objects: [object], keys: [key], set: undefined })
    return
  }
  if (slot.set) {
    if (slot.set.has(key)) return
    slot.set.add(key)
  } else {
    if (slot.keys.includes(key)) return
    // A linear scan is cheapest for the few values a property usually has; a set bounds the rest.
    if (slot.keys.length >= 16) slot.set = new Set(slot.keys).add(key)
  }
  slot.keys.push(key)
  slot.objects.push(object)
}

/** `createNodeMap` for one node: nodes with the same IRI merge, blank nodes are labelled in order. */
function mapNode(
  node: ExpandedNode,
  name: string,
  subjects: Map<string, Subject>,
  nextLabel: () => string,
): void {
  const subject = subjectOf(subjects, name)
  // Sorted expanded keys: '@id' is skipped, '@type' sorts before every IRI.
  for (const type of node.types) {
    addObject(subject, '@type', type, { termType: 'NamedNode', value: type })
  }
  const properties = [...node.properties.keys()]
  if (properties.length > 1) properties.sort()
  for (const property of properties) {
    for (const value of node.properties.get(property) as Value[]) {
      if ('node' in value) {
        const child = value.node
        const childName = child.id ?? nextLabel()
        addObject(subject, property, `@id|${childName}`, namedOrBlank(childName))
        mapNode(child, childName, subjects, nextLabel)
      } else if ('iri' in value) {
        addObject(subject, property, `@id|${value.iri}`, {
          termType: 'NamedNode',
          value: value.iri,
        })
        subjectOf(subjects, value.iri) // a reference creates an (empty) node, as in jsonld.js
      } else {
        addObject(subject, property, value.key, {
          termType: 'Literal',
          value: value.literal,
          datatype: { termType: 'NamedNode', value: value.datatype },
        })
      }
    }
  }
}

/**
 * The RDF dataset `jsonld.toRDF(document, { safe: true, base: null })` would give, or undefined
 * when the document is outside what this walk understands.
 */
export async function passportDataset(
  document: unknown,
  memo: ContextMemo,
): Promise<Quad[] | undefined> {
  try {
    if (!isObject(document)) return undefined
    const context = document['@context']
    if (!Array.isArray(context) || !context.every((c) => typeof c === 'string')) return undefined
    const root = await memo.root(context as string[])
    const top = await withContexts(() => expandNode(memo, document, root, null, root))
    if (top === undefined) return undefined
    if (top.types.length === 0) return undefined // jsonld.js may drop such a top-level node
    const subjects = new Map<string, Subject>()
    let counter = 0
    const nextLabel = () => `_:b${counter++}`
    mapNode(top, top.id ?? nextLabel(), subjects, nextLabel)
    const quads: Quad[] = []
    for (const id of [...subjects.keys()].sort()) {
      const subject = subjects.get(id) as Subject
      if (subject.size === 0) continue
      const term = namedOrBlank(id)
      const properties = [...subject.keys()]
      if (properties.length > 1) properties.sort()
      for (const property of properties) {
        const predicate: Term = {
          termType: 'NamedNode',
          value: property === '@type' ? RDF_TYPE : property,
        }
        for (const object of (subject.get(property) as Slot).objects) {
          quads.push({ subject: term, predicate, object, graph: DEFAULT_GRAPH })
        }
      }
    }
    return quads
  } catch (err) {
    if (err instanceof Unsupported) return undefined
    throw err
  }
}
