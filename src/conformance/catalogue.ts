/**
 * The rule catalogue: every finding code the conformance checker can report, documented once, with
 * its severity, the profiles that report it, its message template and where the rule comes from.
 * `docs/rules.md` is generated from this file (`npm run generate`) and a test fails when they differ.
 *
 * Message templates name their parameters in braces (`{field}`, `{expected}`, `{actual}`, …).
 * Codes are public API: match on `code`, never on `message`.
 */
import type { Severity } from '../results.js'
import type { ProfileId } from './profiles/ids.js'

export interface RuleDefinition {
  severity: Severity
  /** The profiles whose checks report this code (`core` is always applied). */
  profiles: readonly ProfileId[]
  /** One line: what the rule says. */
  title: string
  /** The message template. */
  message: string
  /** Where the rule comes from: a standard and clause, or `schema`. */
  source: string
}

const SCHEMA = 'schema (schemas/v1, JSON Schema 2020-12)'
const PACT = 'PACT Technical Specifications v3.0'
const EU = 'Regulation (EU) 2023/1542'
const IEC63369 = 'IEC 63369-1:2026'
const IEC63782 =
  'IEC 63782 (digital product carbon footprint, in development; our reading of the announced mandatory digital fields)'

/** Every finding code, in the order the documentation lists them. */
export const catalogue = {
  // ── input ───────────────────────────────────────────────────────────────────────────────
  INPUT_UNREADABLE: {
    severity: 'error',
    profiles: ['core'],
    title: 'The input is a credential, a compact JWS or a credential subject.',
    message: 'The input cannot be read as a passport: {detail}.',
    source: 'VC 2.0 §4 (credential syntax); VC-JOSE-COSE §3.1.1 (vc+jwt)',
  },
  INTERNAL_ERROR: {
    severity: 'error',
    profiles: ['core'],
    title: 'The checker itself failed on this input (a bug: please report it).',
    message: 'The conformance checker failed on this input ({detail}); the result is incomplete.',
    source: 'carbon-passport',
  },
  INPUT_TOO_LARGE: {
    severity: 'error',
    profiles: ['core'],
    title:
      'The input is at most `maxBytes` long as JSON text (1 MiB by default), as verification requires.',
    message: 'The input is larger than {expected} bytes as JSON text; nothing else was checked.',
    source: 'carbon-passport security defaults',
  },
  INPUT_TOO_DEEP: {
    severity: 'error',
    profiles: ['core'],
    title:
      'The input nests objects and arrays at most `maxDepth` levels deep (64 by default), as verification requires.',
    message: 'The input nests deeper than {expected} levels; nothing else was checked.',
    source: 'carbon-passport security defaults',
  },
  FINDINGS_TRUNCATED: {
    severity: 'error',
    profiles: ['core'],
    title:
      'A report lists at most `maxFindings` findings (1,000 by default); past them the passport is not checked further.',
    message:
      'The report stops after {expected} findings: the passport was not checked further, so it cannot conform.',
    source: 'carbon-passport security defaults',
  },
  // ── schema ──────────────────────────────────────────────────────────────────────────────
  FIELD_REQUIRED: {
    severity: 'error',
    profiles: ['core'],
    title: 'A required field is present.',
    message: 'The required field "{field}" is missing.',
    source: SCHEMA,
  },
  TYPE_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title: 'A field has the JSON type the schema gives it.',
    message: 'The value must be {expected}, not {actual}.',
    source: SCHEMA,
  },
  PATTERN_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title: 'A text field has the form the schema requires (codes, unit strings, digests).',
    message: 'The value "{actual}" does not have the required form {expected}.',
    source: SCHEMA,
  },
  ENUM_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title: 'A coded field holds one of its allowed values.',
    message: 'The value "{actual}" is not allowed here; allowed values: {expected}.',
    source: SCHEMA,
  },
  FORMAT_INVALID: {
    severity: 'error',
    profiles: ['core'],
    title: 'Dates, IRIs and durations are well-formed (RFC 3339, RFC 3987, ISO 8601).',
    message: 'The value "{actual}" is not a valid {expected}.',
    source: SCHEMA,
  },
  CONST_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title: 'A fixed field holds its one allowed value (`@context`, subject `type`).',
    message: 'The value must be exactly {expected}.',
    source: SCHEMA,
  },
  VALUE_OUT_OF_RANGE: {
    severity: 'error',
    profiles: ['core'],
    title:
      'A number is within its range: percentages 0–100, data quality ratings 1–5, years, scope 3 categories 1–15, battery service conditions.',
    message: 'The value {actual} is out of range: it must be {expected}.',
    source: `${SCHEMA}; battery service conditions: ${IEC63369} (cumulated requested service)`,
  },
  DECIMAL_INVALID: {
    severity: 'error',
    profiles: ['core'],
    title:
      'A quantity is a Decimal string: digits, an optional minus sign and decimal point, no exponent, no leading zeros.',
    message: 'The value "{actual}" is not a Decimal string (for example "12.5" or "-0.25").',
    source: `${SCHEMA}; ${PACT} (Decimal)`,
  },
  DECIMAL_SIGN_INVALID: {
    severity: 'error',
    profiles: ['core'],
    title:
      'A quantity has the sign its meaning requires (emissions ≥ 0, removals and uptake ≤ 0, amounts > 0).',
    message: 'The value {actual} has the wrong sign: it must be {expected}.',
    source: `${SCHEMA}; ${PACT} (CarbonFootprint field constraints)`,
  },
  DECIMAL_TOO_LONG: {
    severity: 'error',
    profiles: ['core'],
    title: 'A Decimal string has at most 50 characters (no one measures emissions to 50 digits).',
    message: 'The Decimal value has {actual} characters; at most {expected} are accepted.',
    source: 'carbon-passport (resource limit)',
  },
  STRING_TOO_SHORT: {
    severity: 'error',
    profiles: ['core'],
    title: 'A text field that must say something is not empty.',
    message: 'The value must have at least {expected} character(s).',
    source: SCHEMA,
  },
  STRING_TOO_LONG: {
    severity: 'error',
    profiles: ['core'],
    title: 'A code is not longer than the schema allows (unit codes: 32 characters).',
    message: 'The value must have at most {expected} characters.',
    source: SCHEMA,
  },
  ARRAY_TOO_SHORT: {
    severity: 'error',
    profiles: ['core'],
    title: 'A list that must not be empty has items.',
    message: 'The list must have at least {expected} item(s).',
    source: SCHEMA,
  },
  ARRAY_TOO_LONG: {
    severity: 'error',
    profiles: ['core'],
    title:
      'A list is not longer than the schema allows (activity data lines and components: 10,000; any other list: 1,000).',
    message:
      'The list must have at most {expected} items; its items and the rules that read them were not checked.',
    source: SCHEMA,
  },
  DUPLICATE_ITEM: {
    severity: 'error',
    profiles: ['core'],
    title: 'A list holds no two identical items.',
    message: 'Items {detail} of the list are identical; each may appear once.',
    source: SCHEMA,
  },
  ARRAY_VALUE_MISSING: {
    severity: 'error',
    profiles: ['core'],
    title: 'A list contains the value it must contain (the credential `type`).',
    message: 'The list must contain {expected}.',
    source: `${SCHEMA}; VC 2.0 §4.5 (types)`,
  },
  UNKNOWN_PROPERTY: {
    severity: 'warning',
    profiles: ['core'],
    title:
      'An object of the carbon-passport vocabulary holds only its own properties (an extension does not fail, but a typo is seen).',
    message:
      'The property "{field}" is not part of the carbon-passport vocabulary: a typo, or an extension that needs its own context.',
    source: SCHEMA,
  },
  SCHEMA_VIOLATION: {
    severity: 'error',
    profiles: ['core'],
    title: 'Any other schema rule (fallback for schema keywords without a code of their own).',
    message: 'The value does not match the schema: {detail}.',
    source: SCHEMA,
  },
  // ── semantic rules (core) ───────────────────────────────────────────────────────────────
  DUPLICATE_ENTRY: {
    severity: 'error',
    profiles: ['core'],
    title: 'A life-cycle stage, scope 3 category or component passport appears once in its list.',
    message: '{field} "{actual}" appears more than once; list each once with its total.',
    source: 'carbon-passport data model (docs/vocabulary.md)',
  },
  REFERENCE_PERIOD_INVALID: {
    severity: 'error',
    profiles: ['core'],
    title: 'The reference period starts before it ends.',
    message: 'The reference period must start before it ends: start {expected}, end {actual}.',
    source: `${PACT} (referencePeriodStart, referencePeriodEnd)`,
  },
  ACTIVITY_PERIOD_INVALID: {
    severity: 'error',
    profiles: ['core'],
    title: 'The period of an activity data line starts before it ends.',
    message: 'The activity period must start before it ends: start {expected}, end {actual}.',
    source: 'carbon-passport data model (ActivityDataLine.period)',
  },
  VALIDITY_PERIOD_INVALID: {
    severity: 'error',
    profiles: ['core'],
    title: 'The credential is not valid until a time before it becomes valid.',
    message: 'validUntil ({actual}) is before validFrom ({expected}).',
    source: 'VC 2.0 §4.9 (validity period)',
  },
  VALIDITY_STARTS_BEFORE_REFERENCE_PERIOD_END: {
    severity: 'error',
    profiles: ['core'],
    title: 'A passport is valid only from the end of its reference period on.',
    message:
      'The passport is valid from {actual}, before its reference period ends ({expected}); a footprint cannot be declared for a period that is not over.',
    source: `${PACT} (validityPeriodStart ≥ referencePeriodEnd)`,
  },
  LIFECYCLE_STAGES_SUM_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title: 'The life-cycle stages add up to pcfExcludingBiogenicUptake.',
    message:
      'The life-cycle stages add up to {actual} kgCO2e, but pcfExcludingBiogenicUptake is {expected}.',
    source:
      'ISO 14067 §6.3.5 (life-cycle stages); carbon-passport data model (footprint.lifecycleStages)',
  },
  ACTIVITY_SUM_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title: 'The emissions of the activity data lines add up to pcfExcludingBiogenicUptake.',
    message:
      'The activity data lines add up to {actual} kgCO2e, but pcfExcludingBiogenicUptake is {expected}.',
    source: 'carbon-passport data model (activityData); IEC 63782 (activity-based calculation)',
  },
  SCOPE_SUM_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title: 'Scope 1 + scope 2 + the scope 3 categories add up to pcfExcludingBiogenicUptake.',
    message:
      'The scope breakdown adds up to {actual} kgCO2e, but pcfExcludingBiogenicUptake is {expected}.',
    source: 'GHG Protocol Product Standard; carbon-passport data model (footprint.scopeBreakdown)',
  },
  SCOPE_ACTIVITY_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'Each scope (and each scope 3 category) of the breakdown agrees with the activity data lines of that scope or category.',
    message:
      'The activity data lines of {field} add up to {expected} kgCO2e, but the scope breakdown says {actual}.',
    source: 'GHG Protocol Corporate Value Chain (Scope 3) Standard; carbon-passport data model',
  },
  STAGE_ACTIVITY_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title: 'Each life-cycle stage with activity data lines agrees with the sum of those lines.',
    message:
      'The activity data lines of stage "{field}" add up to {expected} kgCO2e, but the stage says {actual}.',
    source: 'ISO 14067 §6.3.5; carbon-passport data model',
  },
  ACTIVITY_EMISSIONS_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title: 'The emissions of an activity data line equal its quantity × its emission factor.',
    message: 'quantity × emission factor = {expected} kgCO2e, but the line states {actual} kgCO2e.',
    source: 'GHG Protocol Product Standard §9 (activity data × emission factor)',
  },
  EMISSION_FACTOR_UNIT_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'An emission factor is per unit of its activity: its unit is "kgCO2e/" + the activity unit.',
    message:
      'The emission factor unit must be {expected} for an activity in {field}, not {actual}.',
    source: 'carbon-passport data model (EmissionFactor.unit)',
  },
  UNIT_UNKNOWN: {
    severity: 'error',
    profiles: ['core'],
    title:
      'Units are UN/ECE Recommendation 20 codes (canonical) or their unambiguous UCUM equivalents.',
    message:
      'The unit "{actual}" is not a known UN/ECE Rec 20 code or unambiguous UCUM code{detail}.',
    source: 'UN/ECE Recommendation 20; UCUM (see the unit table in docs/rules.md)',
  },
  GEOGRAPHY_CONFLICT: {
    severity: 'error',
    profiles: ['core'],
    title:
      'At most one of geographyRegionOrSubregion, geographyCountry, geographyCountrySubdivision is given.',
    message: 'Only one geography field may be given; found {actual}.',
    source: `${PACT} (CarbonFootprint geography fields)`,
  },
  PACKAGING_EMISSIONS_WITHOUT_FLAG: {
    severity: 'error',
    profiles: ['core'],
    title: 'packagingGhgEmissions is absent when packagingEmissionsIncluded is false.',
    message:
      'packagingGhgEmissions is given although packagingEmissionsIncluded is false; remove it or set the flag.',
    source: `${PACT} (packagingGhgEmissions)`,
  },
  CCS_FIELDS_WITHOUT_FLAG: {
    severity: 'error',
    profiles: ['core'],
    title:
      'The carbon capture and storage fields are absent when ccsTechnologicalCO2CaptureIncluded is false.',
    message:
      '{field} is given although ccsTechnologicalCO2CaptureIncluded is false; remove it or set the flag.',
    source: `${PACT} (ccsTechnologicalCO2CaptureIncluded)`,
  },
  OTHER_OPERATOR_NAME_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title: 'otherOperatorName is given if and only if the rule operator is "Other".',
    message: '{detail}',
    source: `${PACT} (ProductOrSectorSpecificRule)`,
  },
  PASSPORT_PRECEDES_ITSELF: {
    severity: 'error',
    profiles: ['core'],
    title: 'A passport does not list itself among the passports it replaces.',
    message: "precedingPassports lists the passport's own id {actual}.",
    source: 'carbon-passport data model (precedingPassports)',
  },
  COMPONENT_EMISSIONS_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'The emissions of a component agree with the activity data lines that account for its passport (upstreamPassport).',
    message:
      'The activity data lines referencing this component passport add up to {expected} kgCO2e, but the component states {actual}.',
    source: 'carbon-passport data model (components, ActivityDataLine.upstreamPassport)',
  },
  UPSTREAM_PASSPORT_NOT_LISTED: {
    severity: 'warning',
    profiles: ['core'],
    title: 'An activity line that names an upstream passport finds it among the components.',
    message:
      'The activity line references the upstream passport {actual}, which is not listed in components.',
    source: 'carbon-passport data model (components, ActivityDataLine.upstreamPassport)',
  },
  BATTERY_STAGES_SUM_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'The per-functional-unit life-cycle stages of a battery add up to footprintPerFunctionalUnit.',
    message:
      'The stages per functional unit add up to {actual} kgCO2e, but footprintPerFunctionalUnit is {expected}.',
    source: `${EU} Annex II point 4; ${IEC63369}`,
  },
  FOOTPRINT_PER_FUNCTIONAL_UNIT_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'footprintPerFunctionalUnit × the number of functional units (CRS energy throughput, or lifetime energy) = the absolute footprint (pcfExcludingBiogenicUptake × declaredUnitAmount).',
    message:
      'footprintPerFunctionalUnit × {field} = {actual} kgCO2e, but the absolute footprint is {expected} kgCO2e.',
    source: `${IEC63369} (functional unit: cumulated requested service); ${EU} Art. 7(1)(d)`,
  },
  // ── pact-v3 ─────────────────────────────────────────────────────────────────────────────
  PACT_FIELD_REQUIRED: {
    severity: 'error',
    profiles: ['pact-v3'],
    title:
      'The fields PACT v3 makes mandatory (schema `required` or x-rule SHALL) are present: packagingEmissionsIncluded, ccsTechnologicalCO2CaptureIncluded, primaryDataShare, product identifiers (productIds), description, manufacturer id (companyIds); dqi when the reference period reaches 2027.',
    message: 'PACT v3 requires "{field}" ({detail}).',
    source: `${PACT} §ProductFootprint, §CarbonFootprint (x-rule SHALL, SHALL-2027)`,
  },
  PACT_FIELD_RECOMMENDED: {
    severity: 'info',
    profiles: ['pact-v3'],
    title: 'The fields PACT v3 marks SHOULD are present.',
    message: 'PACT v3 recommends "{field}" ({detail}).',
    source: `${PACT} §CarbonFootprint (x-rule SHOULD)`,
  },
  PACT_EXEMPTED_EMISSIONS_ABOVE_LIMIT: {
    severity: 'warning',
    profiles: ['pact-v3'],
    title: 'Exempted emissions are at most 5 % of the footprint.',
    message: 'exemptedEmissionsPercent is {actual} %; the PACT methodology allows at most 5 %.',
    source: `${PACT} (exemptedEmissionsPercent); PACT Methodology v3 §4.3 (exemptions)`,
  },
  PACT_VALIDITY_TOO_LONG: {
    severity: 'warning',
    profiles: ['pact-v3'],
    title: 'The validity ends at most 3 years after the reference period ends.',
    message:
      'The passport is valid until {actual}, more than 3 years after its reference period ends ({expected}).',
    source: `${PACT} (validityPeriodEnd ≤ referencePeriodEnd + 3 years)`,
  },
  PACT_PRODUCT_MASS_INCONSISTENT: {
    severity: 'error',
    profiles: ['pact-v3'],
    title:
      'productMassPerDeclaredUnit is 0 for energy, logistics and service declared units, and above 0 for a piece.',
    message:
      'productMassPerDeclaredUnit is {actual} but must be {expected} for the declared unit "{field}".',
    source: `${PACT} (productMassPerDeclaredUnit)`,
  },
  PACT_PCF_INCLUDING_BIOGENIC_MISMATCH: {
    severity: 'error',
    profiles: ['pact-v3'],
    title: 'pcfIncludingBiogenicUptake = pcfExcludingBiogenicUptake + biogenicCO2Uptake.',
    message:
      'pcfExcludingBiogenicUptake + biogenicCO2Uptake = {expected}, but pcfIncludingBiogenicUptake is {actual}.',
    source: `${PACT} (pcfIncludingBiogenicUptake)`,
  },
  // ── iec-63782-digital-pcf ───────────────────────────────────────────────────────────────
  EMISSION_FACTOR_PROVENANCE_INCOMPLETE: {
    severity: 'error',
    profiles: ['iec-63782-digital-pcf'],
    title:
      'Every emission factor names its source and version, or is primary data (provenance "primary").',
    message:
      'The emission factor from "{actual}" has no source version; give the database version, or mark it as primary data.',
    source: `${IEC63782}: emission-factor provenance`,
  },
  SCOPE3_CATEGORY_MISSING: {
    severity: 'error',
    profiles: ['iec-63782-digital-pcf'],
    title: 'Every scope 3 activity data line names its scope 3 category.',
    message: 'This scope 3 activity data line has no scope3Category.',
    source: `${IEC63782}: scope 3 categories; GHG Protocol Scope 3 Standard`,
  },
  SCOPE3_CATEGORY_NOT_REPORTED: {
    severity: 'error',
    profiles: ['iec-63782-digital-pcf'],
    title:
      'The scope breakdown reports scope 3 category 1 (purchased goods and services) and 4 (upstream transportation), even when 0.',
    message: 'The scope breakdown does not report scope 3 category {expected}.',
    source: `${IEC63782}: scope 3 category 1 and 4`,
  },
  PRODUCT_IDENTIFIER_NOT_RESOLVABLE: {
    severity: 'error',
    profiles: ['iec-63782-digital-pcf'],
    title:
      'The product has a resolvable identifier (an http(s) IRI: the subject id or one of product.identifiers).',
    message: 'The product has no resolvable (http or https) identifier; found {actual}.',
    source: `${IEC63782}: product identification; ISO/IEC 18975 (resolvable identifiers)`,
  },
  PRODUCT_IDENTIFIER_NOT_GS1: {
    severity: 'warning',
    profiles: ['iec-63782-digital-pcf'],
    title: 'The product identifier is a GS1 Digital Link URI (preferred).',
    message:
      'The product identifiers are resolvable but none is a GS1 Digital Link URI ({actual}).',
    source: `${IEC63782}: product identification; GS1 Digital Link URI Syntax 1.4`,
  },
  PASSPORT_NOT_VERSIONED: {
    severity: 'error',
    profiles: ['iec-63782-digital-pcf'],
    title:
      'The passport has an id of its own (not the product id), so each version can be told apart and replaced through precedingPassports.',
    message: '{detail}',
    source: `${IEC63782}: versioning`,
  },
  PASSPORT_NOT_SIGNED: {
    severity: 'error',
    profiles: ['iec-63782-digital-pcf'],
    title:
      'A passport presented as signed carries a signature: a proof with a proofValue, or a JWS with a signature.',
    message: '{detail}',
    source: `${IEC63782}: integrity; VC Data Integrity 1.0 §2.1; VC-JOSE-COSE §3.1.1`,
  },
  // ── battery profiles ────────────────────────────────────────────────────────────────────
  OUT_OF_SCOPE: {
    severity: 'error',
    profiles: ['iec-63369-1', 'eu-battery-2023-1542'],
    title:
      'The product is within the scope of the profile: IEC 63369-1 covers industrial lithium-ion batteries for energy storage, UPS and backup power; EU 2023/1542 Art. 7 covers EV, LMT and rechargeable industrial batteries above 2 kWh.',
    message: 'Out of scope of {field}: {detail}.',
    source: `${IEC63369} §1 (scope); ${EU} Art. 7(1)`,
  },
  SYSTEM_BOUNDARY_MISMATCH: {
    severity: 'error',
    profiles: ['iec-63369-1', 'eu-battery-2023-1542'],
    title:
      'The system boundary is the one the profile requires (IEC 63369-1: cradle-to-grave; EU 2023/1542: cradle-to-grave, with or without use).',
    message: 'The system boundary must be {expected}, not "{actual}".',
    source: `${IEC63369} (cradle-to-grave); ${EU} Annex II point 4`,
  },
  IEC_63369_FIELD_REQUIRED: {
    severity: 'error',
    profiles: ['iec-63369-1'],
    title:
      'The cumulated requested service (with its service parameters), the functional unit and the footprint per functional unit are given.',
    message: 'IEC 63369-1 requires "{field}" ({detail}).',
    source: `${IEC63369} (cumulated requested service, functional unit)`,
  },
  FUNCTIONAL_UNIT_NOT_CRS: {
    severity: 'error',
    profiles: ['iec-63369-1'],
    title: 'The functional unit is the cumulated requested service.',
    message: 'The functional unit must be the cumulated requested service, not "{actual}".',
    source: `${IEC63369} (functional unit)`,
  },
  CRS_ENERGY_THROUGHPUT_INCONSISTENT: {
    severity: 'warning',
    profiles: ['iec-63369-1'],
    title:
      'The CRS energy throughput agrees with rated energy × depth of discharge × equivalent full cycles.',
    message:
      'ratedEnergy × depthOfDischarge × equivalentFullCycles = {expected} kWh, but the CRS energy throughput is {actual} kWh.',
    source: `${IEC63369} (cumulated requested service)`,
  },
  EU_BATTERY_FIELD_REQUIRED: {
    severity: 'error',
    profiles: ['eu-battery-2023-1542'],
    title:
      'The carbon footprint declaration holds Art. 7(1)(a)–(g): manufacturer, model, plant location, kgCO2e per kWh of lifetime energy, the Annex II stages, declaration of conformity id, public study link.',
    message: '{detail} is required: "{field}" is missing.',
    source: `${EU} Art. 7(1)`,
  },
  EU_FUNCTIONAL_UNIT_INVALID: {
    severity: 'error',
    profiles: ['eu-battery-2023-1542'],
    title:
      'The footprint is declared per kWh of total energy provided over the service life (functional unit: 1 kWh, lifetime energy or CRS).',
    message: 'The functional unit must be {expected}, not {actual}.',
    source: `${EU} Art. 7(1)(d)`,
  },
  EU_STAGES_INCOMPLETE: {
    severity: 'error',
    profiles: ['eu-battery-2023-1542'],
    title:
      'The per-kWh footprint is given for each Annex II stage: raw material acquisition and pre-processing, main production, distribution, end of life and recycling.',
    message: 'The life-cycle stage "{expected}" is missing from lifecycleStagesPerFunctionalUnit.',
    source: `${EU} Art. 7(1)(e), Annex II point 4`,
  },
  EU_USE_STAGE_INCLUDED: {
    severity: 'error',
    profiles: ['eu-battery-2023-1542'],
    title: 'The use stage is excluded from the declared stages.',
    message: 'The use stage is declared ({actual} kgCO2e/kWh) but Annex II excludes it.',
    source: `${EU} Annex II point 4`,
  },
  LIFETIME_ENERGY_MISMATCH: {
    severity: 'error',
    profiles: ['eu-battery-2023-1542'],
    title:
      'The lifetime energy = usable energy × full equivalent cycles per year × years of service, when these are given.',
    message:
      'usableEnergy × cyclesPerYear × serviceLifeYears = {expected} kWh, but lifetimeEnergy is {actual} kWh.',
    source: `${EU} Art. 7(1)(d); draft delegated act on the EV battery carbon footprint (April 2024), E_total`,
  },
  EU_PERFORMANCE_CLASS_NOT_DECLARED: {
    severity: 'info',
    profiles: ['eu-battery-2023-1542'],
    title:
      'The carbon footprint performance class is declared (required once the Art. 7(2) delegated act applies).',
    message: 'No carbon footprint performance class is declared (Art. 7(2)).',
    source: `${EU} Art. 7(2)`,
  },
} as const satisfies Record<string, RuleDefinition>

