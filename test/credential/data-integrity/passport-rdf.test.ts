/**
 * The direct RDF path (passport-rdf.ts) must be invisible: wherever it answers, its dataset is the
 * very dataset `jsonld.toRDF` gives (same quads, same order, same blank-node labels), so the
 * canonical N-Quads are byte for byte the stock ones; wherever the stock path refuses (undefined
 * term, relative IRI, value outside the vocabulary), the direct path declines and canonizeDocument
 * refuses exactly like stock. (It calls the plug-in's walk directly, so the `stock-path` project,
 * which only switches the plug-in off, leaves it out.)
 */
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import fc from 'fast-check'
import jsonld from 'jsonld'
import { describe, expect, test } from 'vitest'
import { createDocumentLoader } from '../../../src/context/loader.js'
import { canonizeDocument } from '../../../src/credential/data-integrity/canonize.js'
import { loadJsonldInternals } from '../../../src/credential/data-integrity/jsonld-internals.js'
import { ContextMemo } from '../../../src/credential/data-integrity/jsonld-terms.js'
import { passportDataset } from '../../../src/credential/data-integrity/passport-rdf.js'
import { verifyPassport } from '../../../src/passport/verify.js'
import { exampleDidDocuments, signedExamples, validExamples } from '../../helpers/examples.js'
import { readJsonFile } from '../../helpers/files.js'
import { NOW } from '../fixtures.js'

type Json = Record<string, unknown>
const loader = createDocumentLoader()
const internals = await loadJsonldInternals()
/** A memo of its own (no context cache), as jsonld.toRDF processes contexts. */
const freshMemo = () => new ContextMemo(internals, loader, new Map())
const memo = freshMemo()
const stockDataset = (doc: unknown) =>
  jsonld.toRDF(
    doc as Json,
    {
      documentLoader: loader,
      safe: true,
      base: null,
      rdfDirection: 'i18n-datatype',
      produceGeneralizedRdf: false,
    } as unknown as Parameters<typeof jsonld.toRDF>[1],
  )
const stockCanonize = (doc: unknown) =>
  eddsaRdfc2022.canonize(doc, { documentLoader: loader, safe: true, base: null })
const outcome = (p: Promise<string>) =>
  p.then(
    (nquads) => ({ nquads }),
    (err: Error) => ({ error: String(err?.message ?? err) }),
  )

const unsigned = validExamples().map((e) => [e.name, e.doc] as const)
const signed = signedExamples().map(
  ({ name, di: { proof: _proof, ...doc } }) => [`${name}.json`, doc] as const,
)

describe('passportDataset on the examples', () => {
  test.each([...unsigned, ...signed])('%s: the jsonld.toRDF dataset itself', async (_n, doc) => {
    const fast = await passportDataset(doc, memo)
    expect(fast).toBeDefined()
    expect(fast).toStrictEqual(await stockDataset(doc))
    expect(await canonizeDocument(eddsaRdfc2022.canonize, doc, loader)).toBe(
      await stockCanonize(doc),
    )
  })

  test('named subjects that sort before the blank nodes (`URN:…` < `_:b0`) and after them', async () => {
    // toRDF sorts subjects by name: an IRI whose scheme is upper case sorts before `_:b<n>`, a lower
    // case one after, and `_:b10` before `_:b2` (passport-rdf.ts merges without making the names).
    for (const [name, doc] of unsigned.slice(0, 3)) {
      const copy = structuredClone(doc) as Json
      const subject = copy.credentialSubject as Json
      subject.id = 'URN:EXAMPLE:SUBJECT'
      const product = subject.product as Json | undefined
      if (product) product.id = 'Https://example.com/product'
      copy.id = 'A:top'
      const fast = await passportDataset(copy, memo)
      expect(fast, name).toBeDefined()
      expect(fast, name).toStrictEqual(await stockDataset(copy))
      expect(await canonizeDocument(eddsaRdfc2022.canonize, copy, loader)).toBe(
        await stockCanonize(copy),
      )
    }
  })

  test('a cold memo (contexts still being processed) gives the same dataset, also concurrently', async () => {
    const docs = [...unsigned, ...signed].map(([, doc]) => doc)
    const expected = await Promise.all(docs.map((doc) => stockDataset(doc)))
    for (const [i, doc] of docs.entries()) {
      expect(await passportDataset(doc, freshMemo())).toStrictEqual(expected[i])
    }
    const shared = freshMemo()
    expect(await Promise.all(docs.map((doc) => passportDataset(doc, shared)))).toStrictEqual(
      expected,
    )
  })

  test('a document with a proof (an @graph container) takes the stock path', async () => {
    const doc = readJsonFile(`examples/signed/${signed[0]?.[0]}`)
    expect(await passportDataset(doc, memo)).toBeUndefined()
  })

  test('signed examples verify, and a tampered leaf fails, through the direct path', async () => {
    const didDocuments = exampleDidDocuments()
    const doc = readJsonFile(`examples/signed/${signed[0]?.[0]}`)
    expect((await verifyPassport(doc, { didDocuments, now: NOW })).verified).toBe(true)
    const tampered = structuredClone(doc) as Json
    ;(tampered.credentialSubject as Json).extraUnsigned = 'x'
    const result = await verifyPassport(tampered, { didDocuments, now: NOW })
    expect(result.verified).toBe(false)
    expect(result.errors.map((e) => e.code)).toContain('UNDEFINED_TERM')
  })
})

