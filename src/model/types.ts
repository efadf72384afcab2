/**
 * TypeScript types of the carbon-passport v1 data model. They mirror `schemas/v1/*.schema.json`:
 * `npm run typecheck` checks every valid example against them (test/model/examples.generated.ts)
 * and test/schema/registry.test.ts validates each against the schema, so the two cannot disagree
 * silently. Every enumeration is `(typeof X)[number]` of an array in `./enums.ts`, the one source
 * the vocabulary and the schema drift test use too. Field comments follow the vocabulary
 * (docs/vocabulary.md); PACT v3 fields keep PACT's names and encodings.
 */
import type {
  ACTIVITY_TYPES,
  BATTERY_APPLICATIONS,
  BATTERY_CATEGORIES,
  BATTERY_CHEMISTRIES,
  BATTERY_LEVELS,
  CCU_CALCULATION_APPROACHES,
  CLAIM_TYPES,
  CLASSIFICATION_SCHEMES,
  CONTRACTUAL_INSTRUMENTS,
  CREDIT_TYPES,
  DECLARATION_FRAMEWORKS,
  DECLARED_UNITS,
  ELECTRICITY_BASES,
  EMISSION_FACTOR_PROVENANCES,
  END_OF_LIFE_MODELLINGS,
  FACTOR_LIFE_CYCLE_SCOPES,
  FUNCTIONAL_UNIT_KINDS,
  GASES_COVERED,
  GHG_SCOPES,
  GRANULARITIES,
  GWP_SETS,
  LIFECYCLE_STAGES,
  LINE_KINDS,
  PACT_STATUSES,
  PARTY_IDENTIFIER_SCHEMES,
  PRODUCT_GRANULARITIES,
  REMOVAL_TYPES,
  RULE_OPERATORS,
  SCOPE3_CATEGORIES,
  SYSTEM_BOUNDARIES,
  VEHICLE_CATEGORIES,
  VERIFICATION_LEVELS,
} from './enums.js'

/**
 * A decimal number encoded as a string (`"12.5"`, `"-0.25"`), as in PACT v3: exact, lossless and
 * stable under canonicalization. No exponent, no leading `+`, no trailing dot.
 */
export type Decimal = string

/** An RFC 3339 date-time with a time zone, for example `2026-03-01T00:00:00Z`. */
export type DateTime = string

/** An absolute IRI: a GS1 Digital Link URI, a DID, a URN or an https URL. */
export type Iri = string

/** ISO 3166-1 alpha-2 country code. */
export type CountryCode = string

/** A unit code: UN/ECE Recommendation 20 (`KGM`, `KWH`, `TKM`, `H87`, …) or unambiguous UCUM. */
export type UnitCode = string

/**
 * What a passport or an activity data line describes: one item, a batch, a model, or data gathered
 * at a coarser level (production line, site, organisation).
 */
export type Granularity = (typeof GRANULARITIES)[number]

/** What a product passport describes: one serialised item, a batch or lot, or a whole model. */
export type ProductGranularity = (typeof PRODUCT_GRANULARITIES)[number]

/**
 * Canonical life-cycle stages; raw material acquisition, main production, distribution and end of
 * life are the four stages of EU 2023/1542 Annex II.
 */
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number]

/** The life-cycle boundary of a footprint (ISO 14067 partial or full CFP). */
export type SystemBoundary = (typeof SYSTEM_BOUNDARIES)[number]

/** Where an emission factor comes from (IEC 63782 mandatory digital field). */
export type EmissionFactorProvenance = (typeof EMISSION_FACTOR_PROVENANCES)[number]

/** How electricity was modelled: the grid average where it is used, or contractual instruments. */
export type ElectricityBasis = (typeof ELECTRICITY_BASES)[number]

/** The contractual instrument behind market-based electricity (PPA, guarantee of origin, …). */
export type ContractualInstrument = (typeof CONTRACTUAL_INSTRUMENTS)[number]

/** The gases an emission factor covers: CO2 only, or all GHGs as CO2e. */
export type GasesCovered = (typeof GASES_COVERED)[number]

/** The life-cycle scope of an emission factor (tank-to-wheel, well-to-wheel, combustion, …). */
export type FactorLifeCycleScope = (typeof FACTOR_LIFE_CYCLE_SCOPES)[number]

/** The IPCC assessment report whose GWP100 values an emission factor uses. */
export type GwpSet = (typeof GWP_SETS)[number]

/** The scheme of an organisation or site identifier: GLN, LEI, USCC, EORI, DUNS or BPN. */
export type PartyIdentifierScheme = (typeof PARTY_IDENTIFIER_SCHEMES)[number]

/** The kind of activity an activity data line quantifies. */
export type ActivityType = (typeof ACTIVITY_TYPES)[number]

/** What an activity data line is: an emission (the default), a credit or a removal. */
export type LineKind = (typeof LINE_KINDS)[number]

/** What a credit line credits; `offset` and `avoided-emissions` are refused (OFFSET_IN_FOOTPRINT). */
export type CreditType = (typeof CREDIT_TYPES)[number]

/** What a removal line removes: technological CO2 capture and storage, or another technological removal. */
export type RemovalType = (typeof REMOVAL_TYPES)[number]

/** How end of life and recycled content are modelled: cut-off, the Circular Footprint Formula or avoided burden. */
export type EndOfLifeModelling = (typeof END_OF_LIFE_MODELLINGS)[number]

