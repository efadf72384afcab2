/**
 * RDFC-1.0 (RDF Dataset Canonicalization) over a dataset whose terms are already serialized as
 * N-Quads, for the fast-path plug-in: rdf-canonize 5.0.0's `RDFC10` (lib/RDFC10.js, lib/Permuter.js,
 * lib/IdentifierIssuer.js, lib/NQuads.js), step for step, with the same order of blank nodes,
 * quads, hashes, permutations and yields, the same work limit (maxWorkFactor 1: as many deep
 * iterations as blank nodes with a non-unique first-degree hash) and the same error when it is
 * exceeded. What differs is only how the strings are made: each IRI and literal is escaped and
 * serialized once when the dataset is built (passport-rdf.ts), not once per quad per blank node
 * per hash as rdf-canonize does from term objects; lines are ordered by comparing their parts
 * (tailGreater) instead of being made and sorted whole, and a blank node's lines keep their
 * first-degree order for the output; SHA-256 is one native call per hash.
 *
 * rdf-canonize's quirks are kept where they change the output: a first-degree hash serializes
 * every blank node but the reference one as `_:z` (canonical ids are not used there), and Hash
 * Related Blank Node writes the predicate IRI unescaped. (Its other quirk, keeping any blank node
 * label starting with `c14n` unrelabelled, cannot arise: the labels here are `b<n>`.)
 *
 * test/credential/data-integrity/rdfc.test.ts proves the output equal to rdf-canonize's on random
 * datasets (fast-check: trees, shared and symmetric blank nodes, cycles, escaping), on every example
 * and on the work-limit error; passport-rdf.test.ts and canonize.test.ts prove the whole direct path
 * equal to the stock canonical N-Quads.
 */
import { createHash, hash as oneShotHash } from 'node:crypto'
import { decimalStringOrder, sortNumbers, sortStrings } from './sort.js'

/** A predicate in the two forms RDFC-1.0 writes it. */
export interface Predicate {
  /** As N-Quads writes it: `<` + the escaped IRI + `>`. */
  nquads: string
  /** As rdf-canonize's Hash Related Blank Node writes it: `<` + the IRI, unescaped, + `>`. */
  related: string
}

/**
 * An RDF dataset in the default graph, one entry per quad in each array. A subject or object is a
 * blank node's number (its label is `labels[n]`) or the N-Quads form of a named node (`<…>`) or
 * literal (`"…"`, `"…"^^<…>`). The quads are in the order jsonld.js's toRDF gives them (which
 * decides the order of blank nodes in RDFC-1.0, hence ties between equal hashes).
 */
export interface SerializedDataset {
  subjects: (number | string)[]
  predicates: Predicate[]
  objects: (number | string)[]
  /** Blank-node labels (without `_:`) by number. */
  labels: string[]
}

// crypto.hash (Node >= 20.12) hashes a string in one native call; createHash is the fallback.
const sha256Hex: (input: string) => string =
  typeof oneShotHash === 'function'
    ? (input) => oneShotHash('sha256', input, 'hex')
    : (input) => createHash('sha256').update(input, 'utf8').digest('hex')

// ---- N-Quads escaping (rdf-canonize lib/NQuads.js) -------------------------------------------

// rdf-canonize's own character classes (control characters included, which N-Quads escapes).
const STRING_CLASS = '[\\u0000-\\u001F\\u007F"\\\\]'
const IRI_CLASS = '[\\u0000-\\u0020<>"{}|^`\\\\]'
const STRING_ESCAPE = new RegExp(STRING_CLASS)
const STRING_ESCAPE_G = new RegExp(STRING_CLASS, 'g')
const IRI_ESCAPE = new RegExp(IRI_CLASS)
const IRI_ESCAPE_G = new RegExp(IRI_CLASS, 'g')
const uchar = (c: string) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
const ECHAR: Record<string, string> = {
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\f': '\\f',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\',
}

/** `_iriEscape`. */
export const escapeIri = (s: string): string =>
  IRI_ESCAPE.test(s) ? s.replace(IRI_ESCAPE_G, uchar) : s

