/**
 * dataset-bounds.ts works on jsonld.js's expanded form before its node map: the copies it drops
 * must change nothing (the very same dataset, in the same order), its counts must be lower bounds
 * of the dataset's, and the capped stock path must give the stock cryptosuite's N-Quads.
 */
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import fc from 'fast-check'
import jsonld from 'jsonld'
import { describe, expect, test } from 'vitest'
import { createDocumentLoader } from '../../../src/context/loader.js'
import { stockCanonizeDocument } from '../../../src/credential/data-integrity/canonize.js'
import {
  boundExpandedDocument,
  CanonicalizationInputTooLarge,
} from '../../../src/credential/data-integrity/dataset-bounds.js'
import { validExamples } from '../../helpers/examples.js'
import { readJsonFile } from '../../helpers/files.js'

type Json = Record<string, unknown>
type Term = { termType: string; value: string }
type Quad = { subject: Term; predicate: Term; object: Term; graph: Term }

const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2'
const loader = createDocumentLoader({
  contexts: { [EXAMPLES_V2]: readJsonFile('test/fixtures/vectors/credentials-examples-v2.json') },
})
const options = {
  documentLoader: loader,
  safe: true,
  base: null,
  rdfDirection: 'i18n-datatype',
  produceGeneralizedRdf: false,
} as never
const UNLIMITED = { maxBlankNodes: Number.POSITIVE_INFINITY, maxQuads: Number.POSITIVE_INFINITY }

const outcome = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ value }),
    (err: Error) => ({ error: String(err?.message ?? err) }),
  )

const blankNodes = (dataset: Quad[]) => {
  const labels = new Set<string>()
  for (const q of dataset)
    for (const t of [q.subject, q.object, q.graph])
      if (t.termType === 'BlankNode') labels.add(t.value)
  return labels.size
}

/**
 * Random JSON-LD without a context (every key an absolute IRI or a keyword), made to repeat: few
 * properties, ids and values, so equal values, repeated references and repeated nodes turn up
 * often, with lists, @reverse, @graph and @included among them.
 */
const P = ['https://e.x/p', 'https://e.x/q', 'https://e.x/r']
const id = fc.constantFrom('urn:a', 'urn:b', '_:x', '_:y')
const scalar = fc.oneof(
  fc.constantFrom('s', 't', 1, 2, true),
  fc.constantFrom(
    { '@value': 's' },
    { '@value': 's', '@language': 'en' },
    { '@value': '1', '@type': 'https://e.x/T' },
    { '@value': 's', '@index': 'i' },
  ),
)
/** A node object nested at most `depth` levels (refs, values, lists, @reverse, @graph, @included). */
const nodeAt = (depth: number): fc.Arbitrary<Json> => {
  const below = depth > 0 ? nodeAt(depth - 1) : undefined
  const ref = below
    ? fc.oneof(
        id.map((i) => ({ '@id': i })),
        below,
      )
    : id.map((i) => ({ '@id': i }))
  const value = fc.oneof(
    scalar,
    ref,
    fc
      .array(
        fc.oneof(
          scalar,
          id.map((i) => ({ '@id': i })),
        ),
        { maxLength: 3 },
      )
      .map((l) => ({ '@list': l })),
  )
  const standalone = below ?? fc.constant({ [P[2] as string]: 's' })
  return fc
    .record(
      {
        '@id': id,
        '@type': fc.array(fc.constantFrom('https://e.x/A', 'https://e.x/B', '_:t'), {
          minLength: 1,
          maxLength: 3,
        }),
        // Sometimes twice over: exact copies of nodes, references and values.
        [P[0] as string]: fc
          .tuple(fc.array(value, { minLength: 1, maxLength: 5 }), fc.boolean())
          .map(([values, twice]) => (twice ? [...values, ...structuredClone(values)] : values)),
        [P[1] as string]: value,
        '@reverse': fc.record({ [P[2] as string]: fc.array(ref, { minLength: 1, maxLength: 2 }) }),
        // Nodes that stand on their own (in @included or a @graph) need more than an @id.
        '@included': fc.array(standalone, { minLength: 1, maxLength: 2 }),
        '@graph': fc.array(standalone, { minLength: 1, maxLength: 2 }),
      },
      { requiredKeys: [] },
    )
    .filter((n) => Object.keys(n).some((k) => k !== '@id'))
}
const tree = nodeAt(2)
const document = fc.array(tree, { minLength: 1, maxLength: 3 })