/** What a claim outside the footprint is: an offset or avoided emissions. */
export type ClaimType = (typeof CLAIM_TYPES)[number]

/** GHG Protocol scope, from the reporting company's point of view. */
export type GhgScope = (typeof GHG_SCOPES)[number]

/** GHG Protocol scope 3 categories 1 (purchased goods and services) to 15 (investments). */
export type Scope3Category = (typeof SCOPE3_CATEGORIES)[number]

/** Battery categories of EU 2023/1542, Article 3. */
export type BatteryCategory = (typeof BATTERY_CATEGORIES)[number]

/** UNECE vehicle category of the vehicle an EV or LMT battery is made for (M1, N1, L, M2, M3, N2, N3). */
export type VehicleCategory = (typeof VEHICLE_CATEGORIES)[number]

/** Cell chemistry (the cathode family, for lithium-ion). */
export type BatteryChemistry = (typeof BATTERY_CHEMISTRIES)[number]

/**
 * What a battery is used for. IEC 63369-1 excludes road-vehicle traction, light transport, portable
 * devices and SLI; industrial traction (forklifts, rail, ships) is in its scope.
 */
export type BatteryApplication = (typeof BATTERY_APPLICATIONS)[number]

/** Where a battery sits in the assembly: cell, module, pack or system (EU 2023/1542 Art. 3). */
export type BatteryLevel = (typeof BATTERY_LEVELS)[number]

/** The method a battery footprint declaration follows: IEC 63369-1, EU 2023/1542 Art. 7, or other. */
export type DeclarationFramework = (typeof DECLARATION_FRAMEWORKS)[number]

/**
 * What the functional unit of a battery footprint is: the IEC 63369-1 cumulated requested service,
 * the EU 2023/1542 Art. 7 lifetime energy, the rated energy (cell or module intermediate data) or
 * the footprint's declared unit.
 */
export type FunctionalUnitKind = (typeof FUNCTIONAL_UNIT_KINDS)[number]

/** Assurance level of a third-party verification (ISO 14064-3). */
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number]

/** Product classification schemes: UN CPC, HS, EU CN, ECLASS, UNSPSC. */
export type ClassificationScheme = (typeof CLASSIFICATION_SCHEMES)[number]

/** PACT v3 declared units. */
export type DeclaredUnit = (typeof DECLARED_UNITS)[number]

/** PACT v3 ways of accounting for carbon capture and utilisation. */
export type CcuCalculationApproach = (typeof CCU_CALCULATION_APPROACHES)[number]

/** PACT ProductFootprint status: `Active` or `Deprecated`. */
export type PactStatus = (typeof PACT_STATUSES)[number]

/** PACT v3 operators of product or sector specific rules. */
export type RuleOperator = (typeof RULE_OPERATORS)[number]

/**
 * Registered identifiers of an organisation or a site, one per scheme (the keys are
 * `PARTY_IDENTIFIER_SCHEMES`). The schema checks each format; `core` checks the GLN, LEI and USCC
 * check characters.
 */
export interface PartyIds {
  /** GS1 Global Location Number: 13 digits, the last a GS1 mod-10 check digit. */
  gln?: string
  /** Legal Entity Identifier (ISO 17442): 18 alphanumerics, 2 check digits (ISO 7064 MOD 97-10). */
  lei?: string
  /** China Unified Social Credit Code (GB 32100-2015): 18 characters, the last a mod-31 check character. */
  uscc?: string
  /** EU Economic Operators Registration and Identification number: country code and ≤ 15 more. */
  eori?: string
  /** Dun & Bradstreet D-U-N-S number: 9 digits. */
  duns?: string
  /** Catena-X Business Partner Number: BPNL, BPNS or BPNA and 12 alphanumerics. */
  bpn?: string
}

/** The organisation that makes a product. */
export interface Organization {
  /** A DID or another IRI of the organisation. */
  id?: Iri
  /** The organisation's name. */
  name: string
  /** ISO 3166-1 alpha-2 code of the organisation's country. */
  country?: CountryCode
  /** The organisation's registered identifiers: LEI, GLN, USCC, EORI, DUNS, BPN. */
  partyIds?: PartyIds
}

/** The plant where a product is made (EU 2023/1542 Art. 7(1)(c)). */
export interface ManufacturingSite {
  /** An IRI of the site, for example a GS1 Digital Link URI of its GLN. */
  id?: Iri
  /** The site's name. */
  name?: string
  /** Postal address, one line. */
  address?: string
  /** ISO 3166-1 alpha-2 code of the site's country. */
  country: CountryCode
  /** The site's registered identifiers: its GLN, its Catena-X BPNS, … */
  partyIds?: PartyIds
}

/** A product classification code within a scheme. */
export interface Classification {
  /** The classification scheme. */
  scheme: ClassificationScheme
  /** The code within the scheme. */
  code: string
}

/** The product a passport is about. */
export interface Product {
  /** The product's name. */
  name: string
  /** A free-text description of the product. */
  description?: string
  /** IRIs that identify the product: GS1 Digital Link URIs preferred, URNs and other IRIs too. */
  identifiers?: Iri[]
  /** Product classification codes (UN CPC, HS, …). */
  classifications?: Classification[]
  /** The organisation that makes the product; its id is a DID or another IRI. */
  manufacturer: Organization
  /** The plant where the product is made (EU 2023/1542 Art. 7(1)(c)). */
  manufacturingSite?: ManufacturingSite
  /** ISO 3166-1 alpha-2 code of the country where the product was made. */
  countryOfProduction?: CountryCode
  /** What the passport describes: one item, a batch or a model. */
  granularity: ProductGranularity
  /** Manufacturer model or type designation. */
  modelNumber?: string
  /** Batch or lot number, when the granularity is `batch`. */
  batchNumber?: string
  /** Serial number, when the granularity is `item`. */
  serialNumber?: string
}

