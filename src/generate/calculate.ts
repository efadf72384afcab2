/**
 * `calculateFootprint`: a passport's footprint computed from activity records, so that it adds up
 * by construction. Every line's emissions are quantity × factor, exactly; the PCF, the fossil part,
 * the stages, the scopes and scope 3 categories, the life-cycle totals and the battery
 * declarations' totals are exact sums of them; only the primary data share (1 decimal) and the
 * per-functional-unit values (6 decimals) are rounded, as the examples round them
 * (examples/README.md, "How the numbers add up").
 */

import { STAGES_IN_BOUNDARY } from '../conformance/rules/sums.js'
import { add, type Dec, decimalOf, mul, parseDecimal, sign, sub, ZERO } from '../decimal/core.js'
import type { Finding } from '../findings/finding.js'
import { escapePointer } from '../findings/pointer.js'
import { describeError, jsonProblem, MAX_JSON_DEPTH } from '../guard.js'
import { DECLARED_UNITS, SYSTEM_BOUNDARIES } from '../model/enums.js'
import type { Footprint, LifeCycleTotals, LifecycleStage, SystemBoundary } from '../model/types.js'
import { schemaDocuments, schemaIds } from '../schema/registry.js'
import { batteryOf } from './battery-declarations.js'
import {
  type CalculatedFootprint,
  type CalculateOptions,
  type CalculateResult,
  MAX_RECORDS,
} from './calculate-types.js'
import { orderedStages, sumLines } from './footprint-sums.js'
import {
  decimalField,
  enumField,
  type Fields,
  field,
  invalid,
  isObject,
  stringField,
  typeOf,
} from './input-shape.js'
import { primaryDataShare, upstreamShares } from './primary-data-share.js'
import { type ComputedLine, exact, recordLine } from './record-line.js'
import type { EmissionFactorSet } from './types.js'

/**
 * The footprint's fields in the order of the footprint schema (the order of the output): the
 * schema is their one source, so a field added there is a field the calculator takes.
 */
const FOOTPRINT_ORDER: readonly string[] = Object.keys(
  (schemaDocuments.get(schemaIds.footprint) as { properties: Record<string, unknown> }).properties,
)

/** Fields the calculator computes: an input that gives one is refused (it would be overwritten). */
const COMPUTED = new Set<string>([
  'pcfExcludingBiogenicUptake',
  'pcfIncludingBiogenicUptake',
  'fossilGhgEmissions',
  'lifecycleStages',
  'scopeBreakdown',
  'primaryDataShare',
  'packagingGhgEmissions',
  'aircraftGhgEmissions',
  'ccsTechnologicalCO2Capture',
  'technologicalCO2Removals',
])

/** Input fields that are not footprint fields. */
const OWN_FIELDS = new Set<string>([
  'lifeCycleBoundary',
  'lifeCycleComment',
  'records',
  'factors',
  'upstreamPrimaryDataShares',
  'packagingRecords',
  'aircraftRecords',
  'battery',
])

const FOOTPRINT_FIELDS = new Set<string>(FOOTPRINT_ORDER)

/** The most unknown input fields reported one by one (then one finding for the rest). */
const MAX_UNKNOWN_FIELDS = 20

/**
 * The parts of pcfExcludingBiogenicUptake besides fossil emissions (PACT v3 x-comment): given as
 * descriptive fields, they are what the lines hold that is not fossil. The removal parts are
 * computed from the removal lines.
 */
const NON_FOSSIL_PARTS = [
  'landUseChangeGhgEmissions',
  'landManagementBiogenicCO2Emissions',
  'landManagementBiogenicCO2Removals',
  'biogenicNonCO2Emissions',
] as const

/** Declared units whose product mass follows from the amount: kg per declared unit. */
const MASS_PER_UNIT: Readonly<Record<string, Dec>> = { kilogram: decimalOf(1n) }

