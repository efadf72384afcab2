import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isCarbonPassportError } from '../../src/errors.js'
import { computePassportDigest } from '../../src/supply-chain/digest.js'
import { signedExamples, validExamples } from '../helpers/examples.js'

describe('computePassportDigest', () => {
  const multibase = (bytes: string) =>
    `u${Buffer.concat([Buffer.from([0x12, 0x20]), createHash('sha256').update(bytes).digest()]).toString('base64url')}`

  it('is the u-multibase sha2-256 multihash of the JCS form, proof included', () => {
    const doc = { b: [1, 'x'], a: { d: 1.5, c: true }, proof: { proofValue: 'z123' } }
    // RFC 8785 canonical form of the whole document: keys sorted, no whitespace.
    const canonical = '{"a":{"c":true,"d":1.5},"b":[1,"x"],"proof":{"proofValue":"z123"}}'
    expect(computePassportDigest(doc)).toBe(multibase(canonical))
  })

  it('does not depend on key order or whitespace, and changes with any value or the proof', () => {
    const a = { x: '1.0', y: { z: 'a' } }
    expect(computePassportDigest({ y: { z: 'a' }, x: '1.0' })).toBe(computePassportDigest(a))
    expect(computePassportDigest(JSON.stringify(a, null, 2))).toBe(computePassportDigest(a))
    expect(computePassportDigest({ ...a, proof: { type: 'DataIntegrityProof' } })).not.toBe(
      computePassportDigest(a),
    )
    expect(
      computePassportDigest({ ...a, proof: { type: 'DataIntegrityProof', created: '2026' } }),
    ).not.toBe(computePassportDigest({ ...a, proof: { type: 'DataIntegrityProof' } }))
    expect(computePassportDigest({ ...a, x: '1.00' })).not.toBe(computePassportDigest(a))
  })

  it('a vc+jwt: the exact bytes of the compact JWS, alone, enveloped or as JSON text', () => {
    const { jwt, di } = signedExamples().find((e) => e.name === 'lfp-cell-280ah') as {
      jwt: string
      di: Record<string, unknown>
    }
    const jws = jwt.trim()
    const expected = multibase(jws)
    expect(computePassportDigest(jws)).toBe(expected)
    expect(computePassportDigest(`${jws}\n`)).toBe(expected)
    const envelope = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: `data:application/vc+jwt,${jws}`,
      type: 'EnvelopedVerifiableCredential',
    }
    expect(computePassportDigest(envelope)).toBe(expected)
    expect(computePassportDigest(JSON.stringify(envelope))).toBe(expected)
    // The Data Integrity form of the same passport is another artifact with another digest.
    expect(computePassportDigest(di)).not.toBe(expected)
    const payload = JSON.parse(Buffer.from(jws.split('.')[1] as string, 'base64url').toString())
    expect(computePassportDigest(payload)).not.toBe(expected)
  })

  it('the worked example of docs/digests.md', () => {
    const doc = readFileSync(new URL('../../docs/digests.md', import.meta.url), 'utf8')
    const credential = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/carbon-passport/v1'],
      id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
      type: ['VerifiableCredential', 'CarbonPassportCredential'],
      issuer: 'did:web:passports.example',
      proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z3yT' },
    }
    const jws =
      'eyJhbGciOiJFZERTQSIsInR5cCI6InZjK2p3dCJ9.eyJpZCI6InVybjp1dWlkOjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMSJ9.c2lnbmF0dXJl'
    expect(doc).toContain(`\`digestMultibase\`: \`${computePassportDigest(credential)}\``)
    expect(doc).toContain(`\`digestMultibase\`: \`${computePassportDigest(jws)}\``)
    expect(doc).toContain(jws)
  })

  it('refuses what is not a credential', () => {
    for (const bad of [null, [], 'text', 1, 'a.b', '[1]']) {
      expect(() => computePassportDigest(bad)).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      )
    }
  })

  it('every component reference in the examples carries the digest of the signed example it names', () => {
    const examples = validExamples()
    // The examples cite their upstream passports as signed (Data Integrity, proof included).
    const byId = new Map(signedExamples().map((e) => [e.di.id, e.di]))
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

  it('a lone surrogate inside the proof matters too (the proof is digested)', () => {
    expect(() => computePassportDigest({ a: 1, proof: { p: '\ud800' } })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
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
