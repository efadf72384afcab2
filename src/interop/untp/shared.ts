/**
 * What the UNTP converters share: the context URLs, the code tables both directions read, and the
 * small JSON helpers (pointers, residuals, lossless number checks).
 */
import { UNTP_EXTENSION_CONTEXT_URL, VC_V2_CONTEXT_URL } from '../../context/bundled.js'
import {
  decimalOf,
  formatDecimal,
  isDecimalString,
  numberToDecimalString,
  parseDecimal,
} from '../../decimal/core.js'
import { isObject, type Json } from '../../json.js'
import { deepEqual } from '../json.js'

export { UNTP_EXTENSION_CONTEXT_URL, VC_V2_CONTEXT_URL }

/** The UNTP versions the converters write. */
export type UntpVersion = '0.6.1' | '0.7.0'

/** The UNTP DPP context of each version. */
export const UNTP_CONTEXT_URLS: Readonly<Record<UntpVersion, string>> = {
  '0.6.1': 'https://test.uncefact.org/vocabulary/untp/dpp/0.6.1/',
  '0.7.0': 'https://vocabulary.uncefact.org/untp/0.7.0/context/',
}

/** The extension term carrying what UNTP has no field for (a partial passport subject). */
export const EXTENSION_TERM = 'carbonPassport'
/** The extension term listing the UNTP fields (JSON Pointers) the conversion filled with defaults. */
export const DEFAULTS_TERM = 'untpDefaults'

/** UNTP 0.7.0 conformity topic of greenhouse gas emissions. */
export const GHG_TOPIC_IRI =
  'https://vocabulary.uncefact.org/conformity-topic/greenhouse-gas-emissions'
/** UNTP 0.7.0 performance metric of a battery's carbon footprint. */
export const BATTERY_METRIC_IRI =
  'https://vocabulary.uncefact.org/performance-metric/battery-carbon-footprint'
/** UNTP 0.7.0 performance metric of a product's carbon footprint. */
export const PRODUCT_METRIC_IRI =
  'https://vocabulary.uncefact.org/performance-metric/product-carbon-footprint'
/** UNTP link type of a conformity credential. */
export const DCC_LINK_TYPE = 'https://test.uncefact.org/vocabulary/linkTypes/dcc'

/** The id suffix of the footprint claim the converter writes (`<credential id>#carbon-footprint`). */
export const CLAIM_FRAGMENT = '#carbon-footprint'

/** PACT declared unit ↔ UN/ECE Recommendation 20 code (one to one). */
export const DECLARED_UNIT_REC20: Readonly<Record<string, string>> = {
  liter: 'LTR',
  kilogram: 'KGM',
  'cubic meter': 'MTQ',
  'kilowatt hour': 'KWH',
  megajoule: '3B',
  'ton kilometer': 'TKM',
  'square meter': 'MTK',
  piece: 'H87',
  hour: 'HUR',
  'megabit second': 'E47',
}

/** Passport classification scheme ↔ UNTP classification scheme IRI and name. */
export const CLASSIFICATION_SCHEME_IRIS: Readonly<Record<string, { id: string; name: string }>> = {
  'un-cpc': {
    id: 'https://unstats.un.org/unsd/classifications/Econ/cpc/',
    name: 'UN Central Product Classification (CPC)',
  },
  hs: { id: 'https://www.wcoomd.org/en/topics/nomenclature.aspx', name: 'Harmonized System (HS)' },
  cn: {
    id: 'https://taxation-customs.ec.europa.eu/customs-4/calculation-customs-duties/customs-tariff/combined-nomenclature_en',
    name: 'EU Combined Nomenclature (CN)',
  },
  eclass: { id: 'https://eclass.eu/', name: 'ECLASS' },
  unspsc: { id: 'https://www.unspsc.org/', name: 'UNSPSC' },
}

/** Cross-sectoral standards with a known IRI (the rest stay in the extension only). */
export const KNOWN_STANDARDS: Readonly<
  Record<string, { id: string; name: string; issuer: { id: string; name: string } }>
> = {
  ISO14067: {
    id: 'https://www.iso.org/standard/71206.html',
    name: 'ISO 14067:2018 Carbon footprint of products',
    issuer: { id: 'https://www.iso.org/', name: 'International Organization for Standardization' },
  },
  'GHGP-Product': {
    id: 'https://ghgprotocol.org/product-standard',
    name: 'GHG Protocol Product Life Cycle Accounting and Reporting Standard',
    issuer: { id: 'https://ghgprotocol.org/', name: 'WRI / WBCSD Greenhouse Gas Protocol' },
  },
  'PACT-3.0': {
    id: 'https://wbcsd.github.io/tr/2025/data-exchange-protocol-20250122/',
    name: 'PACT Methodology and Data Exchange 3.0',
    issuer: { id: 'https://www.carbon-transparency.org/', name: 'WBCSD PACT' },
  },
}

