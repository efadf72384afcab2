/**
 * The single source of the carbon-passport v1 vocabulary: labels and definitions of every class,
 * property and enumeration term. Generator-only (never imported by src/): `contexts/v1.jsonld`,
 * `contexts/vocab.jsonld` and `docs/vocabulary.md` are generated from it by `npm run generate`, and
 * a test regenerates them and fails on any difference, so the context, the machine-readable
 * vocabulary and the human one cannot drift apart. Enumeration values come from
 * src/model/enums.ts, which the TypeScript types use too.
 */
import {
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
  GRANULARITIES,
  GWP_SETS,
  LIFECYCLE_STAGES,
  LINE_KINDS,
  REMOVAL_TYPES,
  RULE_OPERATORS,
  SYSTEM_BOUNDARIES,
  VEHICLE_CATEGORIES,
  VERIFICATION_LEVELS,
  VERIFICATION_OPINIONS,
} from '../src/model/enums.js'

export const XSD = 'http://www.w3.org/2001/XMLSchema#'

/** How a property's value is interpreted in JSON-LD. */
export type TermRange =
  | 'string' // plain literal
  | 'decimal' // Decimal string typed xsd:decimal
  | 'dateTime' // xsd:dateTime
  | 'duration' // ISO 8601 duration, xsd:duration
  | 'integer' // native JSON integer
  | 'boolean' // native JSON boolean
  | 'iri' // the value is an IRI (@type: @id)
  | 'node' // a nested object (blank node, or an IRI node when it has an id)
  | 'vocab' // a term of one of the enumerations below (@type: @vocab)
  | 'json' // any JSON value, kept as a JSON literal (@type: @json, rdf:JSON): data of another model

export interface PropertyDefinition {
  readonly term: string
  readonly range: TermRange
  /** For `vocab` ranges: the enumeration whose values are allowed. */
  readonly enumeration?: string
  /** Arrays are unordered sets (`@container: @set`): never `@list` of blank nodes (see DESIGN.md). */
  readonly set?: boolean
  /**
   * A property-scoped context: inside this property's values, the key term means the value term.
   * JSON-LD 1.1 lets property-scoped contexts override protected terms, so `category` can mean a
   * battery category at one place and a scope 3 category inside `scope3`.
   */
  readonly scoped?: Readonly<Record<string, string>>
  /** Where a property belongs, for the human documentation. */
  readonly group: string
  readonly label: string
  readonly comment: string
}

export interface ClassDefinition {
  readonly term: string
  readonly label: string
  readonly comment: string
}

export interface EnumerationDefinition {
  readonly name: string
  readonly comment: string
  readonly values: readonly { readonly term: string; readonly label: string }[]
}

export const classes: readonly ClassDefinition[] = [
  {
    term: 'CarbonPassportCredential',
    label: 'Carbon passport credential',
    comment: 'A Verifiable Credential whose subject is a product and its carbon footprint.',
  },
  {
    term: 'CarbonPassport',
    label: 'Carbon passport',
    comment:
      'The credential subject: one product (item, batch or model), its footprint, activity data and upstream passports.',
  },
  {
    term: 'CarbonPassportAttestation',
    label: 'Carbon passport attestation',
    comment:
      'A Verifiable Credential issued by a verification body whose subject is a carbon passport (its id and digestMultibase): the verifier’s opinion on the figures it verified (ISO 14064-3).',
  },
]

/**
 * The values of an enumeration, in their order, each with its label. `labels` must name every value
 * and nothing else (a type error otherwise), so the vocabulary and src/model/enums.ts cannot differ.
 */
function labelled<const T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
): readonly { readonly term: string; readonly label: string }[] {
  return values.map((term) => ({ term, label: labels[term] }))
}

