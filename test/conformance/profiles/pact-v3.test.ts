import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../../src/conformance/check.js'
import {
  isPactUrn,
  pactCompanyIds,
  pactProductIds,
} from '../../../src/conformance/profiles/pact-ids.js'
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

describe('pact-v3 ids: PACT URNs from passport data', () => {
  it('maps URNs, GS1 Digital Link GTINs and party GLNs, and the typed party ids', () => {
    expect(
      pactProductIds({
        identifiers: [
          'https://id.gs1.org/01/05901234567831/10/B7',
          'https://id.gs1.org/01/15901234567838',
          'urn:pact:sample.com:product-id:44055-9c05bc35-68f8',
          'https://example.com/products/42',
          'did:web:products.example',
          'https://id.gs1.org/01/05901234567831',
        ],
      }),
    ).toEqual([
      'urn:gtin:5901234567831',
      'urn:gtin:15901234567838',
      'urn:pact:sample.com:product-id:44055-9c05bc35-68f8',
    ])
    expect(
      pactCompanyIds({
        id: 'https://id.gs1.org/417/4000001000005',
        partyIds: {
          bpn: 'BPNL00000003AYRE',
          lei: '9845000CARBONPASSP07',
          uscc: '91350100M000100Y43',
          eori: 'SE5569981234',
          duns: '123456789',
          gln: '4000001000005',
        },
      }),
    ).toEqual([
      'urn:pact:gs1.org:gln:4000001000005',
      'urn:pact:gleif.org:lei:9845000CARBONPASSP07',
      'urn:pact:samr.gov.cn:uscc:91350100M000100Y43',
      'urn:pact:taxation-customs.ec.europa.eu:eori:SE5569981234',
      'urn:pact:dnb.com:duns:123456789',
      'urn:pact:catena-x.net:bpn:BPNL00000003AYRE',
    ])
    expect(pactCompanyIds({ id: 'URN:company:example:company1' })).toEqual([
      'URN:company:example:company1',
    ])
    expect(pactCompanyIds({ id: 'did:web:brackets.example' })).toEqual([])
    expect(pactCompanyIds({})).toEqual([])
    expect(pactProductIds({})).toEqual([])
  })

  it('derives URNs that match the PACT v3 Urn pattern', () => {
    const urns = [
      ...pactCompanyIds({ partyIds: { gln: '4000001000005', bpn: 'BPNS000000000001' } }),
      ...pactProductIds({ identifiers: ['https://id.gs1.org/01/09506000134352'] }),
    ]
    expect(urns).toHaveLength(3)
    for (const urn of urns) {
      expect(urn).toMatch(/^([uU][rR][nN]):/)
      expect(isPactUrn(urn)).toBe(true)
    }
    expect(isPactUrn('urn:x:1')).toBe(false) // a namespace id has at least 2 characters
    expect(isPactUrn('did:web:example.com')).toBe(false)
  })

  it('passes the fixture: a GTIN Digital Link and an LEI', () => {
    const p = passport()
    expect(checkConformance(p, profile).findings.map((f) => f.code)).not.toContain(
      'PACT_ID_NOT_URN',
    )
  })

  it('warns when the manufacturer is only a DID and the product has no URN or GTIN', () => {
    const p = passport()
    delete p.credentialSubject.product.manufacturer.partyIds
    p.credentialSubject.product.identifiers = ['https://example.com/products/bracket-200']
    const report = checkConformance(p, profile)
    expect(report.conforms).toBe(true)
    expect(report.status).toBe('warn')
    const ids = report.findings.filter((f) => f.code === 'PACT_ID_NOT_URN')
    expect(ids.map((f) => `${f.severity} ${f.path}`)).toEqual([
      'warning /credentialSubject/product/manufacturer/id',
      'warning /credentialSubject/product/identifiers',
    ])
    // A URN among the identifiers and a GLN among the party ids clear both.
    p.credentialSubject.product.identifiers.push('urn:pact:brackets.example:supplier-id:BR-200')
    p.credentialSubject.product.manufacturer.partyIds = { gln: '4000001000005' }
    expect(checkConformance(p, profile).findings.map((f) => f.code)).not.toContain(
      'PACT_ID_NOT_URN',
    )
  })

  it('leaves a missing manufacturer id to PACT_FIELD_REQUIRED; party ids alone suffice', () => {
    const p = passport()
    delete p.credentialSubject.product.manufacturer.id
    delete p.credentialSubject.product.manufacturer.partyIds
    expect(issues(checkConformance(p, profile))).toEqual([
      'PACT_FIELD_REQUIRED /credentialSubject/product/manufacturer/id',
    ])
  })

  it('is a pact-v3 rule only', () => {
    const p = passport()
    delete p.credentialSubject.product.manufacturer.partyIds
    expect(checkConformance(p).findings).toEqual([])
  })
})
