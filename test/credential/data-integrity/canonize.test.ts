/**
 * The speed-ups of the fast-path plug-in must be invisible: the cached-context canonicalization and
 * the proof-configuration template give exactly the stock N-Quads, on the vectors, the example
 * passports and random proof values; anything outside the template's shape takes the stock path.
 * The `stock-path` project runs this file again with CARBON_PASSPORT_FAST_PATHS=off, where
 * canonizeDocument is the stock canonize itself and the template is never used.
 */

import { readFileSync } from 'node:fs'
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import fc from 'fast-check'
import { describe, expect, it, test } from 'vitest'
import { createDocumentLoader } from '../../../src/context/loader.js'
import {
  canonizeDocument,
  canonizeProofFast,
} from '../../../src/credential/data-integrity/canonize.js'
import {
  FAST_PATHS_ENV,
  loadFastPaths,
  PROVEN_VERSIONS,
  unprovenCopies,
} from '../../../src/credential/data-integrity/fast-paths.js'
import { validExamples } from '../../helpers/examples.js'
import { readJsonFile, readTextFile } from '../../helpers/files.js'

const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2'
const loader = createDocumentLoader({
  contexts: { [EXAMPLES_V2]: readJsonFile('test/fixtures/vectors/credentials-examples-v2.json') },
})
const stock = (input: unknown) =>
  eddsaRdfc2022.canonize(input, { documentLoader: loader, base: null, safe: true })
const PASSPORT = ['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/carbon-passport/v1']
/** Whether this run has the fast paths on (the default project) or off (the stock-path project). */
const FAST_PATHS_ON = process.env[FAST_PATHS_ENV] !== 'off'

describe('canonizeDocument (context cache)', () => {
  test.each(validExamples().map((e) => [e.name, e.doc] as const))(
    '%s: same N-Quads as stock, twice',
    async (_n, passport) => {
      const expected = await stock(passport)
      expect(await canonizeDocument(eddsaRdfc2022.canonize, passport, loader)).toBe(expected)
      expect(await canonizeDocument(eddsaRdfc2022.canonize, passport, loader)).toBe(expected)
    },
  )

  test('a loader that overrides a bundled context is not served from the cache', async () => {
    const passport = validExamples()[0]?.doc
    await canonizeDocument(eddsaRdfc2022.canonize, passport, loader)
    const other = createDocumentLoader({
      contexts: { [PASSPORT[1] as string]: { '@context': { '@vocab': 'urn:x:' } } },
    })
    const viaOther = await eddsaRdfc2022.canonize(passport, {
      documentLoader: other,
      base: null,
      safe: true,
    })
    expect(await canonizeDocument(eddsaRdfc2022.canonize, passport, other)).toBe(viaOther)
  })

  test('safe mode stays on: an undefined term is refused on the cached path too', async () => {
    const passport = structuredClone(validExamples()[0]?.doc) as Record<
      string,
      Record<string, unknown>
    >
    ;(passport.credentialSubject as Record<string, unknown>).unsignedExtra = 'x'
    await expect(canonizeDocument(eddsaRdfc2022.canonize, passport, loader)).rejects.toThrow(
      /Safe mode/,
    )
  })
})

describe('the SHA-256 message digest handed to rdf-canonize', () => {
  const outcome = (p: Promise<string>) =>
    p.then(
      (nquads) => ({ nquads }),
      (err: Error) => ({ error: String(err?.message ?? err) }),
    )
  // Blank nodes that all look alike at first degree: RDFC-1.0 must go deep and hit its work limit.
  const knowsGraph = (n: number) => ({
    '@context': ['https://www.w3.org/ns/credentials/v2', EXAMPLES_V2],
    type: ['VerifiableCredential'],
    issuer: 'did:example:issuer',
    credentialSubject: {
      id: 'did:example:s',
      knows: Array.from({ length: n }, (_, i) => ({
        id: `_:b${i}`,
        knows: Array.from({ length: n }, (_, j) => ({ id: `_:b${j}` })).filter((_, j) => j !== i),
      })),
    },
  })

  test('a poison graph fails at the same work limit, with the same message, as stock', async () => {
    const poison = knowsGraph(16)
    const ours = await outcome(canonizeDocument(eddsaRdfc2022.canonize, poison, loader))
    expect(ours).toStrictEqual(await outcome(stock(poison)))
    expect(ours).toMatchObject({ error: expect.stringMatching(/Maximum deep iterations exceeded/) })
  })

  test('graphs that go deep but stay within the limit give the stock N-Quads', async () => {
    for (const n of [2, 3]) {
      const doc = knowsGraph(n)
      expect(await outcome(canonizeDocument(eddsaRdfc2022.canonize, doc, loader))).toStrictEqual(
        await outcome(stock(doc)),
      )
    }
  })

  test('passports with many look-alike blank nodes (direct RDF path) agree with stock', async () => {
    for (const { doc: passport } of validExamples()) {
      const doc = structuredClone(passport) as Record<string, Record<string, unknown>>
      const activities = doc.credentialSubject?.activityData
      if (!Array.isArray(activities) || activities.length === 0) continue
      for (const copies of [2, 4, 12]) {
        doc.credentialSubject = {
          ...doc.credentialSubject,
          activityData: Array.from({ length: copies }, () => structuredClone(activities[0])),
        }
        expect(await outcome(canonizeDocument(eddsaRdfc2022.canonize, doc, loader))).toStrictEqual(
          await outcome(stock(doc)),
        )
      }
    }
  })
})

