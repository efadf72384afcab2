/**
 * calculateFootprint: every valid example is reproduced from its activity records (the lines
 * without their emissions, each with its factor inline), its descriptive footprint fields and its
 * battery declarations without their values, to the last digit; the computed subject, put back
 * into the example's envelope, conforms under core (and under the profiles the example is for);
 * and bad input gives findings with a pointer, never a throw.
 */
import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../src/conformance/check.js'
import type { ProfileId } from '../../src/conformance/profiles/ids.js'
import { calculateFootprint } from '../../src/generate/calculate.js'
import type { CalculateResult, FootprintInput } from '../../src/generate/calculate-types.js'
import { type Example, validExamples } from '../helpers/examples.js'

// biome-ignore lint/suspicious/noExplicitAny: example JSON
type Loose = any

const COMPUTED = [
  'pcfExcludingBiogenicUptake',
  'pcfIncludingBiogenicUptake',
  'fossilGhgEmissions',
  'lifecycleStages',
  'scopeBreakdown',
  'primaryDataShare',
  'packagingGhgEmissions',
  'aircraftGhgEmissions',
  'ccsTechnologicalCO2Capture',
  'technologicalCO2Removals',
]

const clone = <T>(v: T): T => structuredClone(v)

/** The input an example's passport is computed from. */
function inputOf(example: Example, all: readonly Example[]): FootprintInput {
  const subject: Loose = clone(example.doc.credentialSubject)
  const input: Loose = { ...subject.footprint }
  for (const key of COMPUTED) delete input[key]
  const lines: Loose[] = subject.activityData
  input.records = lines.map(({ emissions: _e, ...record }: Loose) => record)
  const indices = (test: (line: Loose) => boolean): number[] =>
    lines.flatMap((line, i) => (test(line) ? [i] : []))
  if (subject.footprint.packagingEmissionsIncluded === true) {
    input.packagingRecords = indices((l) => /^Packaging\b/.test(l.activity))
  }
  if (subject.footprint.aircraftGhgEmissions !== undefined) {
    input.aircraftRecords = indices((l) => /^Air freight\b/.test(l.activity))
  }
  const shares: Record<string, string> = {}
  for (const other of all) {
    const share = (other.doc.credentialSubject as Loose).footprint.primaryDataShare
    if (share !== undefined) shares[other.doc.id as string] = share
  }
  input.upstreamPrimaryDataShares = shares
  if (subject.lifeCycleTotals?.comment) input.lifeCycleComment = subject.lifeCycleTotals.comment
  if (subject.battery) {
    const battery = subject.battery
    if (battery.cumulatedRequestedService) delete battery.cumulatedRequestedService.energyThroughput
    for (const d of battery.declarations ?? []) {
      delete d.functionalUnit.quantity
      delete d.footprintPerFunctionalUnit
      delete d.lifecycleStagesPerFunctionalUnit
      delete d.totalFootprint
    }
    input.battery = battery
  }
  return input as FootprintInput
}

function computed(result: CalculateResult): Loose {
  if (!result.ok) throw new Error(`errors: ${JSON.stringify(result.errors, null, 1)}`)
  return result.subject
}

/** The profiles an example is meant for (as test/conformance/examples.test.ts). */
function profilesFor(doc: Loose): ProfileId[] {
  const profiles: ProfileId[] = ['pact-v3', 'iec-63782-digital-pcf']
  const frameworks = new Set(
    (doc.credentialSubject?.battery?.declarations ?? []).map((d: Loose) => d.framework),
  )
  if (frameworks.has('iec-63369-1')) profiles.push('iec-63369-1')
  if (frameworks.has('eu-2023-1542')) profiles.push('eu-battery-2023-1542')
  return profiles
}