/** Reads the options; bad ones are reported (at the input's root, as the options are not in it). */
function readOptions(options: CalculateOptions, errors: Finding[]): { fu: number; share: number } {
  const digits = (value: unknown, fallback: number, max: number, name: string): number => {
    if (value === undefined) return fallback
    if (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max)
      return value as number
    invalid(errors, '', `The option ${name} is an integer from 0 to ${max}, not ${String(value)}.`)
    return fallback
  }
  const o: Fields = isObject(options) ? options : {}
  return {
    fu: digits(field(o, 'perFunctionalUnitDigits'), 6, 12, 'perFunctionalUnitDigits'),
    share: digits(field(o, 'primaryDataShareDigits'), 1, 6, 'primaryDataShareDigits'),
  }
}

/** Record indices of `packagingRecords` or `aircraftRecords`, or undefined (absent or reported). */
function indexList(
  errors: Finding[],
  input: Fields,
  name: string,
  count: number,
): number[] | undefined {
  const v = field(input, name)
  if (v === undefined) return undefined
  if (!Array.isArray(v) || v.length > count) {
    invalid(errors, `/${name}`, `${name} is an array of record indices, not ${typeOf(v)}.`)
    return undefined
  }
  const seen = new Set<number>()
  for (let i = 0; i < v.length; i++) {
    const n = v[i]
    if (!Number.isInteger(n) || n < 0 || n >= count || seen.has(n)) {
      invalid(
        errors,
        `/${name}/${i}`,
        `An index of ${name} is a record index (0 to ${count - 1}), each once, not ${JSON.stringify(n) ?? typeOf(n)}.`,
      )
      return undefined
    }
    seen.add(n)
  }
  return [...seen]
}

/** The sum of the emissions of some lines. */
const sumOf = (lines: readonly ComputedLine[], indices: readonly number[]): Dec =>
  indices.reduce((total, i) => add(total, (lines[i] as ComputedLine).emissions), ZERO)

/** Checks the top-level fields; the values the calculation needs. */
function readTop(input: Fields, errors: Finding[]) {
  let unknown = 0
  for (const key of Object.keys(input)) {
    if (!COMPUTED.has(key) && !FOOTPRINT_FIELDS.has(key) && !OWN_FIELDS.has(key)) unknown++
    if (unknown > MAX_UNKNOWN_FIELDS) {
      invalid(
        errors,
        '',
        `The input has more than ${MAX_UNKNOWN_FIELDS} fields that are not footprint input fields.`,
      )
      break
    }
    if (COMPUTED.has(key)) {
      invalid(
        errors,
        `/${escapePointer(key)}`,
        `${key} is computed from the records; leave it out of the input.`,
      )
    } else if (!FOOTPRINT_FIELDS.has(key) && !OWN_FIELDS.has(key)) {
      invalid(
        errors,
        `/${escapePointer(key)}`,
        `${key} is not a field of the footprint input (docs/generate.md).`,
      )
    }
  }
  const unit = enumField(errors, input, 'declaredUnitOfMeasurement', '', DECLARED_UNITS)
  const amount = decimalField(errors, input, 'declaredUnitAmount', '', 'positive')
  let mass = decimalField(errors, input, 'productMassPerDeclaredUnit', '', 'non-negative', true)
  if (
    mass === undefined &&
    field(input, 'productMassPerDeclaredUnit') === undefined &&
    unit !== undefined
  ) {
    const perUnit = MASS_PER_UNIT[unit]
    if (perUnit) mass = amount === undefined ? undefined : mul(amount, perUnit)
    else
      invalid(
        errors,
        '/productMassPerDeclaredUnit',
        `productMassPerDeclaredUnit is required for a declared unit of ${unit} (kg per declared unit, 0 for energy and services).`,
      )
  }
  stringField(errors, input, 'referencePeriodStart', '')
  stringField(errors, input, 'referencePeriodEnd', '')
  const boundary =
    enumField<SystemBoundary>(errors, input, 'systemBoundary', '', SYSTEM_BOUNDARIES, true) ??
    'cradle-to-gate'
  const lifeBoundary = enumField<SystemBoundary>(
    errors,
    input,
    'lifeCycleBoundary',
    '',
    SYSTEM_BOUNDARIES,
    true,
  )
  const parts: Dec[] = []
  for (const name of NON_FOSSIL_PARTS) {
    const bound = name === 'landManagementBiogenicCO2Removals' ? 'non-positive' : 'non-negative'
    const d = decimalField(errors, input, name, '', bound, true)
    if (d) parts.push(d)
  }
  const uptake = decimalField(errors, input, 'biogenicCO2Uptake', '', 'non-positive', true)
  const factors = field(input, 'factors')
  let set: EmissionFactorSet | undefined
  if (factors !== undefined) {
    if (!isObject(factors) || !Array.isArray(field(factors, 'factors'))) {
      invalid(
        errors,
        '/factors',
        'factors is an emission-factor set: an object with a factors array.',
      )
    } else {
      set = factors as unknown as EmissionFactorSet
    }
  }
  return { amount, mass, boundary, lifeBoundary, parts, uptake, set }
}

