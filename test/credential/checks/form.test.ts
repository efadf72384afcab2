/**
 * The checked view is the signed view: JSON-LD re-spellings that keep the signed RDF but move what
 * the checks read (`@nest`, `@included`, IRIs as keys, value objects, split nodes, …) are refused,
 * so an expired or revoked passport never verifies, whatever the spelling (issue 7 §1).
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { createDocumentLoader } from '../../../src/context/loader.js'
import { readCompactForm } from '../../../src/credential/checks/form.js'
import { issueCredential } from '../../../src/credential/issue.js'
import { createStatusEntry, createStatusList, setStatus } from '../../../src/credential/status.js'
import { verifyCredential } from '../../../src/credential/verify.js'
import { isCarbonPassportError } from '../../../src/errors.js'
import { issuePassport } from '../../../src/passport/issue.js'
import { verifyPassport } from '../../../src/passport/verify.js'
import type { VerificationResult } from '../../../src/results.js'
import { exampleDidDocuments, exampleKey, validExamples } from '../../helpers/examples.js'
import { issuerOf } from '../fixtures.js'

type Json = Record<string, unknown>
const CRED = 'https://www.w3.org/2018/credentials#'
const XSD_DATE_TIME = 'http://www.w3.org/2001/XMLSchema#dateTime'
const documentLoader = createDocumentLoader()
const didDocuments = exampleDidDocuments()
const examples = validExamples()
const byName = (name: string) => examples.find((e) => e.name === name)?.doc as Json
const codes = (r: VerificationResult) => r.errors.map((e) => e.code)
const statusOf = (r: VerificationResult, id: string) => r.checks.find((c) => c.id === id)?.status
const form = async (doc: Json) => (await readCompactForm(doc, { documentLoader })).findings

/** A clock after the passports' validUntil. */
const LATER = new Date('2027-06-01T00:00:00Z')
const VALID_UNTIL = '2027-01-01T00:00:00Z'
/** Proofs are dated before the clocks used, so the tests do not depend on the day they run. */
const CREATED = new Date('2026-06-01T00:00:00Z')

/** Re-spellings that keep the RDF of `doc` and take `key` out of where the checks read it. */
function respellings(doc: Json, key: string): [string, Json][] {
  const { [key]: value, ...rest } = doc
  const iri = `${CRED}${key}`
  const valueObject =
    key === 'validUntil' ? { '@value': value, '@type': XSD_DATE_TIME } : (value as Json)
  return [
    ['@nest', { ...rest, '@nest': { [key]: value } }],
    ['absolute IRI key', { ...rest, [iri]: valueObject }],
    [
      '@included',
      { ...rest, '@included': [{ id: doc.id, type: 'VerifiableCredential', [key]: value }] },
    ],
    [
      '@graph',
      { '@context': doc['@context'], '@graph': [{ ...rest, '@context': undefined, [key]: value }] },
    ],
  ]
}

/** Both cryptosuites: eddsa-rdfc-2022 (an Ed25519 issuer) and ecdsa-rdfc-2019 (a P-256 issuer). */
const SUITES = [
  ['eddsa-rdfc-2022', 'ess-cabinet-215kwh'],
  ['ecdsa-rdfc-2019', 'ups-battery-module'],
] as const

describe('expired passports never verify, whatever the spelling', () => {
  const signed = new Map<string, Json>()
  beforeAll(async () => {
    for (const [suite, name] of SUITES) {
      const passport = { ...byName(name), validUntil: VALID_UNTIL }
      signed.set(
        suite,
        await issuePassport(passport, { key: exampleKey(issuerOf(passport)), created: CREATED }),
      )
    }
  })

  for (const [suite] of SUITES) {
    test(`${suite}: the plain spelling is EXPIRED`, async () => {
      const r = await verifyPassport(signed.get(suite), { didDocuments, now: LATER })
      expect(codes(r)).toEqual(['EXPIRED'])
    })

    test(`${suite}: @nest, an IRI key with a value object, @included, @graph are refused`, async () => {
      const doc = signed.get(suite) as Json
      for (const [label, respelled] of respellings(doc, 'validUntil')) {
        for (const verify of [verifyPassport, verifyCredential]) {
          const r = await verify(JSON.parse(JSON.stringify(respelled)), {
            didDocuments,
            now: LATER,
          })
          expect(r.verified, label).toBe(false)
          expect(statusOf(r, 'context'), label).toBe('fail')
          // The data checks are not run on a view the signature does not back.
          expect(statusOf(r, 'validity'), label).toBe('skip')
        }
      }
    })
  }
})