/** `_stringLiteralEscape`. */
export const escapeString = (s: string): string =>
  STRING_ESCAPE.test(s) ? s.replace(STRING_ESCAPE_G, (c) => ECHAR[c] ?? uchar(c)) : s

const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string'

/** A named node as N-Quads writes it. */
export const nquadsIri = (iri: string): string => `<${escapeIri(iri)}>`

/** How many datatypes' `"^^<…>` forms are kept (a document names a handful). */
const MAX_DATATYPE_FORMS = 256
const datatypeForms = new Map<string, string>()

/** `"^^<datatype>` as a typed literal ends, made once per datatype (passports use a few). */
function datatypeForm(datatype: string): string {
  let form = datatypeForms.get(datatype)
  if (form === undefined) {
    form = `"^^<${escapeIri(datatype)}>`
    // Datatypes come from contexts, which an inline context may choose: the map stays bounded.
    if (datatypeForms.size < MAX_DATATYPE_FORMS) datatypeForms.set(datatype, form)
  }
  return form
}

/** A literal (no language) as N-Quads writes it: xsd:string is left implicit. */
export const nquadsLiteral = (value: string, datatype: string): string =>
  datatype === XSD_STRING
    ? `"${escapeString(value)}"`
    : `"${escapeString(value)}${datatypeForm(datatype)}`

// ---- identifier issuer and permuter (rdf-canonize lib/IdentifierIssuer.js, lib/Permuter.js) ----

class IdentifierIssuer {
  readonly prefix: string
  readonly existing: Map<string, string>
  counter: number
  constructor(prefix: string, existing = new Map<string, string>(), counter = 0) {
    this.prefix = prefix
    this.existing = existing
    this.counter = counter
  }
  clone(): IdentifierIssuer {
    return new IdentifierIssuer(this.prefix, new Map(this.existing), this.counter)
  }
  getId(old: string): string {
    const existing = this.existing.get(old)
    if (existing) return existing
    const identifier = this.prefix + this.counter
    this.counter++
    this.existing.set(old, identifier)
    return identifier
  }
  hasId(old: string): boolean {
    return this.existing.has(old)
  }
  getOldIds(): string[] {
    return [...this.existing.keys()]
  }
}

/** Steinhaus–Johnson–Trotter permutations of a list, starting from it sorted. */
class Permuter {
  readonly current: string[]
  done = false
  readonly dir = new Map<string, boolean>()
  constructor(list: string[]) {
    this.current = list.sort()
    for (const element of list) this.dir.set(element, true)
  }
  hasNext(): boolean {
    return !this.done
  }
  next(): string[] {
    const { current, dir } = this
    const rval = current.slice()
    let k: string | null = null
    let pos = 0
    const length = current.length
    for (let i = 0; i < length; ++i) {
      const element = current[i] as string
      const left = dir.get(element)
      if (
        (k === null || element > k) &&
        ((left && i > 0 && element > (current[i - 1] as string)) ||
          (!left && i < length - 1 && element > (current[i + 1] as string)))
      ) {
        k = element
        pos = i
      }
    }
    if (k === null) {
      this.done = true
    } else {
      const swap = dir.get(k) ? pos - 1 : pos + 1
      current[pos] = current[swap] as string
      current[swap] = k
      for (const element of current) if (element > k) dir.set(element, !dir.get(element))
    }
    return rval
  }
}

// ---- RDFC-1.0 (rdf-canonize lib/RDFC10.js) ----------------------------------------------------

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

interface BlankNodeInfo {
  /** The quads the blank node occurs in, each once, in dataset order. */
  quads: number[]
  hash: string
  /** The quads whose subject it is, sorted as its first-degree hash writes them (then step 7). */
  own: number[]
}

interface HashResult {
  hash: string
  issuer: IdentifierIssuer
}

/** Thrown when RDFC-1.0's work limit is reached (rdf-canonize's message). */
export class MaximumDeepIterationsExceeded extends Error {}

/** Whether two predicates are the same IRI (the dataset may repeat a form in distinct objects). */
const samePredicate = (a: Predicate, b: Predicate): boolean => a === b || a.nquads === b.nquads