/** Every path to a value (leaf or object) in a document, except the top-level `@context`. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (prefix.length === 0 && k === '@context') continue
      const p = [...prefix, Array.isArray(value) ? Number(k) : k]
      out.push(p)
      paths(v, p, out)
    }
  }
  return out
}
function parentOf(doc: unknown, path: (string | number)[]): Json | unknown[] {
  let node = doc as Json
  for (const k of path.slice(0, -1)) node = (node as Json)[k as string] as Json
  return node
}

const leafValue = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('a"b', 'line\nbreak', 'back\\slash', 'tab\t', '\u0000', 'é漢🙂', '', ' '),
  fc.constantFrom('https://example.com/x', 'did:web:a.example', 'relative/iri', '_:b0', 'kg'),
  fc.constantFrom('12.50', '-0', '1e3', 'kgCO2e', 'NMC', 'notAVocabTerm'),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
)
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), value: leafValue }),
  fc.record({ kind: fc.constant('remove' as const) }),
  fc.record({
    kind: fc.constant('add' as const),
    key: fc.constantFrom(
      'unknownKey',
      'name',
      '@id',
      '@context',
      'id',
      'type',
      'https://x.example/p',
    ),
    value: leafValue,
  }),
)

describe('mutated examples: the direct path equals stock or declines', () => {
  test('dataset, canonical N-Quads and refusals agree with stock', async () => {
    let answered = 0
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: unsigned.length - 1 }),
        fc.nat(),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (which, seed, mutations) => {
          const doc = structuredClone(unsigned[which]?.[1]) as Json
          for (const [i, m] of mutations.entries()) {
            const all = paths(doc)
            if (all.length === 0) break
            const path = all[(seed + i * 7919) % all.length] as (string | number)[]
            const parent = parentOf(doc, path)
            const last = path[path.length - 1] as string | number
            if (m.kind === 'set') (parent as Json)[last] = structuredClone(m.value)
            else if (m.kind === 'remove') {
              if (Array.isArray(parent)) parent.splice(last as number, 1)
              else delete (parent as Json)[last]
            } else {
              const target = (parent as Json)[last]
              if (target !== null && typeof target === 'object' && !Array.isArray(target))
                (target as Json)[m.key] = structuredClone(m.value)
            }
          }
          const fast = await passportDataset(doc, memo).catch(() => 'threw')
          expect(fast).not.toBe('threw')
          const stock = await stockDataset(doc).then(
            (d) => d,
            () => undefined,
          )
          // Where the direct path answers, stock succeeds with the very same dataset.
          if (fast !== undefined) {
            answered++
            expect(fast).toStrictEqual(stock)
          }
          // canonizeDocument (direct or stock) agrees with stock, result or refusal.
          expect(
            await outcome(canonizeDocument(eddsaRdfc2022.canonize, doc, loader)),
          ).toStrictEqual(await outcome(stockCanonize(doc)))
        },
      ),
      { numRuns: 300 },
    )
    // The property is not vacuous: many mutated documents do take the direct path.
    expect(answered).toBeGreaterThan(50)
  })
})

describe('duplicate values: the direct path keeps each value once, as jsonld.js does', () => {
  // jsonld.js adds a value to a node's property only when no equal one is there (compareValues:
  // same @value and @type, or same @id). passport-rdf.ts compares without building strings, so
  // lists of look-alike values — equal, or equal only as strings, past the 16 where a set takes
  // over — at every leaf and in a node's place must give the stock dataset.
  const lookAlike = fc.constantFrom<unknown>(
    'a',
    'a|b',
    '1',
    1,
    1.5,
    -0,
    0,
    1e21,
    true,
    'true',
    false,
    'https://example.com/x',
    'did:web:a.example',
    'kg',
    { id: 'https://example.com/x' },
    { id: 'did:web:a.example' },
    { id: 'https://example.com/x', name: 'n' },
    { name: 'n' },
    { name: 'n' },
  )
  // Past 16 values of one property a set holds the identities: 17 fresh nodes first, sometimes.
  const lists = fc
    .tuple(fc.boolean(), fc.array(lookAlike, { minLength: 2, maxLength: 40 }))
    .map(([long, list]) =>
      long ? [...Array.from({ length: 17 }, () => ({ name: 'n' })), ...list] : list,
    )

  test('lists of look-alike values at any node or leaf agree with stock', async () => {
    let answered = 0
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: unsigned.length - 1 }),
        fc.nat(),
        lists,
        async (which, seed, list) => {
          const doc = structuredClone(unsigned[which]?.[1]) as Json
          const all = paths(doc)
          const path = all[seed % all.length] as (string | number)[]
          const parent = parentOf(doc, path) as Json
          parent[path[path.length - 1] as string] = structuredClone(list)
          const fast = await passportDataset(doc, memo).catch(() => 'threw')
          expect(fast).not.toBe('threw')
          if (fast === undefined) return
          answered++
          expect(fast).toStrictEqual(await stockDataset(doc))
        },
      ),
      { numRuns: 300 },
    )
    expect(answered).toBeGreaterThan(50)
  })
})
