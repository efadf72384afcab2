/**
 * The input, options and result of `calculateFootprint` (src/generate/calculate.ts). The input
 * carries what a person or an ERP knows (records, the declared unit, the descriptive PACT fields,
 * the battery's service parameters); the result carries every value computed from it.
 */
import type { Finding } from '../findings/finding.js'
import type {
  ActivityDataLine,
  Battery,
  BatteryDeclaration,
  CumulatedRequestedService,
  DateTime,
  Decimal,
  DeclaredUnit,
  Footprint,
  FunctionalUnit,
  Iri,
  LifeCycleTotals,
  SystemBoundary,
} from '../model/types.js'
import type { ActivityRecord, EmissionFactorSet } from './types.js'

/** The most records one calculation takes: the schema's `activityData` maxItems. */
export const MAX_RECORDS = 10_000

/** The most battery declarations one calculation takes (one per framework, with room to spare). */
export const MAX_DECLARATIONS = 16

/** The footprint fields `calculateFootprint` computes: never part of its input. */
export type ComputedFootprintField =
  | 'declaredUnitOfMeasurement'
  | 'declaredUnitAmount'
  | 'productMassPerDeclaredUnit'
  | 'referencePeriodStart'
  | 'referencePeriodEnd'
  | 'systemBoundary'
  | 'pcfExcludingBiogenicUptake'
  | 'pcfIncludingBiogenicUptake'
  | 'fossilGhgEmissions'
  | 'lifecycleStages'
  | 'scopeBreakdown'
  | 'primaryDataShare'
  | 'packagingGhgEmissions'
  | 'aircraftGhgEmissions'
  | 'ccsTechnologicalCO2Capture'
  | 'technologicalCO2Removals'

/**
 * The descriptive fields of the footprint, passed through as given: standards, boundary
 * description, exemptions, characterization factors, factor sources, data quality, carbon
 * contents, biogenic and land-use parts (`biogenicCO2Uptake`, `landUseChangeGhgEmissions`,
 * `biogenicNonCO2Emissions`, …), `packagingEmissionsIncluded`, end-of-life modelling, geography,
 * comments. Each keeps the meaning (and the TSDoc) of its `Footprint` field.
 */
export type FootprintDescription = Omit<Footprint, ComputedFootprintField>

/** A battery declaration as given: everything but the values computed from the footprint. */
export interface DeclarationInput
  extends Omit<
    BatteryDeclaration,
    | 'functionalUnit'
    | 'footprintPerFunctionalUnit'
    | 'lifecycleStagesPerFunctionalUnit'
    | 'totalFootprint'
  > {
  /**
   * The functional unit's kind, unit (an energy unit for every kind but `declared-unit`) and
   * description. Its quantity is computed from the kind: `cumulated-requested-service` rated energy
   * × equivalent full cycles; `lifetime-energy` usable energy × cycles per year × warranty years
   * (EV, LMT) or service life years (other categories); `rated-energy` the rated energy;
   * `declared-unit` the declared unit amount. A quantity given here must equal the computed one.
   */
  functionalUnit: Omit<FunctionalUnit, 'quantity'> & {
    /** When given, must equal the quantity computed from the kind. */
    quantity?: Decimal
  }
}

/** The battery block as given: the battery's data, the CRS conditions, declarations without values. */
export interface BatteryInput extends Omit<Battery, 'cumulatedRequestedService' | 'declarations'> {
  /** The CRS conditions; its energy throughput (rated energy × equivalent full cycles) is computed. */
  cumulatedRequestedService?: Omit<CumulatedRequestedService, 'energyThroughput'> & {
    /** When given, must equal rated energy × equivalent full cycles. */
    energyThroughput?: Decimal
  }
  /** The declarations, at most `MAX_DECLARATIONS`, without their computed values. */
  declarations?: DeclarationInput[]
}

