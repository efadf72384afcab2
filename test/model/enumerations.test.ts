/**
 * Every enumeration has one source, src/model/enums.ts: the TypeScript unions are derived from it
 * (test/model/types-source.test.ts proves none is spelled by hand) and so are the vocabulary's
 * enumeration terms (scripts/vocabulary-table.ts). The schemas are JSON, so this test compares
 * each of their `enum`s, value by value and in order, with its source array.
 */
import { describe, expect, it } from 'vitest'
import { enumerations, properties } from '../../scripts/vocabulary-table.js'
import {
  ACTIVITY_TYPES,
  BATTERY_APPLICATIONS,
  BATTERY_CATEGORIES,
  BATTERY_CHEMISTRIES,
  BATTERY_LEVELS,
  CCU_CALCULATION_APPROACHES,
  CLAIM_TYPES,
  CLASSIFICATION_SCHEMES,
  CONTRACTUAL_INSTRUMENTS,
  CREDIT_TYPES,
  DECLARATION_FRAMEWORKS,
  DECLARED_UNITS,
  ELECTRICITY_BASES,
  EMISSION_FACTOR_PROVENANCES,
  END_OF_LIFE_MODELLINGS,
  FACTOR_LIFE_CYCLE_SCOPES,
  FUNCTIONAL_UNIT_KINDS,
  GASES_COVERED,
  GHG_SCOPES,
  GRANULARITIES,
  GWP_SETS,
  LIFECYCLE_STAGES,
  LINE_KINDS,
  PACT_STATUSES,
  PRODUCT_GRANULARITIES,
  REMOVAL_TYPES,
  RULE_OPERATORS,
  SCOPE3_CATEGORIES,
  SYSTEM_BOUNDARIES,
  UN_M49_REGIONS,
  VEHICLE_CATEGORIES,
  VERIFICATION_LEVELS,
  VERIFICATION_OPINIONS,
} from '../../src/model/enums.js'
import { SCHEMA_BASE, schemaDocuments } from '../../src/schema/registry.js'

type Values = readonly (string | number)[]

/** Where each schema `enum` is (`file#pointer`) and the array it must equal. */
const SOURCES: Readonly<Record<string, Values>> = {
  'activity-data-line.schema.json#/properties/activityType': ACTIVITY_TYPES,
  'activity-data-line.schema.json#/properties/scope': GHG_SCOPES,
  'activity-data-line.schema.json#/properties/lineKind': LINE_KINDS,
  'activity-data-line.schema.json#/properties/creditType': CREDIT_TYPES,
  'activity-data-line.schema.json#/properties/removalType': REMOVAL_TYPES,
  'carbon-passport.schema.json#/properties/lifeCycleTotals/properties/systemBoundary':
    SYSTEM_BOUNDARIES,
  'carbon-passport.schema.json#/properties/claims/items/properties/claimType': CLAIM_TYPES,
  'carbon-passport.schema.json#/properties/pact/properties/status': PACT_STATUSES,
  'battery.schema.json#/properties/category': BATTERY_CATEGORIES,
  'battery.schema.json#/properties/chemistry': BATTERY_CHEMISTRIES,
  'battery.schema.json#/properties/application': BATTERY_APPLICATIONS,
  'battery.schema.json#/properties/level': BATTERY_LEVELS,
  'battery.schema.json#/properties/vehicleCategory': VEHICLE_CATEGORIES,
  'battery-declaration.schema.json#/properties/framework': DECLARATION_FRAMEWORKS,
  'battery-declaration.schema.json#/properties/functionalUnit/properties/kind':
    FUNCTIONAL_UNIT_KINDS,
  'common.schema.json#/$defs/granularity': GRANULARITIES,
  'common.schema.json#/$defs/lifecycleStage': LIFECYCLE_STAGES,
  'emission-factor.schema.json#/properties/provenance': EMISSION_FACTOR_PROVENANCES,
  'emission-factor.schema.json#/properties/gasesCovered': GASES_COVERED,
  'emission-factor.schema.json#/properties/lifeCycleScope': FACTOR_LIFE_CYCLE_SCOPES,
  'emission-factor.schema.json#/properties/gwpSet': GWP_SETS,
  'activity-data-line.schema.json#/properties/electricity/properties/basis': ELECTRICITY_BASES,
  'activity-data-line.schema.json#/properties/electricity/properties/instrument':
    CONTRACTUAL_INSTRUMENTS,
  'footprint.schema.json#/properties/declaredUnitOfMeasurement': DECLARED_UNITS,
  'footprint.schema.json#/properties/geographyRegionOrSubregion': UN_M49_REGIONS,
  'footprint.schema.json#/properties/ccuCalculationApproach': CCU_CALCULATION_APPROACHES,
  'footprint.schema.json#/properties/productOrSectorSpecificRules/items/properties/operator':
    RULE_OPERATORS,
  'footprint.schema.json#/properties/systemBoundary': SYSTEM_BOUNDARIES,
  'footprint.schema.json#/properties/endOfLifeModelling': END_OF_LIFE_MODELLINGS,
  'product.schema.json#/properties/classifications/items/properties/scheme': CLASSIFICATION_SCHEMES,
  'product.schema.json#/properties/granularity': PRODUCT_GRANULARITIES,
  'verification.schema.json#/properties/level': VERIFICATION_LEVELS,
  'attestation.schema.json#/properties/credentialSubject/properties/opinion': VERIFICATION_OPINIONS,
}

