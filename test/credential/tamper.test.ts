/**
 * Property: changing any leaf of a signed example passport (any example, any leaf, proof included)
 * never verifies and never throws, in both formats.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, test } from 'vitest'
import { VERIFICATION_CODES } from '../../src/findings/catalogue.js'
import { issuePassport } from '../../src/passport/issue.js'
import { verifyPassport } from '../../src/passport/verify.js'
import { exampleDidDocuments, exampleKey, validExamples } from '../helpers/examples.js'
import { issuerOf, NOW } from './fixtures.js'

type Json = Record<string, unknown>
type Path = (string | number)[]

function leaves(value: unknown, path: Path = []): Path[] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      leaves(v, [...path, Array.isArray(value) ? Number(k) : k]),
    )
  }
  return [path]
}

function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value)
}

function setAt(value: Json, path: Path, leaf: unknown): Json {
  const copy = structuredClone(value)
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>
  parent[path.at(-1) as string | number] = leaf
  return copy
}

/** A different JSON value of the same kind (or a string for null). */
const mutation = (original: unknown) =>
  fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean()).map((candidate) => {
    if (typeof original === 'string')
      return typeof candidate === 'string' && candidate !== original ? candidate : `${original}~`
    if (typeof original === 'number')
      return original + (typeof candidate === 'number' && candidate !== 0 ? candidate : 1)
    if (typeof original === 'boolean') return !original
    return 'x'
  })

const examples = validExamples()
const signed: { di: Json; jwtPayload: Json; jwtHeader: string; jwtSignature: string }[] = []
const didDocuments = exampleDidDocuments()

beforeAll(async () => {
  for (const { doc: passport } of examples) {
    const key = exampleKey(issuerOf(passport))
    // Signed when the passport became valid: never after the verification clock NOW.
    const di = await issuePassport(passport, { key, created: new Date(String(passport.validFrom)) })
    const jwt = await issuePassport(passport, { key, format: 'vc-jose' })
    const [h = '', p = '', s = ''] = jwt.split('.')
    signed.push({
      di,
      jwtPayload: JSON.parse(Buffer.from(p, 'base64url').toString()),
      jwtHeader: h,
      jwtSignature: s,
    })
  }
  for (const s of signed)
    expect((await verifyPassport(s.di, { didDocuments, now: NOW })).verified).toBe(true)
})

const pick = fc.nat({ max: examples.length - 1 })
const isCode = (code: string) => code in VERIFICATION_CODES || /^[A-Z][A-Z0-9_]+$/.test(code)

describe('any changed leaf fails', () => {
  test('Data Integrity: the proof or context check fails', async () => {
    await fc.assert(
      fc.asyncProperty(
        pick
          .chain((i) => {
            const doc = signed[i]?.di as Json
            return fc.tuple(fc.constant(doc), fc.constantFrom(...leaves(doc)))
          })
          .chain(([doc, path]) =>
            fc.tuple(fc.constant(doc), fc.constant(path), mutation(getAt(doc, path))),
          ),
        async ([doc, path, leaf]) => {
          const result = await verifyPassport(setAt(doc, path, leaf), { didDocuments, now: NOW })
          expect(result.verified).toBe(false)
          expect(result.errors.length).toBeGreaterThan(0)
          expect(result.errors.every((e) => isCode(e.code))).toBe(true)
          const failed = result.checks.filter((c) => c.status === 'fail').map((c) => c.id)
          expect(failed.includes('proof') || failed.includes('context')).toBe(true)
        },
      ),
      { numRuns: 120 },
    )
  })

  test('vc+jwt: the proof check fails with PROOF_INVALID', async () => {
    await fc.assert(
      fc.asyncProperty(
        pick
          .chain((i) => {
            const s = signed[i] as (typeof signed)[number]
            return fc.tuple(fc.constant(s), fc.constantFrom(...leaves(s.jwtPayload)))
          })
          .chain(([s, path]) =>
            fc.tuple(fc.constant(s), fc.constant(path), mutation(getAt(s.jwtPayload, path))),
          ),
        async ([s, path, leaf]) => {
          const payload = Buffer.from(JSON.stringify(setAt(s.jwtPayload, path, leaf))).toString(
            'base64url',
          )
          const result = await verifyPassport(`${s.jwtHeader}.${payload}.${s.jwtSignature}`, {
            didDocuments,
            now: NOW,
          })
          expect(result.verified).toBe(false)
          expect(result.errors.map((e) => e.code)).toContain('PROOF_INVALID')
        },
      ),
      { numRuns: 300 },
    )
  })
})
