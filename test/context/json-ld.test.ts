/**
 * The passport context under a real JSON-LD processor: every example expands in safe mode with the
 * strict offline loader and turns into RDF without losing a single value; attacks on the context fail.
 */
import jsonld from 'jsonld'
import { describe, expect, it } from 'vitest'
import { createDocumentLoader } from '../../src/context/loader.js'
import { clone, validExamples } from '../helpers/examples.js'

const documentLoader = createDocumentLoader()
const VOCAB = 'https://w3id.org/carbon-passport/vocab#'

async function toNQuads(doc: unknown): Promise<string[]> {
  const options = { documentLoader, safe: true, format: 'application/n-quads' }
  const nquads = (await jsonld.toRDF(doc as never, options as never)) as unknown as string
  return nquads.split('\n').filter((line) => line.length > 0)
}

/**
 * The number of distinct RDF statements a compacted JSON-LD document must produce if no value is
 * dropped: one per property value and per type. Statements about a node with an id (an issuer that is
 * also the manufacturer, say) can repeat in JSON and count once in RDF, as they do in the graph.
 */
function expectedStatements(doc: Record<string, unknown>): number {
  const statements = new Set<string>()
  let blank = 0
  const visit = (node: Record<string, unknown>): string => {
    const subject = typeof node.id === 'string' ? node.id : `_:b${blank++}`
    for (const [key, value] of Object.entries(node)) {
      if (key === '@context' || key === 'id') continue
      for (const v of Array.isArray(value) ? value : [value]) {
        const object =
          v !== null && typeof v === 'object'
            ? visit(v as Record<string, unknown>)
            : JSON.stringify(v)
        statements.add(`${subject} ${key} ${object}`)
      }
    }
    return subject
  }
  visit(doc)
  return statements.size
}

async function failure(doc: unknown): Promise<string> {
  try {
    await toNQuads(doc)
    return 'expanded without error'
  } catch (err) {
    return (err as Error).message
  }
}

const examples = validExamples()
// biome-ignore lint/suspicious/noExplicitAny: tests poke arbitrary (also invalid) values into examples
type Loose = Record<string, any>
const base = (): Loose => clone(examples[0]?.doc ?? {}) as Loose

describe('examples under JSON-LD', () => {
  it('there are at least six example passports', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6)
  })

  it.each(examples.map((e) => [e.file, e.doc] as const))(
    '%s expands in safe mode into RDF with no dropped value',
    async (_name, doc) => {
      const quads = await toNQuads(doc)
      expect(quads.length).toBe(expectedStatements(doc))
      expect(quads.some((q) => q.includes(`<${VOCAB}CarbonPassport>`))).toBe(true)
    },
  )

  it('decimals are typed xsd:decimal and enumerations become vocabulary IRIs', async () => {
    const quads = await toNQuads(base())
    expect(
      quads.some(
        (q) =>
          q.includes(`<${VOCAB}pcfExcludingBiogenicUptake> "`) &&
          q.includes('^^<http://www.w3.org/2001/XMLSchema#decimal>'),
      ),
    ).toBe(true)
    expect(
      quads.some((q) =>
        /vocab#granularity> <https:\/\/w3id\.org\/carbon-passport\/vocab#(item|batch|model)>/.test(
          q,
        ),
      ),
    ).toBe(true)
  })

  it('inside scope3, category means the scope 3 category; on a battery, the battery category', async () => {
    const doc = base()
    doc.credentialSubject.battery = {
      category: 'industrial',
      chemistry: 'LFP',
      application: 'energy-storage',
      ratedEnergy: '1',
    }
    doc.credentialSubject.footprint.scopeBreakdown.scope3 = [{ category: 4, emissions: '1.5' }]
    const quads = await toNQuads(doc)
    expect(quads.some((q) => q.includes(`<${VOCAB}scope3Category> "4"^^`))).toBe(true)
    expect(quads.some((q) => q.includes(`<${VOCAB}category> <${VOCAB}industrial>`))).toBe(true)
  })
})

describe('attacks on the context fail', () => {
  it('an undefined term is an error, not silently dropped', async () => {
    const doc = base()
    doc.credentialSubject.footprint.pcfExcludingBiogenicUptak = '0.1'
    expect(await failure(doc)).toMatch(/Safe mode validation error/)
  })

  it('an undefined top-level term is an error', async () => {
    const doc = base()
    doc.discount = 'yes'
    expect(await failure(doc)).toMatch(/Safe mode validation error/)
  })

  it('a value outside an enumeration is an error', async () => {
    const doc = base()
    doc.credentialSubject.product.granularity = 'pallet'
    expect(await failure(doc)).toMatch(/Safe mode validation error/)
  })

  it('redefining a protected term of the passport context fails', async () => {
    const doc = base()
    doc['@context'] = [
      ...doc['@context'],
      { pcfExcludingBiogenicUptake: 'https://evil.example/pcf' },
    ]
    expect(await failure(doc)).toMatch(/protected term/)
  })

  it('redefining a protected term in an earlier context fails when ours is applied', async () => {
    const doc = base()
    doc['@context'] = [
      'https://www.w3.org/ns/credentials/v2',
      { '@protected': true, footprint: 'https://evil.example/footprint' },
      'https://w3id.org/carbon-passport/v1',
    ]
    expect(await failure(doc)).toMatch(/protected term/)
  })

  it('a remote context is refused, never fetched', async () => {
    const doc = base()
    doc['@context'] = [...doc['@context'], 'https://evil.example/context.jsonld']
    expect(await failure(doc)).toMatch(
      /Dereferencing a URL did not result in a valid JSON-LD object/,
    )
  })

  it('the undefined-terms context is not available', async () => {
    const doc = base()
    doc['@context'] = [...doc['@context'], 'https://www.w3.org/ns/credentials/undefined-terms/v2']
    expect(await failure(doc)).toMatch(/Dereferencing a URL/)
  })
})
