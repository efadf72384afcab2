/**
 * Picking a record's emission factor from a set (docs/generate.md, "Selecting a factor"): by id,
 * exactly; or by activity key, then geography (the record's own, the country of an ISO 3166-2
 * subdivision, GLO), then reference year (the latest not after the year the record's period ends
 * in, else the earliest later one, with a warning). Deterministic: ties go to the smallest id.
 * A missing factor is a FACTOR_NOT_FOUND finding, never a guess.
 */
import type { Finding } from '../findings/finding.js'
import { asCarbonPassportError } from '../guard.js'
import { generationCodes } from './codes.js'
import type { ActivityRecord, EmissionFactorSet, FactorSetEntry } from './types.js'

/** The factors of one activity key in a `FactorSetIndex`: by geography, each list sorted by reference year then id. */
export interface ActivityFactors {
  /** The factors by geography code, each list sorted by reference year, then id. */
  readonly byGeography: ReadonlyMap<string, readonly FactorSetEntry[]>
}

/**
 * A set indexed for selection (`indexFactorSet`): by id and by activity key, so that picking a
 * factor costs a few map look-ups whatever the size of the set.
 */
export interface FactorSetIndex {
  /** The set indexed. */
  readonly set: EmissionFactorSet
  /** The factors by id (the first of a repeated id: `loadFactorSet` refuses repeats). */
  readonly byId: ReadonlyMap<string, FactorSetEntry>
  /** The factors by activity key, then geography. */
  readonly byActivity: ReadonlyMap<string, ActivityFactors>
}

const indexes = new WeakSet<FactorSetIndex>()

/** Per set object: its index, and the factors array and length it was built from. */
const cache = new WeakMap<
  EmissionFactorSet,
  { factors: unknown; length: number; index: FactorSetIndex }
>()

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

const byYearThenId = (a: FactorSetEntry, b: FactorSetEntry): number =>
  a.referenceYear - b.referenceYear || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * Indexes a set for `selectFactor`, once: O(n log n) in its factors. `selectFactor` indexes a set
 * it is given by itself (and keeps the index while the set's `factors` array is the same one of the
 * same length), so calling this is only needed to make the cost explicit, or after changing a
 * factor in place. Factors without a string `id` are left out; factors without a string
 * `activity` and `geography` and an integer `referenceYear` are found by id only.
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when the set cannot be read at all (a
 *   throwing getter, a revoked Proxy).
 *
 * @example
 * ```ts
 * const index = indexFactorSet(set)
 * for (const [i, record] of records.entries()) selectFactor(index, record, `/records/${i}`)
 * ```
 */
export function indexFactorSet(set: EmissionFactorSet): FactorSetIndex {
  try {
    return buildIndex(set)
  } catch (err) {
    // A hostile object (a throwing getter, a revoked Proxy): misuse, reported with a code.
    throw asCarbonPassportError(
      err,
      'ERR_INVALID_ARGUMENT',
      'indexFactorSet: the set cannot be read',
    )
  }
}

function buildIndex(set: EmissionFactorSet): FactorSetIndex {
  const byId = new Map<string, FactorSetEntry>()
  const groups = new Map<string, Map<string, FactorSetEntry[]>>()
  const factors: unknown = isObject(set) ? set.factors : undefined
  if (Array.isArray(factors)) {
    for (const factor of factors as unknown[]) {
      if (!isObject(factor) || typeof factor.id !== 'string') continue
      const entry = factor as unknown as FactorSetEntry
      if (!byId.has(entry.id)) byId.set(entry.id, entry)
      const { activity, geography, referenceYear } = factor
      if (
        typeof activity !== 'string' ||
        typeof geography !== 'string' ||
        !Number.isInteger(referenceYear)
      ) {
        continue
      }
      let group = groups.get(activity)
      if (!group) {
        group = new Map()
        groups.set(activity, group)
      }
      const list = group.get(geography)
      if (list) list.push(entry)
      else group.set(geography, [entry])
    }
  }
  const byActivity = new Map<string, ActivityFactors>()
  for (const [activity, group] of groups) {
    for (const list of group.values()) list.sort(byYearThenId)
    byActivity.set(activity, { byGeography: group })
  }
  const index: FactorSetIndex = { set, byId, byActivity }
  indexes.add(index)
  return index
}

