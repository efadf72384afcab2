/**
 * Bounds on the RDF dataset of a document, checked before RDFC-1.0 and, on the stock path, before
 * jsonld.js builds the dataset at all.
 *
 * `jsonld.toRDF` is `expand` (linear) then `createNodeMap`, which adds every value of a property
 * with a linear scan for an equal one: quadratic in the values of one property (20,000 numbers in
 * one array, 110 KB, take ~3 s; 40,000 take ~12 s). So on the expanded form, in `createNodeMap`'s own
 * order, this module
 *
 * - counts the statements and blank nodes the dataset will certainly have (a lower bound: safe
 *   mode refuses rather than drops a statement, equal values are counted once with jsonld.js's own
 *   `compareValues` equality, lists and anonymous nodes are never equal), and refuses a document
 *   whose bound is past the limits — the exact count after `toRDF` would refuse it too, so only the
 *   time of the decision changes; and
 * - drops the later copies of value objects, `@type` values and bare node references (`{@id}`) that
 *   are equal under `compareValues` to one already added to the same subject and property, in
 *   `createNodeMap`'s order: for those it adds nothing and labels nothing new (a `_:` type only
 *   after an equal one in the same array: types are labelled when their node starts), so the node
 *   map, the dataset and its order are the same, and the scans left are bounded by the counts.
 *
 * Node objects with content are dropped the same way when equal (as JSON) to one already added
 * there and holding only named nodes (no anonymous node, list or `@json` literal: processing a copy
 * of those adds new ones). The exact count on the dataset (checkDatasetLimits) decides in the end. test/credential/data-integrity/dataset-bounds.test.ts
 * proves the dataset unchanged and the bound a lower bound on random documents.
 */

import { getOrInsert } from '../../collections.js'
import { isObject, type Json } from '../../json.js'
import type { Quad } from './passport-rdf.js'

export interface CanonicalizationLimits {
  maxBlankNodes: number
  maxQuads: number
}

/** A dataset larger than the canonicalization limits; thrown before RDFC-1.0 starts. */
export class CanonicalizationInputTooLarge extends Error {
  readonly code = 'ERR_CANONICALIZATION_INPUT_TOO_LARGE'
}

const tooManyQuads = (count: number | string, cap: number) =>
  new CanonicalizationInputTooLarge(
    `the RDF dataset to canonicalize has ${count} quads; the cap is ${cap} (maxQuads)`,
  )
const tooManyBlankNodes = (cap: number) =>
  new CanonicalizationInputTooLarge(
    `the RDF dataset to canonicalize has more than ${cap} blank nodes (maxBlankNodes)`,
  )

/**
 * checkDatasetLimits on counts made elsewhere: `quads` quads and `blankNodes` distinct blank nodes
 * (the same checks in the same order, the same errors).
 */
export function checkDatasetCounts(
  quads: number,
  blankNodes: number,
  limits: CanonicalizationLimits,
): void {
  if (quads > limits.maxQuads) throw tooManyQuads(quads, limits.maxQuads)
  if (blankNodes > limits.maxBlankNodes) throw tooManyBlankNodes(limits.maxBlankNodes)
}

/** Throws CanonicalizationInputTooLarge unless the dataset is within the limits (exact counts). */
export function checkDatasetLimits(dataset: readonly Quad[], limits: CanonicalizationLimits): void {
  if (dataset.length > limits.maxQuads) throw tooManyQuads(dataset.length, limits.maxQuads)
  const blankNodes = new Set<string>()
  for (const quad of dataset) {
    for (const term of [quad.subject, quad.object, quad.graph]) {
      if (term.termType !== 'BlankNode') continue
      blankNodes.add(term.value)
      if (blankNodes.size > limits.maxBlankNodes) throw tooManyBlankNodes(limits.maxBlankNodes)
    }
  }
}

const isKeyword = (k: string) => k.startsWith('@')
const isValueObject = (v: Json) => '@value' in v
const isListObject = (v: Json) => '@list' in v
/** jsonld.js graphTypes.isBlankNode: a `_:` id, or no id at all (not a value, set or list). */
const isBlankNode = (v: Json) =>
  '@id' in v
    ? typeof v['@id'] === 'string' && v['@id'].startsWith('_:')
    : !('@value' in v || '@set' in v || '@list' in v)