describe('calculateFootprint reproduces every valid example', () => {
  const all = validExamples()
  const cases = all.map((e): [string, Example] => [e.file, e])

  it.each(cases)(
    '%s: lines, footprint, life-cycle totals and battery to the last digit',
    (_f, example) => {
      const subject: Loose = example.doc.credentialSubject
      const result = calculateFootprint(inputOf(example, all))
      const out = computed(result)
      expect(out.activityData).toEqual(subject.activityData)
      expect(out.footprint).toEqual(subject.footprint)
      expect(out.lifeCycleTotals).toEqual(subject.lifeCycleTotals)
      expect(out.battery).toEqual(subject.battery)
      // Every line has its factor inline and no record is scaled or converted: no notes but the
      // upstream shares, which are all given.
      expect(result.notes).toEqual([])
    },
  )

  it.each(cases)(
    '%s: the computed subject in the example envelope conforms under core',
    (_f, example) => {
      const out = computed(calculateFootprint(inputOf(example, all)))
      const doc: Loose = clone(example.doc)
      doc.credentialSubject = { ...doc.credentialSubject, ...out }
      expect(checkConformance(doc).findings.filter((f) => f.severity === 'error')).toEqual([])
      const profiles = profilesFor(doc)
      const own = checkConformance(example.doc, { profiles }).findings.map(
        (f) => `${f.code} ${f.path}`,
      )
      const mine = checkConformance(doc, { profiles }).findings.map((f) => `${f.code} ${f.path}`)
      expect(mine).toEqual(own)
    },
  )

  it('without the upstream shares, a line buying a passport counts as primary, with a warning', () => {
    const reader = all.find((e) => e.name === 'biometric-access-reader')
    if (!reader) return
    const input: Loose = inputOf(reader, all)
    input.upstreamPrimaryDataShares = {}
    const result = calculateFootprint(input)
    const out = computed(result)
    // (5.459003 + 0.4114 + 0.0816) ÷ 14.549179 = 40.91 %
    expect(out.footprint.primaryDataShare).toBe('40.9')
    expect(result.notes.map((n) => [n.code, n.severity, n.path])).toEqual([
      ['PRIMARY_DATA_SHARE_UNKNOWN', 'warning', '/records/0/upstreamPassport'],
    ])
  })
})

