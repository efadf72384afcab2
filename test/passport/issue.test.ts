/**
 * issuePassport refuses a passport with conformance errors (ERR_PASSPORT_NONCONFORMING, every error
 * finding in `details.findings`) under core and the profiles asked for, signs it with
 * `allowNonConforming`, and still refuses one that fails the schema or the context
 * (ERR_PASSPORT_INVALID) whatever the option.
 */
import { describe, expect, test } from 'vitest'
import { type CarbonPassportError, isCarbonPassportError } from '../../src/errors.js'
import type { Finding } from '../../src/findings/finding.js'
import { generateKeyPair } from '../../src/keys/generate.js'
import { issuePassport } from '../../src/passport/issue.js'
import { verifyPassport } from '../../src/passport/verify.js'
import { issuerOf, NOW } from '../credential/fixtures.js'
import { exampleDidDocuments, exampleKey, validExample } from '../helpers/examples.js'

// biome-ignore lint/suspicious/noExplicitAny: example JSON
type Loose = any

const CREATED = new Date('2026-06-01T00:00:00Z')
const verifyOptions = { didDocuments: exampleDidDocuments(), now: NOW }

const cell = (): Loose => validExample('lfp-cell-280ah').doc
const key = exampleKey(issuerOf(cell()))

/** The cell with one activity line's emissions off by 1 kgCO2e: two sums no longer hold. */
function brokenCell(): Loose {
  const doc = cell()
  const line = doc.credentialSubject.activityData[0]
  line.emissions = String(Number(line.emissions) + 1)
  return doc
}

const BROKEN_FINDINGS = [
  'ACTIVITY_EMISSIONS_MISMATCH /credentialSubject/activityData/0/emissions',
  'ACTIVITY_SUM_MISMATCH /credentialSubject/activityData',
]

async function refusal(promise: Promise<unknown>): Promise<CarbonPassportError> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  )
  if (!isCarbonPassportError(error))
    throw new Error(`not refused with a CarbonPassportError: ${String(error)}`)
  return error
}

const findingsOf = (error: CarbonPassportError): Finding[] => error.details?.findings as Finding[]