/**
 * Counts and de-duplicates one expanded document (see the module comment); throws
 * CanonicalizationInputTooLarge when the statements or blank nodes it will certainly have exceed
 * the limits, else returns those counts (lower bounds of the dataset's). Mutates only property
 * arrays of the expanded node objects (dropping equal copies).
 */
export function boundExpandedDocument(
  expanded: unknown,
  limits: CanonicalizationLimits,
): { quads: number; blankNodes: number } {
  const bound = new ExpandedBound(limits)
  bound.nodes(expanded, '@default')
  return bound.counts()
}

class ExpandedBound {
  readonly #limits: CanonicalizationLimits
  /** Per graph, subject and property: the compareValues keys of the values added. */
  readonly #added = new Map<string, Map<string, Map<string, Set<string>>>>()
  readonly #blankNodes = new Set<string>()
  /** `@json` literal objects compare by identity: each gets its own number. */
  readonly #identities = new WeakMap<object, number>()
  #statements = 0
  #fresh = 0

  constructor(limits: CanonicalizationLimits) {
    this.#limits = limits
  }

  counts(): { quads: number; blankNodes: number } {
    return { quads: this.#statements, blankNodes: this.#blankNodes.size }
  }

  /** A name for a node as createNodeMap names it: its id, or a fresh blank node. */
  #name(node: Json): string {
    const id = node['@id']
    return typeof id === 'string' ? id : `_:\u0000${this.#fresh++}`
  }

  #blank(name: string): void {
    if (!name.startsWith('_:') || this.#blankNodes.has(name)) return
    this.#blankNodes.add(name)
    if (this.#blankNodes.size > this.#limits.maxBlankNodes) {
      throw tooManyBlankNodes(this.#limits.maxBlankNodes)
    }
  }

  #count(statements: number): void {
    this.#statements += statements
    if (this.#statements > this.#limits.maxQuads) {
      throw tooManyQuads(`at least ${this.#statements}`, this.#limits.maxQuads)
    }
  }

  /** One more statement (graph, subject, property, object): counted and its nodes noted. */
  #statement(graph: string, subject: string, object: string | undefined): void {
    this.#count(1)
    this.#blank(subject)
    if (object !== undefined) this.#blank(object)
    if (graph !== '@default') this.#blank(graph)
  }

  #values(graph: string, subject: string, property: string): Set<string> {
    const subjects = getOrInsert(this.#added, graph, () => new Map())
    const properties = getOrInsert(subjects, subject, () => new Map())
    return getOrInsert(properties, property, () => new Set<string>())
  }

  /** jsonld.js compareValues as a key: equal keys exactly when compareValues is true. */
  #valueKey(v: Json): string {
    const value = v['@value']
    const identity =
      value !== null && typeof value === 'object'
        ? (this.#identities.get(value) ?? this.#identify(value))
        : value
    const optional = (x: unknown) => (x === undefined ? [0] : [1, x])
    return JSON.stringify([
      typeof value,
      identity,
      optional(v['@type']),
      optional(v['@language']),
      optional(v['@index']),
    ])
  }

