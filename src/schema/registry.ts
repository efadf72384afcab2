/**
 * The one Ajv 2020-12 instance of the library. Every schema in `schemas/v1/` is added once; each
 * validator is compiled on first use and cached by `$id`, so validation is a cached function call.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { CarbonPassportError } from '../errors.js'
import { isDateTime } from './date-time.js'

export const SCHEMA_BASE = 'https://w3id.org/carbon-passport/schemas/v1/'
export const PASSPORT_SCHEMA_ID = `${SCHEMA_BASE}passport.schema.json`

/** Schema `$id`s of the parts of the model, by name. */
export const schemaIds = {
  passport: PASSPORT_SCHEMA_ID,
  carbonPassport: `${SCHEMA_BASE}carbon-passport.schema.json`,
  product: `${SCHEMA_BASE}product.schema.json`,
  footprint: `${SCHEMA_BASE}footprint.schema.json`,
  activityDataLine: `${SCHEMA_BASE}activity-data-line.schema.json`,
  emissionFactor: `${SCHEMA_BASE}emission-factor.schema.json`,
  componentReference: `${SCHEMA_BASE}component-reference.schema.json`,
  battery: `${SCHEMA_BASE}battery.schema.json`,
  cumulatedRequestedService: `${SCHEMA_BASE}cumulated-requested-service.schema.json`,
  verification: `${SCHEMA_BASE}verification.schema.json`,
  common: `${SCHEMA_BASE}common.schema.json`,
} as const

export type SchemaName = keyof typeof schemaIds

// ajv-formats is CommonJS; under NodeNext its callable default export sits on `.default`.
type AddFormats = (ajv: Ajv2020) => unknown
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats

const schemaDir = new URL('../../schemas/v1/', import.meta.url)

/** The schema documents, `$id` → schema, read once from `schemas/v1/`. */
export const schemaDocuments: ReadonlyMap<string, Record<string, unknown>> = new Map(
  readdirSync(schemaDir)
    .filter((f) => f.endsWith('.schema.json'))
    .map((f) => {
      const schema = JSON.parse(readFileSync(new URL(f, schemaDir), 'utf8')) as Record<
        string,
        unknown
      >
      return [schema.$id as string, schema] as const
    }),
)

const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: false })
addFormats(ajv)
ajv.addFormat('date-time', { type: 'string', validate: isDateTime })
for (const schema of schemaDocuments.values()) ajv.addSchema(schema)

const cache = new Map<string, ValidateFunction>()

/** The compiled validator for a schema `$id` (compiled once per process). */
export function getValidator(id: string): ValidateFunction {
  let validate = cache.get(id)
  if (!validate) {
    const compiled = ajv.getSchema(id)
    if (!compiled) throw new CarbonPassportError('ERR_SCHEMA_NOT_FOUND', `no schema with $id ${id}`)
    validate = compiled
    cache.set(id, validate)
  }
  return validate
}

/** Raw Ajv errors of validating `data` against a schema (an empty list when it is valid). */
export function schemaErrors(id: string, data: unknown): ErrorObject[] {
  const validate = getValidator(id)
  return validate(data) ? [] : [...(validate.errors ?? [])]
}

export type { ErrorObject }
