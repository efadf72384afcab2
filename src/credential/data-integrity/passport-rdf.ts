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
 * The walk is one pass: each node object is expanded as far as naming it needs, labelled and
 * visited in createNodeMap's order, its scalar values expanded as they are added (no expanded tree,
 * no term objects). It gives the dataset as quads (passportDataset, what the tests compare with
 * jsonld.toRDF) or with each term serialized as N-Quads once (passportSerializedDataset, what
 * rdfc.ts canonicalizes; rdfc.test.ts proves both forms the same dataset).
 *
 * Part of the fast-path plug-in (fast-path-plugin.ts), which only fast-paths.ts loads, and only
 * when the fast paths are enabled.
 */
import { isObject, type Json } from '../../json.js'
import {
  type ActiveContext,
  type ContextMemo,
  isUnsupported,
  nodeContexts,
  refuse,
  withContexts,
} from './jsonld-terms.js'
import { nquadsIri, nquadsLiteral, type Predicate, type SerializedDataset } from './rdfc.js'
import { decimalStringOrder, sortByKey, sortStrings } from './sort.js'

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

/** An IRI value, with its N-Quads form. */
interface IriValue {
  iri: string
  nquads: string
}
/** A literal value, with its N-Quads form and what jsonld.js's `compareValues` compares. */
interface LiteralValue {
  literal: string
  datatype: string
  /** The JSON value (`@value`). */
  item: string | number | boolean
  /** The term's `@type`, if any (the literal's `@type` in the expanded value). */
  type: string | undefined
  nquads: string
}
const iriValue = (iri: string): IriValue => ({ iri, nquads: nquadsIri(iri) })

/** The IRI values of terms used as types or `@vocab` values, per context (read-only, shared). */
const termIriValues = new WeakMap<ActiveContext, Map<string, IriValue>>()

/**
 * `_expandIri(ctx, value, {vocab: true, base: true})` as an IRI value (refused unless absolute),
 * made once per context for a term of it: a passport's types and enumerations are terms, and
 * only terms the contexts define are kept, so the map stays bounded.
 */
function vocabIriValue(memo: ContextMemo, ctx: ActiveContext, value: string): IriValue {
  if (!ctx.mappings.has(value)) return iriValue(absoluteIri(memo, memo.expandIri(ctx, value, true)))
  let values = termIriValues.get(ctx)
  if (!values) {
    values = new Map()
    termIriValues.set(ctx, values)
  }
  let found = values.get(value)
  if (!found) {
    found = Object.freeze(iriValue(absoluteIri(memo, memo.expandIri(ctx, value, true))))
    values.set(value, found)
  }
  return found
}
const literalValue = (
  literal: string,
  datatype: string,
  item: string | number | boolean,
  type: string | undefined,
): LiteralValue => ({ literal, datatype, item, type, nquads: nquadsLiteral(literal, datatype) })

/** The values of one key of a node object, with the context they expand in. */
interface Entry {
  /** The expanded property IRI. */
  property: string
  /** The key (the term). */
  term: string
  termCtx: ActiveContext
  /** The term's definition in `termCtx`, which its values expand with (undefined: not understood). */
  definition: Record<string, unknown> | undefined
  items: unknown[]
}

/**
 * A node object expanded as far as naming it needs (`api.expand` + `_expandObject`, jsonld.js
 * expand.js): its id, its types and its properties in the order createNodeMap visits them (sorted
 * by expanded IRI, stable: keys with the same IRI in key order). Values are expanded when visited.
 */
interface NodeHead {
  id: IriValue | undefined
  types: IriValue[]
  entries: Entry[]
}

/** An absolute IRI that is not a blank node and that jsonld.js keeps (no whitespace). */
function absoluteIri(memo: ContextMemo, value: unknown): string {
  if (!memo.isAbsoluteIri(value)) refuse()
  return value as string
}

const propertyOf = (entry: Entry) => entry.property

