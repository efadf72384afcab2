/**
 * Every function exported by src/index.ts, called with random junk: nulls, numbers, cyclic objects,
 * BigInts, 10,000-deep nesting, throwing getters, hostile and revoked Proxies, and valid arguments
 * with some of their fields replaced by such junk. A function may refuse, but only with a
 * CarbonPassportError that has a code; the functions that judge untrusted input (verifyPassport,
 * verifyCredential, and checkConformance for its input) and the predicates never throw at all.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as api from '../../src/index.js'
import { validExample } from '../helpers/examples.js'
import { fuzzRuns } from '../helpers/fuzz.js'
import {
  hostile,
  junk,
  junkOptions,
  materialize,
  outcome,
  sprinkled,
  untypedReason,
} from '../helpers/hostile.js'

const passport = validExample('lfp-cell-280ah').doc
const issuer = (passport.issuer as { id: string }).id
const key = api.generateKeyPair({ controller: issuer, id: `${issuer}#key-1` })
const p256 = api.generateKeyPair({ algorithm: 'P-256' })
const subject = passport.credentialSubject
const LIST = 'https://status.example/lists/1'
const statusList = await api.createStatusList({ id: LIST, issuer })
const report = api.checkConformance(passport)
const signedPassport = await api.issuePassport(passport, { key })
const attestation = await api.attestPassport(signedPassport, {
  key,
  standard: 'ISO 14064-3:2019',
  scope: 'The PCF',
  opinion: 'unmodified',
})
const finding = { ...api.checkConformance({}).findings[0] }
const presentation = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiablePresentation'],
  holder: issuer,
  verifiableCredential: [signedPassport],
}
const signedPresentation = await api.issuePresentation(presentation, { key, challenge: 'c0ffee' })

const aKey = fc.constantFrom(key, p256, structuredClone(key))
const aDate = fc.constantFrom(new Date('2026-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'))
const aDidDocument = fc.constant(api.createDidDocument(key))
const anyOf = <T>(value: T) => fc.oneof(fc.constant(value), sprinkled(value), junk)

// Generation: the worked example's template, records and factors (examples/generate/).
const generateDir = new URL('../../examples/generate/pcba-access-controller/', import.meta.url)
const factorsCsv = readFileSync(new URL('factors.csv', generateDir), 'utf8')
const recordsCsv = readFileSync(new URL('records.csv', generateDir), 'utf8')
const factorSet = api.loadFactorSet(factorsCsv, { format: 'csv' }).set as api.EmissionFactorSet
const records = api.parseActivityCsv(recordsCsv).records
const template = JSON.parse(readFileSync(new URL('product.json', generateDir), 'utf8'))
const footprintInput = { ...template.footprint, records, factors: factorSet }
const aRecord = records[0] as api.ActivityRecord

// Conversion: each source format as the converters themselves write it from the example.
const pact = api.toPact(passport, { version: '3.0' }).result ?? {}
const untp = api.toUntpDpp(passport, { version: '0.7.0' }).result ?? {}
const batteryPass = api.toBatteryPass(passport).result ?? {}
const catenaX = api.toCatenaX(passport, { version: '10.0.0' }).result ?? {}
const catenaXBatteryPass = {
  sustainability: {
    carbonFootprint: [
      { type: 'Climate Change Total', unit: 'kg CO2e/kWh', lifecycle: 'Total', value: 61.2 },
    ],
  },
}
const catenaXComponentPcf = { pcfValues: { declaredUnit: 'CO2KG/piece', absPcfValue: 12.5 } }
const aBuffer = (value: unknown) => fc.constant(Buffer.from(JSON.stringify(value), 'utf16le'))

/** Argument lists per function: plausible values, plausible values with junk inside, and junk. */
const argumentsOf: Record<string, fc.Arbitrary<unknown[]>> = {
  attestPassport: fc.tuple(
    fc.oneof(anyOf(passport), fc.constant(signedPassport)),
    junkOptions({
      key: aKey,
      standard: fc.constantFrom('ISO 14064-3:2019', ''),
      level: fc.constantFrom('limited', 'reasonable', 'high'),
      scope: fc.constantFrom('The PCF', ''),
      opinion: fc.constantFrom('unmodified', 'adverse', 'fine'),
      materiality: fc.constantFrom('5', '150'),
      accreditation: fc.constant({ body: 'Example', number: 'EX-1' }),
      statement: fc.string(),
      completedAt: aDate,
      figures: fc.constantFrom(
        ['/credentialSubject/footprint/pcfExcludingBiogenicUptake'],
        [{ pointer: '/credentialSubject/footprint/declaredUnitAmount', value: '2' }],
      ),
      issuerName: fc.string(),
      id: fc.constant('urn:uuid:0f6f3b52-9a1e-4c57-8d0b-2f4e6a9c1d31'),
      validFrom: aDate,
      validUntil: aDate,
      format: fc.constantFrom('data-integrity', 'vc-jose', 'pdf'),
      created: aDate,
    }),
  ),
  buildPassport: fc.tuple(
    anyOf(template),
    anyOf(records),
    junkOptions({
      issuer: fc.oneof(fc.constant(issuer), fc.constant({ id: issuer, name: 'x' })),
      factors: anyOf(factorSet),
      upstreams: fc.array(
        fc.record({
          passport: anyOf(passport),
          quantity: fc.oneof(fc.constantFrom('1', '-1', '0.5'), junk),
          unit: fc.oneof(fc.constantFrom('H87', 'KGM'), junk),
        }),
        { maxLength: 1 },
      ),
      profiles: fc.subarray([...api.PROFILE_IDS]),
      id: fc.constant('urn:uuid:5b1c9c44-3b7e-4c47-9d39-5f1d2f1f7a10'),
      validFrom: aDate,
      validUntil: aDate,
      now: aDate,
      calculate: junkOptions({
        perFunctionalUnitDigits: fc.integer(),
        primaryDataShareDigits: fc.integer(),
      }),
    }),
  ),
  calculateFootprint: fc.tuple(
    anyOf(footprintInput),
    junkOptions({
      perFunctionalUnitDigits: fc.integer({ min: -1, max: 13 }),
      primaryDataShareDigits: fc.integer({ min: -1, max: 7 }),
    }),
  ),
  checkConformance: fc.tuple(
    anyOf(passport),
    junkOptions({
      profiles: fc.subarray([...api.PROFILE_IDS]),
      tolerance: fc.double(),
    }),
  ),
  computePassportDigest: fc.tuple(anyOf(passport)),
  convertUnit: fc.tuple(anyOf('1.5'), anyOf('TNE'), anyOf('kg')),
  createBundle: fc.tuple(
    fc.oneof(
      fc.constant([signedPassport, passport]),
      fc.array(anyOf(passport), { maxLength: 2 }),
      junk,
    ),
    junkOptions({
      holderKey: aKey,
      attestations: fc.oneof(fc.constant([]), junk),
      challenge: fc.constantFrom('c0ffee', ''),
      domain: fc.constantFrom('https://verifier.example'),
      format: fc.constantFrom('data-integrity', 'vc-jose', 'pdf'),
    }),
  ),
  createDidDocument: fc.tuple(
    fc.oneof(aKey, fc.array(fc.oneof(aKey, junk), { maxLength: 3 }), sprinkled(key), junk),
    junkOptions({ type: fc.constantFrom('Multikey', 'JsonWebKey') }),
  ),
  createDocumentLoader: fc.tuple(
    junkOptions({
      contexts: fc.oneof(
        fc.constant({ 'https://x.example/c': { '@context': {} } }),
        fc.dictionary(fc.webUrl(), junk, { maxKeys: 2 }),
      ),
      didDocuments: fc.oneof(
        fc.array(aDidDocument, { maxLength: 2 }),
        fc.array(junk, { maxLength: 2 }),
      ),
      documents: fc.dictionary(fc.webUrl(), junk, { maxKeys: 2 }),
    }),
  ),
  createPassport: fc.tuple(
    anyOf(subject),
    junkOptions({
      issuer: fc.oneof(fc.constant(issuer), fc.constant({ id: issuer, name: 'x' })),
      id: fc.constant('urn:uuid:5b1c9c44-3b7e-4c47-9d39-5f1d2f1f7a10'),
      validFrom: aDate,
      validUntil: aDate,
      now: aDate,
      name: fc.string(),
      description: fc.string(),
    }),
  ),
  createStatusEntry: fc.tuple(
    junkOptions({
      statusListCredential: fc.constant(LIST),
      index: fc.integer(),
      statusPurpose: fc.constantFrom('revocation', 'suspension'),
    }),
  ),
  createStatusList: fc.tuple(
    junkOptions({
      id: fc.constant(LIST),
      issuer: fc.constant(issuer),
      statusPurpose: fc.constantFrom('revocation', 'suspension'),
      length: fc.constantFrom(131_072, 8, -1),
      validFrom: aDate,
      validUntil: aDate,
    }),
  ),
  factorSetToCsv: fc.tuple(anyOf(factorSet)),
  exportKey: fc.tuple(
    fc.oneof(aKey, sprinkled(key), junk),
    junkOptions({ format: fc.constantFrom('jwk', 'multikey'), includePrivate: fc.boolean() }),
  ),
  formatFinding: fc.tuple(anyOf(finding)),
  formatReport: fc.tuple(anyOf(report), fc.oneof(fc.string(), junk)),
  fromBatteryPass: fc.tuple(
    fc.oneof(anyOf(batteryPass), aBuffer(batteryPass)),
    fc.oneof(fc.constant(undefined), junk),
  ),
  fromCatenaX: fc.tuple(
    fc.oneof(anyOf(catenaX), anyOf(catenaXBatteryPass), anyOf(catenaXComponentPcf)),
  ),
  fromCatenaXBatteryComponentPcf: fc.tuple(anyOf(catenaXComponentPcf)),
  fromCatenaXBatteryPass: fc.tuple(
    fc.oneof(anyOf(catenaXBatteryPass), aBuffer(catenaXBatteryPass)),
  ),
  fromPact: fc.tuple(
    anyOf(pact),
    junkOptions({ issuer: fc.constant(issuer), id: fc.constant(LIST), validFrom: fc.string() }),
  ),
  fromUntpDpp: fc.tuple(anyOf(untp)),
  generateKeyPair: fc.tuple(
    junkOptions({
      algorithm: fc.constantFrom('Ed25519', 'P-256'),
      controller: fc.constant(issuer),
      id: fc.constant(`${issuer}#k`),
    }),
  ),
  indexFactorSet: fc.tuple(anyOf(factorSet)),
  importKey: fc.tuple(
    fc.oneof(
      fc.constant(api.exportKey(key, { format: 'jwk', includePrivate: true })),
      sprinkled(api.exportKey(key, { format: 'jwk', includePrivate: true })),
      sprinkled(api.exportKey(p256, { format: 'multikey', includePrivate: true })),
      junk,
    ),
    junkOptions({ id: fc.constant(`${issuer}#k`), controller: fc.constant(issuer) }),
  ),
  isCarbonPassportError: fc.tuple(
    fc.oneof(junk, fc.constant(new api.CarbonPassportError('ERR_INVALID_ARGUMENT', 'x'))),
    junk,
  ),
  isProfileId: fc.tuple(junk),
  isSupportedDidKey: fc.tuple(junk),
  issueCredential: fc.tuple(
    anyOf(passport),
    junkOptions({
      key: aKey,
      format: fc.constantFrom('data-integrity', 'vc-jose'),
      cryptosuite: fc.constantFrom('eddsa-rdfc-2022', 'ecdsa-rdfc-2019'),
      created: aDate,
      envelope: fc.boolean(),
      documentLoader: fc.constant(api.createDocumentLoader()),
    }),
  ),
  issuePresentation: fc.tuple(
    anyOf(presentation),
    junkOptions({
      key: aKey,
      challenge: fc.constantFrom('c0ffee', ''),
      domain: fc.constantFrom('https://verifier.example', ''),
      format: fc.constantFrom('data-integrity', 'vc-jose'),
      cryptosuite: fc.constantFrom('eddsa-rdfc-2022', 'ecdsa-rdfc-2019'),
      created: aDate,
      envelope: fc.boolean(),
      documentLoader: fc.constant(api.createDocumentLoader()),
    }),
  ),
  issuePassport: fc.tuple(
    anyOf(passport),
    junkOptions({
      key: aKey,
      format: fc.constantFrom('data-integrity', 'vc-jose'),
      created: aDate,
      envelope: fc.boolean(),
      profiles: fc.subarray([...api.PROFILE_IDS]),
      allowNonConforming: fc.boolean(),
    }),
  ),
  loadFactorSet: fc.tuple(
    fc.oneof(anyOf(factorSet), anyOf(factorsCsv), fc.string()),
    junkOptions({
      format: fc.constantFrom('json', 'csv'),
      name: fc.string(),
      version: fc.string(),
    }),
  ),
  parseActivityCsv: fc.tuple(fc.oneof(anyOf(recordsCsv), fc.string())),
  periodEndYear: fc.tuple(
    fc.oneof(fc.constantFrom('2026-01-01T00:00:00Z', '2025-12-31T23:00:00-05:00'), junk),
  ),
  resolveFromBundle: fc.tuple(
    anyOf({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      verifiableCredential: [signedPassport, passport],
    }),
  ),
  rollUpComponents: fc.tuple(
    fc.oneof(
      fc.array(
        fc.record({
          passport: anyOf(passport),
          quantity: fc.oneof(fc.constantFrom('1', '240', '-1', '0.5'), junk),
          unit: fc.oneof(fc.constantFrom('H87', 'KGM', 'GRM'), junk),
        }),
        { maxLength: 2 },
      ),
      junk,
    ),
    junkOptions({
      splitByStage: fc.boolean(),
      lifecycleStage: fc.constantFrom('raw-material-acquisition', 'main-production'),
      granularity: fc.constantFrom('batch', 'model'),
      temporalResolution: fc.constant('P1M'),
    }),
  ),
  selectFactor: fc.tuple(
    anyOf(factorSet),
    fc.oneof(
      anyOf(aRecord),
      anyOf({
        ...aRecord,
        factorId: undefined,
        factorActivity: 'grid-electricity',
        geography: 'CN-GD',
      }),
    ),
    fc.oneof(fc.constant('/records/0'), junk),
  ),
  setStatus: fc.tuple(
    anyOf(statusList),
    fc.oneof(fc.integer({ min: -1, max: 131_072 }), junk),
    fc.oneof(fc.boolean(), junk),
    junkOptions({ validFrom: aDate }),
  ),
  statusLabel: fc.tuple(anyOf(report)),
  toBatteryPass: fc.tuple(anyOf(passport)),
  toCatenaX: fc.tuple(
    anyOf(passport),
    junkOptions({ version: fc.constantFrom('9.0.0', '10.0.0') }),
  ),
  toPact: fc.tuple(anyOf(passport), junkOptions({ version: fc.constantFrom('3.0', '2.3') })),
  toUntpDpp: fc.tuple(
    anyOf(passport),
    junkOptions({
      version: fc.constantFrom('0.6.1', '0.7.0'),
      issuer: fc.constant({ id: issuer, name: 'x' }),
      id: fc.constant(LIST),
      validFrom: fc.string(),
      name: fc.string(),
    }),
  ),
  toVerificationMethod: fc.tuple(
    fc.oneof(aKey, sprinkled(key), junk),
    fc.oneof(fc.constantFrom('Multikey', 'JsonWebKey'), junk),
  ),
  verifyCredential: fc.tuple(anyOf(passport), junkOptions(verifyOptions())),
  verifyPresentation: fc.tuple(
    fc.oneof(anyOf(signedPresentation), anyOf(presentation)),
    junkOptions({
      ...verifyOptions(),
      challenge: fc.constantFrom('c0ffee', 'other', ''),
      domain: fc.constantFrom('https://verifier.example'),
      maxCredentials: fc.constantFrom(0, 1, 64),
    }),
  ),
  verifyChain: fc.tuple(
    anyOf(signedPassport),
    junkOptions({
      ...verifyOptions(),
      resolvePassport: fc.oneof(
        fc.constant(() => passport),
        junk,
      ),
      maxDepth: fc.constantFrom(0, 1, 8, Number.POSITIVE_INFINITY),
      maxNodes: fc.constantFrom(0, 1, 1000),
      passports: fc.oneof(fc.constant([passport]), junk),
    }),
  ),
  verifyMany: fc.tuple(
    fc.oneof(fc.constant([signedPassport]), junk),
    junkOptions({
      ...verifyOptions(),
      jobs: fc.constantFrom(0, 1),
      ordered: fc.boolean(),
      maxInFlight: fc.constantFrom(1, 8),
    }),
  ),
  verifyPassport: fc.tuple(
    anyOf(passport),
    junkOptions({
      ...verifyOptions(),
      profiles: fc.subarray([...api.PROFILE_IDS]),
      attestations: fc.oneof(fc.constant([attestation]), fc.array(junk, { maxLength: 2 })),
      trustedVerifiers: fc.oneof(fc.constant([issuer]), fc.constant([{ id: issuer }]), junk),
    }),
  ),
}

