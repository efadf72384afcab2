/**
 * Properties of calculateFootprint on random records (fast-check): the result conforms under core
 * in an example's envelope and every sum holds exactly; scaling by producedAmount is quantity ×
 * amount ÷ produced, so doubling both gives the same lines; a record in a multiple of its factor's
 * unit (t against kgCO2e/kg, MWh against kgCO2e/kWh) gives the same line as the record in the
 * factor's unit.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../src/conformance/check.js'
import { STAGES_IN_BOUNDARY } from '../../src/conformance/rules/sums.js'
import {
  abs,
  add,
  compare,
  type Dec,
  mul,
  parseDecimal,
  sub,
  ZERO,
} from '../../src/decimal/core.js'
import { calculateFootprint } from '../../src/generate/calculate.js'
import type { CalculateResult } from '../../src/generate/calculate-types.js'
import { validExample } from '../helpers/examples.js'

// biome-ignore lint/suspicious/noExplicitAny: JSON fixtures
type Loose = any

const dec = (s: string): Dec => {
  const d = parseDecimal(s)
  if (!d) throw new Error(`not a Decimal: ${s}`)
  return d
}
const eq = (a: Dec, b: Dec): boolean =>
  a.int * 10n ** BigInt(b.scale) === b.int * 10n ** BigInt(a.scale)

/** A Decimal string from 0 to 9999.9999 (`scale` places at most). */
const decimal = (max = 99_999_999, scale = 4): fc.Arbitrary<string> =>
  fc.integer({ min: 0, max }).map((n) => {
    const s = String(n).padStart(scale + 1, '0')
    const text = `${s.slice(0, -scale)}.${s.slice(-scale)}`.replace(/\.?0+$/, '')
    return text === '' ? '0' : text
  })

/** A record unit and the factor unit it converts into. */
const UNIT_PAIRS: readonly [string, string][] = [
  ['KGM', 'KGM'],
  ['TNE', 'KGM'],
  ['GRM', 'KGM'],
  ['KWH', 'KWH'],
  ['MWH', 'KWH'],
  ['LTR', 'MTQ'],
  ['TKM', 'TKM'],
  ['H87', 'H87'],
]

const STAGES = [
  'raw-material-acquisition',
  'main-production',
  'distribution',
  'use',
  'end-of-life',
] as const

const factor = (value: string, unit: string, provenance = 'secondary') => ({
  value,
  unit: `kgCO2e/${unit}`,
  source: { name: 'fast-check' },
  provenance,
  geography: 'GLO',
  referenceYear: 2024,
})

