/**
 * Exact arithmetic on Decimal strings, the number encoding of passports (PACT: `-?digits[.digits]`,
 * no exponent, no leading `+` or zeros), for writing passports by hand or by program without binary
 * floating point: `String(0.0002 * 0.0003)` is `6e-8`, which the schema rejects, while
 * `decimal.mul('0.0002', '0.0003')` is `'0.00000006'`.
 *
 * Every function takes Decimal strings and returns a canonical one: no trailing zeros, `0` for
 * zero (never `-0`), never an exponent. `add`, `sub`, `mul`, `sum` and `compare` are exact; `div`
 * and `round` round to a number of decimal places as a {@link Rounding} mode says. These are thin
 * wrappers over the same exact decimal arithmetic the conformance rules use.
 *
 * Arguments longer than {@link MAX_LENGTH} (1,000) characters are refused (a guard against
 * unbounded work on untrusted input); results are not capped. Misuse throws a
 * CarbonPassportError with code `ERR_INVALID_ARGUMENT` whose message names the argument.
 *
 * @example
 * ```ts
 * import { decimal } from 'carbon-passport'
 *
 * decimal.mul('0.0002', '0.0003') // '0.00000006'
 * decimal.add('0.1', '0.2') // '0.3'
 * decimal.sum(['1.25', '2.5', '-0.75']) // '3'
 * decimal.div('2', '3', { digits: 4 }) // '0.6667'
 * decimal.round('2.345', 2) // '2.34' (half-even)
 * decimal.round('2.345', 2, 'half-up') // '2.35'
 * decimal.fromNumber(6e-8) // '0.00000006'
 * decimal.toString('1.500') // '1.5'
 * ```
 *
 * @module decimal
 */

import { CarbonPassportError } from '../errors.js'
import { asCarbonPassportError, readOptions } from '../guard.js'
import * as core from './core.js'

/**
 * How `div` and `round` round a result that has more decimal places than asked for:
 * - `half-even`: to the nearest, a tie to the even neighbour (banker's rounding; the default);
 * - `half-up`: to the nearest, a tie away from zero (`2.5` → `3`, `-2.5` → `-3`);
 * - `down`: toward zero (truncation);
 * - `up`: away from zero;
 * - `floor`: toward −∞;
 * - `ceiling`: toward +∞.
 */
export type Rounding = 'half-even' | 'half-up' | 'down' | 'up' | 'floor' | 'ceiling'

/** Options of {@link div}. */
export interface DivOptions {
  /** Decimal places of the quotient, an integer from 0 to MAX_DIGITS; 12 by default. */
  digits?: number
  /** How the last place is rounded; `half-even` by default. */
  rounding?: Rounding
}

/** The longest Decimal string argument accepted, in characters (sign, digits and point). */
export const MAX_LENGTH = 1000

/** The most decimal places `div` and `round` round to. */
export const MAX_DIGITS = 1000

const ROUNDINGS: ReadonlySet<unknown> = new Set<Rounding>([
  'half-even',
  'half-up',
  'down',
  'up',
  'floor',
  'ceiling',
])

const invalid = (message: string): CarbonPassportError =>
  new CarbonPassportError('ERR_INVALID_ARGUMENT', message)

/** A value in an error message: a string quoted and cut short, anything else by its type. */
function shown(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  }
  if (typeof value === 'number' || typeof value === 'bigint') return `the ${typeof value} ${value}`
  return value === null ? 'null' : `a value of type ${typeof value}`
}

/** Parses argument `name` of function `fn`, or throws naming it. */
function arg(fn: string, name: string, value: unknown): core.Dec {
  const parsed = core.parseDecimal(value, MAX_LENGTH)
  if (parsed) return parsed
  const why =
    typeof value === 'string' && value.length > MAX_LENGTH
      ? `is longer than ${MAX_LENGTH} characters (${value.length})`
      : `is not a Decimal string (-?digits[.digits], no exponent): ${shown(value)}`
  throw invalid(`decimal.${fn}: ${name} ${why}`)
}