  #identify(value: object): number {
    const n = this.#fresh++
    this.#identities.set(value, n)
    return n
  }

  readonly #deepKeys = new WeakMap<object, string | null>()

  /**
   * A key for a node object equal for equal JSON, or undefined when processing a copy of it could
   * add something: it (or anything in it) is anonymous (a new blank node each time), a list (never
   * equal to another) or a `@json` literal (compared by identity).
   */
  #deepKey(node: Json): string | undefined {
    const known = this.#deepKeys.get(node)
    if (known !== undefined) return known ?? undefined
    let key: string | undefined
    if (typeof node['@id'] === 'string') {
      key = '{'
      for (const k of Object.keys(node)) {
        const part = k === '@reverse' ? this.#mapKey(node[k]) : this.#partKey(node[k])
        if (part === undefined) {
          key = undefined
          break
        }
        key += `${JSON.stringify(k)}:${part},`
      }
      if (key !== undefined) key = `d${key}}`
    }
    this.#deepKeys.set(node, key ?? null)
    return key
  }

  #mapKey(map: unknown): string | undefined {
    if (!isObject(map)) return undefined
    let key = '{'
    for (const k of Object.keys(map)) {
      const part = this.#partKey(map[k])
      if (part === undefined) return undefined
      key += `${JSON.stringify(k)}:${part},`
    }
    return `${key}}`
  }

  #partKey(value: unknown): string | undefined {
    if (Array.isArray(value)) {
      let key = '['
      for (const item of value) {
        const part = this.#partKey(item)
        if (part === undefined) return undefined
        key += `${part},`
      }
      return `${key}]`
    }
    if (!isObject(value)) return JSON.stringify(value)
    if (isListObject(value)) return undefined
    if (isValueObject(value)) {
      const v = value['@value']
      return v !== null && typeof v === 'object' ? undefined : JSON.stringify(value)
    }
    return this.#deepKey(value)
  }

  /** `createNodeMap(input, graphs, graph, issuer)` for an array or a node. */
  nodes(input: unknown, graph: string): void {
    if (Array.isArray(input)) {
      for (const node of input) this.nodes(node, graph)
      return
    }
    if (!isObject(input) || isValueObject(input)) return
    this.node(input, graph, this.#name(input))
  }

  /** A list's items: each a list cell (a blank node, two statements); node items are subjects. */
  #list(items: unknown, graph: string): void {
    for (const item of Array.isArray(items) ? items : [items]) {
      this.#count(2)
      this.#blank(`_:\u0000${this.#fresh++}`)
      if (!isObject(item) || isValueObject(item)) continue
      if (isListObject(item)) this.#list(item['@list'], graph)
      else {
        const name = this.#name(item)
        this.#blank(name)
        this.node(item, graph, name)
      }
    }
  }

  /** The properties of one node object, in createNodeMap's order. */
  node(input: Json, graph: string, name: string): void {
    for (const property of Object.keys(input).sort()) {
      if (property === '@id') continue
      const objects = input[property]
      if (property === '@reverse') {
        if (!isObject(objects)) continue
        for (const reverseProperty in objects) {
          const items = objects[reverseProperty]
          if (!Array.isArray(items)) continue
          for (const item of items) {
            if (!isObject(item)) continue
            const itemName = this.#name(item)
            this.node(item, graph, itemName)
            const added = this.#values(graph, itemName, reverseProperty)
            const key = `n${name}`
            if (!added.has(key)) {
              added.add(key)
              this.#statement(graph, itemName, name)
            }
          }
        }
        continue
      }
      if (property === '@graph') {
        this.nodes(objects, name)
        continue
      }
      if (property === '@included') {
        this.nodes(objects, graph)
        continue
      }
      if (property !== '@type' && isKeyword(property)) continue
      if (!Array.isArray(objects)) continue
      const added = this.#values(graph, name, property)
      let kept: unknown[] | undefined
      // Blank-node types are labelled in a pre-pass when their node starts, so one is dropped only
      // after an equal one in the same array (which that pre-pass labels first anyway).
      let blankTypes: Set<string> | undefined
      for (let i = 0; i < objects.length; i++) {
        const o: unknown = objects[i]
        let drop = false
        if (typeof o === 'string') {
          // @type values: strings, added without duplicates (a `_:` type is a blank node object).
          const key = `t${o}`
          const blank = o.startsWith('_:')
          if (added.has(key)) drop = !blank || blankTypes?.has(o) === true
          else {
            added.add(key)
            this.#statement(graph, name, blank ? o : undefined)
          }
          if (blank) {
            blankTypes ??= new Set()
            blankTypes.add(o)
          }
        } else if (isObject(o)) {
          if (isValueObject(o)) {
            const key = `v${this.#valueKey(o)}`
            if (added.has(key)) drop = true
            else {
              added.add(key)
              this.#statement(graph, name, undefined)
            }
          } else if (isListObject(o)) {
            this.#list(o['@list'], graph)
            this.#statement(graph, name, undefined)
          } else if ('@id' in o || isBlankNode(o)) {
            // A node object or reference: the reference is added once; its content is processed.
            const id = this.#name(o)
            const key = `n${id}`
            const seen = added.has(key)
            // A copy equal to one already processed here adds nothing, if all it holds is named.
            const bare = Object.keys(o).length === 1
            const copy = bare ? undefined : this.#deepKey(o)
            if (seen && (bare || (copy !== undefined && added.has(copy)))) drop = true
            else {
              if (!seen) {
                added.add(key)
                this.#statement(graph, name, id)
              }
              if (copy !== undefined) added.add(copy)
              this.node(o, graph, id)
            }
          }
        }
        if (drop) kept ??= objects.slice(0, i)
        else kept?.push(o)
      }
      if (kept) input[property] = kept
    }
  }
}