export const enumerations: readonly EnumerationDefinition[] = [
  {
    name: 'Granularity',
    comment:
      'What a product passport or an activity data line describes: one item, a batch, a model, or data gathered at a coarser level.',
    values: labelled(GRANULARITIES, {
      item: 'Item (one serialised unit)',
      batch: 'Batch or lot',
      model: 'Model (all units of a product type)',
      'production-line': 'Production line',
      site: 'Manufacturing site',
      organization: 'Whole organisation',
    }),
  },
  {
    name: 'SystemBoundary',
    comment: 'The life-cycle boundary of the footprint (ISO 14067 partial or full CFP).',
    values: labelled(SYSTEM_BOUNDARIES, {
      'cradle-to-gate': 'Cradle to gate',
      'cradle-to-grave': 'Cradle to grave',
      'cradle-to-grave-excluding-use': 'Cradle to grave, use stage excluded',
      'gate-to-gate': 'Gate to gate',
    }),
  },
  {
    name: 'LifecycleStage',
    comment:
      'Canonical life-cycle stages; the first two, distribution and end of life are the four stages of EU Battery Regulation Annex II.',
    values: labelled(LIFECYCLE_STAGES, {
      'raw-material-acquisition': 'Raw material acquisition and pre-processing',
      'main-production': 'Main product production',
      distribution: 'Distribution',
      use: 'Use',
      'end-of-life': 'End of life and recycling',
    }),
  },
  {
    name: 'EmissionFactorProvenance',
    comment: 'Where an emission factor comes from (IEC 63782 mandatory digital field).',
    values: labelled(EMISSION_FACTOR_PROVENANCES, {
      primary: 'Primary data measured by the reporting company',
      'supplier-specific': 'Supplier-specific data',
      secondary: 'Secondary data from a database',
      proxy: 'Proxy or estimate',
    }),
  },
  {
    name: 'ElectricityBasis',
    comment:
      'How the electricity of an activity data line was modelled (GHG Protocol Scope 2 Guidance).',
    values: labelled(ELECTRICITY_BASES, {
      location: 'Location-based: the average of the grid where the electricity is used',
      market: 'Market-based: contractual instruments, or the residual mix',
    }),
  },
  {
    name: 'ContractualInstrument',
    comment: 'The contractual instrument behind market-based electricity.',
    values: labelled(CONTRACTUAL_INSTRUMENTS, {
      'power-purchase-agreement': 'Power purchase agreement (PPA)',
      'guarantee-of-origin': 'Guarantee of origin (EU Directive 2018/2001 Art. 19)',
      'green-electricity-certificate': 'Green electricity certificate (China GEC)',
      'i-rec': 'International renewable energy certificate (I-REC)',
      'supplier-mix': 'Supplier-specific mix',
      'residual-mix': 'Residual mix',
    }),
  },
  {
    name: 'GasesCovered',
    comment: 'The gases an emission factor covers.',
    values: labelled(GASES_COVERED, {
      CO2: 'Carbon dioxide only',
      CO2e: 'All greenhouse gases, as CO2 equivalents',
    }),
  },
  {
    name: 'FactorLifeCycleScope',
    comment: 'What an emission factor covers of the life cycle of what it characterises.',
    values: labelled(FACTOR_LIFE_CYCLE_SCOPES, {
      'tank-to-wheel': 'Tank to wheel (vehicle operation only)',
      'well-to-wheel': 'Well to wheel (fuel supply and vehicle operation, ISO 14083)',
      combustion: 'Combustion or generation only',
      'upstream-cradle-to-gate': 'Cradle to gate of the input (its upstream included)',
    }),
  },
  {
    name: 'GwpSet',
    comment: 'The IPCC assessment report whose GWP100 values an emission factor uses.',
    values: labelled(GWP_SETS, {
      AR5: 'IPCC Fifth Assessment Report (2013)',
      AR6: 'IPCC Sixth Assessment Report (2021)',
    }),
  },
  {
    name: 'ActivityType',
    comment: 'The kind of activity an activity data line quantifies.',
    values: labelled(ACTIVITY_TYPES, {
      material: 'Material or purchased component',
      energy: 'Energy use',
      fuel: 'Fuel combustion',
      transport: 'Transport',
      process: 'Process emissions',
      waste: 'Waste treatment',
      'end-of-life-treatment': 'End-of-life treatment',
      service: 'Service',
    }),
  },
  {
    name: 'LineKind',
    comment:
      'What an activity data line is. Credits and removals are the only lines below zero; they add into their stage, scope and every total like any other line.',
    values: labelled(LINE_KINDS, {
      emission: 'Emission (the default)',
      credit: 'Credit (recycling, energy recovery, reuse, substitution)',
      removal: 'Technological removal (PACT ccsTechnologicalCO2Capture, technologicalCO2Removals)',
    }),
  },
  {
    name: 'CreditType',
    comment:
      'What a credit line credits. Offsets and avoided emissions are never lines (OFFSET_IN_FOOTPRINT): they are claims, outside every sum.',
    values: labelled(CREDIT_TYPES, {
      recycling: 'Recycling at end of life (material recovery)',
      'energy-recovery': 'Energy recovery at end of life',
      reuse: 'Reuse',
      'co-product-substitution': 'Substitution of a co-product (system expansion)',
      offset: 'Offset (refused: record it as a claim)',
      'avoided-emissions': 'Avoided emissions (refused: record them as a claim)',
    }),
  },
  {
    name: 'RemovalType',
    comment:
      'What a removal line removes; the removal lines add up to ccsTechnologicalCO2Capture + technologicalCO2Removals.',
    values: labelled(REMOVAL_TYPES, {
      'ccs-technological-capture':
        'Technological CO2 capture and storage (PACT ccsTechnologicalCO2Capture)',
      'technological-removal': 'Technological CO2 removal (PACT technologicalCO2Removals)',
    }),
  },
  {
    name: 'EndOfLifeModelling',
    comment: 'How end of life and recycled content are modelled.',
    values: labelled(END_OF_LIFE_MODELLINGS, {
      'cut-off': 'Cut-off (recycled content approach; no end-of-life credits)',
      'circular-footprint-formula':
        'Circular Footprint Formula (PEF, Recommendation (EU) 2021/2279)',
      'avoided-burden': 'Avoided burden (end-of-life recycling approach with credits)',
    }),
  },
  {
    name: 'ClaimType',
    comment: 'What a claim outside the footprint is; claims never reduce a footprint.',
    values: labelled(CLAIM_TYPES, {
      'carbon-offset': 'Carbon offset (retired carbon credits)',
      'avoided-emissions-claim': 'Avoided emissions (enabled outside the product life cycle)',
    }),
  },
  {
    name: 'BatteryCategory',
    comment: 'Battery categories of EU Regulation 2023/1542, Article 3.',
    values: labelled(BATTERY_CATEGORIES, {
      EV: 'Electric vehicle battery',
      LMT: 'Light means of transport battery',
      industrial: 'Industrial battery',
      'industrial-external-storage': 'Industrial battery with external storage',
      portable: 'Portable battery',
      SLI: 'Starting, lighting and ignition battery',
    }),
  },
  {
    name: 'VehicleCategory',
    comment:
      'UNECE vehicle categories (Consolidated Resolution R.E.3) of the vehicle a traction battery is made for.',
    values: labelled(VEHICLE_CATEGORIES, {
      M1: 'M1: passenger cars',
      N1: 'N1: light goods vehicles (up to 3.5 t)',
      L: 'L: two- and three-wheelers and quadricycles',
      M2: 'M2: buses up to 5 t',
      M3: 'M3: buses over 5 t',
      N2: 'N2: goods vehicles 3.5 t to 12 t',
      N3: 'N3: goods vehicles over 12 t',
    }),
  },
  {
    name: 'BatteryChemistry',
    comment: 'Cell chemistry (cathode family for lithium-ion).',
    values: labelled(BATTERY_CHEMISTRIES, {
      LFP: 'Lithium iron phosphate',
      NMC: 'Lithium nickel manganese cobalt oxide',
      NCA: 'Lithium nickel cobalt aluminium oxide',
      LMO: 'Lithium manganese oxide',
      LMFP: 'Lithium manganese iron phosphate',
      LTO: 'Lithium titanate anode',
      LCO: 'Lithium cobalt oxide',
      'sodium-ion': 'Sodium-ion',
      'lead-acid': 'Lead-acid',
      'other-chemistry': 'Other chemistry',
    }),
  },
  {
    name: 'BatteryLevel',
    comment: 'Where a battery sits in the assembly (EU 2023/1542 Art. 3(2)-(4)).',
    values: labelled(BATTERY_LEVELS, {
      cell: 'Cell',
      module: 'Module',
      pack: 'Pack',
      system: 'System (a pack with enclosure and balance of plant)',
    }),
  },
  {
    name: 'BatteryApplication',
    comment:
      'What the battery is used for; IEC 63369-1 excludes road-vehicle traction, light transport, portable devices and SLI.',
    values: labelled(BATTERY_APPLICATIONS, {
      'energy-storage': 'Stationary energy storage',
      ups: 'Uninterruptible power supply',
      'backup-power': 'Backup power (telecom, data centre)',
      'road-vehicle-traction': 'Road-vehicle traction (electric vehicles)',
      'industrial-traction': 'Industrial traction (forklifts, AGVs, rail, ships)',
      'light-transport': 'Light means of transport',
      'portable-device': 'Portable device',
      'starting-lighting-ignition': 'Starting, lighting and ignition',
      'other-application': 'Other application',
    }),
  },
  {
    name: 'FunctionalUnitKind',
    comment: 'What the functional unit of a battery footprint is.',
    values: labelled(FUNCTIONAL_UNIT_KINDS, {
      'cumulated-requested-service': 'Cumulated requested service (IEC 63369-1)',
      'lifetime-energy': 'Total energy over the service life (EU 2023/1542 Art. 7)',
      'rated-energy': 'Rated energy (cell or module intermediate data)',
      'declared-unit': 'The declared unit of the footprint',
    }),
  },
  {
    name: 'DeclarationFramework',
    comment: 'The method a battery carbon footprint declaration follows.',
    values: labelled(DECLARATION_FRAMEWORKS, {
      'iec-63369-1': 'IEC 63369-1 (industrial lithium-ion batteries, use stage included)',
      'eu-2023-1542': 'Regulation (EU) 2023/1542 Art. 7 (use stage excluded)',
      'other-framework': 'Another framework',
    }),
  },
  {
    name: 'VerificationLevel',
    comment: 'Assurance level of a third-party verification (ISO 14064-3).',
    values: labelled(VERIFICATION_LEVELS, {
      limited: 'Limited assurance',
      reasonable: 'Reasonable assurance',
    }),
  },
  {
    name: 'VerificationOpinion',
    comment: 'The opinion a verifier gives on a GHG statement (ISO 14064-3:2019).',
    values: labelled(VERIFICATION_OPINIONS, {
      unmodified: 'Unmodified opinion: fairly stated, free of material misstatement',
      modified: 'Modified opinion: fairly stated except for the matters described',
      adverse: 'Adverse opinion: materially misstated',
      disclaimer: 'Disclaimer: no opinion, for lack of sufficient evidence',
    }),
  },
  {
    name: 'ClassificationScheme',
    comment: 'Product classification schemes.',
    values: labelled(CLASSIFICATION_SCHEMES, {
      'un-cpc': 'UN Central Product Classification',
      hs: 'Harmonized System (WCO)',
      cn: 'EU Combined Nomenclature',
      eclass: 'ECLASS',
      unspsc: 'UNSPSC',
    }),
  },
]

