/**
 * The examples are fixtures: every valid example conforms (no errors) under core and the profiles
 * that apply to it, and every `examples/invalid/<CODE>/*.json` yields exactly its code.
 */
import { describe, expect, it } from 'vitest'
import { catalogue } from '../../src/conformance/catalogue.js'
import { checkConformance } from '../../src/conformance/check.js'
import { PROFILE_IDS, type ProfileId } from '../../src/conformance/profiles/ids.js'
import { invalidExamples, validExamples } from '../helpers/examples.js'
import { errorCodes, type Loose } from './helpers.js'

/**
 * The profiles each valid example is meant for (examples/README.md): a battery under the profile of
 * each framework it declares. The ESS cabinet and the UPS module carry both declarations; the EV
 * pack only the EU one (road traction is outside IEC 63369-1); the LFP cell only the IEC one
 * (cradle-to-gate intermediate data; a cell built into packs is outside EU Art. 7).
 */
function profilesFor(doc: Loose): ProfileId[] {
  const profiles: ProfileId[] = ['pact-v3', 'iec-63782-digital-pcf']
  const declarations: Loose[] = doc.credentialSubject?.battery?.declarations ?? []
  const frameworks = new Set(declarations.map((d) => d.framework))
  if (frameworks.has('iec-63369-1')) profiles.push('iec-63369-1')
  if (frameworks.has('eu-2023-1542')) profiles.push('eu-battery-2023-1542')
  return profiles
}

describe('examples/valid', () => {
  const examples = validExamples().map((e): [string, Loose] => [e.file, e.doc])
  it('has examples', () => {
    expect(examples.length).toBeGreaterThan(0)
  })

  it.each(examples)('%s has no errors under core and the profiles meant for it', (_file, doc) => {
    const report = checkConformance(doc, { profiles: profilesFor(doc) })
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([])
  })

  it.each(examples)('%s conforms as a bare credential subject under core', (_file, doc) => {
    expect(checkConformance(doc.credentialSubject).findings).toEqual([])
  })
})

const invalid = invalidExamples().map((e): [string, string, unknown] => [e.code, e.file, e.doc])

/** Error codes no passport can produce with our schemas, and why. */
const NO_EXAMPLE: Record<string, string> = {
  SCHEMA_VIOLATION: 'the fallback for schema keywords that schemas/v1 does not use',
  INTERNAL_ERROR: 'a checker bug; tested with a throwing getter in check.test.ts',
  INPUT_TOO_LARGE: 'an example would be over 1 MiB; tested in hostile.test.ts and limits.test.ts',
  FINDINGS_TRUNCATED:
    'it comes with the 1,000 findings it cuts off, never alone; tested in hostile.test.ts',
}

describe('examples/invalid', () => {
  it.each(invalid)('%s/%s yields exactly that error', (code, file, doc) => {
    expect(Object.keys(catalogue)).toContain(code)
    const prefix = PROFILE_IDS.find((p) => file.startsWith(`${p}.`))
    const own = catalogue[code as keyof typeof catalogue].profiles.filter((p) => p !== 'core')
    const profiles = prefix ? [prefix] : own
    expect(profiles.length).toBeLessThanOrEqual(1)
    expect(errorCodes(checkConformance(doc, { profiles }))).toEqual([code])
  })

  it('has an example for every error code', () => {
    const covered = new Set(invalid.map(([code]) => code))
    const missing = Object.entries(catalogue)
      .filter(([code, def]) => def.severity === 'error' && !covered.has(code) && !NO_EXAMPLE[code])
      .map(([code]) => code)
    expect(missing).toEqual([])
  })

  it('has an example for every profile of a code reported by several', () => {
    for (const [code, def] of Object.entries(catalogue)) {
      if (def.profiles.length < 2) continue
      for (const profile of def.profiles) {
        expect(invalid.some(([c, f]) => c === code && f.startsWith(`${profile}.`))).toBe(true)
      }
    }
  })
})
