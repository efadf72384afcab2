/**
 * UNTP DPP converters: every example to 0.6.1 and 0.7.0 validates against the official schema of
 * its version and expands in JSON-LD safe mode; the reference 0.6.1 instance comes back with its
 * figures; the enveloped vc+jwt and wrapper forms; malformed input.
 */

import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import jsonld from 'jsonld'
import { describe, expect, it } from 'vitest'
import { createDocumentLoader } from '../../src/context/loader.js'
import { issueCredential } from '../../src/credential/issue.js'
import { fromUntpDpp, toUntpDpp, UNTP_CONTEXT_URLS } from '../../src/interop/index.js'
import { type Example, exampleKey, validExamples } from '../helpers/examples.js'
import { readReference, readReferenceJson, referenceTestsEnabled } from '../helpers/reference.js'

// biome-ignore lint/suspicious/noExplicitAny: the tests read converted documents freely
type Doc = any

type AddFormats = (ajv: Ajv2020) => unknown
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats

const VERSIONS = ['0.6.1', '0.7.0'] as const
const SCHEMA = {
  '0.6.1': 'untp/untp-dpp-0.6.1-schema.json',
  '0.7.0': 'untp/untp-dpp-0.7.0-schema.json',
}
const CONTEXT = {
  '0.6.1': 'untp/untp-dpp-0.6.1-context.jsonld',
  '0.7.0': 'untp/untp-0.7.0-context.jsonld',
}

/**
 * Ajv 2020-12 (strict off: the UNTP schemas use `readOnly` defaults, `x-external-enumeration` and,
 * in 0.6.1, the formats `float` and `binary` that Ajv does not know: they are declared as no-op
 * formats here, which is the only workaround the schemas need).
 */
function validator(version: (typeof VERSIONS)[number]) {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addFormat('float', true)
  ajv.addFormat('binary', true)
  return ajv.compile(readReferenceJson(SCHEMA[version]) as object)
}

const loader = () =>
  createDocumentLoader({
    contexts: Object.fromEntries(
      VERSIONS.map((v) => [UNTP_CONTEXT_URLS[v], readReferenceJson(CONTEXT[v])]),
    ),
  })

/** Expands in safe mode (jsonld.js throws on any dropped term) and returns the expanded form. */
async function expandSafe(doc: unknown): Promise<unknown> {
  return jsonld.expand(
    doc as jsonld.JsonLdDocument,
    {
      documentLoader: loader() as never,
      safe: true,
    } as jsonld.Options.Expand,
  )
}

