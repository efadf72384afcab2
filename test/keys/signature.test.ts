/**
 * keys/signature.ts is the one raw sign/verify of Data Integrity and JOSE: a signature verifies,
 * has 64 bytes (P-256 as IEEE P1363 r‖s), and fails when one bit of it or of the data flips.
 */
import { createPublicKey, verify as cryptoVerify } from 'node:crypto'
import fc from 'fast-check'
import { CompactSign } from 'jose'
import { describe, expect, test } from 'vitest'
import { signVcJwt } from '../../src/credential/jose/sign.js'
import { KEY_ALGORITHMS } from '../../src/keys/algorithms.js'
import { generateKeyPair } from '../../src/keys/generate.js'
import { privateKeyObject, publicKeyObject } from '../../src/keys/key-objects.js'
import { SIGNATURE_BYTES, signBytes, verifyBytes } from '../../src/keys/signature.js'
import type { KeyAlgorithm } from '../../src/keys/types.js'

const flipBit = (bytes: Uint8Array, bit: number): Uint8Array => {
  const copy = Uint8Array.from(bytes)
  copy[bit >> 3] = (copy[bit >> 3] ?? 0) ^ (1 << (bit & 7))
  return copy
}

describe.each(['Ed25519', 'P-256'] as const)('signBytes / verifyBytes, %s', (algorithm) => {
  const key = generateKeyPair({ algorithm })
  const privateKey = privateKeyObject(key)
  const publicKey = publicKeyObject(key.publicKeyJwk)
  const data = fc.uint8Array({ maxLength: 256 })

  test('a signature has 64 bytes and verifies', () => {
    fc.assert(
      fc.property(data, (bytes) => {
        const signature = signBytes(algorithm, privateKey, bytes)
        expect(signature.length).toBe(SIGNATURE_BYTES)
        expect(verifyBytes(algorithm, publicKey, bytes, signature)).toBe(true)
      }),
      { numRuns: 100 },
    )
  })

  test('one flipped bit of the signature fails', () => {
    fc.assert(
      fc.property(data, fc.nat({ max: SIGNATURE_BYTES * 8 - 1 }), (bytes, bit) => {
        const signature = signBytes(algorithm, privateKey, bytes)
        expect(verifyBytes(algorithm, publicKey, bytes, flipBit(signature, bit))).toBe(false)
      }),
      { numRuns: 100 },
    )
  })

  test('one flipped bit of the data fails', () => {
    const nonEmpty = fc.uint8Array({ minLength: 1, maxLength: 256 })
    fc.assert(
      fc.property(nonEmpty, fc.nat(), (bytes, n) => {
        const signature = signBytes(algorithm, privateKey, bytes)
        const flipped = flipBit(bytes, n % (bytes.length * 8))
        expect(verifyBytes(algorithm, publicKey, flipped, signature)).toBe(false)
      }),
      { numRuns: 100 },
    )
  })

  test('a signature of another length, or by another key, fails without throwing', () => {
    const bytes = new TextEncoder().encode('carbon passport')
    const signature = signBytes(algorithm, privateKey, bytes)
    expect(verifyBytes(algorithm, publicKey, bytes, signature.subarray(0, 63))).toBe(false)
    expect(verifyBytes(algorithm, publicKey, bytes, new Uint8Array(65))).toBe(false)
    const other = publicKeyObject(generateKeyPair({ algorithm }).publicKeyJwk)
    expect(verifyBytes(algorithm, other, bytes, signature)).toBe(false)
  })

  test('P-256 is r‖s (IEEE P1363), which node:crypto reads back as such', () => {
    const bytes = new TextEncoder().encode('r and s, 32 bytes each')
    const signature = signBytes(algorithm, privateKey, bytes)
    const spki = createPublicKey({ key: { ...key.publicKeyJwk }, format: 'jwk' })
    const digest = KEY_ALGORITHMS[algorithm].digest
    const options = digest === null ? spki : { key: spki, dsaEncoding: 'ieee-p1363' as const }
    expect(cryptoVerify(digest, bytes, options, signature)).toBe(true)
  })
})

describe('signVcJwt signs through keys/signature.ts', () => {
  const credential = { '@context': ['https://www.w3.org/ns/credentials/v2'], name: 'ünïcode ✓' }

  test('Ed25519 (deterministic): the token is byte for byte what jose CompactSign makes', async () => {
    const key = generateKeyPair({ algorithm: 'Ed25519' })
    const header = { alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: key.id }
    const theirs = await new CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
      .setProtectedHeader(header)
      .sign(privateKeyObject(key))
    expect(await signVcJwt(credential, key)).toBe(theirs)
  })

  test.each(['Ed25519', 'P-256'] as const)(
    '%s: the header names the alg of the table',
    async (algorithm: KeyAlgorithm) => {
      const key = generateKeyPair({ algorithm })
      const [header = ''] = (await signVcJwt(credential, key)).split('.')
      expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
        alg: KEY_ALGORITHMS[algorithm].jwsAlg,
        typ: 'vc+jwt',
        cty: 'vc',
        kid: key.id,
      })
    },
  )
})
