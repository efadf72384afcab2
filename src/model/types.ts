/**
 * TypeScript types of the carbon-passport v1 data model. They mirror `schemas/v1/*.schema.json`;
 * `test/model/types-agree.test.ts` type-checks every example against them and validates it against the
 * schema, so the two cannot disagree silently.
 */

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

export type Granularity = 'item' | 'batch' | 'model' | 'production-line' | 'site' | 'organization'

export type LifecycleStage =
  | 'raw-material-acquisition'
  | 'main-production'
  | 'distribution'
  | 'use'
  | 'end-of-life'

export type SystemBoundary =
  | 'cradle-to-gate'
  | 'cradle-to-grave'
  | 'cradle-to-grave-excluding-use'
  | 'gate-to-gate'

export type EmissionFactorProvenance = 'primary' | 'supplier-specific' | 'secondary' | 'proxy'

export type ActivityType =
  | 'material'
  | 'energy'
  | 'fuel'
  | 'transport'
  | 'process'
  | 'waste'
  | 'end-of-life-treatment'
  | 'service'

/** GHG Protocol scope 3 categories 1 (purchased goods and services) to 15 (investments). */
export type Scope3Category = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15

export type BatteryCategory =
  | 'EV'
  | 'LMT'
  | 'industrial'
  | 'industrial-external-storage'
  | 'portable'
  | 'SLI'

export type BatteryChemistry =
  | 'LFP'
  | 'NMC'
  | 'NCA'
  | 'LMO'
  | 'LMFP'
  | 'LTO'
  | 'LCO'
  | 'sodium-ion'
  | 'lead-acid'
  | 'other-chemistry'

export type BatteryApplication =
  | 'energy-storage'
  | 'ups'
  | 'backup-power'
  | 'traction'
  | 'light-transport'
  | 'portable-device'
  | 'starting-lighting-ignition'
  | 'other-application'

export type FunctionalUnitKind = 'cumulated-requested-service' | 'lifetime-energy' | 'declared-unit'

export type VerificationLevel = 'limited' | 'reasonable'

/** PACT v3 declared units. */
export type DeclaredUnit =
  | 'liter'
  | 'kilogram'
  | 'cubic meter'
  | 'kilowatt hour'
  | 'megajoule'
  | 'ton kilometer'
  | 'square meter'
  | 'piece'
  | 'hour'
  | 'megabit second'

export interface Organization {
  /** A DID or another IRI of the organisation. */
  id?: Iri
  name: string
  country?: CountryCode
}

export interface ManufacturingSite {
  id?: Iri
  name?: string
  address?: string
  country: CountryCode
}

export interface Classification {
  scheme: 'un-cpc' | 'hs' | 'cn' | 'eclass' | 'unspsc'
  code: string
}

export interface Product {
  name: string
  description?: string
  /** GS1 Digital Link URIs preferred; URNs and other IRIs accepted. */
  identifiers?: Iri[]
  classifications?: Classification[]
  manufacturer: Organization
  manufacturingSite?: ManufacturingSite
  countryOfProduction?: CountryCode
  granularity: 'item' | 'batch' | 'model'
  modelNumber?: string
  batchNumber?: string
  serialNumber?: string
}

export interface StageEmissions {
  stage: LifecycleStage
  /** kgCO2e per declared unit (or per functional unit, in `battery.lifecycleStagesPerFunctionalUnit`). */
  emissions: Decimal
}

export interface Scope3Emissions {
  category: Scope3Category
  emissions: Decimal
}

export interface ScopeBreakdown {
  scope1: Decimal
  scope2: Decimal
  scope3: Scope3Emissions[]
}

export interface ProductOrSectorSpecificRule {
  operator: 'PEF' | 'EPD International' | 'Other'
  ruleNames: string[]
  otherOperatorName?: string
}

export interface EmissionFactorSourceRef {
  name: string
  version: string
}

