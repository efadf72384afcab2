/**
 * Invariants of the battery declarations: the CRS throughput formula (equivalent full cycles
 * already hold depth of discharge) and the independence of the declarations' order.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../../src/conformance/check.js'
import { example } from '../helpers.js'

/** n / 10^scale as a Decimal string, in integers only. */
const fixed = (n: bigint, scale: number): string => {
  const unit = 10n ** BigInt(scale)
  const fraction = (n % unit).toString().padStart(scale, '0')
  return scale === 0 ? n.toString() : `${n / unit}.${fraction}`
}

const CRS = 'CRS_ENERGY_THROUGHPUT_INCONSISTENT'
const iec = { profiles: ['iec-63369-1'] as const }

describe('CRS energy throughput', () => {
  const rated = fc.bigInt({ min: 1n, max: 100_000_000n }) // hundredths of a kWh
  const efc = fc.bigInt({ min: 1n, max: 20_000n })
  it('rated energy × equivalent full cycles never warns', () => {
    fc.assert(
      fc.property(rated, efc, (r, n) => {
        const doc = example('ess-cabinet-215kwh')
        const b = doc.credentialSubject.battery
        b.ratedEnergy = fixed(r, 2)
        b.cumulatedRequestedService.equivalentFullCycles = n.toString()
        b.cumulatedRequestedService.energyThroughput = fixed(r * n, 2)
        const codes = checkConformance(doc, iec).findings.map((f) => f.code)
        expect(codes).not.toContain(CRS)
      }),
    )
  })

  it('multiplying by a depth of discharge below 99.9 % as well always warns', () => {
    fc.assert(
      fc.property(rated, efc, fc.bigInt({ min: 1n, max: 998n }), (r, n, dodPermille) => {
        const doc = example('ess-cabinet-215kwh')
        const b = doc.credentialSubject.battery
        b.ratedEnergy = fixed(r, 2)
        b.cumulatedRequestedService.depthOfDischarge = fixed(dodPermille, 1)
        b.cumulatedRequestedService.equivalentFullCycles = n.toString()
        b.cumulatedRequestedService.energyThroughput = fixed(r * n * dodPermille, 5)
        const codes = checkConformance(doc, iec).findings.map((f) => f.code)
        expect(codes).toContain(CRS)
      }),
    )
  })
})

describe('declarations', () => {
  it('the findings do not depend on the order of the declarations', () => {
    const codesOf = (order: number[], breakAt: number) => {
      const doc = example('ess-cabinet-215kwh')
      const list = doc.credentialSubject.battery.declarations
      list.push({ ...structuredClone(list[0]), framework: 'other-framework' })
      list[breakAt].totalFootprint = '1'
      doc.credentialSubject.battery.declarations = order.map((i) => list[i])
      const report = checkConformance(doc, {
        profiles: ['iec-63369-1', 'eu-battery-2023-1542'],
      })
      // The path names the index, so compare the codes and the frameworks they are about.
      return report.findings
        .map((f) => {
          const index = /\/declarations\/(\d+)/.exec(f.path)?.[1]
          const framework = index === undefined ? '' : list[order[Number(index)] ?? 0].framework
          return `${f.code} ${framework}`
        })
        .sort()
    }
    fc.assert(
      fc.property(
        fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 }),
        (order, breakAt) => {
          expect(codesOf(order, breakAt)).toEqual(codesOf([0, 1, 2], breakAt))
        },
      ),
    )
  })
})
