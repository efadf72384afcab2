/**
 * The input data of generation: emission-factor sets and activity records, as an ERP, MES or LCA
 * tool exports them. A record becomes one activity data line of the passport; its emissions, and
 * every sum of the footprint, are computed (src/generate/calculate.ts), never typed in.
 */
import type { ActivityDataLine, Decimal, EmissionFactor } from '../model/types.js'

/** One factor of a set: the passport's emission factor, plus what a record names it by. */
export interface FactorSetEntry extends EmissionFactor {
  /** Unique within the set: what a record's `factorId` names. */
  id: string
  /**
   * The activity the factor is for, a key of the set's own choosing (`grid-electricity`,
   * `hgv-diesel-average-laden`): what a record's `factorActivity` names. Several factors may share
   * it, for other geographies or years.
   */
  activity: string
}

/** An emission-factor set: a database extract, a supplier's values, or both, with provenance. */
export interface EmissionFactorSet {
  /** The set's name, e.g. `AutoVolt factors 2026`. */
  name: string
  /** The set's version. */
  version: string
  /** What the set is and where its values come from. */
  description?: string
  /** The licence the values are used under (database licences often forbid redistribution). */
  license?: string
  /** The factors, each `id` once. */
  factors: FactorSetEntry[]
}

/**
 * One activity record: an activity data line without its emissions (computed), with how to find
 * its emission factor (exactly one of `factorId`, `factorActivity` or `emissionFactor`). Its
 * `quantity` is per declared unit, or for `producedAmount` of product when that is given.
 */
export interface ActivityRecord extends Omit<ActivityDataLine, 'emissions' | 'emissionFactor'> {
  /**
   * The record is a total for this amount of product (a batch, a month's output), in declared
   * units; the calculator scales it to `declaredUnitAmount` and says so in a note.
   */
  producedAmount?: Decimal
  /** The id of a factor of the set. */
  factorId?: string
  /** Or the activity key of the set's factors; one is picked by geography and year. */
  factorActivity?: string
  /** Where the activity happens (ISO 3166-1 alpha-2 or 3166-2), for picking a factor by geography. */
  geography?: string
  /** Or the factor itself. */
  emissionFactor?: EmissionFactor
}
