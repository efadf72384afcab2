import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromBatteryPass, toBatteryPass } from '../../src/interop/index.js'
import { clone, validExample } from '../helpers/examples.js'

const decimal = fc
  .tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 999999 }))
  .map(([i, f]) => (f === 0 ? String(i) : `${i}.${String(f).padStart(6, '0')}`.replace(/0+$/, '')))

describe('Battery Pass properties', () => {
  it('passport → Battery Pass → passport keeps the EU declaration values under random decimals and optional fields', () => {
    fc.assert(
      fc.property(
        decimal,
        fc.array(decimal, { minLength: 4, maxLength: 4 }),
        fc.option(fc.constantFrom('A', 'B', 'C')),
        fc.option(decimal),
        (total, stages, cls, absolute) => {
          const doc = clone(validExample('ess-cabinet-215kwh').doc)
          // biome-ignore lint/suspicious/noExplicitAny: example JSON
          const d = (doc as any).credentialSubject.battery.declarations[1]
          d.footprintPerFunctionalUnit = total
          // biome-ignore lint/suspicious/noExplicitAny: example JSON
          d.lifecycleStagesPerFunctionalUnit.forEach((s: any, i: number) => {
            s.emissions = stages[i]
          })
          if (cls === null) delete d.performanceClass
          else d.performanceClass = cls
          if (absolute === null) delete d.totalFootprint
          else d.totalFootprint = absolute
          const back = fromBatteryPass(toBatteryPass(doc).result).result?.credentialSubject?.battery
            ?.declarations?.[0]
          expect(back?.footprintPerFunctionalUnit).toBe(total)
          expect(back?.lifecycleStagesPerFunctionalUnit?.map((s) => s.emissions)).toEqual(stages)
          expect(back?.performanceClass).toBe(cls ?? undefined)
          expect(back?.totalFootprint).toBe(absolute ?? undefined)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('junk never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.json(), fc.uint8Array()),
        fc.anything(),
        (junk, other) => {
          const a = fromBatteryPass(junk, other)
          const b = toBatteryPass(junk)
          expect(Array.isArray(a.losses) && Array.isArray(b.losses)).toBe(true)
        },
      ),
      { numRuns: 300 },
    )
  })
})
