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
 *
 * Precompiled: `npm run build` writes both instances' validators as Ajv standalone code
 * (scripts/build-validators.ts, into `dist/schema/validators/`), and the registry loads them from
 * there, so that neither Ajv's compiler nor the compilation (~160 ms for the passport schema) is
 * paid at start-up. Where they are missing (running from src/), were made from other schemas, or
 * lack an `$id`, the validators are compiled here at run time, as before: the same code, the same
 * verdicts and errors (test/schema/precompiled.test.ts). Ajv itself is loaded only then. The
 * build also saves V8's code cache of the precompiled code (code-cache.ts), which a run of the
 * same Node takes to skip parsing and compiling it (test/schema/code-cache.test.ts).
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { Script } from 'node:vm'
import type {
  Ajv2020,
  CodeKeywordDefinition,
  ErrorObject,
  FormatDefinition,
  ValidateFunction,
} from 'ajv/dist/2020.js'
import { isDateTime } from '../date-time.js'
import { CarbonPassportError } from '../errors.js'
import { escapePointer, unescapePointer } from '../findings/pointer.js'
import { type CodeCacheUse, loadWithCodeCache } from './code-cache.js'
import { withSurrogateFreeShortcut } from './ucs2length.js'
import { withPlainUriShortcut } from './uri-format.js'

// Ajv, ajv-formats and the precompiled validators are CommonJS, loaded synchronously on first use.
const require = createRequire(import.meta.url)

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

/** Ajv's code builder: the one part of Ajv the keywords below use. */
type CodeTag = typeof import('ajv/dist/2020.js')._
type Code = ReturnType<CodeTag>

/**
 * The names precompiled code reads what the registry gives it by: the formats (ajv-formats' full
 * formats with `date-time` replaced, as `formats()` makes them) and `limit`.
 */
const FORMATS_NAME = 'carbonPassportFormats'
const LIMIT_NAME = 'carbonPassportLimit'

/** The `date-time` format: RFC 3339 as the library reads dates (date-time.ts), not ajv-formats'. */
const dateTime: FormatDefinition<string> = { type: 'string', validate: isDateTime }

/** Ajv's modules, loaded on first need: only when a validator is compiled here. */
interface AjvModules {
  Ajv2020: typeof Ajv2020
  _: CodeTag
  Name: typeof import('ajv/dist/2020.js').Name
  /** Ajv's names for the error list and count of a validation function (stable across Ajv 8). */
  names: { errors: Code; vErrors: Code }
  addFormats: (ajv: Ajv2020) => unknown
}
let ajvModules: AjvModules | undefined
function loadAjv(): AjvModules {
  if (!ajvModules) {
    const ajv2020 = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')
    const names = require('ajv/dist/compile/names.js') as { default: AjvModules['names'] }
    ajvModules = {
      Ajv2020: ajv2020.Ajv2020,
      _: ajv2020._,
      Name: ajv2020.Name,
      names: names.default,
      addFormats: require('ajv-formats') as AjvModules['addFormats'],
    }
  }
  return ajvModules
}

/** ajv-formats' formats, as `addFormats` adds them. */
const fullFormats = () =>
  (require('ajv-formats/dist/formats.js') as { fullFormats: Record<string, unknown> }).fullFormats

/** ajv-formats' `uri`, with a shortcut for plain IRIs (uri-format.ts): the same verdicts. */
const uri = (): ((value: string) => boolean) =>
  withPlainUriShortcut(fullFormats().uri as (value: string) => boolean)

function newAjv(allErrors: boolean, standalone: boolean): Ajv2020 {
  const { Ajv2020, Name, addFormats } = loadAjv()
  const instance = new Ajv2020({
    strict: true,
    allErrors,
    allowUnionTypes: false,
    ...(standalone && { code: { source: true, formats: new Name(FORMATS_NAME) } }),
  })
  addFormats(instance)
  instance.addFormat('date-time', dateTime)
  instance.addFormat('uri', uri())
  return instance
}

