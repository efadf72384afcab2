/**
 * verifyPassport loads the rules of the profiles it is asked for (profile-rules.ts) instead of
 * every profile's: the rules it gets are the very ones checkConformance applies, and a check with
 * them gives the same report as checkConformance, whatever `profiles` holds.
 */
import { describe, expect, it } from 'vitest'
import { checkConformanceLayers } from '../../src/conformance/check.js'
import { checkLayers } from '../../src/conformance/layers.js'
import { profileRulesFor } from '../../src/conformance/profile-rules.js'
import { PROFILE_IDS } from '../../src/conformance/profiles/ids.js'
import { profileRules } from '../../src/conformance/profiles/index.js'
import { invalidExamples, validExamples } from '../helpers/examples.js'

const others = PROFILE_IDS.filter((p) => p !== 'core')

describe('profileRulesFor', () => {
  it('gives core alone by default, and the very rules of each profile named', async () => {
    expect(await profileRulesFor(undefined)).toEqual({ core: profileRules.core })
    expect(await profileRulesFor([])).toEqual({ core: profileRules.core })
    const all = await profileRulesFor([...PROFILE_IDS])
    for (const p of PROFILE_IDS) expect(all[p]).toBe(profileRules[p])
    expect(Object.keys(await profileRulesFor(['pact-v3', 'nope', 3]))).toEqual(['core', 'pact-v3'])
  })

  it('gives every profile when the list cannot be read (the check then reports it)', async () => {
    const hostile = new Proxy([], {
      get() {
        throw new Error('no')
      },
    })
    expect(Object.keys(await profileRulesFor(hostile)).sort()).toEqual([...PROFILE_IDS].sort())
  })

  it.each([
    [undefined],
    [[] as string[]],
    [['pact-v3']],
    [['iec-63369-1', 'eu-battery-2023-1542']],
    [others],
    [['no-such-profile']],
    ['pact-v3'],
  ])('checks with them as checkConformance does (profiles %j)', async (profiles) => {
    const options = profiles === undefined ? {} : { profiles: profiles as never }
    const rules = await profileRulesFor(profiles)
    const docs = [...validExamples().slice(0, 4), ...invalidExamples().slice(0, 20)]
    for (const { doc } of docs) {
      let expected: unknown
      try {
        expected = checkConformanceLayers(doc, options)
      } catch (err) {
        expected = err
      }
      let actual: unknown
      try {
        actual = checkLayers(doc, options, rules)
      } catch (err) {
        actual = err
      }
      expect(actual).toEqual(expected)
    }
  })
})
