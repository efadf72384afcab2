/**
 * A small valid passport built with createPassport, used by the conformance tests as a base that
 * each test breaks in one place. The real examples (examples/valid) are tested too.
 */

import type { PassportCredential } from '../../src/model/types.js'
import { createPassport, type PassportSubjectInput } from '../../src/passport/create.js'

export const fixtureSubject: PassportSubjectInput = {
  id: 'https://id.gs1.org/01/09506000134352/10/B123',
  product: {
    name: 'Aluminium bracket',
    description: 'Extruded aluminium mounting bracket',
    identifiers: ['https://id.gs1.org/01/09506000134352'],
    manufacturer: {
      id: 'did:web:brackets.example',
      name: 'Brackets GmbH',
      country: 'DE',
      // A typed identifier gives PACT a company URN (the DID is not one).
      partyIds: { lei: '9845000CARBONPASSP07' }, // fictional, with valid ISO 7064 check digits
    },
    manufacturingSite: { name: 'Plant 1', country: 'DE' },
    granularity: 'batch',
    modelNumber: 'BR-200',
  },
  footprint: {
    declaredUnitOfMeasurement: 'kilogram',
    declaredUnitAmount: '1',
    productMassPerDeclaredUnit: '1',
    referencePeriodStart: '2025-01-01T00:00:00Z',
    referencePeriodEnd: '2026-01-01T00:00:00Z',
    geographyCountry: 'DE',
    pcfExcludingBiogenicUptake: '9.5',
    pcfIncludingBiogenicUptake: '9.5',
    fossilGhgEmissions: '9.5',
    fossilCarbonContent: '0',
    packagingEmissionsIncluded: false,
    ccsTechnologicalCO2CaptureIncluded: false,
    ipccCharacterizationFactors: ['AR6'],
    crossSectoralStandards: ['ISO14067', 'GHGP-Product'],
    exemptedEmissionsPercent: '0.5',
    primaryDataShare: '40',
    boundaryProcessesDescription: 'Aluminium ingot, extrusion, transport to the plant',
    systemBoundary: 'cradle-to-gate',
    lifecycleStages: [
      { stage: 'raw-material-acquisition', emissions: '8.4' },
      { stage: 'main-production', emissions: '1.1' },
    ],
    scopeBreakdown: {
      scope1: '0.2',
      scope2: '0.9',
      scope3: [
        { category: 1, emissions: '8.3' },
        { category: 4, emissions: '0.1' },
      ],
    },
  },
  activityData: [
    {
      activity: 'Primary aluminium ingot',
      activityType: 'material',
      quantity: '1.0375',
      unit: 'KGM',
      granularity: 'batch',
      period: { start: '2025-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
      temporalResolution: 'P1Y',
      lifecycleStage: 'raw-material-acquisition',
      scope: 3,
      scope3Category: 1,
      emissionFactor: {
        value: '8',
        unit: 'kgCO2e/KGM',
        source: { name: 'Supplier EPD', version: '2025' },
        provenance: 'supplier-specific',
        geography: 'NO',
        referenceYear: 2025,
      },
      emissions: '8.3',
    },
    {
      activity: 'Road transport of ingot',
      activityType: 'transport',
      quantity: '0.25',
      unit: 'TKM',
      granularity: 'batch',
      period: { start: '2025-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
      temporalResolution: 'P1M',
      lifecycleStage: 'raw-material-acquisition',
      scope: 3,
      scope3Category: 4,
      emissionFactor: {
        value: '0.4',
        unit: 'kgCO2e/TKM',
        source: { name: 'GLEC', version: '3.1' },
        provenance: 'secondary',
        geography: 'RER',
        referenceYear: 2024,
      },
      emissions: '0.1',
    },
    {
      activity: 'Natural gas for extrusion',
      activityType: 'fuel',
      quantity: '1',
      unit: 'KWH',
      granularity: 'site',
      period: { start: '2025-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
      temporalResolution: 'P1M',
      lifecycleStage: 'main-production',
      scope: 1,
      emissionFactor: {
        value: '0.2',
        unit: 'kgCO2e/KWH',
        source: { name: 'Metered' },
        provenance: 'primary',
        geography: 'DE',
        referenceYear: 2025,
      },
      emissions: '0.2',
    },
    {
      activity: 'Grid electricity for extrusion',
      activityType: 'energy',
      quantity: '2.5',
      unit: 'KWH',
      granularity: 'site',
      period: { start: '2025-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
      temporalResolution: 'PT1H',
      lifecycleStage: 'main-production',
      scope: 2,
      emissionFactor: {
        value: '0.36',
        unit: 'kgCO2e/KWH',
        source: { name: 'Umweltbundesamt', version: '2025' },
        provenance: 'secondary',
        geography: 'DE',
        referenceYear: 2024,
      },
      emissions: '0.9',
    },
  ],
}

/** A fresh valid passport (deep copy each call, so tests can mutate it). */
export function fixturePassport(): PassportCredential {
  return createPassport(structuredClone(fixtureSubject), {
    issuer: { id: 'did:web:brackets.example', name: 'Brackets GmbH' },
    id: 'urn:uuid:6f1c7a52-3d5e-4b8a-9c21-0a1b2c3d4e5f',
    validFrom: new Date('2026-02-01T00:00:00Z'),
    validUntil: new Date('2029-01-01T00:00:00Z'),
  })
}