describe('canonizeProofFast (proof-configuration template)', () => {
  test('reproduces the published eddsa-rdfc-2022 canonical proof configuration', async () => {
    const { proofValue: _p, ...proof } = readJsonFile(
      'test/fixtures/vectors/vc-di-eddsa/signedDataInt.json',
    ).proof as Record<string, unknown>
    const config = { '@context': ['https://www.w3.org/ns/credentials/v2', EXAMPLES_V2], ...proof }
    const expected = `${readTextFile('test/fixtures/vectors/vc-di-eddsa/proofCanonDataInt.txt')}\n`
    expect(await stock(config)).toBe(expected)
    const fast = await canonizeProofFast(eddsaRdfc2022.canonize, config, loader)
    // Switched off, the template is never used: the stock canonizeProof runs instead.
    expect(fast).toBe(FAST_PATHS_ON ? expected : undefined)
  })

  const created = fc
    .date({
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date('2999-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().replace(/\.000Z$/, 'Z'))
  const iri = fc.oneof(
    fc.stringMatching(/^did:(key|web):[A-Za-z0-9.:%-]{1,40}#[A-Za-z0-9_-]{1,20}$/),
    fc.stringMatching(
      /^https:\/\/[a-z0-9.-]{1,20}\/[A-Za-z0-9._~/$&'()*+,;=%-]{0,30}(#[a-z0-9-]{1,10})?$/,
    ),
    fc.stringMatching(/^urn:[a-z]{1,8}:[A-Za-z0-9:$.-]{1,30}$/),
  )
  // Switched on, the template equals stock; switched off, it is never used (stock runs instead).
  test(
    FAST_PATHS_ON
      ? 'equals the stock canonicalization for random created / verificationMethod values'
      : 'is never used for random created / verificationMethod values when switched off',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          created,
          iri,
          fc.boolean(),
          fc.constantFrom('eddsa-rdfc-2022', 'ecdsa-rdfc-2019'),
          async (c, vm, withCreated, suite) => {
            const config = {
              '@context': PASSPORT,
              type: 'DataIntegrityProof',
              cryptosuite: suite,
              ...(withCreated ? { created: c } : {}),
              verificationMethod: vm,
              proofPurpose: 'assertionMethod',
            }
            const canon =
              suite === 'eddsa-rdfc-2022' ? eddsaRdfc2022.canonize : ecdsaRdfc2019.canonize
            const fast = await canonizeProofFast(canon, config, loader)
            expect(fast).toBe(FAST_PATHS_ON ? await stock(config) : undefined)
          },
        ),
        { numRuns: 150 },
      )
    },
  )

  test.each([
    ['an extra proof property', { nonce: 'abc' }],
    ['another purpose', { proofPurpose: 'authentication' }],
    ['a created with escaping-relevant text', { created: '2024-01-01T00:00:00Z"' }],
    ['an IRI with a space', { verificationMethod: 'did:key:a b' }],
    ['a relative IRI', { verificationMethod: 'key-1' }],
    ['an inline context', { '@context': [PASSPORT[0], { x: 'urn:x' }] }],
  ])('%s takes the stock path', async (_name, change) => {
    const config = {
      '@context': PASSPORT,
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      created: '2026-01-01T00:00:00Z',
      verificationMethod: 'did:web:a.example#key-1',
      proofPurpose: 'assertionMethod',
      ...change,
    }
    expect(await canonizeProofFast(eddsaRdfc2022.canonize, config, loader)).toBeUndefined()
  })
})

describe('the versions the fast paths are proven on', () => {
  it('are the ones installed, so the default project exercises the fast paths', async () => {
    expect(unprovenCopies()).toBeUndefined()
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'))
    expect(pkg.dependencies.jsonld).toBe(PROVEN_VERSIONS.jsonld)
    expect(pkg.dependencies['rdf-canonize']).toBe(PROVEN_VERSIONS['rdf-canonize'])
    expect((await loadFastPaths()) !== undefined).toBe(FAST_PATHS_ON)
  })
})
