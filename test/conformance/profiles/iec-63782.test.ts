import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../../src/conformance/check.js'
import { example, issues } from '../helpers.js'

const profile = { profiles: ['iec-63782-digital-pcf'] as const }
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('iec-63782-digital-pcf', () => {
  it('accepts primary data without a source version', () => {
    const doc = example('pcba-access-controller')
    const ef = doc.credentialSubject.activityData[2].emissionFactor
    delete ef.source.version
    ef.provenance = 'primary'
    expect(checkConformance(doc, profile).findings).toEqual([])
  })

  it('warns when the resolvable product identifiers are not GS1 Digital Link URIs', () => {
    const doc = example('pcba-access-controller')
    doc.credentialSubject.id = 'https://pcba.example/products/SA-MC7/PC-2512-0418'
    doc.credentialSubject.product.identifiers = ['https://pcba.example/products/SA-MC7']
    const report = checkConformance(doc, profile)
    expect(report.status).toBe('warn')
    expect(issues(report)).toEqual(['PRODUCT_IDENTIFIER_NOT_GS1 /credentialSubject/id'])
  })

  it('asks a bare subject for a versioned passport', () => {
    const doc = example('pcba-access-controller')
    expect(issues(checkConformance(doc.credentialSubject, profile))).toEqual([
      'PASSPORT_NOT_VERSIONED ',
    ])
  })

  it('accepts a signed vc+jwt and refuses one with an empty signature', () => {
    const doc = example('pcba-access-controller')
    const head = b64({ alg: 'EdDSA', typ: 'vc+jwt' })
    expect(checkConformance(`${head}.${b64(doc)}.c2ln`, profile).findings).toEqual([])
    expect(issues(checkConformance(`${head}.${b64(doc)}.`, profile))).toEqual([
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
    expect(checkConformance(doc, profile).findings).toEqual([])
  })
})
