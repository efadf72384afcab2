/**
 * Fuzz: what the library signs, it verifies. The valid example passports, mutated (mutations.ts),
 * are handed to issuePassport with their issuer's key, in both formats. It refuses with a
 * CarbonPassportError (which has a code), or what it signs passes every check the issuer controls:
 * syntax, context, proof, issuer-binding and (verifyPassport) schema and conformance under core
 * (issuing refuses a passport with a conformance error, ERR_PASSPORT_NONCONFORMING). Validity may
 * fail: a mutation may move a date, and issuing does not judge that.
 *
 * Found by this fuzz, and fixed: issuePassport validated the schema on the JSON as written, while
 * verification validates the view where a node described in several places (one `id` on several
 * objects) is read with all of its descriptions; a `description` of an issuer that is also
 * `product.manufacturer` was signed and then failed the schema. Issuing now validates that view.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { isCarbonPassportError } from '../../src/errors.js'
import { issuePassport } from '../../src/passport/issue.js'
import { issuerOf } from '../credential/fixtures.js'
import { exampleDidDocuments, exampleKey, validExamples } from '../helpers/examples.js'
import { decided, fuzzRuns } from '../helpers/fuzz.js'
import { verifyBoth } from './invariants.js'
import { type Json, TREE_MUTATIONS } from './mutations.js'

const NOW = new Date('2027-01-01T00:00:00Z')
const CREATED = new Date('2026-06-01T00:00:00Z')
const options = { didDocuments: exampleDidDocuments(), now: NOW }
const examples = validExamples().map((e) => ({ ...e, key: exampleKey(issuerOf(e.doc)) }))
type Example = (typeof examples)[number]

const SECURITY_CHECKS = ['syntax', 'context', 'proof', 'issuer-binding']
const nat = fc.nat()
const KINDS = [...Object.keys(TREE_MUTATIONS), 'leaf', 'leaf', 'leaf', 'reorderArray', 'add']

const example = (name: string) => examples.find((e) => e.name === name) as Example
const MERGED: [string, Example, (doc: Json) => void][] = [
  [
    // VC 2.0 §4.7 allows an issuer description; the manufacturer (the same node) has none.
    'the issuer (also the manufacturer) with a description',
    example('lfp-cell-280ah'),
    (doc) => {
      ;(doc.issuer as Json).description = 'Cell maker'
    },
  ],
  [
    'an activity whose id is the credential schema’s',
    example('ev-nmc-pack'),
    (doc) => {
      const activity = ((doc.credentialSubject as Json).activityData as Json[])[0] as Json
      activity.id = (doc.credentialSchema as Json).id
    },
  ],
]

describe('issuePassport, then verify, on mutated passports', () => {
  test.each(
    MERGED.flatMap(([label, e, mutate]) =>
      (['data-integrity', 'vc-jose'] as const).map((format) => [label, format, e, mutate] as const),
    ),
  )(
    '%s (%s): refused as ERR_PASSPORT_INVALID, as verification would refuse it',
    async (_, format, e, mutate) => {
      const doc = structuredClone(e.doc) as Json
      mutate(doc)
      const error = await issuePassport(doc, { key: e.key, format, created: CREATED }).catch(
        (err: unknown) => err,
      )
      expect(isCarbonPassportError(error, 'ERR_PASSPORT_INVALID')).toBe(true)
    },
  )

  test('a refusal has a code; anything signed passes the checks its issuer controls', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          example: fc.nat(examples.length - 1),
          ops: fc.array(fc.record({ kind: fc.constantFrom(...KINDS), a: nat, b: nat, c: nat }), {
            maxLength: 2,
          }),
          format: fc.constantFrom('data-integrity' as const, 'vc-jose' as const),
        }),
        async ({ example, ops, format }) => {
          const e = examples[example] as Example
          const doc = structuredClone(e.doc) as Json
          const labels = ops.map(({ kind, a, b, c }) => TREE_MUTATIONS[kind]?.(doc, a, b, c)?.label)
          const label = `${e.name}: ${labels.join('; ') || 'unchanged'} [${format}]`
          let signed: unknown
          try {
            signed = await decided(`issuePassport: ${label}`, () =>
              issuePassport(doc, { key: e.key, format, created: CREATED }),
            )
          } catch (err) {
            expect(isCarbonPassportError(err), `${label}: ${String(err)}`).toBe(true)
            return
          }
          const { passport, credential } = await verifyBoth(signed, label, options)
          for (const [result, ids] of [
            [passport, [...SECURITY_CHECKS, 'schema', 'conformance']],
            [credential, SECURITY_CHECKS],
          ] as const) {
            const failed = result.checks.filter((c) => ids.includes(c.id) && c.status !== 'pass')
            expect(
              failed.map((c) => [c.id, c.status, c.findings.map((f) => `${f.code} ${f.path}`)]),
              label,
            ).toEqual([])
          }
          if (ops.length === 0) expect(passport.verified, label).toBe(true)
        },
      ),
      { numRuns: fuzzRuns(200) },
    )
  })
})
