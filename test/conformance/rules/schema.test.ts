import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../../src/conformance/check.js'
import { fixturePassport } from '../fixture.js'
import { issues, type Loose } from '../helpers.js'

const passport = (): Loose => fixturePassport() as unknown as Loose

describe('schema layer', () => {
  it('points at the missing field itself, escaping the pointer', () => {
    const p = passport()
    delete p.credentialSubject.footprint.scopeBreakdown.scope1
    delete p.validFrom
    expect(issues(checkConformance(p))).toEqual([
      'FIELD_REQUIRED /validFrom',
      'FIELD_REQUIRED /credentialSubject/footprint/scopeBreakdown/scope1',
    ])
    const q = passport()
    q.credentialSubject.product['a/b~c'] = 1
    expect(issues(checkConformance(q))).toEqual([
      'UNKNOWN_PROPERTY /credentialSubject/product/a~1b~0c',
    ])
  })

  it('collapses oneOf branches into one finding', () => {
    const p = passport()
    p.issuer = 42
    expect(issues(checkConformance(p))).toEqual(['TYPE_MISMATCH /issuer'])
    p.issuer = 'not an iri'
    expect(issues(checkConformance(p))).toEqual(['FORMAT_INVALID /issuer'])
    p.issuer = { name: 'No id' }
    expect(issues(checkConformance(p))).toEqual(['FIELD_REQUIRED /issuer/id'])
  })

  it('reports a missing credential type value once, not per item', () => {
    const p = passport()
    p.type = ['VerifiableCredential', 'SomethingElse']
    const report = checkConformance(p)
    expect(issues(report)).toEqual(['ARRAY_VALUE_MISSING /type'])
    expect(report.findings[0]?.expected).toBe('CarbonPassportCredential')
  })

  it('tells a malformed Decimal from a wrong sign and from a value out of range', () => {
    const p = passport()
    const f = p.credentialSubject.footprint
    f.fossilCarbonContent = '12,5'
    f.biogenicCO2Uptake = '3'
    f.declaredUnitAmount = '0'
    f.exemptedEmissionsPercent = '100.5'
    f.dqi = { technologicalDQR: '6', geographicalDQR: '1', temporalDQR: '2' }
    expect(issues(checkConformance(p)).sort()).toEqual([
      'DECIMAL_INVALID /credentialSubject/footprint/fossilCarbonContent',
      'DECIMAL_SIGN_INVALID /credentialSubject/footprint/biogenicCO2Uptake',
      'DECIMAL_SIGN_INVALID /credentialSubject/footprint/declaredUnitAmount',
      'VALUE_OUT_OF_RANGE /credentialSubject/footprint/dqi/technologicalDQR',
      'VALUE_OUT_OF_RANGE /credentialSubject/footprint/exemptedEmissionsPercent',
    ])
  })

  it('maps enum, const, minimum and format keywords to their codes', () => {
    const p = passport()
    p.credentialSubject.activityData[0].scope = 4
    p.credentialSubject.activityData[0].emissionFactor.referenceYear = 1980
    p.credentialSubject.activityData[1].temporalResolution = 'monthly'
    p['@context'] = ['https://www.w3.org/ns/credentials/v2']
    expect(issues(checkConformance(p)).sort()).toEqual([
      'CONST_MISMATCH /@context',
      'ENUM_MISMATCH /credentialSubject/activityData/0/scope',
      'FORMAT_INVALID /credentialSubject/activityData/1/temporalResolution',
      'VALUE_OUT_OF_RANGE /credentialSubject/activityData/0/emissionFactor/referenceYear',
    ])
  })
})
