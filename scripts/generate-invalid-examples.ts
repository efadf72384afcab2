/**
 * Generates `examples/invalid/<CODE>/*.json`: for every error code of the rule catalogue, at least
 * one passport that yields exactly that error. Each is a valid example (`examples/valid/`) broken in
 * one place; the break is described in `examples/invalid/README.md`.
 *
 * File names `<profile-id>.<name>.json` say which profile to check with; otherwise the code's own
 * profile is used (see test/conformance/examples.test.ts).
 *
 * Run: `tsx scripts/generate-invalid-examples.ts`
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { evPackUnderEuAct } from '../test/helpers/examples.js'

// biome-ignore lint/suspicious/noExplicitAny: the generator edits arbitrary JSON
type Json = Record<string, any>

const valid = (name: string): Json =>
  JSON.parse(readFileSync(new URL(`../examples/valid/${name}.json`, import.meta.url), 'utf8'))

const EV = 'ev-nmc-pack'
/** The EV pack declared under EU Art. 7, as the EU rules need it (the example makes no such claim). */
const EV_EU = 'ev-nmc-pack under EU Art. 7'

/** The bases: the valid examples, each broken in exactly one way below. */
const base = (name: string): Json => (name === EV_EU ? evPackUnderEuAct(valid(EV)) : valid(name))

interface Case {
  code: string
  file: string
  from: string
  /** What was broken, for the README. */
  what: string
  make: (doc: Json) => unknown
}

const s = (doc: Json): Json => doc.credentialSubject
const fp = (doc: Json): Json => doc.credentialSubject.footprint
const battery = (doc: Json): Json => doc.credentialSubject.battery
/** The battery's declaration of a framework. */
const declaration = (doc: Json, framework: string): Json =>
  battery(doc).declarations.find((d: Json) => d.framework === framework)
const iecOf = (doc: Json): Json => declaration(doc, 'iec-63369-1')
const euOf = (doc: Json): Json => declaration(doc, 'eu-2023-1542')
const PCBA = 'pcba-access-controller'
const READER = 'biometric-access-reader'
const ESS = 'ess-cabinet-215kwh'
const UPS = 'ups-battery-module'
const CELL = 'lfp-cell-280ah'

/** The footprint fields that move with every line when only fossil lines change. */
const PCF_FIELDS = [
  'pcfExcludingBiogenicUptake',
  'pcfIncludingBiogenicUptake',
  'fossilGhgEmissions',
]

/** a + b of two Decimal strings, exactly (scaled BigInt), without trailing zeros. */
function plus(a: string, b: string): string {
  const SCALE = 12
  const scaled = (v: string): bigint => {
    const [int, frac = ''] = v.replace('-', '').split('.')
    const n = BigInt(int + frac.padEnd(SCALE, '0'))
    return v.startsWith('-') ? -n : n
  }
  const n = scaled(a) + scaled(b)
  const digits = (n < 0n ? -n : n).toString().padStart(SCALE + 1, '0')
  const int = digits.slice(0, -SCALE)
  const frac = digits.slice(-SCALE).replace(/0+$/, '')
  return `${n < 0n ? '-' : ''}${int}${frac ? `.${frac}` : ''}`
}

/**
 * Adds an activity line and moves the footprint's sums by its emissions, as the sums rules read a
 * line (credits and removals alike): the PCFs and fossil emissions, its stage, its scope.
 */
function addLine(d: Json, line: Json): void {
  s(d).activityData.push(line)
  const f = fp(d)
  for (const k of PCF_FIELDS) f[k] = plus(f[k], line.emissions)
  const stage = f.lifecycleStages.find((x: Json) => x.stage === line.lifecycleStage)
  stage.emissions = plus(stage.emissions, line.emissions)
  const sb = f.scopeBreakdown
  if (line.scope === 1) sb.scope1 = plus(sb.scope1, line.emissions)
  else if (line.scope === 2) sb.scope2 = plus(sb.scope2, line.emissions)
  else {
    const c = sb.scope3.find((x: Json) => x.category === line.scope3Category)
    c.emissions = plus(c.emissions, line.emissions)
  }
}

/** A line like the PCBA's line `from`, with the fields given. */
const lineLike = (d: Json, from: number, fields: Json): Json => ({
  ...structuredClone(s(d).activityData[from]),
  ...fields,
})