describe('revoked passports never verify, whatever the spelling', () => {
  const example = byName('ups-battery-module')
  const issuer = issuerOf(example)
  const key = exampleKey(issuer)
  const LIST = 'https://passports.voltguard-ups.example/status/7'
  let passport: Json
  let revoked: Json
  beforeAll(async () => {
    const list = await createStatusList({
      id: LIST,
      issuer,
      validFrom: new Date('2026-01-01T00:00:00Z'),
    })
    revoked = await issueCredential(
      (await setStatus(list, 42, true, {
        validFrom: new Date('2026-02-01T00:00:00Z'),
      })) as unknown as Json,
      { key, created: CREATED },
    )
    passport = await issuePassport(
      {
        ...example,
        credentialStatus: createStatusEntry({ statusListCredential: LIST, index: 42 }),
      },
      { key, created: CREATED },
    )
  })

  test('the plain spelling is REVOKED', async () => {
    const r = await verifyPassport(passport, { didDocuments, now: LATER, statusLists: [revoked] })
    expect(codes(r)).toEqual(['REVOKED'])
  })

  test('credentialStatus under @nest, an IRI key, @included or @graph is refused', async () => {
    for (const [label, respelled] of respellings(passport, 'credentialStatus')) {
      const r = await verifyPassport(JSON.parse(JSON.stringify(respelled)), {
        didDocuments,
        now: LATER,
        statusLists: [revoked],
      })
      expect(r.verified, label).toBe(false)
      expect(statusOf(r, 'status'), label).not.toBe('pass')
    }
  })
})

describe('moving the data the rules read', () => {
  const passport = byName('ess-cabinet-215kwh')
  const subject = passport.credentialSubject as Json

  test('a battery moved into an @included copy of the subject: JSONLD_KEYWORD_NOT_ALLOWED', async () => {
    const { battery, ...rest } = subject
    const doc = {
      ...passport,
      credentialSubject: { ...rest, '@included': [{ id: subject.id, battery }] },
    }
    expect((await form(doc)).map((f) => [f.code, f.path])).toEqual([
      ['JSONLD_KEYWORD_NOT_ALLOWED', '/credentialSubject/@included'],
    ])
  })

  test('a subject split into two different descriptions of one id: merged for the checks', async () => {
    const { battery, ...rest } = subject
    const split = { ...passport, credentialSubject: rest, evidence: [{ id: subject.id, battery }] }
    const read = await readCompactForm(split, { documentLoader })
    expect(read.findings).toEqual([])
    // Each place shows the whole node, so no rule misses the battery.
    expect(read.view.credentialSubject).toEqual(subject)
    expect((read.view.evidence as Json[])[0]).toEqual(subject)
    // The same node twice in one list is one RDF value: refused.
    const twice = { ...passport, credentialSubject: [rest, { id: subject.id, battery }] }
    expect((await form(twice)).map((f) => f.code)).toEqual(['JSONLD_VALUE_NOT_COMPACT'])
  })

  test('two descriptions of one id that disagree: JSONLD_NODE_DESCRIBED_TWICE', async () => {
    const manufacturer = (subject.product as Json).manufacturer as Json
    const doc = {
      ...passport,
      issuer: { id: manufacturer.id, name: `${String(manufacturer.name)} (another)` },
    }
    const found = await form(doc)
    expect(found.map((f) => f.code)).toEqual(['JSONLD_NODE_DESCRIBED_TWICE'])
  })

  test('the issuer as a sub-description of the manufacturer (every example) is accepted', async () => {
    for (const { name, doc: p } of examples) expect(await form(p), name).toEqual([])
  })
})

