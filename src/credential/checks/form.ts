/**
 * The compact-form half of the `context` check: the credential must be written in the one JSON
 * shape whose every key the other checks read is the RDF the proof covers.
 *
 * Why: a Data Integrity proof signs the RDF of a credential, but validity, status, issuer, schema
 * and conformance read JSON keys. JSON-LD can write the same RDF without those keys (`@nest`,
 * `@included`, an absolute IRI or a value object instead of a term, one node split over two
 * places), so an expired or revoked credential could verify. Here every key must be a term of the
 * contexts at its place (type- and property-scoped contexts included, as jsonld.js expands), every
 * value must be in the form compaction gives it, and the descriptions of a node given in several
 * places must agree (the checks then read each place with all of them, as RDF merges them); so the
 * JSON read is exactly what was signed. The walk uses jsonld.js's own context processing
 * (jsonld-terms.ts, shared with the direct RDF walk), so it sees the terms canonicalization sees;
 * that adapter is loaded on first use, and a jsonld.js lacking what it needs makes this check fail
 * closed (`INTERNAL_ERROR`), whether the fast paths are on or off.
 * Only Data Integrity needs it: a vc+jwt signs its JSON bytes, which are what the checks read.
 *
 * Refused (each with a JSON Pointer):
 * - `JSONLD_KEYWORD_NOT_ALLOWED`: any `@`-key but the top-level `@context` (and `@value`,
 *   `@language`, `@direction` of a language-tagged string), and terms that alias keywords other
 *   than `@id`/`@type` or are reverse properties;
 * - `JSONLD_KEY_NOT_A_TERM`: absolute or compact IRIs as keys, names the contexts do not define
 *   there, two keys of one node with the same meaning, types that are neither terms nor IRIs;
 * - `JSONLD_VALUE_NOT_COMPACT`: `null`, `[]`, nested arrays, repeated values, value objects where a
 *   plain value belongs, numbers or objects where a typed string belongs, IRIs not written as
 *   themselves (compact IRIs, blank-node ids, a term's IRI instead of the term), map containers;
 * - `JSONLD_NODE_DESCRIBED_TWICE`: one `id` given two different values of one property in two places
 *   (RDF merges them into one node with both).
 */
import { isDeepStrictEqual } from 'node:util'
import type { DocumentLoader } from '../../context/loader.js'
import { commonCodes } from '../../findings/common.js'
import { combineCodes } from '../../findings/define.js'
import { pointer } from '../../findings/pointer.js'
import { isObject, type Json } from '../../json.js'
import type { Finding } from '../../results.js'
import { contextMemoFor, freshContextMemo } from '../data-integrity/context-memos.js'
import { jsonLdErrorCodes } from '../data-integrity/errors.codes.js'
import { describeJsonLdError } from '../data-integrity/errors.js'
import { JsonldInternalsUnavailable } from '../data-integrity/jsonld-internals.js'
import {
  type ActiveContext,
  type ContextMemo,
  isUnsupported,
  nodeContexts,
  pendingOf,
} from '../data-integrity/jsonld-terms.js'
import { contextCodes } from './context.codes.js'
import { formCodes } from './form.codes.js'

const { finding } = combineCodes(formCodes, jsonLdErrorCodes, contextCodes)

type Path = (string | number)[]

/** Keys of a language-tagged string, the one value object compaction leaves in place. */
const LANGUAGE_VALUE_KEYS = new Set(['@value', '@language', '@direction'])

/** Containers whose JSON shape is a plain value or array; map containers are not read here. */
const PLAIN_CONTAINERS = new Set(['@set', '@list', '@graph'])

/** Findings past this many are summarised by one more (a hostile document has no limit). */
export const MAX_FORM_FINDINGS = 50

/**
 * Walks of one document while contexts it needs are still being processed (jsonld.js processes
 * them asynchronously; the walk is synchronous). Each walk starts the processing of every context
 * it meets unprocessed and skips what lies below, so the walks needed are the nesting depth of
 * scoped contexts (three for a passport on a cold memo), not their number.
 */
