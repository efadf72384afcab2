/**
 * Supplied DID documents have one owner (src/did/supplied.ts): the loader and verifyCredential see
 * the same documents, a list is indexed once per array (again when it changes in place), and the
 * index answers exactly what a scan of the list would.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, test } from 'vitest'
import { createDocumentLoader, type DidDocument } from '../../src/context/loader.js'
import { issueCredential } from '../../src/credential/issue.js'
import { verifyCredential } from '../../src/credential/verify.js'
import { createDidDocument } from '../../src/did/document.js'
import { suppliedDidDocuments } from '../../src/did/supplied.js'
import {
  verificationMethodByKid,
  verificationMethodIn,
} from '../../src/did/verification-methods.js'
import { generateKeyPair } from '../../src/keys/generate.js'
import { privateKeyObject } from '../../src/keys/key-objects.js'
import { signBytes } from '../../src/keys/signature.js'

const NOW = new Date('2026-11-01T00:00:00Z')
const created = new Date('2026-10-01T00:00:00Z')
const issuer = 'did:web:supplied.test.example'
const key = generateKeyPair({ controller: issuer, id: `${issuer}#key-1` })
const didDocument = createDidDocument(key)
const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  issuer,
  validFrom: '2026-10-01T00:00:00Z',
  credentialSubject: { id: 'urn:uuid:4a1c5c2e-8c6e-4a59-9b43-3f0f7d1a2b11' },
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
/** A vc+jwt whose `kid` is a bare key id (`key-1`), found through the supplied documents. */
function bareKidJwt(): string {
  const header = { alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: 'key-1' }
  const input = `${b64(header)}.${b64(credential)}`
  const signature = signBytes(key.algorithm, privateKeyObject(key), Buffer.from(input))
  return `${input}.${Buffer.from(signature).toString('base64url')}`
}

let signed: Record<string, unknown>[]
beforeAll(async () => {
  signed = [
    await issueCredential(credential, { key, created }),
    { jwt: await issueCredential(credential, { key, format: 'vc-jose' }) },
    { jwt: bareKidJwt() },
  ]
})
const inputs = () => signed.map((s) => (typeof s.jwt === 'string' ? s.jwt : s))
const codes = (r: { errors: { code: unknown }[] }) => r.errors.map((e) => String(e.code))

describe('the loader and verifyCredential see the same DID documents', () => {
  test('a document given only to the loader resolves in verifyCredential', async () => {
    const documentLoader = createDocumentLoader({ didDocuments: [didDocument] })
    for (const input of inputs()) {
      expect(codes(await verifyCredential(input, { documentLoader, now: NOW }))).toEqual([])
      // The loader's documents come before a resolver that knows nothing of them.
      const resolveDid = async () => undefined
      const result = await verifyCredential(input, { documentLoader, resolveDid, now: NOW })
      expect(codes(result)).toEqual([])
    }
  })

  test('a document given only to verifyCredential resolves, whatever the loader', async () => {
    const loaders = [undefined, createDocumentLoader({ documents: { 'urn:x:other': {} } })]
    for (const documentLoader of loaders) {
      for (const input of inputs()) {
        const result = await verifyCredential(input, {
          didDocuments: [didDocument],
          now: NOW,
          ...(documentLoader ? { documentLoader } : {}),
        })
        expect(codes(result)).toEqual([])
      }
    }
  })

  test('given to neither, the key is not resolved', async () => {
    for (const input of inputs()) {
      expect(codes(await verifyCredential(input, { now: NOW }))).toContain('KEY_NOT_RESOLVED')
    }
  })

  test('the loader serves a verification method embedded under assertionMethod, as verify reads it', async () => {
    const vm = { ...(didDocument.verificationMethod?.[0] as object), id: `${issuer}#embedded` }
    const doc = { id: issuer, assertionMethod: [vm] }
    const load = createDocumentLoader({ didDocuments: [doc] })
    const { document } = await load(`${issuer}#embedded`)
    expect(document).toMatchObject({ id: `${issuer}#embedded`, type: 'Multikey' })
    expect(suppliedDidDocuments([doc]).verificationMethod(`${issuer}#embedded`)).toEqual(vm)
  })
})

