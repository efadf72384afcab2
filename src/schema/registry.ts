/**
 * The Ajv 2020-12 validators of the library. Every schema in `schemas/v1/` is added once; each
 * validator is compiled on first use and cached by `$id`, so validation is a cached function call.
 *
 * Two Ajv instances, because Ajv's `allErrors` mode is not safe on untrusted input (its own
 * security notes say so): it visits everything, even the items of a list past its `maxItems`, and
 * concatenates the errors of every `$ref`'d schema into a new array, quadratic in the number of
 * errors (3,000 invalid activity lines took 3.4 s). So every document is first validated by a
 * validator that stops at the first error (linear, and the only one a valid document meets); only
 * an invalid one is validated again to list its errors, by a copy of the schemas whose every
 * subschema ends with a check that returns once more than `maxErrors` errors are found
 * (`DEFAULT_MAX_SCHEMA_ERRORS` by default). Both are compiled from copies in which a list past its
 * `maxItems` is not read further (LIST); the errors are given back as the bundled schemas give
 * them, which test/schema/bounded.test.ts checks against plain `allErrors` validation.
 */
import { readdirSync, readFileSync } from 'node:fs'
import {
  _,
  Ajv2020,
  type CodeKeywordDefinition,
  type ErrorObject,
  type ValidateFunction,
} from 'ajv/dist/2020.js'
import namesModule from 'ajv/dist/compile/names.js'
import addFormatsModule from 'ajv-formats'
import { isDateTime } from '../date-time.js'
import { CarbonPassportError } from '../errors.js'
import { escapePointer, unescapePointer } from '../findings/pointer.js'

export const SCHEMA_BASE = 'https://w3id.org/carbon-passport/schemas/v1/'

/**
 * The `$id` of the passport credential schema (schemas/v1/passport.schema.json): the
 * `credentialSchema` id `createPassport` writes and the schema every passport is validated against.
 */
export const PASSPORT_SCHEMA_ID = `${SCHEMA_BASE}passport.schema.json`

/** Schema `$id`s of the parts of the model, by name. */
export const schemaIds = {
  /** The whole passport credential (`PASSPORT_SCHEMA_ID`). */
  passport: PASSPORT_SCHEMA_ID,
  /** The credential subject alone (`CarbonPassport`): conformance checks a bare subject with it. */
  carbonPassport: `${SCHEMA_BASE}carbon-passport.schema.json`,
  /** The product the passport is about. */
  product: `${SCHEMA_BASE}product.schema.json`,
  /** The carbon footprint: PACT v3 CarbonFootprint fields, in kgCO2e per declared unit. */
  footprint: `${SCHEMA_BASE}footprint.schema.json`,
  /** One activity data line: a quantity and its emission factor, per declared unit. */
  activityDataLine: `${SCHEMA_BASE}activity-data-line.schema.json`,
  /** An emission factor with its provenance. */
  emissionFactor: `${SCHEMA_BASE}emission-factor.schema.json`,
  /**
   * An emission-factor set (`loadFactorSet`): name, version and factors, each an emission factor
   * with the id and the activity key a record names it by.
   */
  emissionFactorSet: `${SCHEMA_BASE}emission-factor-set.schema.json`,
  /** An upstream component's passport, by id and digest, with its contribution. */
  componentReference: `${SCHEMA_BASE}component-reference.schema.json`,
  /** Battery data: taxonomy, ratings, service and the footprint declarations. */
  battery: `${SCHEMA_BASE}battery.schema.json`,
  /** One battery carbon footprint declaration (IEC 63369-1, EU 2023/1542 Art. 7, other). */
  batteryDeclaration: `${SCHEMA_BASE}battery-declaration.schema.json`,
  /** The cumulated requested service of an industrial battery (IEC 63369-1). */
  cumulatedRequestedService: `${SCHEMA_BASE}cumulated-requested-service.schema.json`,
  /** Third-party verification of the footprint. */
  verification: `${SCHEMA_BASE}verification.schema.json`,
  /** A verifier's attestation of a passport (`attestPassport`): subject, opinion, figures verified. */
  attestation: `${SCHEMA_BASE}attestation.schema.json`,
  /** Shared definitions (`$defs`: Decimal strings, dates, IRIs, codes); not a document schema. */
  common: `${SCHEMA_BASE}common.schema.json`,
} as const

/** The name of a bundled schema: a key of `schemaIds`. */
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

/**
 * `maxItems` of the activity data lines and the components in the schemas: far more than fit in a
 * passport within verification's 1 MiB input cap (a real line is ~400 bytes), so the cap only
 * refuses lists of junk. A test checks the schemas say so.
 */
export const MAX_LINES = 10_000

/** `maxItems` of every other list in the schemas (types, identifiers, stages, sources, proofs, …). */
export const MAX_LIST_ITEMS = 1_000

