/**
 * Component roll-up: upstream passports and bill-of-materials quantities → the component
 * references of the downstream passport and the scope 3 category 1 activity records that account
 * for them, so that a component's `emissions` and its lines agree by construction.
 */
import { measureJson } from '../conformance/limits.js'
import {
  add,
  type Dec,
  formatDecimal,
  MAX_DECIMAL_LENGTH,
  mul,
  parseDecimal,
  sign,
  ZERO,
} from '../decimal/core.js'
import type { Finding } from '../findings/finding.js'
import { describeError } from '../guard.js'
import { isUnwrapFailure, unwrapCredential } from '../input/envelope.js'
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from '../input/read.js'
import { GRANULARITIES, LIFECYCLE_STAGES } from '../model/enums.js'
import type {
  ComponentReference,
  Decimal,
  Granularity,
  Iri,
  LifecycleStage,
  Period,
  UnitCode,
} from '../model/types.js'
import { computePassportDigest } from '../supply-chain/digest.js'
import { convertQuantity, FACTOR_UNIT_PREFIX, lookupUnit, type UnitDefinition } from '../units.js'
import { generationCodes } from './codes.js'
import { divide } from './quotient.js'
import { periodEndYear } from './select-factor.js'
import type { ActivityRecord } from './types.js'

const { report, finding } = generationCodes

/** The most upstream passports one roll-up takes (as `calculateFootprint`'s records). */
export const MAX_UPSTREAMS = 10_000

/** One bill-of-materials line: an upstream passport and how much of it one declared unit uses. */
export interface UpstreamComponent {
  /**
   * The upstream passport, verified by the caller (e.g. with `verifyPassport`): the credential,
   * signed with Data Integrity or not, its vc+jwt compact JWS, or an EnvelopedVerifiableCredential.
   */
  passport: object | string
  /** How much of the component one declared unit of the downstream product uses, a Decimal > 0. */
  quantity: Decimal
  /** The UN/ECE Rec 20 code (or UCUM alias) of `quantity`, of the kind of the upstream declared unit. */
  unit: UnitCode
  /** The record's `activity`; `Purchased <product name>, batch <batch number>` by default. */
  activity?: string
  /** The factor's `source.name`; `Carbon passport of <product name> (<issuer name>)` by default. */
  sourceName?: string
  /** The record's `comment`; none by default. */
  comment?: string
}

/** Options of `rollUpComponents`: what the records say beyond the upstream passports. */
export interface RollUpOptions {
  /**
   * The life-cycle stage of each record: `raw-material-acquisition` by default (a purchased
   * component is a raw material of the downstream product). Not used with `splitByStage`.
   */
  lifecycleStage?: LifecycleStage
  /** The records' period (the purchases it covers); each upstream's reference period by default. */
  period?: Period
  /** The records' granularity; each upstream product's own (`item`, `batch`, `model`) by default. */
  granularity?: Granularity
  /** The records' temporal resolution, an ISO 8601 duration; `P1Y` by default. */
  temporalResolution?: string
  /**
   * One record per gate stage of each upstream (`raw-material-acquisition`, `main-production`),
   * each with that stage's emissions per declared unit as its factor and the stage as its own, as
   * the forklift pack accounts for its cells. An upstream whose gate stages do not add up to its
   * PCF exactly gets one record, and an UPSTREAM_PASSPORT_INVALID warning.
   */
  splitByStage?: boolean
}

/** What `rollUpComponents` returns. Upstreams with an error finding contribute nothing else. */
export interface RollUpResult {
  /** One component reference per upstream, in the upstreams' order. */
  components: ComponentReference[]
  /**
   * The scope 3 category 1 records (one per upstream, or one per gate stage): input for
   * `calculateFootprint`, whose lines then add up to each component's `emissions` exactly.
   */
  records: ActivityRecord[]
  /** Each upstream's `primaryDataShare` (per cent) by passport id, where it states one. */
  primaryDataShares: Record<Iri, Decimal>
  /** Errors (an upstream left out), warnings and notes (units converted), at `/<index>/…`. */
  findings: Finding[]
}

/** PACT v3 declared units and their UN/ECE Rec 20 codes (`megabit second` has none). */
export const DECLARED_UNIT_CODES: Readonly<Record<string, string>> = {
  piece: 'H87',
  kilogram: 'KGM',
  liter: 'LTR',
  'cubic meter': 'MTQ',
  'kilowatt hour': 'KWH',
  megajoule: '3B',
  'ton kilometer': 'TKM',
  'square meter': 'MTK',
  hour: 'HUR',
}

