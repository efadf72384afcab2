/**
 * `buildPassport`: an unsigned passport computed from a template (what a person or an ERP knows
 * about the product), activity records, an emission-factor set and the upstream passports of the
 * bill of materials, checked against the schema and the conformance profiles the caller names.
 * Every value that adds up is computed (`calculateFootprint`, `rollUpComponents`), never typed in.
 */
import { checkConformance } from '../conformance/check.js'
import { isProfileId, PROFILE_IDS, type ProfileId } from '../conformance/profiles/ids.js'
import { toDateTime } from '../date-time.js'
import { CarbonPassportError, isCarbonPassportError } from '../errors.js'
import type { Finding } from '../findings/finding.js'
import { escapePointer } from '../findings/pointer.js'
import {
  asCarbonPassportError,
  describeError,
  isRecord,
  jsonProblem,
  MAX_JSON_DEPTH,
} from '../guard.js'
import type {
  Claim,
  Customs,
  Iri,
  Issuer,
  PassportCredential,
  Product,
  Verification,
} from '../model/types.js'
import { PASSPORT_CONTEXTS } from '../passport/contexts.js'
import { createPassport } from '../passport/create.js'
import { PASSPORT_SCHEMA_ID } from '../schema/registry.js'
import { calculateFootprint } from './calculate.js'
import type { BatteryInput, CalculateOptions, FootprintInput } from './calculate-types.js'
import { generationCodes } from './codes.js'
import {
  type RollUpOptions,
  type RollUpResult,
  rollUpComponents,
  type UpstreamComponent,
} from './roll-up.js'
import type { ActivityRecord, EmissionFactorSet } from './types.js'

const { report, finding } = generationCodes

/**
 * The footprint part of a template: `calculateFootprint`'s input without the records, the factor
 * set and the battery, which `buildPassport` takes as its own arguments and template field. It
 * holds the declared unit and amount, the reference period, the descriptive PACT fields (standards,
 * boundary description, exemptions, data quality, carbon contents, …) and the calculator's own
 * fields: `packagingRecords` and `aircraftRecords` (indices into `buildPassport`'s `records`),
 * `lifeCycleBoundary`, `lifeCycleComment` and `upstreamPrimaryDataShares` (the shares of upstream
 * passports that records name without being rolled up; the rolled-up ones are added).
 */
export type FootprintTemplate = Omit<FootprintInput, 'records' | 'factors' | 'battery'>

/**
 * What a passport is built from besides its activity records: the parts of the credential subject
 * that are not computed. Everything that adds up (line emissions, the PCF, stages, scopes, the
 * primary data share, component references, battery declaration values, life-cycle totals) is left
 * out and computed.
 */
export interface PassportTemplate {
  /** The product: a GS1 Digital Link URI or another IRI (the subject's `id`). */
  id: Iri
  /** `CarbonPassport` if given; the built passport has it either way. */
  type?: 'CarbonPassport'
  /** Ids of the passports this version replaces. */
  precedingPassports?: Iri[]
  /** The product the passport is about. */
  product: Product
  /** The footprint's given fields (see `FootprintTemplate`); its sums are computed. */
  footprint: FootprintTemplate
  /** Offsets and avoided emissions, outside every sum. */
  claims?: Claim[]
  /**
   * The battery block, for a battery passport: its data, the CRS conditions and the declarations
   * without their computed values (`BatteryInput`).
   */
  battery?: BatteryInput
  /** Third-party verification of the footprint. */
  verification?: Verification
  /** CN code, customs origin, importer, registry id and CBAM embedded emissions. */
  customs?: Customs
}

/** Options of `buildPassport`. */
export interface BuildPassportOptions {
  /** The issuer: a DID or IRI, or `{ id, name }`. It must control the key that will sign. */
  issuer: string | Issuer
  /** The emission-factor set that records with `factorId` or `factorActivity` name factors of. */
  factors?: EmissionFactorSet
  /**
   * The bill of materials: upstream passports (verified by the caller) with the quantity one
   * declared unit uses. Rolled up with `rollUpComponents`: their records are appended to the
   * records, their component references become the subject's `components`, their primary data
   * shares feed the calculation.
   */
  upstreams?: readonly UpstreamComponent[]
  /** Options of the roll-up (the records' stage, period, granularity, `splitByStage`). */
  rollUp?: RollUpOptions
  /** Profiles the passport must conform under; `['core']` by default (`core` is always applied). */
  profiles?: readonly ProfileId[]
  /** The passport id; a new `urn:uuid:` by default. */
  id?: string
  /** Start of validity; `now` by default. */
  validFrom?: Date
  /** End of validity; none by default. Must be after `validFrom`. */
  validUntil?: Date
  /** The clock, for reproducible output. */
  now?: Date
  /** Options of `calculateFootprint`: rounding of the per-FU values and the primary data share. */
  calculate?: CalculateOptions
}