/**
 * How many schema errors one validation lists at most (`schemaErrors`, `validateAgainstSchema`):
 * past it the listing stops and says it was cut short. Conformance passes its `maxFindings`.
 */
export const DEFAULT_MAX_SCHEMA_ERRORS = 1000

/** Ajv's names for the error list and count of a validation function (stable across Ajv 8). */
const N = ((namesModule as unknown as { default?: typeof namesModule }).default ??
  namesModule) as unknown as {
  errors: ReturnType<typeof _>
  vErrors: ReturnType<typeof _>
}

function newAjv(allErrors: boolean): Ajv2020 {
  const instance = new Ajv2020({ strict: true, allErrors, allowUnionTypes: false })
  addFormats(instance)
  instance.addFormat('date-time', { type: 'string', validate: isDateTime })
  return instance
}

/**
 * The keyword the listing copy of the schemas adds to every subschema. Evaluated after the other
 * keywords of its subschema (`post`), it returns from the validation function once more than
 * `limit.max` errors have been found. Inside `anyOf`/`oneOf`/`not`/`contains`/`if` (a
 * "composite rule") it adds nothing: errors there may still be discarded by a branch that matches.
 */
const ERROR_CAP = 'x-carbon-passport-error-cap'
const limit = { max: DEFAULT_MAX_SCHEMA_ERRORS }
const errorCap: CodeKeywordDefinition = {
  keyword: ERROR_CAP,
  schemaType: 'boolean',
  post: true,
  code(cxt) {
    const { gen, it } = cxt
    if (it.compositeRule) return
    const max = gen.scopeValue('obj', { ref: limit })
    gen.if(_`${N.errors} > ${max}.max`, () => {
      gen.assign(_`${it.validateName}.errors`, N.vErrors)
      gen.return(false)
    })
  },
}

/**
 * The keyword that guards a list in the copies the validators are compiled from: it holds the
 * list's `items`, `uniqueItems`, `allOf`/`contains`, … and applies them only when the list is
 * within its `maxItems`. A list past its cap so costs one `maxItems` error and nothing more (Ajv
 * reads `allOf`/`contains` before `maxItems`, and with `allErrors` every item even past it). Its
 * errors are the errors of what it holds; their `schemaPath` gets the keyword taken out again.
 */
const LIST = 'x-carbon-passport-list'
const listGuard: CodeKeywordDefinition = {
  keyword: LIST,
  type: 'array',
  schemaType: 'object',
  code(cxt) {
    const { gen, data, parentSchema } = cxt
    const valid = gen.let('valid', true)
    const within = gen.name('_valid')
    gen.if(_`${data}.length <= ${parentSchema.maxItems as number}`, () => {
      cxt.subschema({ keyword: LIST }, within)
      gen.assign(valid, within)
    })
    cxt.ok(valid)
  },
}

/** Keywords whose value is a subschema, or an array or map of subschemas (JSON Schema 2020-12). */
const ONE = ['items', 'contains', 'additionalProperties', 'propertyNames', 'not']
const MANY = ['prefixItems', 'allOf', 'anyOf', 'oneOf']
const MAP = ['properties', 'patternProperties', '$defs', 'dependentSchemas']

/** What stays outside a list's guard: the keywords that cost nothing on a long list. */
const LIST_OUTSIDE = new Set(['type', 'maxItems', 'minItems', 'description', 'title', '$comment'])

/**
 * The JSON Pointers (from a schema's root, `#/properties/product`) of the closed objects
 * (`additionalProperties: false`) whose unknown properties the listing copy reports through
 * `additionalProperties: { not: {} }`, so that the error cap is checked after each one (Ajv's own
 * loop for `false` has no place to stop). Their errors are turned back into Ajv's.
 */
const closed = new Set<string>()

/**
 * A copy of a schema for validating untrusted documents: every list with a `maxItems` guarded
 * (LIST). The `listing` copy also has the error cap at the end of every subschema, and closed
 * objects as in `closed`.
 */
function guardedCopy(schema: unknown, at: string, listing: boolean): unknown {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return schema
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(schema)) {
    const path = `${at}/${escapePointer(key)}`
    if (ONE.includes(key)) out[key] = guardedCopy(value, path, listing)
    else if (MANY.includes(key) && Array.isArray(value)) {
      out[key] = value.map((v, i) => guardedCopy(v, `${path}/${i}`, listing))
    } else if (MAP.includes(key) && value !== null && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          guardedCopy(v, `${path}/${escapePointer(k)}`, listing),
        ]),
      )
    } else out[key] = value
  }
  if (typeof out.maxItems === 'number' && Object.keys(out).some((k) => !LIST_OUTSIDE.has(k))) {
    const inside: Record<string, unknown> = {}
    for (const key of Object.keys(out)) {
      if (LIST_OUTSIDE.has(key)) continue
      inside[key] = out[key]
      delete out[key]
    }
    out[LIST] = inside
  }
  if (listing) {
    if (out.additionalProperties === false) {
      out.additionalProperties = { not: {}, [ERROR_CAP]: true }
      closed.add(at)
    }
    out[ERROR_CAP] = true
  }
  return out
}

