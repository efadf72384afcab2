import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../../src/conformance/check.js'
import { fixturePassport } from '../fixture.js'
import { issues, type Loose } from '../helpers.js'

const profile = { profiles: ['pact-v3'] as const }
const passport = (): Loose => fixturePassport() as unknown as Loose

describe('pact-v3', () => {
  it('requires the SHALL fields', () => {
    const p = passport()
    delete p.credentialSubject.footprint.ccsTechnologicalCO2CaptureIncluded
    delete p.credentialSubject.product.manufacturer.id
    expect(issues(checkConformance(p, profile))).toEqual([
      'PACT_FIELD_REQUIRED /credentialSubject/footprint/ccsTechnologicalCO2CaptureIncluded',
      'PACT_FIELD_REQUIRED /credentialSubject/product/manufacturer/id',
    ])
  })

  it('requires dqi for reference periods reaching into 2027, and recommends it before', () => {
    const p = passport()
    const before = checkConformance(p, profile).findings.filter((f) => f.path.endsWith('/dqi'))
    expect(before.map((f) => `${f.severity} ${f.code}`)).toEqual(['info PACT_FIELD_RECOMMENDED'])
    p.credentialSubject.footprint.referencePeriodStart = '2026-06-01T00:00:00Z'
    p.credentialSubject.footprint.referencePeriodEnd = '2027-06-01T00:00:00Z'
    p.validFrom = '2027-07-01T00:00:00Z'
    delete p.validUntil
    for (const line of p.credentialSubject.activityData) {
      line.period = { start: '2026-06-01T00:00:00Z', end: '2027-06-01T00:00:00Z' }
    }
    expect(issues(checkConformance(p, profile))).toEqual([
      'PACT_FIELD_REQUIRED /credentialSubject/footprint/dqi',
    ])
  })

  it('warns on exempted emissions above 5 % and validity beyond 3 years', () => {
    const p = passport()
    p.credentialSubject.footprint.exemptedEmissionsPercent = '6'
    p.validUntil = '2030-01-01T00:00:00Z'
    const report = checkConformance(p, profile)
    expect(report.conforms).toBe(true)
    expect(issues(report)).toEqual([
      'PACT_EXEMPTED_EMISSIONS_ABOVE_LIMIT /credentialSubject/footprint/exemptedEmissionsPercent',
      'PACT_VALIDITY_TOO_LONG /validUntil',
    ])
  })

  it('requires zero mass for energy declared units and includes biogenic uptake in the total', () => {
    const p = passport()
    p.credentialSubject.footprint.declaredUnitOfMeasurement = 'kilowatt hour'
    p.credentialSubject.footprint.biogenicCO2Uptake = '-0.5'
    // x-rule BIO: with biogenic uptake, the BIO fields are given (0 where not applicable).
    Object.assign(p.credentialSubject.footprint, {
      biogenicCarbonContent: '0',
      landUseChangeGhgEmissions: '0',
      biogenicNonCO2Emissions: '0',
    })
    expect(issues(checkConformance(p, profile))).toEqual([
      'PACT_PRODUCT_MASS_INCONSISTENT /credentialSubject/footprint/productMassPerDeclaredUnit',
      'PACT_PCF_INCLUDING_BIOGENIC_MISMATCH /credentialSubject/footprint/pcfIncludingBiogenicUptake',
    ])
  })

  it('requires the BIO fields once biogenic carbon applies, and BIO-2027 ones from 2027', () => {
    const p = passport()
    const f = p.credentialSubject.footprint
    expect(issues(checkConformance(p, profile))).toEqual([]) // no biogenic carbon: nothing required
    f.biogenicCO2Uptake = '-0.5'
    f.pcfIncludingBiogenicUptake = '9'
    expect(issues(checkConformance(p, profile))).toEqual([
      'PACT_BIO_FIELD_REQUIRED /credentialSubject/footprint/biogenicCarbonContent',
      'PACT_BIO_FIELD_REQUIRED /credentialSubject/footprint/landUseChangeGhgEmissions',
      'PACT_BIO_FIELD_REQUIRED /credentialSubject/footprint/biogenicNonCO2Emissions',
    ])
    Object.assign(f, {
      biogenicCarbonContent: '0.14',
      landUseChangeGhgEmissions: '0',
      biogenicNonCO2Emissions: '0',
    })
    expect(issues(checkConformance(p, profile))).toEqual([])
  })

  it('checks the PCF against its components (fossil, biogenic, removals), with tolerance', () => {
    const p = passport()
    const f = p.credentialSubject.footprint
    f.fossilGhgEmissions = '9.5001' // within 0.1 %
    expect(issues(checkConformance(p, profile))).toEqual([])
    f.fossilGhgEmissions = '9'
    expect(issues(checkConformance(p, profile))).toEqual([
      'PACT_PCF_COMPONENTS_MISMATCH /credentialSubject/footprint/pcfExcludingBiogenicUptake',
    ])
    f.landUseChangeGhgEmissions = '0.5' // fossil + LUC = 9.5 again (BIO fields then apply)
    f.biogenicCarbonContent = '0'
    f.biogenicNonCO2Emissions = '0'
    f.biogenicCO2Uptake = '0'
    expect(issues(checkConformance(p, profile))).toEqual([])
  })

  it('fails a cradle-to-grave footprint block: PACT footprints are cradle-to-gate', () => {
    const p = passport()
    const f = p.credentialSubject.footprint
    f.systemBoundary = 'cradle-to-grave'
    expect(issues(checkConformance(p, profile))).toEqual([
      'PACT_BOUNDARY_NOT_CRADLE_TO_GATE /credentialSubject/footprint/systemBoundary',
    ])
    f.systemBoundary = 'cradle-to-gate'
    f.lifecycleStages.push({ stage: 'use', emissions: '0' })
    expect(issues(checkConformance(p, profile))).toEqual([
      'PACT_BOUNDARY_NOT_CRADLE_TO_GATE /credentialSubject/footprint/lifecycleStages/2/stage',
    ])
  })
})
