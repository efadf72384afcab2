/**
 * Exact decimal arithmetic for Decimal strings, on scaled BigInts: a value is `int × 10^-scale`.
 * Sums and products of Decimal strings are exact, so a comparison never fails (or passes) because of
 * a binary floating-point rounding; only the relative tolerance the caller chose decides.
 */

/** An exact decimal: `int × 10^-scale`. */
export interface Dec {
  readonly int: bigint
  readonly scale: number
}

/** The longest Decimal string we do arithmetic on (sign, digits and point); longer ones are refused. */
export const MAX_DECIMAL_LENGTH = 50

const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/

export const ZERO: Dec = { int: 0n, scale: 0 }

const POW10: bigint[] = [1n]
function pow10(n: number): bigint {
  for (let i = POW10.length; i <= n; i++) POW10.push((POW10[i - 1] as bigint) * 10n)
  return POW10[n] as bigint
}

/** Whether a string is a Decimal (PACT encoding: no exponent, no leading `+` or zeros). */
export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL.test(value)
}

/** Parses a Decimal string; `undefined` when it is not one or is longer than MAX_DECIMAL_LENGTH. */
export function parseDecimal(value: unknown): Dec | undefined {
  if (typeof value !== 'string' || value.length > MAX_DECIMAL_LENGTH || !DECIMAL.test(value)) {
    return undefined
  }
  const dot = value.indexOf('.')
  if (dot < 0) return { int: BigInt(value), scale: 0 }
  return { int: BigInt(value.slice(0, dot) + value.slice(dot + 1)), scale: value.length - dot - 1 }
}

/** A decimal from a finite JavaScript number (for tolerances and constants), to 15 significant digits. */
export function decimalFromNumber(value: number): Dec {
  if (!Number.isFinite(value)) throw new RangeError('not a finite number')
  const text = value.toFixed(15).replace(/\.?0+$/, '')
  return parseDecimal(text === '-0' ? '0' : text) ?? ZERO
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.int, b.int, a.scale]
  if (a.scale > b.scale) return [a.int, b.int * pow10(a.scale - b.scale), a.scale]
  return [a.int * pow10(b.scale - a.scale), b.int, b.scale]
}

export function add(a: Dec, b: Dec): Dec {
  const [x, y, scale] = align(a, b)
  return { int: x + y, scale }
}

export function sub(a: Dec, b: Dec): Dec {
  const [x, y, scale] = align(a, b)
  return { int: x - y, scale }
}

export function mul(a: Dec, b: Dec): Dec {
  return { int: a.int * b.int, scale: a.scale + b.scale }
}

/** -1, 0 or 1. */
export function compare(a: Dec, b: Dec): number {
  const [x, y] = align(a, b)
  return x < y ? -1 : x > y ? 1 : 0
}

export function sign(a: Dec): number {
  return a.int < 0n ? -1 : a.int > 0n ? 1 : 0
}

export function abs(a: Dec): Dec {
  return a.int < 0n ? { int: -a.int, scale: a.scale } : a
}

/**
 * Whether `actual` equals `expected` within a relative tolerance: |actual − expected| ≤
 * tolerance × max(|actual|, |expected|). With tolerance 0 the values must be equal.
 */
export function approxEqual(actual: Dec, expected: Dec, tolerance: Dec): boolean {
  const diff = abs(sub(actual, expected))
  if (diff.int === 0n) return true
  const a = abs(actual)
  const e = abs(expected)
  const max = compare(a, e) >= 0 ? a : e
  return compare(diff, mul(tolerance, max)) <= 0
}

/**
 * `a / b` rounded half away from zero to `digits` decimal places (for messages and for quotients
 * that have no exact decimal form). `b` must not be zero.
 */
export function div(a: Dec, b: Dec, digits = 12): Dec {
  // a/b = (a.int / 10^a.scale) / (b.int / 10^b.scale); result scaled by 10^digits.
  let num = a.int * pow10(digits + b.scale)
  let den = b.int * pow10(a.scale)
  if (den < 0n) {
    num = -num
    den = -den
  }
  const q = num / den
  const r = num % den
  const rounded = 2n * (r < 0n ? -r : r) >= den ? q + (num < 0n ? -1n : 1n) : q
  return { int: rounded, scale: digits }
}

/** The canonical text of a decimal: no trailing zeros, no trailing point, `0` for zero. */
export function formatDecimal(a: Dec, maxFractionDigits = 12): string {
  let { int, scale } = a
  if (scale > maxFractionDigits) {
    const r = div(a, { int: 1n, scale: 0 }, maxFractionDigits)
    int = r.int
    scale = r.scale
  }
  while (scale > 0 && int % 10n === 0n) {
    int /= 10n
    scale--
  }
  const negative = int < 0n
  let digits = (negative ? -int : int).toString()
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0')
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`
  }
  return negative ? `-${digits}` : digits
}

/** Sums decimals; an empty list sums to zero. */
export function sum(values: readonly Dec[]): Dec {
  let total = ZERO
  for (const v of values) total = add(total, v)
  return total
}
