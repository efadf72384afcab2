/** What the Catena-X converters share: the footprint field groups, names and number readers. */
import { isObject, type Json } from '../../json.js'
import type { LifecycleStage } from '../../model/types.js'
import { at, convertSafely, decimalOf, type Losses, readSource } from '../source.js'
import type { ConversionResult, PassportCredentialDraft } from '../types.js'

/** The SOURCE_UNREADABLE message of a conversion that failed on a shape nobody foresaw. */
export const FAILURE = 'The conversion failed unexpectedly'

/** A conversion of a source already read into `losses`. */
export type ReadConversion = (
  doc: Json,
  losses: Losses,
) => ConversionResult<PassportCredentialDraft>

/**
 * Reads `source` (object, JSON text or bytes) and converts it; never throws. Each aspect's `from*`
 * is this with its conversion, which `fromCatenaX` reaches after telling the aspect by its shape.
 */
export function readAndConvert(
  source: unknown,
  what: string,
  convert: ReadConversion,
): ConversionResult<PassportCredentialDraft> {
  return convertSafely(FAILURE, (losses) => {
    const doc = readSource(source, what, losses)
    return doc ? convert(doc, losses) : { losses: losses.list }
  })
}

/** The production-stage emission fields, the same names as the passport footprint's. */
export const PRODUCTION_FIELDS = [
  'pcfExcludingBiogenicUptake',
  'pcfIncludingBiogenicUptake',
  'fossilGhgEmissions',
  'biogenicNonCO2Emissions',
  'landUseChangeGhgEmissions',
  'landManagementBiogenicCO2Emissions',
  'landManagementBiogenicCO2Removals',
  'biogenicCO2Uptake',
  'aircraftGhgEmissions',
] as const
export const CARBON_CONTENT_FIELDS = [
  'fossilCarbonContent',
  'biogenicCarbonContent',
  'recycledCarbonContent',
  'packagingBiogenicCarbonContent',
] as const

/** The one object of a SAMM collection (a list of one); more are FIELD_NOT_CARRIED. */
export function one(
  parent: Json,
  key: string,
  base: string,
  losses: Losses,
): { value: Json; path: string } | undefined {
  const v = parent[key]
  const path = at(base, key)
  if (v === undefined) return undefined
  if (isObject(v)) return { value: v, path } // liberal: an object where a list of one belongs
  if (!Array.isArray(v)) {
    losses.invalid(path, `\`${key}\` is not a list of objects; it is not carried.`, 'warning')
    return undefined
  }
  v.slice(1).forEach((_, i) => {
    losses.notCarried(at(path, i + 1), `Only the first \`${key}\` entry is read.`)
  })
  const first = v[0]
  if (!isObject(first)) {
    if (first !== undefined)
      losses.invalid(at(path, 0), `\`${key}\` holds no object; it is not carried.`, 'warning')
    return undefined
  }
  return { value: first, path: at(path, 0) }
}

/** Reads Catena-X numbers (JSON numbers, liberally Decimal strings) into Decimal strings. */
export function dec(obj: Json, key: string, base: string, losses: Losses): string | undefined {
  const v = obj[key]
  if (v === undefined || v === null) return undefined
  const d = decimalOf(v)
  if (d === undefined)
    losses.invalid(at(base, key), `\`${key}\` is not a number; it is not carried.`, 'warning')
  return d
}

/** `name version` into `{name, version}`: the last word is the version when it starts with a digit or v. */
export function emissionFactorSource(s: string, path: string, losses: Losses): Json {
  const m = /^(.*\S)\s+(v?\d\S*)$/i.exec(s.trim())
  if (m) return { name: m[1], version: m[2] }
  losses.defaulted(
    path,
    `"${s}" names no version; the passport requires one, so "unspecified" was written.`,
  )
  return { name: s.trim(), version: 'unspecified' }
}

/** Our stage of a free-text Catena-X life-cycle name; `total` for the whole footprint. */
export function stageOfCatenaX(name: unknown): LifecycleStage | 'total' | undefined {
  if (typeof name !== 'string') return undefined
  const s = name.toLowerCase()
  if (/raw material/.test(s)) return 'raw-material-acquisition'
  if (/main product|production/.test(s)) return 'main-production'
  if (/distribution/.test(s)) return 'distribution'
  if (/end of life|end-of-life|recycling|eol/.test(s)) return 'end-of-life'
  if (/total|whole|entire|all stages|full life/.test(s)) return 'total'
  return undefined
}