function indexOf(set: EmissionFactorSet | FactorSetIndex): FactorSetIndex {
  if (indexes.has(set as FactorSetIndex)) return set as FactorSetIndex
  const factors: unknown = isObject(set) ? set.factors : undefined
  const length = Array.isArray(factors) ? factors.length : -1
  const known = isObject(set) ? cache.get(set as EmissionFactorSet) : undefined
  if (known && known.factors === factors && known.length === length) return known.index
  const index = indexFactorSet(set as EmissionFactorSet)
  if (isObject(set)) cache.set(set as EmissionFactorSet, { factors, length, index })
  return index
}

/** What `selectFactor` found. */
export interface FactorSelection {
  /** The factor, when one was found. */
  factor?: FactorSetEntry
  /**
   * FACTOR_NOT_FOUND (error) when there is none; FACTOR_SELECTED when one was picked by activity
   * (info, or warning when its reference year is later than the record's year).
   */
  findings: Finding[]
}

const SUBDIVISION = /^([A-Z]{2})-[A-Z0-9]{1,3}$/

/**
 * The year a period ends in, the end being exclusive: 2025-01-01 to 2026-01-01 is 2025. Read in
 * the period's own time zone (the local date and time of the string), so that
 * `2026-01-01T00:00:00-05:00` also ends 2025. Undefined when `end` is not an RFC 3339 date-time.
 */
export function periodEndYear(end: unknown): number | undefined {
  if (typeof end !== 'string') return undefined
  const m =
    /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.exec(end)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s, frac] = m
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms)
  if (Number.isNaN(local)) return undefined
  // Date.UTC maps years 0-99 to 1900-1999; the years of a period are four digits from 1000 on.
  return new Date(local - 1).getUTCFullYear()
}

const list = (items: readonly string[], max = 12): string =>
  items.length > max
    ? `${items.slice(0, max).join(', ')} and ${items.length - max} more`
    : items.join(', ')