/** The stages inside a cradle-to-gate boundary, the ones a component's footprint is split into. */
const GATE_STAGES: readonly LifecycleStage[] = ['raw-material-acquisition', 'main-production']

type Fields = Readonly<Record<string, unknown>>

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const field = (o: unknown, name: string): unknown =>
  isObject(o) && Object.hasOwn(o, name) ? o[name] : undefined

const text = (o: unknown, name: string): string | undefined => {
  const v = field(o, name)
  return typeof v === 'string' && v !== '' ? v : undefined
}

const exact = (d: Dec): string => formatDecimal(d, Number.POSITIVE_INFINITY)

const shown = (value: unknown): string =>
  typeof value === 'string'
    ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
    : value === null
      ? 'null'
      : Array.isArray(value)
        ? 'an array'
        : typeof value

/** The options, checked; undefined when one is invalid (reported). */
interface Resolved {
  lifecycleStage: LifecycleStage
  period: Period | undefined
  granularity: Granularity | undefined
  temporalResolution: string
  splitByStage: boolean
}

function optionProblem(findings: Finding[], name: string, detail: string): void {
  report(findings, 'GENERATION_INPUT_INVALID', '', {
    detail: `options.${name} ${detail}`,
  })
}

function resolveOptions(options: unknown, findings: Finding[]): Resolved | undefined {
  const before = findings.length
  if (options !== undefined && !isObject(options)) {
    optionProblem(findings, '', `is an object, not ${shown(options)}.`)
    return undefined
  }
  const stage = field(options, 'lifecycleStage') ?? 'raw-material-acquisition'
  if (!(LIFECYCLE_STAGES as readonly unknown[]).includes(stage)) {
    optionProblem(
      findings,
      'lifecycleStage',
      `is one of ${LIFECYCLE_STAGES.join(', ')}, not ${shown(stage)}.`,
    )
  }
  const period = field(options, 'period')
  if (
    period !== undefined &&
    (text(period, 'start') === undefined || text(period, 'end') === undefined)
  ) {
    optionProblem(findings, 'period', 'is an object with a start and an end date-time.')
  }
  const granularity = field(options, 'granularity')
  if (granularity !== undefined && !(GRANULARITIES as readonly unknown[]).includes(granularity)) {
    optionProblem(
      findings,
      'granularity',
      `is one of ${GRANULARITIES.join(', ')}, not ${shown(granularity)}.`,
    )
  }
  const resolution = field(options, 'temporalResolution') ?? 'P1Y'
  if (typeof resolution !== 'string' || resolution === '') {
    optionProblem(
      findings,
      'temporalResolution',
      `is an ISO 8601 duration, not ${shown(resolution)}.`,
    )
  }
  const split = field(options, 'splitByStage') ?? false
  if (typeof split !== 'boolean') {
    optionProblem(findings, 'splitByStage', `is a boolean, not ${shown(split)}.`)
  }
  if (findings.length > before) return undefined
  return {
    lifecycleStage: stage as LifecycleStage,
    period:
      period === undefined
        ? undefined
        : { start: text(period, 'start') as string, end: text(period, 'end') as string },
    granularity: granularity as Granularity | undefined,
    temporalResolution: resolution as string,
    splitByStage: split as boolean,
  }
}

/** What the roll-up reads of one upstream passport. */
interface Upstream {
  id: string
  digest: string
  productId: string
  productName: string | undefined
  batch: string | undefined
  granularity: Granularity | undefined
  issuerName: string | undefined
  validFrom: string | undefined
  declared: UnitDefinition
  declaredName: string
  amount: Dec
  pcf: Dec
  period: Period
  referenceYear: number
  geography: string
  stages: { stage: LifecycleStage; emissions: Dec }[] | undefined
  primaryDataShare: string | undefined
}