interface EnumNode {
  enum: unknown
  type?: string
}

/** Every schema node with an `enum`, by `file#pointer`. */
function enumNodes(): Record<string, EnumNode> {
  const found: Record<string, EnumNode> = {}
  const walk = (node: unknown, where: string) => {
    if (node === null || typeof node !== 'object') return
    if ('enum' in node) found[where] = node as EnumNode
    for (const [key, child] of Object.entries(node)) walk(child, `${where}/${key}`)
  }
  for (const [id, schema] of schemaDocuments) walk(schema, `${id.slice(SCHEMA_BASE.length)}#`)
  return found
}

const pointer = (file: string, path: string) => {
  const schema = schemaDocuments.get(`${SCHEMA_BASE}${file}`)
  return path
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], schema)
}

describe('schema enums and src/model/enums.ts', () => {
  it('every schema enum lists exactly the values of its source array, in order', () => {
    const values = Object.entries(enumNodes()).map(([where, node]) => [where, node.enum])
    expect(Object.fromEntries(values)).toEqual(SOURCES)
  })

  it('the scope 3 category range of the schema is SCOPE3_CATEGORIES', () => {
    const range = pointer('common.schema.json', '/$defs/scope3Category') as Record<string, number>
    expect([range.minimum, range.maximum]).toEqual([SCOPE3_CATEGORIES[0], SCOPE3_CATEGORIES.at(-1)])
    expect(SCOPE3_CATEGORIES).toEqual(Array.from({ length: 15 }, (_, i) => i + 1))
  })

  it('string enums are typed strings and number enums integers, as the arrays are', () => {
    for (const [where, node] of Object.entries(enumNodes())) {
      const source = SOURCES[where] ?? []
      const type = source.every((v) => typeof v === 'number') ? 'integer' : 'string'
      expect(node.type, where).toBe(type)
    }
  })
})

describe('vocabulary enumerations and src/model/enums.ts', () => {
  // The JSON-LD context defines every term of an enumeration, so a vocab-typed property whose
  // schema allowed a value outside it would expand to an undefined term.
  it('a vocab-typed property allows only terms of its enumeration', () => {
    const terms = new Map(enumerations.map((e) => [e.name, e.values.map((v) => v.term)]))
    const vocabTyped = new Map(
      properties.filter((p) => p.range === 'vocab').map((p) => [p.term, p.enumeration ?? '']),
    )
    // `level` inside `battery` is the property-scoped term batteryLevel (vocabulary-table.ts).
    const scopedAt: Record<string, string> = {
      'battery.schema.json#/properties/level':
        properties.find((p) => p.term === 'battery')?.scoped?.level ?? '',
    }
    const outside: string[] = []
    for (const [where, values] of Object.entries(SOURCES)) {
      const property = scopedAt[where] ?? /\/([A-Za-z]+)$/.exec(where)?.[1] ?? ''
      const enumeration = vocabTyped.get(property)
      if (!enumeration) continue
      const allowed = terms.get(enumeration) ?? []
      outside.push(
        ...values.filter((v) => !allowed.includes(String(v))).map((v) => `${where}: ${v}`),
      )
    }
    expect(outside).toEqual([])
  })

  it('each vocabulary enumeration takes its terms from one array of src/model/enums.ts', () => {
    const arrays: Values[] = Object.values(SOURCES)
    for (const e of enumerations) {
      const terms = e.values.map((v) => v.term)
      expect(
        arrays.some((a) => JSON.stringify(a) === JSON.stringify(terms)),
        e.name,
      ).toBe(true)
    }
  })
})