const cases: Case[] = [
  {
    code: 'INPUT_UNREADABLE',
    file: 'array-not-credential',
    from: PCBA,
    what: 'a JSON array holding the passport instead of the passport',
    make: (d) => [d],
  },
  {
    code: 'INPUT_TOO_DEEP',
    file: 'comment-nested-64-lists-deep',
    from: PCBA,
    what: 'the footprint `comment` as a list in a list … 64 lists deep: the passport nests 67 levels, past the cap of 64',
    make: (d) => {
      let deep: unknown = 'too deep'
      for (let i = 0; i < 64; i++) deep = [deep]
      fp(d).comment = deep
    },
  },
  {
    code: 'FIELD_REQUIRED',
    file: 'product-name-missing',
    from: PCBA,
    what: '`product.name` removed',
    make: (d) => {
      delete s(d).product.name
    },
  },
  {
    code: 'TYPE_MISMATCH',
    file: 'pcf-as-json-number',
    from: PCBA,
    what: '`pcfExcludingBiogenicUptake` as a JSON number, not a Decimal string',
    make: (d) => {
      fp(d).pcfExcludingBiogenicUptake = Number(fp(d).pcfExcludingBiogenicUptake)
    },
  },
  {
    code: 'PATTERN_MISMATCH',
    file: 'country-name-not-code',
    from: PCBA,
    what: '`geographyCountry` "China" instead of "CN"',
    make: (d) => {
      fp(d).geographyCountry = 'China'
    },
  },
  {
    code: 'ENUM_MISMATCH',
    file: 'declared-unit-kg',
    from: PCBA,
    what: '`declaredUnitOfMeasurement` "kg" (PACT spells it "kilogram")',
    make: (d) => {
      fp(d).declaredUnitOfMeasurement = 'kg'
    },
  },
  {
    code: 'FORMAT_INVALID',
    file: 'reference-period-end-date-only',
    from: PCBA,
    what: '`referencePeriodEnd` "2026-01-01", a date without time and zone',
    make: (d) => {
      fp(d).referencePeriodEnd = '2026-01-01'
    },
  },
  {
    code: 'CONST_MISMATCH',
    file: 'subject-type',
    from: PCBA,
    what: 'credential subject `type` "ProductPassport"',
    make: (d) => {
      s(d).type = 'ProductPassport'
    },
  },
  {
    code: 'VALUE_OUT_OF_RANGE',
    file: 'primary-data-share-140',
    from: PCBA,
    what: '`primaryDataShare` "140" (percent)',
    make: (d) => {
      fp(d).primaryDataShare = '140'
    },
  },
  {
    code: 'DECIMAL_INVALID',
    file: 'exponent-notation',
    from: PCBA,
    what: '`fossilCarbonContent` "1.2e-3" (exponents are not Decimal strings)',
    make: (d) => {
      fp(d).fossilCarbonContent = '1.2e-3'
    },
  },
  {
    code: 'DECIMAL_SIGN_INVALID',
    file: 'negative-carbon-content',
    from: PCBA,
    what: '`biogenicCarbonContent` "-0.01"',
    make: (d) => {
      fp(d).biogenicCarbonContent = '-0.01'
    },
  },
  {
    code: 'DECIMAL_TOO_LONG',
    file: 'sixty-decimal-places',
    from: PCBA,
    what: '`fossilCarbonContent` with 60 decimal places',
    make: (d) => {
      fp(d).fossilCarbonContent = `0.${'0'.repeat(59)}1`
    },
  },
  {
    code: 'STRING_TOO_SHORT',
    file: 'empty-model-number',
    from: PCBA,
    what: '`product.modelNumber` ""',
    make: (d) => {
      s(d).product.modelNumber = ''
    },
  },
  {
    code: 'STRING_TOO_LONG',
    file: 'unit-code-too-long',
    from: PCBA,
    what: 'an activity unit of 33 characters',
    make: (d) => {
      s(d).activityData[2].unit = 'KILOGRAMS_OF_PASSIVE_COMPONENTS_X'
    },
  },
  {
    code: 'ARRAY_TOO_SHORT',
    file: 'no-ipcc-characterization-factors',
    from: PCBA,
    what: '`ipccCharacterizationFactors` []',
    make: (d) => {
      fp(d).ipccCharacterizationFactors = []
    },
  },
  {
    code: 'ARRAY_TOO_LONG',
    file: 'ipcc-factors-past-the-list-cap',
    from: PCBA,
    what: '`ipccCharacterizationFactors` with 1,001 reports (AR1 … AR1001); any list but the activity lines and components has at most 1,000 items',
    make: (d) => {
      fp(d).ipccCharacterizationFactors = Array.from({ length: 1001 }, (_, i) => `AR${i + 1}`)
    },
  },
  {
    code: 'DUPLICATE_ITEM',
    file: 'cross-sectoral-standard-twice',
    from: PCBA,
    what: '`crossSectoralStandards` lists the same standard twice',
    make: (d) => {
      const list = fp(d).crossSectoralStandards
      list.push(list[0])
    },
  },
  {
    code: 'ARRAY_VALUE_MISSING',
    file: 'type-without-carbon-passport-credential',
    from: PCBA,
    what: 'credential `type` ["VerifiableCredential"]',
    make: (d) => {
      d.type = ['VerifiableCredential']
    },
  },
  {
    code: 'DUPLICATE_ENTRY',
    file: 'stage-split-in-two',
    from: PCBA,
    what: 'the main-production stage given as two entries that add up to it',
    make: (d) => {
      const stages = fp(d).lifecycleStages
      stages[1].emissions = '0.4'
      stages.push({ stage: 'main-production', emissions: '0.018775' })
    },
  },
  {
    code: 'REFERENCE_PERIOD_INVALID',
    file: 'period-start-after-end',
    from: PCBA,
    what: 'reference period start and end swapped',
    make: (d) => {
      const f = fp(d)
      ;[f.referencePeriodStart, f.referencePeriodEnd] = [
        f.referencePeriodEnd,
        f.referencePeriodStart,
      ]
    },
  },
  {
    code: 'ACTIVITY_PERIOD_INVALID',
    file: 'empty-activity-period',
    from: PCBA,
    what: 'the first activity period ends when it starts',
    make: (d) => {
      const period = s(d).activityData[0].period
      period.end = period.start
    },
  },
  {
    code: 'VALIDITY_PERIOD_INVALID',
    file: 'valid-until-before-valid-from',
    from: PCBA,
    what: '`validUntil` one month before `validFrom`',
    make: (d) => {
      d.validUntil = '2026-02-01T00:00:00Z'
    },
  },
  {
    code: 'VALIDITY_STARTS_BEFORE_REFERENCE_PERIOD_END',
    file: 'valid-from-inside-reference-period',
    from: PCBA,
    what: '`validFrom` in December 2025, before the reference period ends',
    make: (d) => {
      d.validFrom = '2025-12-01T00:00:00Z'
    },
  },
  {
    code: 'LIFECYCLE_STAGES_SUM_MISMATCH',
    file: 'extra-use-stage',
    from: PCBA,
    what: 'a use stage of 1 kgCO2e added that no activity line or total accounts for',
    make: (d) => {
      fp(d).lifecycleStages.push({ stage: 'use', emissions: '1' })
    },
  },
  {
    code: 'ACTIVITY_SUM_MISMATCH',
    file: 'line-doubled',
    from: PCBA,
    what: 'the quantity and emissions of the solder paste line doubled, the totals left as they were',
    make: (d) => {
      const line = s(d).activityData[3]
      line.quantity = String(Number(line.quantity) * 2)
      line.emissions = '0.0735'
    },
  },
  {
    code: 'SCOPE_SUM_MISMATCH',
    file: 'extra-scope3-category',
    from: PCBA,
    what: 'scope 3 category 12 of 0.5 kgCO2e added to the breakdown only',
    make: (d) => {
      fp(d).scopeBreakdown.scope3.push({ category: 12, emissions: '0.5' })
    },
  },
  {
    code: 'SCOPE_ACTIVITY_MISMATCH',
    file: 'scope1-scope2-swapped',
    from: PCBA,
    what: 'scope 1 and scope 2 values swapped (the total still adds up)',
    make: (d) => {
      const sb = fp(d).scopeBreakdown
      ;[sb.scope1, sb.scope2] = [sb.scope2, sb.scope1]
    },
  },
  {
    code: 'STAGE_ACTIVITY_MISMATCH',
    file: 'stages-swapped',
    from: PCBA,
    what: 'the two stage values swapped (the total still adds up)',
    make: (d) => {
      const [a, b] = fp(d).lifecycleStages
      ;[a.emissions, b.emissions] = [b.emissions, a.emissions]
    },
  },
  {
    code: 'ACTIVITY_EMISSIONS_MISMATCH',
    file: 'factor-changed',
    from: PCBA,
    what: 'the emission factor of the passive components line changed, its emissions not',
    make: (d) => {
      s(d).activityData[2].emissionFactor.value = '30'
    },
  },
  {
    code: 'EMISSION_FACTOR_UNIT_MISMATCH',
    file: 'factor-per-tonne',
    from: PCBA,
    what: 'a factor in kgCO2e/TNE for an activity in KGM',
    make: (d) => {
      s(d).activityData[2].emissionFactor.unit = 'kgCO2e/TNE'
    },
  },
  {
    code: 'UNIT_UNKNOWN',
    file: 'factor-unit-kwh',
    from: PCBA,
    what: 'the electricity factor in "kgCO2e/kWh" ("kWh" is neither Rec 20 nor UCUM)',
    make: (d) => {
      const line = s(d).activityData.find((l: Json) => l.unit === 'KWH')
      line.emissionFactor.unit = 'kgCO2e/kWh'
    },
  },
  {
    code: 'GEOGRAPHY_CONFLICT',
    file: 'country-and-region',
    from: PCBA,
    what: 'both `geographyCountry` and `geographyRegionOrSubregion`',
    make: (d) => {
      fp(d).geographyRegionOrSubregion = 'Eastern Asia'
    },
  },
  {
    code: 'PACKAGING_EMISSIONS_WITHOUT_FLAG',
    file: 'packaging-flag-false',
    from: PCBA,
    what: '`packagingEmissionsIncluded` false with `packagingGhgEmissions` given',
    make: (d) => {
      fp(d).packagingEmissionsIncluded = false
    },
  },
  {
    code: 'CCS_FIELDS_WITHOUT_FLAG',
    file: 'capture-origin-without-ccs',
    from: PCBA,
    what: '`technologicalCO2CaptureOrigin` with `ccsTechnologicalCO2CaptureIncluded` false',
    make: (d) => {
      fp(d).technologicalCO2CaptureOrigin = 'fossil CO2 from the reflow ovens'
    },
  },
  {
    code: 'OTHER_OPERATOR_NAME_MISMATCH',
    file: 'other-operator-unnamed',
    from: PCBA,
    what: 'a product rule with operator "Other" and no `otherOperatorName`',
    make: (d) => {
      fp(d).productOrSectorSpecificRules = [
        { operator: 'Other', ruleNames: ['PCF Rulebook for electronics v1'] },
      ]
    },
  },
  {
    code: 'PASSPORT_PRECEDES_ITSELF',
    file: 'own-id-preceding',
    from: PCBA,
    what: '`precedingPassports` lists the passport itself',
    make: (d) => {
      s(d).precedingPassports = [d.id]
    },
  },
  {
    code: 'COMPONENT_EMISSIONS_MISMATCH',
    file: 'component-emissions-changed',
    from: READER,
    what: 'the PCBA component states 5.5 kgCO2e, its activity line 5.459003',
    make: (d) => {
      s(d).components[0].emissions = '5.5'
    },
  },
  {
    code: 'BATTERY_STAGES_SUM_MISMATCH',
    file: 'distribution-stage-changed',
    from: EV_EU,
    what: 'the EU declaration’s per-kWh distribution stage raised from 0.001063 to 0.011063',
    make: (d) => {
      euOf(d).lifecycleStagesPerFunctionalUnit[2].emissions = '0.011063'
    },
  },
  {
    code: 'FOOTPRINT_PER_FUNCTIONAL_UNIT_MISMATCH',
    file: 'functional-unit-quantity-changed',
    from: UPS,
    what: 'the IEC declaration’s functional unit quantity 2,500 kWh instead of 2,048 (0.274437 × 2,500 is not its total of 562.04701 kg)',
    make: (d) => {
      iecOf(d).functionalUnit.quantity = '2500'
    },
  },
  {
    code: 'DECLARATION_TOTAL_MISMATCH',
    file: 'eu-declaration-with-use-stage-total',
    from: ESS,
    what: 'the EU declaration carries the cradle-to-grave total, use included (39,270.7832 kg, 0.033819 kg/kWh, the raw-material stage raised to match), though its boundary excludes use',
    make: (d) => {
      const eu = euOf(d)
      eu.totalFootprint = '39270.7832'
      eu.footprintPerFunctionalUnit = '0.033819'
      eu.lifecycleStagesPerFunctionalUnit[0].emissions = '0.033110'
    },
  },
  {
    code: 'DECLARATION_DUPLICATE',
    file: 'eu-declaration-twice',
    from: ESS,
    what: 'the EU declaration listed twice',
    make: (d) => {
      battery(d).declarations.push(structuredClone(euOf(d)))
    },
  },
  {
    code: 'PACT_FIELD_REQUIRED',
    file: 'primary-data-share-missing',
    from: PCBA,
    what: '`primaryDataShare` removed',
    make: (d) => {
      delete fp(d).primaryDataShare
    },
  },
  {
    code: 'PACT_PRODUCT_MASS_INCONSISTENT',
    file: 'piece-without-mass',
    from: UPS,
    what: '`productMassPerDeclaredUnit` "0" for a piece',
    make: (d) => {
      fp(d).productMassPerDeclaredUnit = '0'
    },
  },
  {
    code: 'ACTIVITY_OUTSIDE_BOUNDARY',
    file: 'end-of-life-line-without-life-cycle-totals',
    from: PCBA,
    what: 'an end-of-life line (the production-waste line moved to end of life) in the cradle-to-gate passport, which has no `lifeCycleTotals` to hold it',
    make: (d) => {
      s(d).activityData.push(lineLike(d, 10, { lifecycleStage: 'end-of-life', scope3Category: 12 }))
    },
  },
  {
    code: 'LIFE_CYCLE_TOTALS_MISMATCH',
    file: 'total-above-its-stages',
    from: ESS,
    what: '`lifeCycleTotals.totalFootprint` 1,000 kgCO2e above the sum of its stages (39,270.7832)',
    make: (d) => {
      s(d).lifeCycleTotals.totalFootprint = '40270.7832'
    },
  },
  {
    code: 'LINE_SIGN_MISMATCH',
    file: 'credit-line-with-positive-emissions',
    from: PCBA,
    what: 'the production-waste line marked a credit (`lineKind: credit`, co-product substitution) though its emissions are positive',
    make: (d) => {
      Object.assign(s(d).activityData[10], {
        lineKind: 'credit',
        creditType: 'co-product-substitution',
      })
    },
  },
  {
    code: 'LINE_KIND_TYPE_MISMATCH',
    file: 'removal-type-on-emission-line',
    from: PCBA,
    what: 'a `removalType` on the production-waste line, an emission line',
    make: (d) => {
      s(d).activityData[10].removalType = 'technological-removal'
    },
  },
  {
    code: 'OFFSET_IN_FOOTPRINT',
    file: 'offset-as-credit-line',
    from: PCBA,
    what: 'a credit line of type `offset` (0.5 kgCO2e of retired carbon credits) that lowers the footprint, its stage and scope 3 category 1 by 0.5 kgCO2e; offsets belong in `claims[]`',
    make: (d) => {
      addLine(
        d,
        lineLike(d, 2, {
          activity: 'Retired carbon credits (voluntary market), kgCO2e per board',
          quantity: '0.5',
          emissionFactor: { ...s(d).activityData[2].emissionFactor, value: '-1' },
          emissions: '-0.5',
          lineKind: 'credit',
          creditType: 'offset',
        }),
      )
    },
  },
  {
    code: 'END_OF_LIFE_MODELLING_MISMATCH',
    file: 'circular-footprint-formula-without-parameters',
    from: PCBA,
    what: '`endOfLifeModelling: circular-footprint-formula` without `circularFootprintFormula` parameters',
    make: (d) => {
      fp(d).endOfLifeModelling = 'circular-footprint-formula'
    },
  },
  {
    code: 'REMOVALS_MISMATCH',
    file: 'removal-line-without-footprint-removals',
    from: PCBA,
    what: 'a removal line (0.1 kg of technological CO2 removal in main production, scope 1, with the sums moved by it) while the footprint declares no `technologicalCO2Removals`',
    make: (d) => {
      addLine(
        d,
        lineLike(d, 8, {
          activity: 'Technological CO2 removal: captured process CO2, stored geologically',
          quantity: '0.1',
          emissionFactor: { ...s(d).activityData[8].emissionFactor, value: '-1' },
          emissions: '-0.1',
          lineKind: 'removal',
          removalType: 'technological-removal',
        }),
      )
    },
  },
  {
    code: 'PACT_BOUNDARY_NOT_CRADLE_TO_GATE',
    file: 'cradle-to-grave-pact-block',
    from: ESS,
    what: 'the footprint (the PACT block) made cradle to grave again: the `lifeCycleTotals` stages and total (39,270.7832 kg, use included) moved into it, its scope breakdown extended by scope 3 categories 9, 11 and 12, `lifeCycleTotals` removed',
    make: (d) => {
      const f = fp(d)
      const totals = s(d).lifeCycleTotals
      f.systemBoundary = totals.systemBoundary
      f.lifecycleStages = totals.lifecycleStages
      for (const k of PCF_FIELDS) f[k] = totals.totalFootprint
      f.scopeBreakdown.scope3.push(
        { category: 9, emissions: '314.3125' },
        { category: 11, emissions: '18917.6' },
        { category: 12, emissions: '376' },
      )
      delete s(d).lifeCycleTotals
    },
  },
  {
    code: 'PACT_PCF_COMPONENTS_MISMATCH',
    file: 'fossil-emissions-below-pcf',
    from: PCBA,
    what: '`fossilGhgEmissions` 1 kgCO2e where the PCF is 5.459003 and no other component is declared',
    make: (d) => {
      fp(d).fossilGhgEmissions = '1'
    },
  },
  {
    code: 'PACT_BIO_FIELD_REQUIRED',
    file: 'land-use-change-missing',
    from: READER,
    what: '`landUseChangeGhgEmissions` removed although biogenic carbon applies (biogenic CO2 uptake of the packaging)',
    make: (d) => {
      delete fp(d).landUseChangeGhgEmissions
    },
  },
  {
    code: 'PACT_PCF_INCLUDING_BIOGENIC_MISMATCH',
    file: 'including-biogenic-off-by-one',
    from: PCBA,
    what: '`pcfIncludingBiogenicUptake` 1 kgCO2e above the footprint, with no biogenic uptake',
    make: (d) => {
      fp(d).pcfIncludingBiogenicUptake = '6.459003'
    },
  },
  {
    code: 'EMISSION_FACTOR_PROVENANCE_INCOMPLETE',
    file: 'secondary-factor-without-version',
    from: PCBA,
    what: 'an ecoinvent factor without its database version',
    make: (d) => {
      delete s(d).activityData[2].emissionFactor.source.version
    },
  },
  {
    code: 'ACTIVITY_DATA_MISSING',
    file: 'summary-passport',
    from: PCBA,
    what: 'a summary passport: `activityData` removed (it conforms under core, not under iec-63782-digital-pcf)',
    make: (d) => {
      delete s(d).activityData
    },
  },
  {
    code: 'PARTY_ID_CHECK_DIGIT_INVALID',
    file: 'site-gln-check-digit',
    from: CELL,
    what: 'the cell plant GLN 6931234000013 with its check digit changed to 4',
    make: (d) => {
      s(d).product.manufacturingSite.partyIds.gln = '6931234000014'
    },
  },
  {
    code: 'CN_CODE_HS_MISMATCH',
    file: 'cn-code-of-lead-acid',
    from: CELL,
    what: 'the CN code 85071020 (lead-acid accumulators) on a lithium-ion cell classified HS 850760',
    make: (d) => {
      s(d).customs.cnCode = '85071020'
    },
  },
  {
    code: 'ELECTRICITY_INSTRUMENT_MISSING',
    file: 'market-based-line-without-instrument',
    from: PCBA,
    what: 'the SMT line electricity declared market-based with no contractual instrument',
    make: (d) => {
      s(d).activityData[7].electricity = { basis: 'market' }
    },
  },
  {
    code: 'SCOPE3_CATEGORY_MISSING',
    file: 'scope3-line-without-category',
    from: PCBA,
    what: 'the nitrogen line (scope 3) without `scope3Category`',
    make: (d) => {
      delete s(d).activityData[4].scope3Category
    },
  },
  {
    code: 'SCOPE3_CATEGORY_NOT_REPORTED',
    file: 'inbound-freight-as-category-9',
    from: PCBA,
    what: 'inbound freight booked as scope 3 category 9, so category 4 is not reported',
    make: (d) => {
      for (const line of s(d).activityData) if (line.scope3Category === 4) line.scope3Category = 9
      for (const c of fp(d).scopeBreakdown.scope3) if (c.category === 4) c.category = 9
    },
  },
  {
    code: 'PRODUCT_IDENTIFIER_NOT_RESOLVABLE',
    file: 'epc-urn-only',
    from: PCBA,
    what: 'the product identified only by an EPC URN',
    make: (d) => {
      s(d).id = 'urn:epc:id:sgtin:6934567.000156.PC-2512-0418'
      s(d).product.identifiers = ['urn:epc:id:sgtin:6934567.000156.PC-2512-0418']
    },
  },
  {
    code: 'PASSPORT_NOT_VERSIONED',
    file: 'passport-id-is-product-id',
    from: PCBA,
    what: 'the passport id set to the product id',
    make: (d) => {
      d.id = s(d).id
    },
  },
  {
    code: 'PASSPORT_NOT_SIGNED',
    file: 'proof-without-value',
    from: PCBA,
    what: 'a Data Integrity proof without `proofValue`',
    make: (d) => {
      d.proof = {
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        created: '2026-03-01T00:00:00Z',
        verificationMethod: `${d.issuer.id}#key-1`,
        proofPurpose: 'assertionMethod',
      }
    },
  },
  {
    code: 'OUT_OF_SCOPE',
    file: 'iec-63369-1.ev-pack',
    from: EV,
    what: 'the road-vehicle traction pack checked under iec-63369-1',
    make: () => {},
  },
  {
    code: 'OUT_OF_SCOPE',
    file: 'eu-battery-2023-1542.cell-not-placed-as-battery',
    from: CELL,
    what: 'the cell (built into packs, not placed on the market as a battery) checked under eu-battery-2023-1542',
    make: () => {},
  },
  {
    code: 'DECLARATION_MISSING',
    file: 'iec-63369-1.ups-without-iec-declaration',
    from: UPS,
    what: 'the UPS module with its EU declaration only, checked under iec-63369-1',
    make: (d) => {
      battery(d).declarations = [euOf(d)]
    },
  },
  {
    code: 'DECLARATION_MISSING',
    file: 'eu-battery-2023-1542.ups-without-eu-declaration',
    from: UPS,
    what: 'the UPS module with its IEC declaration only, checked under eu-battery-2023-1542',
    make: (d) => {
      battery(d).declarations = [iecOf(d)]
    },
  },
  {
    code: 'SYSTEM_BOUNDARY_MISMATCH',
    file: 'iec-63369-1.ups-cradle-to-gate',
    from: UPS,
    what: 'the UPS module’s IEC declaration cradle-to-gate',
    make: (d) => {
      const iec = iecOf(d)
      iec.systemBoundary = 'cradle-to-gate'
      // Its total and per-kWh values follow the gate boundary, so only the boundary is wrong.
      iec.totalFootprint = '473.80686'
      iec.footprintPerFunctionalUnit = '0.231351'
      iec.lifecycleStagesPerFunctionalUnit = iec.lifecycleStagesPerFunctionalUnit.slice(0, 2)
    },
  },
  {
    code: 'SYSTEM_BOUNDARY_MISMATCH',
    file: 'eu-battery-2023-1542.ev-cradle-to-grave',
    from: EV_EU,
    what: 'the EV pack’s EU declaration cradle-to-grave (Annex II excludes use; the pack has no use stage, so the total is unchanged)',
    make: (d) => {
      euOf(d).systemBoundary = 'cradle-to-grave'
    },
  },
  {
    code: 'IEC_63369_FIELD_REQUIRED',
    file: 'no-cumulated-requested-service',
    from: UPS,
    what: '`battery.cumulatedRequestedService` removed',
    make: (d) => {
      delete battery(d).cumulatedRequestedService
    },
  },
  {
    code: 'FUNCTIONAL_UNIT_NOT_CRS',
    file: 'functional-unit-lifetime-energy',
    from: UPS,
    what: 'the IEC declaration’s functional unit kind "lifetime-energy"',
    make: (d) => {
      iecOf(d).functionalUnit.kind = 'lifetime-energy'
    },
  },
  {
    code: 'EU_BATTERY_FIELD_REQUIRED',
    file: 'no-declaration-of-conformity',
    from: EV_EU,
    what: 'the EU declaration’s `declarationOfConformityId` removed (Art. 7(1)(f))',
    make: (d) => {
      delete euOf(d).declarationOfConformityId
    },
  },
  {
    code: 'EU_FUNCTIONAL_UNIT_INVALID',
    file: 'functional-unit-crs',
    from: UPS,
    what: 'the UPS module’s EU declaration with functional unit kind "cumulated-requested-service" (the kWh agree, the kind is not the EU lifetime energy)',
    make: (d) => {
      euOf(d).functionalUnit.kind = 'cumulated-requested-service'
    },
  },
  {
    code: 'EU_STAGES_INCOMPLETE',
    file: 'distribution-folded-into-production',
    from: EV_EU,
    what: 'the distribution stage folded into main production (the total is unchanged)',
    make: (d) => {
      const stages = euOf(d).lifecycleStagesPerFunctionalUnit
      stages[1].emissions = '0.041503'
      stages.splice(2, 1)
    },
  },
  {
    code: 'EU_USE_STAGE_INCLUDED',
    file: 'use-stage-declared',
    from: EV_EU,
    what: 'part of main production declared as a use stage (the total is unchanged)',
    make: (d) => {
      const stages = euOf(d).lifecycleStagesPerFunctionalUnit
      stages[1].emissions = '0.04'
      stages.push({ stage: 'use', emissions: '0.00044' })
    },
  },
  {
    code: 'LIFETIME_ENERGY_MISMATCH',
    file: 'warranty-10-years',
    from: EV_EU,
    what: '`warrantyYears` 10, while the lifetime energy was computed for 8',
    make: (d) => {
      battery(d).warrantyYears = '10'
    },
  },
  {
    code: 'LIFETIME_ENERGY_MISMATCH',
    file: 'eu-battery-2023-1542.ess-service-life-20-years',
    from: ESS,
    what: 'the industrial cabinet’s `serviceLifeYears` 20, while its lifetime energy was computed for 15',
    make: (d) => {
      battery(d).serviceLifeYears = '20'
    },
  },
  {
    code: 'EU_CYCLES_PER_YEAR_INVALID',
    file: 'ev-cycles-per-year-20',
    from: EV_EU,
    what: '`cyclesPerYear` 20 (the LMT value) for an EV pack, lifetime energy recomputed to match (11,840 kWh)',
    make: (d) => {
      battery(d).cyclesPerYear = '20'
      const eu = euOf(d)
      eu.functionalUnit.quantity = '11840'
      eu.footprintPerFunctionalUnit = '0.542164'
      eu.lifecycleStagesPerFunctionalUnit = [
        { stage: 'raw-material-acquisition', emissions: '0.401053' },
        { stage: 'main-production', emissions: '0.121321' },
        { stage: 'distribution', emissions: '0.003188' },
        { stage: 'end-of-life', emissions: '0.016601' },
      ]
    },
  },
]