/** A small valid input: one gate line per scope, one line beyond the gate. */
function small(): Loose {
  const factor = (value: string, unit: string) => ({
    value,
    unit: `kgCO2e/${unit}`,
    source: { name: 'test' },
    provenance: 'secondary',
    geography: 'GLO',
    referenceYear: 2024,
  })
  const record = (over: Loose): Loose => ({
    activity: 'steel',
    activityType: 'material',
    quantity: '2',
    unit: 'KGM',
    granularity: 'batch',
    period: { start: '2025-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
    temporalResolution: 'P1Y',
    lifecycleStage: 'raw-material-acquisition',
    scope: 3,
    scope3Category: 1,
    emissionFactor: factor('1.85', 'KGM'),
    ...over,
  })
  return {
    declaredUnitOfMeasurement: 'piece',
    declaredUnitAmount: '1',
    productMassPerDeclaredUnit: '2',
    referencePeriodStart: '2025-01-01T00:00:00Z',
    referencePeriodEnd: '2026-01-01T00:00:00Z',
    fossilCarbonContent: '0',
    ipccCharacterizationFactors: ['AR6'],
    crossSectoralStandards: ['ISO14067'],
    exemptedEmissionsPercent: '0',
    records: [
      record({}),
      record({
        activity: 'grid',
        activityType: 'energy',
        quantity: '0.5',
        unit: 'MWH',
        lifecycleStage: 'main-production',
        scope: 2,
        scope3Category: undefined,
        emissionFactor: factor('0.4', 'KWH'),
      }),
      record({ lifecycleStage: 'end-of-life', scope3Category: 12, quantity: '2' }),
    ],
  }
}

describe('calculateFootprint: sums, scaling, conversion', () => {
  it('computes a small passport exactly, converting MWh into the factor’s kWh', () => {
    const result = calculateFootprint(small())
    const out = computed(result)
    expect(out.activityData[1]).toMatchObject({ quantity: '500', unit: 'KWH', emissions: '200' })
    expect(out.footprint).toMatchObject({
      pcfExcludingBiogenicUptake: '203.7',
      pcfIncludingBiogenicUptake: '203.7',
      fossilGhgEmissions: '203.7',
      systemBoundary: 'cradle-to-gate',
      lifecycleStages: [
        { stage: 'raw-material-acquisition', emissions: '3.7' },
        { stage: 'main-production', emissions: '200' },
      ],
      scopeBreakdown: { scope1: '0', scope2: '200', scope3: [{ category: 1, emissions: '3.7' }] },
      primaryDataShare: '98.2',
    })
    expect(out.lifeCycleTotals).toEqual({
      systemBoundary: 'cradle-to-grave-excluding-use',
      totalFootprint: '207.4',
      lifecycleStages: [
        { stage: 'raw-material-acquisition', emissions: '3.7' },
        { stage: 'main-production', emissions: '200' },
        { stage: 'end-of-life', emissions: '3.7' },
      ],
    })
    expect(result.notes.map((n) => [n.code, n.path])).toEqual([
      ['UNIT_CONVERTED', '/records/1/unit'],
    ])
  })

  it('scales a batch record to the declared unit, exactly, with a note', () => {
    const input = small()
    input.records[0].quantity = '954'
    input.records[0].producedAmount = '1000'
    const result = calculateFootprint(input)
    const out = computed(result)
    expect(out.activityData[0]).toMatchObject({ quantity: '0.954', emissions: '1.7649' })
    expect(out.activityData[0].producedAmount).toBeUndefined()
    expect(result.notes[0]).toMatchObject({
      code: 'RECORD_SCALED',
      path: '/records/0/quantity',
      severity: 'info',
    })
  })

  it('rounds a quotient without a finite decimal form half-even to 12 places, and says so', () => {
    const input = small()
    input.records[0].quantity = '1'
    input.records[0].producedAmount = '3'
    const result = calculateFootprint(input)
    expect(computed(result).activityData[0].quantity).toBe('0.333333333333')
    expect(result.notes[0]?.message).toContain('rounded half-even')
  })

  it('takes factors from a set, by id and by activity, geography and year, with a note for the pick', () => {
    const input = small()
    const entry = (id: string, geography: string, referenceYear: number, value: string) => ({
      ...input.records[1].emissionFactor,
      id,
      activity: 'grid-electricity',
      geography,
      referenceYear,
      value,
    })
    input.factors = {
      name: 'test factors',
      version: '1',
      factors: [
        entry('grid-cn-2023', 'CN', 2023, '0.5'),
        entry('grid-glo-2024', 'GLO', 2024, '0.4'),
      ],
    }
    delete input.records[1].emissionFactor
    input.records[1].factorActivity = 'grid-electricity'
    input.records[1].geography = 'CN'
    input.records[2].unit = 'KWH'
    input.records[2].scope = 2
    delete input.records[2].scope3Category
    input.records[2].lifecycleStage = 'main-production'
    delete input.records[2].emissionFactor
    input.records[2].factorId = 'grid-glo-2024'
    const result = calculateFootprint(input)
    const out = computed(result)
    expect(out.activityData[1]).toMatchObject({ quantity: '500', unit: 'KWH', emissions: '250' })
    expect(out.activityData[1].emissionFactor).not.toHaveProperty('id')
    expect(out.activityData[1].emissionFactor).toMatchObject({
      geography: 'CN',
      referenceYear: 2023,
    })
    expect(out.activityData[2]).toMatchObject({ emissions: '0.8' })
    expect(result.notes.map((n) => [n.code, n.path])).toEqual([
      ['FACTOR_SELECTED', '/records/1/factorActivity'],
      ['UNIT_CONVERTED', '/records/1/unit'],
    ])
  })

  it('computes the removal parts and takes them out of the fossil emissions', () => {
    const input = small()
    input.records.push({
      ...input.records[0],
      activity: 'CCS',
      lineKind: 'removal',
      removalType: 'ccs-technological-capture',
      emissionFactor: { ...input.records[0].emissionFactor, value: '-0.5' },
    })
    const out = computed(calculateFootprint(input))
    expect(out.footprint).toMatchObject({
      pcfExcludingBiogenicUptake: '202.7',
      fossilGhgEmissions: '203.7',
      ccsTechnologicalCO2Capture: '-1',
      ccsTechnologicalCO2CaptureIncluded: true,
    })
  })
})

describe('calculateFootprint: findings, never a throw', () => {
  const codes = (r: CalculateResult) => (r.ok ? [] : r.errors.map((f) => [f.code, f.path]))

  it('a missing factor', () => {
    const input = small()
    delete input.records[1].emissionFactor
    input.records[1].factorId = 'grid-2024'
    expect(codes(calculateFootprint(input))).toEqual([['FACTOR_NOT_FOUND', '/records/1/factorId']])
  })

  it('a missing factor in a set', () => {
    const input = small()
    delete input.records[1].emissionFactor
    input.records[1].factorId = 'grid-2024'
    input.factors = { name: 'set', version: '1', factors: [] }
    const r = calculateFootprint(input)
    expect(r.ok).toBe(false)
    expect(r.ok ? [] : r.errors.map((f) => f.code)).toEqual(['FACTOR_NOT_FOUND'])
    expect(r.ok ? '' : r.errors[0]?.path).toMatch(/^\/records\/1/)
  })

  it('an incompatible unit', () => {
    const input = small()
    input.records[1].unit = 'KGM'
    expect(codes(calculateFootprint(input))).toEqual([['UNIT_INCOMPATIBLE', '/records/1/unit']])
  })

  it('a negative quantity', () => {
    const input = small()
    input.records[2].quantity = '-2'
    expect(codes(calculateFootprint(input))).toEqual([['QUANTITY_INVALID', '/records/2/quantity']])
  })

  it('a quantity that is not a Decimal string', () => {
    const input = small()
    input.records[0].quantity = '1e3'
    input.records[1].quantity = 12
    expect(codes(calculateFootprint(input))).toEqual([
      ['QUANTITY_INVALID', '/records/0/quantity'],
      ['QUANTITY_INVALID', '/records/1/quantity'],
    ])
  })

  it('records that are not an array', () => {
    const input = small()
    input.records = { 0: input.records[0] }
    expect(codes(calculateFootprint(input))).toEqual([['GENERATION_INPUT_INVALID', '/records']])
  })

  it('a number where a Decimal string belongs', () => {
    const input = small()
    input.declaredUnitAmount = 1
    input.records[0].emissionFactor.value = 1.85
    expect(codes(calculateFootprint(input))).toEqual([
      ['GENERATION_INPUT_INVALID', '/declaredUnitAmount'],
      ['GENERATION_INPUT_INVALID', '/records/0/emissionFactor/value'],
    ])
  })

  it('10,001 records', () => {
    const input = small()
    input.records = Array.from({ length: 10_001 }, () => input.records[0])
    expect(codes(calculateFootprint(input))).toEqual([['GENERATION_INPUT_INVALID', '/records']])
  })

  it('a computed field in the input, an unknown field, a negative factor on an emission line', () => {
    const input = small()
    input.pcfExcludingBiogenicUptake = '1'
    input.pcfExcludingBiogenicUptak = '1'
    input.records[0].emissionFactor.value = '-1'
    expect(codes(calculateFootprint(input))).toEqual([
      ['GENERATION_INPUT_INVALID', '/pcfExcludingBiogenicUptake'],
      ['GENERATION_INPUT_INVALID', '/pcfExcludingBiogenicUptak'],
      ['GENERATION_INPUT_INVALID', '/records/0/emissionFactor/value'],
    ])
  })

  it('bounded findings: 1,000 unknown fields give at most 21', () => {
    const input = small()
    for (let i = 0; i < 1000; i++) input[`x${i}`] = i
    const r = calculateFootprint(input)
    expect(r.ok ? 0 : r.errors.length).toBe(21)
  })

  it('a functional-unit quantity that contradicts its formula', () => {
    const input = small()
    input.battery = {
      level: 'pack',
      category: 'industrial',
      chemistry: 'LFP',
      application: 'energy-storage',
      ratedEnergy: '10',
      cumulatedRequestedService: { equivalentFullCycles: '3000' },
      declarations: [
        {
          framework: 'iec-63369-1',
          systemBoundary: 'cradle-to-grave',
          functionalUnit: { kind: 'cumulated-requested-service', unit: 'KWH', quantity: '31000' },
        },
      ],
    }
    expect(codes(calculateFootprint(input))).toEqual([
      ['GENERATION_INPUT_INVALID', '/battery/declarations/0/functionalUnit/quantity'],
    ])
    input.battery.declarations[0].functionalUnit.quantity = '30000'
    const out = computed(calculateFootprint(input))
    expect(out.battery.cumulatedRequestedService.energyThroughput).toBe('30000')
    // 207.4 ÷ 30,000 = 0.00691333… → 0.006913
    expect(out.battery.declarations[0]).toMatchObject({
      totalFootprint: '207.4',
      footprintPerFunctionalUnit: '0.006913',
      functionalUnit: { quantity: '30000' },
    })
  })

  it('input that is not JSON data: a cycle, a throwing getter, a revoked Proxy, a BigInt', () => {
    const cyclic = small()
    cyclic.records[0].self = cyclic.records[0]
    const getter = small()
    Object.defineProperty(getter.records[1], 'quantity', {
      enumerable: true,
      get() {
        throw new Error('no')
      },
    })
    const { proxy, revoke } = Proxy.revocable(small(), {})
    revoke()
    const big = small()
    big.records[2].quantity = 10n
    for (const [input, path] of [
      [cyclic, '/records/0/self'],
      [getter, '/records/1/quantity'],
      [proxy, ''],
      [big, '/records/2/quantity'],
    ]) {
      const r = calculateFootprint(input)
      expect(r.ok ? [] : r.errors.map((f) => [f.code, f.path])).toEqual([
        ['GENERATION_INPUT_INVALID', path],
      ])
    }
  })

  it('a record that names no factor, or two', () => {
    const input = small()
    delete input.records[0].emissionFactor
    input.records[1].factorId = 'x'
    expect(codes(calculateFootprint(input))).toEqual([
      ['GENERATION_INPUT_INVALID', '/records/0'],
      ['GENERATION_INPUT_INVALID', '/records/1'],
    ])
  })

  it.each([
    ['null', null],
    ['a string', 'records'],
    ['an array', []],
    ['records of null', { ...small(), records: [null, 1, 'x'] }],
    ['a battery that is a string', { ...small(), battery: 'x' }],
    [
      'declarations that are not objects',
      { ...small(), battery: { ratedEnergy: '1', declarations: [1] } },
    ],
  ])('%s gives GENERATION_INPUT_INVALID', (_name, input) => {
    const r = calculateFootprint(input)
    expect(r.ok).toBe(false)
    expect(r.ok ? [] : r.errors.map((f) => f.code)).toContain('GENERATION_INPUT_INVALID')
  })
})