/** A finding code of the conformance checker. */
export type ConformanceCode = keyof typeof catalogue

/** The profiles, with what each checks and where it comes from. */
export const profileCatalogue: Record<ProfileId, { title: string; source: string; scope: string }> =
  {
    core: {
      title: 'Core: schema and semantic rules (always applied)',
      source: 'schemas/v1; the data model in docs/vocabulary.md; PACT v3 cross-field rules',
      scope: 'Every passport.',
    },
    'pact-v3': {
      title: 'PACT Technical Specifications v3',
      source: `${PACT} (wbcsd/data-exchange-protocol spec/v3/openapi.yaml, x-rule levels)`,
      scope: 'Every passport meant to be exchanged as a PACT ProductFootprint.',
    },
    'iec-63782-digital-pcf': {
      title: 'IEC 63782 digital product carbon footprint (mandatory digital fields)',
      source: `IEC 63782 (digital product carbon footprint). The standard is in development; this profile is our reading of the fields its announcements name as mandatory: activity-data granularity, emission-factor provenance, temporal resolution (granularity and temporal resolution are required by the schema itself), scope 3 categories 1 and 4, a resolvable product identifier, versioning and signature.`,
      scope: 'Every passport.',
    },
    'iec-63369-1': {
      title: 'IEC 63369-1:2026 carbon footprint of industrial lithium-ion batteries',
      source: `${IEC63369} (paywalled; read from the published scope and secondary sources)`,
      scope:
        'Industrial lithium-ion battery systems for energy storage, UPS and backup power. EV traction, LMT, portable and SLI batteries are out of scope.',
    },
    'eu-battery-2023-1542': {
      title: 'EU Battery Regulation 2023/1542, Article 7 carbon footprint declaration',
      source: `${EU} Art. 7 and Annex II`,
      scope: 'EV batteries, LMT batteries, rechargeable industrial batteries above 2 kWh.',
    },
  }
