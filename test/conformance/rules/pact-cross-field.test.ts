import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../../src/conformance/check.js'
import { fixturePassport } from '../fixture.js'
import { issues, type Loose } from '../helpers.js'

const passport = (): Loose => fixturePassport() as unknown as Loose

describe('PACT cross-field rules', () => {
  it('otherOperatorName if and only if the operator is Other', () => {
    const p = passport()
    const f = p.credentialSubject.footprint
    f.productOrSectorSpecificRules = [
      { operator: 'Other', ruleNames: ['A'], otherOperatorName: 'Rulebook Org' },
    ]
    expect(checkConformance(p).findings).toEqual([])
    f.productOrSectorSpecificRules = [
      { operator: 'PEF', ruleNames: ['PEFCR batteries'], otherOperatorName: 'Someone' },
    ]
    expect(issues(checkConformance(p))).toEqual([
      'OTHER_OPERATOR_NAME_MISMATCH /credentialSubject/footprint/productOrSectorSpecificRules/0/otherOperatorName',
    ])
  })

  it('allows the CCS fields when the flag is true and refuses each when it is false', () => {
    const p = passport()
    const f = p.credentialSubject.footprint
    f.ccsTechnologicalCO2CaptureIncluded = true
    f.technologicalCO2Removals = '0'
    f.ccsTechnologicalCO2Capture = '0'
    expect(checkConformance(p).findings).toEqual([])
    f.ccsTechnologicalCO2CaptureIncluded = false
    expect(issues(checkConformance(p))).toEqual([
      'CCS_FIELDS_WITHOUT_FLAG /credentialSubject/footprint/ccsTechnologicalCO2Capture',
      'CCS_FIELDS_WITHOUT_FLAG /credentialSubject/footprint/technologicalCO2Removals',
    ])
  })

  it('a passport may list other passports as preceding, not itself', () => {
    const p = passport()
    p.credentialSubject.precedingPassports = ['urn:uuid:00000000-0000-4000-8000-000000000001']
    expect(checkConformance(p).findings).toEqual([])
    p.credentialSubject.precedingPassports.push(p.id)
    expect(issues(checkConformance(p))).toEqual([
      'PASSPORT_PRECEDES_ITSELF /credentialSubject/precedingPassports/1',
    ])
  })
})