/**
 * The result: the passport, the notes of the calculation and roll-up (every assumption made) and
 * the conformance warnings and infos; or the errors that prevent the passport, and the notes so far.
 */
export type BuildPassportResult =
  | {
      /** The passport was built and conforms under the profiles named. */
      ok: true
      /** The unsigned passport credential, ready for `issuePassport`. */
      passport: PassportCredential
      /** The generation notes: every assumption made (scaled records, factors picked, units converted). */
      notes: Finding[]
      /** The conformance warnings and infos under the profiles named. */
      findings: Finding[]
    }
  | {
      /** No passport: the data is incomplete or would not conform. */
      ok: false
      /** Generation errors, or PASSPORT_NOT_CONFORMING followed by the conformance errors. */
      errors: Finding[]
      /** The generation notes made before the errors were found. */
      notes: Finding[]
    }

/** The subject members a template may give, in the order of `CarbonPassport`. */
const TEMPLATE_KEYS = [
  'id',
  'type',
  'precedingPassports',
  'product',
  'footprint',
  'claims',
  'battery',
  'verification',
  'customs',
] as const

/** Subject members that are computed: a template that gives one is refused. */
const COMPUTED_KEYS = new Set(['activityData', 'components', 'lifeCycleTotals'])

const OPTION_KEYS = [
  'issuer',
  'factors',
  'upstreams',
  'rollUp',
  'profiles',
  'id',
  'validFrom',
  'validUntil',
  'now',
  'calculate',
] as const

type Fields = Record<string, unknown>

const own = (o: Fields, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined)

const invalidArgument = (message: string): CarbonPassportError =>
  new CarbonPassportError('ERR_INVALID_ARGUMENT', `buildPassport: ${message}`)

/** The options, read and checked; misuse (a missing issuer, a bad date) throws. */
function readBuildOptions(options: unknown): ReturnType<typeof readOptionsOf> {
  try {
    return readOptionsOf(options)
  } catch (err) {
    // A hostile options object (a throwing getter, a revoked Proxy) is misuse too.
    throw asCarbonPassportError(err, 'ERR_INVALID_ARGUMENT', 'buildPassport: options')
  }
}

function readOptionsOf(options: unknown) {
  if (!isRecord(options)) throw invalidArgument('options must be an object with an issuer')
  const o: Fields = {}
  for (const key of OPTION_KEYS) {
    try {
      const v = (options as Fields)[key]
      if (v !== undefined) o[key] = v
    } catch (err) {
      throw invalidArgument(`options.${key} cannot be read: ${describeError(err)}`)
    }
  }
  const issuer = o.issuer
  let issuerId: unknown
  try {
    issuerId = typeof issuer === 'string' ? issuer : isRecord(issuer) ? issuer.id : undefined
  } catch (err) {
    throw invalidArgument(`options.issuer cannot be read: ${describeError(err)}`)
  }
  if (typeof issuerId !== 'string' || issuerId === '') {
    throw invalidArgument('options.issuer (a DID or IRI, or { id, name }) is required')
  }
  if (o.id !== undefined && typeof o.id !== 'string') {
    throw invalidArgument('options.id must be a string')
  }
  for (const key of ['validFrom', 'validUntil', 'now'] as const) {
    const d = o[key]
    if (d !== undefined && !(d instanceof Date && !Number.isNaN(d.getTime()))) {
      throw invalidArgument(`options.${key} must be a valid Date`)
    }
  }
  const from = (o.validFrom ?? o.now ?? new Date()) as Date
  if (o.validUntil !== undefined && (o.validUntil as Date).getTime() <= from.getTime()) {
    throw invalidArgument('options.validUntil must be after validFrom')
  }
  let profiles: ProfileId[] = ['core']
  if (o.profiles !== undefined) {
    if (!Array.isArray(o.profiles) || o.profiles.length > PROFILE_IDS.length * 4) {
      throw invalidArgument(`options.profiles must be an array of ${PROFILE_IDS.join(', ')}`)
    }
    profiles = []
    for (const p of o.profiles as unknown[]) {
      if (!isProfileId(p)) {
        throw invalidArgument(
          `options.profiles: unknown profile ${JSON.stringify(p) ?? typeof p}; known: ${PROFILE_IDS.join(', ')}`,
        )
      }
      if (!profiles.includes(p)) profiles.push(p)
    }
  }
  if (o.upstreams !== undefined && !Array.isArray(o.upstreams)) {
    throw invalidArgument('options.upstreams must be an array of { passport, quantity, unit }')
  }
  return {
    issuer: issuer as string | Issuer,
    factors: o.factors,
    upstreams: o.upstreams as readonly unknown[] | undefined,
    rollUp: o.rollUp,
    profiles,
    id: o.id as string | undefined,
    validFrom: o.validFrom as Date | undefined,
    validUntil: o.validUntil as Date | undefined,
    now: o.now as Date | undefined,
    calculate: o.calculate,
  }
}

