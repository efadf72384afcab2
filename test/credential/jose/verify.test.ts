/**
 * The synchronous node:crypto JWS signature check agrees with jose's compactVerify (WebCrypto) on
 * the W3C vc-jose-cose inputs, our own tokens, and tampered tokens.
 */
import { compactVerify, importJWK } from 'jose'
import { describe, expect, test } from 'vitest'
import { issueCredential } from '../../../src/credential/issue.js'
import { verifyJwsSignature } from '../../../src/credential/jose/verify.js'
import { generateKeyPair } from '../../../src/keys/generate.js'
import { publicKeyObject } from '../../../src/keys/key-objects.js'
import type { PublicJwk } from '../../../src/keys/types.js'
import { validExamples } from '../../helpers/examples.js'
import { readJsonFile, readTextFile } from '../../helpers/files.js'

const SUITE = 'test/fixtures/vectors/vc-jose-cose-test-suite/'

async function joseAgrees(jws: string, jwk: PublicJwk, alg: 'EdDSA' | 'ES256'): Promise<boolean> {
  const ours = verifyJwsSignature(
    jws,
    jwk.crv === 'Ed25519' ? 'Ed25519' : 'P-256',
    publicKeyObject(jwk),
  )
  let theirs: boolean
  try {
    await compactVerify(jws, await importJWK({ ...jwk }, alg), { algorithms: [alg] })
    theirs = true
  } catch {
    theirs = false
  }
  expect(ours).toBe(theirs)
  return ours
}

const mutations = (jws: string): string[] => {
  const [h = '', p = '', s = ''] = jws.split('.')
  const flip = (seg: string, i: number) =>
    seg.slice(0, i) + (seg[i] === 'A' ? 'B' : 'A') + seg.slice(i + 1)
  return [
    `${flip(h, 5)}.${p}.${s}`,
    `${h}.${flip(p, 10)}.${s}`,
    `${h}.${p}.${flip(s, 3)}`,
    `${h}.${p}.${s.slice(0, -2)}`,
    `${h}.${p}.${s}AA`,
    `${h}.${p}.`,
    `${h}.${p}`,
  ]
}

describe('verifyJwsSignature agrees with jose', () => {
  const ed = readJsonFile(`${SUITE}cid-ed25519.public.json`).publicKeyJwk as PublicJwk
  const p256 = readJsonFile(`${SUITE}cid-p256.public.json`).publicKeyJwk as PublicJwk
  test.each([
    ['credential-jose-minimal.txt', p256, 'ES256', true],
    ['credential-issuer-match-signed.txt', ed, 'EdDSA', true],
    ['credential-jose-bad-signature.txt', ed, 'EdDSA', false],
  ] as const)('%s', async (file, jwk, alg, expected) => {
    const jws = readTextFile(`${SUITE}${file}`)
    expect(await joseAgrees(jws, jwk, alg)).toBe(expected)
    for (const m of mutations(jws)) expect(await joseAgrees(m, jwk, alg)).toBe(false)
  })

  test.each(['Ed25519', 'P-256'] as const)(
    'our own %s tokens, and tampered copies',
    async (algorithm) => {
      const key = generateKeyPair({ algorithm })
      const passport = { ...(validExamples()[0]?.doc as object), issuer: key.controller }
      const jws = await issueCredential(passport, { key, format: 'vc-jose' })
      const alg = algorithm === 'Ed25519' ? 'EdDSA' : 'ES256'
      expect(await joseAgrees(jws, key.publicKeyJwk, alg)).toBe(true)
      for (const m of mutations(jws)) expect(await joseAgrees(m, key.publicKeyJwk, alg)).toBe(false)
    },
  )
})
