import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { computePassportDigest } from '../../src/supply-chain/digest.js'
import { loadExamples } from '../helpers/examples.js'

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
    const examples = loadExamples('valid')
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
