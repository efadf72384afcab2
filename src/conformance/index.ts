/**
 * Entry `carbon-passport/conformance`: field-level conformance checks and their catalogue, without
 * the JSON-LD and signing stack (jsonld, rdf-canonize, @digitalbazaar/*, jose), so a caller that
 * only checks data loads about half of what the main entry loads. Re-exports only; every name here
 * is also exported, unchanged, by `carbon-passport`. test/package/import-graph.test.ts keeps the
 * signing stack out of what this module reaches.
 *
 * @module carbon-passport/conformance
 */

// Exact arithmetic on Decimal strings and exact unit conversion, for writing passports by hand.
export * as decimal from '../decimal/index.js'
export {
  CarbonPassportError,
  type CarbonPassportErrorCode,
  isCarbonPassportError,
} from '../errors.js'
export type { FindingCode } from '../findings/catalogue.js'
export * from '../model/enums.js'
export type * from '../model/types.js'
export type { ConformanceReport, ConformanceStatus, Finding, Severity } from '../results.js'
export {
  DEFAULT_MAX_SCHEMA_ERRORS,
  MAX_LINES,
  MAX_LIST_ITEMS,
  PASSPORT_SCHEMA_ID,
  type SchemaName,
  schemaIds,
} from '../schema/registry.js'
export { convertUnit } from '../units.js'
export {
  type ConformanceCode,
  catalogue,
  profileCatalogue,
  type RuleDefinition,
} from './catalogue.js'
export {
  type CheckConformanceOptions,
  checkConformance,
  DEFAULT_TOLERANCE,
} from './check.js'
export { formatFinding, formatReport, statusLabel } from './format.js'
export { DEFAULT_MAX_FINDINGS } from './limits.js'
export { isProfileId, PROFILE_IDS, type ProfileId } from './profiles/ids.js'