describe.runIf(referenceTestsEnabled)('toUntpDpp against the official UNTP artefacts', () => {
  for (const version of VERSIONS) {
    const validate = validator(version)
    for (const example of validExamples()) {
      it(`${example.name} → UNTP ${version}: schema-valid, safe-mode expansion`, async () => {
        const { result, losses } = toUntpDpp(example.doc, { version })
        expect(losses.filter((l) => l.severity === 'error')).toEqual([])
        expect(result).toBeDefined()
        const valid = validate(result)
        expect(validate.errors ?? []).toEqual([])
        expect(valid).toBe(true)
        const expanded = await expandSafe(result)
        expect(JSON.stringify(expanded)).toContain('untpCarbonPassportDetail')
        expect(losses.some((l) => l.code === 'EXTENSION_CARRIED')).toBe(true)
        for (const l of losses) expect(l.path === '' || l.path.startsWith('/')).toBe(true)
      })
    }
  }

  it('0.7.0 uses the battery carbon footprint metric for batteries and links the attestation by digest', () => {
    for (const example of validExamples()) {
      const { result } = toUntpDpp(example.doc, { version: '0.7.0' })
      const subject = (result as Doc).credentialSubject
      const claim = subject.performanceClaim[0]
      const battery = (example.doc as Doc).credentialSubject.battery !== undefined
      expect(claim.claimedPerformance[0].metric.id).toBe(
        battery
          ? 'https://vocabulary.uncefact.org/performance-metric/battery-carbon-footprint'
          : 'https://vocabulary.uncefact.org/performance-metric/product-carbon-footprint',
      )
      expect(claim.conformityTopic[0].id).toBe(
        'https://vocabulary.uncefact.org/conformity-topic/greenhouse-gas-emissions',
      )
      expect(claim.claimedPerformance[0].measure.value).toBe(
        Number((example.doc as Doc).credentialSubject.footprint.pcfExcludingBiogenicUptake),
      )
      const attestation = (example.doc as Doc).credentialSubject.verification?.attestation
      if (attestation)
        expect(claim.evidence[0]).toMatchObject({
          linkURL: attestation.id,
          digestMultibase: attestation.digestMultibase,
        })
    }
  })

  it('the reference 0.6.1 instance comes back with its figures and identifiers, its losses listed', async () => {
    const instance = readReferenceJson('untp/untp-dpp-0.6.1-instance.json') as Doc
    const { result, losses } = fromUntpDpp(instance)
    expect(result).toBeDefined()
    const subject = (result as Doc).credentialSubject
    expect(subject.footprint.pcfExcludingBiogenicUptake).toBe('1.8')
    expect(subject.footprint.declaredUnitOfMeasurement).toBe('kilogram')
    expect(subject.footprint.systemBoundary).toBe('cradle-to-gate')
    expect(subject.footprint.primaryDataShare).toBe('30')
    expect(subject.id).toBe('example:product/1234')
    expect(subject.product.identifiers).toEqual(['https://id.gs1.org/01/09520123456788/21/12345'])
    expect(subject.product.batchNumber).toBe('6789')
    expect(subject.product.serialNumber).toBe('12345678')
    expect(subject.product.countryOfProduction).toBe('AU')
    expect(subject.product.granularity).toBe('batch')
    expect(subject.product.classifications).toEqual([
      { scheme: 'un-cpc', code: '46410' },
      { scheme: 'un-cpc', code: '46410' },
    ])
    expect(subject.product.manufacturer).toEqual({
      id: 'https://abr.business.gov.au/ABN/View?abn=90664869327',
      name: 'Sample Company Pty Ltd.',
    })
    const notCarried = losses.filter((l) => l.code === 'FIELD_NOT_CARRIED').map((l) => l.path)
    for (const p of [
      '/credentialSubject/circularityScorecard',
      '/credentialSubject/materialsProvenance',
      '/credentialSubject/traceabilityInformation',
      '/credentialSubject/dueDiligenceDeclaration',
      '/credentialSubject/conformityClaim',
      '/credentialSubject/product/dimensions',
      '/issuer/issuerAlsoKnownAs',
    ])
      expect(notCarried).toContain(p)
    expect(losses.some((l) => l.code === 'TARGET_FIELD_DEFAULTED')).toBe(true)
    expect(losses.filter((l) => l.severity === 'error')).toEqual([])
    // The text of the reference is read, never copied.
    expect(readReference('untp/untp-dpp-0.6.1-instance.json').length).toBeGreaterThan(0)
  })

  it('the enveloped vc+jwt form and the wrapper come back like the plain DPP (signatures are not checked)', async () => {
    const example = validExamples()[0] as Example
    for (const version of VERSIONS) {
      const { result } = toUntpDpp(example.doc, { version })
      const did = (example.doc as Doc).issuer.id as string
      // A UNTP DPP signs as a vc+jwt (its JSON bytes are what is signed and read); a Data Integrity
      // proof is refused: UNTP writes JSON numbers on xsd:double terms and scoped-@vocab enums,
      // which are not the compact form of their RDF (src/credential/checks/form.ts).
      const jws = (await issueCredential(result as never, {
        key: exampleKey(did),
        format: 'vc-jose',
        documentLoader: loader(),
      })) as string
      await expect(
        issueCredential(result as never, { key: exampleKey(did), documentLoader: loader() }),
      ).rejects.toThrow(/JSONLD_VALUE_NOT_COMPACT/)
      const enveloped = {
        '@context': ['https://www.w3.org/ns/credentials/v2', UNTP_CONTEXT_URLS[version]],
        type: 'EnvelopedVerifiableCredential',
        id: `data:application/vc+jwt,${jws}`,
      }
      const plain = fromUntpDpp(result)
      const fromEnvelope = fromUntpDpp(enveloped)
      expect(fromEnvelope.result).toEqual(plain.result)
      expect(fromUntpDpp({ verifiableCredential: enveloped }).result).toEqual(plain.result)
      expect(fromUntpDpp(JSON.stringify({ verifiableCredential: result })).result).toEqual(
        plain.result,
      )
    }
  })
})

