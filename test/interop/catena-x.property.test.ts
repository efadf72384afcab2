import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  fromCatenaX,
  fromCatenaXBatteryComponentPcf,
  fromCatenaXBatteryPass,
  toCatenaX,
} from '../../src/interop/index.js'
import { clone, validExample } from '../helpers/examples.js'
import { expectCarried } from './catena-x-carried.js'

const decimal = fc
  .tuple(fc.integer({ min: 0, max: 9999999 }), fc.integer({ min: 0, max: 9999 }))
  .map(([i, f]) => (f === 0 ? String(i) : `${i}.${String(f).padStart(4, '0')}`.replace(/0+$/, '')))
const NAMES = [
  'lfp-cell-280ah',
  'ess-cabinet-215kwh',
  'ups-battery-module',
  'ev-nmc-pack',
  'forklift-lfp-pack',
]

describe('Catena-X properties', () => {
  it('passport → io.catenax.pcf → passport keeps the carried fields under random decimals and optional fields', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAMES),
        fc.constantFrom('9.0.0', '10.0.0') as fc.Arbitrary<'9.0.0' | '10.0.0'>,
        decimal,
        decimal,
        fc.option(decimal),
        fc.boolean(),
        (name, version, pcf, fossil, aircraft, dropOptional) => {
          const doc = clone(validExample(name).doc)
          // biome-ignore lint/suspicious/noExplicitAny: example JSON
          const fp = (doc as any).credentialSubject.footprint
          fp.pcfExcludingBiogenicUptake = pcf
          fp.fossilCarbonContent = fossil
          if (aircraft !== null) fp.aircraftGhgEmissions = aircraft
          if (dropOptional) {
            delete fp.dqi
            delete fp.allocationRulesDescription
            delete fp.secondaryEmissionFactorSources
          }
          const back = fromCatenaX(toCatenaX(doc, { version }).result)
          expectCarried(doc, back.result, version)
        },
      ),
      { numRuns: 150 },
    )
  })

  it('junk never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.json(), fc.uint8Array()), (junk) => {
        for (const r of [
          fromCatenaX(junk),
          fromCatenaXBatteryPass(junk),
          fromCatenaXBatteryComponentPcf(junk),
          toCatenaX(junk, { version: '10.0.0' }),
        ]) {
          expect(Array.isArray(r.losses)).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })
})
