/**
 * rdfc.ts is rdf-canonize's RDFC-1.0 over pre-serialized terms: on any dataset it must give
 * byte for byte rdf-canonize's canonical N-Quads, or throw where rdf-canonize throws (the work
 * limit, with the same message). Random datasets (fast-check) stress what decides the output:
 * blank nodes with equal first-degree hashes (few predicates, no literals: Hash N-Degree Quads and
 * its permutations), shared and self-referencing blank nodes, duplicate quads, and terms that
 * N-Quads escapes. The passport dataset in both forms (passportDataset's quads and
 * passportSerializedDataset's strings) is compared term for term on every example and on mutations.
 * (Calls the plug-in's modules directly, whatever the fast-path switch says: a run in the
 * `stock-path` project repeats it unchanged.)
 */
import { createRequire } from 'node:module'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createDocumentLoader } from '../../../src/context/loader.js'
import { loadJsonldInternals } from '../../../src/credential/data-integrity/jsonld-internals.js'
import { ContextMemo } from '../../../src/credential/data-integrity/jsonld-terms.js'
import {
  passportDataset,
  passportSerializedDataset,
  type Quad,
} from '../../../src/credential/data-integrity/passport-rdf.js'
import {
  escapeIri,
  escapeString,
  type Predicate,
  prepareCanonicalization,
  type SerializedDataset,
} from '../../../src/credential/data-integrity/rdfc.js'
import { signedExamples, validExamples } from '../../helpers/examples.js'
import { fuzzRuns } from '../../helpers/fuzz.js'

const require = createRequire(import.meta.url)
const rdfCanonize = require('rdf-canonize') as {
  canonize(dataset: Quad[], options: Record<string, unknown>): Promise<string>
}
const NQuads = require('rdf-canonize/lib/NQuads.js') as { serializeQuad(quad: Quad): string }

const XSD = 'http://www.w3.org/2001/XMLSchema#'

type TermSpec =
  | { kind: 'blank'; n: number }
  | { kind: 'iri'; value: string }
  | { kind: 'literal'; value: string; datatype: string }
interface QuadSpec {
  s: TermSpec
  p: string
  o: TermSpec
}

const toTerm = (t: TermSpec): Quad['subject'] =>
  t.kind === 'blank'
    ? { termType: 'BlankNode', value: `b${t.n}` }
    : t.kind === 'iri'
      ? { termType: 'NamedNode', value: t.value }
      : {
          termType: 'Literal',
          value: t.value,
          datatype: { termType: 'NamedNode', value: t.datatype },
        }
const toNquads = (t: TermSpec): number | string =>
  t.kind === 'blank'
    ? t.n
    : t.kind === 'iri'
      ? `<${escapeIri(t.value)}>`
      : t.datatype === `${XSD}string`
        ? `"${escapeString(t.value)}"`
        : `"${escapeString(t.value)}"^^<${escapeIri(t.datatype)}>`

/** The same dataset for rdf-canonize (term objects) and for rdfc.ts (serialized terms). */
function datasets(
  specs: QuadSpec[],
  { sharedPredicates = true } = {},
): { quads: Quad[]; serialized: SerializedDataset } {
  const quads: Quad[] = specs.map(({ s, p, o }) => ({
    subject: toTerm(s),
    predicate: { termType: 'NamedNode', value: p },
    object: toTerm(o),
    graph: { termType: 'DefaultGraph', value: '' },
  }))
  let blankNodes = 0
  for (const { s, o } of specs)
    for (const t of [s, o]) if (t.kind === 'blank') blankNodes = Math.max(blankNodes, t.n + 1)
  const predicates = new Map<string, Predicate>()
  const predicate = (p: string) => {
    // Unshared: a new object per quad, equal forms (rdfc.ts must compare forms, not objects).
    if (!sharedPredicates) return { nquads: `<${escapeIri(p)}>`, related: `<${p}>` }
    let form = predicates.get(p)
    if (!form) {
      form = { nquads: `<${escapeIri(p)}>`, related: `<${p}>` }
      predicates.set(p, form)
    }
    return form
  }
  return {
    quads,
    serialized: {
      subjects: specs.map(({ s }) => toNquads(s)),
      predicates: specs.map(({ p }) => predicate(p)),
      objects: specs.map(({ o }) => toNquads(o)),
      labels: Array.from({ length: blankNodes }, (_, n) => `b${n}`),
    },
  }
}

