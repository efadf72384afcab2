/**
 * Structure-aware mutations of JSON documents (signed passports, JWS headers and payloads) and of
 * their JSON text, for the fuzz suite.
 *
 * Every mutation is a function of a document and a few natural numbers that pick the target and the
 * variant (modulo what there is), so fast-check generates and shrinks numbers while a failure reads
 * as words (`delete /credentialSubject/product/name`). Each says what it keeps:
 * - `json`: the parsed JSON is unchanged (key order);
 * - `rdf`: the JSON-LD meaning is unchanged though the JSON is not (the order of an array other than
 *   `@context`: no term of the passport contexts is a `@list`, so every such array is a set);
 * - `none`: anything else (it may still happen to keep the RDF; the fuzz tests ask an oracle).
 */
import { isDeepStrictEqual } from 'node:util'

export type Json = Record<string, unknown>
export type Path = (string | number)[]
export type Keeps = 'json' | 'rdf' | 'none'

export interface Applied {
  label: string
  keeps: Keeps
}

/** What a mutation may borrow: values from other documents (another issuer's proof, key id, …). */
export interface Donors {
  /** Proofs of other signed examples. */
  proofs: Json[]
  /** Key ids (verification methods) the verifier resolves: those of every example issuer. */
  keyIds: string[]
  /** A did:key id the verifier can resolve but that no issuer controls. */
  attackerKeyId: string
}

export interface Op {
  kind: string
  a: number
  b: number
  c: number
}

export const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/** RFC 6901 pointer of a path, for labels. */
export const show = (path: Path): string =>
  path.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('') || '(root)'

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length] as T

/** Every path in a document, the root first, in document order. */
export function allPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path)
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) allPaths(v, [...path, i], out)
  } else if (isObject(value))
    for (const [k, v] of Object.entries(value)) allPaths(v, [...path, k], out)
  return out
}

export function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], value)
}

type Container = Record<string | number, unknown>

/** Sets (objects) or replaces (arrays) the value at a non-root path. */
function setAt(doc: unknown, path: Path, value: unknown): void {
  const parent = getAt(doc, path.slice(0, -1)) as Container
  parent[path.at(-1) as string | number] = value
}

/** Removes the value at a non-root path (an array item is spliced out). */
function removeAt(doc: unknown, path: Path): void {
  const parent = getAt(doc, path.slice(0, -1))
  const key = path.at(-1) as string | number
  if (Array.isArray(parent)) parent.splice(Number(key), 1)
  else delete (parent as Container)[key]
}

const within = (inner: Path, outer: Path) =>
  inner.length >= outer.length && outer.every((s, i) => inner[i] === s)

// ── leaf variants ──────────────────────────────────────────────────────────────────────────

const DECIMAL = /^[+-]?\d+(\.\d+)?$/
const DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/
const IRI = /^[a-z][a-z0-9+.-]*:/i

/** Other spellings and other values of a string, each different from it. */
export function stringVariants(s: string): unknown[] {
  const out: unknown[] = [
    `${s}x`,
    s.slice(0, -1),
    s.slice(1),
    ` ${s}`,
    `${s} `,
    s.toUpperCase(),
    s.toLowerCase(),
    '',
    s.replace(/./u, (ch) => String.fromCodePoint((ch.codePointAt(0) ?? 0) + 1)),
    s.normalize('NFD'),
    `${s}\u200b`,
    s.replace('a', '\u0430'),
    `${s}\ufffd`,
    `${s}\u00e9`,
    `${s}\ud83d\udd0b`,
    s.normalize('NFC'),
  ]
  if (DECIMAL.test(s)) {
    const n = Number(s)
    out.push(
      s.includes('.') ? `${s}0` : `${s}.0`,
      s.includes('.') ? s.replace(/\.?0+$/, '') : `0${s}`,
      `+${s}`,
      `${s}e0`,
      String(-n),
      String(n + 1),
      n,
    )
  }
  if (DATE.test(s)) {
    out.push(
      s.replace(/Z$/, '+00:00'),
      s.replace(/Z$/, '.000Z'),
      s.replace(/:00Z$/, ':01Z'),
      s.replace(/^\d{4}/, (y) => String(Number(y) + 1)),
      s.replace('T', ' '),
      s.slice(0, 10),
      s.replace(/Z$/, ''),
    )
  }
  if (IRI.test(s)) {
    out.push(
      `${s}/`,
      `${s}#x`,
      s.replace(/^[a-z]+/i, (scheme) => scheme.toUpperCase()),
      s.replace(/:/, '%3A'),
    )
  }
  return out.filter((v) => v !== s)
}

