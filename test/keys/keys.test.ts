import { describe, expect, test } from 'vitest'
import { isSupportedDidKey } from '../../src/did/did-key.js'
import { isCarbonPassportError } from '../../src/errors.js'
import { exportKey } from '../../src/keys/export.js'
import { generateKeyPair } from '../../src/keys/generate.js'
import { importKey } from '../../src/keys/import.js'
import {
  publicJwkOfVerificationMethod,
  toVerificationMethod,
} from '../../src/keys/verification-method.js'
import { readJsonFile } from '../helpers/files.js'

const expectCode = (fn: () => unknown, code: string) => {
  try {
    fn()
  } catch (err) {
    expect(isCarbonPassportError(err) && err.code).toBe(code)
    return
  }
  throw new Error(`expected ${code}`)
}

describe('generateKeyPair', () => {
  test.each(['Ed25519', 'P-256'] as const)('%s without controller is a did:key', (algorithm) => {
    const key = generateKeyPair({ algorithm })
    expect(key.algorithm).toBe(algorithm)
    expect(key.controller).toBe(`did:key:${key.publicKeyMultibase}`)
    expect(key.id).toBe(`${key.controller}#${key.publicKeyMultibase}`)
    expect(isSupportedDidKey(key.controller)).toBe(true)
    expect(key.publicKeyMultibase.startsWith(algorithm === 'Ed25519' ? 'z6Mk' : 'zDn')).toBe(true)
    expect(key.privateKeyJwk?.d).toBeTypeOf('string')
  })

  test('with a controller and id', () => {
    const key = generateKeyPair({ controller: 'did:web:a.example', id: 'did:web:a.example#key-1' })
    expect(key).toMatchObject({ controller: 'did:web:a.example', id: 'did:web:a.example#key-1' })
  })

  test('an unknown algorithm is refused', () => {
    expectCode(() => generateKeyPair({ algorithm: 'RSA' as never }), 'ERR_INVALID_ARGUMENT')
  })
})

describe('importKey / exportKey', () => {
  test.each(['Ed25519', 'P-256'] as const)(
    '%s round-trips through JWK and Multikey',
    (algorithm) => {
      const key = generateKeyPair({ algorithm, controller: 'did:web:a.example' })
      for (const format of ['jwk', 'multikey'] as const) {
        const exported = exportKey(key, { format, includePrivate: true })
        expect(importKey(exported)).toEqual(key)
        const pub = importKey(exportKey(key, { format }))
        expect(pub.privateKeyJwk).toBeUndefined()
        expect(pub.publicKeyMultibase).toBe(key.publicKeyMultibase)
        expect(pub.id).toBe(key.id)
      }
    },
  )

  test('the public export carries no private material', () => {
    const key = generateKeyPair()
    expect(exportKey(key, { format: 'jwk' })).not.toHaveProperty('d')
    expect(exportKey(key, { format: 'multikey' })).not.toHaveProperty('secretKeyMultibase')
  })

  test('the W3C eddsa key pair (older privateKeyMultibase) imports with the published public key', () => {
    const pair = readJsonFile('test/fixtures/vectors/vc-di-eddsa/keyPair.json')
    const key = importKey(pair)
    expect(key.publicKeyMultibase).toBe(pair.publicKeyMultibase)
    expect(key.privateKeyJwk).toBeDefined()
    expect(exportKey(key, { format: 'multikey', includePrivate: true }).secretKeyMultibase).toMatch(
      /^z3u2/,
    )
  })

  test('the W3C P-256 key pair (secretKeyMultibase) imports', () => {
    const pair = readJsonFile('test/fixtures/vectors/vc-di-ecdsa/p256KeyPair.json')
    const key = importKey(pair)
    expect(key.algorithm).toBe('P-256')
    expect(exportKey(key, { format: 'multikey', includePrivate: true })).toMatchObject(pair)
  })

  test('a JsonWebKey verification method imports with its id and controller', () => {
    const vm = readJsonFile('test/fixtures/vectors/vc-jose-cose-test-suite/cid-p256.public.json')
    const key = importKey(vm)
    expect(key).toMatchObject({ id: vm.id, controller: vm.controller, algorithm: 'P-256' })
    expect(toVerificationMethod(key, 'JsonWebKey')).toMatchObject({ id: vm.id, type: 'JsonWebKey' })
  })

  test('a JWK kid becomes the id and its DID the controller', () => {
    const key = importKey(
      readJsonFile('examples/keys/passports.huayang-cells.example.private.jwk.json'),
    )
    expect(key.id).toBe('did:web:passports.huayang-cells.example#key-1')
    expect(key.controller).toBe('did:web:passports.huayang-cells.example')
  })

  test('mismatched halves, unsupported curves and junk are ERR_KEY_INVALID', () => {
    const a = generateKeyPair()
    const b = generateKeyPair()
    expectCode(
      () => importKey({ ...exportKey(a, { format: 'jwk' }), d: b.privateKeyJwk?.d }),
      'ERR_KEY_INVALID',
    )
    expectCode(() => importKey({ kty: 'EC', crv: 'P-384', x: 'AA', y: 'AA' }), 'ERR_KEY_INVALID')
    expectCode(() => importKey({ kty: 'oct', k: 'c2VjcmV0' }), 'ERR_KEY_INVALID')
    expectCode(() => importKey({ publicKeyMultibase: 'z0OIl' }), 'ERR_KEY_INVALID')
    expectCode(() => importKey('nope'), 'ERR_KEY_INVALID')
    expectCode(
      () =>
        exportKey(importKey(exportKey(a, { format: 'jwk' })), {
          format: 'jwk',
          includePrivate: true,
        }),
      'ERR_KEY_INVALID',
    )
  })
})