const outcome = (p: () => Promise<string>) =>
  p().then(
    (nquads) => ({ nquads }),
    (err: Error) => ({ error: String(err?.message ?? err) }),
  )
const stock = (quads: Quad[]) =>
  outcome(() =>
    rdfCanonize.canonize(quads, { algorithm: 'RDFC-1.0', format: 'application/n-quads' }),
  )
const direct = (ds: SerializedDataset) => outcome(() => prepareCanonicalization(ds).run())

// Terms: few predicates and IRIs make first-degree hashes collide; some need N-Quads escaping.
const iri = fc.constantFrom(
  'https://example.com/a',
  'https://example.com/b',
  'did:web:x.example#key-1',
  'urn:uuid:7f3a9c00-0000-4000-8000-000000000000',
  'https://example.com/sp ace',
  'https://example.com/q"<>{}|^`\\',
  'https://example.com/é漢',
)
const predicateIri = fc.constantFrom(
  'https://example.com/p',
  'https://example.com/q',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#type',
  'https://example.com/p{x}',
  'https://example.com/ä',
)
const literal = fc.record({
  value: fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.string({ unit: 'binary', maxLength: 6 }),
    fc.constantFrom('a"b', 'line\nbreak', 'back\\slash', 'tab\t', '\u0000\u007f', '\b\f\r', ''),
  ),
  datatype: fc.constantFrom(
    `${XSD}string`,
    `${XSD}integer`,
    `${XSD}double`,
    'https://example.com/dt space',
  ),
})
const dataset = (maxBlank: number, literals: boolean) => {
  const blank = fc.nat({ max: maxBlank - 1 }).map((n): TermSpec => ({ kind: 'blank', n }))
  const named = iri.map((value): TermSpec => ({ kind: 'iri', value }))
  const subject = fc.oneof({ arbitrary: blank, weight: 4 }, { arbitrary: named, weight: 1 })
  const object = literals
    ? fc.oneof(
        { arbitrary: blank, weight: 3 },
        { arbitrary: named, weight: 1 },
        { arbitrary: literal.map((l): TermSpec => ({ kind: 'literal', ...l })), weight: 3 },
      )
    : fc.oneof({ arbitrary: blank, weight: 4 }, { arbitrary: named, weight: 1 })
  return fc.array(fc.record({ s: subject, p: predicateIri, o: object }), {
    minLength: 1,
    maxLength: 40,
  })
}