describe('each refusal, with its pointer', () => {
  const passport = byName('lfp-cell-280ah')
  const subject = passport.credentialSubject as Json
  const cases: [string, Json, string, string][] = [
    ['@index', { ...passport, '@index': 'x' }, 'JSONLD_KEYWORD_NOT_ALLOWED', '/@index'],
    [
      '@reverse',
      { ...passport, '@reverse': { [`${CRED}issuer`]: { id: 'did:example:x' } } },
      'JSONLD_KEYWORD_NOT_ALLOWED',
      '/@reverse',
    ],
    [
      '@id instead of id',
      { ...passport, credentialSubject: { ...subject, '@id': subject.id, id: undefined } },
      'JSONLD_KEYWORD_NOT_ALLOWED',
      '/credentialSubject/@id',
    ],
    [
      'a compact IRI key',
      { ...passport, 'cred:validUntil': VALID_UNTIL },
      'JSONLD_KEY_NOT_A_TERM',
      '/cred:validUntil',
    ],
    [
      'an undefined name',
      { ...passport, credentialSubject: { ...subject, batteryNotes: 'x' } },
      'JSONLD_KEY_NOT_A_TERM',
      '/credentialSubject/batteryNotes',
    ],
    [
      'an undefined type',
      { ...passport, type: ['VerifiableCredential', 'CarbonPassportCredential', 'Mystery'] },
      'JSONLD_KEY_NOT_A_TERM',
      '/type/2',
    ],
    [
      'a type written as its IRI',
      {
        ...passport,
        type: ['VerifiableCredential', `${CRED}VerifiableCredential`, 'CarbonPassportCredential'],
      },
      'JSONLD_KEY_NOT_A_TERM',
      '/type/1',
    ],
    ['null', { ...passport, validUntil: null }, 'JSONLD_VALUE_NOT_COMPACT', '/validUntil'],
    [
      'an empty list',
      { ...passport, credentialStatus: [] },
      'JSONLD_VALUE_NOT_COMPACT',
      '/credentialStatus',
    ],
    [
      'a nested list',
      { ...passport, type: [['VerifiableCredential'], 'CarbonPassportCredential'] },
      'JSONLD_VALUE_NOT_COMPACT',
      '',
    ],
    [
      'a value object for a typed value',
      { ...passport, validFrom: { '@value': passport.validFrom } },
      'JSONLD_VALUE_NOT_COMPACT',
      '/validFrom',
    ],
    [
      'a number for a typed string',
      { ...passport, validFrom: 1_700_000_000.5 },
      'JSONLD_VALUE_NOT_COMPACT',
      '/validFrom',
    ],
    [
      'a blank-node id',
      { ...passport, issuer: { id: '_:b0', name: 'x' } },
      'JSONLD_VALUE_NOT_COMPACT',
      '/issuer/id',
    ],
    [
      'a repeated IRI',
      { ...passport, credentialSchema: [passport.credentialSchema, passport.credentialSchema] },
      'JSONLD_VALUE_NOT_COMPACT',
      '',
    ],
  ]
  test.each(cases)('%s', async (_label, doc, code, path) => {
    const found = await form(JSON.parse(JSON.stringify(doc)))
    expect(found.map((f) => f.code)).toContain(code)
    if (path !== '') expect(found.find((f) => f.code === code)?.path).toBe(path)
  })

  test('two terms for one IRI in one node (`category` and `scope3Category` in a scope 3 line): JSONLD_KEY_NOT_A_TERM', async () => {
    // Only contexts where two terms share an IRI can give a node two keys with one meaning; the
    // check looks for them there (and only there).
    const doc = JSON.parse(JSON.stringify(byName('biometric-access-reader'))) as Json
    const line = (
      doc as { credentialSubject: { footprint: { scopeBreakdown: { scope3: Json[] } } } }
    ).credentialSubject.footprint.scopeBreakdown.scope3[0] as Json
    expect(await form(doc)).toEqual([])
    line.scope3Category = line.category
    const found = await form(doc)
    expect(found.map((f) => [f.code, f.path])).toEqual([
      [
        'JSONLD_KEY_NOT_A_TERM',
        '/credentialSubject/footprint/scopeBreakdown/scope3/0/scope3Category',
      ],
    ])
  })

  test('a language-tagged name is compacted form (VC 2.0 §11.1) and accepted', async () => {
    const doc = { ...passport, name: { '@value': 'Passeport carbone', '@language': 'fr' } }
    expect(await form(doc)).toEqual([])
  })

  test('the findings are capped; one more finding says so', async () => {
    const junk = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`junk${i}`, i]))
    const found = await form({ ...passport, ...junk })
    expect(found.length).toBe(51)
    expect(found.at(-1)?.path).toBe('')
  })
})

describe('contexts still being processed (a cold memo)', () => {
  test('a fresh loader reads every example, and a document with scoped contexts at its end, as a warm one', async () => {
    const types = ['DataIntegrityProof', 'BitstringStatusListEntry', 'JsonSchema', 'RenderMethod']
    const late = {
      ...byName('ess-cabinet-215kwh'),
      evidence: [
        ...Array.from({ length: 200 }, (_, i) => ({
          id: `urn:x:${i}`,
          type: 'VerifiableCredential',
        })),
        ...types.map((type) => ({ id: `urn:y:${type}`, type, name: type })),
      ],
    }
    for (const doc of [...examples.map((e) => e.doc), late]) {
      const cold = await readCompactForm(doc, { documentLoader: createDocumentLoader() })
      const warm = await readCompactForm(doc, { documentLoader })
      expect(cold).toEqual(warm)
      expect(cold.findings.some((f) => f.path === '')).toBe(false)
    }
  })
})

describe('issuing refuses what is not in compacted form', () => {
  test('issuePassport: ERR_CREDENTIAL_MALFORMED with the finding', async () => {
    const passport = byName('lfp-cell-280ah')
    const key = exampleKey(issuerOf(passport))
    const error = await issuePassport(
      { ...passport, '@nest': { validUntil: VALID_UNTIL } },
      { key },
    ).catch((e: unknown) => e)
    expect(isCarbonPassportError(error, 'ERR_CREDENTIAL_MALFORMED')).toBe(true)
  })
})