/** Emissions of one life-cycle stage. */
export interface StageEmissions {
  /** The life-cycle stage. */
  stage: LifecycleStage
  /** kgCO2e per declared unit (per functional unit in `lifecycleStagesPerFunctionalUnit`). */
  emissions: Decimal
}

/** Emissions of one GHG Protocol scope 3 category. */
export interface Scope3Emissions {
  /** The GHG Protocol scope 3 category, 1 to 15 (JSON-LD term `scope3Category`). */
  category: Scope3Category
  /** kgCO2e per declared unit. */
  emissions: Decimal
}

/** Emissions by GHG Protocol scope; they add up to `pcfExcludingBiogenicUptake`. */
export interface ScopeBreakdown {
  /** Direct emissions, kgCO2e per declared unit. */
  scope1: Decimal
  /** Indirect emissions from purchased energy, kgCO2e per declared unit. */
  scope2: Decimal
  /** Other indirect emissions, one entry per GHG Protocol scope 3 category. */
  scope3: Scope3Emissions[]
}

/** Product category rules a footprint follows (PACT v3 `ProductOrSectorSpecificRule`). */
export interface ProductOrSectorSpecificRule {
  /** Who publishes the rules: PEF, EPD International or Other (PACT v3). */
  operator: RuleOperator
  /** Names of the rules followed. */
  ruleNames: string[]
  /** The operator's name, when `operator` is `Other`. */
  otherOperatorName?: string
}

/** A database of secondary emission factors (PACT v3 `EmissionFactorSource`). */
export interface EmissionFactorSourceRef {
  /** Name of the database, for example `ecoinvent`. */
  name: string
  /** Version of the database. */
  version: string
}

/** PACT v3 data quality ratings, each a Decimal string from 1 (best) to 5. */
export interface DataQualityIndicators {
  /** Technological data quality rating, 1 (best) to 5. */
  technologicalDQR: Decimal
  /** Geographical data quality rating, 1 (best) to 5. */
  geographicalDQR: Decimal
  /** Temporal data quality rating, 1 (best) to 5. */
  temporalDQR: Decimal
}

/**
 * The footprint: the PACT v3 CarbonFootprint fields with the same names and encodings, plus system
 * boundary, life-cycle stages and scope breakdown. Emission values are kgCO2e per declared unit;
 * carbon contents are kgC per declared unit.
 */