function digitsArg(fn: string, digits: unknown): number {
  if (typeof digits === 'number' && Number.isInteger(digits) && digits >= 0) {
    if (digits <= MAX_DIGITS) return digits
  }
  throw invalid(
    `decimal.${fn}: digits must be an integer from 0 to ${MAX_DIGITS}, not ${shown(digits)}`,
  )
}

function roundingArg(fn: string, rounding: unknown): Rounding {
  if (ROUNDINGS.has(rounding)) return rounding as Rounding
  throw invalid(
    `decimal.${fn}: rounding must be one of ${[...ROUNDINGS].join(', ')}, not ${shown(rounding)}`,
  )
}

const format = (a: core.Dec): string => core.formatDecimal(a, Number.POSITIVE_INFINITY)

/**
 * Whether a value is a Decimal string these functions accept: a string matching
 * `^-?(0|[1-9][0-9]*)(\.[0-9]+)?$` of at most {@link MAX_LENGTH} characters. Never throws.
 *
 * @example
 * ```ts
 * decimal.isDecimal('12.50') // true (not canonical, but a Decimal)
 * decimal.isDecimal('6e-8') // false
 * ```
 */
export function isDecimal(value: unknown): value is string {
  return core.parseDecimal(value, MAX_LENGTH) !== undefined
}

/**
 * `a + b`, exactly.
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when `a` or `b` is not a Decimal string.
 * @example
 * ```ts
 * decimal.add('0.1', '0.2') // '0.3'
 * ```
 */
export function add(a: string, b: string): string {
  return format(core.add(arg('add', 'a', a), arg('add', 'b', b)))
}

/**
 * `a − b`, exactly.
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when `a` or `b` is not a Decimal string.
 * @example
 * ```ts
 * decimal.sub('1', '0.9') // '0.1'
 * ```
 */
export function sub(a: string, b: string): string {
  return format(core.sub(arg('sub', 'a', a), arg('sub', 'b', b)))
}

/**
 * `a × b`, exactly (the result has as many decimal places as `a` and `b` together, at most).
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when `a` or `b` is not a Decimal string.
 * @example
 * ```ts
 * decimal.mul('0.0002', '0.0003') // '0.00000006'
 * ```
 */
export function mul(a: string, b: string): string {
  return format(core.mul(arg('mul', 'a', a), arg('mul', 'b', b)))
}

/**
 * The sum of a list of Decimal strings, exactly; `'0'` for an empty list.
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when `values` is not an array or one of its
 *   items is not a Decimal string (the message names its index).
 * @example
 * ```ts
 * decimal.sum(['1.25', '2.5', '-0.75']) // '3'
 * ```
 */
export function sum(values: readonly string[]): string {
  let items: unknown[]
  try {
    if (!Array.isArray(values)) {
      throw invalid(`decimal.sum: values must be an array, not ${shown(values)}`)
    }
    items = Array.from(values)
  } catch (err) {
    throw asCarbonPassportError(err, 'ERR_INVALID_ARGUMENT', 'decimal.sum: values cannot be read')
  }
  let total = core.ZERO
  for (let i = 0; i < items.length; i++) {
    total = core.add(total, arg('sum', `values[${i}]`, items[i]))
  }
  return format(total)
}

/**
 * Compares two Decimal strings by value: -1 when `a < b`, 0 when equal (`'1.50'` equals `'1.5'`),
 * 1 when `a > b`.
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when `a` or `b` is not a Decimal string.
 * @example
 * ```ts
 * ['10', '9.5', '-1'].sort(decimal.compare) // ['-1', '9.5', '10']
 * ```
 */
export function compare(a: string, b: string): -1 | 0 | 1 {
  const c = core.compare(arg('compare', 'a', a), arg('compare', 'b', b))
  return c < 0 ? -1 : c > 0 ? 1 : 0
}

