/**
 * VC 2.0 conformance of generic credentials: inline contexts (safe mode, caps, passports keep the
 * allow-list), VC 1.1 credentials, proof chains, unknown status types and unprocessed extensions
 * (reported, not failed), and `relatedResource` digests.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, test } from 'vitest'
import { createDocumentLoader } from '../../src/context/loader.js'
import { MAX_CONTEXTS, MAX_INLINE_CONTEXT_BYTES } from '../../src/credential/checks/context.js'
import { createContextCache } from '../../src/credential/data-integrity/context-cache.js'
import { type CryptosuiteName, signingSuite } from '../../src/credential/data-integrity/suites.js'
import { issueCredential } from '../../src/credential/issue.js'
import { verifyCredential } from '../../src/credential/verify.js'
import { CarbonPassportError, isCarbonPassportError } from '../../src/errors.js'
import { KEY_ALGORITHMS } from '../../src/keys/algorithms.js'
import { generateKeyPair } from '../../src/keys/generate.js'
import type { KeyPair } from '../../src/keys/types.js'
import { CONTEXT_V1_URL } from '../../src/model/iris.js'
import { issuePassport } from '../../src/passport/issue.js'
import { verifyPassport } from '../../src/passport/verify.js'
import type { VerificationResult } from '../../src/results.js'
import { exampleDidDocuments, exampleKey, validExample } from '../helpers/examples.js'
import { issuerOf, NOW } from './fixtures.js'

type Json = Record<string, unknown>
const V2 = 'https://www.w3.org/ns/credentials/v2'
const INLINE = {
  ExampleCredential: 'https://example.org/vocab#ExampleCredential',
  name2: 'https://example.org/vocab#name2',
  ExampleStatus: 'https://example.org/vocab#ExampleStatus',
  ExamplePolicy: 'https://example.org/vocab#ExamplePolicy',
  ExampleEvidence: 'https://example.org/vocab#ExampleEvidence',
  ExampleRefresh: 'https://example.org/vocab#ExampleRefresh',
}
const codes = (r: VerificationResult) => r.errors.map((e) => e.code)
const all = (r: VerificationResult) => r.checks.flatMap((c) => c.findings.map((f) => f.code))

let key: KeyPair
let base: Json

/** The findings an issue refused with (`details.findings`), or the error code. */
async function refusal(credential: Json, options: Json = {}): Promise<string[]> {
  try {
    await issueCredential(credential, { key, ...options })
  } catch (err) {
    if (!(err instanceof CarbonPassportError)) throw err
    const findings = (err.details as { findings?: { code: string }[] } | undefined)?.findings
    return findings ? findings.map((f) => f.code) : [err.code]
  }
  return []
}

beforeAll(() => {
  key = generateKeyPair({ algorithm: 'Ed25519' })
  base = {
    '@context': [V2, INLINE],
    type: ['VerifiableCredential', 'ExampleCredential'],
    issuer: key.controller,
    credentialSubject: { id: 'did:example:subject', name2: 'Cell' },
  }
})