export interface Footprint {
  /** PACT v3 declared unit: what one declared unit of the product is measured in. */
  declaredUnitOfMeasurement: DeclaredUnit
  /** Amount of the declared unit contained in the product, > 0 (PACT v3). */
  declaredUnitAmount: Decimal
  /** Mass of the product per declared unit, kg, ≥ 0 (PACT v3; 0 for energy and services). */
  productMassPerDeclaredUnit: Decimal
  /** Start of the period the footprint data covers, inclusive (PACT v3). */
  referencePeriodStart: DateTime
  /** End of the period the footprint data covers, exclusive (PACT v3). */
  referencePeriodEnd: DateTime
  /** UN M49 region or subregion name, one of `UN_M49_REGIONS` (PACT v3). */
  geographyRegionOrSubregion?: string
  /** ISO 3166-1 alpha-2 code of the country the footprint is for (PACT v3). */
  geographyCountry?: CountryCode
  /** ISO 3166-2 subdivision code, for example `DE-BY` (PACT v3). */
  geographyCountrySubdivision?: string
  /** Processes included in the system boundary (PACT v3). */
  boundaryProcessesDescription?: string
  /** Product carbon footprint excluding biogenic CO2 uptake, kgCO2e per declared unit (PACT v3). */
  pcfExcludingBiogenicUptake: Decimal
  /** Product carbon footprint including biogenic CO2 uptake, kgCO2e per declared unit (PACT v3). */
  pcfIncludingBiogenicUptake: Decimal
  /** Emissions from fossil sources, kgCO2e per declared unit, ≥ 0 (PACT v3). */
  fossilGhgEmissions: Decimal
  /** Fossil carbon content, kgC per declared unit, ≥ 0 (PACT v3). */
  fossilCarbonContent: Decimal
  /** Biogenic carbon content, kgC per declared unit, ≥ 0 (PACT v3). */
  biogenicCarbonContent?: Decimal
  /** Recycled carbon content, kgC per declared unit, ≥ 0 (PACT v3). */
  recycledCarbonContent?: Decimal
  /** Direct land use change emissions, kgCO2e per declared unit, ≥ 0 (PACT v3). */
  landUseChangeGhgEmissions?: Decimal
  /** Indirect land use change emissions, kgCO2e per declared unit, ≥ 0 (PACT v3). */
  landCarbonLeakage?: Decimal
  /** Fossil emissions from land management, kgCO2e per declared unit, ≥ 0 (PACT v3). */
  landManagementFossilGhgEmissions?: Decimal
  /** Biogenic CO2 emissions from land management, kgCO2e per declared unit, ≥ 0 (PACT v3). */
  landManagementBiogenicCO2Emissions?: Decimal
  /** Biogenic CO2 removals from land management, kgCO2e per declared unit, ≤ 0 (PACT v3). */
  landManagementBiogenicCO2Removals?: Decimal
  /** Biogenic emissions of gases other than CO2, kgCO2e per declared unit, ≥ 0 (PACT v3). */
  biogenicNonCO2Emissions?: Decimal
  /** Biogenic CO2 uptake, kgCO2e per declared unit, ≤ 0 (PACT v3). */
  biogenicCO2Uptake?: Decimal
  /** Land area occupied, m²·year per declared unit, ≥ 0 (PACT v3). */
  landAreaOccupation?: Decimal
  /** Emissions from air transport, kgCO2e per declared unit, ≥ 0 (PACT v3). */
  aircraftGhgEmissions?: Decimal
  /** Whether packaging emissions are included in the PCF (PACT v3 SHALL). */
  packagingEmissionsIncluded?: boolean
  /** Emissions from packaging, kgCO2e per declared unit, ≥ 0 (PACT v3). */
  packagingGhgEmissions?: Decimal
  /** Biogenic carbon in packaging, kgC per declared unit, ≥ 0 (PACT v3). */
  packagingBiogenicCarbonContent?: Decimal
  /** Outbound logistics emissions, kgCO2e per declared unit, ≥ 0 (PACT v3). */
  outboundLogisticsGhgEmissions?: Decimal
  /** Whether technological CO2 capture and storage is included (PACT v3 SHALL). */
  ccsTechnologicalCO2CaptureIncluded?: boolean
  /** Technological CO2 captured and stored, kgCO2e per declared unit, ≤ 0 (PACT v3). */
  ccsTechnologicalCO2Capture?: Decimal
  /** Where the captured CO2 comes from (PACT v3). */
  technologicalCO2CaptureOrigin?: string
  /** Technological CO2 removals, kgCO2e per declared unit, ≤ 0 (PACT v3). */
  technologicalCO2Removals?: Decimal
  /** Carbon from carbon capture and utilisation, kgC per declared unit, ≥ 0 (PACT v3). */
  ccuCarbonContent?: Decimal
  /** How CCU is accounted for: `Cut-off` or `Credit` (PACT v3). */
  ccuCalculationApproach?: CcuCalculationApproach
  /** Link to the certification of CCU credits (PACT v3). */
  ccuCreditCertification?: Iri
  /** IPCC assessment reports whose GWP factors were used: `AR5`, `AR6`, … (PACT v3). */
  ipccCharacterizationFactors: string[]
  /** Standards followed (`ISO14067`, `GHGP-Product`, `PACT-3.0`, …); an open list (PACT v3). */
  crossSectoralStandards: string[]
  /** Product category rules followed (PACT v3). */
  productOrSectorSpecificRules?: ProductOrSectorSpecificRule[]
  /** Databases of secondary emission factors used (PACT v3). */
  secondaryEmissionFactorSources?: EmissionFactorSourceRef[]
  /** Share of emissions excluded from the PCF, percent, 0 to 100 (PACT v3). */
  exemptedEmissionsPercent: Decimal
  /** What was excluded from the PCF and why (PACT v3). */
  exemptedEmissionsDescription?: string
  /** Allocation rules applied (PACT v3 SHOULD). */
  allocationRulesDescription?: string
  /** Share of the PCF computed from primary data, percent, 0 to 100 (PACT v3 SHALL). */
  primaryDataShare?: Decimal
  /** PACT v3 data quality ratings. */
  dqi?: DataQualityIndicators
  /**
   * How end of life and recycled content are modelled (ours): `cut-off` gives no credit lines;
   * `circular-footprint-formula` (PEF, EU 2021/2279 Annex I) needs `circularFootprintFormula`.
   */
  endOfLifeModelling?: EndOfLifeModelling
  /** The Circular Footprint Formula parameters, when `endOfLifeModelling` is the CFF (ours). */
  circularFootprintFormula?: CircularFootprintFormulaParameters
  /**
   * The life-cycle boundary of the footprint (ours, not PACT's): `cradle-to-gate` under `pact-v3`;
   * what lies beyond the gate goes in `lifeCycleTotals`.
   */
  systemBoundary: SystemBoundary
  /** Emissions per life-cycle stage; they add up to `pcfExcludingBiogenicUptake` (ours). */
  lifecycleStages: StageEmissions[]
  /** Emissions by GHG Protocol scope; they add up to `pcfExcludingBiogenicUptake` (ours). */
  scopeBreakdown: ScopeBreakdown
  /** Free-text remarks. */
  comment?: string
}

/**
 * The parameters of the Circular Footprint Formula (PEF, Recommendation (EU) 2021/2279 Annex I),
 * each a Decimal from 0 to 1.
 */
export interface CircularFootprintFormulaParameters {
  /** A: allocation of burdens and credits between supplier and user of recycled material, 0.2 to 0.8. */
  materialAllocationFactor: Decimal
  /** R1: share of recycled content in the input material, 0 to 1. */
  recycledContentInput: Decimal
  /** R2: share of the material recycled at end of life, 0 to 1. */
  recyclingOutputRate: Decimal
  /** R3: share of the material sent to energy recovery at end of life, 0 to 1. */
  energyRecoveryRate?: Decimal
  /** B: allocation factor of energy recovery processes, 0 to 1 (0 by default in PEF). */
  energyAllocationFactor?: Decimal
  /** Qsin/Qp: quality of the recycled input against the primary material, 0 to 1. */
  qualityRatioInput?: Decimal
  /** Qsout/Qp: quality of the recycled output against the primary material, 0 to 1. */
  qualityRatioOutput?: Decimal
  /** Where the parameters come from (PEFCR, IEC 63369 default values, own data), in words. */
  comment?: string
}