const MAX_WALKS = 8

interface Description {
  node: Json
  path: Path
}

interface Walk {
  /** Where the walk is: the JSON Pointer segments of the current value. */
  path: Path
  memo: ContextMemo
  root: ActiveContext
  findings: Finding[]
  /** Node ids with properties → their descriptions (node objects) and where they are. */
  descriptions: Map<string, Description[]>
  /** Contexts still being processed: the walk skipped what needs them and must run again. */
  pending: Promise<unknown>[]
}

/** IRIs of every term of an active context (a term's IRI must be written as the term). */
interface ContextTermIris {
  iris: Set<string>
  /** Whether two terms have one IRI (else two keys of a node never have one meaning). */
  shared: boolean
}
const termIrisByContext = new WeakMap<ActiveContext, ContextTermIris>()
function contextTermIris(ctx: ActiveContext): ContextTermIris {
  let entry = termIrisByContext.get(ctx)
  if (!entry) {
    const iris = new Set<string>()
    // Terms for keywords (`id`, `type`) never reach the meaning check: they are not counted.
    const meanings = new Set<string>()
    let terms = 0
    for (const definition of ctx.mappings.values()) {
      const iri = definition?.['@id']
      if (typeof iri !== 'string') continue
      iris.add(iri)
      if (iri.startsWith('@')) continue
      meanings.add(iri)
      terms++
    }
    entry = { iris, shared: meanings.size < terms }
    termIrisByContext.set(ctx, entry)
  }
  return entry
}
const termIris = (ctx: ActiveContext): Set<string> => contextTermIris(ctx).iris

type FormCode =
  | 'JSONLD_KEYWORD_NOT_ALLOWED'
  | 'JSONLD_KEY_NOT_A_TERM'
  | 'JSONLD_VALUE_NOT_COMPACT'
  | 'JSONLD_NODE_DESCRIBED_TWICE'

/** Reports at the walk's current place, `extra` segments below it. */
function report(w: Walk, code: FormCode, message: string, ...extra: (string | number)[]): void {
  if (w.findings.length < MAX_FORM_FINDINGS) {
    w.findings.push(finding(code, pointer(...w.path, ...extra), message))
  }
}

/**
 * An IRI written as itself: absolute, not a blank node, not a compact IRI and (`vocab`) not the
 * IRI of a term, which must be written as the term.
 */
function iriFindingMessage(
  memo: ContextMemo,
  ctx: ActiveContext,
  value: string,
  vocab: boolean,
): string | undefined {
  if (!memo.isAbsoluteIri(value) || /\s/.test(value)) {
    return `${JSON.stringify(value)} is not an absolute IRI`
  }
  // Only a prefix that is a term can make `prefix:suffix` a compact IRI (JSON-LD 1.1 §4.4).
  const prefix = value.slice(0, value.indexOf(':'))
  if (ctx.mappings.has(prefix) && memo.expandIri(ctx, value, vocab) !== value) {
    return `${JSON.stringify(value)} is a compact IRI; write the IRI it stands for`
  }
  if (vocab && termIris(ctx).has(value)) {
    return `${JSON.stringify(value)} is the IRI of a term; write the term`
  }
  return undefined
}

/** A type value: a term of the type-scoping context, or an IRI that is no term's. */
function typeIri(memo: ContextMemo, ctx: ActiveContext, type: string): string | undefined {
  const definition = ctx.mappings.get(type)
  if (definition) {
    const iri = definition['@id']
    return typeof iri === 'string' && !iri.startsWith('@') ? iri : undefined
  }
  if (iriFindingMessage(memo, ctx, type, true) === undefined) return type
  const vocab = ctx['@vocab']
  if (typeof vocab === 'string' && !type.includes(':')) {
    const iri = memo.expandIri(ctx, type, true)
    if (typeof iri === 'string' && !termIris(ctx).has(iri)) return iri
  }
  return undefined
}