describe('inline contexts (generic credentials)', () => {
  test('a credential with an inline context signs and verifies (Data Integrity and vc+jwt)', async () => {
    const signed = await issueCredential(base, { key })
    const result = await verifyCredential(signed)
    expect(codes(result)).toEqual([])
    const jwt = await issueCredential(base, { key, format: 'vc-jose' })
    expect(codes(await verifyCredential(jwt))).toEqual([])
    // The `{ "@context": … }` form of an inline context too.
    const wrapped = await issueCredential(
      { ...base, '@context': [V2, { '@context': INLINE }] },
      { key },
    )
    expect(codes(await verifyCredential(wrapped))).toEqual([])
  })

  test('the inline context is signed through what it means: changing a term after signing fails', async () => {
    const signed = await issueCredential(base, { key })
    const changed = {
      ...signed,
      '@context': [V2, { ...INLINE, name2: 'https://example.org/vocab#other' }],
    }
    expect(codes(await verifyCredential(changed))).toEqual(['PROOF_INVALID'])
  })

  test('an inline context that redefines a protected term fails with CONTEXT_PROTECTED_TERM', async () => {
    const redefine = { ...base, '@context': [V2, { ...INLINE, name: 'https://evil.example/name' }] }
    // `name` and `VerifiableCredential` are protected by the VC 2.0 context.
    expect(await refusal(redefine)).toContain('CONTEXT_PROTECTED_TERM')
    const signed = await issueCredential(base, { key })
    const swapped = {
      ...signed,
      '@context': [V2, { ...INLINE, VerifiableCredential: 'https://evil.example/VC' }],
    }
    expect(codes(await verifyCredential(swapped))).toContain('CONTEXT_PROTECTED_TERM')
  })

  test('caps: more than MAX_CONTEXTS entries, or inline contexts past MAX_INLINE_CONTEXT_BYTES', async () => {
    const many = {
      ...base,
      '@context': [V2, ...Array.from({ length: MAX_CONTEXTS }, () => INLINE)],
    }
    expect(await refusal(many)).toEqual(['CONTEXT_TOO_LARGE'])
    const terms: Record<string, string> = { ...INLINE }
    for (let i = 0; Buffer.byteLength(JSON.stringify(terms)) <= MAX_INLINE_CONTEXT_BYTES; i++) {
      terms[`term${i}`] = `https://example.org/vocab#term${i}`
    }
    const large = { ...base, '@context': [V2, terms] }
    expect(await refusal(large)).toEqual(['CONTEXT_TOO_LARGE'])
    const signed = await issueCredential(base, { key })
    expect(codes(await verifyCredential({ ...signed, '@context': [V2, terms] }))).toContain(
      'CONTEXT_TOO_LARGE',
    )
  })

  test('inline contexts only after the VC 2.0 context, never null, never nested', async () => {
    expect(await refusal({ ...base, '@context': [INLINE, V2] })).toContain('CONTEXT_MISSING')
    expect(await refusal({ ...base, '@context': [V2, null] })).toContain('CONTEXT_INLINE')
    const nested = { ...base, credentialSubject: { '@context': INLINE, name2: 'x' } }
    expect(await refusal(nested)).toContain('CONTEXT_INLINE')
  })

  test('an inline context is processed privately: the shared context cache keeps URLs only', () => {
    const cache = createContextCache()
    cache.set(JSON.stringify(INLINE), new Map())
    cache.set(V2, new Map())
    expect([...cache.keys()]).toEqual([V2])
  })
})

describe('passports keep the exact context allow-list', () => {
  const passport = validExample('lfp-cell-280ah').doc as Json
  const issuer = issuerOf(passport)
  const passportKey = exampleKey(issuer)
  const options = { didDocuments: exampleDidDocuments(), now: NOW }
  const inline = { ...passport, '@context': [V2, CONTEXT_V1_URL, INLINE] }

  test('issuePassport refuses an inline context, verifyPassport fails it', async () => {
    await expect(issuePassport(inline, { key: passportKey })).rejects.toSatisfy((e) =>
      isCarbonPassportError(e, 'ERR_CREDENTIAL_MALFORMED'),
    )
    const signed = await issuePassport(passport, { key: passportKey })
    const result = await verifyPassport({ ...signed, '@context': inline['@context'] }, options)
    expect(result.verified).toBe(false)
    expect(codes(result)).toContain('CONTEXT_INLINE')
  })
})

