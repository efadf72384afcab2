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
 * jsonld.js's own context processing and IRI expansion through jsonld-terms.ts (the adapter the
 * compact-form check reads with, so both see the same terms). It yields the very quads, in the same
 * order, that `jsonld.toRDF` yields — so RDFC-1.0 (work limits included) behaves identically;
 * test/credential/data-integrity/passport-rdf.test.ts proves it on every example and on mutations.
 *
 * Part of the fast-path plug-in (fast-path-plugin.ts), which only fast-paths.ts loads, and only
 * when the fast paths are enabled.
 */
import { getOrInsert } from '../../collections.js'
import { isObject, type Json } from '../../json.js'
import {
  type ActiveContext,
  type ContextMemo,
  isUnsupported,
  nodeContexts,
  refuse,
  withContexts,
} from './jsonld-terms.js'

interface Term {
  termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph'
  value: string
  datatype?: { termType: 'NamedNode'; value: string }
}
/** One quad of an RDF dataset, as jsonld.js's `toRDF` gives it and rdf-canonize takes it. */
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
function absoluteIri(memo: ContextMemo, value: unknown): string {
  if (!memo.isAbsoluteIri(value)) refuse()
  return value as string
}

/** The term definition of `key`, refused unless every entry of it is understood. */
function definitionOf(memo: ContextMemo, ctx: ActiveContext, key: string): Record<string, unknown> {
  return memo.term(ctx, key).definition ?? refuse()
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
      node.id = absoluteIri(memo, memo.expandIri(activeCtx, value as string, false))
      continue
    }
    if (expanded === '@type') {
      if (sawType) refuse()
      sawType = true
      const list = Array.isArray(value) ? value : [value]
      if (list.length === 0) refuse()
      for (const t of list) {
        if (typeof t !== 'string') refuse()
        node.types.push(absoluteIri(memo, memo.expandIri(typeScoped, t as string, true)))
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
    return {
      iri: absoluteIri(memo, memo.expandIri(termCtx, item as string, type === '@vocab')),
    }
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
    if (memo.jsonld.isDouble(item) || datatype === XSD_DOUBLE) {
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
  return getOrInsert(subjects, name, () => new Map())
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
    if (isUnsupported(err)) return undefined
    throw err
  }
}
