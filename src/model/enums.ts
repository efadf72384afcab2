/**
 * Every enumeration of the data model, once. The TypeScript unions of `types.ts` are
 * `(typeof X)[number]` of these arrays, the vocabulary table (scripts/vocabulary-table.ts) takes
 * its enumeration terms from them, and `test/model/enumerations.test.ts` fails when a schema
 * `enum` lists other values, so the types, the JSON-LD vocabulary and the schemas cannot drift
 * apart. The order is the documented order (schemas, docs/vocabulary.md).
 */

/** What a passport or an activity data line describes; vocabulary enumeration `Granularity`. */
export const GRANULARITIES = [
  'item',
  'batch',
  'model',
  'production-line',
  'site',
  'organization',
] as const

type Granularity = (typeof GRANULARITIES)[number]

/** The granularities a product passport can have: one unit, a batch or a whole model. */
export const PRODUCT_GRANULARITIES = [
  'item',
  'batch',
  'model',
] as const satisfies readonly Granularity[]

/** Life-cycle boundaries of ISO 14067; vocabulary enumeration `SystemBoundary`. */
export const SYSTEM_BOUNDARIES = [
  'cradle-to-gate',
  'cradle-to-grave',
  'cradle-to-grave-excluding-use',
  'gate-to-gate',
] as const

/** Life-cycle stages (EU 2023/1542 Annex II and use); vocabulary enumeration `LifecycleStage`. */
export const LIFECYCLE_STAGES = [
  'raw-material-acquisition',
  'main-production',
  'distribution',
  'use',
  'end-of-life',
] as const

/** What an activity data line is: an emission, a credit or a removal; vocabulary `LineKind`. */
export const LINE_KINDS = ['emission', 'credit', 'removal'] as const

/**
 * What a credit line credits; vocabulary `CreditType`. `offset` and `avoided-emissions` are named
 * only so that OFFSET_IN_FOOTPRINT can refuse them: they belong in `claims[]`, outside every sum.
 */
export const CREDIT_TYPES = [
  'recycling',
  'energy-recovery',
  'reuse',
  'co-product-substitution',
  'offset',
  'avoided-emissions',
] as const

/** What a removal line removes (PACT v3 CCS and technological removals); vocabulary `RemovalType`. */
export const REMOVAL_TYPES = ['ccs-technological-capture', 'technological-removal'] as const

/** How end of life and recycled content are modelled; vocabulary `EndOfLifeModelling`. */
export const END_OF_LIFE_MODELLINGS = [
  'cut-off',
  'circular-footprint-formula',
  'avoided-burden',
] as const

/** Claims recorded outside every sum; vocabulary `ClaimType`. */
export const CLAIM_TYPES = ['carbon-offset', 'avoided-emissions-claim'] as const

/** Where an emission factor comes from (IEC 63782); vocabulary `EmissionFactorProvenance`. */
export const EMISSION_FACTOR_PROVENANCES = [
  'primary',
  'supplier-specific',
  'secondary',
  'proxy',
] as const

/**
 * How the electricity of an activity data line was modelled (GHG Protocol Scope 2 Guidance): the
 * average of the grid where it is used, or contractual instruments; vocabulary `ElectricityBasis`.
 */
export const ELECTRICITY_BASES = ['location', 'market'] as const

/**
 * The contractual instrument behind market-based electricity; vocabulary `ContractualInstrument`.
 * The EU draft EV battery act excludes PPAs and guarantees of origin.
 */
export const CONTRACTUAL_INSTRUMENTS = [
  'power-purchase-agreement',
  'guarantee-of-origin',
  'green-electricity-certificate',
  'i-rec',
  'supplier-mix',
  'residual-mix',
] as const

/** Which gases an emission factor covers: CO2 alone, or all GHGs as CO2e; vocabulary `GasesCovered`. */
export const GASES_COVERED = ['CO2', 'CO2e'] as const

/**
 * The life-cycle scope of an emission factor: combustion or tank-to-wheel only, well-to-wheel
 * (ISO 14083: upstream fuel supply included), or the cradle-to-gate of an input; vocabulary
 * `FactorLifeCycleScope`.
 */
export const FACTOR_LIFE_CYCLE_SCOPES = [
  'tank-to-wheel',
  'well-to-wheel',
  'combustion',
  'upstream-cradle-to-gate',
] as const

/** IPCC assessment reports whose GWP100 values a factor uses; vocabulary `GwpSet`. */
export const GWP_SETS = ['AR5', 'AR6'] as const

/**
 * Schemes of organisation and site identifiers; vocabulary `PartyIdentifierScheme`. GLN (GS1),
 * LEI (ISO 17442), USCC (China, GB 32100-2015), EORI (EU customs), DUNS, BPN (Catena-X).
 */
export const PARTY_IDENTIFIER_SCHEMES = ['gln', 'lei', 'uscc', 'eori', 'duns', 'bpn'] as const

/** Kinds of activity an activity data line quantifies; vocabulary enumeration `ActivityType`. */
export const ACTIVITY_TYPES = [
  'material',
  'energy',
  'fuel',
  'transport',
  'process',
  'waste',
  'end-of-life-treatment',
  'service',
] as const

