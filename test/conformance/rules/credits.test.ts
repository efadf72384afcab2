/**
 * Credits, removals, end-of-life modelling, claims and the life-cycle totals beyond the gate: how a
 * credit line enters the sums (its stage, its scope, every total whose boundary holds its stage),
 * and a passing and a failing case of each rule.
 */
import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../../src/conformance/check.js'
import { fixturePassport } from '../fixture.js'
import { issues, type Loose } from '../helpers.js'

const passport = (): Loose => fixturePassport() as unknown as Loose
/** The fixture has four activity data lines; a line pushed by a test is at index 4. */
const both = { profiles: ['pact-v3'] as const }

/** A line like the fixture's transport line, with the fields given. */
function line(p: Loose, fields: Loose): Loose {
  return { ...structuredClone(p.credentialSubject.activityData[1]), ...fields }
}

/** A credit for production scrap sent to recycling: 0.5 kg × -0.6 kgCO2e/kg, main production. */
const scrapCredit = (p: Loose): Loose =>
  line(p, {
    activity: 'Extrusion scrap sent to remelting (avoided primary aluminium)',
    activityType: 'waste',
    quantity: '0.5',
    unit: 'KGM',
    lifecycleStage: 'main-production',
    scope3Category: 5,
    emissionFactor: {
      ...p.credentialSubject.activityData[1].emissionFactor,
      value: '-0.6',
      unit: 'kgCO2e/KGM',
    },
    emissions: '-0.3',
    lineKind: 'credit',
    creditType: 'recycling',
  })

describe('credit lines enter the sums like any other line', () => {
  it('a credit in main production lowers its stage, its scope 3 category and the PCF', () => {
    const p = passport()
    const f = p.credentialSubject.footprint
    f.endOfLifeModelling = 'avoided-burden'
    p.credentialSubject.activityData.push(scrapCredit(p))
    // Not yet in the sums: the lines add up to 9.2, the footprint says 9.5.
    expect(issues(checkConformance(p))).toEqual([
      'ACTIVITY_SUM_MISMATCH /credentialSubject/activityData',
    ])
    // The documented way: the credit enters its stage, its scope (category 5) and every total.
    f.pcfExcludingBiogenicUptake = '9.2'
    f.pcfIncludingBiogenicUptake = '9.2'
    f.fossilGhgEmissions = '9.2'
    f.lifecycleStages[1].emissions = '0.8'
    f.scopeBreakdown.scope3.push({ category: 5, emissions: '-0.3' })
    expect(issues(checkConformance(p, both))).toEqual([])
  })

  it('a credit beyond the gate enters lifeCycleTotals, not the cradle-to-gate footprint', () => {
    const p = passport()
    const s = p.credentialSubject
    s.footprint.endOfLifeModelling = 'circular-footprint-formula'
    s.footprint.circularFootprintFormula = {
      materialAllocationFactor: '0.2',
      recycledContentInput: '0',
      recyclingOutputRate: '0.9',
    }
    s.activityData.push(
      line(p, {
        activity: 'End of life: collection and remelting',
        activityType: 'end-of-life-treatment',
        quantity: '1',
        unit: 'KGM',
        lifecycleStage: 'end-of-life',
        scope3Category: 12,
        emissionFactor: { ...s.activityData[1].emissionFactor, value: '0.2', unit: 'kgCO2e/KGM' },
        emissions: '0.2',
      }),
      line(p, {
        ...scrapCredit(p),
        activity: 'CFF credit for recycled aluminium at end of life',
        lifecycleStage: 'end-of-life',
        scope3Category: 12,
        quantity: '1',
        emissions: '-0.6',
      }),
    )
    expect(issues(checkConformance(p))).toEqual([
      'ACTIVITY_OUTSIDE_BOUNDARY /credentialSubject/activityData/4/lifecycleStage',
      'ACTIVITY_OUTSIDE_BOUNDARY /credentialSubject/activityData/5/lifecycleStage',
    ])
    s.lifeCycleTotals = {
      systemBoundary: 'cradle-to-grave-excluding-use',
      totalFootprint: '9.1',
      lifecycleStages: [
        { stage: 'raw-material-acquisition', emissions: '8.4' },
        { stage: 'main-production', emissions: '1.1' },
        { stage: 'end-of-life', emissions: '-0.4' },
      ],
    }
    expect(issues(checkConformance(p, both))).toEqual([])
    s.lifeCycleTotals.lifecycleStages[2].emissions = '0.2' // the credit left out of its stage
    s.lifeCycleTotals.totalFootprint = '9.7'
    expect(issues(checkConformance(p))).toEqual([
      'LIFE_CYCLE_TOTALS_MISMATCH /credentialSubject/lifeCycleTotals/totalFootprint',
      'LIFE_CYCLE_TOTALS_MISMATCH /credentialSubject/lifeCycleTotals/lifecycleStages/2/emissions',
    ])
  })

  it('lifeCycleTotals holds the footprint’s boundary and repeats its gate stages', () => {
    const p = passport()
    p.credentialSubject.lifeCycleTotals = {
      systemBoundary: 'gate-to-gate',
      totalFootprint: '9.6',
      lifecycleStages: [
        { stage: 'raw-material-acquisition', emissions: '8.5' },
        { stage: 'main-production', emissions: '1.1' },
      ],
    }
    expect(issues(checkConformance(p))).toEqual([
      'LIFE_CYCLE_TOTALS_MISMATCH /credentialSubject/lifeCycleTotals/systemBoundary',
      'LIFE_CYCLE_TOTALS_MISMATCH /credentialSubject/lifeCycleTotals/totalFootprint',
      'LIFE_CYCLE_TOTALS_MISMATCH /credentialSubject/lifeCycleTotals/lifecycleStages/0/emissions',
    ])
  })
})