/** Other values of a leaf of any JSON type, each different from it. */
export function leafVariants(value: unknown): unknown[] {
  if (typeof value === 'string') return stringVariants(value)
  if (typeof value === 'number')
    return [value + 1, value - 1, -value, value * 10, value + 0.5, 0, String(value), 1e21].filter(
      (v) => v !== value,
    )
  if (typeof value === 'boolean') return [!value, String(value), value ? 1 : 0, null]
  return ['null', 0, false, 'x']
}

/** The same information as another JSON type (or an empty one). */
function retypeVariants(value: unknown): unknown[] {
  const common = [null, [], {}]
  if (typeof value === 'string')
    return [
      ...(Number.isFinite(Number(value)) && value.trim() !== '' ? [Number(value)] : []),
      [value],
      { id: value },
      { '@value': value },
      true,
      ...common,
    ]
  if (typeof value === 'number' || typeof value === 'boolean')
    return [String(value), [value], { '@value': value }, ...common]
  if (Array.isArray(value))
    return [value[0], JSON.stringify(value), [value], ...common].filter(
      (v) => !isDeepStrictEqual(v, value),
    )
  if (isObject(value))
    return [
      typeof value.id === 'string' ? value.id : 'x',
      [value],
      JSON.stringify(value),
      Object.keys(value).length,
      ...common,
    ].filter((v) => !isDeepStrictEqual(v, value))
  return ['null', ...common]
}

const KEY_POOL = [
  'name',
  'description',
  'id',
  'type',
  'value',
  'unit',
  'validUntil',
  'validFrom',
  'proof',
  'issuer',
  'credentialStatus',
  'evidence',
  'verifiableCredential',
  'unknownTerm',
  '@id',
  '@type',
  '@context',
  '@graph',
  '@included',
  '@nest',
  '@reverse',
  'https://schema.org/name',
  'schema:name',
  '',
]

const VALUE_POOL: unknown[] = [
  'x',
  0,
  1.5,
  true,
  null,
  [],
  {},
  { id: 'did:web:attacker.example' },
  'did:web:attacker.example',
  '2020-01-01T00:00:00Z',
  ['VerifiableCredential'],
]

// ── tree mutations ─────────────────────────────────────────────────────────────────────────

type TreeMutation = (doc: Json, a: number, b: number, c: number) => Applied | undefined

const nonRoot = (doc: Json) => allPaths(doc).slice(1)
const leafPaths = (doc: Json) =>
  nonRoot(doc).filter((p) => {
    const v = getAt(doc, p)
    return v === null || typeof v !== 'object'
  })
const pathsOf = (doc: Json, test: (v: unknown) => boolean) =>
  allPaths(doc).filter((p) => test(getAt(doc, p)))

