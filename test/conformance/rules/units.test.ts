import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../../src/conformance/check.js'
import { fixturePassport } from '../fixture.js'
import { issues, type Loose } from '../helpers.js'

const passport = (): Loose => fixturePassport() as unknown as Loose

describe('units and emission factors', () => {
  it('accepts UCUM spellings of the activity unit and the factor unit as the same unit', () => {
    const p = passport()
    p.credentialSubject.activityData[0].unit = 'kg'
    p.credentialSubject.activityData[1].emissionFactor.unit = 'kgCO2e/t.km'
    p.credentialSubject.activityData[3].unit = 'kW.h'
    expect(checkConformance(p).findings).toEqual([])
  })

  it('reports unknown units with a suggestion, and skips the product check for them', () => {
    const p = passport()
    p.credentialSubject.activityData[3].unit = 'kWh'
    const report = checkConformance(p)
    expect(issues(report)).toEqual(['UNIT_UNKNOWN /credentialSubject/activityData/3/unit'])
    expect(report.findings[0]?.message).toContain('KWH')
  })

  it('reports a factor in another unit of the same dimension as a unit mismatch', () => {
    const p = passport()
    p.credentialSubject.activityData[3].emissionFactor.unit = 'kgCO2e/MWH'
    expect(issues(checkConformance(p))).toEqual([
      'EMISSION_FACTOR_UNIT_MISMATCH /credentialSubject/activityData/3/emissionFactor/unit',
    ])
  })

  it('checks emissions = quantity × factor and gives expected and actual', () => {
    const p = passport()
    p.credentialSubject.activityData[3].emissionFactor.value = '0.4'
    const report = checkConformance(p)
    expect(issues(report)).toEqual([
      'ACTIVITY_EMISSIONS_MISMATCH /credentialSubject/activityData/3/emissions',
    ])
    expect(report.findings[0]).toMatchObject({ expected: '1', actual: '0.9' })
  })
})