/** Reads an upstream passport; undefined when it cannot be used (reported at `path`). */
function readUpstream(passport: unknown, path: string, findings: Finding[]): Upstream | undefined {
  const invalid = (at: string, detail: string): undefined => {
    report(findings, 'UPSTREAM_PASSPORT_INVALID', at, { detail })
    return undefined
  }
  const measured =
    typeof passport === 'string'
      ? { tooLarge: passport.length > DEFAULT_MAX_BYTES, tooDeep: false }
      : measureJson(passport, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH)
  if (measured.tooLarge || measured.tooDeep) {
    return invalid(
      path,
      `The upstream passport is ${measured.tooDeep ? `nested deeper than ${DEFAULT_MAX_DEPTH} levels` : `larger than ${DEFAULT_MAX_BYTES} bytes`}, more than verification accepts.`,
    )
  }
  const unwrapped = unwrapCredential(passport)
  if (isUnwrapFailure(unwrapped)) {
    return invalid(path, `The upstream passport cannot be read: ${unwrapped.message}.`)
  }
  const credential = unwrapped.credential
  // Paths into the caller's object; a JWS is one string, so its problems are at the string.
  const at = (pointer: string): string =>
    typeof passport === 'string' || unwrapped.jws ? path : `${path}${pointer}`
  const id = text(credential, 'id')
  if (id === undefined)
    return invalid(at('/id'), 'The upstream passport has no id to reference it by.')
  const subject = field(credential, 'credentialSubject')
  if (!isObject(subject))
    return invalid(at('/credentialSubject'), 'The upstream passport has no credentialSubject.')
  const product = field(subject, 'product')
  if (!isObject(product))
    return invalid(at('/credentialSubject/product'), 'The upstream passport has no product.')
  const identifiers = field(product, 'identifiers')
  const firstIdentifier =
    Array.isArray(identifiers) && typeof identifiers[0] === 'string' ? identifiers[0] : undefined
  const productId = text(subject, 'id') ?? firstIdentifier
  if (productId === undefined) {
    return invalid(
      at('/credentialSubject/id'),
      'The upstream passport names its product by no id (credentialSubject.id or product.identifiers).',
    )
  }
  const footprint = field(subject, 'footprint')
  if (!isObject(footprint))
    return invalid(at('/credentialSubject/footprint'), 'The upstream passport has no footprint.')
  const fp = (name: string) => at(`/credentialSubject/footprint/${name}`)
  const declaredName = field(footprint, 'declaredUnitOfMeasurement')
  const code =
    typeof declaredName === 'string' && Object.hasOwn(DECLARED_UNIT_CODES, declaredName)
      ? DECLARED_UNIT_CODES[declaredName]
      : undefined
  const declared = lookupUnit(code)
  if (declared === undefined) {
    return invalid(
      fp('declaredUnitOfMeasurement'),
      `The upstream declared unit ${shown(declaredName)} is not one of ${Object.keys(DECLARED_UNIT_CODES).join(', ')}.`,
    )
  }
  const amount = parseDecimal(field(footprint, 'declaredUnitAmount'))
  if (amount === undefined || sign(amount) <= 0) {
    return invalid(
      fp('declaredUnitAmount'),
      'The upstream declaredUnitAmount is not a Decimal > 0.',
    )
  }
  const pcf = parseDecimal(field(footprint, 'pcfExcludingBiogenicUptake'))
  if (pcf === undefined || sign(pcf) < 0) {
    return invalid(
      fp('pcfExcludingBiogenicUptake'),
      'The upstream PCF (pcfExcludingBiogenicUptake) is not a Decimal ≥ 0.',
    )
  }
  const start = text(footprint, 'referencePeriodStart')
  const end = text(footprint, 'referencePeriodEnd')
  // The factor's reference year: the year the reference period ends in, as factors are picked.
  const year = periodEndYear(end)
  if (start === undefined || end === undefined || year === undefined) {
    return invalid(
      fp(start === undefined ? 'referencePeriodStart' : 'referencePeriodEnd'),
      'The upstream footprint has no reference period (the reference year of its factor).',
    )
  }
  let digest: string
  try {
    digest = computePassportDigest(passport)
  } catch (err) {
    return invalid(path, `The upstream passport has no digest: ${describeError(err)}.`)
  }
  const granularity = field(product, 'granularity')
  const share = field(footprint, 'primaryDataShare')
  const validFrom = text(credential, 'validFrom')
  const issuer = field(credential, 'issuer')
  return {
    id,
    digest,
    productId,
    productName: text(product, 'name'),
    batch: text(product, 'batchNumber'),
    granularity: (GRANULARITIES as readonly unknown[]).includes(granularity)
      ? (granularity as Granularity)
      : undefined,
    issuerName: text(issuer, 'name') ?? (typeof issuer === 'string' ? issuer : text(issuer, 'id')),
    validFrom: validFrom?.slice(0, 10),
    declared,
    declaredName: declaredName as string,
    amount,
    pcf,
    period: { start, end },
    referenceYear: year,
    geography:
      text(product, 'countryOfProduction') ??
      text(field(product, 'manufacturingSite'), 'country') ??
      text(footprint, 'geographyCountry') ??
      text(footprint, 'geographyRegionOrSubregion') ??
      'GLO',
    stages: gateStages(field(footprint, 'lifecycleStages')),
    primaryDataShare: parseDecimal(share) === undefined ? undefined : (share as string),
  }
}