/** Escapes one JSON Pointer reference token. */
export const token = (key: string | number): string =>
  String(key).replaceAll('~', '~0').replaceAll('/', '~1')

/** Whether a value is a plain JSON object. */
export const isJson = (v: unknown): v is Json => isObject(v)

/** A deep copy of a JSON value. */
export const copy = <T>(v: T): T => structuredClone(v)

/** Deletes `path` (keys from the root) from `root`, removing objects it leaves empty. */
export function prune(root: Json, path: readonly string[]): void {
  const [head, ...rest] = path
  if (head === undefined || !(head in root)) return
  if (rest.length === 0) {
    delete root[head]
    return
  }
  const child = root[head]
  if (!isJson(child)) return
  prune(child, rest)
  if (Object.keys(child).length === 0) delete root[head]
}

/** Reads `path` (keys from the root) of a JSON value. */
export function at(root: unknown, path: readonly (string | number)[]): unknown {
  let v = root
  for (const k of path) {
    if (Array.isArray(v) && typeof k === 'number') v = v[k]
    else if (isJson(v) && typeof k === 'string') v = v[k]
    else return undefined
  }
  return v
}

/**
 * The JSON Pointers (relative to `base`) of the smallest subtrees of `residual` that stand in
 * `original` whole: one pointer per carried block rather than one per leaf.
 */
export function carriedPaths(original: unknown, residual: unknown, base: string): string[] {
  if (deepEqual(original, residual)) return [base]
  if (isJson(residual) && isJson(original)) {
    return Object.keys(residual).flatMap((k) =>
      carriedPaths(original[k], residual[k], `${base}/${token(k)}`),
    )
  }
  return [base]
}

/** `residual` merged over `base`: objects merge key by key, anything else from `residual` wins. */
export function mergeOver(base: unknown, residual: unknown): unknown {
  if (isJson(base) && isJson(residual)) {
    const out: Json = { ...base }
    for (const [k, v] of Object.entries(residual)) out[k] = mergeOver(base[k], v)
    return out
  }
  return copy(residual)
}

/** A Decimal string as a JSON number, and whether the number gives the same string back. */
export function decimalToNumber(d: unknown): { value: number; exact: boolean } | undefined {
  if (!isDecimalString(d)) return undefined
  const value = Number(d)
  if (!Number.isFinite(value)) return undefined
  return { value, exact: numberToDecimal(value) === d }
}

/** A finite JSON number as a Decimal string without exponent (`1e-7` → `0.0000001`). */
export function numberToDecimal(n: number): string | undefined {
  return Number.isFinite(n) ? numberToDecimalString(n) : undefined
}

/** Moves the decimal point of a Decimal string `places` to the left (÷ 10^places), exactly. */
export function shiftDecimal(d: string, places: number): string | undefined {
  const value = parseDecimal(d, Number.MAX_SAFE_INTEGER)
  if (value === undefined) return undefined
  const scale = value.scale + places
  const shifted =
    scale >= 0 ? decimalOf(value.int, scale) : decimalOf(value.int * 10n ** BigInt(-scale))
  return formatDecimal(shifted, Number.MAX_SAFE_INTEGER)
}

/** The calendar date (`YYYY-MM-DD`) of an RFC 3339 date-time, in UTC. */
export function dateOf(dateTime: unknown): string | undefined {
  if (typeof dateTime !== 'string') return undefined
  const t = Date.parse(dateTime)
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10)
}

/** Adds `days` to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string | undefined {
  const t = Date.parse(`${date}T00:00:00Z`)
  if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10)
}

/** The hex SHA-256 of a multibase (`u` base64url) sha2-256 multihash, or undefined. */
export function multibaseSha256Hex(digestMultibase: unknown): string | undefined {
  if (typeof digestMultibase !== 'string' || !digestMultibase.startsWith('u')) return undefined
  const bytes = Buffer.from(digestMultibase.slice(1), 'base64url')
  if (bytes.length !== 34 || bytes[0] !== 0x12 || bytes[1] !== 0x20) return undefined
  return bytes.subarray(2).toString('hex')
}

/** The multibase (`u` base64url) sha2-256 multihash of a hex SHA-256, or undefined. */
export function sha256HexToMultibase(hex: unknown): string | undefined {
  if (typeof hex !== 'string' || !/^[0-9a-fA-F]{64}$/.test(hex)) return undefined
  return `u${Buffer.concat([Buffer.from([0x12, 0x20]), Buffer.from(hex, 'hex')]).toString('base64url')}`
}

/** The GTIN of a GS1 Digital Link URI (`https://id.gs1.org/01/<gtin>/…`), or undefined. */
export function gtinOf(iri: unknown): string | undefined {
  if (typeof iri !== 'string') return undefined
  return /^https:\/\/id\.gs1\.org\/01\/(\d{14})(?:[/?#]|$)/.exec(iri)?.[1]
}
