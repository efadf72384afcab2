/**
 * Generation: passports computed from activity records and emission-factor sets, so that they add
 * up by construction. Re-exported by the main entry.
 */
export type { GenerationCode } from '../findings/catalogue.js'
export {
  type BuildPassportOptions,
  type BuildPassportResult,
  buildPassport,
  type FootprintTemplate,
  type PassportTemplate,
} from './build.js'
export { calculateFootprint } from './calculate.js'
export type {
  BatteryInput,
  CalculatedFootprint,
  CalculateOptions,
  CalculateResult,
  ComputedFootprintField,
  DeclarationInput,
  FootprintDescription,
  FootprintInput,
} from './calculate-types.js'
export { MAX_DECLARATIONS, MAX_RECORDS } from './calculate-types.js'
export { MAX_CSV_BYTES, MAX_CSV_FINDINGS, MAX_CSV_ROWS } from './csv.js'
export {
  DEFAULT_CSV_SET_NAME,
  DEFAULT_CSV_SET_VERSION,
  FACTOR_SET_CSV_COLUMNS,
  type FactorSetResult,
  factorSetToCsv,
  type LoadFactorSetOptions,
  loadFactorSet,
  MAX_FACTOR_SET_BYTES,
  MAX_FACTORS,
} from './factor-set.js'
export {
  ACTIVITY_CSV_COLUMNS,
  type ActivityCsvResult,
  parseActivityCsv,
  REQUIRED_ACTIVITY_CSV_COLUMNS,
} from './records.js'
export {
  DECLARED_UNIT_CODES,
  MAX_UPSTREAMS,
  type RollUpOptions,
  type RollUpResult,
  rollUpComponents,
  type UpstreamComponent,
} from './roll-up.js'
export {
  type ActivityFactors,
  type FactorSelection,
  type FactorSetIndex,
  indexFactorSet,
  periodEndYear,
  selectFactor,
} from './select-factor.js'
export type {
  ActivityRecord,
  EmissionFactorSet,
  FactorSetEntry,
} from './types.js'