describe('suppliedDidDocuments: indexed once per array', () => {
  const many = (n: number, prefix = 'did:web:n') =>
    Array.from({ length: n }, (_, i) => ({
      id: `${prefix}${i}.example`,
      verificationMethod: [{ id: `#key-${i}`, type: 'Multikey', publicKeyMultibase: 'z' }],
    })) as DidDocument[]

  test('5,000 documents: one index for the array, reused while it is unchanged', () => {
    const list = many(5000)
    const index = suppliedDidDocuments(list)
    expect(suppliedDidDocuments(list)).toBe(index)
    expect(index.document('did:web:n4999.example')?.id).toBe('did:web:n4999.example')
    expect(index.verificationMethod('did:web:n17.example#key-17')?.id).toBe(
      'did:web:n17.example#key-17',
    )
    expect(index.byKid('key-4321')?.id).toBe('did:web:n4321.example#key-4321')
    expect(index.document('did:web:absent.example')).toBeUndefined()
  })

  test('an array changed in place is indexed again: added, replaced and removed documents', () => {
    const list = many(3)
    const first = suppliedDidDocuments(list)
    list.push(...many(1, 'did:web:added'))
    expect(suppliedDidDocuments(list).document('did:web:added0.example')).toBeDefined()
    list[0] = { id: 'did:web:replacement.example' }
    const replaced = suppliedDidDocuments(list)
    expect(replaced).not.toBe(first)
    expect(replaced.document('did:web:replacement.example')).toBeDefined()
    expect(replaced.document('did:web:n0.example')).toBeUndefined()
    list.pop()
    expect(suppliedDidDocuments(list).document('did:web:added0.example')).toBeUndefined()
  })

  test('a key revoked in place in a supplied document is seen', () => {
    const list = many(2)
    const index = suppliedDidDocuments(list)
    expect(index.byKid('key-1')?.revoked).toBeUndefined()
    ;(list[1]?.verificationMethod?.[0] as Record<string, unknown>).revoked = '2026-01-01T00:00:00Z'
    expect(suppliedDidDocuments(list).byKid('key-1')?.revoked).toBe('2026-01-01T00:00:00Z')
    expect(suppliedDidDocuments(list).verificationMethod('did:web:n1.example#key-1')?.revoked).toBe(
      '2026-01-01T00:00:00Z',
    )
  })

  test('entries that are not documents with a string id are skipped, as before', () => {
    const index = suppliedDidDocuments([null, 7, 'did:web:x', { id: 7 }, { id: 'did:web:y' }])
    expect(index.document('did:web:y')).toEqual({ id: 'did:web:y' })
    expect(index.document('did:web:x')).toBeUndefined()
  })

  test('the index answers what a scan of the list answers (last document of an id wins)', () => {
    const name = fc.constantFrom('a', 'b', 'c', 'a#b', '')
    const method = fc.record(
      {
        id: fc.oneof(
          name.map((n) => `#${n}`),
          fc.tuple(fc.constantFrom('did:x:1', 'did:x:2'), name).map(([d, n]) => `${d}#${n}`),
        ),
        publicKeyJwk: fc.record({ kid: name }, { requiredKeys: [] }),
      },
      { requiredKeys: ['id'] },
    )
    const doc = fc.record(
      {
        id: fc.constantFrom('did:x:1', 'did:x:2', 'did:x:3'),
        verificationMethod: fc.array(method, { maxLength: 3 }),
        assertionMethod: fc.array(fc.oneof(method, fc.constant('#a')), { maxLength: 2 }),
      },
      { requiredKeys: ['id'] },
    )
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 5 }), name, (docs, kid) => {
        const byId = new Map<string, DidDocument>(docs.map((d) => [d.id, d as DidDocument]))
        const index = suppliedDidDocuments(docs as DidDocument[])
        let scanned: unknown
        for (const d of byId.values()) {
          scanned = verificationMethodByKid(d, kid)
          if (scanned) break
        }
        expect(index.byKid(kid)).toEqual(scanned)
        for (const id of ['did:x:1', 'did:x:2', 'did:x:3']) {
          expect(index.document(id)).toBe(byId.get(id))
          const d = byId.get(id)
          expect(index.verificationMethod(`${id}#${kid}`)).toEqual(
            d && verificationMethodIn(d, `${id}#${kid}`),
          )
        }
      }),
      { numRuns: 500 },
    )
  })
})