const recordArb: fc.Arbitrary<Loose> = fc
  .record({
    stage: fc.constantFrom(...STAGES),
    scope: fc.constantFrom(1, 2, 3),
    category: fc.integer({ min: 1, max: 15 }),
    units: fc.constantFrom(...UNIT_PAIRS),
    quantity: decimal(),
    value: decimal(9_999_999, 4),
    credit: fc.boolean(),
    provenance: fc.constantFrom('primary', 'supplier-specific', 'secondary', 'proxy'),
  })
  .map((r) => ({
    activity: `random ${r.stage}`,
    activityType: 'material',
    quantity: r.quantity,
    unit: r.units[0],
    granularity: 'batch',
    period: { start: '2025-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
    temporalResolution: 'P1Y',
    lifecycleStage: r.stage,
    scope: r.scope,
    ...(r.scope === 3 ? { scope3Category: r.category } : {}),
    emissionFactor: factor(
      r.credit && r.value !== '0' ? `-${r.value}` : r.value,
      r.units[1],
      r.provenance,
    ),
    ...(r.credit ? { lineKind: 'credit', creditType: 'co-product-substitution' } : {}),
  }))

/** One large emission line, so that credits never take the PCF below zero. */
const BASE: Loose = {
  activity: 'base material',
  activityType: 'material',
  quantity: '100000000000000000000',
  unit: 'KGM',
  granularity: 'batch',
  period: { start: '2025-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
  temporalResolution: 'P1Y',
  lifecycleStage: 'raw-material-acquisition',
  scope: 3,
  scope3Category: 1,
  emissionFactor: factor('1', 'KGM'),
}

/** The cathode powder's envelope and descriptive footprint fields. */
const envelope: Loose = validExample('nmc811-cathode-powder').doc
const DESCRIPTIVE = (() => {
  const f = { ...envelope.credentialSubject.footprint }
  for (const k of [
    'pcfExcludingBiogenicUptake',
    'pcfIncludingBiogenicUptake',
    'fossilGhgEmissions',
    'lifecycleStages',
    'scopeBreakdown',
    'primaryDataShare',
  ]) {
    delete f[k]
  }
  return f
})()

const ok = (r: CalculateResult): Loose => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.subject
}

describe('calculateFootprint on random records', () => {
  it('conforms under core, and every sum holds exactly', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 25 }), (records) => {
        const out = ok(calculateFootprint({ ...DESCRIPTIVE, records: [BASE, ...records] }))
        const doc = structuredClone(envelope)
        doc.credentialSubject = { ...doc.credentialSubject, ...out }
        const errors = checkConformance(doc).findings.filter((f) => f.severity === 'error')
        expect(errors).toEqual([])
        const gate = new Set<string>(STAGES_IN_BOUNDARY['cradle-to-gate'])
        let pcf = ZERO
        let total = ZERO
        const byScope = new Map<string, Dec>()
        for (const line of out.activityData) {
          const e = dec(line.emissions)
          expect(eq(mul(dec(line.quantity), dec(line.emissionFactor.value)), e)).toBe(true)
          expect(line.emissionFactor.unit).toBe(`kgCO2e/${line.unit}`)
          total = add(total, e)
          if (!gate.has(line.lifecycleStage)) continue
          pcf = add(pcf, e)
          const key = line.scope === 3 ? `3/${line.scope3Category}` : String(line.scope)
          byScope.set(key, add(byScope.get(key) ?? ZERO, e))
        }
        const f = out.footprint
        expect(eq(dec(f.pcfExcludingBiogenicUptake), pcf)).toBe(true)
        expect(eq(dec(f.fossilGhgEmissions), pcf)).toBe(true)
        const stages = f.lifecycleStages.reduce(
          (s: Dec, x: Loose) => add(s, dec(x.emissions)),
          ZERO,
        )
        expect(eq(stages, pcf)).toBe(true)
        const scopes = [
          dec(f.scopeBreakdown.scope1),
          dec(f.scopeBreakdown.scope2),
          ...f.scopeBreakdown.scope3.map((c: Loose) => dec(c.emissions)),
        ].reduce(add, ZERO)
        expect(eq(scopes, pcf)).toBe(true)
        expect(eq(dec(f.scopeBreakdown.scope1), byScope.get('1') ?? ZERO)).toBe(true)
        for (const c of f.scopeBreakdown.scope3) {
          expect(eq(dec(c.emissions), byScope.get(`3/${c.category}`) ?? ZERO)).toBe(true)
        }
        if (out.lifeCycleTotals) {
          expect(eq(dec(out.lifeCycleTotals.totalFootprint), total)).toBe(true)
        } else {
          expect(eq(total, pcf)).toBe(true)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('scales by producedAmount: quantity × declaredUnitAmount ÷ producedAmount; doubling both changes nothing', () => {
    fc.assert(
      fc.property(
        recordArb,
        decimal(99_999, 2).filter((s) => s !== '0'),
        decimal(99_999, 3).filter((s) => s !== '0'),
        (generated, produced, amount) => {
          // In the factor's own unit, so that only the scaling changes the quantity.
          const unit = generated.emissionFactor.unit.slice('kgCO2e/'.length)
          const record = { ...generated, unit }
          const run = (q: string, p: string) =>
            ok(
              calculateFootprint({
                ...DESCRIPTIVE,
                declaredUnitAmount: amount,
                productMassPerDeclaredUnit: amount,
                records: [BASE, { ...record, quantity: q, producedAmount: p }],
              }),
            ).activityData[1]
          const once = run(record.quantity, produced)
          expect(run(formatSum(record.quantity), formatSum(produced))).toEqual(once)
          // |line quantity − quantity × amount ÷ produced| ≤ ½ × 10^-12, i.e.
          // |line quantity × produced − quantity × amount| × 2 × 10^12 ≤ produced.
          const diff = sub(
            mul(dec(once.quantity), dec(produced)),
            mul(dec(record.quantity), dec(amount)),
          )
          const lhs = mul(abs(diff), dec('2000000000000'))
          expect(compare(lhs, dec(produced))).toBeLessThanOrEqual(0)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('converts units both ways: a record in t against a factor per kg is the record in kg, and back', () => {
    const pairs: [string, string][] = [
      ['TNE', 'KGM'],
      ['MWH', 'KWH'],
      ['MTQ', 'LTR'],
      ['KGM', 'GRM'],
    ]
    fc.assert(
      fc.property(recordArb, fc.constantFrom(...pairs), decimal(), (record, [big, small], q) => {
        const line = (quantity: string, unit: string, per: string) =>
          ok(
            calculateFootprint({
              ...DESCRIPTIVE,
              records: [
                BASE,
                {
                  ...record,
                  quantity,
                  unit,
                  emissionFactor: { ...record.emissionFactor, unit: `kgCO2e/${per}` },
                },
              ],
            }),
          ).activityData[1]
        const thousandfold = formatPlain(mul(dec(q), dec('1000')))
        const thousandth = formatPlain(mul(dec(q), dec('0.001')))
        // q of the bigger unit against a factor per the smaller = 1000 q of the smaller.
        expect(line(q, big, small)).toEqual(line(thousandfold, small, small))
        // q of the smaller unit against a factor per the bigger = q ÷ 1000 of the bigger.
        expect(line(q, small, big)).toEqual(line(thousandth, big, big))
        for (const l of [line(q, big, small), line(q, small, big)]) {
          expect(eq(mul(dec(l.quantity), dec(l.emissionFactor.value)), dec(l.emissions))).toBe(true)
        }
      }),
      { numRuns: 200 },
    )
  })
})

/** `2 × s` as a Decimal string. */
function formatSum(s: string): string {
  return formatPlain(add(dec(s), dec(s)))
}

function formatPlain(d: Dec): string {
  const negative = d.int < 0n
  let digits = (negative ? -d.int : d.int).toString().padStart(d.scale + 1, '0')
  if (d.scale > 0)
    digits = `${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`.replace(/\.?0+$/, '')
  return negative ? `-${digits}` : digits
}
