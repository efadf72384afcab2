/**
 * One activity record → one activity data line: the record's shape checked, its factor found
 * (inline, or from the set through `selectFactor`), its quantity scaled to the declared unit
 * (`producedAmount`) and converted into the unit the factor is per, and `emissions = quantity ×
 * factor` computed exactly. The line carries the converted quantity, in the factor's unit, so that
 * `quantity × emissionFactor.value = emissions` holds in the line itself, in consistent units
 * (what ACTIVITY_EMISSIONS_MISMATCH and EMISSION_FACTOR_UNIT_MISMATCH check).
 */
import {
  type Dec,
  formatDecimal,
  MAX_DECIMAL_LENGTH,
  mul,
  parseDecimal,
  sign,
} from '../decimal/core.js'
import type { Finding } from '../findings/finding.js'
import {
  ACTIVITY_TYPES,
  CREDIT_TYPES,
  EMISSION_FACTOR_PROVENANCES,
  FACTOR_LIFE_CYCLE_SCOPES,
  GASES_COVERED,
  GHG_SCOPES,
  GRANULARITIES,
  GWP_SETS,
  LIFECYCLE_STAGES,
  LINE_KINDS,
  REMOVAL_TYPES,
  SCOPE3_CATEGORIES,
} from '../model/enums.js'
import type { ActivityDataLine, EmissionFactor } from '../model/types.js'
import { convertQuantity, FACTOR_UNIT_PREFIX, lookupFactorUnit, lookupUnit } from '../units.js'
import { generationCodes } from './codes.js'
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
import { divide } from './quotient.js'
import { selectFactor } from './select-factor.js'
import type { ActivityRecord, EmissionFactorSet } from './types.js'

/** What a record's line needs from the whole input. */
export interface LineContext {
  /** The declared unit amount every record is per (or scaled to). */
  declaredUnitAmount: Dec
  /** The factor set, when one was given (and has a valid shape). */
  factors: EmissionFactorSet | undefined
  /** Errors (error findings) go here. */
  errors: Finding[]
  /** Notes (info and warning findings) go here. */
  notes: Finding[]
}

/** A computed line with the exact values the sums need. */
export interface ComputedLine {
  line: ActivityDataLine
  emissions: Dec
}

/** The canonical text of an exact decimal: every digit kept. */
export const exact = (d: Dec): string => formatDecimal(d, Number.POSITIVE_INFINITY)

const FACTOR_KEYS = [
  'value',
  'unit',
  'source',
  'provenance',
  'geography',
  'referenceYear',
  'gasesCovered',
  'lifeCycleScope',
  'gwpSet',
] as const

/** The emission-factor fields of a factor (a set entry loses its `id` and `activity`). */
function emissionFactorOf(factor: Fields): EmissionFactor {
  const out: Record<string, unknown> = {}
  for (const key of FACTOR_KEYS) {
    const v = field(factor, key)
    if (v !== undefined) out[key] = v
  }
  return out as unknown as EmissionFactor
}

/** Checks the shape of an emission factor (inline or from the set); its value when valid. */
function checkFactor(errors: Finding[], factor: Fields, path: string): Dec | undefined {
  const before = errors.length
  const value = decimalField(errors, factor, 'value', path)
  const unit = stringField(errors, factor, 'unit', path)
  if (unit !== undefined && lookupFactorUnit(unit) === undefined) {
    invalid(
      errors,
      `${path}/unit`,
      `unit is "${FACTOR_UNIT_PREFIX}" and a known UN/ECE Rec 20 code or UCUM alias, not ${JSON.stringify(unit)}.`,
    )
  }
  const source = field(factor, 'source')
  if (!isObject(source)) {
    invalid(errors, `${path}/source`, `source is an object with a name, not ${typeOf(source)}.`)
  } else {
    stringField(errors, source, 'name', `${path}/source`)
  }
  enumField(errors, factor, 'provenance', path, EMISSION_FACTOR_PROVENANCES)
  stringField(errors, factor, 'geography', path)
  const year = field(factor, 'referenceYear')
  if (!Number.isInteger(year)) {
    invalid(
      errors,
      `${path}/referenceYear`,
      `referenceYear is an integer year, not ${typeOf(year)}.`,
    )
  }
  enumField(errors, factor, 'gasesCovered', path, GASES_COVERED, true)
  enumField(errors, factor, 'lifeCycleScope', path, FACTOR_LIFE_CYCLE_SCOPES, true)
  enumField(errors, factor, 'gwpSet', path, GWP_SETS, true)
  return errors.length === before ? value : undefined
}