/** The upstream's gate stages with their emissions, or undefined when they cannot be read. */
function gateStages(value: unknown): { stage: LifecycleStage; emissions: Dec }[] | undefined {
  if (!Array.isArray(value)) return undefined
  const stages: { stage: LifecycleStage; emissions: Dec }[] = []
  for (const entry of value) {
    const stage = field(entry, 'stage')
    if (!(GATE_STAGES as readonly unknown[]).includes(stage)) continue
    const emissions = parseDecimal(field(entry, 'emissions'))
    if (emissions === undefined || sign(emissions) < 0) return undefined
    if (stages.some((s) => s.stage === stage)) return undefined
    stages.push({ stage: stage as LifecycleStage, emissions })
  }
  return stages.length > 0 ? stages : undefined
}

/** The BOM quantity in the upstream's declared unit; undefined when it cannot be (reported). */
function bomQuantity(
  entry: Fields,
  upstream: Upstream,
  path: string,
  findings: Finding[],
): Dec | undefined {
  const quantityValue = field(entry, 'quantity')
  const quantity = parseDecimal(quantityValue)
  const unitValue = field(entry, 'unit')
  const unit = lookupUnit(unitValue)
  let ok = true
  if (quantity === undefined || sign(quantity) <= 0) {
    report(findings, 'QUANTITY_INVALID', `${path}/quantity`, {
      detail: `A bill-of-materials quantity is a Decimal string > 0, not ${shown(quantityValue)}.`,
    })
    ok = false
  }
  if (unit === undefined) {
    report(findings, 'UNIT_INCOMPATIBLE', `${path}/unit`, {
      detail: `The unit ${shown(unitValue)} is not a UN/ECE Rec 20 code (or UCUM alias) the library knows, so it cannot be compared with the upstream declared unit (${upstream.declaredName}, ${upstream.declared.code}).`,
    })
    ok = false
  } else if (unit.dimension !== upstream.declared.dimension) {
    report(findings, 'COMPONENT_UNIT_MISMATCH', `${path}/unit`, {
      detail: `The quantity is in ${String(unitValue)} (${unit.dimension}), but the upstream passport ${upstream.id} is per ${upstream.declaredName} (${upstream.declared.code}, ${upstream.declared.dimension}).`,
    })
    ok = false
  }
  if (!ok || quantity === undefined || unit === undefined) return undefined
  if (unit.code === upstream.declared.code) return quantity
  const converted = convertQuantity(quantity, unit, upstream.declared)
  if (converted === undefined) return undefined // the dimensions agree, so it always converts
  report(findings, 'UNIT_CONVERTED', `${path}/unit`, {
    detail: `${exact(quantity)} ${String(unitValue)} converted to ${exact(converted.value)} ${upstream.declared.code}, the upstream declared unit (${converted.exact ? 'exact' : 'rounded half-even to 12 decimal places'}).`,
  })
  return converted.value
}

