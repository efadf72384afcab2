/**
 * passport → UNTP (0.6.1, 0.7.0) → passport keeps every field UNTP and the carbon-passport UNTP
 * extension carry (all of the subject, the envelope but for credentialStatus and proof), over
 * variations of the examples; and the extension context stays in step with the passport context.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromUntpDpp, toUntpDpp } from '../../src/interop/index.js'
import { clone, type Example, validExamples } from '../helpers/examples.js'

// biome-ignore lint/suspicious/noExplicitAny: the tests read converted documents freely
type Doc = any

const examples = validExamples()
const decimal = fc
  .tuple(fc.nat({ max: 99_999 }), fc.option(fc.stringMatching(/^[0-9]{1,8}$/), { nil: undefined }))
  .map(([i, f]) => (f === undefined ? String(i) : `${i}.${f}`))

/** A variation of an example: other figures and names, optional fields dropped or added. */
const variation = fc
  .record({
    index: fc.nat({ max: examples.length - 1 }),
    pcf: decimal,
    share: fc.option(
      decimal.map((d) => (Number(d) > 100 ? '100' : d)),
      { nil: undefined },
    ),
    name: fc.string({ minLength: 1, maxLength: 40 }),
    dropSite: fc.boolean(),
    dropVerification: fc.boolean(),
    dropClassifications: fc.boolean(),
    credentialName: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }),
    boundary: fc.constantFrom(
      'cradle-to-gate',
      'cradle-to-grave',
      'gate-to-gate',
      'cradle-to-grave-excluding-use',
    ),
    periodStart: fc.constantFrom(
      '2025-01-01T00:00:00Z',
      '2025-01-01T06:30:00Z',
      '2024-02-29T00:00:00Z',
    ),
  })
  .map((v) => {
    const doc = clone((examples[v.index] as Example).doc) as Doc
    const s = doc.credentialSubject
    s.footprint.pcfExcludingBiogenicUptake = v.pcf
    if (v.share === undefined) delete s.footprint.primaryDataShare
    else s.footprint.primaryDataShare = v.share
    s.footprint.systemBoundary = v.boundary
    s.footprint.referencePeriodStart = v.periodStart
    s.product.name = v.name
    if (v.dropSite) delete s.product.manufacturingSite
    if (v.dropVerification) delete s.verification
    if (v.dropClassifications) delete s.product.classifications
    if (v.credentialName !== undefined) doc.name = v.credentialName
    return doc
  })

describe('passport → UNTP → passport', () => {
  for (const version of ['0.6.1', '0.7.0'] as const) {
    it(`keeps every carried field through UNTP ${version} (every example)`, () => {
      for (const example of examples) {
        const there = toUntpDpp(example.doc, { version })
        const back = fromUntpDpp(there.result)
        expect(back.losses.filter((l) => l.severity === 'error')).toEqual([])
        expect(back.result).toEqual(example.doc)
      }
    })

    it(`keeps every carried field through UNTP ${version} (variations)`, () => {
      fc.assert(
        fc.property(variation, (doc) => {
          const there = toUntpDpp(doc, { version })
          expect(there.result).toBeDefined()
          const back = fromUntpDpp(JSON.parse(JSON.stringify(there.result)))
          expect(back.result).toEqual(doc)
          // Reading our own output back loses nothing and fills in nothing.
          expect(back.losses.filter((l) => l.code !== 'VALUE_CHANGED')).toEqual([])
        }),
        { numRuns: 60 },
      )
    })
  }

  it('never throws on junk, whatever it is', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const a = fromUntpDpp(junk)
        const b = toUntpDpp(junk, { version: '0.7.0' })
        expect(Array.isArray(a.losses) && Array.isArray(b.losses)).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})

describe('contexts/untp-extension-v1.jsonld', () => {
  const read = (p: string) =>
    JSON.parse(readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8'))
  it('scopes carbonPassport with exactly the passport v1 context, every term protected', () => {
    const ext = read('contexts/untp-extension-v1.jsonld')['@context']
    // jsonld.js rewrites a scoped context given by URL in place, which the frozen bundled documents
    // forbid, so the v1 terms are inlined. When contexts/v1.jsonld changes, copy its `@context` into
    // `carbonPassport.@context` of contexts/untp-extension-v1.jsonld (then `biome format --write`).
    expect(ext.carbonPassport['@context']).toEqual(read('contexts/v1.jsonld')['@context'])
    expect(ext['@protected']).toBe(true)
    for (const [term, def] of Object.entries(ext)) {
      if (term.startsWith('@')) continue
      expect(
        (def as { '@id': string })['@id'].startsWith('https://w3id.org/carbon-passport/vocab#'),
      ).toBe(true)
    }
  })
})