describe('boundExpandedDocument', () => {
  test('drops nothing the node map keeps: the dataset is the same, quad for quad', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (doc) => {
        const stock = await outcome(
          jsonld.toRDF(doc as never, options) as unknown as Promise<Quad[]>,
        )
        const ours = await outcome(
          (async () => {
            const expanded = await jsonld.expand(doc as never, options)
            const counts = boundExpandedDocument(expanded, UNLIMITED)
            const dataset = (await jsonld.toRDF(
              expanded as never,
              {
                ...(options as object),
                skipExpansion: true,
              } as never,
            )) as unknown as Quad[]
            return { dataset, counts }
          })(),
        )
        if ('error' in stock) {
          expect(ours).toStrictEqual(stock)
          return
        }
        if ('error' in ours) throw new Error(ours.error)
        expect(ours.value.dataset).toStrictEqual(stock.value)
        // Lower bounds (in practice exact on these shapes).
        expect(ours.value.counts.quads).toBeLessThanOrEqual(stock.value.length)
        expect(ours.value.counts.blankNodes).toBeLessThanOrEqual(blankNodes(stock.value))
      }),
      { numRuns: 400 },
    )
  })

  test('refuses only what the exact count refuses: limits at the dataset counts always pass', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (doc) => {
        const stock = await outcome(
          jsonld.toRDF(doc as never, options) as unknown as Promise<Quad[]>,
        )
        if ('error' in stock) return
        const expanded = await jsonld.expand(doc as never, options)
        expect(() =>
          boundExpandedDocument(expanded, {
            maxQuads: stock.value.length,
            maxBlankNodes: blankNodes(stock.value),
          }),
        ).not.toThrow()
      }),
      { numRuns: 200 },
    )
  })

  test('20,000 values of one property: refused in the expanded form, quickly', async () => {
    const doc = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      issuer: 'did:example:i',
      credentialSubject: {
        id: 'urn:s',
        'https://example.org/v': Array.from({ length: 20_000 }, (_, i) => i),
      },
    }
    const start = performance.now()
    const result = await outcome(
      stockCanonizeDocument(
        eddsaRdfc2022.canonize,
        doc,
        loader,
        {},
        {
          maxBlankNodes: 384,
          maxQuads: 2560,
        },
      ),
    )
    expect(result).toMatchObject({ error: expect.stringMatching(/maxQuads/) })
    expect(performance.now() - start).toBeLessThan(2000)
  })

  test('repeated equal values are dropped before the node map, so they cost no quadratic scan', async () => {
    const doc = {
      'https://e.x/p': [
        ...Array.from({ length: 2000 }, (_, i) => i),
        ...Array.from({ length: 30_000 }, () => 1999),
      ],
      '@type': ['https://e.x/A'],
    }
    const expanded = (await jsonld.expand(doc as never, options)) as unknown as Json[]
    const counts = boundExpandedDocument(expanded, { maxBlankNodes: 384, maxQuads: 2560 })
    expect(counts).toEqual({ quads: 2001, blankNodes: 1 })
    expect((expanded[0] as Json)['https://e.x/p']).toHaveLength(2000)
  })

  test('copies of a named node with content are dropped; ones holding anonymous nodes are not', async () => {
    const named = {
      '@id': 'urn:b',
      'https://e.x/q': [1, { '@id': '_:c' }],
      '@type': 'https://e.x/A',
    }
    const anonymous = { '@id': 'urn:d', 'https://e.x/q': { 'https://e.x/r': 1 } }
    const doc = {
      '@id': 'urn:s',
      'https://e.x/p': [named, anonymous, ...Array.from({ length: 3 }, () => [named, anonymous])],
    }
    const stock = await jsonld.toRDF(doc as never, options)
    const expanded = (await jsonld.expand(doc as never, options)) as unknown as Json[]
    const counts = boundExpandedDocument(expanded, UNLIMITED)
    // One copy of `named` is left; every `anonymous` stays (each holds a new blank node).
    expect((expanded[0] as Json)['https://e.x/p']).toHaveLength(1 + 4)
    const ours = await jsonld.toRDF(
      expanded as never,
      {
        ...(options as object),
        skipExpansion: true,
      } as never,
    )
    expect(ours).toStrictEqual(stock)
    expect(counts.quads).toBe((stock as unknown as Quad[]).length)
  })

  test('a thrown refusal is a CanonicalizationInputTooLarge', async () => {
    const expanded = await jsonld.expand({ 'https://e.x/p': [1, 2, 3] } as never, options)
    expect(() => boundExpandedDocument(expanded, { maxBlankNodes: 10, maxQuads: 2 })).toThrow(
      CanonicalizationInputTooLarge,
    )
  })
})

describe('the capped stock path gives the stock cryptosuite canonize output', () => {
  const stock = (input: unknown) =>
    outcome(eddsaRdfc2022.canonize(input, { documentLoader: loader, base: null, safe: true }))
  const capped = (input: unknown) =>
    outcome(stockCanonizeDocument(eddsaRdfc2022.canonize, input, loader, {}, UNLIMITED))

  const cases: [string, Json][] = [
    ['vc-di-eddsa vector', readJsonFile('test/fixtures/vectors/vc-di-eddsa/signedDataInt.json')],
    ['vc-di-ecdsa vector', readJsonFile('test/fixtures/vectors/vc-di-ecdsa/signedECDSAP256.json')],
    ...validExamples().map((e): [string, Json] => [e.name, e.doc]),
  ]
  test.each(cases)('%s', async (_name, signed) => {
    const { proof: _p, ...document } = signed as Json
    expect(await capped(document)).toStrictEqual(await stock(document))
  })

  test('random documents (and their errors) are canonicalized as stock does', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (doc) => {
        expect(await capped(doc)).toStrictEqual(await stock(doc))
      }),
      { numRuns: 150 },
    )
  })
})
