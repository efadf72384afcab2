/**
 * Shape checks of generation input: each reads one field of an untrusted value and, when it is not
 * what the type says, appends GENERATION_INPUT_INVALID with the field's JSON Pointer. No check
 * throws, whatever the value (a getter that throws is the caller's guard's business: input is
 * JSON-like data).
 */
import { type Dec, parseDecimal, sign } from '../decimal/core.js'
import type { Finding } from '../findings/finding.js'
import { generationCodes } from './codes.js'

/** A plain object's fields, or undefined. */
export type Fields = Readonly<Record<string, unknown>>

/** Whether a value is a non-null, non-array object. */
export const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A field of an object, own properties only (`__proto__` and inherited names read as absent). */
export const field = (o: Fields, name: string): unknown =>
  Object.hasOwn(o, name) ? o[name] : undefined

/** Appends GENERATION_INPUT_INVALID at `path`. */
export function invalid(errors: Finding[], path: string, detail: string): void {
  generationCodes.report(errors, 'GENERATION_INPUT_INVALID', path, { detail })
}

/** Describes a value's JSON type, for messages. */
export const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value

/** A required (or, with `optional`, absent) string field. */
export function stringField(
  errors: Finding[],
  o: Fields,
  name: string,
  path: string,
  optional = false,
): string | undefined {
  const v = field(o, name)
  if (v === undefined && optional) return undefined
  if (typeof v === 'string' && v.length > 0) return v
  invalid(errors, `${path}/${name}`, `${name} is a non-empty string, not ${typeOf(v)}.`)
  return undefined
}

/** A field that must be one of `values` (optional when `optional`). */
export function enumField<T>(
  errors: Finding[],
  o: Fields,
  name: string,
  path: string,
  values: readonly T[],
  optional = false,
): T | undefined {
  const v = field(o, name)
  if (v === undefined && optional) return undefined
  if ((values as readonly unknown[]).includes(v)) return v as T
  invalid(
    errors,
    `${path}/${name}`,
    `${name} is one of ${values.map((x) => JSON.stringify(x)).join(', ')}, not ${JSON.stringify(v) ?? 'undefined'}.`,
  )
  return undefined
}

/** What a Decimal field must be besides a Decimal string. */
export type Bound = 'any' | 'non-negative' | 'positive' | 'non-positive'

const BOUND_TEXT: Record<Bound, string> = {
  any: '',
  'non-negative': ' ≥ 0',
  positive: ' > 0',
  'non-positive': ' ≤ 0',
}

/** Whether a decimal is within a bound. */
export function within(d: Dec, bound: Bound): boolean {
  const s = sign(d)
  return (
    bound === 'any' || (bound === 'non-negative' ? s >= 0 : bound === 'positive' ? s > 0 : s <= 0)
  )
}

/** A Decimal-string field, within `bound` (optional when `optional`). */
export function decimalField(
  errors: Finding[],
  o: Fields,
  name: string,
  path: string,
  bound: Bound = 'any',
  optional = false,
): Dec | undefined {
  const v = field(o, name)
  if (v === undefined && optional) return undefined
  const d = parseDecimal(v)
  if (d !== undefined && within(d, bound)) return d
  invalid(
    errors,
    `${path}/${name}`,
    `${name} is a Decimal string${BOUND_TEXT[bound]} (such as "12.5", at most 50 characters), not ${typeof v === 'string' ? JSON.stringify(v) : typeOf(v)}.`,
  )
  return undefined
}
