/** The one algorithm table: every lookup reads it back, and refuses what it does not list. */
import { describe, expect, test } from 'vitest'
import {
  algorithmOfJwk,
  algorithmOfJwsAlg,
  algorithmOfPublicCodec,
  CRYPTOSUITE_KEY_ALGORITHM,
  isKeyAlgorithm,
  KEY_ALGORITHMS,
} from '../../src/keys/algorithms.js'
import { generateKeyPair } from '../../src/keys/generate.js'

describe('KEY_ALGORITHMS', () => {
  test.each(['Ed25519', 'P-256'] as const)('%s is found by each of its names', (algorithm) => {
    const names = KEY_ALGORITHMS[algorithm]
    expect(isKeyAlgorithm(algorithm)).toBe(true)
    expect(algorithmOfJwk({ kty: names.kty, crv: names.crv })).toBe(algorithm)
    for (const alg of names.jwsAlgs) expect(algorithmOfJwsAlg(alg)).toBe(algorithm)
    expect(names.jwsAlgs[0]).toBe(names.jwsAlg)
    expect(CRYPTOSUITE_KEY_ALGORITHM[names.cryptosuite]).toBe(algorithm)
    expect(algorithmOfPublicCodec(names.publicCodec)).toBe(algorithm)
    expect(algorithmOfJwk(generateKeyPair({ algorithm }).publicKeyJwk)).toBe(algorithm)
  })

  test('the JWS algs allowed are EdDSA, Ed25519 and ES256 only', () => {
    for (const alg of ['none', 'HS256', 'RS256', 'ES384', 'ES256K', 'constructor', '__proto__']) {
      expect(algorithmOfJwsAlg(alg)).toBeUndefined()
    }
    expect(algorithmOfJwsAlg(undefined)).toBeUndefined()
  })

  test('a JWK needs both its kty and its crv', () => {
    expect(algorithmOfJwk({ kty: 'EC', crv: 'Ed25519' })).toBeUndefined()
    expect(algorithmOfJwk({ kty: 'OKP', crv: 'X25519' })).toBeUndefined()
    expect(algorithmOfJwk({ kty: 'EC', crv: 'P-384' })).toBeUndefined()
    expect(algorithmOfPublicCodec('ed25519Private')).toBeUndefined()
  })
})