function verifyOptions(): Record<string, fc.Arbitrary<unknown>> {
  return {
    now: aDate,
    maxClockSkew: fc.integer({ min: 0, max: 600 }),
    didDocuments: fc.array(aDidDocument, { maxLength: 1 }),
    statusLists: fc.array(fc.constant(statusList), { maxLength: 1 }),
    trustedIssuers: fc.constant([issuer]),
    maxBytes: fc.constant(1_000_000),
    maxDepth: fc.constant(64),
    skipChecks: fc.constant(['conformance']),
    resolveDid: fc.constant(async () => undefined),
  }
}

/** Predicates: a boolean for anything. */
const PREDICATES = new Set(['isProfileId', 'isSupportedDidKey', 'isCarbonPassportError'])
/** Functions that must return whatever they are given. */
const NEVER_THROW = new Set([
  'verifyPassport',
  'verifyCredential',
  'verifyPresentation',
  'verifyChain',
  'resolveFromBundle',
  'rollUpComponents',
  'calculateFootprint',
  'loadFactorSet',
  'parseActivityCsv',
  'periodEndYear',
  // Converters take untrusted documents: a malformed one gives losses, never a throw.
  'fromPact',
  'toPact',
  'fromUntpDpp',
  'toUntpDpp',
  'fromBatteryPass',
  'toBatteryPass',
  'fromCatenaX',
  'toCatenaX',
  'fromCatenaXBatteryPass',
  'fromCatenaXBatteryComponentPcf',
  ...PREDICATES,
])
/** Classes are constructed, not called; they are not part of this test. */
const NOT_CALLED = new Set(['CarbonPassportError'])

