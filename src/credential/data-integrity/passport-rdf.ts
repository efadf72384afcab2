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

type Json = Record<string, unknown>

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

/** Thrown inside the walk for anything it does not handle; never escapes this module. */
class Unsupported extends Error {}
const refuse = (): never => {
  throw new Unsupported()
}

/**
 * Processed contexts, memoized by input context, local context and flags, so that a document's
 * contexts are processed once per loader. Sound because the local contexts are parts of frozen
 * bundled documents and jsonld.js never changes an active context once built.
 */
export class ContextMemo {
  readonly #options: Json
  readonly #processed = new WeakMap<object, Map<unknown, Map<string, ActiveContext>>>()
  readonly #reverted = new WeakMap<ActiveContext, ActiveContext>()
  readonly #expanded = new WeakMap<ActiveContext, Map<string, string | null>>()
  readonly #roots = new Map<string, Promise<ActiveContext>>()

  constructor(options: Json) {
    this.#options = options
  }

  /** The active context after the document's top-level `@context` (URLs only). */
  root(urls: readonly string[]): Promise<ActiveContext> {
    const key = JSON.stringify(urls)
    let root = this.#roots.get(key)
    if (!root) {
      const initial = jsonldContext.getInitialContext(this.#options) as ActiveContext
      root = this.process(initial, [...urls], {})
      root.catch(() => this.#roots.delete(key))
      this.#roots.set(key, root)
    }
    return root
  }

  async process(
    activeCtx: ActiveContext,
    localCtx: unknown,
    flags: { propagate?: boolean; overrideProtected?: boolean },
  ): Promise<ActiveContext> {
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
    let result = byFlags.get(key)
    if (!result) {
      result = (await jsonldContext.process({
        activeCtx,
        localCtx,
        options: this.#options,
        ...flags,
      })) as ActiveContext
      byFlags.set(key, result)
    }
    return result
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

  /** jsonld.js's `_expandIri(ctx, key, {vocab: true})`, memoized per context. */
  expandKey(ctx: ActiveContext, key: string): string | null {
    let map = this.#expanded.get(ctx)
    if (!map) {
      map = new Map()
      this.#expanded.set(ctx, map)
    }
    let iri = map.get(key)
    if (iri === undefined) {
      iri = jsonldContext.expandIri(ctx, key, { vocab: true }, this.#options) as string | null
      map.set(key, iri)
    }
    return iri
  }

  expandIri(ctx: ActiveContext, value: string, vocab: boolean): unknown {
    return jsonldContext.expandIri(ctx, value, { vocab, base: true }, this.#options)
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

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v)

/** An absolute IRI that is not a blank node and that jsonld.js keeps (no whitespace). */
function absoluteIri(value: unknown): string {
  if (typeof value !== 'string' || value.startsWith('_:') || !jsonldUrl.isAbsolute(value)) refuse()
  return value as string
}

/** The term definition of `key`, refused unless every entry of it is understood. */
function definitionOf(ctx: ActiveContext, key: string): Record<string, unknown> {
  const definition = ctx.mappings.get(key)
  if (!definition) return refuse()
  for (const k in definition) if (!KNOWN_DEFINITION_KEYS.has(k)) refuse()
  if (definition.reverse) refuse()
  const container = definition['@container']
  if (container !== undefined) {
    if (!Array.isArray(container) || container.length !== 1 || container[0] !== '@set') refuse()
  }
  return definition
}

/** `api.expand` + `_expandObject` for a node object (jsonld.js expand.js). */
async function expandNode(
  memo: ContextMemo,
  element: Json,
  ctxIn: ActiveContext,
  activeProperty: string | null,
  root: ActiveContext | undefined,
): Promise<ExpandedNode> {
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
    activeCtx = await memo.process(activeCtx, propertyScoped, {
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
      if (scoped !== undefined)
        activeCtx = await memo.process(activeCtx, scoped, { propagate: false })
    }
  }

  const node: ExpandedNode = { id: undefined, types: [], properties: new Map() }
  let sawType = false
  for (const key of keys) {
    if (key === '@context') continue
    if (key.startsWith('@')) refuse() // keywords are left to jsonld.js
    const value = element[key]
    const expanded = memo.expandKey(activeCtx, key)
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
    if (typeof expanded !== 'string') refuse()
    const property = absoluteIri(expanded)
    definitionOf(activeCtx, key)
    const scoped = activeCtx.mappings.get(key)?.['@context']
    const termCtx =
      scoped === undefined
        ? activeCtx
        : await memo.process(activeCtx, scoped, { propagate: true, overrideProtected: true })
    const items = Array.isArray(value) ? value : [value]
    if (items.length === 0) refuse()
    let values = node.properties.get(property)
    if (!values) {
      values = []
      node.properties.set(property, values)
    }
    for (const item of items) values.push(await expandValue(memo, item, termCtx, key))
  }
  return node
}

/** `api.expand` for one value of a property (a node object or a scalar via `_expandValue`). */
async function expandValue(
  memo: ContextMemo,
  item: unknown,
  termCtx: ActiveContext,
  term: string,
): Promise<Value> {
  if (isObject(item)) return { node: await expandNode(memo, item, termCtx, term, undefined) }
  if (Array.isArray(item) || item === null || item === undefined) return refuse()
  const definition = definitionOf(termCtx, term)
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

interface Subject {
  /** Expanded property ('@type' for types) → objects, in insertion order. */
  properties: Map<string, Term[]>
  /** The values already added per property: jsonld.js adds each value once (allowDuplicate: false). */
  seen: Map<string, Set<string>>
}

function subjectOf(subjects: Map<string, Subject>, name: string): Subject {
  let subject = subjects.get(name)
  if (!subject) {
    subject = { properties: new Map(), seen: new Map() }
    subjects.set(name, subject)
  }
  return subject
}

function addObject(subject: Subject, property: string, key: string, object: Term): void {
  let seen = subject.seen.get(property)
  if (!seen) {
    seen = new Set()
    subject.seen.set(property, seen)
  }
  if (seen.has(key)) return
  seen.add(key)
  let objects = subject.properties.get(property)
  if (!objects) {
    objects = []
    subject.properties.set(property, objects)
  }
  objects.push(object)
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
  for (const property of [...node.properties.keys()].sort()) {
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
    const top = await expandNode(memo, document, root, null, root)
    if (top.types.length === 0) return undefined // jsonld.js may drop such a top-level node
    const subjects = new Map<string, Subject>()
    let counter = 0
    const nextLabel = () => `_:b${counter++}`
    mapNode(top, top.id ?? nextLabel(), subjects, nextLabel)
    const quads: Quad[] = []
    for (const id of [...subjects.keys()].sort()) {
      const subject = subjects.get(id) as Subject
      for (const property of [...subject.properties.keys()].sort()) {
        const predicate: Term = {
          termType: 'NamedNode',
          value: property === '@type' ? RDF_TYPE : property,
        }
        for (const object of subject.properties.get(property) as Term[]) {
          quads.push({ subject: namedOrBlank(id), predicate, object, graph: DEFAULT_GRAPH })
        }
      }
    }
    return quads
  } catch (err) {
    if (err instanceof Unsupported) return undefined
    throw err
  }
}