function walkNode(
  w: Walk,
  node: Json,
  ctxIn: ActiveContext,
  activeProperty: string | null,
  top: boolean,
): string | undefined {
  let keywordFound = false
  let empty = true
  for (const key in node) {
    empty = false
    if (key === '@context') {
      // Nested contexts are the context check's CONTEXT_INLINE; their terms cannot be read here.
      if (!top) keywordFound = true
    } else if (key.charCodeAt(0) === 64 /* @ */) {
      report(
        w,
        'JSONLD_KEYWORD_NOT_ALLOWED',
        `the JSON-LD keyword ${key} is not allowed here; write the terms of the contexts`,
        key,
      )
      keywordFound = true
    }
  }
  if (keywordFound || empty) return undefined
  let contexts: ReturnType<typeof nodeContexts>
  try {
    contexts = nodeContexts(w.memo, node, ctxIn, activeProperty, top ? w.root : undefined)
  } catch (err) {
    const pending = pendingOf(err)
    if (pending) {
      w.pending.push(pending)
      return undefined
    }
    if (!isUnsupported(err)) throw err
    report(
      w,
      'JSONLD_VALUE_NOT_COMPACT',
      'the `type` of this node must be a string or a list of strings',
    )
    return undefined
  }
  const { activeCtx: ctx, typeScoped, keys } = contexts
  let meanings: Map<string, string> | undefined
  let id: string | undefined
  let describes = false
  for (const key of keys) {
    if (key === '@context') continue
    const value = node[key]
    const definition = ctx.mappings.get(key)
    let iri: unknown = definition?.['@id']
    if (definition) {
      if (definition.reverse) {
        report(w, 'JSONLD_KEYWORD_NOT_ALLOWED', `\`${key}\` is a reverse property`, key)
        continue
      }
      if (iri === '@id') {
        const problem =
          typeof value === 'string'
            ? iriFindingMessage(w.memo, ctx, value, false)
            : 'an `id` must be an IRI string'
        if (problem) report(w, 'JSONLD_VALUE_NOT_COMPACT', problem, key)
        else id = value as string
        continue
      }
      if (iri === '@type') {
        describes = true
        w.path.push(key)
        checkTypes(w, value, typeScoped)
        w.path.pop()
        continue
      }
      if (typeof iri !== 'string' || iri.startsWith('@')) {
        report(
          w,
          'JSONLD_KEYWORD_NOT_ALLOWED',
          `\`${key}\` stands for the keyword ${String(iri)}`,
          key,
        )
        continue
      }
    } else {
      const vocab = ctx['@vocab']
      iri =
        typeof vocab === 'string' && !key.includes(':')
          ? w.memo.expandIri(ctx, key, true)
          : undefined
      if (typeof iri !== 'string' || termIris(ctx).has(iri)) {
        report(w, 'JSONLD_KEY_NOT_A_TERM', `\`${key}\` is not a term of the contexts here`, key)
        continue
      }
    }
    describes = true
    // Two keys of one node with one meaning: only possible with two terms for one IRI (a key
    // that is no term expands to an IRI of its own, and one that is a term's IRI was refused).
    if (contextTermIris(ctx).shared) {
      meanings ??= new Map()
      const other = meanings.get(iri as string)
      if (other !== undefined) {
        report(
          w,
          'JSONLD_KEY_NOT_A_TERM',
          `\`${key}\` and \`${other}\` both stand for ${String(iri)}`,
          key,
        )
        continue
      }
      meanings.set(iri as string, key)
    }
    const scoped = definition?.['@context']
    let termCtx = ctx
    if (scoped !== undefined) {
      try {
        termCtx = w.memo.process(ctx, scoped, { propagate: true, overrideProtected: true })
      } catch (err) {
        const pending = pendingOf(err)
        if (!pending) throw err
        w.pending.push(pending)
        continue
      }
    }
    w.path.push(key)
    walkValues(w, value, termCtx, key, definition)
    w.path.pop()
  }
  if (id !== undefined && describes) {
    const list = w.descriptions.get(id)
    const description = { node, path: [...w.path] }
    if (list) list.push(description)
    else w.descriptions.set(id, [description])
  }
  return id
}

