/**
 * PACT field names of ProductFootprint and CarbonFootprint in v3.0 and v2.3, and how v2 names map
 * to the v3 names the passport's `footprint` uses (pcf-models.md §A.2).
 */

/** PACT v3.0 ProductFootprint members. */
export const V3_TOP = [
  'id',
  'specVersion',
  'precedingPfIds',
  'created',
  'status',
  'validityPeriodStart',
  'validityPeriodEnd',
  'companyName',
  'companyIds',
  'productDescription',
  'productIds',
  'productClassifications',
  'productNameCompany',
  'comment',
  'pcf',
  'extensions',
] as const

/** PACT v2.3 ProductFootprint members. */
export const V2_TOP = [
  'id',
  'specVersion',
  'precedingPfIds',
  'version',
  'created',
  'updated',
  'status',
  'statusComment',
  'validityPeriodStart',
  'validityPeriodEnd',
  'companyName',
  'companyIds',
  'productDescription',
  'productIds',
  'productClassifications',
  'productCategoryCpc',
  'productNameCompany',
  'comment',
  'pcf',
  'extensions',
] as const

/** PACT v3.0 CarbonFootprint members that are `footprint` members of the same name. */
export const V3_PCF_IN_FOOTPRINT = [
  'declaredUnitOfMeasurement',
  'declaredUnitAmount',
  'productMassPerDeclaredUnit',
  'referencePeriodStart',
  'referencePeriodEnd',
  'geographyRegionOrSubregion',
  'geographyCountry',
  'geographyCountrySubdivision',
  'boundaryProcessesDescription',
  'pcfExcludingBiogenicUptake',
  'pcfIncludingBiogenicUptake',
  'fossilCarbonContent',
  'biogenicCarbonContent',
  'recycledCarbonContent',
  'fossilGhgEmissions',
  'landUseChangeGhgEmissions',
  'landCarbonLeakage',
  'landManagementFossilGhgEmissions',
  'landManagementBiogenicCO2Emissions',
  'landManagementBiogenicCO2Removals',
  'biogenicCO2Uptake',
  'biogenicNonCO2Emissions',
  'landAreaOccupation',
  'aircraftGhgEmissions',
  'packagingEmissionsIncluded',
  'packagingGhgEmissions',
  'packagingBiogenicCarbonContent',
  'outboundLogisticsGhgEmissions',
  'ccsTechnologicalCO2CaptureIncluded',
  'ccsTechnologicalCO2Capture',
  'technologicalCO2CaptureOrigin',
  'technologicalCO2Removals',
  'ccuCarbonContent',
  'ccuCalculationApproach',
  'ccuCreditCertification',
  'ipccCharacterizationFactors',
  'crossSectoralStandards',
  'productOrSectorSpecificRules',
  'exemptedEmissionsPercent',
  'exemptedEmissionsDescription',
  'allocationRulesDescription',
  'secondaryEmissionFactorSources',
  'primaryDataShare',
  'dqi',
] as const

/** Every PACT v3.0 CarbonFootprint member. */
export const V3_PCF = [...V3_PCF_IN_FOOTPRINT, 'verification'] as const

/** PACT v2.3 CarbonFootprint members with a v3 (`footprint`) counterpart: v2 name → v3 name. */
export const V2_TO_V3_PCF: Readonly<Record<string, string>> = {
  declaredUnit: 'declaredUnitOfMeasurement',
  unitaryProductAmount: 'declaredUnitAmount',
  productMassPerDeclaredUnit: 'productMassPerDeclaredUnit',
  pCfExcludingBiogenic: 'pcfExcludingBiogenicUptake',
  pCfIncludingBiogenic: 'pcfIncludingBiogenicUptake',
  fossilGhgEmissions: 'fossilGhgEmissions',
  fossilCarbonContent: 'fossilCarbonContent',
  biogenicCarbonContent: 'biogenicCarbonContent',
  dLucGhgEmissions: 'landUseChangeGhgEmissions',
  otherBiogenicGhgEmissions: 'biogenicNonCO2Emissions',
  iLucGhgEmissions: 'landCarbonLeakage',
  biogenicCarbonWithdrawal: 'biogenicCO2Uptake',
  aircraftGhgEmissions: 'aircraftGhgEmissions',
  packagingEmissionsIncluded: 'packagingEmissionsIncluded',
  packagingGhgEmissions: 'packagingGhgEmissions',
  ipccCharacterizationFactorsSources: 'ipccCharacterizationFactors',
  crossSectoralStandards: 'crossSectoralStandards',
  productOrSectorSpecificRules: 'productOrSectorSpecificRules',
  boundaryProcessesDescription: 'boundaryProcessesDescription',
  referencePeriodStart: 'referencePeriodStart',
  referencePeriodEnd: 'referencePeriodEnd',
  geographyRegionOrSubregion: 'geographyRegionOrSubregion',
  geographyCountry: 'geographyCountry',
  geographyCountrySubdivision: 'geographyCountrySubdivision',
  secondaryEmissionFactorSources: 'secondaryEmissionFactorSources',
  exemptedEmissionsPercent: 'exemptedEmissionsPercent',
  exemptedEmissionsDescription: 'exemptedEmissionsDescription',
  allocationRulesDescription: 'allocationRulesDescription',
  primaryDataShare: 'primaryDataShare',
}

/** v2 members that are JSON numbers where v3 and the passport have Decimal strings. */
export const V2_NUMBERS = new Set(['exemptedEmissionsPercent', 'primaryDataShare'])

/**
 * PACT v2.3 CarbonFootprint members with no v3 counterpart: kept verbatim (`pact.verbatim.pcf`).
 * `dqi` is on a 1–3 scale of JSON numbers in v2 (1–5 Decimal strings in v3): never rescaled.
 */
export const V2_ONLY_PCF = [
  'characterizationFactors',
  'crossSectoralStandardsUsed',
  'biogenicAccountingMethodology',
  'uncertaintyAssessmentDescription',
  'landManagementGhgEmissions',
  'dqi',
  'assurance',
] as const

/** v2 `crossSectoralStandardsUsed` values and the v3 `crossSectoralStandards` values they mean. */
export const V2_STANDARDS: Readonly<Record<string, string>> = {
  'GHG Protocol Product standard': 'GHGP-Product',
  'ISO Standard 14067': 'ISO14067',
  'ISO Standard 14044': 'ISO14040-44',
}

/** The declared units PACT v2 has (v3 adds `piece`, `hour`, `megabit second`). */
export const V2_DECLARED_UNITS = new Set([
  'liter',
  'kilogram',
  'cubic meter',
  'kilowatt hour',
  'megajoule',
  'ton kilometer',
  'square meter',
])

/** The footprint members that are Decimal strings. */
export const DECIMAL_FIELDS: ReadonlySet<string> = new Set<string>(
  V3_PCF_IN_FOOTPRINT.filter((f) =>
    /(Emissions|Content|Uptake|Removals|Capture|Amount|DeclaredUnit|Leakage|Occupation|Percent|Share)$/.test(
      f,
    ),
  ),
)

/**
 * The Decimal members stated per declared unit (what a change of declared unit rescales): all but
 * the amount itself and the two percentages.
 */
export const PER_DECLARED_UNIT_FIELDS: readonly string[] = [...DECIMAL_FIELDS].filter(
  (f) => !['declaredUnitAmount', 'exemptedEmissionsPercent', 'primaryDataShare'].includes(f),
)

/** `urn:pact:productclassification:<scheme>:<code>` schemes and the passport's scheme names. */
export const CLASSIFICATION_URN = 'urn:pact:productclassification:'
