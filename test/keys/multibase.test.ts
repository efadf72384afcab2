/**
 * base58btc is quadratic to decode, so every decode of untrusted text is bounded by the length the
 * expected bytes can take: these properties pin that bound and that nothing within it is refused.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { isCarbonPassportError } from '../../src/errors.js'
import { importKey } from '../../src/keys/import.js'
import {
  base58btcDecode,
  base58btcEncode,
  decodeBase58Multibase,
  decodeMultikey,
  MAX_MULTIKEY_BYTES,
  maxBase58Length,
} from '../../src/keys/multibase.js'
import { publicJwkOfVerificationMethod } from '../../src/keys/verification-method.js'

const HANG_GUARD_MS = 2000

describe('maxBase58Length', () => {
  test('is the longest base58btc text of n bytes, reached by n bytes of 0xff', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 120 }), (bytes) => {
        expect(base58btcEncode(bytes).length).toBeLessThanOrEqual(maxBase58Length(bytes.length))
      }),
      { numRuns: 2000 },
    )
    for (let n = 0; n <= 128; n++) {
      expect(base58btcEncode(new Uint8Array(n).fill(0xff)).length).toBe(maxBase58Length(n))
    }
    // The sizes the brief is about: a 64-byte signature, 34/35-byte multikey public keys.
    expect([maxBase58Length(64), maxBase58Length(34), maxBase58Length(35)]).toEqual([88, 47, 48])
  })
})

describe('decodeBase58Multibase', () => {
  test('round-trips exactly n bytes and refuses every other length or prefix', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.integer({ min: 0, max: 100 }), (b, n) => {
        const decoded = decodeBase58Multibase(`z${base58btcEncode(b)}`, n)
        if (b.length === n) expect(decoded).toStrictEqual(b)
        else expect(decoded).toBeUndefined()
        expect(decodeBase58Multibase(`u${Buffer.from(b).toString('base64url')}`, n)).toBeUndefined()
      }),
      { numRuns: 2000 },
    )
  })

  test('refuses a long or non-base58 text without decoding it', () => {
    const start = performance.now()
    expect(decodeBase58Multibase(`z${'2'.repeat(1_000_000)}`, 64)).toBeUndefined()
    expect(performance.now() - start).toBeLessThan(HANG_GUARD_MS)
    expect(decodeBase58Multibase('z0OIl', 3)).toBeUndefined()
    expect(decodeBase58Multibase(5 as never, 3)).toBeUndefined()
  })
})

describe('multikey values are bounded before decoding', () => {
  const huge = `z${'2'.repeat(60_000)}`

  test('decodeMultikey refuses a value longer than the longest multikey, with ERR_KEY_INVALID', () => {
    expect(MAX_MULTIKEY_BYTES).toBe(66)
    const start = performance.now()
    try {
      decodeMultikey(huge)
      throw new Error('expected a refusal')
    } catch (err) {
      expect(isCarbonPassportError(err, 'ERR_KEY_INVALID')).toBe(true)
    }
    // The longest accepted value still decodes (a 64-byte Ed25519 secret with its prefix).
    const longest = new Uint8Array(MAX_MULTIKEY_BYTES).fill(0xff)
    longest.set([0x80, 0x26])
    expect(decodeMultikey(`z${base58btcEncode(longest)}`).key.length).toBe(64)
    expect(performance.now() - start).toBeLessThan(HANG_GUARD_MS)
  })

  test('importKey and publicJwkOfVerificationMethod refuse a 60,000-character key quickly', () => {
    const start = performance.now()
    expect(publicJwkOfVerificationMethod({ type: 'Multikey', publicKeyMultibase: huge })).toBe(
      undefined,
    )
    expect(() => importKey({ type: 'Multikey', publicKeyMultibase: huge })).toThrow()
    expect(() =>
      importKey({
        publicKeyMultibase: 'z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH',
        secretKeyMultibase: huge,
      }),
    ).toThrow()
    expect(performance.now() - start).toBeLessThan(HANG_GUARD_MS)
  })

  test('base58btcDecode itself still decodes what it is given (callers bound it)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (b) => {
        expect(base58btcDecode(base58btcEncode(b))).toStrictEqual(b)
      }),
    )
  })
})