function checkTypes(w: Walk, value: unknown, ctx: ActiveContext): void {
  const list = Array.isArray(value) ? value : [value]
  if (list.length === 0) {
    report(w, 'JSONLD_VALUE_NOT_COMPACT', 'an empty `type`')
    return
  }
  const seen = new Set<string>()
  for (let i = 0; i < list.length; i++) {
    const type: unknown = list[i]
    const at = Array.isArray(value) ? [i] : []
    const iri = typeof type === 'string' ? typeIri(w.memo, ctx, type) : undefined
    if (iri === undefined) {
      report(
        w,
        'JSONLD_KEY_NOT_A_TERM',
        `the type ${JSON.stringify(type)} is not a term of the contexts or an IRI of its own`,
        ...at,
      )
    } else if (seen.has(iri)) {
      report(w, 'JSONLD_VALUE_NOT_COMPACT', `the type ${JSON.stringify(type)} is repeated`, ...at)
    } else {
      seen.add(iri)
    }
  }
}

/** What a value object, a typed or plain literal, an IRI or a node is; undefined when refused. */
type Identity = string | undefined

function walkValues(
  w: Walk,
  value: unknown,
  ctx: ActiveContext,
  term: string,
  definition: Record<string, unknown> | undefined,
): void {
  const coercion = definition?.['@type']
  if (coercion === '@json') return // a JSON literal: its inside is data, signed as canonical JSON
  const container = definition?.['@container'] as string[] | undefined
  if (container !== undefined && !container.every((c) => PLAIN_CONTAINERS.has(c))) {
    report(
      w,
      'JSONLD_VALUE_NOT_COMPACT',
      `\`${term}\` is a map container (${container.join(', ')}), which this verifier does not read`,
    )
    return
  }
  const kind: ValueKind = {
    term,
    coercion: typeof coercion === 'string' && coercion !== '@none' ? coercion : undefined,
    graph: container?.includes('@graph') === true,
  }
  if (!Array.isArray(value)) {
    if (value === null)
      report(w, 'JSONLD_VALUE_NOT_COMPACT', '`null`: leave the property out instead')
    else identify(w, value, ctx, kind, false)
    return
  }
  if (value.length === 0) {
    report(w, 'JSONLD_VALUE_NOT_COMPACT', 'an empty list: leave the property out instead')
    return
  }
  // A list keeps order and repeats; a set keeps each RDF value once, so a repeat is refused.
  const seen = container?.includes('@list') || value.length === 1 ? undefined : new Set<string>()
  for (let i = 0; i < value.length; i++) {
    w.path.push(i)
    const item: unknown = value[i]
    if (item === null || Array.isArray(item)) {
      report(w, 'JSONLD_VALUE_NOT_COMPACT', 'a list item must be a value or an object')
    } else {
      const identity = identify(w, item, ctx, kind, seen !== undefined)
      if (identity !== undefined && seen) {
        if (seen.has(identity)) {
          report(w, 'JSONLD_VALUE_NOT_COMPACT', 'a repeated value (RDF keeps it once)')
        } else seen.add(identity)
      }
    }
    w.path.pop()
  }
}

interface ValueKind {
  term: string
  /** The term's `@type` (`@id`, `@vocab` or a datatype IRI), if any. */
  coercion: string | undefined
  graph: boolean
}

/**
 * Checks one value of a term at the walk's place; returns its RDF identity (for repeats) when
 * `identity` asks for it (else '' for an accepted value: a single value needs none).
 */
