/**
 * verifyPassport reports each problem once: the `schema` check carries the schema layer of the
 * conformance report, the `conformance` check the rest, and `result.conformance` is the report
 * `checkConformance` gives for the credential.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { checkConformance } from '../../src/conformance/check.js'
import { issueCredential } from '../../src/credential/issue.js'
import { verifyPassport } from '../../src/passport/verify.js'
import type { VerificationResult } from '../../src/results.js'
import { DEFAULT_MAX_SCHEMA_ERRORS } from '../../src/schema/registry.js'
import { issuerOf, NOW } from '../credential/fixtures.js'
import { clone, exampleDidDocuments, exampleKey, validExample } from '../helpers/examples.js'

type Json = Record<string, unknown>
// biome-ignore lint/suspicious/noExplicitAny: tests edit arbitrary JSON
type Loose = Record<string, any>

const example = validExample('lfp-cell-280ah').doc as Json
const key = exampleKey(issuerOf(example))
const options = { didDocuments: exampleDidDocuments(), now: NOW }
const created = new Date(String(example.validFrom))

/** The example without `product.name`, a field the schema requires and no rule reads. */
const withoutName = (): Loose => {
  const doc = clone(example) as Loose
  delete doc.credentialSubject.product.name
  return doc
}
const signed = (doc: object) => issueCredential(doc, { key, created })
const jwt = (doc: object) => issueCredential(doc, { key, created, format: 'vc-jose' })
const check = (r: VerificationResult, id: string) => r.checks.find((c) => c.id === id)
const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code)

const MISSING = {
  code: 'FIELD_REQUIRED',
  path: '/credentialSubject/product/name',
  severity: 'error',
}

describe('verifyPassport: each problem once', () => {
  let missing: Loose
  let result: VerificationResult

  beforeAll(async () => {
    missing = await signed(withoutName())
    result = await verifyPassport(missing, options)
  })

  test('a missing required field is one error, FIELD_REQUIRED at the field, in the schema check', () => {
    expect(result.verified).toBe(false)
    expect(result.errors).toEqual([expect.objectContaining(MISSING)])
    expect(check(result, 'schema')).toMatchObject({ status: 'fail', findings: [MISSING] })
    expect(check(result, 'conformance')).toMatchObject({ status: 'pass', findings: [] })
    expect(check(result, 'proof')?.status).toBe('pass')
  })

  test('a field VC 2.0 requires is one error too: FIELD_MISSING from syntax, not again from the schema', async () => {
    // Unsigned (an issuer-less credential cannot be signed), so the proof check fails as well.
    const { issuer: _issuer, ...noIssuer } = clone(example) as Loose
    const r = await verifyPassport(noIssuer, options)
    expect(r.errors.filter((f) => f.path === '/issuer')).toEqual([
      expect.objectContaining({ code: 'FIELD_MISSING', path: '/issuer' }),
    ])
    // The conformance report, which has no syntax check, still says it.
    expect(r.conformance?.findings).toContainEqual(
      expect.objectContaining({ code: 'FIELD_REQUIRED', path: '/issuer' }),
    )
  })

  test('result.conformance is the report checkConformance gives for the credential', () => {
    expect(result.conformance).toEqual(checkConformance(missing))
    expect(result.conformance?.findings).toEqual([expect.objectContaining(MISSING)])
  })

  test('the same for a vc+jwt', async () => {
    const r = await verifyPassport(await jwt(withoutName()), options)
    expect(r.errors).toEqual([expect.objectContaining(MISSING)])
  })

  test('with the schema check skipped, the conformance check carries the whole report', async () => {
    const r = await verifyPassport(missing, { ...options, skipChecks: ['schema'] })
    expect(check(r, 'schema')?.status).toBe('skip')
    expect(check(r, 'conformance')?.findings).toEqual([expect.objectContaining(MISSING)])
    expect(r.errors).toHaveLength(1)
  })

  test('with conformance skipped or failing to run, the schema check validates on its own', async () => {
    const skipped = await verifyPassport(missing, { ...options, skipChecks: ['conformance'] })
    expect(skipped.errors).toEqual([expect.objectContaining(MISSING)])
    expect(skipped.conformance).toBeUndefined()
    // An unknown profile makes checkConformance throw: CONFORMANCE_UNAVAILABLE, schema still reported.
    const unavailable = await verifyPassport(missing, {
      ...options,
      profiles: ['no-such-profile' as 'core'],
    })
    expect(codes(unavailable.errors)).toEqual(['FIELD_REQUIRED', 'CONFORMANCE_UNAVAILABLE'])
  })

  test('a list past its maxItems: one ARRAY_TOO_LONG, and the rules do not run', async () => {
    const doc = clone(example) as Loose
    const footprint = doc.credentialSubject.footprint
    footprint.crossSectoralStandards = Array.from({ length: 1001 }, (_, i) => `S${i}`)
    footprint.pcfExcludingBiogenicUptake = '1' // would fail the sums, were the rules run
    const r = await verifyPassport(await jwt(doc), options)
    expect(codes(r.errors)).toEqual(['ARRAY_TOO_LONG'])
    expect(check(r, 'conformance')).toMatchObject({ status: 'pass', findings: [] })
    expect(codes(r.conformance?.findings ?? [])).toEqual(['ARRAY_TOO_LONG'])
  })

  test('past the findings cap the schema check stops with FINDINGS_TRUNCATED, the rules not run', async () => {
    const doc = clone(example) as Loose
    doc.credentialSubject.activityData = Array.from({ length: 500 }, () => ({}))
    const r = await verifyPassport(await jwt(doc), options)
    const schema = check(r, 'schema')?.findings ?? []
    expect(schema).toHaveLength(DEFAULT_MAX_SCHEMA_ERRORS + 1)
    expect(schema.at(-1)).toMatchObject({ code: 'FINDINGS_TRUNCATED' })
    expect(check(r, 'conformance')?.findings).toEqual([])
    expect(r.errors).toEqual(schema)
  })
})
