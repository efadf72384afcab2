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
  CLASSIFICATION_SCHEMES,
  DECLARATION_FRAMEWORKS,
  DECLARED_UNITS,
  EMISSION_FACTOR_PROVENANCES,
  FUNCTIONAL_UNIT_KINDS,
  GHG_SCOPES,
  GRANULARITIES,
  LIFECYCLE_STAGES,
  PRODUCT_GRANULARITIES,
  RULE_OPERATORS,
  SCOPE3_CATEGORIES,
  SYSTEM_BOUNDARIES,
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

/** The kind of activity an activity data line quantifies. */
export type ActivityType = (typeof ACTIVITY_TYPES)[number]

/** GHG Protocol scope, from the reporting company's point of view. */
export type GhgScope = (typeof GHG_SCOPES)[number]

/** GHG Protocol scope 3 categories 1 (purchased goods and services) to 15 (investments). */
export type Scope3Category = (typeof SCOPE3_CATEGORIES)[number]

/** Battery categories of EU 2023/1542, Article 3. */
export type BatteryCategory = (typeof BATTERY_CATEGORIES)[number]

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

/** PACT v3 operators of product or sector specific rules. */
export type RuleOperator = (typeof RULE_OPERATORS)[number]

/** The organisation that makes a product. */
export interface Organization {
  /** A DID or another IRI of the organisation. */
  id?: Iri
  /** The organisation's name. */
  name: string
  /** ISO 3166-1 alpha-2 code of the organisation's country. */
  country?: CountryCode
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
  /** The life-cycle boundary of the footprint (ours, not PACT's). */
  systemBoundary: SystemBoundary
  /** Emissions per life-cycle stage; they add up to `pcfExcludingBiogenicUptake` (ours). */
  lifecycleStages: StageEmissions[]
  /** Emissions by GHG Protocol scope; they add up to `pcfExcludingBiogenicUptake` (ours). */
  scopeBreakdown: ScopeBreakdown
  /** Free-text remarks. */
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
  /** The factor, in `unit`, ≥ 0. */
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
  /** kgCO2e per declared unit; equals quantity × emission factor. */
  emissions: Decimal
  /** The passport of the purchased component this line accounts for. */
  upstreamPassport?: Iri
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
  /** Expected service life, years, > 0 (EU lifetime-energy formula of industrial batteries). */
  serviceLifeYears?: Decimal
  /** Warranty life, years, > 0 (EU lifetime-energy formula of EV and LMT batteries). */
  warrantyYears?: Decimal
  /** The service the battery must deliver over its life under stated conditions (IEC 63369-1). */
  cumulatedRequestedService?: CumulatedRequestedService
  /** The footprint declarations, at most one per framework but `other-framework`. */
  declarations?: BatteryDeclaration[]
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
  /** Assurance level (ISO 14064-3). */
  level: VerificationLevel
  /** When the verification was completed. */
  completedAt: DateTime
  /** The verifier's attestation credential, by id and digest. */
  attestation?: LinkedDocument
  /** Free-text remarks. */
  comment?: string
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
  /** Activity data lines that make up the footprint. */
  activityData: ActivityDataLine[]
  /** Upstream product passports, referenced by id and digest. */
  components?: ComponentReference[]
  /** Battery-specific data (EU 2023/1542, IEC 63369-1). */
  battery?: Battery
  /** Third-party verification of the footprint. */
  verification?: Verification
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