export const TREE_MUTATIONS: Record<string, TreeMutation> = {
  /** A leaf gets another value of its type, or another spelling ("12.5" → "12.50"). */
  leaf: (doc, a, b) => {
    const paths = leafPaths(doc)
    if (paths.length === 0) return undefined
    const path = pick(paths, a)
    const value = pick(leafVariants(getAt(doc, path)), b)
    setAt(doc, path, value)
    return { label: `set ${show(path)} to ${JSON.stringify(value)}`, keeps: 'none' }
  },
  /** Any value becomes another type (a string becomes a number, a list, a node …). */
  retype: (doc, a, b) => {
    const path = pick(nonRoot(doc), a)
    const value = pick(retypeVariants(getAt(doc, path)), b)
    setAt(doc, path, structuredClone(value))
    return { label: `retype ${show(path)} as ${JSON.stringify(value)}`, keeps: 'none' }
  },
  /** A member or array item is deleted. */
  delete: (doc, a) => {
    const path = pick(nonRoot(doc), a)
    removeAt(doc, path)
    return { label: `delete ${show(path)}`, keeps: 'none' }
  },
  /** A member is added (or overwritten), or an item appended. */
  add: (doc, a, b, c) => {
    const containers = pathsOf(doc, (v) => v !== null && typeof v === 'object')
    const path = pick(containers, a)
    const target = getAt(doc, path)
    const donors = nonRoot(doc)
    const value =
      c % 3 === 0 && donors.length > 0
        ? structuredClone(getAt(doc, pick(donors, c)))
        : structuredClone(pick(VALUE_POOL, c))
    if (Array.isArray(target)) {
      target.push(value)
      return { label: `append ${JSON.stringify(value)} to ${show(path)}`, keeps: 'none' }
    }
    // A key of the pool, or one used elsewhere in the document.
    const keys = donors.flatMap((p) => (typeof p.at(-1) === 'string' ? [p.at(-1) as string] : []))
    const key = b % 4 === 3 && keys.length > 0 ? pick(keys, b >> 2) : pick(KEY_POOL, b)
    ;(target as Json)[key] = value
    return { label: `add ${show([...path, key])} = ${JSON.stringify(value)}`, keeps: 'none' }
  },
  /** An array item is repeated (same RDF; compacted form has no repeated values). */
  duplicateItem: (doc, a, b, c) => {
    const arrays = pathsOf(doc, (v) => Array.isArray(v) && v.length > 0)
    if (arrays.length === 0) return undefined
    const path = pick(arrays, a)
    const list = getAt(doc, path) as unknown[]
    const item = b % list.length
    list.splice(c % (list.length + 1), 0, structuredClone(list[item]))
    return { label: `duplicate ${show([...path, item])}`, keeps: 'none' }
  },
  /** An array is reordered (reversed, rotated, or two items swapped). */
  reorderArray: (doc, a, b, c) => {
    const arrays = pathsOf(doc, (v) => Array.isArray(v) && v.length > 1)
    if (arrays.length === 0) return undefined
    const path = pick(arrays, a)
    const list = getAt(doc, path) as unknown[]
    const how = b % 3
    if (how === 0) list.reverse()
    else if (how === 1) list.push(...list.splice(0, 1 + (c % (list.length - 1))))
    else {
      const i = c % list.length
      const j = (i + 1 + (b % (list.length - 1))) % list.length
      ;[list[i], list[j]] = [list[j], list[i]]
    }
    return {
      label: `reorder ${show(path)} (${['reverse', 'rotate', 'swap'][how]})`,
      keeps: path.at(-1) === '@context' ? 'none' : 'rdf',
    }
  },
  /** The members of an object are reordered. */
  reorderKeys: (doc, a, b) => {
    const objects = pathsOf(doc, (v) => isObject(v) && Object.keys(v).length > 1)
    if (objects.length === 0) return undefined
    const path = pick(objects, a)
    const node = getAt(doc, path) as Json
    const entries = Object.entries(node)
    const k = 1 + (b % (entries.length - 1))
    const reordered =
      b % 2 === 0 ? entries.reverse() : [...entries.slice(k), ...entries.slice(0, k)]
    for (const [key] of reordered) delete node[key]
    for (const [key, value] of reordered) node[key] = value
    return { label: `reorder the keys of ${show(path)}`, keeps: 'json' }
  },
  /** A subtree moves somewhere else (not into itself). */
  move: (doc, a, b, c) => {
    const source = pick(nonRoot(doc), a)
    const value = getAt(doc, source)
    const targets = pathsOf(doc, (v) => v !== null && typeof v === 'object').filter(
      (p) => !within(p, source),
    )
    if (targets.length === 0) return undefined
    const destination = pick(targets, b)
    const target = getAt(doc, destination) as Container
    removeAt(doc, source)
    const key = place(target, source, c, value)
    return { label: `move ${show(source)} to ${show([...destination, key])}`, keeps: 'none' }
  },
  /** A subtree is copied somewhere else. */
  copy: (doc, a, b, c) => {
    const source = pick(nonRoot(doc), a)
    const destination = pick(
      pathsOf(doc, (v) => v !== null && typeof v === 'object'),
      b,
    )
    const target = getAt(doc, destination) as Container
    const key = place(target, source, c, structuredClone(getAt(doc, source)))
    return { label: `copy ${show(source)} to ${show([...destination, key])}`, keeps: 'none' }
  },
  /** Two subtrees, neither inside the other, trade places. */
  swap: (doc, a, b) => {
    const paths = nonRoot(doc)
    const first = pick(paths, a)
    const others = paths.filter((p) => !within(p, first) && !within(first, p))
    if (others.length === 0) return undefined
    const second = pick(others, b)
    const x = getAt(doc, first)
    const y = getAt(doc, second)
    setAt(doc, first, y)
    setAt(doc, second, x)
    return { label: `swap ${show(first)} and ${show(second)}`, keeps: 'none' }
  },
}