export interface DataQualityIndicators {
  technologicalDQR: Decimal
  geographicalDQR: Decimal
  temporalDQR: Decimal
}

/**
 * The footprint: the PACT v3 CarbonFootprint fields with the same names and encodings, plus system
 * boundary, life-cycle stages and scope breakdown. Emission values are kgCO2e per declared unit.
 */
export interface Footprint {
  declaredUnitOfMeasurement: DeclaredUnit
  declaredUnitAmount: Decimal
  productMassPerDeclaredUnit: Decimal
  referencePeriodStart: DateTime
  referencePeriodEnd: DateTime
  geographyRegionOrSubregion?: string
  geographyCountry?: CountryCode
  geographyCountrySubdivision?: string
  boundaryProcessesDescription?: string
  pcfExcludingBiogenicUptake: Decimal
  pcfIncludingBiogenicUptake: Decimal
  fossilGhgEmissions: Decimal
  fossilCarbonContent: Decimal
  biogenicCarbonContent?: Decimal
  recycledCarbonContent?: Decimal
  landUseChangeGhgEmissions?: Decimal
  landCarbonLeakage?: Decimal
  landManagementFossilGhgEmissions?: Decimal
  landManagementBiogenicCO2Emissions?: Decimal
  landManagementBiogenicCO2Removals?: Decimal
  biogenicNonCO2Emissions?: Decimal
  biogenicCO2Uptake?: Decimal
  landAreaOccupation?: Decimal
  aircraftGhgEmissions?: Decimal
  packagingEmissionsIncluded?: boolean
  packagingGhgEmissions?: Decimal
  packagingBiogenicCarbonContent?: Decimal
  outboundLogisticsGhgEmissions?: Decimal
  ccsTechnologicalCO2CaptureIncluded?: boolean
  ccsTechnologicalCO2Capture?: Decimal
  technologicalCO2CaptureOrigin?: string
  technologicalCO2Removals?: Decimal
  ccuCarbonContent?: Decimal
  ccuCalculationApproach?: 'Cut-off' | 'Credit'
  ccuCreditCertification?: Iri
  ipccCharacterizationFactors: string[]
  crossSectoralStandards: string[]
  productOrSectorSpecificRules?: ProductOrSectorSpecificRule[]
  secondaryEmissionFactorSources?: EmissionFactorSourceRef[]
  exemptedEmissionsPercent: Decimal
  exemptedEmissionsDescription?: string
  allocationRulesDescription?: string
  primaryDataShare?: Decimal
  dqi?: DataQualityIndicators
  systemBoundary: SystemBoundary
  lifecycleStages: StageEmissions[]
  scopeBreakdown: ScopeBreakdown
  comment?: string
}

export interface EmissionFactorSource {
  name: string
  version?: string
  datasetId?: string
}

export interface EmissionFactor {
  value: Decimal
  /** `kgCO2e/<unit code>`, per unit of the activity's quantity. */
  unit: string
  source: EmissionFactorSource
  provenance: EmissionFactorProvenance
  /** ISO 3166 code, `GLO`, or a region name. */
  geography: string
  referenceYear: number
}

export interface Period {
  start: DateTime
  end: DateTime
}

/** One activity with its quantity and emission factor; quantity and emissions per declared unit. */
export interface ActivityDataLine {
  id?: Iri
  activity: string
  activityType: ActivityType
  quantity: Decimal
  unit: UnitCode
  granularity: Granularity
  period: Period
  /** ISO 8601 duration: `PT1H` hourly, `P1M` monthly, `P1Y` yearly. */
  temporalResolution: string
  lifecycleStage: LifecycleStage
  scope: 1 | 2 | 3
  scope3Category?: Scope3Category
  emissionFactor: EmissionFactor
  /** kgCO2e per declared unit; equals quantity × emission factor. */
  emissions: Decimal
  /** The passport of the purchased component this line accounts for. */
  upstreamPassport?: Iri
  comment?: string
}