/** The records of one upstream, with their emissions (`quantity × factor`, exactly). */
function upstreamRecords(
  entry: Fields,
  upstream: Upstream,
  quantity: Dec,
  options: Resolved,
  path: string,
  findings: Finding[],
): { record: ActivityRecord; emissions: Dec }[] {
  const name = upstream.productName ?? upstream.productId
  const activity =
    text(entry, 'activity') ??
    `Purchased ${name}${upstream.batch ? `, batch ${upstream.batch}` : ''}`
  const sourceName =
    text(entry, 'sourceName') ??
    `Carbon passport of ${name}${upstream.issuerName ? ` (${upstream.issuerName})` : ''}`
  const comment = text(entry, 'comment')
  let parts: { stage: LifecycleStage; perAmount: Dec; split: boolean }[] = [
    { stage: options.lifecycleStage, perAmount: upstream.pcf, split: false },
  ]
  if (options.splitByStage) {
    const stages = upstream.stages
    const total =
      stages === undefined ? undefined : stages.reduce((s, x) => add(s, x.emissions), ZERO)
    if (stages === undefined || total === undefined || exact(total) !== exact(upstream.pcf)) {
      findings.push(
        finding(
          'UPSTREAM_PASSPORT_INVALID',
          `${path}/passport`,
          {
            detail: `The gate stages of ${upstream.id} (raw-material-acquisition, main-production) ${stages === undefined ? 'are not given' : `add up to ${exact(total ?? ZERO)}, not its PCF ${exact(upstream.pcf)}`}; it gets one record, not one per stage.`,
          },
          'warning',
        ),
      )
    } else {
      parts = stages.map((s) => ({ stage: s.stage, perAmount: s.emissions, split: true }))
    }
  }
  const unit = upstream.declared.code
  const out: { record: ActivityRecord; emissions: Dec }[] = []
  for (const part of parts) {
    // The factor per one declared unit: exact unless PCF ÷ amount has no finite decimal form.
    const factor = divide(part.perAmount, upstream.amount).value
    const emissions = mul(quantity, factor)
    const record: ActivityRecord = {
      activity: part.split ? `${activity} (${part.stage})` : activity,
      activityType: 'material',
      quantity: exact(quantity),
      unit,
      granularity: options.granularity ?? upstream.granularity ?? 'model',
      period: options.period ? { ...options.period } : { ...upstream.period },
      temporalResolution: options.temporalResolution,
      lifecycleStage: part.stage,
      scope: 3,
      scope3Category: 1,
      emissionFactor: {
        value: exact(factor),
        unit: `${FACTOR_UNIT_PREFIX}${unit}`,
        source: {
          name: sourceName,
          ...(upstream.validFrom ? { version: upstream.validFrom } : {}),
          datasetId: upstream.id,
        },
        provenance: 'supplier-specific',
        geography: upstream.geography,
        referenceYear: upstream.referenceYear,
      },
      upstreamPassport: upstream.id,
      ...(comment ? { comment } : {}),
    }
    out.push({ record, emissions })
  }
  return out
}

/** One upstream → its component reference and records, or nothing (reported). */
function rollUpOne(
  entry: unknown,
  index: number,
  options: Resolved,
  seen: Map<string, number>,
  result: RollUpResult,
): void {
  const path = `/${index}`
  const { findings } = result
  if (!isObject(entry)) {
    report(findings, 'UPSTREAM_PASSPORT_INVALID', path, {
      detail: `A bill-of-materials line is an object with a passport, a quantity and a unit, not ${shown(entry)}.`,
    })
    return
  }
  const passport = field(entry, 'passport')
  if (typeof passport !== 'string' && !isObject(passport)) {
    report(findings, 'UPSTREAM_PASSPORT_INVALID', `${path}/passport`, {
      detail: `The upstream passport is a credential object or its vc+jwt, not ${shown(passport)}.`,
    })
    return
  }
  const upstream = readUpstream(passport, `${path}/passport`, findings)
  if (upstream === undefined) return
  const first = seen.get(upstream.id)
  if (first !== undefined) {
    report(findings, 'UPSTREAM_PASSPORT_INVALID', `${path}/passport`, {
      detail: `The upstream passport ${upstream.id} is already listed at /${first}; give it one line with the quantities added up.`,
    })
    return
  }
  seen.set(upstream.id, index)
  const quantity = bomQuantity(entry, upstream, path, findings)
  if (quantity === undefined) return
  const records = upstreamRecords(entry, upstream, quantity, options, path, findings)
  const emissions = records.reduce((s, r) => add(s, r.emissions), ZERO)
  const emissionsText = exact(emissions)
  if (
    emissionsText.length > MAX_DECIMAL_LENGTH ||
    records.some((r) => r.record.quantity.length > MAX_DECIMAL_LENGTH)
  ) {
    report(findings, 'QUANTITY_INVALID', `${path}/quantity`, {
      detail: `The quantity × the upstream PCF has more than ${MAX_DECIMAL_LENGTH} characters, more than a Decimal has.`,
    })
    return
  }
  result.components.push({
    passport: upstream.id,
    digestMultibase: upstream.digest,
    product: {
      id: upstream.productId,
      ...(upstream.productName === undefined ? {} : { name: upstream.productName }),
    },
    quantity: String(field(entry, 'quantity')),
    unit: String(field(entry, 'unit')),
    emissions: emissionsText,
  })
  for (const r of records) result.records.push(r.record)
  if (upstream.primaryDataShare !== undefined) {
    result.primaryDataShares[upstream.id] = upstream.primaryDataShare
  }
}