const exported = (Object.entries(api) as [string, unknown][]).filter(
  (entry): entry is [string, (...args: unknown[]) => unknown] =>
    typeof entry[1] === 'function' && !NOT_CALLED.has(entry[0]),
)

describe('every exported function, called with junk', () => {
  it('has an argument generator here (a new export must be added to this test)', () => {
    expect(exported.map(([name]) => name).sort()).toEqual(Object.keys(argumentsOf).sort())
  })

  // Signing runs real JSON-LD canonicalization; those get fewer runs.
  const runs = (name: string) => fuzzRuns(name.startsWith('issue') ? 100 : 200)

  it.each(exported)('%s', async (name, fn) => {
    const args = argumentsOf[name]
    if (!args) throw new Error(`no argument generator for ${name}`)
    await fc.assert(
      fc.asyncProperty(args, async (generated) => {
        const argv = materialize(generated) as unknown[]
        const result = await outcome(() => fn(...argv))
        if (NEVER_THROW.has(name)) {
          expect(
            result.threw,
            `${name} threw: ${result.threw && untypedReason(result.error)}`,
          ).toBe(false)
        }
        if (result.threw) {
          expect(untypedReason(result.error)).toBeUndefined()
          return
        }
        if (
          name === 'verifyPassport' ||
          name === 'verifyCredential' ||
          name === 'verifyPresentation'
        ) {
          const value = result.value as api.VerificationResult
          expect(typeof value.verified).toBe('boolean')
          expect(Array.isArray(value.checks) && Array.isArray(value.errors)).toBe(true)
        }
        if (PREDICATES.has(name)) expect(typeof result.value).toBe('boolean')
      }),
      { numRuns: runs(name) },
    )
  })

  it('checkConformance never throws on junk input (only its options can be misused)', () => {
    fc.assert(
      fc.property(fc.oneof(anyOf(passport), hostile), (input) => {
        expect(typeof api.checkConformance(materialize(input)).conforms).toBe('boolean')
      }),
      { numRuns: fuzzRuns(300) },
    )
  })

  it('a document loader, asked for junk, refuses with a code', async () => {
    const load = api.createDocumentLoader({ didDocuments: [api.createDidDocument(key)] })
    await fc.assert(
      fc.asyncProperty(fc.oneof(junk, fc.webUrl(), fc.constant(issuer)), async (url) => {
        const result = await outcome(() => load(materialize(url) as string))
        if (result.threw) expect(untypedReason(result.error)).toBeUndefined()
      }),
      { numRuns: fuzzRuns(100) },
    )
  })
})
