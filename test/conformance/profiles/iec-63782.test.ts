import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../../src/conformance/check.js'
import type { ConformanceReport } from '../../../src/results.js'
import { example, issues } from '../helpers.js'

const profile = { profiles: ['iec-63782-digital-pcf'] as const }

/**
 * The warnings on the PCBA's honest factor metadata (its MEE/NBS grid factor covers CO2 only, its
 * DEFRA freight factors are tank-to-wheel); the older tests below look past them.
 */
const METADATA = new Set(['EMISSION_FACTOR_CO2_ONLY', 'TRANSPORT_FACTOR_NOT_WELL_TO_WHEEL'])
const others = (report: ConformanceReport) => report.findings.filter((f) => !METADATA.has(f.code))
const otherIssues = (report: ConformanceReport) =>
  issues(report).filter((i) => !METADATA.has(i.split(' ')[0] ?? ''))
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('iec-63782-digital-pcf', () => {
  it('accepts primary data without a source version', () => {
    const doc = example('pcba-access-controller')
    const ef = doc.credentialSubject.activityData[2].emissionFactor
    delete ef.source.version
    ef.provenance = 'primary'
    expect(others(checkConformance(doc, profile))).toEqual([])
  })

  it('warns when the resolvable product identifiers are not GS1 Digital Link URIs', () => {
    const doc = example('pcba-access-controller')
    doc.credentialSubject.id = 'https://pcba.example/products/SA-MC7/PC-2512-0418'
    doc.credentialSubject.product.identifiers = ['https://pcba.example/products/SA-MC7']
    const report = checkConformance(doc, profile)
    expect(report.status).toBe('warn')
    expect(otherIssues(report)).toEqual(['PRODUCT_IDENTIFIER_NOT_GS1 /credentialSubject/id'])
  })

  it('asks a bare subject for a versioned passport', () => {
    const doc = example('pcba-access-controller')
    expect(otherIssues(checkConformance(doc.credentialSubject, profile))).toEqual([
      'PASSPORT_NOT_VERSIONED ',
    ])
  })

  it('accepts a signed vc+jwt and refuses one with an empty signature', () => {
    const doc = example('pcba-access-controller')
    const head = b64({ alg: 'EdDSA', typ: 'vc+jwt' })
    expect(others(checkConformance(`${head}.${b64(doc)}.c2ln`, profile))).toEqual([])
    expect(otherIssues(checkConformance(`${head}.${b64(doc)}.`, profile))).toEqual([
      'PASSPORT_NOT_SIGNED ',
    ])
  })

  it('accepts a Data Integrity proof with a proofValue', () => {
    const doc = example('pcba-access-controller')
    doc.proof = {
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      verificationMethod: `${doc.issuer.id}#key-1`,
      proofPurpose: 'assertionMethod',
      proofValue: 'z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKKaC',
    }
    expect(others(checkConformance(doc, profile))).toEqual([])
  })

  it('warns on each factor that covers CO2 only, and on each transport factor that is not well-to-wheel', () => {
    const doc = example('pcba-access-controller')
    expect(issues(checkConformance(doc, profile))).toEqual([
      'EMISSION_FACTOR_CO2_ONLY /credentialSubject/activityData/7/emissionFactor/gasesCovered',
      'TRANSPORT_FACTOR_NOT_WELL_TO_WHEEL /credentialSubject/activityData/5/emissionFactor/lifeCycleScope',
      'TRANSPORT_FACTOR_NOT_WELL_TO_WHEEL /credentialSubject/activityData/6/emissionFactor/lifeCycleScope',
    ])
    const lines = doc.credentialSubject.activityData
    lines[7].emissionFactor.gasesCovered = 'CO2e'
    lines[5].emissionFactor.lifeCycleScope = 'well-to-wheel'
    delete lines[6].emissionFactor.lifeCycleScope
    const report = checkConformance(doc, profile)
    expect(issues(report)).toEqual([
      'TRANSPORT_FACTOR_NOT_WELL_TO_WHEEL /credentialSubject/activityData/6/emissionFactor/lifeCycleScope',
    ])
    expect(report.findings[0]?.message).toContain('not stated')
    lines[6].emissionFactor.lifeCycleScope = 'well-to-wheel'
    expect(checkConformance(doc, profile).findings).toEqual([])
  })

  it('leaves factor metadata to this profile: core reports neither warning', () => {
    const doc = example('pcba-access-controller')
    expect(checkConformance(doc).findings).toEqual([])
  })

  it('requires activity data lines; a summary passport conforms under core only', () => {
    const doc = example('pcba-access-controller')
    delete doc.credentialSubject.activityData
    expect(checkConformance(doc).findings).toEqual([])
    expect(otherIssues(checkConformance(doc, profile))).toEqual([
      'ACTIVITY_DATA_MISSING /credentialSubject/activityData',
    ])
  })
})