/**
 * Whether the line ending `pa oa .\n` sorts after `pb ob .\n`, without making either string. A
 * predicate form is `<` + an IRI with `>` escaped + `>`, so none is a proper prefix of another: two
 * lines with different predicates compare as their predicates do. With the same predicate they
 * compare as their objects do: when one object's form is a proper prefix of the other's, the
 * longer goes on with a character above the space that follows the shorter one in its line (`^^<`
 * or `@` after a literal's closing quote, `-` in a language tag, a digit in `_:c14n12` after
 * `_:c14n1`; an IRI's `>` is its end), so `o .\n` and `o` order alike; otherwise they differ
 * before either ends. (Named subjects likewise: a line compares as its subject, then its predicate,
 * then its object.)
 */
const tailGreater = (pa: Predicate, oa: string, pb: Predicate, ob: string): boolean =>
  samePredicate(pa, pb) ? oa > ob : pa.nquads > pb.nquads

export class Canonicalizer {
  readonly ds: SerializedDataset
  /** Blank-node info by blank-node number. */
  readonly info: (BlankNodeInfo | undefined)[] = []
  /** Blank-node numbers in order of first occurrence (rdf-canonize's blankNodeInfo key order). */
  readonly order: number[] = []
  readonly numberOf = new Map<string, number>()
  readonly canonicalIssuer = new IdentifierIssuer('c14n')
  maxDeepIterations = 0
  remainingDeepIterations = 0
  /**
   * Per quad, `P O .\n` as its N-Quads line ends, with a blank-node object written `_:z` (as in
   * every first-degree hash but that node's own); made once, used by first-degree hashes and (for
   * the quads whose object is not a blank node) the output.
   */
  readonly tails: string[]
  /** Per quad whose object is a blank node, `P _:a .\n` (its line in that node's hash). */
  readonly aTails: (string | undefined)[]

  constructor(ds: SerializedDataset) {
    this.ds = ds
    const { predicates, objects } = ds
    this.tails = new Array(objects.length)
    this.aTails = new Array(objects.length)
    for (let q = 0; q < objects.length; q++) {
      const o = objects[q] as number | string
      const p = (predicates[q] as Predicate).nquads
      if (typeof o === 'string') this.tails[q] = `${p} ${o} .\n`
      else {
        this.tails[q] = `${p} _:z .\n`
        this.aTails[q] = `${p} _:a .\n`
      }
    }
  }