/** Puts a value into an object (under the source's own key, or a key of the target) or an array. */
function place(target: Container, source: Path, c: number, value: unknown): string | number {
  if (Array.isArray(target)) {
    const at = c % (target.length + 1)
    target.splice(at, 0, value)
    return at
  }
  const own = source.at(-1)
  const keys = Object.keys(target)
  const key = typeof own === 'string' && c % 2 === 0 ? own : keys.length > 0 ? pick(keys, c) : 'x'
  target[key] = value
  return key
}

// ── proof mutations (Data Integrity) ───────────────────────────────────────────────────────

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

function proofValueVariants(v: string, b: number, c: number): string[] {
  const i = 1 + (b % Math.max(1, v.length - 1))
  const ch = v[i] ?? '1'
  const other = BASE58[(BASE58.indexOf(ch) + 1 + (c % (BASE58.length - 1))) % BASE58.length]
  return [
    `${v.slice(0, i)}${other}${v.slice(i + 1)}`,
    `${v.slice(0, i)}${v.slice(i + 1)}`,
    `${v.slice(0, i)}${other}${v.slice(i)}`,
    `${v.slice(0, i)}${v[i + 1] ?? ''}${ch}${v.slice(i + 2)}`,
    `u${Buffer.from(v.slice(1)).toString('base64url')}`,
    `z1${v.slice(1)}`,
    v.slice(0, 1 + (c % v.length)),
    'z',
    '',
    v.toUpperCase(),
  ].filter((x) => x !== v)
}

type ProofMutation = (proof: Json, b: number, c: number, donors: Donors) => string | undefined

const setField =
  (field: string, variants: (value: unknown, donors: Donors, c: number) => unknown[]) =>
  (proof: Json, b: number, c: number, donors: Donors) => {
    const value = pick(variants(proof[field], donors, c), b)
    if (value === undefined) delete proof[field]
    else proof[field] = structuredClone(value)
    return `proof.${field} := ${value === undefined ? '(deleted)' : JSON.stringify(value)}`
  }