function identify(
  w: Walk,
  item: unknown,
  ctx: ActiveContext,
  kind: ValueKind,
  identity: boolean,
): Identity {
  const { coercion } = kind
  if (isObject(item)) {
    if (
      Object.hasOwn(item, '@value') ||
      Object.hasOwn(item, '@language') ||
      Object.hasOwn(item, '@direction')
    ) {
      const tagged =
        coercion === undefined &&
        !kind.graph &&
        typeof item['@value'] === 'string' &&
        Object.keys(item).every((k) => LANGUAGE_VALUE_KEYS.has(k)) &&
        (typeof item['@language'] === 'string' || typeof item['@direction'] === 'string')
      if (!tagged) {
        report(w, 'JSONLD_VALUE_NOT_COMPACT', 'a value object where a plain value belongs')
        return undefined
      }
      return identity
        ? `@value|${JSON.stringify([item['@value'], item['@language'], item['@direction']])}`
        : ''
    }
    if (coercion !== undefined && coercion !== '@id' && coercion !== '@vocab') {
      report(w, 'JSONLD_VALUE_NOT_COMPACT', `an object where a ${coercion} value belongs`)
      return undefined
    }
    const id = walkNode(w, item, ctx, kind.term, false)
    // A blank node is a node of its own, however alike.
    return id === undefined ? undefined : identity ? `@id|${id}` : ''
  }
  if (kind.graph) {
    report(w, 'JSONLD_VALUE_NOT_COMPACT', `\`${kind.term}\` holds a node object`)
    return undefined
  }
  if (coercion === '@id' || coercion === '@vocab') {
    if (typeof item !== 'string') {
      report(w, 'JSONLD_VALUE_NOT_COMPACT', 'an IRI string belongs here')
      return undefined
    }
    const vocab = coercion === '@vocab'
    const termIri = vocab ? ctx.mappings.get(item)?.['@id'] : undefined
    if (typeof termIri === 'string') return identity ? `@id|${termIri}` : ''
    const problem = iriFindingMessage(w.memo, ctx, item, vocab)
    if (problem) {
      report(w, 'JSONLD_VALUE_NOT_COMPACT', problem)
      return undefined
    }
    return identity ? `@id|${item}` : ''
  }
  if (coercion !== undefined) {
    // An integer is the same typed literal as its digits; any other number would be signed
    // rounded (jsonld.js writes a coerced number with toFixed(0)), so it is refused.
    if (typeof item !== 'string' && !Number.isSafeInteger(item)) {
      report(w, 'JSONLD_VALUE_NOT_COMPACT', `a string belongs here (typed ${coercion})`)
      return undefined
    }
    return identity ? `typed|${String(item)}` : ''
  }
  return identity ? `${typeof item}|${String(item)}` : ''
}

/**
 * Descriptions of one node in several places must agree on every property they share; the view
 * the checks read then has the union of them at each place, which is what RDF says of the node
 * (so moving a property from one description to another changes nothing a check sees).
 */
function mergeDescriptions(w: Walk): Map<Json, Json> {
  const replacements = new Map<Json, Json>()
  for (const [id, list] of w.descriptions) {
    if (list.length < 2) continue
    const union: Json = {}
    const from: Record<string, Path> = {}
    let differ = false
    for (const { node, path } of list) {
      for (const [key, value] of Object.entries(node)) {
        if (!Object.hasOwn(union, key)) {
          union[key] = value
          from[key] = path
        } else if (!isDeepStrictEqual(union[key], value)) {
          w.path = path
          report(
            w,
            'JSONLD_NODE_DESCRIBED_TWICE',
            `${id} has another \`${key}\` at ${pointer(...(from[key] ?? []), key)}; RDF merges the two descriptions, so they must agree`,
            key,
          )
        }
      }
    }
    for (const { node } of list)
      if (Object.keys(node).length !== Object.keys(union).length) differ = true
    if (differ) for (const { node } of list) replacements.set(node, union)
  }
  return replacements
}

/**
 * `value` with every node in `replacements` replaced by its merged description; objects and
 * arrays with nothing replaced inside are shared, not copied (the checks only read).
 */
