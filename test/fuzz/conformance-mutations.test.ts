/**
 * Fuzz: checkConformance, with every profile, on structure-aware mutations of the valid example
 * passports (mutations.ts), given as a passport, as JSON text or as a bare credential subject. It
 * never throws and never reports a crash, leaves its input as it was, gives the same report twice,
 * and the report is well-formed (documented codes, JSON Pointer paths, `conforms` and `status` as
 * the severities say, the profiles asked for).
 */
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { checkConformance } from '../../src/conformance/check.js'
import { PROFILE_IDS } from '../../src/conformance/profiles/ids.js'
import { validExamples } from '../helpers/examples.js'
import { fuzzRuns } from '../helpers/fuzz.js'
import { expectWellFormedReport } from './invariants.js'
import { type Json, TREE_MUTATIONS, textStyle, writeJson } from './mutations.js'

const passports = validExamples().map((e) => e.doc)
const nat = fc.nat()
const KINDS = [...Object.keys(TREE_MUTATIONS), 'leaf', 'leaf', 'leaf', 'delete', 'retype']

describe('checkConformance on mutated passports', () => {
  test('every example conforms to core as it is', () => {
    for (const passport of passports) expect(checkConformance(passport).findings).toEqual([])
  })

  test('never throws, is deterministic, and its report is well-formed', () => {
    fc.assert(
      fc.property(
        fc.record({
          example: fc.nat(passports.length - 1),
          ops: fc.array(fc.record({ kind: fc.constantFrom(...KINDS), a: nat, b: nat, c: nat }), {
            minLength: 1,
            maxLength: 4,
          }),
          form: fc.constantFrom('passport', 'passport', 'text', 'subject'),
          style: fc.tuple(nat, nat, nat),
          profiles: fc.subarray([...PROFILE_IDS]),
        }),
        ({ example, ops, form, style, profiles }) => {
          const doc = structuredClone(passports[example]) as Json
          const labels = ops.map(({ kind, a, b, c }) => TREE_MUTATIONS[kind]?.(doc, a, b, c)?.label)
          const input =
            form === 'text'
              ? writeJson(doc, textStyle(...style))
              : form === 'subject'
                ? doc.credentialSubject
                : doc
          const before = structuredClone(input)
          const label = `${labels.join('; ')} [${form}; ${profiles.join(', ')}]`
          const report = checkConformance(input, { profiles })
          expectWellFormedReport(report, label)
          expect(report.profiles, label).toEqual(expect.arrayContaining(profiles))
          expect(isDeepStrictEqual(input, before), `${label}: the input was modified`).toBe(true)
          expect(checkConformance(input, { profiles }), `${label}: a second run`).toEqual(report)
        },
      ),
      { numRuns: fuzzRuns(1000) },
    )
  })
})