/** What `calculateFootprint` computes a passport's footprint from. */
export interface FootprintInput extends FootprintDescription {
  /** PACT v3 declared unit: what one declared unit of the product is measured in. */
  declaredUnitOfMeasurement: DeclaredUnit
  /** Amount of the declared unit contained in the product, > 0: every record is per this amount. */
  declaredUnitAmount: Decimal
  /**
   * Mass of the product per declared unit, kg, ≥ 0. Optional for `kilogram` (then the declared unit
   * amount); required for every other declared unit.
   */
  productMassPerDeclaredUnit?: Decimal
  /** Start of the period the footprint covers, inclusive. */
  referencePeriodStart: DateTime
  /** End of the period the footprint covers, exclusive. */
  referencePeriodEnd: DateTime
  /**
   * The footprint's boundary; `cradle-to-gate` (the PACT block) when absent. Records beyond it go
   * into `lifeCycleTotals`.
   */
  systemBoundary?: SystemBoundary
  /**
   * The boundary of `lifeCycleTotals`, when records lie beyond the footprint's: by default
   * `cradle-to-grave` when a record is in the use stage, else `cradle-to-grave-excluding-use`.
   */
  lifeCycleBoundary?: SystemBoundary
  /** A comment for `lifeCycleTotals`. */
  lifeCycleComment?: string
  /** The activity records, at most `MAX_RECORDS`: one activity data line each, in this order. */
  records: ActivityRecord[]
  /** The emission-factor set that records with `factorId` or `factorActivity` name factors of. */
  factors?: EmissionFactorSet
  /**
   * The `primaryDataShare` (per cent, a Decimal) of each upstream passport a record buys, by
   * passport id (the records' `upstreamPassport`).
   */
  upstreamPrimaryDataShares?: Record<Iri, Decimal>
  /**
   * Indices into `records` of the packaging records: their emissions add up to
   * `packagingGhgEmissions`, which is given only with `packagingEmissionsIncluded: true`.
   */
  packagingRecords?: number[]
  /** Indices into `records` of the air-freight records: their emissions add up to `aircraftGhgEmissions`. */
  aircraftRecords?: number[]
  /** The battery block, for a battery passport. */
  battery?: BatteryInput
}

/** Options of `calculateFootprint`. */
export interface CalculateOptions {
  /**
   * Decimal places of the per-functional-unit values of battery declarations (rounded half away
   * from zero), 0 to 12; 6 by default, as in the examples. Every other value is exact.
   */
  perFunctionalUnitDigits?: number
  /** Decimal places of `primaryDataShare`, 0 to 6; 1 by default (PACT examples). */
  primaryDataShareDigits?: number
}

/** What `calculateFootprint` computes: the parts of a passport's subject that add up. */
export interface CalculatedFootprint {
  /** One line per record, in the records' order; `emissions = quantity × emissionFactor.value`, exactly. */
  activityData: ActivityDataLine[]
  /** The footprint: the descriptive fields as given and every sum computed from the lines. */
  footprint: Footprint
  /** The totals beyond the footprint's boundary, when a line lies there. */
  lifeCycleTotals?: LifeCycleTotals
  /** The battery block with its CRS energy throughput and its declarations' values. */
  battery?: Battery
}

/**
 * The result: the computed subject and the notes (info and warning findings: records scaled, units
 * converted, factors picked, shares unknown), or the errors and the notes so far. There is no
 * partial subject: a footprint with one record left out (a missing factor, a bad quantity) would
 * add up and still be wrong, so any error withholds the whole result.
 */
export type CalculateResult =
  | {
      /** Every record had its factor and every value its shape. */
      ok: true
      /** The computed lines, footprint, life-cycle totals and battery block. */
      subject: CalculatedFootprint
      /** Infos and warnings: every assumption made (a scaled record, a factor picked, a unit converted). */
      notes: Finding[]
    }
  | {
      /** Nothing was computed: a partial footprint would add up and still be wrong. */
      ok: false
      /** What prevented the calculation, each at its pointer into the input. */
      errors: Finding[]
      /** The assumptions made before the errors were found. */
      notes: Finding[]
    }
