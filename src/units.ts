import { type Dec, div, divExact, formatDecimal, mul, parseDecimal, sign } from './decimal/core.js'
import { CarbonPassportError } from './errors.js'

/**
 * The unit codes the checker accepts. UN/ECE Recommendation 20 is canonical (it is what UNTP and
 * the EU Battery Pass use, and PACT's declared units map onto it); the unambiguous UCUM spelling of
 * each unit is accepted as an alias and normalised to the Rec 20 code. Codes are case-sensitive, as
 * in both systems. Anything else (`kWh`, `kgs`, `tkm`) is `UNIT_UNKNOWN`: a reader cannot be sure
 * what it means.
 */

export type Dimension =
  | 'mass'
  | 'volume'
  | 'area'
  | 'length'
  | 'energy'
  | 'transport'
  | 'time'
  | 'count'
  | 'power'
  | 'charge'
  | 'voltage'
  | 'data'
  | 'ratio'

export interface UnitDefinition {
  /** UN/ECE Rec 20 common code. */
  code: string
  name: string
  dimension: Dimension
  /** Unambiguous UCUM codes for the same unit. */
  ucum: readonly string[]
  /**
   * Size in the dimension's base unit, exactly, as a Decimal string. The base units (kg, m³, m², m,
   * J, t·km, s, piece, W, Ah, V, Mbit, 1) are chosen so that every size is a finite decimal: energy
   * in joules (kWh = 3600000), time in seconds (year = 8766 h = 31557600), so conversions through
   * the table add no rounding of their own.
   */
  factor: string
}