const root = new URL('../examples/invalid/', import.meta.url)
for (const code of new Set(cases.map((c) => c.code))) {
  rmSync(new URL(`${code}/`, root), { recursive: true, force: true })
}
const readme: string[] = [
  '# Invalid example passports',
  '',
  'Generated by `scripts/generate-invalid-examples.ts` from the valid examples; do not edit by hand.',
  'Each folder is named after a finding code (see `docs/rules.md`) and each file in it yields exactly',
  'that error and no other. A file named `<profile-id>.<name>.json` is checked with that profile;',
  'otherwise with the profile the code belongs to (`core` codes with `core` alone).',
  '',
  '| Code | File | Based on | What was broken |',
  '|---|---|---|---|',
]
for (const c of cases) {
  const doc = base(c.from)
  const replaced = c.make(doc)
  const out = replaced === undefined ? doc : replaced
  mkdirSync(new URL(`${c.code}/`, root), { recursive: true })
  writeFileSync(new URL(`${c.code}/${c.file}.json`, root), `${JSON.stringify(out, null, 2)}\n`)
  const from =
    c.from === EV_EU
      ? '`ev-nmc-pack.json` declared under EU Art. 7 (`evPackUnderEuAct`)'
      : `\`${c.from}.json\``
  readme.push(`| \`${c.code}\` | \`${c.file}.json\` | ${from} | ${c.what} |`)
}
writeFileSync(new URL('README.md', root), `${readme.join('\n')}\n`)
console.log(`wrote ${cases.length} invalid examples`)
