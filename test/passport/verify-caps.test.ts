/**
 * verifyPassport leaves out conformance's walk measuring the input caps for a vc+jwt short enough
 * that reading it bounds the credential within them (readBoundsConformanceCaps): the results are
 * the same as with the walk. The two facts it rests on are checked on generated input: JSON.stringify
 * writes parsed JSON text in at most 25 bytes a byte (numbers grow, nothing else does), and a vc+jwt
 * the guard lets through and the reader accepts is within conformance's caps, as measureJson counts.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkConformanceLayers } from '../../src/conformance/check.js'
import { measureJson } from '../../src/conformance/limits.js'
import { issueCredential } from '../../src/credential/issue.js'
import type { CredentialRead } from '../../src/credential/verify.js'
import { DEFAULT_MAX_BYTES, readInput } from '../../src/input/read.js'
import {
  JSON_REWRITE_FACTOR,
  readBoundsConformanceCaps,
  verifyPassport,
} from '../../src/passport/verify.js'
import { NOW } from '../credential/fixtures.js'
import { exampleDidDocuments, exampleKey, validExamples } from '../helpers/examples.js'

const runs = Number(process.env.FUZZ_RUNS ?? 2000)
const bytes = (text: string) => Buffer.byteLength(text, 'utf8')
const options = { didDocuments: exampleDidDocuments(), now: NOW }

/** Number tokens, spelt as JSON allows: exponents make the written form longer than the text. */
const numberToken = fc.oneof(
  fc.constantFrom('1E20', '9E20', '1e21', '1E-6', '12E-7', '-1E20', '0', '-0', '1E400', '5e-324'),
  fc
    .tuple(
      fc.constantFrom('', '-'),
      fc.constantFrom('0', '1', '9', '12', '1234567890123456789'),
      fc.constantFrom('', '.5', '.000001', '.12345678901234567'),
      fc.constantFrom('', 'e1', 'E20', 'e+21', 'E-7', 'e-6', 'e308', 'E-400'),
    )
    .map((parts) => parts.join('')),
)
/** String tokens with escapes, which parse shorter than they are spelt (or as long). */
const stringToken = fc
  .array(
    fc.constantFrom(
      'a',
      'é',
      '😀',
      '\\n',
      '\\"',
      '\\\\',
      '\\/',
      '\\u00e9',
      '\\u0000',
      '\\ud83d\\ude00',
      '\\u2028',
    ),
    { maxLength: 6 },
  )
  .map((parts) => `"${parts.join('')}"`)
/** JSON text of any shape, nested up to ~80 levels (past verification's 64). */
const { text: jsonText } = fc.letrec<{ text: string }>((tie) => ({
  text: fc.oneof(
    { depthSize: 'small', maxDepth: 80 },
    numberToken,
    stringToken,
    fc.constantFrom('true', 'false', 'null'),
    fc.array(tie('text'), { maxLength: 4 }).map((items) => `[ ${items.join(' , ')} ]`),
    fc
      .array(fc.tuple(stringToken, tie('text')), { maxLength: 3 })
      .map((members) => `{${members.map(([k, v]) => `${k}:${v}`).join(',')}}`),
  ),
}))

/** The string forms a vc+jwt travels in: bare, enveloped, JSON text of a wrapper around either. */
const WRAPPINGS = [
  (jws: string) => jws,
  (jws: string) => `data:application/vc+jwt,${jws}`,
  (jws: string) => JSON.stringify({ verifiableCredential: `data:application/vc+jwt,${jws}` }),
  (jws: string) => ` ${JSON.stringify(jws)}`,
]

const payloadOf = (jws: string) => Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString()
/** The JWS with another payload (its signature no longer holds; conformance runs all the same). */
const withPayload = (jws: string, payload: string) => {
  const [header, , signature] = jws.split('.')
  return `${header}.${Buffer.from(payload).toString('base64url')}.${signature}`
}

describe('readBoundsConformanceCaps', () => {
  const jws = 'eyJhbGciOiJFZERTQSJ9.eyJhIjoxfQ.c2ln'
  const fromText = (text: string): CredentialRead => ({
    format: 'vc-jose',
    textLength: text.length,
  })
  it('holds for a vc+jwt read from a string within 1/32 of the byte cap, and for nothing else', () => {
    expect(JSON_REWRITE_FACTOR).toBe(32)
    expect(readBoundsConformanceCaps(fromText(jws), undefined)).toBe(true)
    expect(readBoundsConformanceCaps(fromText(jws), jws.length * 32)).toBe(true)
    expect(readBoundsConformanceCaps(fromText(jws), jws.length * 32 - 1)).toBe(false)
    expect(readBoundsConformanceCaps(fromText(jws), Number.POSITIVE_INFINITY)).toBe(true)
    const long = 'x'.repeat(DEFAULT_MAX_BYTES / 32 + 1)
    expect(readBoundsConformanceCaps(fromText(long), undefined)).toBe(false)
    // Envelopes and JSON text holding a JWS: the payload is still a part of the text.
    expect(readBoundsConformanceCaps(fromText(`data:application/vc+jwt,${jws}`), undefined)).toBe(
      true,
    )
    // Data Integrity, or an object input (measured as such by the reader, but not by this bound).
    expect(readBoundsConformanceCaps({ format: 'data-integrity', textLength: 10 }, undefined)).toBe(
      false,
    )
    expect(readBoundsConformanceCaps({ format: 'vc-jose' }, undefined)).toBe(false)
    expect(readBoundsConformanceCaps(fromText(jws), '1000000')).toBe(false)
  })

  it('does not hold while Object.prototype has an enumerable property (measureJson counts it)', () => {
    const proto = Object.prototype as Record<string, unknown>
    proto.polluted = 'x'
    try {
      expect(readBoundsConformanceCaps(fromText(jws), undefined)).toBe(false)
    } finally {
      delete proto.polluted
    }
    expect(readBoundsConformanceCaps(fromText(jws), undefined)).toBe(true)
  })
})