/** The head of a node object (see NodeHead). */
function expandHead(
  memo: ContextMemo,
  element: Json,
  ctxIn: ActiveContext,
  activeProperty: string | null,
  root: ActiveContext | undefined,
): NodeHead {
  const { activeCtx, typeScoped, keys } = nodeContexts(memo, element, ctxIn, activeProperty, root)
  const head: NodeHead = { id: undefined, types: [], entries: [] }
  let sawType = false
  for (const key of keys) {
    if (key === '@context') continue
    if (key.charCodeAt(0) === 64 /* @ */) refuse() // keywords are left to jsonld.js
    const value = element[key]
    const info = memo.term(activeCtx, key)
    const expanded = info.iri
    if (expanded === '@id') {
      if (head.id !== undefined || typeof value !== 'string') refuse()
      head.id = iriValue(absoluteIri(memo, memo.expandIri(activeCtx, value as string, false)))
      continue
    }
    if (expanded === '@type') {
      if (sawType) refuse()
      sawType = true
      const list = Array.isArray(value) ? value : [value]
      if (list.length === 0) refuse()
      for (const t of list) {
        if (typeof t !== 'string') refuse()
        head.types.push(vocabIriValue(memo, typeScoped, t as string))
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
    // Looked up once per key, not per value.
    const definition = termCtx === activeCtx ? info.definition : memo.term(termCtx, key).definition
    head.entries.push({ property, term: key, termCtx, definition, items })
  }
  // A stable sort: keys with the same expanded IRI stay in key order, as their values are
  // appended in jsonld.js's expanded node.
  if (head.entries.length > 1) sortByKey(head.entries, propertyOf)
  return head
}

/** `api.expand` for one scalar value of a property (`_expandValue`) and its RDF form. */
function expandScalar(
  memo: ContextMemo,
  item: unknown,
  termCtx: ActiveContext,
  termDefinition: Record<string, unknown> | undefined,
): IriValue | LiteralValue {
  if (Array.isArray(item) || item === null || item === undefined) return refuse()
  const definition = termDefinition ?? refuse()
  const type = definition['@type']
  if (type === '@id' || type === '@vocab') {
    if (typeof item !== 'string') refuse()
    if (type === '@vocab') return vocabIriValue(memo, termCtx, item as string)
    return iriValue(absoluteIri(memo, memo.expandIri(termCtx, item as string, false)))
  }
  if (type !== undefined && (typeof type !== 'string' || type.startsWith('@'))) refuse()
  if ('@language' in termCtx || '@direction' in termCtx) refuse()
  const datatype = type as string | undefined
  // _objectToRDF (jsonld.js toRdf.js), for booleans, numbers and strings.
  if (typeof item === 'boolean') {
    return literalValue(item.toString(), datatype ?? XSD_BOOLEAN, item, datatype)
  }
  if (typeof item === 'number') {
    // JSON has no NaN or infinities; refused all the same (setKey would merge two NaNs, which
    // jsonld.js keeps apart).
    if (!Number.isFinite(item)) refuse()
    if (memo.jsonld.isDouble(item) || datatype === XSD_DOUBLE) {
      return literalValue(
        item.toExponential(15).replace(/(\d)0*e\+?/, '$1E'),
        datatype ?? XSD_DOUBLE,
        item,
        datatype,
      )
    }
    return literalValue(item.toFixed(0), datatype ?? XSD_INTEGER, item, datatype)
  }
  if (typeof item !== 'string' || datatype === XSD_DOUBLE) return refuse()
  return literalValue(item, datatype ?? XSD_STRING, item, datatype)
}

// ---- node map and quads (jsonld.js nodeMap.js and toRdf.js) ----------------------------------

/**
 * An object of a quad as the node map holds it: a blank node by number (label `b<n>`), or the
 * expanded IRI or literal value (each allocated once, by the expansion).
 */
type MapObject = number | IriValue | LiteralValue

/**
 * A statement's identity for jsonld.js's duplicate check (`compareValues`), made without building
 * a string: an IRI value's IRI (types' too); a blank node's number (a new node, equal to no other
 * value); a literal value itself, equal to another when both have the same `@value` (same JSON
 * type, ===: for finite numbers that is the same as equal String forms, -0 and 0 included) and the
 * same `@type`.
 */
type Key = string | number | LiteralValue

const sameKey = (a: Key, b: Key): boolean =>
  a === b ||
  (typeof a === 'object' &&
    typeof b === 'object' &&
    typeof a.item === typeof b.item &&
    a.item === b.item &&
    (a.type ?? '') === (b.type ?? ''))

/**
 * A key as a set member, the same equality as sameKey: a literal's string has a `|` before any
 * `:`, so it is never an absolute IRI (an IRI key); numbers are never strings.
 */
const setKey = (key: Key): string | number =>
  typeof key === 'object' ? `${typeof key.item}|${String(key.item)}|${key.type ?? ''}` : key

/** Whether `list[from…]` holds a key equal to `key`. */
function hasKey(list: Key[], from: number, key: Key): boolean {
  for (let i = from; i < list.length; i++) if (sameKey(list[i] as Key, key)) return true
  return false
}

/**
 * The statements of one subject: parallel lists of property ('@type' for types) and object, each
 * property's objects together, in insertion order, each value once (jsonld.js adds a value to a
 * node's property only when no equal one is there: allowDuplicate false).
 */
interface Statements {
  properties: string[]
  objects: MapObject[]
  /** compareValues identities, parallel to `objects`. */
  keys: Key[]
  /** Where the current property's run starts, and its identities once it is long. */
  runStart: number
  runSet: Set<string | number> | undefined
}

const newStatements = (): Statements => ({
  properties: [],
  objects: [],
  keys: [],
  runStart: 0,
  runSet: undefined,
})

/** Adds one statement to a subject whose statements come one property at a time (a blank node). */
function addInRun(st: Statements, property: string, key: Key, object: MapObject): void {
  const { properties, keys } = st
  const n = keys.length
  if (n === st.runStart || properties[n - 1] !== property) {
    st.runStart = n
    st.runSet = undefined
  } else if (st.runSet) {
    const k = setKey(key)
    if (st.runSet.has(k)) return
    st.runSet.add(k)
  } else {
    if (hasKey(keys, st.runStart, key)) return
    // A linear scan is cheapest for the few values a property usually has; a set bounds the rest.
    if (n - st.runStart >= 16) {
      st.runSet = new Set(keys.slice(st.runStart).map(setKey)).add(setKey(key))
    }
  }
  properties.push(property)
  keys.push(key)
  st.objects.push(object)
}

/** The objects of one property of a named subject. */
interface Slot {
  objects: MapObject[]
  keys: Key[]
  /** The same identities as a set, once there are too many for a linear scan. */
  set: Set<string | number> | undefined
}
/** A named subject: nodes with the same IRI merge, so properties may come back. */
type NamedSubject = Map<string, Slot>

function addToNamed(subject: NamedSubject, property: string, key: Key, object: MapObject): void {
  const slot = subject.get(property)
  if (!slot) {
    subject.set(property, { objects: [object], keys: [key], set: undefined })
    return
  }
  if (slot.set) {
    const k = setKey(key)
    if (slot.set.has(k)) return
    slot.set.add(k)
  } else {
    if (hasKey(slot.keys, 0, key)) return
    if (slot.keys.length >= 16) slot.set = new Set(slot.keys.map(setKey)).add(setKey(key))
  }
  slot.keys.push(key)
  slot.objects.push(object)
}

/** Adds a statement to a blank subject (`st`) or a named one. */
function addStatement(
  st: Statements | undefined,
  named: NamedSubject | undefined,
  property: string,
  key: Key,
  object: MapObject,
): void {
  if (st) addInRun(st, property, key, object)
  else addToNamed(named as NamedSubject, property, key, object)
}

/** The node map being built (jsonld.js createNodeMap, default graph). */
class NodeMap {
  readonly memo: ContextMemo
  /** Blank nodes by number: each is one node object, so its statements come in order. */
  readonly blank: Statements[] = []
  readonly named = new Map<string, NamedSubject>()

  constructor(memo: ContextMemo) {
    this.memo = memo
  }

  /** A new blank node (labels `b0`, `b1`, … in the order createNodeMap issues them). */
  label(): number {
    this.blank.push(newStatements())
    return this.blank.length - 1
  }

  /** Visits one node, named `name` (its IRI) or `blank` (its number), as createNodeMap does. */
  visit(head: NodeHead, blank: number): void {
    const memo = this.memo
    // (No closure per node: each would cost an allocation, and more under tsx's keepNames.)
    let st: Statements | undefined
    let named: NamedSubject | undefined
    if (head.id === undefined) {
      st = this.blank[blank] as Statements
    } else {
      const iri = head.id.iri
      named = this.named.get(iri)
      if (!named) {
        named = new Map()
        this.named.set(iri, named)
      }
    }
    // Sorted expanded keys: '@id' is skipped, '@type' sorts before every IRI.
    for (const type of head.types) addStatement(st, named, '@type', type.iri, type)
    for (const { property, term, termCtx, definition, items } of head.entries) {
      for (const item of items) {
        if (isObject(item)) {
          const child = expandHead(memo, item, termCtx, term, undefined)
          if (child.id === undefined) {
            const n = this.label()
            addStatement(st, named, property, n, n)
            this.visit(child, n)
          } else {
            addStatement(st, named, property, child.id.iri, child.id)
            this.visit(child, -1)
          }
        } else {
          const value = expandScalar(memo, item, termCtx, definition)
          // A reference creates an (empty) node in jsonld.js, which gives no quads.
          addStatement(st, named, property, 'iri' in value ? value.iri : value, value)
        }
      }
    }
  }

  /**
   * Every statement, in jsonld.js toRDF's order: subjects sorted by name (`_:b<n>` or the IRI),
   * each subject's properties sorted ('@type' first), objects in insertion order.
   */
  each(emit: (subject: string | number, property: string, object: MapObject) => void): void {
    const names: string[] = []
    for (const [iri, subject] of this.named) if (subject.size > 0) names.push(iri)
    if (names.length > 1) sortStrings(names)
    const emitNamed = (name: string) => {
      const subject = this.named.get(name) as NamedSubject
      const properties = [...subject.keys()]
      if (properties.length > 1) sortStrings(properties)
      for (const property of properties) {
        for (const object of (subject.get(property) as Slot).objects) emit(name, property, object)
      }
    }
    // Blank subjects are named `_:b<n>`, which sort as the decimal strings of n; a named subject
    // (an absolute IRI, never `_:…`) sorts before all of them or after all of them, as it does
    // against `_:b`. So no blank-node name is made or compared.
    let i = 0
    while (i < names.length && (names[i] as string) < '_:b') emitNamed(names[i++] as string)
    for (const n of decimalStringOrder(this.blank.length)) {
      const { properties, objects } = this.blank[n] as Statements
      for (let k = 0; k < properties.length; k++) {
        emit(n, properties[k] as string, objects[k] as MapObject)
      }
    }
    while (i < names.length) emitNamed(names[i++] as string)
  }
}

/** The node map of a passport, or undefined when the walk declines. */
async function nodeMap(document: unknown, memo: ContextMemo): Promise<NodeMap | undefined> {
  if (!isObject(document)) return undefined
  const context = document['@context']
  if (!Array.isArray(context) || !context.every((c) => typeof c === 'string')) return undefined
  const root = await memo.root(context as string[])
  return withContexts(() => {
    const head = expandHead(memo, document, root, null, root)
    if (head.types.length === 0) return undefined // jsonld.js may drop such a top-level node
    const map = new NodeMap(memo)
    map.visit(head, head.id === undefined ? map.label() : -1)
    return map
  })
}

const DEFAULT_GRAPH: Term = { termType: 'DefaultGraph', value: '' }

const termOf = (object: MapObject): Term =>
  typeof object === 'number'
    ? { termType: 'BlankNode', value: `b${object}` }
    : 'literal' in object
      ? {
          termType: 'Literal',
          value: object.literal,
          datatype: { termType: 'NamedNode', value: object.datatype },
        }
      : { termType: 'NamedNode', value: object.iri }

/**
 * The RDF dataset `jsonld.toRDF(document, { safe: true, base: null })` would give, or undefined
 * when the document is outside what this walk understands.
 */
export async function passportDataset(
  document: unknown,
  memo: ContextMemo,
): Promise<Quad[] | undefined> {
  try {
    const map = await nodeMap(document, memo)
    if (map === undefined) return undefined
    const quads: Quad[] = []
    map.each((subject, property, object) => {
      quads.push({
        subject:
          typeof subject === 'number'
            ? { termType: 'BlankNode', value: `b${subject}` }
            : { termType: 'NamedNode', value: subject },
        predicate: { termType: 'NamedNode', value: property === '@type' ? RDF_TYPE : property },
        object: termOf(object),
        graph: DEFAULT_GRAPH,
      })
    })
    return quads
  } catch (err) {
    if (isUnsupported(err)) return undefined
    throw err
  }
}

/** How many predicates' forms are kept (the passport contexts define a few hundred terms). */
const MAX_PREDICATE_FORMS = 2048
const predicateForms = new Map<string, Predicate>()

/**
 * A property ('@type' for types) in the two forms RDFC-1.0 writes it, made once: properties come
 * from context terms, or from any key under `@vocab`, so the map stops growing when full.
 */
function predicateOf(property: string): Predicate {
  let predicate = predicateForms.get(property)
  if (!predicate) {
    const iri = property === '@type' ? RDF_TYPE : property
    predicate = Object.freeze({ nquads: nquadsIri(iri), related: `<${iri}>` })
    if (predicateForms.size < MAX_PREDICATE_FORMS) predicateForms.set(property, predicate)
  }
  return predicate
}

/**
 * The same dataset as passportDataset, in the form rdfc.ts canonicalizes: each term serialized as
 * N-Quads once (blank nodes by number, label `b<n>` as in passportDataset), same quads, same order.
 */
export async function passportSerializedDataset(
  document: unknown,
  memo: ContextMemo,
): Promise<SerializedDataset | undefined> {
  try {
    const map = await nodeMap(document, memo)
    if (map === undefined) return undefined
    const labels: string[] = new Array(map.blank.length)
    for (let n = 0; n < labels.length; n++) labels[n] = `b${n}`
    const subjects: (number | string)[] = []
    const predicates: Predicate[] = []
    const objects: (number | string)[] = []
    let lastName: string | number | undefined
    let lastSubject: number | string = ''
    let lastProperty: string | undefined
    let lastPredicate: Predicate | undefined
    map.each((name, property, object) => {
      if (name !== lastName) {
        lastName = name
        lastSubject = typeof name === 'number' ? name : nquadsIri(name)
      }
      if (property !== lastProperty) {
        lastProperty = property
        lastPredicate = predicateOf(property)
      }
      subjects.push(lastSubject)
      predicates.push(lastPredicate as Predicate)
      objects.push(typeof object === 'number' ? object : object.nquads)
    })
    return { subjects, predicates, objects, labels }
  } catch (err) {
    if (isUnsupported(err)) return undefined
    throw err
  }
}