function withMerged(value: unknown, replacements: Map<Json, Json>, inside: Set<Json>): unknown {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined
    for (let i = 0; i < value.length; i++) {
      const item = withMerged(value[i], replacements, inside)
      if (item !== value[i]) {
        out ??= value.slice()
        out[i] = item
      }
    }
    return out ?? value
  }
  if (!isObject(value)) return value
  const merged = replacements.get(value)
  // A node described inside its own description keeps that inner description as written.
  const replace = merged !== undefined && !inside.has(merged)
  const source = replace ? merged : value
  if (replace) inside.add(merged)
  let out: Json | undefined = replace ? { ...merged } : undefined
  for (const key in source) {
    const child = source[key]
    const next = withMerged(child, replacements, inside)
    if (next !== child) {
      out ??= { ...source }
      out[key] = next
    }
  }
  if (replace) inside.delete(merged)
  return out ?? value
}

export interface CompactForm {
  /** Compact-form findings (none when every key and value is in compacted form). */
  findings: Finding[]
  /**
   * What the other checks read: the credential itself, or, when a node is described in several
   * places, a copy with the union of its descriptions at each place.
   */
  view: Json
}

/**
 * Reads a credential as compacted JSON-LD (see the module comment). Gives no findings when the
 * top-level `@context` cannot be processed: the `@context` part of the context check reports
 * that, and nothing can be read without it.
 */
export async function readCompactForm(
  credential: Json,
  options: { documentLoader: DocumentLoader },
): Promise<CompactForm> {
  const unread = (findings: Finding[]): CompactForm => ({ findings, view: credential })
  const context = credential['@context']
  const urls: unknown[] = Array.isArray(context) ? context : [context]
  // Inline (object) contexts come from the document: they are processed with a memo of their own,
  // dropped with this call, so no untrusted context stays in a cache shared between documents.
  const inline = !urls.every((u) => typeof u === 'string')
  if (inline && !urls.every((u) => typeof u === 'string' || isObject(u))) return unread([])
  let memo: ContextMemo
  try {
    memo = inline
      ? await freshContextMemo(options.documentLoader)
      : await contextMemoFor(options.documentLoader)
  } catch (err) {
    // A jsonld.js without the context processing this check reads with: fail closed.
    if (!(err instanceof JsonldInternalsUnavailable)) throw err
    return unread([
      commonCodes.finding(
        'INTERNAL_ERROR',
        '',
        `the compact-form check cannot run: ${err.message}`,
      ),
    ])
  }
  let root: ActiveContext
  try {
    root = await memo.root(urls)
  } catch (err) {
    const known = describeJsonLdError(err)
    return unread(
      known && known.code !== 'CONTEXT_UNKNOWN'
        ? [finding(known.code, '/@context', known.message)]
        : [],
    )
  }
  let w: Walk | undefined
  try {
    for (let walks = 0; walks < MAX_WALKS; walks++) {
      const walk: Walk = {
        path: [],
        memo,
        root,
        findings: [],
        descriptions: new Map(),
        pending: [],
      }
      walkNode(walk, credential, root, null, true)
      if (walk.pending.length === 0) {
        w = walk
        break
      }
      await Promise.all(walk.pending)
    }
  } catch (err) {
    // A scoped context that cannot be processed (a protected term redefined, …).
    const known = describeJsonLdError(err)
    if (!known) throw err
    return unread([finding(known.code, '', known.message)])
  }
  if (w === undefined) {
    return unread([
      finding('JSONLD_VALUE_NOT_COMPACT', '', 'the contexts of this document could not be read'),
    ])
  }
  const replacements = mergeDescriptions(w)
  const findings = w.findings
  if (findings.length >= MAX_FORM_FINDINGS) {
    findings.push(
      finding(
        'JSONLD_VALUE_NOT_COMPACT',
        '',
        `more than ${MAX_FORM_FINDINGS} compact-form findings; the rest are not listed`,
      ),
    )
  }
  const view =
    findings.length === 0 && replacements.size > 0
      ? (withMerged(credential, replacements, new Set()) as Json)
      : credential
  return { findings, view }
}
