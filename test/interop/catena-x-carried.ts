/** What a passport → io.catenax.pcf → passport round trip must keep (shared by the tests). */
import { expect } from 'vitest'

/** The footprint fields io.catenax.pcf carries unchanged. */
export const CX_FOOTPRINT = [
  'declaredUnitOfMeasurement',
  'declaredUnitAmount',
  'productMassPerDeclaredUnit',
  'referencePeriodStart',
  'referencePeriodEnd',
  'boundaryProcessesDescription',
  'pcfExcludingBiogenicUptake',
  'pcfIncludingBiogenicUptake',
  'fossilGhgEmissions',
  'fossilCarbonContent',
  'biogenicCarbonContent',
  'recycledCarbonContent',
  'landUseChangeGhgEmissions',
  'landManagementBiogenicCO2Emissions',
  'landManagementBiogenicCO2Removals',
  'biogenicNonCO2Emissions',
  'biogenicCO2Uptake',
  'aircraftGhgEmissions',
  'packagingEmissionsIncluded',
  'packagingGhgEmissions',
  'packagingBiogenicCarbonContent',
  'outboundLogisticsGhgEmissions',
  'ccsTechnologicalCO2CaptureIncluded',
  'secondaryEmissionFactorSources',
  'exemptedEmissionsPercent',
  'exemptedEmissionsDescription',
  'allocationRulesDescription',
  'primaryDataShare',
  'dqi',
  'systemBoundary',
  'comment',
  'geographyCountry',
  'ipccCharacterizationFactors',
]

// biome-ignore lint/suspicious/noExplicitAny: example JSON
export function expectCarried(doc: any, back: any, version: '9.0.0' | '10.0.0'): void {
  const s = doc.credentialSubject
  const b = back.credentialSubject
  for (const key of CX_FOOTPRINT) expect(b.footprint[key], key).toEqual(s.footprint[key])
  const css = s.footprint.crossSectoralStandards
  expect(b.footprint.crossSectoralStandards).toEqual(version === '9.0.0' ? css : css.slice(0, 1))
  expect(b.id).toEqual(s.id)
  expect(back.id).toEqual(doc.id)
  expect(back.validFrom).toEqual(doc.validFrom)
  expect(b.product.name).toEqual(s.product.name)
  expect(b.product.description).toEqual(s.product.description)
  expect(b.product.identifiers).toEqual(s.product.identifiers ?? [s.id])
  expect(b.product.classifications).toEqual(s.product.classifications)
  expect(b.product.manufacturer.name).toEqual(s.product.manufacturer.name)
  expect(b.product.manufacturer.id).toEqual(s.product.manufacturer.id)
  // biome-ignore lint/suspicious/noExplicitAny: example JSON
  const names = (rules: any[] | undefined) => rules?.flatMap((r) => r.ruleNames)
  expect(names(b.footprint.productOrSectorSpecificRules)).toEqual(
    names(s.footprint.productOrSectorSpecificRules),
  )
  if (s.verification) {
    for (const key of ['providerName', 'providerId', 'standardName', 'completedAt'])
      expect(b.verification[key]).toEqual(s.verification[key])
  }
  if (version === '10.0.0' && s.precedingPassports)
    expect(b.precedingPassports).toEqual(s.precedingPassports)
}
