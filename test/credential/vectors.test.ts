/**
 * Published W3C vectors (test/fixtures/vectors/SOURCE.md): the eddsa-rdfc-2022 proofValue is
 * reproduced exactly, the ecdsa-rdfc-2019 P-256 vector verifies, and the vc-jose-cose-test-suite
 * inputs agree (positive ones pass `proof`, negative ones fail with the expected code). The vector
 * issuers do not control the keys: `proof` passes and `issuer-binding` fails (DESIGN contract).
 */
import { describe, expect, test } from 'vitest'
import { createDocumentLoader } from '../../src/context/loader.js'
import { issueCredential } from '../../src/credential/issue.js'
import { verifyCredential } from '../../src/credential/verify.js'
import { importKey } from '../../src/keys/import.js'
import type { VerificationResult } from '../../src/results.js'
import { readJsonFile, readTextFile } from '../helpers/files.js'

const V = 'test/fixtures/vectors/'
const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2'
const documentLoader = createDocumentLoader({
  contexts: { [EXAMPLES_V2]: readJsonFile(`${V}credentials-examples-v2.json`) },
})
const ISSUER = 'https://vc.example/issuers/5678'

/** The vc-di-* controller document: the published public keys under the vector issuer. */
const vectorController = {
  '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
  id: ISSUER,
  verificationMethod: [
    {
      id: `${ISSUER}#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2`,
      type: 'Multikey',
      controller: 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
      publicKeyMultibase: 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
    },
    {
      id: `${ISSUER}#zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP`,
      type: 'Multikey',
      controller: 'did:key:zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP',
      publicKeyMultibase: 'zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP',
    },
  ],
}
const diOptions = { documentLoader, didDocuments: [vectorController] }
const statusOf = (r: VerificationResult, id: string) => r.checks.find((c) => c.id === id)?.status
const codes = (r: VerificationResult) => r.errors.map((e) => e.code)

describe('vc-di-eddsa eddsa-rdfc-2022', () => {
  const signed = readJsonFile(`${V}vc-di-eddsa/signedDataInt.json`)
  const { proof, ...unsigned } = signed as { proof: Record<string, unknown> }

  test('issuing the unsigned vector reproduces the published proofValue exactly', async () => {
    const keyPair = readJsonFile(`${V}vc-di-eddsa/keyPair.json`)
    const key = importKey(keyPair, { id: String(proof.verificationMethod), controller: ISSUER })
    const result = await issueCredential(unsigned, {
      key,
      created: new Date(String(proof.created)),
      documentLoader,
    })
    expect(result.proof).toEqual(proof)
  })

  test('the published vector passes proof and fails issuer-binding (the key is a did:key)', async () => {
    const result = await verifyCredential(signed, diOptions)
    expect(statusOf(result, 'proof')).toBe('pass')
    expect(statusOf(result, 'issuer-binding')).toBe('fail')
    expect(codes(result)).toEqual(['ISSUER_KEY_MISMATCH'])
    expect(result.verified).toBe(false)
  })

  test('a changed subject fails proof with PROOF_INVALID', async () => {
    const tampered = structuredClone(signed)
    ;(tampered.credentialSubject as Record<string, unknown>).alumniOf = 'Another School'
    const result = await verifyCredential(tampered, diOptions)
    expect(statusOf(result, 'proof')).toBe('fail')
    expect(codes(result)).toContain('PROOF_INVALID')
  })
})

describe('vc-di-ecdsa ecdsa-rdfc-2019 P-256', () => {
  const signed = readJsonFile(`${V}vc-di-ecdsa/signedECDSAP256.json`)

  test('the published vector passes proof and fails issuer-binding', async () => {
    const result = await verifyCredential(signed, diOptions)
    expect(statusOf(result, 'proof')).toBe('pass')
    expect(codes(result)).toEqual(['ISSUER_KEY_MISMATCH'])
  })

  test('a changed proof date fails proof with PROOF_INVALID', async () => {
    const tampered = structuredClone(signed)
    ;(tampered.proof as Record<string, unknown>).created = '2023-02-24T23:36:39Z'
    const result = await verifyCredential(tampered, diOptions)
    expect(codes(result)).toContain('PROOF_INVALID')
  })

  test('signing the unsigned vector with the published key verifies (ECDSA is randomized)', async () => {
    const { proof, ...unsigned } = signed as { proof: Record<string, unknown> }
    const key = importKey(readJsonFile(`${V}vc-di-ecdsa/p256KeyPair.json`), {
      id: String(proof.verificationMethod),
      controller: ISSUER,
    })
    const resigned = await issueCredential(unsigned, {
      key,
      created: new Date(String(proof.created)),
      documentLoader,
    })
    expect(resigned.proof.cryptosuite).toBe('ecdsa-rdfc-2019')
    const result = await verifyCredential(resigned, diOptions)
    expect(statusOf(result, 'proof')).toBe('pass')
  })
})

describe('vc-jose-cose-test-suite', () => {
  const SUITE = `${V}vc-jose-cose-test-suite/`
  const controller = 'https://example.issuer/6c427e8392ab4057b93356fbb9022ecb'
  const vms = [
    readJsonFile(`${SUITE}cid-ed25519.public.json`),
    readJsonFile(`${SUITE}cid-p256.public.json`),
  ]
  const options = {
    documentLoader,
    didDocuments: [
      { id: controller, verificationMethod: vms, assertionMethod: vms.map((vm) => String(vm.id)) },
    ],
  }

  // Every vector of the suite has `"iat":"2010-01-01T19:23:24Z"`, a string where RFC 7519 §4.1.6
  // (and the VC v2 context) want a NumericDate; off-the-shelf JWT libraries (jose included) refuse
  // it, and so do we: JOSE_CLAIM_INVALID in validity. Upstream: w3c/vc-jose-cose#334.
  test.each(['credential-jose-minimal.txt', 'credential-issuer-match-signed.txt'])(
    'positive %s: proof passes; the issuer does not control the key; the string iat fails',
    async (file) => {
      const result = await verifyCredential(readTextFile(`${SUITE}${file}`), options)
      expect(result.format).toBe('vc-jose')
      expect(statusOf(result, 'proof')).toBe('pass')
      expect(statusOf(result, 'syntax')).toBe('pass')
      expect(statusOf(result, 'context')).toBe('pass')
      expect(codes(result)).toEqual(['ISSUER_KEY_MISMATCH', 'JOSE_CLAIM_INVALID'])
      expect(result.errors.find((e) => e.code === 'JOSE_CLAIM_INVALID')?.path).toBe('/iat')
    },
  )

  test.each([
    ['credential-jose-bad-signature.txt', 'PROOF_INVALID'],
    ['credential-jose-bad-media-type.txt', 'JOSE_TYP_INVALID'],
    ['credential-jose-bad-media-type.txt', 'JOSE_CTY_INVALID'],
    ['credential-jose-vc-vp-claims.txt', 'JOSE_CLAIM_FORBIDDEN'],
    ['credential-unknown-extensions-signed.txt', 'JOSE_ALG_NOT_ALLOWED'],
  ])('negative %s fails with %s', async (file, code) => {
    const result = await verifyCredential(readTextFile(`${SUITE}${file}`), options)
    expect(result.verified).toBe(false)
    expect(codes(result)).toContain(code)
  })
})
