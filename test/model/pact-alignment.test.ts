/**
 * `footprint` is the PACT v3 CarbonFootprint with the same names and encodings (DESIGN.md §1), so the
 * PACT mapping is a re-nesting, not a translation. These tests hold our schema against the official
 * PACT v3.0.3 OpenAPI and examples in ../shared/reference (read, never copied into the project).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { schemaDocuments, schemaErrors, schemaIds } from '../../src/schema/registry.js'

const reference = (file: string) =>
  readFileSync(new URL(`../../../shared/reference/pact/${file}`, import.meta.url), 'utf8')

/** The property names of one schema in components.schemas of the OpenAPI YAML (indentation-based). */
function openApiProperties(yaml: string, schema: string): string[] {
  const lines = yaml.split('\n')
  const start = lines.indexOf(`    ${schema}:`)
  const props = lines.indexOf('      properties:', start)
  const names: string[] = []
  for (let i = props + 1; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line.trim() === '') continue
    if (!line.startsWith('        ')) break
    const m = /^ {8}([A-Za-z0-9]+):/.exec(line)
    if (m?.[1]) names.push(m[1])
  }
  return names
}

const openApi = reference('pact-v3.0.3-openapi.yaml')
const footprintSchema = schemaDocuments.get(schemaIds.footprint) as {
  properties: Record<string, unknown>
  required: string[]
}
// Our additions to the PACT CarbonFootprint, required for every passport.
const ours = {
  systemBoundary: 'cradle-to-gate',
  lifecycleStages: [{ stage: 'main-production', emissions: '0' }],
  scopeBreakdown: { scope1: '0', scope2: '0', scope3: [] },
}

describe('footprint and PACT v3.0.3 CarbonFootprint', () => {
  const pactFields = openApiProperties(openApi, 'CarbonFootprint')

  it('reads the PACT field list from the OpenAPI', () => {
    expect(pactFields).toContain('pcfExcludingBiogenicUptake')
    expect(pactFields.length).toBeGreaterThan(40)
  })

  it('has every PACT v3 CarbonFootprint field under the same name (verification lives on the passport)', () => {
    const missing = pactFields.filter((f) => !(f in footprintSchema.properties))
    expect(missing).toEqual(['verification'])
  })

  it('requires every field PACT v3 requires', () => {
    const required = /^ {4}CarbonFootprint:[\s\S]*?^ {6}required:\n((?: {6}- \w+\n)+)/m.exec(
      openApi,
    )
    const pactRequired = (required?.[1] ?? '').match(/\w+/g) ?? []
    expect(pactRequired.length).toBeGreaterThan(5)
    expect(pactRequired.filter((f) => !footprintSchema.required.includes(f))).toEqual([])
  })

  it.each(['pact-v3-example-2.json', 'pact-v3-example-4.json'])(
    'accepts the pcf of the official %s as a footprint, given our three additions',
    (file) => {
      const { pcf } = JSON.parse(reference(file)) as { pcf: Record<string, unknown> }
      const { verification: _onThePassport, ...footprint } = pcf
      // example-2 puts otherOperatorName next to productOrSectorSpecificRules; the PACT schema
      // defines it inside each rule, where we keep it.
      const { otherOperatorName, ...rest } = footprint
      const rules = rest.productOrSectorSpecificRules as Record<string, unknown>[] | undefined
      const aligned =
        otherOperatorName === undefined
          ? rest
          : {
              ...rest,
              productOrSectorSpecificRules: rules?.map((r) => ({ ...r, otherOperatorName })),
            }
      expect(schemaErrors(schemaIds.footprint, { ...aligned, ...ours })).toEqual([])
    },
  )

  it('rejects what the broken PACT v3.0.3 Decimal patterns let through', () => {
    const pactNegativeOrZero =
      /NegativeOrZeroDecimal:[\s\S]*?pattern: (.+)/.exec(openApi)?.[1] ?? ''
    const pactPattern = new RegExp(pactNegativeOrZero)
    for (const value of ['50', '10', '-5x', 'abc0.0']) {
      expect(pactPattern.test(value)).toBe(true) // PACT's own schema accepts these
      const errors = schemaErrors(schemaIds.footprint, { biogenicCO2Uptake: value }).filter(
        (e) => e.instancePath === '/biogenicCO2Uptake',
      )
      expect(errors.length).toBeGreaterThan(0) // ours does not
    }
  })
})