/** An upstream component passport, referenced by id and digest. */
export interface ComponentReference {
  passport: Iri
  digestMultibase: string
  product: { id: Iri; name?: string }
  quantity: Decimal
  unit: UnitCode
  /** The component's emissions contribution, kgCO2e per declared unit of this product. */
  emissions: Decimal
}

/** The cumulated requested service of IEC 63369-1. */
export interface CumulatedRequestedService {
  /** kWh delivered over the service life. */
  energyThroughput: Decimal
  equivalentFullCycles: Decimal
  /** Percent. */
  depthOfDischarge: Decimal
  cRate: Decimal
  /** °C. */
  temperature: Decimal
  /** Years. */
  calendarLife: Decimal
  /** Percent of rated capacity. */
  endOfLifeStateOfHealth: Decimal
  description?: string
}

export interface FunctionalUnit {
  kind: FunctionalUnitKind
  quantity: Decimal
  unit: UnitCode
  description?: string
}

export interface Battery {
  category: BatteryCategory
  chemistry: BatteryChemistry
  application: BatteryApplication
  /** kWh. */
  ratedEnergy: Decimal
  /** Ah. */
  ratedCapacity?: Decimal
  /** V. */
  nominalVoltage?: Decimal
  usableEnergy?: Decimal
  cyclesPerYear?: Decimal
  serviceLifeYears?: Decimal
  /** kWh over the expected service life (EU 2023/1542 Art. 7(1)(d)). */
  lifetimeEnergy?: Decimal
  cumulatedRequestedService?: CumulatedRequestedService
  functionalUnit?: FunctionalUnit
  /** kgCO2e per unit of the functional unit. */
  footprintPerFunctionalUnit?: Decimal
  lifecycleStagesPerFunctionalUnit?: StageEmissions[]
  performanceClass?: string
  studyUrl?: Iri
  declarationOfConformityId?: string
}

export interface LinkedDocument {
  id: Iri
  digestMultibase: string
}

export interface Verification {
  providerName: string
  providerId?: Iri
  standardName: string
  level: VerificationLevel
  completedAt: DateTime
  attestation?: LinkedDocument
  comment?: string
}

/** The credential subject of a passport. */
export interface CarbonPassport {
  /** The product: a GS1 Digital Link URI or another IRI. */
  id: Iri
  type: 'CarbonPassport'
  precedingPassports?: Iri[]
  product: Product
  footprint: Footprint
  activityData: ActivityDataLine[]
  components?: ComponentReference[]
  battery?: Battery
  verification?: Verification
}

export type PassportContext = [
  'https://www.w3.org/ns/credentials/v2',
  'https://w3id.org/carbon-passport/v1',
]

export interface CredentialSchemaRef {
  id: Iri
  type: string
}

export interface CredentialStatusEntry {
  id?: Iri
  type: string | string[]
  [key: string]: unknown
}

export interface Issuer {
  id: Iri
  name?: string
}

/** A Data Integrity proof (`DataIntegrityProof`). */
export interface DataIntegrityProofValue {
  type: string
  cryptosuite?: string
  created?: DateTime
  verificationMethod?: Iri
  proofPurpose?: string
  proofValue?: string
  [key: string]: unknown
}

/** A carbon passport: a W3C Verifiable Credential 2.0, unsigned or with a Data Integrity proof. */
export interface PassportCredential {
  '@context': PassportContext
  id: Iri
  type: ['VerifiableCredential', 'CarbonPassportCredential', ...string[]]
  issuer: Iri | Issuer
  name?: string
  description?: string
  validFrom: DateTime
  validUntil?: DateTime
  credentialSchema: CredentialSchemaRef | CredentialSchemaRef[]
  credentialStatus?: CredentialStatusEntry | CredentialStatusEntry[]
  credentialSubject: CarbonPassport
  proof?: DataIntegrityProofValue | DataIntegrityProofValue[]
}