describe('issuePassport and conformance', () => {
  test.each(['data-integrity', 'vc-jose'] as const)(
    'refuses a passport with conformance errors (%s): ERR_PASSPORT_NONCONFORMING with every error finding',
    async (format) => {
      const error = await refusal(issuePassport(brokenCell(), { key, format }))
      expect(error.code).toBe('ERR_PASSPORT_NONCONFORMING')
      const findings = findingsOf(error)
      expect(findings.map((f) => `${f.code} ${f.path}`)).toEqual(BROKEN_FINDINGS)
      expect(findings.every((f) => f.severity === 'error' && typeof f.message === 'string')).toBe(
        true,
      )
      expect(error.details?.profiles).toEqual(['core'])
      expect(error.message).toContain(
        'ACTIVITY_EMISSIONS_MISMATCH at /credentialSubject/activityData/0/emissions',
      )
      expect(error.message).toContain('allowNonConforming')
    },
  )

  test('a key the issuer does not control is refused first, as before', async () => {
    const other = generateKeyPair({ controller: 'did:web:other.example' })
    const error = await refusal(issuePassport(brokenCell(), { key: other }))
    expect(error.code).toBe('ERR_KEY_NOT_CONTROLLED_BY_ISSUER')
  })

  test.each(['data-integrity', 'vc-jose'] as const)(
    'allowNonConforming signs it (%s): the signature verifies, the conformance check fails',
    async (format) => {
      const signed = await issuePassport(brokenCell(), {
        key,
        format,
        created: CREATED,
        allowNonConforming: true,
      })
      const result = await verifyPassport(signed, verifyOptions)
      const status = Object.fromEntries(result.checks.map((c) => [c.id, c.status]))
      expect(status).toMatchObject({
        proof: 'pass',
        'issuer-binding': 'pass',
        schema: 'pass',
        conformance: 'fail',
      })
      expect(result.errors.map((f) => `${f.code} ${f.path}`)).toEqual(BROKEN_FINDINGS)
      // The option is not part of what is signed.
      if (typeof signed !== 'string') expect(signed).not.toHaveProperty('allowNonConforming')
    },
  )

  test('warnings do not refuse: a line whose upstream passport is not listed', async () => {
    const doc: Loose = validExample('ess-cabinet-215kwh').doc
    const line = doc.credentialSubject.activityData.find((l: Loose) => l.upstreamPassport)
    line.upstreamPassport = 'urn:uuid:00000000-0000-4000-8000-000000000000'
    const signed = await issuePassport(doc, { key: exampleKey(issuerOf(doc)) })
    expect(signed.proof).toBeDefined()
  })

  test('profiles: their errors refuse too, their warnings do not', async () => {
    const error = await refusal(issuePassport(cell(), { key, profiles: ['eu-battery-2023-1542'] }))
    expect(error.code).toBe('ERR_PASSPORT_NONCONFORMING')
    expect(findingsOf(error).map((f) => `${f.code} ${f.path}`)).toEqual([
      'OUT_OF_SCOPE /credentialSubject/battery/level',
    ])
    expect(error.details?.profiles).toEqual(['core', 'eu-battery-2023-1542'])
    // pact-v3 has only a warning about this passport (PACT_ID_NOT_URN).
    expect((await issuePassport(cell(), { key, profiles: ['pact-v3'] })).proof).toBeDefined()
    const signed = await issuePassport(cell(), {
      key,
      profiles: ['eu-battery-2023-1542'],
      allowNonConforming: true,
    })
    expect(signed.proof).toBeDefined()
  })

  test('a schema or context error stays ERR_PASSPORT_INVALID, even with allowNonConforming', async () => {
    const noFootprint = brokenCell()
    delete noFootprint.credentialSubject.footprint
    const badDecimal = brokenCell()
    badDecimal.credentialSubject.footprint.pcfExcludingBiogenicUptake = '6e1'
    const extraContext = brokenCell()
    extraContext['@context'].push('https://w3id.org/security/data-integrity/v2')
    for (const doc of [noFootprint, badDecimal, extraContext]) {
      for (const allowNonConforming of [false, true]) {
        const error = await refusal(
          issuePassport(structuredClone(doc), { key, allowNonConforming }),
        )
        expect(error.code).toBe('ERR_PASSPORT_INVALID')
        expect(error.details?.errors).toBeDefined()
      }
    }
  })

  test('the schema of the view each format signs: a field given only by another description of its node (was: a vc+jwt that fails verification)', async () => {
    // The PCBA maker is the issuer: a Data Integrity proof signs its RDF, where the issuer's name is
    // the manufacturer's; a vc+jwt's verifier reads its JSON, where the manufacturer then has no
    // name. A vc+jwt is held to both views.
    const doc: Loose = validExample('pcba-access-controller').doc
    const pcbaKey = exampleKey(issuerOf(doc))
    const { manufacturer } = doc.credentialSubject.product
    expect(manufacturer.id).toBe(doc.issuer.id)
    doc.name = manufacturer.name
    delete manufacturer.name
    const error = await refusal(issuePassport(doc, { key: pcbaKey, format: 'vc-jose' }))
    expect(error.code).toBe('ERR_PASSPORT_INVALID')
    const signed = await issuePassport(doc, { key: pcbaKey, created: CREATED })
    expect((await verifyPassport(signed, verifyOptions)).verified).toBe(true)
  })

  test('bad options: ERR_INVALID_ARGUMENT before any work', async () => {
    for (const options of [
      { key, allowNonConforming: 'yes' },
      { key, profiles: ['no-such-profile'] },
      { key, profiles: 'pact-v3' },
    ]) {
      const error = await refusal(issuePassport(cell(), options as never))
      expect(error.code, JSON.stringify(options.profiles ?? options)).toBe('ERR_INVALID_ARGUMENT')
    }
  })
})