  #addBlankNodeQuad(term: number | string, quad: number): void {
    if (typeof term === 'string') return
    const info = this.info[term]
    if (info) {
      // A Set in rdf-canonize: a quad whose subject and object are the same blank node, once.
      if (info.quads[info.quads.length - 1] !== quad) info.quads.push(quad)
    } else {
      this.info[term] = { quads: [quad], hash: '', own: [] }
      this.order.push(term)
      this.numberOf.set(this.ds.labels[term] as string, term)
    }
  }

  /** Step 2: the blank node to quads map; returns the number of blank nodes. */
  index(): number {
    const { subjects, objects } = this.ds
    for (let q = 0; q < subjects.length; q++) {
      this.#addBlankNodeQuad(subjects[q] as number | string, q)
      this.#addBlankNodeQuad(objects[q] as number | string, q)
    }
    return this.order.length
  }

  async main(): Promise<string> {
    // 5.3: first-degree hashes, in order of first occurrence (yielding every 100, as rdf-canonize).
    const hashToBlankNodes = new Map<string, number[]>()
    let i = 0
    for (const id of this.order) {
      if (++i % 100 === 0) await yieldToEventLoop()
      const hash = this.hashFirstDegreeQuads(id)
      const list = hashToBlankNodes.get(hash)
      if (list) list.push(id)
      else hashToBlankNodes.set(hash, [id])
    }
    // 5.4: unique hashes, in hash order, get canonical identifiers.
    const hashes = [...hashToBlankNodes.keys()].sort()
    const nonUnique: number[][] = []
    for (const hash of hashes) {
      const idList = hashToBlankNodes.get(hash) as number[]
      if (idList.length > 1) {
        nonUnique.push(idList)
        continue
      }
      this.canonicalIssuer.getId(this.ds.labels[idList[0] as number] as string)
    }
    // The work limit, maxWorkFactor 1 (rdf-canonize's default, the one the stock suites use).
    this.maxDeepIterations = nonUnique.reduce((count, v) => count + v.length, 0)
    this.remainingDeepIterations = this.maxDeepIterations
    // 6: the rest, by Hash N-Degree Quads.
    for (const idList of nonUnique) {
      const hashPathList: HashResult[] = []
      for (const n of idList) {
        const id = this.ds.labels[n] as string
        if (this.canonicalIssuer.hasId(id)) continue
        const issuer = new IdentifierIssuer('b')
        issuer.getId(id)
        hashPathList.push(await this.hashNDegreeQuads(id, issuer))
      }
      hashPathList.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0))
      for (const result of hashPathList) {
        for (const old of result.issuer.getOldIds()) this.canonicalIssuer.getId(old)
      }
    }
    return this.#canonicalNquads()
  }

  /**
   * 7: every quad with canonical identifiers, the lines sorted. The order is by subject, then by
   * what follows (tailGreater), so the lines are written in that order instead of made and sorted:
   * named subjects (`<…`, before `_:`) sorted; then the blank subjects in the order of their
   * labels `_:c14n<k>`, which is the order of the decimal strings of k; each subject's lines sorted.
   * A blank subject's lines are already sorted as its first-degree hash wrote them (other blank
   * objects as `_:z`, itself as `_:a`): between lines that differ in predicate or in a non-blank
   * object, that order holds whatever the labels; only each run of lines with one predicate and
   * blank objects (adjacent, after the predicate's other objects: `_` sorts after `"` and `<`) is
   * sorted again, by canonical label.
   */
  #canonicalNquads(): string {
    const { subjects, predicates, objects, labels } = this.ds
    for (const n of this.order) this.canonicalIssuer.getId(labels[n] as string)
    // Canonical identifiers are issued c14n0, c14n1, …: the issuer's entries in issue order.
    const canonical: string[] = []
    const byCanonical: number[] = []
    for (const [label, id] of this.canonicalIssuer.existing) {
      const n = this.numberOf.get(label) as number
      canonical[n] = `_:${id}`
      byCanonical.push(n)
    }
    const objectForm = (q: number): string => {
      const o = objects[q] as number | string
      return typeof o === 'string' ? o : (canonical[o] as string)
    }
    const greater = (a: number, b: number): boolean =>
      tailGreater(
        predicates[a] as Predicate,
        objectForm(a),
        predicates[b] as Predicate,
        objectForm(b),
      )
    let out = ''
    // Pieces joined by `+` (cons strings, flattened once by whoever reads the result): cheaper
    // than an array join of the same pieces.
    const write = (subject: string, q: number) => {
      const o = objects[q] as number | string
      out +=
        typeof o === 'string'
          ? subject + (this.tails[q] as string)
          : `${subject}${(predicates[q] as Predicate).nquads} ${canonical[o]} .\n`
    }
    const named = new Map<string, number[]>()
    for (let q = 0; q < subjects.length; q++) {
      const s = subjects[q] as number | string
      if (typeof s === 'number') continue
      const group = named.get(s)
      if (group) group.push(q)
      else named.set(s, [q])
    }
    const names = [...named.keys()]
    if (names.length > 1) sortStrings(names)
    for (const name of names) {
      const group = named.get(name) as number[]
      if (group.length > 1) sortNumbers(group, greater)
      const subject = `${name} `
      for (const q of group) write(subject, q)
    }
    for (const k of decimalStringOrder(byCanonical.length)) {
      const n = byCanonical[k] as number
      const own = (this.info[n] as BlankNodeInfo).own
      for (let start = 0; start < own.length; ) {
        let end = start + 1
        if (typeof objects[own[start] as number] === 'number') {
          const predicate = predicates[own[start] as number] as Predicate
          while (
            end < own.length &&
            typeof objects[own[end] as number] === 'number' &&
            samePredicate(predicates[own[end] as number] as Predicate, predicate)
          )
            end++
          if (end - start > 1) {
            const run = own.slice(start, end)
            sortNumbers(run, greater)
            for (let j = 0; j < run.length; j++) own[start + j] = run[j] as number
          }
        }
        start = end
      }
      const subject = `${canonical[n]} `
      for (const q of own) write(subject, q)
    }
    return out
  }

  /**
   * 4.6 Hash First Degree Quads. The sorted lines are: those whose subject is a named node
   * (`<…`: '<' sorts before '_'), sorted; then those whose subject is the reference blank node
   * (`_:a `), sorted by what follows; then those whose subject is another blank node (`_:z `),
   * sorted by what follows: the order one sort of every line gives. Lines are compared in parts
   * (tailGreater) and written as pieces of one string, none made on its own. The reference node's
   * own lines stay sorted in `own` for step 7.
   */
  hashFirstDegreeQuads(id: number): string {
    const info = this.info[id] as BlankNodeInfo
    const { subjects, predicates, objects } = this.ds
    const named: number[] = []
    const own = info.own
    own.length = 0
    const other: number[] = []
    for (const q of info.quads) {
      const s = subjects[q] as number | string
      if (typeof s === 'string') named.push(q)
      else if (s === id) own.push(q)
      else other.push(q)
    }
    // Only `own` lines can have an object other than `_:a` (the others are in the list for it).
    const objectForm = (q: number): string => {
      const o = objects[q] as number | string
      return typeof o === 'string' ? o : o === id ? '_:a' : '_:z'
    }
    const predicateGreater = (a: number, b: number): boolean =>
      tailGreater(predicates[a] as Predicate, '', predicates[b] as Predicate, '')
    if (named.length > 1) {
      sortNumbers(named, (a, b) => {
        const sa = subjects[a] as string
        const sb = subjects[b] as string
        return sa === sb ? predicateGreater(a, b) : sa > sb
      })
    }
    if (own.length > 1) {
      sortNumbers(own, (a, b) =>
        tailGreater(
          predicates[a] as Predicate,
          objectForm(a),
          predicates[b] as Predicate,
          objectForm(b),
        ),
      )
    }
    if (other.length > 1) sortNumbers(other, predicateGreater)
    let input = ''
    for (const q of named) input += `${subjects[q]} ${this.aTails[q]}`
    for (const q of own) {
      input += `_:a ${objects[q] === id ? this.aTails[q] : this.tails[q]}`
    }
    for (const q of other) input += `_:z ${this.aTails[q]}`
    info.hash = sha256Hex(input)
    return info.hash
  }

  /** 4.7 Hash Related Blank Node (position `s` or `o`: the default graph has no blank node). */
  hashRelatedBlankNode(
    related: string,
    quad: number,
    issuer: IdentifierIssuer,
    position: 's' | 'o',
  ): string {
    let id: string
    if (this.canonicalIssuer.hasId(related)) id = `_:${this.canonicalIssuer.getId(related)}`
    else if (issuer.hasId(related)) id = `_:${issuer.getId(related)}`
    else id = (this.info[this.numberOf.get(related) as number] as BlankNodeInfo).hash
    return sha256Hex(position + (this.ds.predicates[quad] as Predicate).related + id)
  }

  /** 4.8 Hash N-Degree Quads. */
  async hashNDegreeQuads(id: string, issuerIn: IdentifierIssuer): Promise<HashResult> {
    let issuer = issuerIn
    if (this.remainingDeepIterations === 0) {
      throw new MaximumDeepIterationsExceeded(
        `Maximum deep iterations exceeded (${this.maxDeepIterations}).`,
      )
    }
    this.remainingDeepIterations--
    let toHash = ''
    const hashToRelated = await this.createHashToRelated(id, issuer)
    const hashes = [...hashToRelated.keys()].sort()
    for (const hash of hashes) {
      toHash += hash
      let chosenPath = ''
      let chosenIssuer: IdentifierIssuer | undefined
      const permuter = new Permuter(hashToRelated.get(hash) as string[])
      let i = 0
      while (permuter.hasNext()) {
        const permutation = permuter.next()
        if (++i % 3 === 0) await yieldToEventLoop()
        let issuerCopy = issuer.clone()
        let path = ''
        const recursionList: string[] = []
        let nextPermutation = false
        for (const related of permutation) {
          if (this.canonicalIssuer.hasId(related)) {
            path += `_:${this.canonicalIssuer.getId(related)}`
          } else {
            if (!issuerCopy.hasId(related)) recursionList.push(related)
            path += `_:${issuerCopy.getId(related)}`
          }
          if (chosenPath.length !== 0 && path > chosenPath) {
            nextPermutation = true
            break
          }
        }
        if (nextPermutation) continue
        for (const related of recursionList) {
          const result = await this.hashNDegreeQuads(related, issuerCopy)
          path += `_:${issuerCopy.getId(related)}`
          path += `<${result.hash}>`
          issuerCopy = result.issuer
          if (chosenPath.length !== 0 && path > chosenPath) {
            nextPermutation = true
            break
          }
        }
        if (nextPermutation) continue
        if (chosenPath.length === 0 || path < chosenPath) {
          chosenPath = path
          chosenIssuer = issuerCopy
        }
      }
      toHash += chosenPath
      issuer = chosenIssuer as IdentifierIssuer
    }
    return { hash: sha256Hex(toHash), issuer }
  }

  /** Step 3 of 4.8: related hash → related blank nodes. */
  async createHashToRelated(id: string, issuer: IdentifierIssuer): Promise<Map<string, string[]>> {
    const hashToRelated = new Map<string, string[]>()
    const self = this.numberOf.get(id) as number
    const { subjects, objects, labels } = this.ds
    let i = 0
    for (const quad of (this.info[self] as BlankNodeInfo).quads) {
      if (++i % 100 === 0) await yieldToEventLoop()
      // Subject, then object (no pair of arrays per quad).
      const s = subjects[quad] as number | string
      if (typeof s === 'number' && s !== self) {
        this.#addRelated(hashToRelated, labels[s] as string, quad, issuer, 's')
      }
      const o = objects[quad] as number | string
      if (typeof o === 'number' && o !== self) {
        this.#addRelated(hashToRelated, labels[o] as string, quad, issuer, 'o')
      }
    }
    return hashToRelated
  }

  #addRelated(
    hashToRelated: Map<string, string[]>,
    related: string,
    quad: number,
    issuer: IdentifierIssuer,
    position: 's' | 'o',
  ): void {
    const hash = this.hashRelatedBlankNode(related, quad, issuer, position)
    const entries = hashToRelated.get(hash)
    if (entries) entries.push(related)
    else hashToRelated.set(hash, [related])
  }
}

