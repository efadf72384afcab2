/**
 * The finding codes of generation: what `calculateFootprint`, the factor-set and record loaders,
 * `rollUpComponents` and `buildPassport` report about their input. Errors stop a calculation (no
 * value is guessed); warnings and infos are the notes of every assumption made.
 */
import { defineCodes } from '../findings/define.js'

const GHG_PRODUCT = 'GHG Protocol Product Standard (2011)'
const ISO_14067 = 'ISO 14067:2018'

/** The codes generation reports. */
export const generationCodes = defineCodes({
  GENERATION_INPUT_INVALID: {
    severity: 'error',
    tools: ['calculateFootprint', 'rollUpComponents', 'buildPassport'],
    title:
      'The input has the shape the generator documents (docs/generate.md): required fields present, Decimal strings, known enumeration values.',
    message: '{detail}',
    source: 'carbon-passport generation input (docs/generate.md)',
  },
  FACTOR_SET_INVALID: {
    severity: 'error',
    tools: ['loadFactorSet'],
    title:
      'An emission-factor set has a name, a version and factors with an id (each once), an activity key, a value, a kgCO2e/<unit> unit and their provenance.',
    message: '{detail}',
    source: 'schemas/v1/emission-factor-set.schema.json',
  },
  CSV_INVALID: {
    severity: 'error',
    tools: ['loadFactorSet', 'parseActivityCsv'],
    title:
      'A CSV file has the documented header and one record per row (docs/generate.md); a row that cannot be read is reported, never skipped.',
    message: '{detail}',
    source: 'RFC 4180; docs/generate.md',
  },
  FACTOR_NOT_FOUND: {
    severity: 'error',
    tools: ['selectFactor', 'calculateFootprint'],
    title:
      'Every record has an emission factor: the one it names by id, one of its activity key for its geography and year, or its own. A missing factor is never guessed.',
    message: '{detail}',
    source: `${ISO_14067} §6.3.5 (data collection); ${GHG_PRODUCT} ch. 8`,
  },
  FACTOR_SELECTED: {
    severity: 'info',
    tools: ['selectFactor', 'calculateFootprint'],
    title:
      'A factor was picked by activity, geography and year: the record’s own geography before a region or GLO, the latest reference year not after the record’s period.',
    message: '{detail}',
    source: `${ISO_14067} §6.3.5; ${GHG_PRODUCT} ch. 8`,
  },
  UNIT_INCOMPATIBLE: {
    severity: 'error',
    tools: ['calculateFootprint', 'rollUpComponents'],
    title:
      'A quantity and the unit its factor (or its upstream passport’s declared unit) is per measure the same thing (mass, energy, volume, …), so one converts into the other.',
    message: '{detail}',
    source: 'UN/ECE Recommendation 20',
  },
  UNIT_CONVERTED: {
    severity: 'info',
    tools: ['calculateFootprint', 'rollUpComponents'],
    title:
      'A quantity was converted to the unit of its factor (t to kg, MWh to kWh, …): exactly, or rounded to 12 decimal places when the ratio has no finite decimal form (MJ to kWh).',
    message: '{detail}',
    source: 'UN/ECE Recommendation 20',
  },
  QUANTITY_INVALID: {
    severity: 'error',
    tools: ['calculateFootprint', 'rollUpComponents'],
    title:
      'Quantities are non-negative Decimal strings; a credit or a removal is a line kind with a negative factor, never a negative quantity.',
    message: '{detail}',
    source: `${ISO_14067} §6.4; carbon-passport vocabulary (lineKind)`,
  },
  RECORD_SCALED: {
    severity: 'info',
    tools: ['calculateFootprint'],
    title:
      'A record given for a batch or a period (producedAmount) was scaled to the declared unit: quantity × declaredUnitAmount ÷ producedAmount.',
    message: '{detail}',
    source: `${ISO_14067} §6.3.7 (allocation by physical output); PACT Technical Specifications v3 (declaredUnitAmount)`,
  },
  PRIMARY_DATA_SHARE_UNKNOWN: {
    severity: 'warning',
    tools: ['calculateFootprint'],
    title:
      'The primary data share counts a line that buys an upstream passport with that passport’s own share; when it is not known, the line counts as primary and the share may be overstated.',
    message: '{detail}',
    source: 'PACT Technical Specifications v3 (primaryDataShare)',
  },
  COMPONENT_UNIT_MISMATCH: {
    severity: 'error',
    tools: ['rollUpComponents'],
    title:
      'A bill-of-materials quantity is in a unit of the same kind as the upstream passport’s declared unit (pieces of a per-piece passport, mass of a per-kilogram one).',
    message: '{detail}',
    source: `${ISO_14067} §6.3.9 (supply-chain data); PACT Technical Specifications v3 (declaredUnitOfMeasurement)`,
  },
  UPSTREAM_PASSPORT_INVALID: {
    severity: 'error',
    tools: ['rollUpComponents'],
    title:
      'An upstream passport is a passport with an id, a product, a declared unit and a PCF, so that its contribution can be computed.',
    message: '{detail}',
    source: 'carbon-passport data model (components)',
  },
  PASSPORT_NOT_CONFORMING: {
    severity: 'error',
    tools: ['buildPassport'],
    title:
      'The built passport conforms under the profiles the caller named; the conformance findings that prevent it follow.',
    message: '{detail}',
    source: 'carbon-passport conformance profiles (docs/rules.md)',
  },
})