/**
 * `a ÷ b` to `digits` decimal places (12 by default), rounded as `rounding` says.
 *
 * The default rounding is `half-even`: over many lines its rounding errors cancel on average
 * instead of drifting up, so totals of rounded quotients stay unbiased. (The conformance rules'
 * own division rounds half away from zero, `half-up`, and is unchanged: it only rounds beyond the
 * tolerance that decides a finding.)
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when `a` or `b` is not a Decimal string, `b`
 *   is zero, `digits` is not an integer from 0 to {@link MAX_DIGITS}, or `rounding` is unknown.
 * @example
 * ```ts
 * decimal.div('1', '3') // '0.333333333333'
 * decimal.div('2', '3', { digits: 2 }) // '0.67'
 * decimal.div('1', '8', { digits: 2 }) // '0.12' (a tie, to even)
 * decimal.div('1', '8', { digits: 2, rounding: 'half-up' }) // '0.13'
 * ```
 */
export function div(a: string, b: string, options: DivOptions = {}): string {
  const x = arg('div', 'a', a)
  const y = arg('div', 'b', b)
  const read = readOptions(options, ['digits', 'rounding'], 'decimal.div: options')
  const digits = digitsArg('div', read.digits ?? 12)
  const rounding = roundingArg('div', read.rounding ?? 'half-even')
  if (core.sign(y) === 0) throw invalid('decimal.div: b is zero (division by zero)')
  return format(core.div(x, y, digits, rounding))
}

/**
 * `a` rounded to `digits` decimal places, as `rounding` says; `half-even` by default (see
 * {@link div} for why). A value with no more places than `digits` is returned as it is (canonical).
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when `a` is not a Decimal string, `digits` is
 *   not an integer from 0 to {@link MAX_DIGITS}, or `rounding` is unknown.
 * @example
 * ```ts
 * decimal.round('2.345', 2) // '2.34'
 * decimal.round('2.345', 2, 'half-up') // '2.35'
 * decimal.round('-2.341', 2, 'floor') // '-2.35'
 * ```
 */
export function round(a: string, digits: number, rounding: Rounding = 'half-even'): string {
  const x = arg('round', 'a', a)
  return format(core.round(x, digitsArg('round', digits), roundingArg('round', rounding)))
}

/**
 * The shortest Decimal string that reads back as `value`: the digits of `String(value)`, never in
 * exponent form. `-0` gives `'0'`.
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when `value` is not a finite number (NaN,
 *   ±Infinity, or not a number).
 * @example
 * ```ts
 * decimal.fromNumber(6e-8) // '0.00000006'
 * decimal.fromNumber(1e21) // '1000000000000000000000'
 * decimal.fromNumber(0.1 + 0.2) // '0.30000000000000004'
 * ```
 */
export function fromNumber(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalid(`decimal.fromNumber: value must be a finite number, not ${shown(value)}`)
  }
  return core.numberToDecimalString(value)
}

/**
 * The canonical Decimal string of a number, a bigint or a Decimal string: numbers as
 * {@link fromNumber}, bigints in full, strings without trailing zeros (`'1.500'` → `'1.5'`,
 * `'-0.0'` → `'0'`).
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when `value` is a string that is not a
 *   Decimal string, a number that is not finite, or anything else.
 * @example
 * ```ts
 * decimal.toString(2.5e-7) // '0.00000025'
 * decimal.toString(10n ** 30n) // '1000000000000000000000000000000'
 * decimal.toString('-0.0') // '0'
 * ```
 */
function toDecimalString(value: number | bigint | string): string {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return core.numberToDecimalString(value)
    throw invalid(`decimal.toString: value must be a finite number, not ${shown(value)}`)
  }
  if (typeof value === 'bigint') return value.toString()
  return format(arg('toString', 'value', value))
}

// Named so inside the module: a function declared `toString` would shadow the global one.
export { toDecimalString as toString }
