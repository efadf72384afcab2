import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isCarbonPassportError } from '../../src/errors.js'
import { computePassportDigest } from '../../src/supply-chain/digest.js'
import { validExamples } from '../helpers/examples.js'

describe('computePassportDigest', () => {
  it('is the u-multibase sha2-256 multihash of the JCS form, proof excluded', () => {
    const doc = { b: [1, 'x'], a: { d: 1.5, c: true }, proof: { proofValue: 'z123' } }
    // RFC 8785 canonical form of the document without its proof: keys sorted, no whitespace.
    const canonical = '{"a":{"c":true,"d":1.5},"b":[1,"x"]}'
    const hash = createHash('sha256').update(canonical).digest()
    const expected = `u${Buffer.concat([Buffer.from([0x12, 0x20]), hash]).toString('base64url')}`
    expect(computePassportDigest(doc)).toBe(expected)
  })

  it('does not depend on key order or on the proof, and changes with any value', () => {
    const a = { x: '1.0', y: { z: 'a' } }
    expect(computePassportDigest({ y: { z: 'a' }, x: '1.0' })).toBe(computePassportDigest(a))
    expect(computePassportDigest({ ...a, proof: { type: 'DataIntegrityProof' } })).toBe(
      computePassportDigest(a),
    )
    expect(computePassportDigest({ ...a, x: '1.00' })).not.toBe(computePassportDigest(a))
  })

  it('refuses what is not a credential object', () => {
    for (const bad of [null, [], 'text', 1]) {
      expect(() => computePassportDigest(bad)).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      )
    }
  })

  it('every component reference in the examples carries the digest of the example it names', () => {
    const examples = validExamples()
    const byId = new Map(examples.map((e) => [e.doc.id, e.doc]))
    const references = examples.flatMap((e) => {
      const subject = e.doc.credentialSubject as {
        components?: { passport: string; digestMultibase: string }[]
      }
      return subject.components ?? []
    })
    expect(references.length).toBeGreaterThanOrEqual(2)
    for (const ref of references) {
      const upstream = byId.get(ref.passport)
      expect(upstream, `example passport ${ref.passport}`).toBeDefined()
      expect(ref.digestMultibase).toBe(computePassportDigest(upstream))
    }
  })
})

describe('computePassportDigest refuses what RFC 8785 cannot canonicalize, with a code', () => {
  const cyclic: Record<string, unknown> = { a: 1 }
  cyclic.self = cyclic
  let deep: Record<string, unknown> = {}
  for (let i = 0; i < 10_000; i++) deep = { d: deep }
  const getter = Object.defineProperty({}, 'x', {
    enumerable: true,
    get() {
      throw new Error('getter says no')
    },
  })
  it.each([
    ['a cycle', cyclic],
    ['a BigInt', { a: 1n }],
    ['a lone surrogate in a value', { a: 'x\ud800y' }],
    ['a lone surrogate in a key', { 'x\udc00': 1 }],
    ['NaN', { a: Number.NaN }],
    ['Infinity', { a: [Number.POSITIVE_INFINITY] }],
    ['10,000 levels', deep],
    ['a throwing getter', getter],
    [
      'a revoked Proxy',
      (() => {
        const { proxy, revoke } = Proxy.revocable({}, {})
        revoke()
        return proxy
      })(),
    ],
  ])('%s: ERR_INVALID_ARGUMENT', (_, value) => {
    expect(() => computePassportDigest(value)).toThrow(
      expect.objectContaining({ name: 'CarbonPassportError', code: 'ERR_INVALID_ARGUMENT' }),
    )
  })

  it('a lone surrogate inside the proof does not matter (the proof is not digested)', () => {
    expect(computePassportDigest({ a: 1, proof: { p: '\ud800', n: 1n } })).toBe(
      computePassportDigest({ a: 1 }),
    )
  })

  it('any JSON object gets a digest; anything else is refused with a code (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        expect(computePassportDigest(value)).toMatch(/^uEi[\w-]{44}$/)
      }),
    )
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true }),
        (value) => {
          try {
            expect(computePassportDigest(value)).toMatch(/^uEi[\w-]{44}$/)
          } catch (err) {
            expect(isCarbonPassportError(err, 'ERR_INVALID_ARGUMENT')).toBe(true)
          }
        },
      ),
    )
  })
})