/**
 * Rolls upstream passports up into a downstream passport: for each bill-of-materials line, the
 * component reference (the upstream's id and `digestMultibase`, its product, the quantity and unit
 * as given, and its `emissions`, the contribution per declared unit of the downstream product) and
 * the scope 3 category 1 activity record(s) that account for it, for `calculateFootprint`.
 *
 * The contribution is quantity (converted to the upstream's declared unit) × the upstream's PCF
 * (`pcfExcludingBiogenicUptake`) ÷ its `declaredUnitAmount`, computed exactly; it is the record's
 * `quantity × emissionFactor.value`, so the component and its lines agree to the last digit. (Only
 * when PCF ÷ declaredUnitAmount has no finite decimal form, e.g. per 3 kg, is that factor rounded
 * half-even to 12 decimal places, and the contribution computed from it.) The record carries the
 * quantity in the declared unit, its factor is per that unit (`kgCO2e/<Rec 20 code>`) with
 * provenance `supplier-specific`, source `{ name, version: the upstream's validFrom date,
 * datasetId: its id }`, the upstream's country of production and the year its reference period
 * ends in (the end being exclusive, as factors are picked by year).
 *
 * The digest is `computePassportDigest` of the upstream passport as given (docs/digests.md): over
 * the RFC 8785 form of a JSON credential, its proof included, and over the exact bytes of the
 * compact JWS of a vc+jwt (given alone or enveloped), so the reference pins the very passport the
 * buyer received, proof and all.
 *
 * Never throws: a line that cannot be used gets an error finding at its JSON Pointer into
 * `upstreams` (`/1/quantity`, `/0/passport/credentialSubject/footprint/…`) and contributes
 * nothing: QUANTITY_INVALID (not a Decimal > 0), UNIT_INCOMPATIBLE (an unknown unit),
 * COMPONENT_UNIT_MISMATCH (pieces of a per-kilogram passport), UPSTREAM_PASSPORT_INVALID (no id,
 * product, declared unit, PCF or reference period, or listed twice); UNIT_CONVERTED notes a
 * conversion, and bad options are one GENERATION_INPUT_INVALID each (then nothing is rolled up).
 * The upstreams are not verified here: verify them first (`verifyPassport`).
 *
 * @param upstreams - The bill of materials: each upstream passport with its quantity and unit.
 * @param options - The records' stage, period, granularity and temporal resolution; `splitByStage`.
 * @returns The component references, the records, the upstreams' primary data shares by passport
 *   id (for `calculateFootprint`'s `upstreamPrimaryDataShares`), and the findings.
 *
 * @example
 * ```ts
 * const { components, records, primaryDataShares, findings } = rollUpComponents([
 *   { passport: cellPassport, quantity: '240', unit: 'H87' },
 * ])
 * ```
 */
export function rollUpComponents(
  upstreams: readonly UpstreamComponent[],
  options?: RollUpOptions,
): RollUpResult {
  const result: RollUpResult = { components: [], records: [], primaryDataShares: {}, findings: [] }
  try {
    const resolved = resolveOptions(options, result.findings)
    if (resolved === undefined) return result
    if (!Array.isArray(upstreams)) {
      report(result.findings, 'UPSTREAM_PASSPORT_INVALID', '', {
        detail: `The upstreams are an array of { passport, quantity, unit }, not ${shown(upstreams)}.`,
      })
      return result
    }
    if (upstreams.length > MAX_UPSTREAMS) {
      report(result.findings, 'UPSTREAM_PASSPORT_INVALID', '', {
        detail: `${upstreams.length} upstream passports; one roll-up takes at most ${MAX_UPSTREAMS}.`,
      })
      return result
    }
    const seen = new Map<string, number>()
    for (let i = 0; i < upstreams.length; i++) {
      const before = { components: result.components.length, records: result.records.length }
      try {
        rollUpOne(upstreams[i], i, resolved, seen, result)
      } catch (err) {
        // A getter or a Proxy that throws: the line is left out, as any other unusable line.
        result.components.length = before.components
        result.records.length = before.records
        report(result.findings, 'UPSTREAM_PASSPORT_INVALID', `/${i}`, {
          detail: `The bill-of-materials line cannot be read: ${describeError(err)}.`,
        })
      }
    }
  } catch (err) {
    report(result.findings, 'UPSTREAM_PASSPORT_INVALID', '', {
      detail: `The upstreams cannot be read: ${describeError(err)}.`,
    })
  }
  return result
}