const d = (
  term: string,
  range: TermRange,
  group: string,
  label: string,
  comment: string,
  extra: Partial<Pick<PropertyDefinition, 'enumeration' | 'set' | 'scoped'>> = {},
): PropertyDefinition => ({ term, range, group, label, comment, ...extra })

/** `a, b or c`: the values of a short enumeration in prose. */
const orList = (values: readonly string[]) =>
  values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

const PER_DU = 'kgCO2e per declared unit (Decimal string).'

export const properties: readonly PropertyDefinition[] = [
  // The passport (credential subject)
  d(
    'precedingPassports',
    'iri',
    'CarbonPassport',
    'Preceding passports',
    'Ids of the passports this version replaces.',
    { set: true },
  ),
  d('product', 'node', 'CarbonPassport', 'Product', 'The product the passport is about.'),
  d(
    'footprint',
    'node',
    'CarbonPassport',
    'Footprint',
    'The carbon footprint (PACT v3 CarbonFootprint fields plus boundary, stages and scopes).',
  ),
  d(
    'activityData',
    'node',
    'CarbonPassport',
    'Activity data',
    'Activity data lines that make up the footprint.',
    { set: true },
  ),
  d(
    'components',
    'node',
    'CarbonPassport',
    'Components',
    'Upstream product passports, referenced by id and digest.',
    { set: true },
  ),
  d(
    'battery',
    'node',
    'CarbonPassport',
    'Battery',
    'Battery-specific data (EU 2023/1542, IEC 63369-1); inside it, `level` means batteryLevel.',
    { scoped: { level: 'batteryLevel' } },
  ),
  d(
    'verification',
    'node',
    'CarbonPassport',
    'Verification',
    'Third-party verification of the footprint.',
  ),

  // Product
  d(
    'identifiers',
    'iri',
    'Product',
    'Identifiers',
    'IRIs that identify the product: GS1 Digital Link URIs preferred, URNs accepted.',
    { set: true },
  ),
  d(
    'classifications',
    'node',
    'Product',
    'Classifications',
    'Product classification codes (UN CPC, HS, …).',
    { set: true },
  ),
  d('scheme', 'vocab', 'Classification', 'Scheme', 'The classification scheme.', {
    enumeration: 'ClassificationScheme',
  }),
  d('code', 'string', 'Classification', 'Code', 'The code within the scheme.'),
  d(
    'manufacturer',
    'node',
    'Product',
    'Manufacturer',
    'The organisation that makes the product; its id is a DID or another IRI.',
  ),
  d(
    'manufacturingSite',
    'node',
    'Product',
    'Manufacturing site',
    'The plant where the product is made (EU 2023/1542 Art. 7(1)(c)).',
  ),
  d('address', 'string', 'Site', 'Address', 'Postal address, one line.'),
  d('country', 'string', 'Organization or site', 'Country', 'ISO 3166-1 alpha-2 country code.'),
  d(
    'countryOfProduction',
    'string',
    'Product',
    'Country of production',
    'ISO 3166-1 alpha-2 code of the country where the product was made.',
  ),
  d(
    'granularity',
    'vocab',
    'Product / activity data',
    'Granularity',
    'What the passport or activity data line describes: an item, a batch, a model, or coarser-level data.',
    { enumeration: 'Granularity' },
  ),
  d('modelNumber', 'string', 'Product', 'Model number', 'Manufacturer model or type designation.'),
  d(
    'batchNumber',
    'string',
    'Product',
    'Batch number',
    'Batch or lot number, when the granularity is batch.',
  ),
  d(
    'serialNumber',
    'string',
    'Product',
    'Serial number',
    'Serial number, when the granularity is item.',
  ),

  // Footprint: PACT v3 CarbonFootprint fields, same names and encodings
  d(
    'declaredUnitOfMeasurement',
    'string',
    'Footprint',
    'Declared unit of measurement',
    `PACT v3 declared unit (${DECLARED_UNITS.join(', ')}).`,
  ),
  d(
    'declaredUnitAmount',
    'decimal',
    'Footprint',
    'Declared unit amount',
    'Amount of the declared unit contained in the product (PACT v3).',
  ),
  d(
    'productMassPerDeclaredUnit',
    'decimal',
    'Footprint',
    'Product mass per declared unit',
    'Mass of the product per declared unit, in kg (PACT v3).',
  ),
  d(
    'referencePeriodStart',
    'dateTime',
    'Footprint',
    'Reference period start',
    'Start of the period the footprint data covers (inclusive).',
  ),
  d(
    'referencePeriodEnd',
    'dateTime',
    'Footprint',
    'Reference period end',
    'End of the period the footprint data covers (exclusive).',
  ),
  d(
    'geographyRegionOrSubregion',
    'string',
    'Footprint',
    'Geography: region',
    'UN M49 region or subregion name (PACT v3).',
  ),
  d(
    'geographyCountry',
    'string',
    'Footprint',
    'Geography: country',
    'ISO 3166-1 alpha-2 country code (PACT v3).',
  ),
  d(
    'geographyCountrySubdivision',
    'string',
    'Footprint',
    'Geography: subdivision',
    'ISO 3166-2 subdivision code (PACT v3).',
  ),
  d(
    'boundaryProcessesDescription',
    'string',
    'Footprint',
    'Boundary processes description',
    'Processes included in the system boundary (PACT v3).',
  ),
  d(
    'pcfExcludingBiogenicUptake',
    'decimal',
    'Footprint',
    'PCF excluding biogenic uptake',
    `Product carbon footprint excluding biogenic CO2 uptake, ${PER_DU}`,
  ),
  d(
    'pcfIncludingBiogenicUptake',
    'decimal',
    'Footprint',
    'PCF including biogenic uptake',
    `Product carbon footprint including biogenic CO2 uptake, ${PER_DU}`,
  ),
  d(
    'fossilGhgEmissions',
    'decimal',
    'Footprint',
    'Fossil GHG emissions',
    `Emissions from fossil sources, ${PER_DU}`,
  ),
  d(
    'fossilCarbonContent',
    'decimal',
    'Footprint',
    'Fossil carbon content',
    'Fossil carbon content, kgC per declared unit.',
  ),
  d(
    'biogenicCarbonContent',
    'decimal',
    'Footprint',
    'Biogenic carbon content',
    'Biogenic carbon content, kgC per declared unit.',
  ),
  d(
    'recycledCarbonContent',
    'decimal',
    'Footprint',
    'Recycled carbon content',
    'Recycled carbon content, kgC per declared unit.',
  ),
  d(
    'landUseChangeGhgEmissions',
    'decimal',
    'Footprint',
    'Land use change GHG emissions',
    `Direct land use change emissions, ${PER_DU}`,
  ),
  d(
    'landCarbonLeakage',
    'decimal',
    'Footprint',
    'Land carbon leakage',
    `Indirect land use change emissions, ${PER_DU}`,
  ),
  d(
    'landManagementFossilGhgEmissions',
    'decimal',
    'Footprint',
    'Land management fossil GHG emissions',
    `Fossil emissions from land management, ${PER_DU}`,
  ),
  d(
    'landManagementBiogenicCO2Emissions',
    'decimal',
    'Footprint',
    'Land management biogenic CO2 emissions',
    `Biogenic CO2 emissions from land management, ${PER_DU}`,
  ),
  d(
    'landManagementBiogenicCO2Removals',
    'decimal',
    'Footprint',
    'Land management biogenic CO2 removals',
    `Biogenic CO2 removals from land management (≤ 0), ${PER_DU}`,
  ),
  d(
    'biogenicNonCO2Emissions',
    'decimal',
    'Footprint',
    'Biogenic non-CO2 emissions',
    `Biogenic emissions of gases other than CO2, ${PER_DU}`,
  ),
  d(
    'biogenicCO2Uptake',
    'decimal',
    'Footprint',
    'Biogenic CO2 uptake',
    `Biogenic CO2 uptake (≤ 0), ${PER_DU}`,
  ),
  d(
    'landAreaOccupation',
    'decimal',
    'Footprint',
    'Land area occupation',
    'Land area occupied, m²·year per declared unit.',
  ),
  d(
    'aircraftGhgEmissions',
    'decimal',
    'Footprint',
    'Aircraft GHG emissions',
    `Emissions from air transport, ${PER_DU}`,
  ),
  d(
    'packagingEmissionsIncluded',
    'boolean',
    'Footprint',
    'Packaging emissions included',
    'Whether packaging emissions are included in the PCF.',
  ),
  d(
    'packagingGhgEmissions',
    'decimal',
    'Footprint',
    'Packaging GHG emissions',
    `Emissions from packaging, ${PER_DU}`,
  ),
  d(
    'packagingBiogenicCarbonContent',
    'decimal',
    'Footprint',
    'Packaging biogenic carbon content',
    'Biogenic carbon in packaging, kgC per declared unit.',
  ),
  d(
    'outboundLogisticsGhgEmissions',
    'decimal',
    'Footprint',
    'Outbound logistics GHG emissions',
    `Outbound logistics emissions, ${PER_DU}`,
  ),
  d(
    'ccsTechnologicalCO2CaptureIncluded',
    'boolean',
    'Footprint',
    'CCS capture included',
    'Whether technological CO2 capture and storage is included.',
  ),
  d(
    'ccsTechnologicalCO2Capture',
    'decimal',
    'Footprint',
    'CCS technological CO2 capture',
    `Technological CO2 captured and stored (≤ 0), ${PER_DU}`,
  ),
  d(
    'technologicalCO2CaptureOrigin',
    'string',
    'Footprint',
    'Technological CO2 capture origin',
    'Where the captured CO2 comes from.',
  ),
  d(
    'technologicalCO2Removals',
    'decimal',
    'Footprint',
    'Technological CO2 removals',
    `Technological CO2 removals (≤ 0), ${PER_DU}`,
  ),
  d(
    'ccuCarbonContent',
    'decimal',
    'Footprint',
    'CCU carbon content',
    'Carbon from carbon capture and utilisation, kgC per declared unit.',
  ),
  d(
    'ccuCalculationApproach',
    'string',
    'Footprint',
    'CCU calculation approach',
    `${orList(CCU_CALCULATION_APPROACHES)} (PACT v3).`,
  ),
  d(
    'ccuCreditCertification',
    'iri',
    'Footprint',
    'CCU credit certification',
    'Link to the certification of CCU credits.',
  ),
  d(
    'ipccCharacterizationFactors',
    'string',
    'Footprint',
    'IPCC characterization factors',
    'IPCC assessment reports whose GWP factors were used (AR5, AR6, …).',
    { set: true },
  ),
  d(
    'crossSectoralStandards',
    'string',
    'Footprint',
    'Cross-sectoral standards',
    'Standards followed (ISO14067, GHGP-Product, PACT-3.0, …); an open list.',
    { set: true },
  ),
  d(
    'productOrSectorSpecificRules',
    'node',
    'Footprint',
    'Product or sector specific rules',
    'Product category rules followed (PACT v3).',
    { set: true },
  ),
  d(
    'operator',
    'string',
    'Product or sector specific rule',
    'Operator',
    `${orList(RULE_OPERATORS)} (PACT v3).`,
  ),
  d(
    'ruleNames',
    'string',
    'Product or sector specific rule',
    'Rule names',
    'Names of the rules followed.',
    { set: true },
  ),
  d(
    'otherOperatorName',
    'string',
    'Product or sector specific rule',
    'Other operator name',
    'The operator name, when the operator is Other.',
  ),
  d(
    'secondaryEmissionFactorSources',
    'node',
    'Footprint',
    'Secondary emission factor sources',
    'Databases of secondary emission factors used (PACT v3).',
    { set: true },
  ),
  d('version', 'string', 'Emission factor source', 'Version', 'Version of a database or dataset.'),
  d(
    'exemptedEmissionsPercent',
    'decimal',
    'Footprint',
    'Exempted emissions percent',
    'Share of emissions excluded from the PCF, in percent.',
  ),
  d(
    'exemptedEmissionsDescription',
    'string',
    'Footprint',
    'Exempted emissions description',
    'What was excluded and why.',
  ),
  d(
    'allocationRulesDescription',
    'string',
    'Footprint',
    'Allocation rules description',
    'Allocation rules applied.',
  ),
  d(
    'primaryDataShare',
    'decimal',
    'Footprint',
    'Primary data share',
    'Share of the PCF computed from primary data, in percent.',
  ),
  d('dqi', 'node', 'Footprint', 'Data quality indicators', 'PACT v3 data quality ratings.'),
  d(
    'endOfLifeModelling',
    'vocab',
    'Footprint',
    'End-of-life modelling',
    'How end of life and recycled content are modelled: cut-off (no credit lines), the Circular Footprint Formula (with its parameters) or avoided burden.',
    { enumeration: 'EndOfLifeModelling' },
  ),
  d(
    'circularFootprintFormula',
    'node',
    'Footprint',
    'Circular Footprint Formula',
    'The CFF parameters (PEF, Recommendation (EU) 2021/2279 Annex I), each from 0 to 1.',
  ),
  d(
    'materialAllocationFactor',
    'decimal',
    'Circular Footprint Formula',
    'A',
    'Allocation of burdens and credits between supplier and user of recycled material.',
  ),
  d(
    'recycledContentInput',
    'decimal',
    'Circular Footprint Formula',
    'R1',
    'Share of recycled content in the input material.',
  ),
  d(
    'recyclingOutputRate',
    'decimal',
    'Circular Footprint Formula',
    'R2',
    'Share of the material recycled at end of life.',
  ),
  d(
    'energyRecoveryRate',
    'decimal',
    'Circular Footprint Formula',
    'R3',
    'Share of the material sent to energy recovery at end of life.',
  ),
  d(
    'energyAllocationFactor',
    'decimal',
    'Circular Footprint Formula',
    'B',
    'Allocation factor of energy recovery processes.',
  ),
  d(
    'qualityRatioInput',
    'decimal',
    'Circular Footprint Formula',
    'Qsin/Qp',
    'Quality of the recycled input against the primary material.',
  ),
  d(
    'qualityRatioOutput',
    'decimal',
    'Circular Footprint Formula',
    'Qsout/Qp',
    'Quality of the recycled output against the primary material.',
  ),
  d(
    'lifeCycleTotals',
    'node',
    'Passport',
    'Life-cycle totals',
    'The footprint beyond the gate (cradle to grave, or excluding use) beside the cradle-to-gate PACT block: its boundary, its stages and its totalFootprint, which its stages and all activity lines add up to.',
  ),
  d(
    'claims',
    'node',
    'Passport',
    'Claims',
    'Offsets and avoided emissions, recorded outside every sum; they never reduce a footprint.',
    { set: true },
  ),
  d('claimType', 'vocab', 'Claim', 'Claim type', 'An offset or avoided emissions.', {
    enumeration: 'ClaimType',
  }),
  d(
    'claimEvidence',
    'iri',
    'Claim',
    'Claim evidence',
    'The certificate, registry entry or study behind the claim.',
  ),
  d(
    'technologicalDQR',
    'decimal',
    'Data quality',
    'Technological DQR',
    'Technological data quality rating, 1 (best) to 5.',
  ),
  d(
    'geographicalDQR',
    'decimal',
    'Data quality',
    'Geographical DQR',
    'Geographical data quality rating, 1 (best) to 5.',
  ),
  d(
    'temporalDQR',
    'decimal',
    'Data quality',
    'Temporal DQR',
    'Temporal data quality rating, 1 (best) to 5.',
  ),
  d(
    'systemBoundary',
    'vocab',
    'Footprint / declaration',
    'System boundary',
    'The life-cycle boundary of the footprint (cradle to gate for PACT), of the life-cycle totals or of a battery declaration.',
    { enumeration: 'SystemBoundary' },
  ),
  d(
    'lifecycleStages',
    'node',
    'Footprint',
    'Life-cycle stages',
    'Emissions per life-cycle stage; they add up to pcfExcludingBiogenicUptake (inside lifeCycleTotals, to its totalFootprint).',
    { set: true },
  ),
  d('stage', 'vocab', 'Life-cycle stage', 'Stage', 'The life-cycle stage.', {
    enumeration: 'LifecycleStage',
  }),
  d(
    'scopeBreakdown',
    'node',
    'Footprint',
    'Scope breakdown',
    'Emissions by GHG Protocol scope; they add up to pcfExcludingBiogenicUptake.',
  ),
  d('scope1', 'decimal', 'Scope breakdown', 'Scope 1', `Direct emissions, ${PER_DU}`),
  d(
    'scope2',
    'decimal',
    'Scope breakdown',
    'Scope 2',
    `Indirect emissions from purchased energy, ${PER_DU}`,
  ),
  d(
    'scope3',
    'node',
    'Scope breakdown',
    'Scope 3',
    'Other indirect emissions, by GHG Protocol scope 3 category; inside it, `category` means scope3Category.',
    { set: true, scoped: { category: 'scope3Category' } },
  ),
  d('emissions', 'decimal', 'Emissions', 'Emissions', `Emissions, ${PER_DU}`),

  // Activity data
  d('activity', 'string', 'Activity data line', 'Activity', 'What was done or bought, in words.'),
  d('activityType', 'vocab', 'Activity data line', 'Activity type', 'The kind of activity.', {
    enumeration: 'ActivityType',
  }),
  d(
    'quantity',
    'decimal',
    'Quantity',
    'Quantity',
    'An amount, in the unit given next to it (Decimal string).',
  ),
  d(
    'unit',
    'string',
    'Quantity',
    'Unit',
    'UN/ECE Recommendation 20 unit code (KGM, KWH, TKM, …); unambiguous UCUM codes are accepted.',
  ),
  d(
    'period',
    'node',
    'Activity data line',
    'Period',
    'The period the activity data was collected over.',
  ),
  d('start', 'dateTime', 'Period', 'Start', 'Start of a period (inclusive).'),
  d('end', 'dateTime', 'Period', 'End', 'End of a period (exclusive).'),
  d(
    'temporalResolution',
    'duration',
    'Activity data line',
    'Temporal resolution',
    'The time resolution of the underlying data, as an ISO 8601 duration (PT1H hourly, P1M monthly, P1Y yearly).',
  ),
  d(
    'lifecycleStage',
    'vocab',
    'Activity data line',
    'Life-cycle stage',
    'The life-cycle stage the activity belongs to.',
    { enumeration: 'LifecycleStage' },
  ),
  d(
    'scope',
    'integer',
    'Activity data line',
    'Scope',
    'GHG Protocol scope, 1 to 3, from the reporting company’s point of view.',
  ),
  d(
    'scope3Category',
    'integer',
    'Activity data line',
    'Scope 3 category',
    'GHG Protocol scope 3 category, 1 to 15, when the scope is 3.',
  ),
  d(
    'emissionFactor',
    'node',
    'Activity data line',
    'Emission factor',
    'The emission factor applied to the quantity.',
  ),
  d('value', 'decimal', 'Emission factor', 'Value', 'The factor, in its unit (Decimal string).'),
  d(
    'source',
    'node',
    'Emission factor',
    'Source',
    'The database or supplier the factor comes from.',
  ),
  d(
    'datasetId',
    'string',
    'Emission factor source',
    'Dataset id',
    'The dataset or process identifier within the source.',
  ),
  d(
    'provenance',
    'vocab',
    'Emission factor',
    'Provenance',
    `${capitalised(orList(EMISSION_FACTOR_PROVENANCES))}.`,
    { enumeration: 'EmissionFactorProvenance' },
  ),
  d(
    'geography',
    'string',
    'Emission factor',
    'Geography',
    'ISO 3166-1 alpha-2 code, ISO 3166-2 code, or a region name (GLO for global).',
  ),
  d(
    'referenceYear',
    'integer',
    'Emission factor',
    'Reference year',
    'The year the factor represents.',
  ),
  d(
    'lineKind',
    'vocab',
    'Activity data line',
    'Line kind',
    'An emission (the default), a credit or a removal. Only credits and removals are below zero; each adds into its stage, its scope (and scope 3 category) and every total like any other line.',
    { enumeration: 'LineKind' },
  ),
  d('creditType', 'vocab', 'Activity data line', 'Credit type', 'What a credit line credits.', {
    enumeration: 'CreditType',
  }),
  d('removalType', 'vocab', 'Activity data line', 'Removal type', 'What a removal line removes.', {
    enumeration: 'RemovalType',
  }),
  d(
    'upstreamPassport',
    'iri',
    'Activity data line',
    'Upstream passport',
    'The passport of the purchased component this line accounts for.',
  ),
  d(
    'gasesCovered',
    'vocab',
    'Emission factor',
    'Gases covered',
    'CO2 only, or all GHGs as CO2e (the default when absent).',
    { enumeration: 'GasesCovered' },
  ),
  d(
    'lifeCycleScope',
    'vocab',
    'Emission factor',
    'Life-cycle scope',
    'What the factor covers: tank-to-wheel, well-to-wheel, combustion, or the cradle-to-gate of the input.',
    { enumeration: 'FactorLifeCycleScope' },
  ),
  d(
    'gwpSet',
    'vocab',
    'Emission factor',
    'GWP set',
    'The IPCC assessment report whose GWP100 values the factor uses.',
    { enumeration: 'GwpSet' },
  ),
  d(
    'electricity',
    'node',
    'Activity data line',
    'Electricity',
    'How the line’s electricity was modelled: basis and contractual instrument.',
  ),
  d(
    'basis',
    'vocab',
    'Electricity',
    'Basis',
    'Location-based or market-based (GHG Protocol Scope 2 Guidance).',
    { enumeration: 'ElectricityBasis' },
  ),
  d(
    'instrument',
    'vocab',
    'Electricity',
    'Contractual instrument',
    'The contractual instrument of a market-based line (PPA, guarantee of origin, residual mix, …).',
    { enumeration: 'ContractualInstrument' },
  ),
  d(
    'instrumentId',
    'string',
    'Electricity',
    'Instrument id',
    'The instrument’s identifier: contract, certificate or cancellation number.',
  ),

  // Components
  d('passport', 'iri', 'Component', 'Passport', 'Id of the upstream passport.'),

  // Battery
  d(
    'batteryLevel',
    'vocab',
    'Battery',
    'Battery level',
    'Where the battery sits in the assembly: cell, module, pack or system (written `level` inside battery).',
    { enumeration: 'BatteryLevel' },
  ),
  d(
    'placedOnMarketAsBattery',
    'boolean',
    'Battery',
    'Placed on the market as a battery',
    'Whether a cell or module is made available for end use without further incorporation, and so is a battery itself (EU 2023/1542 Art. 1).',
  ),
  d('category', 'vocab', 'Battery', 'Battery category', 'EU 2023/1542 battery category.', {
    enumeration: 'BatteryCategory',
  }),
  d('chemistry', 'vocab', 'Battery', 'Chemistry', 'Cell chemistry.', {
    enumeration: 'BatteryChemistry',
  }),
  d('application', 'vocab', 'Battery', 'Application', 'What the battery is used for.', {
    enumeration: 'BatteryApplication',
  }),
  d('ratedEnergy', 'decimal', 'Battery', 'Rated energy', 'Rated energy at beginning of life, kWh.'),
  d('ratedCapacity', 'decimal', 'Battery', 'Rated capacity', 'Rated capacity, Ah.'),
  d('nominalVoltage', 'decimal', 'Battery', 'Nominal voltage', 'Nominal voltage, V.'),
  d(
    'usableEnergy',
    'decimal',
    'Battery',
    'Usable energy',
    'Usable energy at beginning of life, kWh (EU lifetime-energy formula).',
  ),
  d(
    'cyclesPerYear',
    'decimal',
    'Battery',
    'Cycles per year',
    'Full equivalent cycles per year (EU lifetime-energy formula).',
  ),
  d(
    'vehicleCategory',
    'vocab',
    'Battery',
    'Vehicle category',
    'UNECE category of the vehicle the battery is made for; sets the draft EV act cycles per year (M1, N1: 60; L: 20; M2, M3, N2, N3: 250).',
    { enumeration: 'VehicleCategory' },
  ),
  d(
    'serviceLifeYears',
    'decimal',
    'Battery',
    'Service life',
    'Expected service life, years (EU lifetime-energy formula).',
  ),
  d(
    'warrantyYears',
    'decimal',
    'Battery',
    'Warranty life',
    'Warranty life, years (EU lifetime-energy formula of EV and LMT batteries).',
  ),
  d(
    'cumulatedRequestedService',
    'node',
    'Battery',
    'Cumulated requested service',
    'The service the battery must deliver over its life under stated conditions (IEC 63369-1).',
  ),
  d(
    'energyThroughput',
    'decimal',
    'Cumulated requested service',
    'Energy throughput',
    'Energy delivered over the service life, kWh: rated energy × equivalent full cycles.',
  ),
  d(
    'equivalentFullCycles',
    'decimal',
    'Cumulated requested service',
    'Equivalent full cycles',
    'Equivalent full cycles over the service life: energy throughput over rated energy, so depth of discharge is already in it.',
  ),
  d(
    'depthOfDischarge',
    'decimal',
    'Cumulated requested service',
    'Depth of discharge',
    'Depth of discharge per cycle, percent (a service condition, not a factor of the throughput).',
  ),
  d(
    'cRate',
    'decimal',
    'Cumulated requested service',
    'C-rate',
    'Charge and discharge rate, in multiples of the capacity per hour.',
  ),
  d(
    'temperature',
    'decimal',
    'Cumulated requested service',
    'Temperature',
    'Operating temperature, °C.',
  ),
  d(
    'calendarLife',
    'decimal',
    'Cumulated requested service',
    'Calendar life',
    'Calendar life, years.',
  ),
  d(
    'endOfLifeStateOfHealth',
    'decimal',
    'Cumulated requested service',
    'End-of-life state of health',
    'State of health at end of life, percent of rated capacity.',
  ),
  d(
    'declarations',
    'node',
    'Battery',
    'Declarations',
    'The carbon footprint declarations, one per framework (IEC 63369-1, EU 2023/1542 Art. 7, others).',
    { set: true },
  ),
  d('framework', 'vocab', 'Declaration', 'Framework', 'The method the declaration follows.', {
    enumeration: 'DeclarationFramework',
  }),
  d(
    'methodology',
    'node',
    'Declaration',
    'Methodology',
    'The standard or rules followed: name, version and the PCR or delegated act (reference).',
  ),
  d(
    'reference',
    'string',
    'Methodology',
    'Reference',
    'The PCR or delegated act the methodology is taken from, by citation or IRI.',
  ),
  d(
    'totalFootprint',
    'decimal',
    'Declaration',
    'Total footprint',
    'kgCO2e per declared unit within the boundary of a declaration or of the life-cycle totals: the life-cycle stages summed over the stages inside it.',
  ),
  d(
    'functionalUnit',
    'node',
    'Declaration',
    'Functional unit',
    'The functional unit: its kind and, as its quantity, the total service over the life (the CRS energy throughput, or the EU lifetime energy) that footprintPerFunctionalUnit × quantity turns back into the absolute footprint.',
  ),
  d('kind', 'vocab', 'Functional unit', 'Kind', 'What the functional unit is.', {
    enumeration: 'FunctionalUnitKind',
  }),
  d(
    'footprintPerFunctionalUnit',
    'decimal',
    'Declaration',
    'Footprint per functional unit',
    'kgCO2e per unit of the functional unit (for example per kWh).',
  ),
  d(
    'lifecycleStagesPerFunctionalUnit',
    'node',
    'Declaration',
    'Life-cycle stages per functional unit',
    'Stage emissions per unit of the functional unit (EU 2023/1542 Art. 7(1)(e)).',
    { set: true },
  ),
  d(
    'performanceClass',
    'string',
    'Declaration',
    'Performance class',
    'EU carbon footprint performance class (A is best); no class act is in force yet.',
  ),
  d(
    'performanceClassScheme',
    'string',
    'Declaration',
    'Performance class scheme',
    'The act (and version) whose thresholds define the performance class.',
  ),
  d(
    'studyUrl',
    'iri',
    'Declaration',
    'Study URL',
    'Web link to the public version of the supporting study (Art. 7(1)(g)).',
  ),
  d(
    'declarationOfConformityId',
    'string',
    'Declaration',
    'Declaration of conformity id',
    'Identifier of the EU declaration of conformity (Art. 7(1)(f)).',
  ),

  // Verification
  d('providerName', 'string', 'Verification', 'Provider name', 'Name of the verification body.'),
  d('providerId', 'iri', 'Verification', 'Provider id', 'DID or IRI of the verification body.'),
  d(
    'standardName',
    'string',
    'Verification',
    'Standard',
    'Verification standard (ISO 14064-3, ISO 14067, …).',
  ),
  d('level', 'vocab', 'Verification', 'Level', 'Assurance level.', {
    enumeration: 'VerificationLevel',
  }),
  d(
    'completedAt',
    'dateTime',
    'Verification',
    'Completed at',
    'When the verification was completed.',
  ),
  d(
    'notifiedBodyId',
    'string',
    'Verification',
    'Notified body id',
    'Four-digit identification number of the EU notified body (EU 2023/1542 Art. 17(2)).',
  ),
  d(
    'certificateReference',
    'string',
    'Verification',
    'Certificate reference',
    'Reference of the notified body’s certificate (module D1 approval or module G certificate).',
  ),

  // Attestation (the subject of a CarbonPassportAttestation; standardName, level and completedAt too)
  d(
    'opinion',
    'vocab',
    'Attestation',
    'Opinion',
    'The verifier’s opinion on the attested figures (ISO 14064-3:2019).',
    { enumeration: 'VerificationOpinion' },
  ),
  d(
    'verificationScope',
    'string',
    'Attestation',
    'Verification scope',
    'What was verified: the boundary, period, sites and figures the opinion covers.',
  ),
  d(
    'materialityPercent',
    'decimal',
    'Attestation',
    'Materiality',
    'The materiality threshold, a percentage of the attested figures (Decimal string).',
  ),
  d(
    'verificationStatement',
    'string',
    'Attestation',
    'Verification statement',
    'The text of the verification statement, or a summary of it.',
  ),
  d(
    'accreditation',
    'node',
    'Attestation',
    'Accreditation',
    'The verification body’s accreditation (ISO 14065:2020 or ISO/IEC 17029:2019).',
  ),
  d(
    'accreditationBody',
    'string',
    'Accreditation',
    'Accreditation body',
    'The accreditation body that accredited the verifier.',
  ),
  d(
    'accreditationNumber',
    'string',
    'Accreditation',
    'Accreditation number',
    'The verifier’s accreditation number or identifier with that body.',
  ),
  d(
    'accreditationScheme',
    'string',
    'Accreditation',
    'Accreditation scheme',
    'The standard the accreditation is under (ISO 14065:2020, ISO/IEC 17029:2019, …).',
  ),
  d(
    'verifiedFigures',
    'node',
    'Attestation',
    'Verified figures',
    'The figures of the passport the opinion covers, each by JSON Pointer and value.',
    { set: true },
  ),
  d(
    'pointer',
    'string',
    'Verified figure',
    'Pointer',
    'JSON Pointer (RFC 6901) of the figure in the attested passport credential.',
  ),
  d(
    'verifiedValue',
    'string',
    'Verified figure',
    'Verified value',
    'The figure as verified, exactly as the passport states it (a Decimal string or a unit).',
  ),

  // Organisation and site identifiers
  d(
    'partyIds',
    'node',
    'Organization or site',
    'Party identifiers',
    'Registered identifiers of an organisation or a site, one per scheme.',
  ),
  d(
    'gln',
    'string',
    'Party identifiers',
    'GLN',
    'GS1 Global Location Number: 13 digits, the last a GS1 mod-10 check digit.',
  ),
  d(
    'lei',
    'string',
    'Party identifiers',
    'LEI',
    'Legal Entity Identifier (ISO 17442): 18 alphanumerics and 2 check digits (ISO 7064 MOD 97-10).',
  ),
  d(
    'uscc',
    'string',
    'Party identifiers',
    'USCC',
    'China Unified Social Credit Code (GB 32100-2015): 18 characters, the last a mod-31 check character.',
  ),
  d(
    'eori',
    'string',
    'Party identifiers / importer',
    'EORI',
    'EU Economic Operators Registration and Identification number.',
  ),
  d('duns', 'string', 'Party identifiers', 'DUNS', 'Dun & Bradstreet D-U-N-S number, 9 digits.'),
  d(
    'bpn',
    'string',
    'Party identifiers',
    'BPN',
    'Catena-X Business Partner Number (BPNL, BPNS or BPNA).',
  ),

  // Customs
  d(
    'customs',
    'node',
    'CarbonPassport',
    'Customs',
    'What customs and the EU registries check: CN code, origin, importer, registry id and CBAM embedded emissions.',
  ),
  d(
    'cnCode',
    'string',
    'Customs',
    'CN code',
    'EU Combined Nomenclature code, 8 digits; its first 6 are the HS code.',
  ),
  d(
    'countryOfOrigin',
    'string',
    'Customs',
    'Country of origin',
    'ISO 3166-1 alpha-2 code of the non-preferential origin (Regulation (EU) 952/2013 Art. 59-63), apart from the country of production.',
  ),
  d('importer', 'node', 'Customs', 'Importer', 'The importer into the EU: name and EORI number.'),
  d(
    'dppRegistryId',
    'string',
    'Customs',
    'DPP registry id',
    'The registration identifier in the EU digital product passport registry (Regulation (EU) 2024/1781 Art. 13).',
  ),
  d(
    'cbam',
    'node',
    'Customs',
    'CBAM embedded emissions',
    'CBAM embedded emissions of the good (Regulation (EU) 2023/956 Annex IV), never derived from the PCF.',
  ),
  d(
    'directEmbeddedEmissions',
    'decimal',
    'CBAM embedded emissions',
    'Direct embedded emissions',
    'Specific direct embedded emissions, tCO2e per tonne of the good.',
  ),
  d(
    'indirectEmbeddedEmissions',
    'decimal',
    'CBAM embedded emissions',
    'Indirect embedded emissions',
    'Specific indirect embedded emissions (electricity), tCO2e per tonne of the good.',
  ),
  d(
    'productionRoute',
    'string',
    'CBAM embedded emissions',
    'Production route',
    'The production route (Implementing Regulation (EU) 2023/1773), for example EAF.',
  ),
  d(
    'installationId',
    'string',
    'CBAM embedded emissions',
    'Installation id',
    'The identifier of the installation that made the good.',
  ),
  d(
    'carbonPricePaid',
    'node',
    'CBAM embedded emissions',
    'Carbon price paid',
    'The carbon price paid in the country of origin (Regulation (EU) 2023/956 Art. 9).',
  ),
  d('amount', 'decimal', 'Carbon price', 'Amount', 'An amount of money per tonne of the good.'),
  d('currency', 'string', 'Carbon price', 'Currency', 'ISO 4217 currency code.'),
  d(
    'attestation',
    'node',
    'Verification',
    'Attestation',
    'The verifier’s attestation credential, by id and digest.',
  ),
  d('comment', 'string', 'General', 'Comment', 'Free-text remarks.'),

  // PACT: what a WBCSD PACT ProductFootprint carries that has no other place in the passport, kept so
  // that PACT → passport → PACT gives back the same document (src/interop/pact, docs/interop.md).
  d(
    'pact',
    'node',
    'CarbonPassport',
    'PACT record',
    'The WBCSD PACT ProductFootprint members the passport has no other place for (spec version, status, validity period, extensions, v2-only values), kept so that a PACT export reproduces the source.',
  ),
  d(
    'specVersion',
    'string',
    'PACT record',
    'Spec version',
    'The PACT Technical Specifications version of the ProductFootprint (`3.0.0`, `2.3.0`, …), or of a DataModelExtension.',
  ),
  d(
    'status',
    'string',
    'PACT record',
    'Status',
    'PACT ProductFootprint status: `Active` or `Deprecated`.',
  ),
  d(
    'statusComment',
    'string',
    'PACT record',
    'Status comment',
    'Why the PACT ProductFootprint has its status (PACT v2 only).',
  ),
  d(
    'updated',
    'dateTime',
    'PACT record',
    'Updated',
    'When the PACT ProductFootprint was last updated (PACT v2 only).',
  ),
  d(
    'validityPeriodStart',
    'dateTime',
    'PACT record',
    'Validity period start',
    'Start of the PACT validity period of the footprint (inclusive).',
  ),
  d(
    'validityPeriodEnd',
    'dateTime',
    'PACT record',
    'Validity period end',
    'End of the PACT validity period of the footprint (exclusive).',
  ),
  d(
    'extensions',
    'node',
    'PACT record',
    'Extensions',
    'PACT DataModelExtensions of the footprint (iLEAP ShipmentFootprint, …), carried unchanged.',
    { set: true },
  ),
  d(
    'dataSchema',
    'string',
    'PACT extension',
    'Data schema',
    'URL of the JSON Schema of a PACT DataModelExtension’s data.',
  ),
  d(
    'documentation',
    'string',
    'PACT extension',
    'Documentation',
    'URL of the documentation of a PACT DataModelExtension.',
  ),
  d(
    'data',
    'json',
    'PACT extension',
    'Data',
    'The data of a PACT DataModelExtension: a JSON object of another model, kept as a JSON literal.',
  ),
  d(
    'verbatim',
    'json',
    'PACT record',
    'Verbatim',
    'PACT members with no passport meaning (the PACT v2-only values, members placed where the PACT schema does not define them), by their PACT names, kept as a JSON literal so that the PACT export gives them back.',
  ),
]