/** Where an emission factor comes from: a database or a supplier. */
export interface EmissionFactorSource {
  /** Name of the database or supplier. */
  name: string
  /** Version of the database or dataset. */
  version?: string
  /** The dataset or process identifier within the source. */
  datasetId?: string
}

/** An emission factor with its provenance (IEC 63782 mandatory digital field). */
export interface EmissionFactor {
  /** The factor, in `unit`; ≥ 0 except on credit and removal lines. */
  value: Decimal
  /** `kgCO2e/<unit code>`, per unit of the activity's quantity. */
  unit: string
  /** The database or supplier the factor comes from. */
  source: EmissionFactorSource
  /** Primary, supplier-specific, secondary or proxy (IEC 63782). */
  provenance: EmissionFactorProvenance
  /** ISO 3166-1 alpha-2 or ISO 3166-2 code, `GLO` for global, or a region name. */
  geography: string
  /** The year the factor represents, 1990 to 2100. */
  referenceYear: number
  /** The gases the factor covers: `CO2` only, or all GHGs as `CO2e` (the default when absent). */
  gasesCovered?: GasesCovered
  /** What the factor covers: tank-to-wheel, well-to-wheel, combustion, or an input's cradle-to-gate. */
  lifeCycleScope?: FactorLifeCycleScope
  /** The IPCC assessment report whose GWP100 values the factor uses (`AR5`, `AR6`). */
  gwpSet?: GwpSet
}

/** How the electricity of an activity data line was modelled (GHG Protocol Scope 2 Guidance). */
export interface ElectricityModelling {
  /** Location-based (grid average where used) or market-based (contractual instruments). */
  basis: ElectricityBasis
  /** The contractual instrument of a market-based line: PPA, guarantee of origin, residual mix, … */
  instrument?: ContractualInstrument
  /** The instrument's identifier: contract, certificate or cancellation number. */
  instrumentId?: string
}

/** A time period: start inclusive, end exclusive. */
export interface Period {
  /** Start of the period, inclusive. */
  start: DateTime
  /** End of the period, exclusive. */
  end: DateTime
}

/** One activity with its quantity and emission factor; quantity and emissions per declared unit. */
export interface ActivityDataLine {
  /** An IRI of the line, so other documents can point at it. */
  id?: Iri
  /** What was done or bought, in words. */
  activity: string
  /** The kind of activity. */
  activityType: ActivityType
  /** The amount of the activity per declared unit, in `unit`, ≥ 0. */
  quantity: Decimal
  /** UN/ECE Recommendation 20 code of `quantity` (KGM, KWH, TKM, …), or unambiguous UCUM. */
  unit: UnitCode
  /** The level the data was gathered at: item, batch, model, line, site or organisation. */
  granularity: Granularity
  /** The period the activity data was collected over. */
  period: Period
  /** Time resolution of the underlying data, an ISO 8601 duration: `PT1H`, `P1M`, `P1Y`. */
  temporalResolution: string
  /** The life-cycle stage the activity belongs to. */
  lifecycleStage: LifecycleStage
  /** GHG Protocol scope, 1 to 3, from the reporting company's point of view. */
  scope: GhgScope
  /** GHG Protocol scope 3 category, 1 to 15, when `scope` is 3. */
  scope3Category?: Scope3Category
  /** The emission factor applied to the quantity. */
  emissionFactor: EmissionFactor
  /**
   * kgCO2e per declared unit; equals quantity × emission factor. Below zero only on credit and
   * removal lines, which add into their stage, scope and every total like any other line.
   */
  emissions: Decimal
  /** An emission (the default), a credit or a removal: only credits and removals are ≤ 0. */
  lineKind?: LineKind
  /** What a credit line credits; required when `lineKind` is `credit`. */
  creditType?: CreditType
  /** What a removal line removes; required when `lineKind` is `removal`. */
  removalType?: RemovalType
  /** The passport of the purchased component this line accounts for. */
  upstreamPassport?: Iri
  /** How the line's electricity was modelled: basis and contractual instrument. */
  electricity?: ElectricityModelling
  /** Free-text remarks. */
  comment?: string
}

/** An upstream component passport, referenced by id and digest. */
export interface ComponentReference {
  /** Id of the upstream passport credential. */
  passport: Iri
  /** Multibase-encoded multihash of the upstream passport (`u` base64url or `z` base58btc). */
  digestMultibase: string
  /** The component product: its id (the upstream passport's subject id) and its name. */
  product: {
    /** The component product's IRI, the subject id of the upstream passport. */
    id: Iri
    /** The component product's name. */
    name?: string
  }
  /** How much of the component one declared unit of this product uses, in `unit`, > 0. */
  quantity: Decimal
  /** UN/ECE Recommendation 20 code of `quantity` (`H87` for pieces, `KGM`, …). */
  unit: UnitCode
  /** The component's emissions contribution, kgCO2e per declared unit of this product. */
  emissions: Decimal
}

