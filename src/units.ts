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
  /** Size in the dimension's base unit (kg, m³, m², m, kWh, t·km, h, piece, W, Ah, V, Mbit, 1). */
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
  { code: 'WHR', name: 'watt hour', dimension: 'energy', ucum: ['W.h'], factor: '0.001' },
  { code: 'KWH', name: 'kilowatt hour', dimension: 'energy', ucum: ['kW.h'], factor: '1' },
  { code: 'MWH', name: 'megawatt hour', dimension: 'energy', ucum: ['MW.h'], factor: '1000' },
  { code: 'GWH', name: 'gigawatt hour', dimension: 'energy', ucum: ['GW.h'], factor: '1000000' },
  { code: 'JOU', name: 'joule', dimension: 'energy', ucum: ['J'], factor: '0.000000277777777778' },
  {
    code: 'KJO',
    name: 'kilojoule',
    dimension: 'energy',
    ucum: ['kJ'],
    factor: '0.000277777777778',
  },
  { code: '3B', name: 'megajoule', dimension: 'energy', ucum: ['MJ'], factor: '0.277777777777778' },
  { code: 'GV', name: 'gigajoule', dimension: 'energy', ucum: ['GJ'], factor: '277.777777777778' },
  { code: 'TKM', name: 'tonne kilometre', dimension: 'transport', ucum: ['t.km'], factor: '1' },
  { code: 'SEC', name: 'second', dimension: 'time', ucum: ['s'], factor: '0.000277777777777778' },
  { code: 'MIN', name: 'minute', dimension: 'time', ucum: ['min'], factor: '0.0166666666666667' },
  { code: 'HUR', name: 'hour', dimension: 'time', ucum: ['h'], factor: '1' },
  { code: 'DAY', name: 'day', dimension: 'time', ucum: ['d'], factor: '24' },
  { code: 'ANN', name: 'year', dimension: 'time', ucum: ['a'], factor: '8766' },
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
