/**
 * Strings that are not well-formed UTF-16 (lone surrogates) are refused: canonical N-Quads are UTF-8,
 * where every lone surrogate becomes U+FFFD, so a passport signed with "\ufffd" would otherwise
 * verify with "\ud800" (or "\udfff", …) in its place. Refused at input reading (object, JSON text
 * with `\ud800` escapes, JWS payload; keys and values) and at issuing.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, test } from 'vitest'
import { issueCredential } from '../../src/credential/issue.js'
import { verifyCredential } from '../../src/credential/verify.js'
import { isCarbonPassportError } from '../../src/errors.js'
import { pointer } from '../../src/findings/pointer.js'
import { inspectValue, readInput } from '../../src/input/read.js'
import { exampleDidDocuments, exampleKey } from '../helpers/examples.js'
import { readJsonFile } from '../helpers/files.js'
import { issuerOf, NOW } from './fixtures.js'

type Json = Record<string, unknown>
const didDocuments = exampleDidDocuments()
const options = { didDocuments, now: NOW }
const limits = { maxBytes: 1 << 20, maxDepth: 64 }
const isWellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed()

const unsigned = (() => {
  const { proof: _p, ...rest } = readJsonFile('examples/signed/lfp-cell-280ah.json')
  return rest
})()
const key = exampleKey(issuerOf(unsigned))
// Signed at the example's own time, before the verification clock NOW.
const created = new Date(String(unsigned.validFrom))

const withName = (doc: Json, name: string): Json => {
  const copy = structuredClone(doc)
  const product = (copy.credentialSubject as Json).product as Json
  product.name = name
  return copy
}

describe('a lone surrogate where U+FFFD was signed', () => {
  let signed: Json
  beforeAll(async () => {
    signed = await issueCredential(withName(unsigned, 'cell \ufffd'), { key, created })
  })

  test('the signed original verifies', async () => {
    expect((await verifyCredential(signed, options)).verified).toBe(true)
  })

  test.each(['\ud800', '\udfff', '\udbff'])(
    '%j in its place is STRING_NOT_WELL_FORMED',
    async (s) => {
      const forged = withName(signed, `cell ${s}`)
      const result = await verifyCredential(forged, options)
      expect(result.verified).toBe(false)
      expect(result.errors.map((e) => e.code)).toEqual(['STRING_NOT_WELL_FORMED'])
      expect(result.errors[0]?.path).toBe('/credentialSubject/product/name')
    },
  )

  test('JSON text with a \\ud800 escape, and a JWS payload with one, are refused too', async () => {
    const text = JSON.stringify(signed)
      .replace('cell \\ufffd', 'cell \\ud800')
      .replace('cell �', 'cell \\ud800')
    expect(text).toContain('\\ud800')
    const fromText = await verifyCredential(text, options)
    expect(fromText.errors.map((e) => e.code)).toEqual(['STRING_NOT_WELL_FORMED'])
    const jwt = await issueCredential(withName(unsigned, 'cell \ufffd'), {
      key,
      created,
      format: 'vc-jose',
    })
    const [h, p, s] = jwt.split('.')
    const payload = Buffer.from(p ?? '', 'base64url')
      .toString()
      .replace('cell �', 'cell \\ud800')
    const forged = `${h}.${Buffer.from(payload).toString('base64url')}.${s}`
    const fromJws = await verifyCredential(forged, options)
    expect(fromJws.errors.map((e) => e.code)).toEqual(['STRING_NOT_WELL_FORMED'])
  })

  test('a lone surrogate in a key is refused as well', async () => {
    const forged = structuredClone(signed)
    ;(forged.credentialSubject as Json)['x\udc00'] = 1
    const result = await verifyCredential(forged, options)
    expect(result.errors.map((e) => [e.code, e.path])).toEqual([
      ['STRING_NOT_WELL_FORMED', pointer('credentialSubject', 'x\udc00')],
    ])
  })
})

describe('issuing refuses a credential with a lone surrogate', () => {
  test.each(['data-integrity', 'vc-jose'] as const)(
    '%s: ERR_CREDENTIAL_MALFORMED',
    async (format) => {
      try {
        await issueCredential(withName(unsigned, 'cell \ud800'), { key, format })
        throw new Error('expected a refusal')
      } catch (err) {
        expect(isCarbonPassportError(err, 'ERR_CREDENTIAL_MALFORMED')).toBe(true)
        const findings = (err as { details?: { findings?: { code: string; path: string }[] } })
          .details?.findings
        expect(findings?.map((f) => [f.code, f.path])).toEqual([
          ['STRING_NOT_WELL_FORMED', '/credentialSubject/product/name'],
        ])
      }
    },
  )
})

describe('the walk finds exactly the ill-formed strings, with their path', () => {
  // Strings of code units where lone surrogates turn up often, and sometimes pair up by chance.
  const unit = fc.constantFrom('a', 'é', '😀', '\ufffd', '\ud800', '\udc00', '\ud83d', '\ude00')
  const str = fc.string({ unit, maxLength: 4 })
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.oneof(str, fc.integer(), fc.boolean(), fc.constant(null)),
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(str, tie('node'), { maxKeys: 3 }),
    ),
  })).node

  /** Every ill-formed key or string value, with its pointer, in walk order. */
  function illFormed(v: unknown, path: (string | number)[] = []): string[] {
    if (v === null || typeof v !== 'object') {
      return typeof v === 'string' && !isWellFormed(v) ? [pointer(...path)] : []
    }
    return Object.entries(v).flatMap(([k, child]) => {
      const at = [...path, Array.isArray(v) ? Number(k) : k]
      return !Array.isArray(v) && !isWellFormed(k) ? [pointer(...at)] : illFormed(child, at)
    })
  }

  test('on random JSON: refused iff some key or string is ill-formed, at one of their paths', () => {
    fc.assert(
      fc.property(fc.dictionary(str, value, { maxKeys: 4 }), (doc) => {
        const bad = illFormed(doc)
        const shape = inspectValue(doc, 64)
        expect(shape.illFormed === undefined).toBe(bad.length === 0)
        if (shape.illFormed !== undefined) expect(bad).toContain(pointer(...shape.illFormed))
        const read = readInput(doc, limits)
        if (bad.length === 0) return
        expect(read.ok).toBe(false)
        if (!read.ok) expect(read.findings.map((f) => f.code)).toEqual(['STRING_NOT_WELL_FORMED'])
      }),
      { numRuns: 3000 },
    )
  })
})