/**
 * Computes a passport's activity data lines, footprint, life-cycle totals and battery declarations
 * from activity records.
 *
 * - Each record becomes a line, in order: its factor is its own (`emissionFactor`) or one of
 *   `input.factors` (by `factorId`, or by `factorActivity`, geography and year: FACTOR_SELECTED);
 *   a record with `producedAmount` is scaled to the declared unit (quantity × declaredUnitAmount ÷
 *   producedAmount, exact when the quotient has a finite decimal form, else 12 places half-even:
 *   RECORD_SCALED); a record in another unit than its factor's (t against kgCO2e/kg) is converted
 *   into the factor's unit, which the line then carries (UNIT_CONVERTED), so that the line's
 *   `quantity × emissionFactor.value = emissions` holds exactly in consistent units.
 * - The footprint: pcfExcludingBiogenicUptake = the lines inside its boundary (cradle to gate by
 *   default); pcfIncludingBiogenicUptake = that + biogenicCO2Uptake; fossilGhgEmissions = the PCF
 *   less the non-fossil parts given (land use change, land management, biogenic non-CO2) and the
 *   removal lines (ccsTechnologicalCO2Capture, technologicalCO2Removals); lifecycleStages, scope 1,
 *   scope 2 and each scope 3 category of the lines; packagingGhgEmissions and aircraftGhgEmissions
 *   as the lines `packagingRecords` and `aircraftRecords` name; primaryDataShare by the method of
 *   examples/README.md, rounded to 1 decimal (PRIMARY_DATA_SHARE_UNKNOWN when an upstream
 *   passport's share is missing).
 * - lifeCycleTotals, when a line lies beyond the footprint's boundary: the footprint's stages and
 *   each later stage, adding up to the total of all lines.
 * - The battery block: the CRS energy throughput and each declaration's FU quantity,
 *   totalFootprint and per-FU values (rounded to `perFunctionalUnitDigits`, 6 by default).
 *
 * Never throws on bad input (a value that is not JSON data, such as a cycle or a throwing getter, is
 * GENERATION_INPUT_INVALID at its pointer): at most `MAX_RECORDS` (10,000) records; a record that is not what
 * `ActivityRecord` says gives GENERATION_INPUT_INVALID, QUANTITY_INVALID (a negative or non-Decimal
 * quantity), UNIT_INCOMPATIBLE or FACTOR_NOT_FOUND at its JSON Pointer (`/records/3/quantity`), and
 * then no subject at all: a footprint with a record left out would add up and be wrong.
 *
 * @param input - The records, the declared unit, the descriptive footprint fields and the battery.
 * @param options - Rounding of the per-FU values and of the primary data share.
 * @returns `{ ok: true, subject, notes }`, or `{ ok: false, errors, notes }`.
 */