describe('VC 1.1 credentials and proof chains', () => {
  test('a VC 1.1 credential signs (the Data Integrity context is added) and verifies', async () => {
    const v1 = {
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiableCredential'],
      issuer: key.controller,
      issuanceDate: '2020-03-16T22:37:26Z',
      credentialSubject: { id: 'did:example:subject' },
    }
    const signed = await issueCredential(v1, { key })
    expect(signed['@context']).toEqual([
      'https://www.w3.org/2018/credentials/v1',
      'https://w3id.org/security/data-integrity/v2',
    ])
    expect(codes(await verifyCredential(signed))).toEqual([])
    const expired = await issueCredential(
      { ...v1, expirationDate: '2021-01-01T00:00:00Z' },
      { key },
    )
    expect(codes(await verifyCredential(expired))).toEqual(['EXPIRED'])
    const { issuanceDate: _d, ...undated } = v1
    expect(await refusal(undated)).toContain('FIELD_MISSING')
    // VC-JOSE-COSE secures VC 2.0 credentials only.
    expect(await refusal(v1, { format: 'vc-jose' })).toContain('CONTEXT_MISSING')
  })

  test('a proof chain: the second proof signs the first; a co-signer is reported, not failed', async () => {
    const witness = generateKeyPair({ algorithm: 'P-256' })
    const documentLoader = createDocumentLoader()
    /** A proof by `signer` over `document`, with `extra` proof options (id, previousProof). */
    const proofBy = async (signer: KeyPair, document: Json, extra: Json) => {
      const suite = signingSuite(
        KEY_ALGORITHMS[signer.algorithm].cryptosuite as CryptosuiteName,
        signer,
        documentLoader,
        new Date('2026-01-01T00:00:00Z'),
      ) as { createProof(o: unknown): Promise<Json> }
      return suite.createProof({
        document,
        documentLoader,
        proofSet: [],
        purpose: {
          update: async (proof: Json) =>
            Object.assign(proof, { proofPurpose: 'assertionMethod' }, extra),
          match: async () => true,
        },
      })
    }
    const first = await proofBy(key, base, { id: 'urn:uuid:first-proof' })
    const second = await proofBy(
      witness,
      { ...base, proof: [first] },
      { previousProof: 'urn:uuid:first-proof' },
    )
    const chained = { ...base, proof: [first, second] }
    const result = await verifyCredential(chained)
    expect(codes(result)).toEqual([])
    expect(all(result)).toContain('PROOF_BY_OTHER_PARTY')
    // The chain is signed: without the first proof, or with it changed, the second fails.
    const missing = await verifyCredential({ ...base, proof: [second] })
    expect(codes(missing)).toContain('PROOF_MALFORMED')
    const other = await proofBy(key, base, {
      id: 'urn:uuid:first-proof',
      created: '2026-02-01T00:00:00Z',
    })
    expect(codes(await verifyCredential({ ...base, proof: [other, second] }))).toEqual([
      'PROOF_INVALID',
    ])
    // Only the witness: not the issuer's, so the issuer binding fails as before.
    const alone = await proofBy(witness, base, {})
    expect(codes(await verifyCredential({ ...base, proof: alone }))).toEqual([
      'ISSUER_KEY_MISMATCH',
    ])
  })
})

describe('status, terms of use, evidence, refresh: reported, not failed', () => {
  test('an unknown credentialStatus type warns and verifies; a typeless one fails', async () => {
    const signed = await issueCredential(
      { ...base, credentialStatus: { id: 'https://status.example/1#3', type: 'ExampleStatus' } },
      { key },
    )
    const result = await verifyCredential(signed)
    expect(result.verified).toBe(true)
    const status = result.checks.find((c) => c.id === 'status')
    expect(status?.status).toBe('pass')
    expect(status?.findings.map((f) => [f.code, f.severity])).toEqual([
      ['STATUS_TYPE_UNKNOWN', 'warning'],
    ])
    expect(
      await refusal({ ...base, credentialStatus: { id: 'https://status.example/1#3' } }),
    ).toContain('TYPE_REQUIRED')
  })

  test('termsOfUse, evidence and refreshService are reported (info) and verify', async () => {
    const signed = await issueCredential(
      {
        ...base,
        termsOfUse: { type: 'ExamplePolicy' },
        evidence: [{ type: 'ExampleEvidence' }],
        refreshService: { id: 'https://refresh.example/1', type: 'ExampleRefresh' },
      },
      { key },
    )
    const result = await verifyCredential(signed)
    expect(result.verified).toBe(true)
    expect(all(result).filter((c) => c === 'EXTENSION_NOT_PROCESSED')).toHaveLength(3)
    expect(await refusal({ ...base, termsOfUse: { id: 'https://policy.example' } })).toContain(
      'TYPE_REQUIRED',
    )
    expect(await refusal({ ...base, refreshService: { type: 'ExampleRefresh' } })).toContain(
      'ID_INVALID',
    )
  })
})