describe('a DPP without the carbon-passport extension', () => {
  for (const version of VERSIONS) {
    it(`UNTP ${version}: the native fields alone give a passport with the figures and identifiers`, () => {
      for (const example of validExamples()) {
        const dpp = toUntpDpp(example.doc, { version }).result as Doc
        delete dpp.credentialSubject.carbonPassport
        delete dpp.credentialSubject.untpDefaults
        dpp['@context'] = dpp['@context'].slice(0, 2)
        const { result, losses } = fromUntpDpp(dpp)
        expect(losses.filter((l) => l.severity === 'error')).toEqual([])
        const s = (example.doc as Doc).credentialSubject
        const back = (result as Doc).credentialSubject
        expect(Number(back.footprint.pcfExcludingBiogenicUptake)).toBe(
          Number(s.footprint.pcfExcludingBiogenicUptake),
        )
        expect(back.footprint.declaredUnitOfMeasurement).toBe(s.footprint.declaredUnitOfMeasurement)
        expect(back.id).toBe(s.id)
        expect(back.product.name).toBe(s.product.name)
        expect(back.product.granularity).toBe(s.product.granularity)
        expect(back.product.classifications).toEqual(s.product.classifications)
        expect(back.product.manufacturer.name).toBe(s.product.manufacturer.name)
        if (s.product.batchNumber) expect(back.product.batchNumber).toBe(s.product.batchNumber)
        if (s.verification?.attestation)
          expect(back.verification?.attestation).toEqual(s.verification.attestation)
        expect(losses.some((l) => l.code === 'TARGET_FIELD_DEFAULTED')).toBe(true)
      }
    })
  }
})

describe('fromUntpDpp on malformed input', () => {
  it.each([
    ['not JSON', '{"@context": ['],
    ['a number', 42],
    ['null', null],
    [
      'the wrong type',
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        credentialSubject: {},
      },
    ],
    [
      '2 MiB',
      JSON.stringify({ type: ['DigitalProductPassport'], pad: 'x'.repeat(2 * 1024 * 1024) }),
    ],
    [
      'a broken envelope',
      { type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+jwt,abc' },
    ],
  ])('%s → SOURCE_UNREADABLE, no result, no throw', (_label, input) => {
    const { result, losses } = fromUntpDpp(input)
    expect(result).toBeUndefined()
    expect(losses.map((l) => l.code)).toContain('SOURCE_UNREADABLE')
  })

  it('a DPP without a footprint is a SOURCE_FIELD_INVALID error, not a throw', () => {
    const { result, losses } = fromUntpDpp({
      '@context': ['https://www.w3.org/ns/credentials/v2', UNTP_CONTEXT_URLS['0.7.0']],
      type: ['DigitalProductPassport', 'VerifiableCredential'],
      id: 'urn:uuid:00000000-0000-4000-8000-000000000000',
      issuer: { id: 'did:web:x.example', name: 'X' },
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: {
        type: ['Product'],
        id: 'https://id.gs1.org/01/09520123456788',
        name: 'P',
        extra: [1, { a: 2 }],
      },
    })
    expect(result).toBeUndefined()
    expect(losses.map((l) => l.code)).toContain('SOURCE_FIELD_INVALID')
    expect(losses.map((l) => l.path)).toContain('/credentialSubject/extra')
  })

  it('toUntpDpp refuses a non-passport and a bad version with SOURCE_UNREADABLE', () => {
    expect(toUntpDpp({ a: 1 }, { version: '0.7.0' }).losses[0]?.code).toBe('SOURCE_UNREADABLE')
    expect(
      toUntpDpp((validExamples()[0] as Example).doc, { version: '9' as never }).losses[0]?.code,
    ).toBe('SOURCE_UNREADABLE')
  })
})