/**
 * Where a calculator finding is in `buildPassport`'s own arguments: `/records/<i>/…` for a given
 * record, `/upstreams/<k>` for a rolled-up one, `/template/battery/…` and `/template/footprint/…`
 * for the template, `/options/factors/…` for the factor set.
 */
function mapCalculatorPath(path: string, recordCount: number, origins: readonly number[]): string {
  if (path === '') return ''
  const m = /^\/records\/(\d+)(\/.*)?$/.exec(path)
  if (m) {
    const i = Number(m[1])
    if (i < recordCount) return path
    const upstream = origins[i - recordCount]
    return upstream === undefined || upstream < 0 ? '/upstreams' : `/upstreams/${upstream}`
  }
  if (path === '/records') return '/records'
  if (path.startsWith('/battery')) return `/template${path}`
  if (path.startsWith('/factors')) return `/options${path}`
  return `/template/footprint${path}`
}

const withPath = (f: Finding, path: string): Finding => (f.path === path ? f : { ...f, path })

/**
 * Builds an unsigned passport from a template, activity records, an emission-factor set and the
 * upstream passports of the bill of materials:
 *
 * 1. the upstreams are rolled up (`rollUpComponents`): their scope 3 category 1 records are
 *    appended to `records`, their component references become the subject's `components`, their
 *    primary data shares feed the calculation;
 * 2. the footprint is calculated (`calculateFootprint`): every line's emissions, the PCF, the
 *    fossil part, stages, scopes, the primary data share, life-cycle totals, battery declarations;
 * 3. the subject is assembled (the template's members and the computed ones, in the model's order)
 *    and made a credential (`createPassport`: `@context`, id, issuer, validity, schema check);
 * 4. the credential is checked under `profiles` (`checkConformance`).
 *
 * Never throws on bad input: a template, a record or an upstream that cannot be used gives error
 * findings (GENERATION_INPUT_INVALID, FACTOR_NOT_FOUND, QUANTITY_INVALID, UNIT_INCOMPATIBLE,
 * UPSTREAM_PASSPORT_INVALID, …) at a JSON Pointer into the arguments: `/template/…`,
 * `/records/<i>/…`, `/upstreams/<k>/…`, `/options/factors/…`. A passport that does not conform
 * (schema or rules) gives PASSPORT_NOT_CONFORMING at `''` followed by the conformance errors,
 * at their pointers into the credential. No passport is returned with an error.
 *
 * @param template - The subject's members that are not computed (`PassportTemplate`).
 * @param records - The activity records, one activity data line each, in this order.
 * @param options - The issuer, the factor set, the upstreams, the profiles, id and dates.
 * @returns `{ ok: true, passport, notes, findings }` (findings: the conformance warnings and
 *   infos), or `{ ok: false, errors, notes }`.
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` for misuse: options that are not an object, no
 *   issuer, an unknown profile, a `validFrom`, `validUntil` or `now` that is not a valid Date, a
 *   `validUntil` not after `validFrom`.
 *
 * @example
 * ```ts
 * const { set } = loadFactorSet(readFileSync('factors.csv', 'utf8'), { format: 'csv' })
 * const { records } = parseActivityCsv(readFileSync('records.csv', 'utf8'))
 * const result = buildPassport(template, records, {
 *   issuer: { id: 'did:web:passports.xiangjiang-cathode.example', name: 'Xiangjiang Cathode' },
 *   factors: set,
 *   profiles: ['pact-v3'],
 * })
 * if (result.ok) console.log(result.passport.credentialSubject.footprint.pcfExcludingBiogenicUptake)
 * else for (const f of result.errors) console.log(f.path, f.code, f.message)
 * ```
 */