export function calculateFootprint(
  input: unknown,
  options: CalculateOptions = {},
): CalculateResult {
  const errors: Finding[] = []
  const notes: Finding[] = []
  try {
    return calculate(input, options, errors, notes)
  } catch (err) {
    // A value jsonProblem let through but that throws on a second read (a hostile Proxy).
    invalid(errors, '', `The input cannot be read: ${describeError(err)}.`)
    return { ok: false, errors, notes }
  }
}

function calculate(
  input: unknown,
  options: CalculateOptions,
  errors: Finding[],
  notes: Finding[],
): CalculateResult {
  const problem = jsonProblem(input, { maxDepth: MAX_JSON_DEPTH })
  if (problem) {
    invalid(errors, problem.path, `The input is not JSON data here: ${problem.reason}.`)
    return { ok: false, errors, notes }
  }
  const digits = readOptions(options, errors)
  if (!isObject(input)) {
    invalid(errors, '', `The input is an object (FootprintInput), not ${typeOf(input)}.`)
    return { ok: false, errors, notes }
  }
  const top = readTop(input, errors)
  const shares = upstreamShares(field(input, 'upstreamPrimaryDataShares'), errors)
  const records = field(input, 'records')
  if (!Array.isArray(records)) {
    invalid(errors, '/records', `records is an array of activity records, not ${typeOf(records)}.`)
    return { ok: false, errors, notes }
  }
  if (records.length > MAX_RECORDS) {
    invalid(
      errors,
      '/records',
      `records has ${records.length} entries; at most ${MAX_RECORDS.toLocaleString('en')} (the schema's activityData maxItems).`,
    )
    return { ok: false, errors, notes }
  }
  const packaging = indexList(errors, input, 'packagingRecords', records.length)
  const aircraft = indexList(errors, input, 'aircraftRecords', records.length)
  const ctx = { declaredUnitAmount: top.amount ?? decimalOf(1n), factors: top.set, errors, notes }
  const lines: ComputedLine[] = []
  for (let i = 0; i < records.length; i++) {
    const line = recordLine(ctx, records[i], i)
    if (line) lines.push(line)
  }
  if (errors.length > 0 || top.amount === undefined) return { ok: false, errors, notes }
  const subject = assemble(input, top, {
    lines,
    packaging,
    aircraft,
    shares,
    digits,
    errors,
    notes,
  })
  if (subject === undefined || errors.length > 0) return { ok: false, errors, notes }
  return { ok: true, subject, notes }
}

interface Assembly {
  lines: ComputedLine[]
  packaging: number[] | undefined
  aircraft: number[] | undefined
  shares: Map<string, Dec>
  digits: { fu: number; share: number }
  errors: Finding[]
  notes: Finding[]
}