describe('line kinds and signs', () => {
  it('refuses negative emissions or factors on an emission line', () => {
    const p = passport()
    const credit = scrapCredit(p)
    delete credit.lineKind
    delete credit.creditType
    credit.emissions = '0'
    credit.scope3Category = 1
    p.credentialSubject.activityData.push(credit)
    expect(issues(checkConformance(p))).toEqual([
      'ACTIVITY_EMISSIONS_MISMATCH /credentialSubject/activityData/4/emissions',
      'LINE_SIGN_MISMATCH /credentialSubject/activityData/4/emissionFactor/value',
    ])
  })

  it('a credit names its credit type and a removal its removal type', () => {
    const p = passport()
    p.credentialSubject.footprint.endOfLifeModelling = 'avoided-burden'
    const credit = scrapCredit(p)
    delete credit.creditType
    credit.quantity = '0'
    credit.emissions = '0'
    credit.scope3Category = 1
    p.credentialSubject.activityData.push(credit)
    expect(issues(checkConformance(p))).toEqual([
      'LINE_KIND_TYPE_MISMATCH /credentialSubject/activityData/4/creditType',
    ])
    credit.creditType = 'recycling'
    expect(issues(checkConformance(p))).toEqual([])
  })

  it('refuses offsets and avoided emissions as lines; claims[] holds them outside every sum', () => {
    const p = passport()
    const offset = {
      ...scrapCredit(p),
      creditType: 'offset',
      quantity: '0',
      emissions: '0',
      scope3Category: 1,
    }
    p.credentialSubject.activityData.push(offset)
    expect(issues(checkConformance(p))).toEqual([
      'OFFSET_IN_FOOTPRINT /credentialSubject/activityData/4/creditType',
    ])
    p.credentialSubject.activityData.pop()
    p.credentialSubject.claims = [
      {
        claimType: 'carbon-offset',
        emissions: '9.5',
        claimEvidence: 'https://registry.example/retirements/42',
      },
      { claimType: 'avoided-emissions-claim', emissions: '3' },
    ]
    const report = checkConformance(p, both)
    expect(issues(report)).toEqual([])
    expect(p.credentialSubject.footprint.pcfExcludingBiogenicUptake).toBe('9.5')
  })
})

describe('end-of-life modelling', () => {
  it('cut-off gives no recycling credit', () => {
    const p = passport()
    p.credentialSubject.footprint.endOfLifeModelling = 'cut-off'
    p.credentialSubject.activityData.push({
      ...scrapCredit(p),
      quantity: '0',
      emissions: '0',
      scope3Category: 1,
    })
    expect(issues(checkConformance(p))).toEqual([
      'END_OF_LIFE_MODELLING_MISMATCH /credentialSubject/activityData/4/creditType',
    ])
  })

  it('the Circular Footprint Formula comes with its parameters, and only it', () => {
    const p = passport()
    const f = p.credentialSubject.footprint
    f.circularFootprintFormula = {
      materialAllocationFactor: '0.2',
      recycledContentInput: '0.3',
      recyclingOutputRate: '0.9',
    }
    expect(issues(checkConformance(p))).toEqual([
      'END_OF_LIFE_MODELLING_MISMATCH /credentialSubject/footprint/circularFootprintFormula',
    ])
    f.endOfLifeModelling = 'circular-footprint-formula'
    expect(issues(checkConformance(p))).toEqual([])
    f.circularFootprintFormula.recyclingOutputRate = '1.2'
    expect(issues(checkConformance(p))).toEqual([
      'VALUE_OUT_OF_RANGE /credentialSubject/footprint/circularFootprintFormula/recyclingOutputRate',
    ])
  })
})

describe('removal lines', () => {
  it('add up to ccsTechnologicalCO2Capture + technologicalCO2Removals', () => {
    const p = passport()
    const s = p.credentialSubject
    const f = s.footprint
    s.activityData.push(
      line(p, {
        activity: 'Captured process CO2, stored geologically',
        activityType: 'process',
        quantity: '0.1',
        unit: 'KGM',
        lifecycleStage: 'main-production',
        scope: 1,
        emissionFactor: { ...s.activityData[1].emissionFactor, value: '-1', unit: 'kgCO2e/KGM' },
        emissions: '-0.1',
        lineKind: 'removal',
        removalType: 'ccs-technological-capture',
      }),
    )
    delete s.activityData[4].scope3Category
    f.pcfExcludingBiogenicUptake = '9.4'
    f.pcfIncludingBiogenicUptake = '9.4'
    f.lifecycleStages[1].emissions = '1'
    f.scopeBreakdown.scope1 = '0.1'
    expect(issues(checkConformance(p))).toEqual([
      'REMOVALS_MISMATCH /credentialSubject/activityData',
    ])
    f.ccsTechnologicalCO2CaptureIncluded = true
    f.ccsTechnologicalCO2Capture = '-0.1'
    // PACT: pcfExcludingBiogenicUptake = fossil (9.5) + CCS (-0.1).
    expect(issues(checkConformance(p, both))).toEqual([])
  })
})