export function buildPassport(
  template: PassportTemplate,
  records: readonly ActivityRecord[],
  options: BuildPassportOptions,
): BuildPassportResult {
  const o = readBuildOptions(options)
  const errors: Finding[] = []
  const notes: Finding[] = []
  try {
    return build(template, records, o, errors, notes)
  } catch (err) {
    // A value that throws on a second read (a hostile Proxy) or that createPassport refuses
    // for another reason than the subject: reported, never thrown.
    report(errors, 'GENERATION_INPUT_INVALID', '', {
      detail: `The input cannot be read: ${describeError(err)}.`,
    })
    return { ok: false, errors, notes }
  }
}

function build(
  template: unknown,
  records: unknown,
  o: ReturnType<typeof readBuildOptions>,
  errors: Finding[],
  notes: Finding[],
): BuildPassportResult {
  const problem = jsonProblem({ template, records }, { maxDepth: MAX_JSON_DEPTH })
  if (problem) {
    report(errors, 'GENERATION_INPUT_INVALID', problem.path, {
      detail: `The input is not JSON data here: ${problem.reason}.`,
    })
    return { ok: false, errors, notes }
  }
  if (!isRecord(template)) {
    report(errors, 'GENERATION_INPUT_INVALID', '/template', {
      detail: 'The template is an object (PassportTemplate: id, product, footprint, …).',
    })
    return { ok: false, errors, notes }
  }
  if (!Array.isArray(records)) {
    report(errors, 'GENERATION_INPUT_INVALID', '/records', {
      detail: 'The records are an array of activity records.',
    })
    return { ok: false, errors, notes }
  }
  const t = template as Fields
  for (const key of Object.keys(t)) {
    if (COMPUTED_KEYS.has(key)) {
      report(errors, 'GENERATION_INPUT_INVALID', `/template/${escapePointer(key)}`, {
        detail: `${key} is computed from the records and upstreams; leave it out of the template.`,
      })
    } else if (!(TEMPLATE_KEYS as readonly string[]).includes(key)) {
      report(errors, 'GENERATION_INPUT_INVALID', `/template/${escapePointer(key)}`, {
        detail: `${key} is not a member of a passport template (${TEMPLATE_KEYS.join(', ')}).`,
      })
    }
  }
  const footprint = own(t, 'footprint')
  if (!isRecord(footprint)) {
    report(errors, 'GENERATION_INPUT_INVALID', '/template/footprint', {
      detail:
        'The template has a footprint: the declared unit, reference period and descriptive fields.',
    })
    return { ok: false, errors, notes }
  }
  for (const key of ['records', 'factors', 'battery']) {
    if (Object.hasOwn(footprint, key)) {
      report(errors, 'GENERATION_INPUT_INVALID', `/template/footprint/${key}`, {
        detail:
          key === 'battery'
            ? 'battery is a member of the template, not of its footprint.'
            : `${key} ${key === 'records' ? 'are' : 'is'} buildPassport's own ${key === 'records' ? 'argument' : 'option'}, not a footprint field.`,
      })
    }
  }

  // 1. Roll-up.
  let rolled: RollUpResult | undefined
  const origins: number[] = []
  if (o.upstreams !== undefined && o.upstreams.length > 0) {
    rolled = rollUpComponents(o.upstreams as UpstreamComponent[], o.rollUp as RollUpOptions)
    for (const f of rolled.findings) {
      const mapped = withPath(f, `/upstreams${f.path}`)
      ;(f.severity === 'error' ? errors : notes).push(mapped)
    }
    // Without a roll-up error, component k is upstream k; with one, the build fails anyway.
    const exactOrigins = !rolled.findings.some((f) => f.severity === 'error')
    for (const r of rolled.records) origins.push(exactOrigins ? indexOfUpstream(rolled, r) : -1)
  }

  // 2. Calculation.
  const shares = own(footprint, 'upstreamPrimaryDataShares')
  const input: Fields = { ...footprint }
  delete input.records
  delete input.factors
  delete input.battery
  input.records = [...records, ...(rolled?.records ?? [])]
  if (o.factors !== undefined) input.factors = o.factors
  if (rolled && Object.keys(rolled.primaryDataShares).length > 0) {
    input.upstreamPrimaryDataShares = {
      ...(isRecord(shares) ? shares : {}),
      ...rolled.primaryDataShares,
    }
  }
  const battery = own(t, 'battery')
  if (battery !== undefined) input.battery = battery
  const calculated = calculateFootprint(input, (o.calculate ?? {}) as CalculateOptions)
  const map = (f: Finding) => withPath(f, mapCalculatorPath(f.path, records.length, origins))
  notes.push(...calculated.notes.map(map))
  if (!calculated.ok) errors.push(...calculated.errors.map(map))
  if (errors.length > 0 || !calculated.ok) return { ok: false, errors, notes }

  // 3. The subject, in the order of CarbonPassport, and the credential.
  const c = calculated.subject
  const subject: Fields = { id: own(t, 'id'), type: 'CarbonPassport' }
  const copy = (key: string) => {
    const v = own(t, key)
    if (v !== undefined) subject[key] = v
  }
  copy('precedingPassports')
  copy('product')
  subject.footprint = c.footprint
  if (c.lifeCycleTotals) subject.lifeCycleTotals = c.lifeCycleTotals
  copy('claims')
  subject.activityData = c.activityData
  if (rolled && rolled.components.length > 0) subject.components = rolled.components
  if (c.battery) subject.battery = c.battery
  copy('verification')
  copy('customs')
  if (subject.id === undefined) delete subject.id

  const credentialOptions = {
    issuer: o.issuer,
    ...(o.id === undefined ? {} : { id: o.id }),
    ...(o.validFrom === undefined ? {} : { validFrom: o.validFrom }),
    ...(o.validUntil === undefined ? {} : { validUntil: o.validUntil }),
    ...(o.now === undefined ? {} : { now: o.now }),
  }
  let passport: PassportCredential
  try {
    passport = createPassport(subject as never, credentialOptions)
  } catch (err) {
    if (!isCarbonPassportError(err)) throw err
    if (err.code !== 'ERR_PASSPORT_INVALID') {
      report(errors, 'GENERATION_INPUT_INVALID', '/template', {
        detail: `The template does not make a passport: ${err.message}.`,
      })
      return { ok: false, errors, notes }
    }
    // The schema errors, as the conformance checker reports them (codes and pointers into the
    // credential), on the credential createPassport would have returned.
    const draft = {
      '@context': [...PASSPORT_CONTEXTS],
      id: o.id ?? 'urn:uuid:00000000-0000-4000-8000-000000000000',
      type: ['VerifiableCredential', 'CarbonPassportCredential'],
      issuer: o.issuer,
      validFrom: toDateTime(o.validFrom ?? o.now ?? new Date()),
      credentialSchema: { id: PASSPORT_SCHEMA_ID, type: 'JsonSchema' },
      credentialSubject: subject,
    }
    return notConforming(checkConformance(draft, { profiles: o.profiles }).findings, o, notes, [
      `the passport does not match the passport schema (${err.message})`,
    ])
  }

  // 4. Conformance.
  const conformance = checkConformance(passport, { profiles: o.profiles })
  if (!conformance.conforms) return notConforming(conformance.findings, o, notes, [])
  return { ok: true, passport, notes, findings: conformance.findings }
}

/** PASSPORT_NOT_CONFORMING, then the error findings of the conformance check. */
function notConforming(
  findings: readonly Finding[],
  o: ReturnType<typeof readBuildOptions>,
  notes: Finding[],
  extra: string[],
): BuildPassportResult {
  const conformanceErrors = findings.filter((f) => f.severity === 'error')
  const codes = [...new Set(conformanceErrors.map((f) => f.code))]
  const summary = finding('PASSPORT_NOT_CONFORMING', '', {
    detail: `The built passport does not conform under ${o.profiles.join(', ')}: ${conformanceErrors.length} error finding${conformanceErrors.length === 1 ? '' : 's'} (${codes.join(', ') || extra.join('; ')}) follow.`,
  })
  return { ok: false, errors: [summary, ...conformanceErrors], notes }
}

/** The index of the upstream a rolled-up record comes from (its passport id among the components). */
function indexOfUpstream(rolled: RollUpResult, record: ActivityRecord): number {
  const k = rolled.components.findIndex((c) => c.passport === record.upstreamPassport)
  return k
}
