/**
 * Schema validation is bounded on untrusted input (issue 7 §2) and still says what the schemas
 * say: every list has a `maxItems`, `uniqueItems` lists declare the type of their items (so Ajv
 * compares them by hash, not pairwise), and the validators the registry compiles from its guarded
 * copies give exactly the errors a plain Ajv `allErrors` validator gives on the bundled schemas,
 * the first `maxErrors` of them.
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { schemaCheckFindings } from '../../src/credential/checks/schema.js'
import { isDateTime } from '../../src/date-time.js'
import {
  DEFAULT_MAX_SCHEMA_ERRORS,
  getValidator,
  MAX_LINES,
  MAX_LIST_ITEMS,
  PASSPORT_SCHEMA_ID,
  schemaDocuments,
  schemaErrors,
  schemaIds,
  validateAgainstSchema,
} from '../../src/schema/registry.js'
import { clone, validExamples } from '../helpers/examples.js'

type Json = Record<string, unknown>

/** Every subschema of the bundled schemas, with its JSON Pointer from its schema's root. */
function subschemas(): { id: string; at: string; schema: Json }[] {
  const out: { id: string; at: string; schema: Json }[] = []
  const one = ['items', 'contains', 'additionalProperties', 'propertyNames', 'not']
  const many = ['prefixItems', 'allOf', 'anyOf', 'oneOf']
  const map = ['properties', 'patternProperties', '$defs', 'dependentSchemas']
  const walk = (id: string, schema: unknown, at: string) => {
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return
    out.push({ id, at, schema: schema as Json })
    for (const [k, v] of Object.entries(schema)) {
      if (one.includes(k)) walk(id, v, `${at}/${k}`)
      else if (many.includes(k) && Array.isArray(v)) {
        for (const [i, s] of v.entries()) walk(id, s, `${at}/${k}/${i}`)
      } else if (map.includes(k) && v !== null && typeof v === 'object') {
        for (const [name, s] of Object.entries(v)) walk(id, s, `${at}/${k}/${name}`)
      }
    }
  }
  for (const [id, schema] of schemaDocuments) walk(id, schema, '#')
  return out
}

describe('the bundled schemas bound what they accept', () => {
  const all = subschemas()
  const lists = all.filter((s) => s.schema.type === 'array')

  it('every list has a maxItems: the activity lines, components and set factors MAX_LINES, any other MAX_LIST_ITEMS', () => {
    expect(lists.length).toBeGreaterThan(15)
    for (const { id, at, schema } of lists) {
      const big =
        (id === schemaIds.carbonPassport &&
          (at === '#/properties/activityData' || at === '#/properties/components')) ||
        (id === schemaIds.emissionFactorSet && at === '#/properties/factors')
      expect({ at: `${id}${at}`, maxItems: schema.maxItems }).toEqual({
        at: `${id}${at}`,
        maxItems: big ? MAX_LINES : MAX_LIST_ITEMS,
      })
    }
  })

  it('every uniqueItems list declares a scalar item type where Ajv sees it (hash, not pairwise)', () => {
    const unique = lists.filter((s) => s.schema.uniqueItems === true)
    expect(unique.length).toBeGreaterThan(5)
    for (const { at, schema } of unique) {
      expect({ at, type: (schema.items as Json).type }).toEqual({ at, type: 'string' })
    }
  })

  it('uses only keywords the registry copies subschema by subschema (no if/then/else, no unevaluated*)', () => {
    const known = new Set([
      ...['$schema', '$id', '$ref', '$defs', 'title', 'description'],
      ...[
        'type',
        'enum',
        'const',
        'pattern',
        'format',
        'minLength',
        'maxLength',
        'minimum',
        'maximum',
      ],
      ...['properties', 'required', 'additionalProperties'],
      ...['items', 'minItems', 'maxItems', 'uniqueItems', 'contains'],
      ...['allOf', 'anyOf', 'oneOf'],
    ])
    for (const { id, at, schema } of all) {
      for (const k of Object.keys(schema)) expect(known.has(k), `${id}${at}/${k}`).toBe(true)
    }
  })
})

// The oracle: a plain Ajv allErrors validator on the bundled schemas, as the registry had before.
type AddFormats = (ajv: Ajv2020) => unknown
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats
const plain = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: false })
addFormats(plain)
plain.addFormat('date-time', { type: 'string', validate: isDateTime })
for (const schema of schemaDocuments.values()) plain.addSchema(schema)
const plainErrors = (id: string, data: unknown): ErrorObject[] => {
  const validate = plain.getSchema(id)
  if (!validate) throw new Error(id)
  return validate(data) ? [] : [...(validate.errors ?? [])]
}
const key = (e: ErrorObject) =>
  JSON.stringify([e.instancePath, e.schemaPath, e.keyword, e.params, e.message])

