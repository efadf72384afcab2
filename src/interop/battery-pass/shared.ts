/** The Battery Pass `CarbonFootprintForBatteries` 1.2.0 types and stage names both directions use. */
import type { LifecycleStage } from '../../model/types.js'

/** A Battery Pass life-cycle stage (EU 2023/1542 Annex II). */
export type BatteryPassLifecycleStage =
  | 'RawMaterialExtraction'
  | 'MainProduction'
  | 'Distribution'
  | 'Recycling'

/** One entry of `carbonFootprintPerLifecycleStage`. */
export interface BatteryPassStageFootprint {
  /** The Annex II stage. */
  lifecycleStage: BatteryPassLifecycleStage
  /** kgCO2e per kWh of the total energy over the service life. */
  carbonFootprint: number
}

/**
 * The Battery Pass `CarbonFootprintForBatteries` 1.2.0 payload `toBatteryPass` emits. Every field
 * but `absoluteCarbonFootprint` is mandatory in the aspect; `toBatteryPass` leaves out the
 * performance class and the study link when the passport has none (a SOURCE_FIELD_INVALID warning
 * says so), since it never invents them.
 */
export interface CarbonFootprintForBatteries {
  /** kgCO2e per kWh of the total energy over the service life (Art. 7(1)(d)). */
  batteryCarbonFootprint: number
  /** The per-kWh footprint of each Annex II stage (Art. 7(1)(e)). */
  carbonFootprintPerLifecycleStage: BatteryPassStageFootprint[]
  /** The carbon footprint performance class (Art. 7(2)). */
  carbonFootprintPerformanceClass?: string
  /** Web link to the public version of the supporting study (Art. 7(1)(g)). */
  carbonFootprintStudy?: string
  /** kgCO2e of the battery, without reference to the functional unit (voluntary). */
  absoluteCarbonFootprint?: number
}

export const TARGET = 'Battery Pass CarbonFootprintForBatteries 1.2.0'

/** Battery Pass stage names and ours. */
export const STAGE_TO_BP: Partial<Record<LifecycleStage, BatteryPassLifecycleStage>> = {
  'raw-material-acquisition': 'RawMaterialExtraction',
  'main-production': 'MainProduction',
  distribution: 'Distribution',
  'end-of-life': 'Recycling',
}

/**
 * Our stage of a Battery Pass stage name. The 1.2.0 names, and (liberally) the same names in
 * another case or with separators, `EndOfLife` and `RawMaterialAcquisition`.
 */
export function stageOfBatteryPass(name: unknown): LifecycleStage | undefined {
  if (typeof name !== 'string') return undefined
  const key = name.replace(/[\s_-]/g, '').toLowerCase()
  switch (key) {
    case 'rawmaterialextraction':
    case 'rawmaterialacquisition':
    case 'rawmaterial':
      return 'raw-material-acquisition'
    case 'mainproduction':
    case 'mainproductproduction':
      return 'main-production'
    case 'distribution':
      return 'distribution'
    case 'recycling':
    case 'endoflife':
    case 'endoflifeandrecycling':
      return 'end-of-life'
    default:
      return undefined
  }
}

/** The SOURCE_UNREADABLE message of a conversion that failed on a shape nobody foresaw. */
export const FAILURE = 'The conversion failed unexpectedly'