/**
 * An Ajv instance holding the guarded copies of every bundled schema; with `listErrors`, one that
 * lists the errors of an invalid document (at most about `limit.max`), else one that stops at the
 * first error (linear in the document, whatever it holds). Made on first use, so that importing
 * the conformance entry does not pay for it.
 */
function schemaInstance(listErrors: boolean): Ajv2020 {
  const ajv = newAjv(listErrors)
  ajv.addKeyword(listGuard)
  if (listErrors) ajv.addKeyword(errorCap)
  for (const schema of schemaDocuments.values()) {
    ajv.addSchema(guardedCopy(schema, '#', listErrors) as object)
  }
  return ajv
}
let fast: Ajv2020 | undefined
let listing: Ajv2020 | undefined

const GUARD_SEGMENT = `/${LIST}`
const UNKNOWN = '/additionalProperties/not'

/** An error of a guarded copy as the bundled schema gives it. */
function asBundled(e: ErrorObject): ErrorObject {
  const schemaPath = e.schemaPath.includes(GUARD_SEGMENT)
    ? e.schemaPath.split(GUARD_SEGMENT).join('')
    : e.schemaPath
  if (e.keyword === 'not' && schemaPath.endsWith(UNKNOWN)) {
    const object = schemaPath.slice(0, -UNKNOWN.length)
    if (closed.has(object.slice(object.indexOf('#')))) {
      const cut = e.instancePath.lastIndexOf('/')
      return {
        instancePath: e.instancePath.slice(0, cut),
        schemaPath: `${object}/additionalProperties`,
        keyword: 'additionalProperties',
        params: { additionalProperty: unescapePointer(e.instancePath.slice(cut + 1)) },
        message: 'must NOT have additional properties',
      }
    }
  }
  return schemaPath === e.schemaPath ? e : { ...e, schemaPath }
}

const fastCache = new Map<string, ValidateFunction>()
const listingCache = new Map<string, ValidateFunction>()

function compiled(instance: Ajv2020, cache: Map<string, ValidateFunction>, id: string) {
  let validate = cache.get(id)
  if (!validate) {
    const found = instance.getSchema(id)
    if (!found) throw new CarbonPassportError('ERR_SCHEMA_NOT_FOUND', `no schema with $id ${id}`)
    validate = found
    cache.set(id, validate)
  }
  return validate
}

/**
 * The compiled validator for a schema `$id` (compiled once per process). It stops at the first
 * error, so its `errors` hold at most one; `schemaErrors` lists them all (up to a cap).
 */
export function getValidator(id: string): ValidateFunction {
  fast ??= schemaInstance(false)
  return compiled(fast, fastCache, id)
}

/** The outcome of validating a document against a schema. */
export interface SchemaValidation {
  /** The first `maxErrors` errors, in Ajv's order; empty when the document is valid. */
  errors: ErrorObject[]
  /** Whether there were more errors than `maxErrors` (the list stopped there). */
  truncated: boolean
}

/**
 * Validates `data` against a schema and lists its errors, at most `maxErrors` of them. Linear in
 * the size of `data` whatever it holds: a valid document is validated once; an invalid one once
 * more, by a validator that stops after `maxErrors` errors.
 */
export function validateAgainstSchema(
  id: string,
  data: unknown,
  maxErrors: number = DEFAULT_MAX_SCHEMA_ERRORS,
): SchemaValidation {
  const first = getValidator(id)
  if (first(data)) return { errors: [], truncated: false }
  listing ??= schemaInstance(true)
  const list = compiled(listing, listingCache, id)
  const max = Math.max(1, Math.floor(maxErrors))
  limit.max = max // read by the generated code; validation is synchronous
  let errors: ErrorObject[]
  try {
    errors = list(data) ? [] : (list.errors ?? [])
  } finally {
    limit.max = DEFAULT_MAX_SCHEMA_ERRORS
  }
  // Both validators come from the same schemas; should they ever disagree, keep the first error.
  if (errors.length === 0) errors = first.errors ?? []
  return {
    errors: errors.slice(0, max).map(asBundled),
    truncated: errors.length > max,
  }
}

/**
 * Raw Ajv errors of validating `data` against a schema (an empty list when it is valid): the first
 * `maxErrors` (DEFAULT_MAX_SCHEMA_ERRORS) of them.
 */
export function schemaErrors(
  id: string,
  data: unknown,
  maxErrors: number = DEFAULT_MAX_SCHEMA_ERRORS,
): ErrorObject[] {
  return validateAgainstSchema(id, data, maxErrors).errors
}

export type { ErrorObject }
