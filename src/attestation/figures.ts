/**
 * The figures of a passport that an attestation covers, each a JSON Pointer into the passport
 * credential with the value found there, and the passport's digest as attestations bind it.
 */
import { compare, isDecimalString, parseDecimal } from '../decimal/core.js'
import { unescapePointer } from '../findings/pointer.js'
import { isRecord } from '../guard.js'
import { computePassportDigest } from '../supply-chain/digest.js'

/** One figure an attestation covers: where it is in the passport credential, and its value. */
export interface VerifiedFigure {
  /** JSON Pointer (RFC 6901) of the figure in the passport credential. */
  pointer: string
  /** The figure exactly as the passport states it (a Decimal string or a unit). */
  verifiedValue: string
}

/** The most battery declarations whose per-FU values are attested by default. */
const MAX_DECLARATIONS = 1000

const FOOTPRINT = '/credentialSubject/footprint'
const DEFAULT_FOOTPRINT_FIGURES = [
  'pcfExcludingBiogenicUptake',
  'pcfIncludingBiogenicUptake',
  'declaredUnitOfMeasurement',
  'declaredUnitAmount',
] as const

/** RFC 6901: `''` or `/`-prefixed tokens with `~` only as `~0` or `~1`. */
const JSON_POINTER = /^(\/([^~/]|~[01])*)*$/

/** Whether `value` is a JSON Pointer of a member (not the whole document). */
export const isMemberPointer = (value: unknown): value is string =>
  typeof value === 'string' && value !== '' && value.length <= 1000 && JSON_POINTER.test(value)

/**
 * The value at a JSON Pointer, own members and array indexes only (never an inherited member such
 * as `constructor`), or undefined.
 */
export function valueAtPointer(doc: unknown, pointer: string): unknown {
  if (pointer === '') return doc
  let value = doc
  for (const raw of pointer.slice(1).split('/')) {
    const key = unescapePointer(raw)
    if (Array.isArray(value)) {
      if (!/^(0|[1-9][0-9]*)$/.test(key)) return undefined
      value = value[Number(key)]
    } else if (isRecord(value) && Object.hasOwn(value, key)) {
      value = value[key]
    } else {
      return undefined
    }
  }
  return value
}

/** The figure at `pointer` of the passport: a string value, or undefined when there is none. */
export function figureAt(passport: unknown, pointer: string): string | undefined {
  const value = valueAtPointer(passport, pointer)
  return typeof value === 'string' ? value : undefined
}

/** Whether two figures are the same: the same text, or the same number as Decimal strings. */
export function sameFigure(a: string, b: string): boolean {
  if (a === b) return true
  if (!isDecimalString(a) || !isDecimalString(b)) return false
  const x = parseDecimal(a)
  const y = parseDecimal(b)
  return x !== undefined && y !== undefined && compare(x, y) === 0
}

/**
 * The pointers of the figures an attestation covers by default: the PCF (excluding and, when
 * stated, including biogenic uptake), the declared unit and its amount, and for a battery each
 * declaration's per-FU value; only those the passport states.
 */
export function defaultFigurePointers(passport: unknown): string[] {
  const pointers: string[] = []
  for (const name of DEFAULT_FOOTPRINT_FIGURES) {
    const at = `${FOOTPRINT}/${name}`
    if (figureAt(passport, at) !== undefined) pointers.push(at)
  }
  const declarations = valueAtPointer(passport, '/credentialSubject/battery/declarations')
  if (Array.isArray(declarations)) {
    const count = Math.min(declarations.length, MAX_DECLARATIONS)
    for (let i = 0; i < count; i++) {
      const at = `/credentialSubject/battery/declarations/${i}/footprintPerFunctionalUnit`
      if (figureAt(passport, at) !== undefined) pointers.push(at)
    }
  }
  return pointers
}

/**
 * The `digestMultibase` an attestation binds: `computePassportDigest` of the passport as secured.
 * For a vc+jwt it is asked for the digest of the compact JWS first (a definition over the JWS
 * bytes), and of the decoded credential when it takes only objects. Never reimplemented here.
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when the credential cannot be digested.
 */
export function passportDigest(credential: Record<string, unknown>, jws?: string): string {
  if (jws !== undefined) {
    try {
      return computePassportDigest(jws)
    } catch {
      // The digest is defined over the credential's JSON only.
    }
  }
  return computePassportDigest(credential)
}