/**
 * A prepared canonicalization: `blankNodes` (distinct blank nodes occurring in the quads) and
 * `quads` are known before any RDFC-1.0 work, for the caps; `run` gives the canonical N-Quads or
 * throws MaximumDeepIterationsExceeded.
 */
export interface PreparedCanonicalization {
  quads: number
  blankNodes: number
  run(): Promise<string>
}

/** Prepares RDFC-1.0 of a serialized dataset (step 2 of the algorithm only). */
export function prepareCanonicalization(ds: SerializedDataset): PreparedCanonicalization {
  // rdf-canonize leaves a label starting with its canonical prefix unrelabelled and treats an
  // empty one as no label; neither can come from passport-rdf.ts (`b<n>`), and neither is handled
  // here.
  for (const label of ds.labels) {
    if (label === '' || label.startsWith('c14n')) throw new Error(`unsupported label ${label}`)
  }
  // Step 7 writes named subjects (`<…>`) before blank ones; no other subject is expected here.
  for (const s of ds.subjects) {
    if (typeof s === 'string' && s.charCodeAt(0) !== 60 /* < */) {
      throw new Error(`unsupported subject ${s}`)
    }
  }
  const canonicalizer = new Canonicalizer(ds)
  const blankNodes = canonicalizer.index()
  return { quads: ds.subjects.length, blankNodes, run: () => canonicalizer.main() }
}