/** The record's factor and the pointer to report it at, or undefined (reported). */
function findFactor(
  ctx: LineContext,
  record: Fields,
  path: string,
): { factor: Fields; at: string } | undefined {
  const ways = ['factorId', 'factorActivity', 'emissionFactor'].filter(
    (k) => field(record, k) !== undefined,
  )
  if (ways.length !== 1) {
    invalid(
      ctx.errors,
      path,
      `A record names its factor in exactly one way (factorId, factorActivity or emissionFactor), not ${ways.length === 0 ? 'none' : ways.join(' and ')}.`,
    )
    return undefined
  }
  const way = ways[0] as string
  if (way === 'emissionFactor') {
    const inline = field(record, 'emissionFactor')
    if (!isObject(inline)) {
      invalid(
        ctx.errors,
        `${path}/emissionFactor`,
        `emissionFactor is an object, not ${typeOf(inline)}.`,
      )
      return undefined
    }
    return { factor: inline, at: `${path}/emissionFactor` }
  }
  if (typeof field(record, way) !== 'string') {
    invalid(ctx.errors, `${path}/${way}`, `${way} is a string, not ${typeOf(field(record, way))}.`)
    return undefined
  }
  if (ctx.factors === undefined) {
    generationCodes.report(ctx.errors, 'FACTOR_NOT_FOUND', `${path}/${way}`, {
      detail: `The record names a factor by ${way}, but no factor set was given.`,
    })
    return undefined
  }
  const selected = selectFactor(ctx.factors, record as unknown as ActivityRecord, path)
  for (const finding of selected.findings) {
    ;(finding.severity === 'error' ? ctx.errors : ctx.notes).push(finding)
  }
  if (selected.factor === undefined) {
    if (!selected.findings.some((f) => f.severity === 'error')) {
      generationCodes.report(ctx.errors, 'FACTOR_NOT_FOUND', `${path}/${way}`, {
        detail: `No factor of the set matches the record's ${way}.`,
      })
    }
    return undefined
  }
  return { factor: selected.factor as unknown as Fields, at: `${path}/${way}` }
}

/** Checks the record's own fields (not its factor); whether they are valid. */
function checkRecordFields(errors: Finding[], record: Fields, path: string): boolean {
  const before = errors.length
  stringField(errors, record, 'id', path, true)
  stringField(errors, record, 'activity', path)
  enumField(errors, record, 'activityType', path, ACTIVITY_TYPES)
  const unit = stringField(errors, record, 'unit', path)
  if (unit !== undefined && lookupUnit(unit) === undefined) {
    invalid(
      errors,
      `${path}/unit`,
      `unit is a UN/ECE Rec 20 code or UCUM alias the library knows, not ${JSON.stringify(unit)}.`,
    )
  }
  enumField(errors, record, 'granularity', path, GRANULARITIES)
  const period = field(record, 'period')
  if (!isObject(period)) {
    invalid(
      errors,
      `${path}/period`,
      `period is an object with start and end, not ${typeOf(period)}.`,
    )
  } else {
    stringField(errors, period, 'start', `${path}/period`)
    stringField(errors, period, 'end', `${path}/period`)
  }
  stringField(errors, record, 'temporalResolution', path)
  enumField(errors, record, 'lifecycleStage', path, LIFECYCLE_STAGES)
  const scope = enumField(errors, record, 'scope', path, GHG_SCOPES)
  const category = field(record, 'scope3Category')
  if (scope === 3) {
    enumField(errors, record, 'scope3Category', path, SCOPE3_CATEGORIES)
  } else if (scope !== undefined && category !== undefined) {
    invalid(
      errors,
      `${path}/scope3Category`,
      `Only a scope 3 record has a scope3Category; this one is scope ${scope}.`,
    )
  }
  const kind = enumField(errors, record, 'lineKind', path, LINE_KINDS, true) ?? 'emission'
  enumField(errors, record, 'creditType', path, CREDIT_TYPES, true)
  enumField(errors, record, 'removalType', path, REMOVAL_TYPES, true)
  if (kind === 'credit' && field(record, 'creditType') === undefined) {
    invalid(errors, `${path}/creditType`, 'A credit record names its creditType.')
  }
  if (kind === 'removal' && field(record, 'removalType') === undefined) {
    invalid(errors, `${path}/removalType`, 'A removal record names its removalType.')
  }
  stringField(errors, record, 'upstreamPassport', path, true)
  stringField(errors, record, 'comment', path, true)
  const electricity = field(record, 'electricity')
  if (electricity !== undefined && !isObject(electricity)) {
    invalid(errors, `${path}/electricity`, `electricity is an object, not ${typeOf(electricity)}.`)
  }
  return errors.length === before
}

/** A non-negative Decimal quantity field, else QUANTITY_INVALID. */
function quantityField(
  errors: Finding[],
  record: Fields,
  name: 'quantity' | 'producedAmount',
  path: string,
): Dec | undefined {
  const v = field(record, name)
  const d = parseDecimal(v)
  const ok = d !== undefined && (name === 'quantity' ? sign(d) >= 0 : sign(d) > 0)
  if (ok) return d
  generationCodes.report(errors, 'QUANTITY_INVALID', `${path}/${name}`, {
    detail: `${name} is a Decimal string ${name === 'quantity' ? '≥ 0' : '> 0'} (a credit is a lineKind with a negative factor, never a negative quantity), not ${typeof v === 'string' ? JSON.stringify(v) : typeOf(v)}.`,
  })
  return undefined
}