describe('relatedResource digests', () => {
  const URL_A = 'https://resources.example/a.json'
  const bytes = Buffer.from('{"hello":"world"}\n')
  const sri = `sha384-${createHash('sha384').update(bytes).digest('base64')}`
  const multihash = Buffer.concat([
    Buffer.from([0x12, 0x20]),
    createHash('sha256').update(bytes).digest(),
  ])
  const multibase = `u${multihash.toString('base64url')}`
  const wrongSri = `sha384-${createHash('sha384').update('other').digest('base64')}`

  test('digests of a supplied resource are checked: a match verifies, a mismatch fails', async () => {
    const credential = {
      ...base,
      relatedResource: [{ id: URL_A, digestSRI: sri, digestMultibase: multibase }],
    }
    const signed = await issueCredential(credential, { key, relatedResources: { [URL_A]: bytes } })
    expect(codes(await verifyCredential(signed, { relatedResources: { [URL_A]: bytes } }))).toEqual(
      [],
    )
    expect(
      codes(await verifyCredential(signed, { relatedResources: new Map([[URL_A, 'changed']]) })),
    ).toEqual(['RELATED_RESOURCE_DIGEST_MISMATCH', 'RELATED_RESOURCE_DIGEST_MISMATCH'])
    // Not supplied: reported, not checked.
    const unknown = await verifyCredential(signed)
    expect(unknown.verified).toBe(true)
    expect(all(unknown)).toContain('RELATED_RESOURCE_NOT_CHECKED')
  })

  test('a wrong digest is refused at issue; a bundled carbon-passport context is known', async () => {
    const wrong = { ...base, relatedResource: [{ id: URL_A, digestSRI: wrongSri }] }
    expect(await refusal(wrong, { relatedResources: { [URL_A]: bytes } })).toEqual([
      'RELATED_RESOURCE_DIGEST_MISMATCH',
    ])
    const published = readFileSync(new URL('../../contexts/v1.jsonld', import.meta.url))
    const good = `sha256-${createHash('sha256').update(published).digest('base64')}`
    const signed = await issueCredential(
      { ...base, relatedResource: { id: CONTEXT_V1_URL, digestSRI: good } },
      { key },
    )
    expect(all(await verifyCredential(signed))).not.toContain('RELATED_RESOURCE_NOT_CHECKED')
    expect(
      await refusal({ ...base, relatedResource: { id: CONTEXT_V1_URL, digestSRI: wrongSri } }),
    ).toEqual(['RELATED_RESOURCE_DIGEST_MISMATCH'])
  })

  test('malformed relatedResource fails: no id, no digest, a repeated id, strings', async () => {
    expect(await refusal({ ...base, relatedResource: [{ digestSRI: sri }] })).toContain(
      'RELATED_RESOURCE_INVALID',
    )
    expect(await refusal({ ...base, relatedResource: [{ id: URL_A }] })).toContain(
      'RELATED_RESOURCE_INVALID',
    )
    expect(
      await refusal({
        ...base,
        relatedResource: [
          { id: URL_A, digestSRI: sri },
          { id: URL_A, digestMultibase: multibase },
        ],
      }),
    ).toContain('RELATED_RESOURCE_INVALID')
    expect(await refusal({ ...base, relatedResource: [URL_A] })).toContain(
      'RELATED_RESOURCE_INVALID',
    )
    expect(
      await refusal({ ...base, relatedResource: [{ id: URL_A, digestSRI: 'sha384-_-' }] }),
    ).toContain('RELATED_RESOURCE_INVALID')
  })
})