function assemble(
  input: Fields,
  top: ReturnType<typeof readTop>,
  a: Assembly,
): CalculatedFootprint | undefined {
  const { lines, errors, notes } = a
  const amount = top.amount as Dec
  const sums = sumLines(lines, top.boundary)
  const gate = new Set<LifecycleStage>(STAGES_IN_BOUNDARY[top.boundary])
  // fossil = PCF − the non-fossil parts (PACT v3: pcfExcludingBiogenicUptake = fossil + parts).
  let fossil = sub(sums.pcf, add(sums.ccs ?? ZERO, sums.technologicalRemovals ?? ZERO))
  for (const part of top.parts) fossil = sub(fossil, part)
  if (sign(fossil) < 0) {
    invalid(
      errors,
      '/records',
      `The lines add up to ${exact(sums.pcf)} kgCO2e, less than their non-fossil parts and removals given; fossilGhgEmissions would be ${exact(fossil)}, below zero.`,
    )
    return undefined
  }
  const computed: Record<string, unknown> = {
    declaredUnitAmount: exact(amount),
    productMassPerDeclaredUnit: top.mass === undefined ? undefined : exact(top.mass),
    pcfExcludingBiogenicUptake: exact(sums.pcf),
    pcfIncludingBiogenicUptake: exact(add(sums.pcf, top.uptake ?? ZERO)),
    fossilGhgEmissions: exact(fossil),
    systemBoundary: top.boundary,
    lifecycleStages: orderedStages(sums.stages, (s) => gate.has(s)).map(([stage, v]) => ({
      stage,
      emissions: exact(v),
    })),
    scopeBreakdown: {
      scope1: exact(sums.scope1),
      scope2: exact(sums.scope2),
      scope3: [...sums.categories]
        .sort(([x], [y]) => x - y)
        .map(([category, v]) => ({ category, emissions: exact(v) })),
    },
  }
  if (sums.ccs) computed.ccsTechnologicalCO2Capture = exact(sums.ccs)
  if (sums.technologicalRemovals)
    computed.technologicalCO2Removals = exact(sums.technologicalRemovals)
  if (sums.ccs && field(input, 'ccsTechnologicalCO2CaptureIncluded') === undefined) {
    computed.ccsTechnologicalCO2CaptureIncluded = true
  }
  if (a.packaging) {
    if (field(input, 'packagingEmissionsIncluded') !== true) {
      invalid(
        errors,
        '/packagingRecords',
        'packagingRecords give packagingGhgEmissions, which PACT gives only with packagingEmissionsIncluded: true.',
      )
      return undefined
    }
    computed.packagingGhgEmissions = exact(sumOf(lines, a.packaging))
  }
  if (a.aircraft) computed.aircraftGhgEmissions = exact(sumOf(lines, a.aircraft))
  const share = primaryDataShare(lines, top.boundary, sums.pcf, a.shares, a.digits.share, notes)
  if (share) computed.primaryDataShare = exact(share)
  const footprint: Record<string, unknown> = {}
  for (const key of FOOTPRINT_ORDER) {
    const v = Object.hasOwn(computed, key) ? computed[key] : field(input, key)
    if (v !== undefined) footprint[key] = v
  }
  const subject: CalculatedFootprint = {
    activityData: lines.map((l) => l.line),
    footprint: footprint as unknown as Footprint,
  }
  const totals = lifeCycleTotals(input, top, sums, errors)
  if (totals === null) return undefined
  if (totals) subject.lifeCycleTotals = totals
  const battery = field(input, 'battery')
  if (battery !== undefined) {
    const stages = totals
      ? new Map(totals.lifecycleStages.map((s) => [s.stage, parseDecimal(s.emissions) ?? ZERO]))
      : new Map(orderedStages(sums.stages, (s) => gate.has(s)))
    const b = batteryOf(
      { stages, declaredUnitAmount: amount, digits: a.digits.fu, errors },
      battery,
    )
    if (b === undefined) return undefined
    subject.battery = b
  }
  return subject
}

/** The life-cycle totals (undefined: none needed; null: reported error). */
function lifeCycleTotals(
  input: Fields,
  top: ReturnType<typeof readTop>,
  sums: ReturnType<typeof sumLines>,
  errors: Finding[],
): LifeCycleTotals | undefined | null {
  if (!sums.beyondBoundary && top.lifeBoundary === undefined) return undefined
  const boundary =
    top.lifeBoundary ?? (sums.hasUse ? 'cradle-to-grave' : 'cradle-to-grave-excluding-use')
  const inside = new Set<LifecycleStage>(STAGES_IN_BOUNDARY[boundary])
  for (const stage of [...STAGES_IN_BOUNDARY[top.boundary], ...sums.stages.keys()]) {
    if (!inside.has(stage)) {
      invalid(
        errors,
        '/lifeCycleBoundary',
        `The life-cycle boundary ${boundary} leaves out the stage ${stage}, which the footprint or a record has.`,
      )
      return null
    }
  }
  const comment = field(input, 'lifeCycleComment')
  return {
    systemBoundary: boundary,
    totalFootprint: exact(sums.total),
    lifecycleStages: orderedStages(sums.stages, () => true).map(([stage, v]) => ({
      stage,
      emissions: exact(v),
    })),
    ...(typeof comment === 'string' ? { comment } : {}),
  }
}