/** The cumulated requested service of IEC 63369-1: what a battery must deliver over its life. */
export interface CumulatedRequestedService {
  /** Energy delivered over the service life, kWh, > 0: ratedEnergy × equivalentFullCycles. */
  energyThroughput: Decimal
  /**
   * Equivalent full cycles over the service life, > 0: the energy throughput divided by the rated
   * energy, so depth of discharge is already in it (400 cycles at 90 % DoD are 360 EFC).
   */
  equivalentFullCycles: Decimal
  /** Depth of discharge per cycle, percent, 0 to 100: a service condition, not a factor. */
  depthOfDischarge: Decimal
  /** Charge and discharge rate, in multiples of the capacity per hour, > 0. */
  cRate: Decimal
  /** Operating temperature, °C. */
  temperature: Decimal
  /** Calendar life, years, > 0. */
  calendarLife: Decimal
  /** State of health at end of life, percent of rated capacity, 0 to 100. */
  endOfLifeStateOfHealth: Decimal
  /** The service conditions, in words. */
  description?: string
}

/**
 * The functional unit of a battery footprint declaration: its kind and, as its quantity, the total
 * service over the life that `footprintPerFunctionalUnit` × `quantity` turns back into the
 * declaration's absolute footprint.
 */
export interface FunctionalUnit {
  /** What the functional unit is. */
  kind: FunctionalUnitKind
  /** The total service over the life (CRS energy throughput, EU lifetime energy, …), > 0. */
  quantity: Decimal
  /** UN/ECE Recommendation 20 code of `quantity`, for example `KWH`. */
  unit: UnitCode
  /** The functional unit, in words. */
  description?: string
}

/** The method a declaration follows: a standard, a PCR or a delegated act. */
export interface DeclarationMethodology {
  /** Name of the standard or rules, for example `IEC 63369-1`. */
  name: string
  /** Version or edition, for example `2026`. */
  version?: string
  /** The PCR or the delegated act the method is taken from, by citation or IRI. */
  reference?: string
}

/**
 * One battery carbon footprint declaration: the footprint under one method, its boundary, its
 * functional unit and its per-unit values. A passport carries one per framework it declares under
 * (IEC 63369-1 includes use; EU 2023/1542 Art. 7 excludes it).
 */
export interface BatteryDeclaration {
  /** The framework the declaration follows. */
  framework: DeclarationFramework
  /** The method followed, with its version and the PCR or act it comes from. */
  methodology?: DeclarationMethodology
  /** The declaration's life-cycle boundary. */
  systemBoundary: SystemBoundary
  /** The functional unit the per-unit values refer to. */
  functionalUnit: FunctionalUnit
  /** kgCO2e per unit of the functional unit, for example per kWh (EU 2023/1542 Art. 7(1)(d)). */
  footprintPerFunctionalUnit: Decimal
  /** Emissions of each stage the declaration includes, per unit of the functional unit (Art. 7(1)(e)). */
  lifecycleStagesPerFunctionalUnit: StageEmissions[]
  /**
   * kgCO2e per declared unit within the declaration's boundary: the sum of the footprint's
   * life-cycle stages over the stages the declaration lists.
   */
  totalFootprint: Decimal
  /** EU carbon footprint performance class, `A` (best) to `G`; no class act is in force yet. */
  performanceClass?: string
  /** The act (and version) whose thresholds define `performanceClass`. */
  performanceClassScheme?: string
  /** Web link to the public version of the supporting study (EU 2023/1542 Art. 7(1)(g)). */
  studyUrl?: Iri
  /** Identifier of the EU declaration of conformity (EU 2023/1542 Art. 7(1)(f)). */
  declarationOfConformityId?: string
}

/** Battery-specific data: taxonomy, ratings, service and the footprint declarations. */
export interface Battery {
  /** Where the battery sits in the assembly: cell, module, pack or system. */
  level: BatteryLevel
  /**
   * Whether a cell or module is made available for end use without further incorporation, and so
   * is a battery in its own right (EU 2023/1542 Art. 1); otherwise its data is intermediate data.
   */
  placedOnMarketAsBattery?: boolean
  /** EU 2023/1542 Art. 3 battery category. */
  category: BatteryCategory
  /** Cell chemistry. */
  chemistry: BatteryChemistry
  /** What the battery is used for. */
  application: BatteryApplication
  /** Rated energy at beginning of life, kWh, > 0. */
  ratedEnergy: Decimal
  /** Rated capacity, Ah, > 0. */
  ratedCapacity?: Decimal
  /** Nominal voltage, V, > 0. */
  nominalVoltage?: Decimal
  /** Usable energy at beginning of life, kWh, > 0 (EU lifetime-energy formula). */
  usableEnergy?: Decimal
  /** Full equivalent cycles per year, > 0 (EU lifetime-energy formula). */
  cyclesPerYear?: Decimal
  /**
   * UNECE category of the vehicle the battery is made for; when given, the EU profile expects the
   * draft EV act's full-equivalent cycles per year for it (M1, N1: 60; L: 20; M2, M3, N2, N3: 250).
   */
  vehicleCategory?: VehicleCategory
  /** Expected service life, years, > 0 (EU lifetime-energy formula of industrial batteries). */
  serviceLifeYears?: Decimal
  /** Warranty life, years, > 0 (EU lifetime-energy formula of EV and LMT batteries). */
  warrantyYears?: Decimal
  /** The service the battery must deliver over its life under stated conditions (IEC 63369-1). */
  cumulatedRequestedService?: CumulatedRequestedService
  /** The footprint declarations, at most one per framework but `other-framework`. */
  declarations?: BatteryDeclaration[]
}

/**
 * The footprint over a boundary beyond the gate (cradle to grave, or excluding use), beside the
 * cradle-to-gate PACT block `footprint`. Its stages include the footprint's gate stages unchanged.
 */