/** GHG Protocol scopes. */
export const GHG_SCOPES = [1, 2, 3] as const

/** GHG Protocol scope 3 categories, 1 (purchased goods and services) to 15 (investments). */
export const SCOPE3_CATEGORIES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] as const

/** Battery categories of EU 2023/1542 Art. 3; vocabulary enumeration `BatteryCategory`. */
export const BATTERY_CATEGORIES = [
  'EV',
  'LMT',
  'industrial',
  'industrial-external-storage',
  'portable',
  'SLI',
] as const

/**
 * UNECE vehicle categories whose traction batteries the draft EU EV battery carbon-footprint act
 * gives full-equivalent cycles per year (M1, N1: 60; L: 20; M2, M3, N2, N3: 250); vocabulary
 * enumeration `VehicleCategory`.
 */
export const VEHICLE_CATEGORIES = ['M1', 'N1', 'L', 'M2', 'M3', 'N2', 'N3'] as const

/** Cell chemistries; vocabulary enumeration `BatteryChemistry`. */
export const BATTERY_CHEMISTRIES = [
  'LFP',
  'NMC',
  'NCA',
  'LMO',
  'LMFP',
  'LTO',
  'LCO',
  'sodium-ion',
  'lead-acid',
  'other-chemistry',
] as const

/**
 * Where a battery sits in the assembly (EU 2023/1542 Art. 3(2)-(4)); vocabulary `BatteryLevel`. A
 * system is a pack with its enclosure and balance of plant (an ESS cabinet).
 */
export const BATTERY_LEVELS = ['cell', 'module', 'pack', 'system'] as const

/**
 * What a battery is used for; vocabulary enumeration `BatteryApplication`. Road-vehicle traction
 * (out of IEC 63369-1's scope) is apart from industrial traction (forklifts, rail, ships: industrial
 * batteries under EU 2023/1542 Recital 12, and in IEC 63369-1's scope).
 */
export const BATTERY_APPLICATIONS = [
  'energy-storage',
  'ups',
  'backup-power',
  'road-vehicle-traction',
  'industrial-traction',
  'light-transport',
  'portable-device',
  'starting-lighting-ignition',
  'other-application',
] as const

/** What a battery footprint's functional unit is; vocabulary enumeration `FunctionalUnitKind`. */
export const FUNCTIONAL_UNIT_KINDS = [
  'cumulated-requested-service',
  'lifetime-energy',
  'rated-energy',
  'declared-unit',
] as const

/**
 * The method a battery footprint declaration follows; vocabulary `DeclarationFramework`. The
 * `iec-63369-1` profile reads the `iec-63369-1` declaration, `eu-battery-2023-1542` the
 * `eu-2023-1542` one.
 */
export const DECLARATION_FRAMEWORKS = ['iec-63369-1', 'eu-2023-1542', 'other-framework'] as const

/** Assurance levels of ISO 14064-3; vocabulary enumeration `VerificationLevel`. */
export const VERIFICATION_LEVELS = ['limited', 'reasonable'] as const

/**
 * The opinion of a verifier's attestation (ISO 14064-3:2019): unmodified, modified (with an
 * exception), adverse, or a disclaimer of opinion; vocabulary enumeration `VerificationOpinion`.
 */
export const VERIFICATION_OPINIONS = ['unmodified', 'modified', 'adverse', 'disclaimer'] as const

/** Product classification schemes; vocabulary enumeration `ClassificationScheme`. */
export const CLASSIFICATION_SCHEMES = ['un-cpc', 'hs', 'cn', 'eclass', 'unspsc'] as const

/** PACT v3 `declaredUnitOfMeasurement` values (plain strings in PACT, not vocabulary terms). */
export const DECLARED_UNITS = [
  'liter',
  'kilogram',
  'cubic meter',
  'kilowatt hour',
  'megajoule',
  'ton kilometer',
  'square meter',
  'piece',
  'hour',
  'megabit second',
] as const

/** PACT v3 `geographyRegionOrSubregion` values: the UN M49 regions and subregions. */
export const UN_M49_REGIONS = [
  'Africa',
  'Americas',
  'Asia',
  'Europe',
  'Oceania',
  'Australia and New Zealand',
  'Central Asia',
  'Eastern Asia',
  'Eastern Europe',
  'Latin America and the Caribbean',
  'Melanesia',
  'Micronesia',
  'Northern Africa',
  'Northern America',
  'Northern Europe',
  'Polynesia',
  'South-eastern Asia',
  'Southern Asia',
  'Southern Europe',
  'Sub-Saharan Africa',
  'Western Asia',
  'Western Europe',
] as const

/** PACT v3 `ccuCalculationApproach` values. */
export const CCU_CALCULATION_APPROACHES = ['Cut-off', 'Credit'] as const

/** PACT v3 `productOrSectorSpecificRules[].operator` values. */
export const RULE_OPERATORS = ['PEF', 'EPD International', 'Other'] as const

/** PACT ProductFootprint `status` values (the `pact` record of a passport). */
export const PACT_STATUSES = ['Active', 'Deprecated'] as const