/** The formats precompiled code validates with (`FORMATS_NAME`): the ones `newAjv` adds. */
function formats(): Record<string, unknown> {
  return { ...fullFormats(), 'date-time': dateTime, uri: uri() }
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
    const { _, Name, names } = loadAjv()
    // Precompiled code reads `limit` by the name the registry passes it under.
    const max = gen.scopeValue('obj', { ref: limit, code: new Name(LIMIT_NAME) })
    gen.if(_`${names.errors} > ${max}.max`, () => {
      gen.assign(_`${it.validateName}.errors`, names.vErrors)
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
    const { _ } = loadAjv()
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
 * the conformance entry does not pay for it. With `standalone`, one whose validators can be
 * written out as code (scripts/build-validators.ts).
 */
function schemaInstance(listErrors: boolean, standalone = false): Ajv2020 {
  const ajv = newAjv(listErrors, standalone)
  ajv.addKeyword(listGuard)
  if (listErrors) ajv.addKeyword(errorCap)
  for (const schema of schemaDocuments.values()) {
    ajv.addSchema(guardedCopy(schema, '#', listErrors) as object)
  }
  return ajv
}

/** The two kinds of validator: the first-error one and the bounded listing one. */
type Kind = 'fast' | 'listing'

/**
 * A fingerprint of the bundled schemas: precompiled validators made from other schemas (a schema
 * edited after the build) are not used. By `$id`, not in the order the directory lists them, which
 * differs from one file system to another.
 */
function schemasFingerprint(): string {
  const byId = [...schemaDocuments].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return createHash('sha256').update(JSON.stringify(byId)).digest('base64url')
}

/** What scripts/build-validators.ts writes for each kind (`dist/schema/validators/<kind>.cjs`). */
interface PrecompiledModule {
  /** `schemasFingerprint()` of the schemas the code was made from. */
  fingerprint: string
  /** The listing kind: `closed` as compiling its schemas fills it. */
  closed: string[]
  /** The validators by the `$id`s of `precompiledIds()`, given the formats and `limit`. */
  create(formats: Record<string, unknown>, limit: { max: number }): Record<string, ValidateFunction>
}

const validatorsDir = new URL('./validators/', import.meta.url)
const validatorsFile = (kind: Kind): string => fileURLToPath(new URL(`${kind}.cjs`, validatorsDir))

/** What became of each kind's code cache (code-cache.ts) when its validators were loaded. */
const codeCacheUse: Partial<Record<Kind, CodeCacheUse>> = {}
/** The compiled code of each kind loaded: the build saves what V8 made of it as the code cache. */
const scripts: Partial<Record<Kind, Script>> = {}

/**
 * The module precompiled code counts string lengths with, and what it gets in its place: Ajv's own
 * function behind a shortcut that gives the same counts (ucs2length.ts).
 */
const UCS2LENGTH = 'ajv/dist/runtime/ucs2length'
const ucs2length = (): ((value: string) => number) =>
  withSurrogateFreeShortcut((require(UCS2LENGTH) as { default: (value: string) => number }).default)

/** The precompiled validators of a kind, or none (not built, or made from other schemas). */
function loadPrecompiled(kind: Kind): Record<string, ValidateFunction> | undefined {
  const file = validatorsFile(kind)
  if (!existsSync(file)) return undefined
  const loaded = loadWithCodeCache(file, { [UCS2LENGTH]: { default: ucs2length() } })
  codeCacheUse[kind] = loaded.cache
  scripts[kind] = loaded.script
  const module = loaded.exports as PrecompiledModule
  if (module.fingerprint !== schemasFingerprint()) return undefined
  for (const pointer of module.closed) closed.add(pointer)
  return module.create(formats(), limit)
}

interface Validators {
  /** The precompiled validators, by `$id`; `null` when there are none. */
  precompiled?: Record<string, ValidateFunction> | null
  /** The instance that compiles what is not precompiled, made on first need. */
  instance?: Ajv2020
  cache: Map<string, ValidateFunction>
}
const validators: Record<Kind, Validators> = {
  fast: { cache: new Map() },
  listing: { cache: new Map() },
}

/** The validator of a kind for a schema `$id`: precompiled, else compiled here, once. */
function compiled(kind: Kind, id: string): ValidateFunction {
  const of = validators[kind]
  let validate = of.cache.get(id)
  if (!validate) {
    if (of.precompiled === undefined) of.precompiled = loadPrecompiled(kind) ?? null
    const precompiled =
      of.precompiled && Object.hasOwn(of.precompiled, id) ? of.precompiled[id] : undefined
    if (precompiled) validate = precompiled
    else {
      of.instance ??= schemaInstance(kind === 'listing')
      const found = of.instance.getSchema(id)
      if (!found) throw new CarbonPassportError('ERR_SCHEMA_NOT_FOUND', `no schema with $id ${id}`)
      validate = found
    }
    of.cache.set(id, validate)
  }
  return validate
}

/**
 * The `$id`s the build precompiles: every bundled schema and every one of its `$defs`
 * (`getValidator` is asked for `common.schema.json#/$defs/duration`, for example).
 */
function precompiledIds(): string[] {
  return [...schemaDocuments].flatMap(([id, schema]) => [
    id,
    ...Object.keys((schema.$defs ?? {}) as object).map(
      (name) => `${id}#/$defs/${escapePointer(name)}`,
    ),
  ])
}

/**
 * For scripts/build-validators.ts only (not part of the package API): what the build needs to
 * write the validators of each kind as standalone code that `loadPrecompiled` reads back.
 */
export const precompilation = {
  directory: validatorsDir,
  kinds: ['fast', 'listing'] as const,
  formatsName: FORMATS_NAME,
  limitName: LIMIT_NAME,
  instance: (kind: Kind): Ajv2020 => schemaInstance(kind === 'listing', true),
  ids: precompiledIds,
  closed: (): string[] => [...closed].sort(),
  fingerprint: schemasFingerprint,
  /** The file a kind's validators are written to, as `loadPrecompiled` reads it. */
  file: validatorsFile,
  /** What became of a kind's code cache when its validators were loaded: for tests. */
  codeCache: (kind: Kind): CodeCacheUse | undefined => codeCacheUse[kind],
  /**
   * V8's code cache of a kind's loaded validators, with every function they have run so far
   * compiled: the build writes it after validating the examples. None when none were loaded.
   */
  codeCacheData: (kind: Kind): Buffer | undefined => scripts[kind]?.createCachedData(),
  /** Which validators `getValidator` gives, once it has been called: for tests. */
  source: (kind: Kind): 'precompiled' | 'runtime' | 'none' => {
    const of = validators[kind].precompiled
    return of === undefined ? 'none' : of ? 'precompiled' : 'runtime'
  },
}

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

/**
 * The compiled validator for a schema `$id` (compiled once per process). It stops at the first
 * error, so its `errors` hold at most one; `schemaErrors` lists them all (up to a cap).
 */
export function getValidator(id: string): ValidateFunction {
  return compiled('fast', id)
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
  const list = compiled('listing', id)
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
