import { describe, expect, it } from 'vitest'
import {
  getValidator,
  PASSPORT_SCHEMA_ID,
  SCHEMA_BASE,
  schemaDocuments,
  schemaErrors,
  schemaIds,
} from '../../src/schema/registry.js'
import { validExamples } from '../helpers/examples.js'

const common = `${SCHEMA_BASE}common.schema.json`
const emissionFactor = schemaIds.emissionFactor
const validFactor = {
  value: '0.581',
  unit: 'kgCO2e/KWH',
  source: { name: 'ecoinvent', version: '3.10' },
  provenance: 'secondary',
  geography: 'CN',
  referenceYear: 2024,
}

describe('schemas', () => {
  it('every schema has a stable $id under the v1 base and declares 2020-12', () => {
    expect(schemaDocuments.size).toBe(Object.keys(schemaIds).length)
    for (const [id, schema] of schemaDocuments) {
      expect(id.startsWith(SCHEMA_BASE)).toBe(true)
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    }
  })

  it('every schema compiles under Ajv strict mode, and compiles once', () => {
    for (const id of schemaDocuments.keys()) expect(getValidator(id)).toBe(getValidator(id))
  })

  it.each(validExamples().map((e) => [e.file, e.doc] as const))(
    'example %s validates against the passport schema',
    (_name, doc) => {
      expect(schemaErrors(PASSPORT_SCHEMA_ID, doc)).toEqual([])
    },
  )
})

describe('decimal strings', () => {
  const decimalErrors = (value: string) =>
    schemaErrors(emissionFactor, { ...validFactor, value }).filter(
      (e) => e.instancePath === '/value',
    )

  it.each(['5abc', '1e3', '1.5e3', '', '-', '+1', '1.', '.5', '01', ' 1', '1 ', '0x10', 'NaN'])(
    'rejects %j',
    (value) => {
      expect(decimalErrors(value).map((e) => e.keyword)).toEqual(['pattern'])
    },
  )

  it.each(['0', '0.0', '12.5', '12.50', '1000000.000001'])('accepts %j', (value) => {
    expect(decimalErrors(value)).toEqual([])
  })

  it('keeps sign constraints: positive removals are rejected; a negative factor is left to LINE_SIGN_MISMATCH', () => {
    // Credit and removal lines have negative factors, so the schema takes any sign and the rule
    // (src/conformance/rules/credits.ts) allows it only on those lines.
    expect(decimalErrors('-0.5')).toEqual([])
    const footprint = schemaIds.footprint
    const removals = (v: string) =>
      schemaErrors(footprint, { biogenicCO2Uptake: v }).filter(
        (e) => e.instancePath === '/biogenicCO2Uptake',
      )
    expect(removals('-1.5')).toEqual([])
    expect(removals('0')).toEqual([])
    expect(removals('50')).not.toEqual([]) // PACT v3.0.3's NegativeOrZeroDecimal accepts this
    expect(removals('abc0.0')).not.toEqual([])
  })

  it('percentages are bounded to 0..100 and data quality ratings to 1..5', () => {
    const at = (schema: string, field: string, value: unknown) =>
      schemaErrors(schema, { [field]: value }).filter((e) => e.instancePath === `/${field}`)
    expect(at(schemaIds.footprint, 'primaryDataShare', '100')).toEqual([])
    expect(at(schemaIds.footprint, 'primaryDataShare', '100.5')).not.toEqual([])
    expect(at(schemaIds.footprint, 'exemptedEmissionsPercent', '-1')).not.toEqual([])
    const dqr = (v: string) =>
      schemaErrors(schemaIds.footprint, {
        dqi: { technologicalDQR: v, geographicalDQR: '2', temporalDQR: '2' },
      }).filter((e) => e.instancePath.startsWith('/dqi'))
    expect(dqr('1.5')).toEqual([])
    expect(dqr('5')).toEqual([])
    expect(dqr('5.5')).not.toEqual([])
    expect(dqr('0.9')).not.toEqual([])
  })

  it('common definitions are reachable by $ref from every part', () => {
    expect(getValidator(`${common}#/$defs/decimal`)('12.5')).toBe(true)
    expect(getValidator(`${common}#/$defs/decimal`)('1e3')).toBe(false)
  })
})