describe('publicJwkOfVerificationMethod (cached by key material)', () => {
  test('another key under the same id reads as that other key, both formats, both algorithms', () => {
    for (const algorithm of ['Ed25519', 'P-256'] as const) {
      const a = generateKeyPair({ algorithm, controller: 'did:web:same.example' })
      const b = generateKeyPair({ algorithm, controller: 'did:web:same.example' })
      for (const format of ['Multikey', 'JsonWebKey'] as const) {
        const vmA = { ...toVerificationMethod(a, format), id: 'did:web:same.example#key-1' }
        const vmB = { ...toVerificationMethod(b, format), id: 'did:web:same.example#key-1' }
        for (let i = 0; i < 2; i++) {
          expect(publicJwkOfVerificationMethod(vmA)).toMatchObject({ x: a.publicKeyJwk.x })
          expect(publicJwkOfVerificationMethod(vmB)).toMatchObject({ x: b.publicKeyJwk.x })
        }
      }
    }
  })

  test('refusals stay refusals when cached, and a private JWK is never read', () => {
    const key = generateKeyPair({ algorithm: 'P-256' })
    const vm = toVerificationMethod(key, 'JsonWebKey') as { publicKeyJwk: Record<string, unknown> }
    const broken = { ...vm, publicKeyJwk: { ...vm.publicKeyJwk, x: 'AAAA' } }
    const withD = { ...vm, publicKeyJwk: { ...key.privateKeyJwk } }
    for (let i = 0; i < 2; i++) {
      expect(publicJwkOfVerificationMethod(broken)).toBeUndefined()
      expect(publicJwkOfVerificationMethod(withD)).toBeUndefined()
      expect(publicJwkOfVerificationMethod(vm)).toMatchObject({ x: key.publicKeyJwk.x })
    }
  })
})

describe('importKey / exportKey / generateKeyPair / toVerificationMethod refuse junk with a code', () => {
  const key = generateKeyPair({ controller: 'did:web:a.example' })
  const jwk = exportKey(key, { format: 'jwk', includePrivate: true })
  const throwing = (keys: string[]) => {
    const o: Record<string, unknown> = {}
    for (const k of keys)
      Object.defineProperty(o, k, {
        enumerable: true,
        get() {
          throw new Error('getter says no')
        },
      })
    return o
  }

  test('importKey: options that are not an object, or ids that are not strings', () => {
    for (const options of [null, 5, 'id', [], throwing(['id'])]) {
      expectCode(() => importKey(jwk, options as never), 'ERR_INVALID_ARGUMENT')
    }
    expectCode(() => importKey(jwk, { id: 5 as never }), 'ERR_INVALID_ARGUMENT')
    expectCode(() => importKey(jwk, { controller: {} as never }), 'ERR_INVALID_ARGUMENT')
    expect(importKey(jwk, {}).id).toBe(key.id)
  })

  test('importKey: a key with throwing getters, or a revoked Proxy, is ERR_KEY_INVALID', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    for (const input of [throwing(['kty', 'publicKeyMultibase', 'publicKeyJwk']), proxy]) {
      expectCode(() => importKey(input), 'ERR_KEY_INVALID')
    }
    expectCode(() => importKey({ publicKeyJwk: throwing(['kty']) }), 'ERR_KEY_INVALID')
  })

  test('exportKey: options that are not an object, or bad members', () => {
    for (const options of [null, undefined, 5, 'jwk', throwing(['format'])]) {
      expectCode(() => exportKey(key, options as never), 'ERR_INVALID_ARGUMENT')
    }
    expectCode(() => exportKey(key, { format: 'pem' as never }), 'ERR_INVALID_ARGUMENT')
    expectCode(
      () => exportKey(key, { format: 'jwk', includePrivate: 'yes' as never }),
      'ERR_INVALID_ARGUMENT',
    )
    expectCode(() => exportKey(null as never, { format: 'jwk' }), 'ERR_KEY_INVALID')
  })

  test('generateKeyPair and toVerificationMethod: junk options or keys', () => {
    for (const options of [null, 5, { controller: 5 }, { id: {} }, throwing(['algorithm'])]) {
      expectCode(() => generateKeyPair(options as never), 'ERR_INVALID_ARGUMENT')
    }
    for (const bad of [null, 5, {}, throwing(['id', 'publicKeyMultibase'])]) {
      expectCode(() => toVerificationMethod(bad as never), 'ERR_KEY_INVALID')
    }
    expectCode(
      () => toVerificationMethod(key, 'Ed25519VerificationKey2020' as never),
      'ERR_INVALID_ARGUMENT',
    )
  })
})