/** Every unit code accepted, Rec 20 first, with its UCUM aliases. */
export const UNITS: readonly UnitDefinition[] = [
  { code: 'KGM', name: 'kilogram', dimension: 'mass', ucum: ['kg'], factor: '1' },
  { code: 'GRM', name: 'gram', dimension: 'mass', ucum: ['g'], factor: '0.001' },
  { code: 'MGM', name: 'milligram', dimension: 'mass', ucum: ['mg'], factor: '0.000001' },
  { code: 'TNE', name: 'tonne', dimension: 'mass', ucum: ['t'], factor: '1000' },
  { code: 'KTN', name: 'kilotonne', dimension: 'mass', ucum: ['kt'], factor: '1000000' },
  { code: 'LBR', name: 'pound', dimension: 'mass', ucum: ['[lb_av]'], factor: '0.45359237' },
  { code: 'LTR', name: 'litre', dimension: 'volume', ucum: ['L', 'l'], factor: '0.001' },
  { code: 'MLT', name: 'millilitre', dimension: 'volume', ucum: ['mL', 'ml'], factor: '0.000001' },
  { code: 'DMQ', name: 'cubic decimetre', dimension: 'volume', ucum: ['dm3'], factor: '0.001' },
  { code: 'MTQ', name: 'cubic metre', dimension: 'volume', ucum: ['m3'], factor: '1' },
  { code: 'NM3', name: 'normalised cubic metre', dimension: 'volume', ucum: [], factor: '1' },
  { code: 'MTK', name: 'square metre', dimension: 'area', ucum: ['m2'], factor: '1' },
  { code: 'HAR', name: 'hectare', dimension: 'area', ucum: ['har'], factor: '10000' },
  { code: 'MMT', name: 'millimetre', dimension: 'length', ucum: ['mm'], factor: '0.001' },
  { code: 'CMT', name: 'centimetre', dimension: 'length', ucum: ['cm'], factor: '0.01' },
  { code: 'MTR', name: 'metre', dimension: 'length', ucum: ['m'], factor: '1' },
  { code: 'KMT', name: 'kilometre', dimension: 'length', ucum: ['km'], factor: '1000' },
  { code: 'WHR', name: 'watt hour', dimension: 'energy', ucum: ['W.h'], factor: '3600' },
  { code: 'KWH', name: 'kilowatt hour', dimension: 'energy', ucum: ['kW.h'], factor: '3600000' },
  { code: 'MWH', name: 'megawatt hour', dimension: 'energy', ucum: ['MW.h'], factor: '3600000000' },
  {
    code: 'GWH',
    name: 'gigawatt hour',
    dimension: 'energy',
    ucum: ['GW.h'],
    factor: '3600000000000',
  },
  { code: 'JOU', name: 'joule', dimension: 'energy', ucum: ['J'], factor: '1' },
  { code: 'KJO', name: 'kilojoule', dimension: 'energy', ucum: ['kJ'], factor: '1000' },
  { code: '3B', name: 'megajoule', dimension: 'energy', ucum: ['MJ'], factor: '1000000' },
  { code: 'GV', name: 'gigajoule', dimension: 'energy', ucum: ['GJ'], factor: '1000000000' },
  { code: 'TKM', name: 'tonne kilometre', dimension: 'transport', ucum: ['t.km'], factor: '1' },
  { code: 'SEC', name: 'second', dimension: 'time', ucum: ['s'], factor: '1' },
  { code: 'MIN', name: 'minute', dimension: 'time', ucum: ['min'], factor: '60' },
  { code: 'HUR', name: 'hour', dimension: 'time', ucum: ['h'], factor: '3600' },
  { code: 'DAY', name: 'day', dimension: 'time', ucum: ['d'], factor: '86400' },
  // A Julian year, 365.25 days (8766 h), as UCUM's `a`.
  { code: 'ANN', name: 'year', dimension: 'time', ucum: ['a'], factor: '31557600' },
  { code: 'H87', name: 'piece', dimension: 'count', ucum: [], factor: '1' },
  { code: 'C62', name: 'one (unit)', dimension: 'count', ucum: [], factor: '1' },
  { code: 'EA', name: 'each', dimension: 'count', ucum: [], factor: '1' },
  { code: 'WTT', name: 'watt', dimension: 'power', ucum: ['W'], factor: '1' },
  { code: 'KWT', name: 'kilowatt', dimension: 'power', ucum: ['kW'], factor: '1000' },
  { code: 'MAW', name: 'megawatt', dimension: 'power', ucum: ['MW'], factor: '1000000' },
  { code: 'AMH', name: 'ampere hour', dimension: 'charge', ucum: ['A.h'], factor: '1' },
  { code: 'VLT', name: 'volt', dimension: 'voltage', ucum: ['V'], factor: '1' },
  { code: '4L', name: 'megabit', dimension: 'data', ucum: ['Mbit'], factor: '1' },
  { code: 'P1', name: 'percent', dimension: 'ratio', ucum: ['%'], factor: '0.01' },
]

/** The emission factor unit prefix: a factor is `kgCO2e/<unit code>`. */
export const FACTOR_UNIT_PREFIX = 'kgCO2e/'

const byCode = new Map<string, UnitDefinition>()
// The whole factor unit too, so that a hot loop need not cut the prefix off each line's string.
const byFactorUnit = new Map<string, UnitDefinition>()
for (const unit of UNITS) {
  for (const code of [unit.code, ...unit.ucum]) {
    byCode.set(code, unit)
    byFactorUnit.set(FACTOR_UNIT_PREFIX + code, unit)
  }
}

/** The decimal places of a conversion whose result has no finite decimal form. */
export const CONVERSION_DIGITS = 12

/** The longest quantity string convertUnit takes: as the `decimal` functions. */
const MAX_LENGTH = 1000

const invalidUnit = (message: string): CarbonPassportError =>
  new CarbonPassportError('ERR_INVALID_ARGUMENT', message)

/** Each table unit's size, parsed once. */
const sizes = new Map<UnitDefinition, Dec>()
for (const unit of UNITS) sizes.set(unit, sizeOf(unit))

function sizeOf(unit: UnitDefinition): Dec {
  const known = sizes.get(unit)
  if (known) return known
  const size = parseDecimal(unit.factor, MAX_LENGTH)
  if (!size || sign(size) <= 0) {
    throw invalidUnit(`the unit ${unit.code} has no positive Decimal size (${unit.factor})`)
  }
  return size
}