export const PROOF_MUTATIONS: Record<string, ProofMutation> = {
  created: setField('created', (v) => [
    ...stringVariants(String(v)),
    '2030-01-01T00:00:00Z',
    '1999-01-01T00:00:00Z',
    1772323200,
    undefined,
  ]),
  verificationMethod: setField('verificationMethod', (v, d) => [
    ...d.keyIds.filter((k) => k !== v),
    d.attackerKeyId,
    `${v}x`,
    String(v).replace(/#.*$/, ''),
    String(v).replace(/#.*$/, '#key-2'),
    `#${String(v).split('#')[1]}`,
    { id: v },
    [v],
    undefined,
  ]),
  cryptosuite: setField('cryptosuite', (v) => [
    v === 'eddsa-rdfc-2022' ? 'ecdsa-rdfc-2019' : 'eddsa-rdfc-2022',
    'eddsa-jcs-2022',
    'ecdsa-sd-2023',
    'bbs-2023',
    String(v).toUpperCase(),
    `${v} `,
    [v],
    undefined,
  ]),
  proofPurpose: setField('proofPurpose', () => [
    'authentication',
    'capabilityInvocation',
    'capabilityDelegation',
    'keyAgreement',
    'assertion',
    'AssertionMethod',
    undefined,
  ]),
  type: setField('type', () => [
    'Ed25519Signature2020',
    'DataIntegrityProof2',
    ['DataIntegrityProof'],
    'dataIntegrityProof',
    undefined,
  ]),
  proofValue: (proof, b, c, donors) => {
    const v = String(proof.proofValue)
    const variants = [...proofValueVariants(v, b, c), ...donors.proofs.map((p) => p.proofValue)]
    const value = pick(variants, c)
    proof.proofValue = value
    return `proof.proofValue := ${JSON.stringify(value)}`
  },
  add: (proof, b, c) => {
    const field = pick(
      ['expires', 'expires', 'domain', 'challenge', 'nonce', 'id', 'previousProof', '@context'],
      b,
    )
    const value =
      field === 'expires'
        ? pick(['2020-01-01T00:00:00Z', '2099-01-01T00:00:00Z', 'soon'], c)
        : field === '@context'
          ? 'https://www.w3.org/ns/credentials/v2'
          : pick(['x', 'urn:uuid:00000000-0000-4000-8000-000000000000', 1], c)
    proof[field] = value
    return `proof.${field} := ${JSON.stringify(value)}`
  },
}

/** A proof-field mutation, or a change of the proof set (wrapped, repeated, another's, removed). */
export function mutateProof(doc: Json, a: number, b: number, c: number, donors: Donors): Applied {
  const names = [...Object.keys(PROOF_MUTATIONS), 'set']
  const name = pick(names, a)
  const proof = doc.proof
  if (name === 'set' || !isObject(proof)) {
    const other = pick(donors.proofs, c)
    const sets: [string, unknown][] = [
      ['[proof]', [proof]],
      ['[proof, proof]', [proof, structuredClone(proof)]],
      ['[proof, another issuer’s proof]', [proof, other]],
      ['[another issuer’s proof, proof]', [other, proof]],
      ['another issuer’s proof', other],
      ['(deleted)', undefined],
      ['[]', []],
      ['null', null],
    ]
    const [label, value] = pick(sets, b)
    if (value === undefined) delete doc.proof
    else doc.proof = structuredClone(value)
    return { label: `proof := ${label}`, keeps: 'none' }
  }
  const label = (PROOF_MUTATIONS[name] as ProofMutation)(proof, b, c, donors) ?? name
  return { label, keeps: 'none' }
}

// ── JSON text ──────────────────────────────────────────────────────────────────────────────

/** How to write JSON text: whitespace, `\u` escapes, number spellings, one repeated member. */
export interface TextStyle {
  /** Whitespace between tokens. */
  space: string
  /** Escape every n-th string character as `\uXXXX` (0: none). */
  escapeEvery: number
  /** Write numbers as `1.0`/`12.50` (fraction) or `1e0` (exponent). */
  numbers: 'plain' | 'fraction' | 'exponent'
  /**
   * Repeat the first member of the n-th non-empty object (in writing order, modulo their number) at
   * its end; undefined: none.
   */
  duplicateAt?: number
  /** The repeated member keeps its value (true) or gets another (false). */
  duplicateSameValue?: boolean
}

export const SPACES = ['', ' ', '\n', '\t', '\r\n  ', '  \n\t ']

/** JSON text of a JSON value in a given style; `JSON.parse` of it equals the value (bar a duplicate). */
export function writeJson(input: unknown, style: TextStyle): string {
  // What JSON.stringify makes of it (undefined members dropped, undefined items null).
  const value: unknown = JSON.parse(JSON.stringify(input) ?? 'null')
  const nonEmpty = allPaths(value).filter((p) => {
    const v = getAt(value, p)
    return isObject(v) && Object.keys(v).length > 0
  }).length
  const duplicateAt =
    style.duplicateAt === undefined || nonEmpty === 0 ? -1 : style.duplicateAt % nonEmpty
  let objects = 0
  let chars = 0
  const s = style.space
  const str = (text: string) => {
    let out = '"'
    for (const ch of text) {
      for (const unit of ch.length === 2 ? [ch[0] as string, ch[1] as string] : [ch]) {
        chars++
        const code = unit.charCodeAt(0)
        if (style.escapeEvery > 0 && chars % style.escapeEvery === 0)
          out += `\\u${code.toString(16).padStart(4, '0')}`
        else if (unit === '"' || unit === '\\') out += `\\${unit}`
        else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`
        else out += unit
      }
    }
    return `${out}"`
  }
  const num = (n: number) => {
    const plain = JSON.stringify(n)
    if (style.numbers === 'exponent' && !/e/i.test(plain)) return `${plain}e0`
    if (style.numbers === 'fraction' && !/e/i.test(plain))
      return plain.includes('.') ? `${plain}0` : `${plain}.0`
    return plain
  }
  const write = (v: unknown): string => {
    if (typeof v === 'string') return str(v)
    if (typeof v === 'number') return num(v)
    if (v === null || typeof v === 'boolean') return String(v)
    if (Array.isArray(v)) return `[${s}${v.map(write).join(`${s},${s}`)}${s}]`
    const entries = Object.entries(v as Json)
    const repeat = entries.length > 0 && objects++ === duplicateAt
    const members = entries.map(([k, x]) => `${str(k)}${s}:${s}${write(x)}`)
    if (repeat) {
      const [k, x] = entries[0] as [string, unknown]
      members.push(`${str(k)}${s}:${s}${write(style.duplicateSameValue ? x : 'repeated')}`)
    }
    return `{${s}${members.join(`${s},${s}`)}${s}}`
  }
  return `${s}${write(value)}${s}`
}

/** A text style from three numbers; `duplicate` adds a repeated member. */
export function textStyle(a: number, b: number, c: number, duplicate = false): TextStyle {
  return {
    space: pick(SPACES, a),
    escapeEvery: pick([0, 0, 1, 2, 7, 31], b),
    numbers: pick(['plain', 'fraction', 'exponent'] as const, c),
    ...(duplicate ? { duplicateAt: a * 7 + b, duplicateSameValue: c % 2 === 0 } : {}),
  }
}

// ── compact JWS ────────────────────────────────────────────────────────────────────────────

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

export interface JwsDonors {
  /** Other compact JWS (other issuers, both algorithms). */
  tokens: string[]
  /** Key ids the verifier resolves: those of every example issuer. */
  keyIds: string[]
  /** A public JWK of a key the attacker holds, and its did:key id. */
  attackerJwk: Json
  attackerKeyId: string
}

const segmentsOf = (token: string) => token.split('.')
const decodeJson = (segment: string): Json =>
  JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Json
export const encodeSegment = (text: string) => Buffer.from(text, 'utf8').toString('base64url')

/** Byte- and character-level changes of a compact JWS (any segment, or the whole token). */
export const TOKEN_MUTATIONS: Record<
  string,
  (token: string, a: number, b: number, c: number, donors: JwsDonors) => string
> = {
  /** One character of one segment becomes another base64url character (bits flipped). */
  flip: (token, a, b, c) => {
    const parts = segmentsOf(token)
    const s = a % parts.length
    const seg = parts[s] ?? ''
    if (seg.length === 0) return token
    const i = b % seg.length
    const mask = 1 + (c % 63)
    const ch = B64URL[(B64URL.indexOf(seg[i] as string) ^ mask) & 63] as string
    parts[s] = `${seg.slice(0, i)}${ch}${seg.slice(i + 1)}`
    return parts.join('.')
  },
  /** A character is inserted, deleted, or replaced by one outside base64url. */
  char: (token, a, b, c) => {
    const i = a % (token.length + 1)
    const ch = pick(['=', '+', '/', ' ', '.', '\n', 'é', '\u0000', 'A', '_', '%', '\ufeff'], b)
    const how = c % 3
    if (how === 0) return `${token.slice(0, i)}${ch}${token.slice(i)}`
    if (how === 1) return `${token.slice(0, i)}${token.slice(i + 1)}`
    return `${token.slice(0, i)}${ch}${token.slice(i + 1)}`
  },
  /** The token is cut short. */
  truncate: (token, a) => token.slice(0, a % token.length),
  /** Segments are swapped, dropped, repeated, or borrowed from another token. */
  segments: (token, a, b, _c, donors) => {
    const [h = '', p = '', s = ''] = segmentsOf(token)
    const [oh = '', op = '', os = ''] = segmentsOf(pick(donors.tokens, b))
    return pick(
      [
        `${p}.${h}.${s}`,
        `${h}.${p}.`,
        `${h}.${p}`,
        `${h}..${s}`,
        `.${p}.${s}`,
        `${h}.${p}.${s}.${s}`,
        `${h}.${p}.${s}.${p}.${s}`,
        `${h}.${p}.${os}`,
        `${oh}.${p}.${s}`,
        `${h}.${op}.${s}`,
        `${h}.${p}.${s}${s}`,
        `${h}.${p}.${s.slice(0, 43)}`,
        `${h}.${p}.${s.toLowerCase()}`,
        `${h}.${p}.${Buffer.from(s, 'base64url').toString('base64')}`,
        `${h}=.${p}.${s}`,
      ],
      a,
    )
  },
}

/** Header changes (alg, typ, cty, kid, crit, b64, embedded keys); the header is re-encoded. */
export function headerVariants(header: Json, donors: JwsDonors): [string, unknown][] {
  const kid = String(header.kid)
  return [
    ...['none', 'HS256', 'ES256', 'EdDSA', 'Ed25519', 'ES384', 'RS256', 'ES256K', 'eddsa', '']
      .filter((v) => v !== header.alg)
      .map((v): [string, unknown] => ['alg', v]),
    ['alg', undefined],
    ['alg', [header.alg]],
    ...['JWT', 'vc+ld+jwt', 'application/vc+jwt', 'VC+JWT', 'vc+sd-jwt', '']
      .filter((v) => v !== header.typ)
      .map((v): [string, unknown] => ['typ', v]),
    ['typ', undefined],
    ['cty', 'vc+ld+json'],
    ['cty', 'application/vc'],
    ['cty', undefined],
    ...donors.keyIds.filter((k) => k !== kid).map((k): [string, unknown] => ['kid', k]),
    ['kid', donors.attackerKeyId],
    ['kid', `${kid}x`],
    ['kid', kid.replace(/#.*$/, '')],
    ['kid', `#${kid.split('#')[1]}`],
    ['kid', undefined],
    ['kid', [kid]],
    ['crit', ['b64']],
    ['crit', []],
    ['crit', ['exp']],
    ['crit', 'b64'],
    ['crit', ['alg']],
    ['crit', ['b64', 'b64']],
    ['b64', false],
    ['b64', true],
    ['b64', 'false'],
    ['jwk', donors.attackerJwk],
    ['jku', 'https://attacker.example/jwks.json'],
    ['x5u', 'https://attacker.example/cert.pem'],
    ['zip', 'DEF'],
    ['enc', 'A256GCM'],
    ['iss', 'did:web:attacker.example'],
  ]
}

/** Decodes a segment as JSON, or undefined. */
export function segmentJson(token: string, index: number): Json | undefined {
  try {
    const value = decodeJson(segmentsOf(token)[index] ?? '')
    return isObject(value) ? value : undefined
  } catch {
    return undefined
  }
}