/** A valid example broken in one to four places: a value replaced, a member removed or added. */
const broken: fc.Arbitrary<Json> = fc
  .tuple(
    fc.constantFrom(...validExamples().map((e) => e.doc)),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.oneof(
          fc.record({ replace: fc.jsonValue({ maxDepth: 2 }) }),
          fc.constant({ remove: true }),
          fc.record({
            add: fc.constantFrom('extension', 'a/b~c', 'then', 'not'),
            value: fc.jsonValue({ maxDepth: 1 }),
          }),
        ),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([doc, edits]) => {
    const copy = clone(doc)
    for (const [pick, edit] of edits) {
      const places: [Json | unknown[], string | number][] = []
      const walk = (v: unknown) => {
        if (Array.isArray(v))
          v.forEach((c, i) => {
            places.push([v, i])
            walk(c)
          })
        else if (v !== null && typeof v === 'object') {
          for (const [k, c] of Object.entries(v)) {
            places.push([v as Json, k])
            walk(c)
          }
        }
      }
      walk(copy)
      const place = places[pick % places.length]
      if (!place) continue
      const [parent, at] = place
      if ('replace' in edit) (parent as Json)[at as string] = edit.replace
      else if ('remove' in edit) {
        if (Array.isArray(parent)) parent.splice(at as number, 1)
        else delete parent[at as string]
      } else {
        const target = (parent as Json)[at as string]
        if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
          ;(target as Json)[edit.add] = edit.value
        }
      }
    }
    return copy
  })

describe('validateAgainstSchema', () => {
  it('gives the errors plain allErrors validation gives (property)', () => {
    fc.assert(
      fc.property(
        broken,
        fc.constantFrom(schemaIds.passport, schemaIds.carbonPassport),
        (doc, id) => {
          const data = id === schemaIds.passport ? doc : doc.credentialSubject
          const expected = plainErrors(id, data).map(key).sort()
          const { errors, truncated } = validateAgainstSchema(id, data)
          expect(truncated).toBe(false)
          expect(errors.map(key).sort()).toEqual(expected)
          expect(getValidator(id)(data)).toBe(expected.length === 0)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('keeps the first maxErrors errors, in order, and says it stopped (property)', () => {
    fc.assert(
      fc.property(broken, fc.integer({ min: 1, max: 6 }), (doc, max) => {
        const all = validateAgainstSchema(PASSPORT_SCHEMA_ID, doc, 1_000_000).errors
        const some = validateAgainstSchema(PASSPORT_SCHEMA_ID, doc, max)
        expect(some.truncated).toBe(all.length > max)
        expect(some.errors).toEqual(all.slice(0, max))
      }),
      { numRuns: 300 },
    )
  })

  it('lists at most DEFAULT_MAX_SCHEMA_ERRORS by default; schemaErrors too', () => {
    const doc = clone(validExamples()[0]?.doc as Json)
    ;(doc.credentialSubject as Json).activityData = Array.from({ length: 500 }, () => ({}))
    expect(plainErrors(PASSPORT_SCHEMA_ID, doc).length).toBeGreaterThan(DEFAULT_MAX_SCHEMA_ERRORS)
    const result = validateAgainstSchema(PASSPORT_SCHEMA_ID, doc)
    expect(result.truncated).toBe(true)
    expect(result.errors).toHaveLength(DEFAULT_MAX_SCHEMA_ERRORS)
    expect(result.errors.map(key)).toEqual(
      plainErrors(PASSPORT_SCHEMA_ID, doc).slice(0, DEFAULT_MAX_SCHEMA_ERRORS).map(key),
    )
    expect(schemaErrors(PASSPORT_SCHEMA_ID, doc)).toHaveLength(DEFAULT_MAX_SCHEMA_ERRORS)
  })

  it('the verification schema check says when it lists only the first errors', () => {
    const doc = clone(validExamples()[0]?.doc as Json)
    ;(doc.credentialSubject as Json).activityData = Array.from({ length: 500 }, () => ({}))
    const findings = schemaCheckFindings(doc, PASSPORT_SCHEMA_ID)
    expect(findings).toHaveLength(DEFAULT_MAX_SCHEMA_ERRORS + 1)
    expect(findings.at(-1)).toMatchObject({ code: 'FINDINGS_TRUNCATED', path: '' })
    expect(findings.at(-1)?.expected).toBe(String(DEFAULT_MAX_SCHEMA_ERRORS))
  })

  it('unknown properties past the cap cost nothing more (the listing stops among them)', () => {
    const doc = clone(validExamples()[0]?.doc as Json)
    const product = (doc.credentialSubject as Json).product as Json
    for (let i = 0; i < 50_000; i++) product[`x${i}`] = i
    const { errors, truncated } = validateAgainstSchema(PASSPORT_SCHEMA_ID, doc, 10)
    expect(truncated).toBe(true)
    expect(errors.map((e) => [e.instancePath, e.keyword, e.params])).toEqual(
      Array.from({ length: 10 }, (_, i) => [
        '/credentialSubject/product',
        'additionalProperties',
        { additionalProperty: `x${i}` },
      ]),
    )
  })
})