export interface LifeCycleTotals {
  /** The life-cycle boundary of the totals: wider than the footprint's. */
  systemBoundary: SystemBoundary
  /** kgCO2e per declared unit within the boundary: its stages and all activity lines add up to it. */
  totalFootprint: Decimal
  /** Emissions per life-cycle stage within the boundary, kgCO2e per declared unit. */
  lifecycleStages: StageEmissions[]
  /** Free-text remarks. */
  comment?: string
}

/** An offset or avoided emissions: recorded outside every sum, never reducing a footprint. */
export interface Claim {
  /** An offset or avoided emissions. */
  claimType: ClaimType
  /** kgCO2e per declared unit retired (offset) or avoided, ≥ 0. */
  emissions: Decimal
  /** The certificate, registry entry or study behind the claim. */
  claimEvidence?: Iri
  /** Free-text remarks. */
  comment?: string
}

/** A document referenced by id and digest. */
export interface LinkedDocument {
  /** The document's IRI. */
  id: Iri
  /** Multibase-encoded multihash of the document (`u` base64url or `z` base58btc). */
  digestMultibase: string
}

/** Third-party verification of the footprint. */
export interface Verification {
  /** Name of the verification body. */
  providerName: string
  /** DID or IRI of the verification body. */
  providerId?: Iri
  /** Verification standard (ISO 14064-3, ISO 14067, …). */
  standardName: string
  /** Assurance level (ISO 14064-3); PACT v3 and the EU notified-body route have none. */
  level?: VerificationLevel
  /** Four-digit identification number of the EU notified body (EU 2023/1542 Art. 17(2)). */
  notifiedBodyId?: string
  /** Reference of the notified body's certificate (module D1 approval or module G certificate). */
  certificateReference?: string
  /** When the verification was completed. */
  completedAt: DateTime
  /** The verifier's attestation credential, by id and digest. */
  attestation?: LinkedDocument
  /** Free-text remarks. */
  comment?: string
}

/** The importer of a good into the EU customs territory. */
export interface Importer {
  /** The importer's name. */
  name: string
  /** The importer's EORI number. */
  eori?: string
}

/** A carbon price paid in the country of origin (Regulation (EU) 2023/956 Art. 9). */
export interface CarbonPricePaid {
  /** The amount paid per tonne of the good, ≥ 0. */
  amount: Decimal
  /** ISO 4217 code of the currency. */
  currency: string
}

/**
 * CBAM embedded emissions of a good (Regulation (EU) 2023/956 Annex IV): the installation's
 * boundary, not the cradle-to-gate footprint, so never derived from it.
 */
export interface CbamEmbeddedEmissions {
  /** Specific direct embedded emissions, tCO2e per tonne of the good, ≥ 0. */
  directEmbeddedEmissions: Decimal
  /** Specific indirect embedded emissions (electricity), tCO2e per tonne of the good, ≥ 0. */
  indirectEmbeddedEmissions: Decimal
  /** The production route, for example `BF-BOF` or `EAF` (Implementing Regulation (EU) 2023/1773). */
  productionRoute?: string
  /** The identifier of the installation that made the good. */
  installationId?: string
  /** The carbon price paid in the country of origin. */
  carbonPricePaid?: CarbonPricePaid
}

/** What customs and the EU registries check, apart from the footprint. */
export interface Customs {
  /** EU Combined Nomenclature code, 8 digits; its first 6 are the product's HS code. */
  cnCode?: string
  /** ISO 3166-1 alpha-2 code of the non-preferential origin, apart from the country of production. */
  countryOfOrigin?: CountryCode
  /** The importer into the EU, with its EORI number. */
  importer?: Importer
  /** The registration identifier in the EU digital product passport registry (ESPR Art. 13). */
  dppRegistryId?: string
  /** CBAM embedded emissions, for goods that carry them. */
  cbam?: CbamEmbeddedEmissions
}

/** A PACT DataModelExtension (`extensions[]` of a ProductFootprint), carried unchanged. */
export interface PactExtension {
  /** The extension's own spec version, for example `2.0.0`. */
  specVersion: string
  /** URL of the JSON Schema of `data`, for example an iLEAP ShipmentFootprint schema. */
  dataSchema: string
  /** URL of the extension's documentation. */
  documentation?: string
  /** The extension's data: any JSON object, a JSON literal (`@json`) in JSON-LD. */
  data: Record<string, unknown>
}

/**
 * What a WBCSD PACT ProductFootprint carries that the passport has no other place for, kept so that
 * PACT → passport → PACT gives back the same document (`fromPact`, `toPact`): the PACT spec
 * version and status, the validity period, the DataModelExtensions, and, verbatim, the values only
 * PACT v2 has. Everything with a passport meaning lives in the passport's own fields instead.
 */
export interface PactRecord {
  /** The PACT Technical Specifications version of the source (`3.0.0`, `2.3.0`, `2.0.0`, …). */
  specVersion: string
  /** PACT v2 `version` of the footprint, 0 to 2^31−1 (v3 gives every change a new id instead). */
  version?: number
  /** PACT status: `Active` or `Deprecated`. */
  status?: PactStatus
  /** PACT v2 `statusComment`: why the footprint has its status. */
  statusComment?: string
  /** PACT v2 `updated`: when the footprint was last changed. */
  updated?: DateTime
  /** Start of the PACT validity period, inclusive. */
  validityPeriodStart?: DateTime
  /** End of the PACT validity period, exclusive. */
  validityPeriodEnd?: DateTime
  /** PACT DataModelExtensions (iLEAP ShipmentFootprint, …), carried unchanged. */
  extensions?: PactExtension[]
  /**
   * PACT members with no passport meaning, by their PACT names, as a JSON literal (`@json`):
   * top-level members (`productCategoryCpc`, …) and, under `pcf`, those of the CarbonFootprint
   * (v2's `characterizationFactors`, `crossSectoralStandardsUsed`, `dqi` on its 1–3 scale,
   * `assurance`, `landManagementGhgEmissions`, …; a member PACT's own examples place where the
   * schema does not define it). The PACT export gives them back where the target version has them.
   */
  verbatim?: Record<string, unknown>
}