describe('JSON.stringify of parsed JSON text', () => {
  it('writes no number in more than 25 characters', () => {
    fc.assert(
      fc.property(fc.double(), (x) => String(x).length <= 25),
      { numRuns: runs * 5 },
    )
    expect(String(-1.2345678901234567e-6)).toHaveLength(25)
  })

  it('is at most 25 bytes a byte of the text', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        const written = JSON.stringify(JSON.parse(text))
        return bytes(written) <= 25 * bytes(text)
      }),
      { numRuns: runs },
    )
  })
})

describe('verifyPassport without the measuring walk', () => {
  let issued: { name: string; jws: string }[]
  beforeAll(async () => {
    issued = await Promise.all(
      validExamples().map(async (e) => {
        const doc = e.doc as { issuer: { id: string } }
        const key = exampleKey(doc.issuer.id)
        return { name: e.path, jws: await issueCredential(doc, { key, format: 'vc-jose' }) }
      }),
    )
  })

  it('reads every vc+jwt example it leaves the walk out for within conformance’s caps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 7 }),
        jsonText,
        fc.integer({ min: 1, max: 90 }),
        fc.constantFrom(...WRAPPINGS),
        (index, extra, maxDepth, wrap) => {
          const { jws } = issued[index % issued.length] as { jws: string }
          const payload = payloadOf(jws).replace(/^\{/, `{"extra":${extra},`)
          const input = wrap(withPayload(jws, payload))
          const maxBytes = input.length * JSON_REWRITE_FACTOR
          const bound = { format: 'vc-jose', textLength: input.length } as const
          expect(readBoundsConformanceCaps(bound, maxBytes)).toBe(true)
          const read = readInput(input, { maxBytes, maxDepth })
          if (!read.ok) return
          expect(measureJson(read.unwrapped.credential, maxBytes, maxDepth)).toEqual({
            tooLarge: false,
            tooDeep: false,
          })
        },
      ),
      { numRuns: runs },
    )
  })

  it('gives the results it gives with the walk, signed or not', async () => {
    const samples = fc.sample(
      fc.tuple(fc.integer({ min: 0, max: 7 }), jsonText, fc.integer({ min: 3, max: 90 })),
      { numRuns: 60, seed: 13 },
    )
    const inputs = issued.map(({ jws }) => ({ jws, maxDepth: 64 }))
    for (const [index, extra, maxDepth] of samples) {
      const { jws } = issued[index % issued.length] as { jws: string }
      inputs.push({
        jws: withPayload(jws, payloadOf(jws).replace(/^\{/, `{"extra":${extra},`)),
        maxDepth,
      })
    }
    let conformanceRan = 0
    for (const { jws, maxDepth } of inputs) {
      const caps = { maxBytes: jws.length * JSON_REWRITE_FACTOR, maxDepth }
      const bound = { format: 'vc-jose', textLength: jws.length } as const
      expect(readBoundsConformanceCaps(bound, caps.maxBytes)).toBe(true)
      const without = await verifyPassport(jws, { ...options, ...caps })
      // One byte less of cap: the walk runs (and finds the credential within the caps as well).
      const walked = { ...caps, maxBytes: caps.maxBytes - 1 }
      expect(readBoundsConformanceCaps(bound, walked.maxBytes)).toBe(false)
      const withWalk = await verifyPassport(jws, { ...options, ...walked })
      expect(without).toEqual(withWalk)
      if (without.conformance) {
        conformanceRan++
        const credential = JSON.parse(payloadOf(jws)) as object
        expect(without.conformance).toEqual(checkConformanceLayers(credential, caps).report)
      }
    }
    expect(conformanceRan).toBeGreaterThan(20)
    // The examples, signed: verified, with the walk left out.
    const signed = await Promise.all(issued.map(({ jws }) => verifyPassport(jws, options)))
    expect(signed.map((r) => r.verified)).toEqual(issued.map(() => true))
  })
})