/** The line of record `index`, or undefined when the record has errors (reported). */
export function recordLine(
  ctx: LineContext,
  input: unknown,
  index: number,
): ComputedLine | undefined {
  const path = `/records/${index}`
  const { errors, notes } = ctx
  if (!isObject(input)) {
    invalid(errors, path, `A record is an object, not ${typeOf(input)}.`)
    return undefined
  }
  const record = input
  const before = errors.length
  const fieldsOk = checkRecordFields(errors, record, path)
  let quantity = quantityField(errors, record, 'quantity', path)
  const produced =
    field(record, 'producedAmount') === undefined
      ? undefined
      : quantityField(errors, record, 'producedAmount', path)
  const found = findFactor(ctx, record, path)
  const value = found === undefined ? undefined : checkFactor(errors, found.factor, found.at)
  if (
    !fieldsOk ||
    quantity === undefined ||
    value === undefined ||
    found === undefined ||
    errors.length > before
  ) {
    return undefined
  }
  const kind = (field(record, 'lineKind') as string | undefined) ?? 'emission'
  if (kind === 'emission' ? sign(value) < 0 : sign(value) > 0) {
    invalid(
      errors,
      `${found.at}${found.at.endsWith('emissionFactor') ? '/value' : ''}`,
      kind === 'emission'
        ? `The factor ${exact(value)} is below zero on an emission record; make it a credit or removal (lineKind).`
        : `A ${kind} record's factor is ≤ 0, not ${exact(value)}.`,
    )
    return undefined
  }
  if (produced !== undefined) {
    const scaled = divide(mul(quantity, ctx.declaredUnitAmount), produced)
    generationCodes.report(notes, 'RECORD_SCALED', `${path}/quantity`, {
      detail: `${String(field(record, 'quantity'))} ${String(field(record, 'unit'))} for ${String(field(record, 'producedAmount'))} declared units, scaled to ${exact(scaled.value)} per ${exact(ctx.declaredUnitAmount)} (${scaled.exact ? 'exact' : 'rounded half-even to 12 decimal places'}).`,
    })
    quantity = scaled.value
  }
  const factorUnit = String(field(found.factor, 'unit'))
  const per = lookupFactorUnit(factorUnit)
  const own = lookupUnit(field(record, 'unit'))
  let unit = String(field(record, 'unit'))
  if (per !== undefined && own !== undefined && per.code !== own.code) {
    const converted = convertQuantity(quantity, own, per)
    if (converted === undefined) {
      generationCodes.report(errors, 'UNIT_INCOMPATIBLE', `${path}/unit`, {
        detail: `The record is in ${unit} (${own.dimension}), but its factor is per ${factorUnit.slice(FACTOR_UNIT_PREFIX.length)} (${per.dimension}).`,
      })
      return undefined
    }
    unit = factorUnit.slice(FACTOR_UNIT_PREFIX.length)
    generationCodes.report(notes, 'UNIT_CONVERTED', `${path}/unit`, {
      detail: `${exact(quantity)} ${String(field(record, 'unit'))} converted to ${exact(converted.value)} ${unit}, the unit of its factor (${converted.exact ? 'exact' : 'rounded half-even to 12 decimal places'}).`,
    })
    quantity = converted.value
  }
  const emissions = mul(quantity, value)
  const emissionsText = exact(emissions)
  const quantityText = exact(quantity)
  const longest = Math.max(emissionsText.length, quantityText.length)
  if (longest > MAX_DECIMAL_LENGTH) {
    invalid(
      errors,
      `${path}/quantity`,
      `The line's quantity or emissions (quantity × factor) would have ${longest} characters; a Decimal has at most ${MAX_DECIMAL_LENGTH}.`,
    )
    return undefined
  }
  return { line: lineOf(record, quantityText, unit, found.factor, emissionsText), emissions }
}

/** The line's fields, in the order of `ActivityDataLine`. */
function lineOf(
  record: Fields,
  quantity: string,
  unit: string,
  factor: Fields,
  emissions: string,
): ActivityDataLine {
  const out: Record<string, unknown> = {}
  const copy = (key: string): void => {
    const v = field(record, key)
    if (v !== undefined) out[key] = v
  }
  copy('id')
  copy('activity')
  copy('activityType')
  out.quantity = quantity
  out.unit = unit
  for (const key of [
    'granularity',
    'period',
    'temporalResolution',
    'lifecycleStage',
    'scope',
    'scope3Category',
  ]) {
    copy(key)
  }
  out.emissionFactor = emissionFactorOf(factor)
  out.emissions = emissions
  for (const key of [
    'lineKind',
    'creditType',
    'removalType',
    'upstreamPassport',
    'electricity',
    'comment',
  ]) {
    copy(key)
  }
  return out as unknown as ActivityDataLine
}
