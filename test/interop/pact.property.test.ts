/** Property tests of the PACT converters: what PACT carries survives, junk never throws. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromPact, toPact } from '../../src/interop/index.js'
import { validExamples } from '../helpers/examples.js'

type Json = Record<string, unknown>
const OPTIONAL = [
  'biogenicCarbonContent',
  'packagingGhgEmissions',
  'primaryDataShare',
  'allocationRulesDescription',
  'dqi',
  'geographyCountry',
] as const
const decimal = fc.tuple(fc.nat({ max: 99999 }), fc.nat({ max: 9999 })).map(([a, b]) => `${a}.${b}`)

describe('PACT properties', () => {
  it('passport → PACT v3 → passport keeps every footprint field PACT carries', () => {
    const docs = validExamples().map((e) => e.doc)
    fc.assert(
      fc.property(
        fc.constantFrom(...docs),
        fc.subarray([...OPTIONAL]),
        decimal,
        (doc, drop, value) => {
          const d = structuredClone(doc) as Json
          const s = d.credentialSubject as Json
          const f = s.footprint as Json
          for (const k of drop) delete f[k]
          f.fossilCarbonContent = value
          const out = toPact(d, { version: '3.0' })
          const back = fromPact(out.result).result as unknown as {
            credentialSubject: { footprint: Json }
          }
          const g = back.credentialSubject.footprint
          for (const [k, v] of Object.entries(out.result?.pcf as Json))
            if (k !== 'verification') expect(g[k]).toEqual(v)
          expect(g.fossilCarbonContent).toBe(value)
        },
      ),
      { numRuns: 50 },
    )
  })
  it('junk never throws', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        expect(() => fromPact(junk)).not.toThrow()
        expect(() => toPact(junk, { version: '2.3' })).not.toThrow()
      }),
      { numRuns: 200 },
    )
  })
})