const quote = (s: string): string => JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}…` : s)

/**
 * The factor of the set a record names: by `factorId` (exactly), else by `factorActivity`,
 * geography and year (docs/generate.md, "Selecting a factor"). `path` is the record's JSON
 * Pointer in the caller's input; findings are at `path/factorId` or `path/factorActivity`. Pass
 * a `FactorSetIndex` (`indexFactorSet`) or the set itself (indexed on first use and cached), so
 * that each call is a few map look-ups. Never throws.
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when the set or record cannot be read at all
 *   (a throwing getter, a revoked Proxy); a record that names no factor gives FACTOR_NOT_FOUND.
 *
 * @example
 * ```ts
 * const { factor, findings } = selectFactor(set, {
 *   factorActivity: 'grid-electricity',
 *   geography: 'CN-JS',
 *   period: { start: '2025-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
 * }, '/records/0')
 * // factor: the CN factor of 2023 (no CN-JS factor; the latest year not after 2025);
 * // findings: one info FACTOR_SELECTED saying so
 * ```
 */
export function selectFactor(
  set: EmissionFactorSet | FactorSetIndex,
  record: Partial<Pick<ActivityRecord, 'factorId' | 'factorActivity' | 'geography' | 'period'>>,
  path: string,
): FactorSelection {
  try {
    return select(set, record, path)
  } catch (err) {
    // A hostile set or record (a throwing getter, a revoked Proxy): misuse, reported with a code.
    throw asCarbonPassportError(
      err,
      'ERR_INVALID_ARGUMENT',
      'selectFactor: the input cannot be read',
    )
  }
}

function select(
  set: EmissionFactorSet | FactorSetIndex,
  record: Partial<Pick<ActivityRecord, 'factorId' | 'factorActivity' | 'geography' | 'period'>>,
  path: string,
): FactorSelection {
  const findings: Finding[] = []
  const index = indexOf(set)
  const setName = describeSet(index.set)
  const factorId: unknown = isObject(record) ? record.factorId : undefined
  if (typeof factorId === 'string') {
    const factor = index.byId.get(factorId)
    if (factor) return { factor, findings }
    findings.push(
      generationCodes.finding('FACTOR_NOT_FOUND', `${path}/factorId`, {
        detail: `The set ${setName} has no factor with the id ${quote(factorId)}.`,
      }),
    )
    return { findings }
  }
  const activity: unknown = isObject(record) ? record.factorActivity : undefined
  if (typeof activity !== 'string') {
    findings.push(
      generationCodes.finding('FACTOR_NOT_FOUND', path, {
        detail: 'The record names no factor of the set: give factorId or factorActivity.',
      }),
    )
    return { findings }
  }
  const at = `${path}/factorActivity`
  const group = index.byActivity.get(activity)
  if (!group) {
    const known = [...index.byActivity.keys()].sort()
    findings.push(
      generationCodes.finding('FACTOR_NOT_FOUND', at, {
        detail: `The set ${setName} has no factor for the activity ${quote(activity)}${known.length > 0 ? `; its activities are ${list(known.map(quote))}` : ''}.`,
      }),
    )
    return { findings }
  }
  const geography: unknown = record.geography
  const chain: { geography: string; why: string }[] = []
  if (typeof geography === 'string' && geography !== '') {
    chain.push({ geography, why: "the record's own geography" })
    const country = SUBDIVISION.exec(geography)?.[1]
    if (country !== undefined) {
      chain.push({ geography: country, why: `the country of ${geography}, which has no factor` })
    }
  }
  if (!chain.some((c) => c.geography === 'GLO')) {
    chain.push({
      geography: 'GLO',
      why:
        chain.length > 0
          ? `global: no factor for ${list(chain.map((c) => c.geography))}`
          : 'global: the record gives no geography',
    })
  }
  const step = chain.find((c) => group.byGeography.has(c.geography))
  if (!step) {
    findings.push(
      generationCodes.finding('FACTOR_NOT_FOUND', at, {
        detail: `The set ${setName} has no factor of the activity ${quote(activity)} for ${list(chain.map((c) => c.geography))}; it has ${available(group)}.${typeof geography === 'string' ? '' : ' The record gives no geography.'}`,
      }),
    )
    return { findings }
  }
  const candidates = group.byGeography.get(step.geography) as readonly FactorSetEntry[]
  const year = periodEndYear(isObject(record.period) ? record.period.end : undefined)
  if (year === undefined) {
    findings.push(
      generationCodes.finding('FACTOR_NOT_FOUND', at, {
        detail: `The record's period has no end date-time, so no reference year can be picked among the factors of ${quote(activity)} for ${step.geography} (${years(candidates)}).`,
      }),
    )
    return { findings }
  }
  // Sorted by year then id: the last year not after `year`, its smallest id; else the first.
  let pick: FactorSetEntry | undefined
  for (const c of candidates) {
    if (c.referenceYear > year) break
    if (pick === undefined || c.referenceYear > pick.referenceYear) pick = c
  }
  const later = pick === undefined
  const chosen = pick ?? (candidates[0] as FactorSetEntry)
  const tied = candidates.filter((c) => c.referenceYear === chosen.referenceYear).length
  const yearWhy = later
    ? `the earliest there is, later than ${year}, the year the record's period ends in: no factor of ${year} or before`
    : `the latest not after ${year}, the year the record's period ends in`
  const detail =
    `Factor ${quote(chosen.id)} of the set ${setName} picked for the activity ${quote(activity)}: ` +
    `geography ${chosen.geography} (${step.why}), reference year ${chosen.referenceYear} (${yearWhy})` +
    `${tied > 1 ? `; ${tied} factors share both, the first by id was taken` : ''}.`
  findings.push(
    generationCodes.finding('FACTOR_SELECTED', at, { detail }, later ? 'warning' : undefined),
  )
  return { factor: chosen, findings }
}

function describeSet(set: unknown): string {
  if (!isObject(set)) return '(unnamed)'
  const name = typeof set.name === 'string' ? set.name : '(unnamed)'
  return typeof set.version === 'string' ? `${quote(name)} ${set.version}` : quote(name)
}

function years(candidates: readonly FactorSetEntry[]): string {
  return [...new Set(candidates.map((c) => c.referenceYear))].join(', ')
}

function available(group: ActivityFactors): string {
  const parts = [...group.byGeography.keys()]
    .sort()
    .map((g) => `${g} (${years(group.byGeography.get(g) as FactorSetEntry[])})`)
  return list(parts)
}