/** The credential subject of a passport. */
export interface CarbonPassport {
  /** The product: a GS1 Digital Link URI or another IRI. */
  id: Iri
  /** Always `CarbonPassport`. */
  type: 'CarbonPassport'
  /** Ids of the passports this version replaces. */
  precedingPassports?: Iri[]
  /** The product the passport is about. */
  product: Product
  /** The carbon footprint (PACT v3 CarbonFootprint fields plus boundary, stages and scopes). */
  footprint: Footprint
  /** The footprint beyond the gate (cradle to grave), when `footprint` stops at the gate. */
  lifeCycleTotals?: LifeCycleTotals
  /** Offsets and avoided emissions, outside every sum. */
  claims?: Claim[]
  /**
   * Activity data lines that make up the footprint. A summary passport (a supplier that will not
   * share its lines) leaves them out; `iec-63782-digital-pcf` requires them.
   */
  activityData?: ActivityDataLine[]
  /** Upstream product passports, referenced by id and digest. */
  components?: ComponentReference[]
  /** Battery-specific data (EU 2023/1542, IEC 63369-1). */
  battery?: Battery
  /** Third-party verification of the footprint. */
  verification?: Verification
  /** CN code, customs origin, importer, registry id and CBAM embedded emissions. */
  customs?: Customs
  /** What a PACT ProductFootprint carried that has no other place here (`fromPact`, `toPact`). */
  pact?: PactRecord
}

/** The `@context` of every passport: the VC 2.0 context, then the carbon-passport v1 context. */
export type PassportContext = [
  'https://www.w3.org/ns/credentials/v2',
  'https://w3id.org/carbon-passport/v1',
]

/** A JSON Schema the credential claims to conform to (VC 2.0 `credentialSchema`). */
export interface CredentialSchemaRef {
  /** URL of the schema: `https://w3id.org/carbon-passport/schemas/v1/passport.schema.json`. */
  id: Iri
  /** The kind of schema, for example `JsonSchema`. */
  type: string
}

/** Where to check the credential's status (VC 2.0 `credentialStatus`): a status list entry. */
export interface CredentialStatusEntry {
  /** An IRI of the status entry. */
  id?: Iri
  /** The status mechanism, for example `BitstringStatusListEntry`. */
  type: string | string[]
  /** The mechanism's own properties (`statusPurpose`, `statusListIndex`, …). */
  [key: string]: unknown
}

/** The issuer of a passport, as an object (VC 2.0 `issuer`). */
export interface Issuer {
  /** The issuer's DID (did:web or did:key) or another IRI. */
  id: Iri
  /** The issuer's name. */
  name?: string
}

/** A Data Integrity proof (`DataIntegrityProof`). */
export interface DataIntegrityProofValue {
  /** `DataIntegrityProof`. */
  type: string
  /** The cryptosuite: `eddsa-rdfc-2022` or `ecdsa-rdfc-2019`. */
  cryptosuite?: string
  /** When the proof was created. */
  created?: DateTime
  /** The IRI of the key that signs, a verification method of the issuer's DID document. */
  verificationMethod?: Iri
  /** Why the proof was made: `assertionMethod` for credentials. */
  proofPurpose?: string
  /** The signature, multibase-encoded. */
  proofValue?: string
  /** Other proof options (`expires`, `domain`, `challenge`, …). */
  [key: string]: unknown
}

/** A carbon passport: a W3C Verifiable Credential 2.0, unsigned or with a Data Integrity proof. */
export interface PassportCredential {
  /** Exactly the VC 2.0 context and the carbon-passport v1 context, in this order. */
  '@context': PassportContext
  /** The credential's IRI, typically a `urn:uuid:`. */
  id: Iri
  /** `VerifiableCredential`, `CarbonPassportCredential`, then any other types. */
  type: ['VerifiableCredential', 'CarbonPassportCredential', ...string[]]
  /** Who issues the passport: a DID or another IRI, or an object with one as its id. */
  issuer: Iri | Issuer
  /** A human-readable name of the credential. */
  name?: string
  /** A human-readable description of the credential. */
  description?: string
  /** From when the credential is valid (VC 2.0). */
  validFrom: DateTime
  /** Until when the credential is valid (VC 2.0). */
  validUntil?: DateTime
  /** The JSON Schema(s) the credential conforms to. */
  credentialSchema: CredentialSchemaRef | CredentialSchemaRef[]
  /** Where to check whether the credential is revoked or suspended. */
  credentialStatus?: CredentialStatusEntry | CredentialStatusEntry[]
  /** The passport itself: the product, its footprint and supporting data. */
  credentialSubject: CarbonPassport
  /** Data Integrity proof(s); absent on an unsigned passport and in vc+jwt payloads. */
  proof?: DataIntegrityProofValue | DataIntegrityProofValue[]
}