/** The definition of a unit code (Rec 20 or a UCUM alias), or `undefined` when it is not known. */
export function lookupUnit(code: unknown): UnitDefinition | undefined {
  return typeof code === 'string' ? byCode.get(code) : undefined
}

/**
 * The unit an emission factor unit is per: `lookupUnit(u.slice(FACTOR_UNIT_PREFIX.length))` for a
 * `u` that starts with the prefix, `undefined` otherwise.
 */
export function lookupFactorUnit(factorUnit: string): UnitDefinition | undefined {
  return byFactorUnit.get(factorUnit)
}

/**
 * `quantity` of unit `from` in unit `to`: quantity × size(from) ÷ size(to). Exact when that
 * quotient has a finite decimal form (t → kg, kWh → MJ); otherwise rounded half-even to
 * CONVERSION_DIGITS (12) decimal places with `exact: false` (MJ → kWh, s → h). `undefined` when the
 * units measure different dimensions.
 */
export function convertQuantity(
  quantity: Dec,
  from: UnitDefinition,
  to: UnitDefinition,
): { value: Dec; exact: boolean } | undefined {
  if (from.dimension !== to.dimension) return undefined
  if (from === to) return { value: quantity, exact: true }
  const scaled = mul(quantity, sizeOf(from))
  const toSize = sizeOf(to)
  const exact = divExact(scaled, toSize)
  if (exact) return { value: exact, exact: true }
  return { value: div(scaled, toSize, CONVERSION_DIGITS, 'half-even'), exact: false }
}

/** A value in an error message: a string quoted and cut short, anything else by its type. */
const shown = (value: unknown): string =>
  typeof value === 'string'
    ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
    : `a ${value === null ? 'null' : typeof value}`

/**
 * Converts a quantity between two units of the same dimension (t → kg, MWh → kWh, l → m³, MJ →
 * kWh), exactly: the units' sizes are exact, and the result is exact whenever it has a finite
 * decimal form (`exact: true`); otherwise it is rounded half-even to 12 decimal places and `exact`
 * is false (1 MJ = 0.277777777778 kWh). Units are UN/ECE Rec 20 codes or their UCUM aliases, as in
 * the unit table of docs/rules.md.
 *
 * @param quantity - A Decimal string (no exponent), at most 1,000 characters.
 * @param from - The unit `quantity` is in.
 * @param to - The unit wanted.
 * @returns The quantity in `to` as a canonical Decimal string, and whether it is exact.
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when a unit code is unknown, the quantity is
 *   not a Decimal string, or the units measure different things (kg and kWh).
 *
 * @example
 * ```ts
 * convertUnit('2.5', 'TNE', 'kg') // { value: '2500', exact: true }
 * convertUnit('1', 'kW.h', 'MJ') // { value: '3.6', exact: true }
 * convertUnit('1', 'MJ', 'KWH') // { value: '0.277777777778', exact: false }
 * ```
 */
export function convertUnit(
  quantity: string,
  from: string,
  to: string,
): {
  /** The quantity in `to`, a canonical Decimal string. */
  value: string
  /** Whether `value` is exact; false when it was rounded to 12 decimal places. */
  exact: boolean
} {
  const fromUnit = lookupUnit(from)
  if (!fromUnit) throw invalidUnit(`convertUnit: from is not a known unit code (${shown(from)})`)
  const toUnit = lookupUnit(to)
  if (!toUnit) throw invalidUnit(`convertUnit: to is not a known unit code (${shown(to)})`)
  const value = parseDecimal(quantity, MAX_LENGTH)
  if (!value) {
    throw invalidUnit(
      `convertUnit: quantity is not a Decimal string of at most ${MAX_LENGTH} characters (${shown(quantity)})`,
    )
  }
  const converted = convertQuantity(value, fromUnit, toUnit)
  if (!converted) {
    throw invalidUnit(
      `convertUnit: cannot convert ${fromUnit.dimension} (${from}) to ${toUnit.dimension} (${to})`,
    )
  }
  return {
    value: formatDecimal(converted.value, Number.POSITIVE_INFINITY),
    exact: converted.exact,
  }
}