describe('rdfc.ts equals rdf-canonize RDFC-1.0', () => {
  test('random datasets with literals and escaping', async () => {
    await fc.assert(
      fc.asyncProperty(dataset(12, true), async (specs) => {
        const { quads, serialized } = datasets(specs)
        expect(await direct(serialized)).toStrictEqual(await stock(quads))
      }),
      { numRuns: fuzzRuns(400) },
    )
  })

  test('random blank-node graphs (equal first-degree hashes, cycles, the work limit)', async () => {
    let deep = 0
    await fc.assert(
      fc.asyncProperty(dataset(8, false), async (specs) => {
        const { quads, serialized } = datasets(specs)
        const expected = await stock(quads)
        expect(await direct(serialized)).toStrictEqual(expected)
        if ('nquads' in expected && /_:c14n/.test(expected.nquads)) deep++
      }),
      { numRuns: fuzzRuns(600) },
    )
    // Not vacuous: plenty of graphs canonicalize (the work limit, which some random graphs hit,
    // is met for certain by the symmetric graphs below).
    expect(deep).toBeGreaterThan(100)
  })

  test('symmetric graphs: rings and complete graphs of blank nodes', async () => {
    for (let size = 1; size <= 7; size++) {
      const ring: QuadSpec[] = Array.from({ length: size }, (_, n) => ({
        s: { kind: 'blank', n },
        p: 'https://example.com/p',
        o: { kind: 'blank', n: (n + 1) % size },
      }))
      const complete: QuadSpec[] = []
      for (let a = 0; a < size; a++)
        for (let b = 0; b < size; b++)
          if (a !== b)
            complete.push({
              s: { kind: 'blank', n: a },
              p: 'https://example.com/p',
              o: { kind: 'blank', n: b },
            })
      for (const specs of [ring, complete, [...ring].reverse()]) {
        const { quads, serialized } = datasets(specs)
        const expected = await stock(quads)
        // Symmetric blank nodes exhaust RDFC-1.0's work limit (maxWorkFactor 1): the same error.
        if (size >= 2)
          expect(expected).toStrictEqual({
            error: `Maximum deep iterations exceeded (${size}).`,
          })
        expect(await direct(serialized)).toStrictEqual(expected)
      }
    }
  })

  test('stars: one subject, one predicate, many objects (`_:c14n1` before `_:c14n10`, `"x"` before `"x"^^<…>`)', async () => {
    for (const hub of [
      { kind: 'iri', value: 'https://example.com/a' },
      { kind: 'blank', n: 0 },
    ] as const) {
      const specs: QuadSpec[] = []
      for (let n = 1; n <= 13; n++) {
        specs.push({ s: hub, p: 'https://example.com/p', o: { kind: 'blank', n } })
        specs.push({
          s: { kind: 'blank', n },
          p: 'https://example.com/q',
          o: { kind: 'literal', value: String(n % 11), datatype: `${XSD}string` },
        })
        specs.push({
          s: hub,
          p: 'https://example.com/p',
          o: {
            kind: 'literal',
            value: String(n % 3),
            datatype: n % 2 ? `${XSD}string` : `${XSD}integer`,
          },
        })
      }
      const { quads, serialized } = datasets(specs)
      const expected = await stock(quads)
      expect('nquads' in expected && expected.nquads.includes('_:c14n10')).toBe(true)
      expect(await direct(serialized)).toStrictEqual(expected)
    }
  })

  test('lines compared in parts: predicates and objects that are prefixes of one another, unshared predicate forms, subjects with many lines', async () => {
    // rdfc.ts orders lines by subject, predicate and object instead of comparing whole lines:
    // these terms make the parts prefixes of one another (`<…/p>` and `<…/p/>`, `"a"` and
    // `"a"^^<…>`, `"a"` and `"a "`), and few subjects give runs longer than the insertion sort's.
    const prefixPredicate = fc.constantFrom(
      'https://example.com/p',
      'https://example.com/p/',
      'https://example.com/pa',
      'https://example.com/p>',
      'https://example.com/p#x',
      'https://example.com/p x',
      'http://www.w3.org/1999/02/22-rdf-syntax-ns#type',
    )
    const prefixLiteral = fc.record({
      value: fc.constantFrom('a', 'a ', 'a"', 'a\\', 'ab', '', ' ', '\u0000'),
      datatype: fc.constantFrom(`${XSD}string`, `${XSD}integer`, 'https://example.com/dt'),
    })
    const term = (maxBlank: number) =>
      fc.oneof(
        {
          arbitrary: fc.nat({ max: maxBlank - 1 }).map((n): TermSpec => ({ kind: 'blank', n })),
          weight: 3,
        },
        {
          arbitrary: fc
            .constantFrom(
              'https://example.com/a',
              'https://example.com/a/',
              'https://example.com/a b',
            )
            .map((value): TermSpec => ({ kind: 'iri', value })),
          weight: 1,
        },
      )
    const specs = fc.integer({ min: 1, max: 5 }).chain((maxBlank) =>
      fc.array(
        fc.record({
          s: term(maxBlank),
          p: prefixPredicate,
          o: fc.oneof(
            term(maxBlank),
            prefixLiteral.map((l): TermSpec => ({ kind: 'literal', ...l })),
          ),
        }),
        { minLength: 1, maxLength: 70 },
      ),
    )
    await fc.assert(
      fc.asyncProperty(specs, fc.boolean(), async (quadSpecs, sharedPredicates) => {
        const { quads, serialized } = datasets(quadSpecs, { sharedPredicates })
        expect(await direct(serialized)).toStrictEqual(await stock(quads))
      }),
      { numRuns: fuzzRuns(400) },
    )
  })

  test('hundreds of blank nodes: canonical labels past `_:c14n99` in order, long runs of blank objects', async () => {
    // A hub with 150 blank children (one predicate: a run of blank objects sorted by canonical
    // label), each with a distinct literal (unique first-degree hashes), some with a grandchild.
    for (const hub of [
      { kind: 'iri', value: 'https://example.com/a' },
      { kind: 'blank', n: 0 },
    ] as const) {
      const specs: QuadSpec[] = []
      for (let n = 1; n <= 150; n++) {
        specs.push({ s: hub, p: 'https://example.com/p', o: { kind: 'blank', n } })
        specs.push({
          s: { kind: 'blank', n },
          p: 'https://example.com/q',
          o: { kind: 'literal', value: `v${(n * 37) % 151}`, datatype: `${XSD}string` },
        })
        if (n % 5 === 0) {
          specs.push({
            s: { kind: 'blank', n },
            p: 'https://example.com/p',
            o: { kind: 'blank', n: 150 + n },
          })
          specs.push({
            s: { kind: 'blank', n: 150 + n },
            p: 'https://example.com/q',
            o: { kind: 'literal', value: `w${n}`, datatype: `${XSD}integer` },
          })
        }
      }
      const { quads, serialized } = datasets(specs)
      const expected = await stock(quads)
      expect('nquads' in expected && expected.nquads.includes('_:c14n179')).toBe(true)
      expect(await direct(serialized)).toStrictEqual(expected)
    }
  })

  test('counts for the caps: quads, and distinct blank nodes that occur', () => {
    const { serialized } = datasets([
      { s: { kind: 'blank', n: 0 }, p: 'https://example.com/p', o: { kind: 'blank', n: 0 } },
      {
        s: { kind: 'blank', n: 2 },
        p: 'https://example.com/p',
        o: { kind: 'iri', value: 'https://example.com/a' },
      },
    ])
    const prepared = prepareCanonicalization(serialized)
    expect(prepared.quads).toBe(2)
    expect(prepared.blankNodes).toBe(2)
    // Labels rdf-canonize treats specially are refused (the caller then takes the stock path).
    for (const label of ['c14n0', '']) {
      expect(() =>
        prepareCanonicalization({ ...serialized, labels: [label, 'b1', 'b2'] }),
      ).toThrow()
    }
    // So is a subject that is not a named node (the output writes named subjects first).
    expect(() => prepareCanonicalization({ ...serialized, subjects: [0, '"literal"'] })).toThrow()
  })
})

describe('the passport dataset in both forms', () => {
  const loader = createDocumentLoader()
  const docs = [
    ...validExamples().map((e) => e.doc),
    ...signedExamples().map(({ di: { proof: _proof, ...doc } }) => doc),
  ]

  test('every example: the same quads, each term serialized as rdf-canonize serializes it, and the same canonical N-Quads', async () => {
    const memo = new ContextMemo(await loadJsonldInternals(), loader, new Map())
    for (const doc of docs) {
      const quads = (await passportDataset(doc, memo)) as Quad[]
      const serialized = (await passportSerializedDataset(doc, memo)) as SerializedDataset
      expect(quads).toBeDefined()
      expect(serialized.subjects.length).toBe(quads.length)
      const lines = quads.map((quad) => NQuads.serializeQuad(quad))
      const directLines = serialized.subjects.map((s, q) => {
        const o = serialized.objects[q] as number | string
        const term = (t: number | string) =>
          typeof t === 'number' ? `_:${serialized.labels[t]}` : t
        return `${term(s)} ${serialized.predicates[q]?.nquads} ${term(o)} .\n`
      })
      expect(directLines).toStrictEqual(lines)
      expect(await direct(serialized)).toStrictEqual(await stock(quads))
    }
  })
})
