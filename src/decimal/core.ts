/**
 * Exact decimal arithmetic for Decimal strings: a value is `int × 10^-scale`. Sums and products of
 * Decimal strings are exact, so a comparison never fails (or passes) because of a binary
 * floating-point rounding; only the relative tolerance the caller chose decides.
 *
 * Passport values are short (`6419.22`), so the integer is kept as a Number while it is a safe
 * integer (|n| ≤ 2^53 − 1), where +, −, × of integers are exact; every operation checks that its
 * result is still safe and otherwise redoes the operation on BigInts. A result beyond 2^53 is never
 * used as a Number: a rounded float product of two integers is ≥ 2^53 whenever the exact one is,
 * so the check cannot be fooled by rounding.
 */

/** An exact decimal: `int × 10^-scale`. */
export interface Dec {
  readonly int: bigint
  readonly scale: number
}

/** The longest Decimal string we do arithmetic on (sign, digits and point); longer ones are refused. */
export const MAX_DECIMAL_LENGTH = 50

const DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/

const MAX = Number.MAX_SAFE_INTEGER

/**
 * The decimals this module makes. `n` is the exact integer when `big` is undefined (the safe
 * range); beyond it `big` holds the integer and `n` is NaN.
 */
class Decimal implements Dec {
  readonly n: number
  readonly big: bigint | undefined
  readonly scale: number
  constructor(n: number, big: bigint | undefined, scale: number) {
    this.n = n
    this.big = big
    this.scale = scale
  }
  get int(): bigint {
    return this.big ?? BigInt(this.n)
  }
}

/** A decimal `int × 10^-scale`, kept as a Number when it is safe. */
export function decimalOf(int: bigint, scale = 0): Dec {
  return ofBig(int, scale)
}

const MAX_BIG = BigInt(MAX)
function ofBig(int: bigint, scale: number): Decimal {
  return int <= MAX_BIG && int >= -MAX_BIG
    ? new Decimal(Number(int), undefined, scale)
    : new Decimal(Number.NaN, int, scale)
}

/** Ours as is; a plain `{ int, scale }` (tests, callers) converted. */
const of = (a: Dec): Decimal => (a instanceof Decimal ? a : ofBig(a.int, a.scale))

export const ZERO: Dec = new Decimal(0, undefined, 0)

const POW10: bigint[] = [1n]
function pow10(n: number): bigint {
  for (let i = POW10.length; i <= n; i++) POW10.push((POW10[i - 1] as bigint) * 10n)
  return POW10[n] as bigint
}

/** 10^0 … 10^22, all exact doubles. */
const POW10_NUMBER: number[] = []
for (let i = 0; i <= 22; i++) POW10_NUMBER.push(10 ** i)

/** `n × 10^k` when exact and safe, else NaN (`n` a safe integer). */
function scaleUp(n: number, k: number): number {
  if (k > 22) return Number.NaN
  const r = n * (POW10_NUMBER[k] as number)
  return r <= MAX && r >= -MAX ? r : Number.NaN
}

/** Whether a string is a Decimal (PACT encoding: no exponent, no leading `+` or zeros). */
export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL.test(value)
}

/**
 * Parses a Decimal string; `undefined` when it is not one or is longer than `maxLength`
 * (MAX_DECIMAL_LENGTH by default, what the conformance rules accept).
 */
export function parseDecimal(value: unknown, maxLength = MAX_DECIMAL_LENGTH): Dec | undefined {
  if (typeof value !== 'string') return undefined
  const length = value.length
  if (length === 0 || length > maxLength) return undefined
  // One pass over the characters: what DECIMAL matches, and the digits as a Number.
  const negative = value.charCodeAt(0) === 45 // -
  const i = negative ? 1 : 0
  if (i === length) return undefined
  const first = value.charCodeAt(i)
  if (first < 48 || first > 57) return undefined
  if (first === 48 && i + 1 < length && value.charCodeAt(i + 1) !== 46) return undefined // 01
  let n = 0
  let digits = 0
  let dot = -1
  for (let j = i; j < length; j++) {
    const c = value.charCodeAt(j)
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48)
      digits++
    } else if (c === 46 && dot < 0 && j + 1 < length) {
      dot = j // one point, with digits on both sides
    } else {
      return undefined
    }
  }
  const scale = dot < 0 ? 0 : length - dot - 1
  // Up to 15 digits every partial value is below 10^15 < 2^53, so n is exact.
  if (digits <= 15) return new Decimal(negative && n !== 0 ? -n : n, undefined, scale)
  const text = dot < 0 ? value : value.slice(0, dot) + value.slice(dot + 1)
  return ofBig(BigInt(text), scale)
}

/** A decimal from a finite JavaScript number (for tolerances and constants), to 15 significant digits. */
export function decimalFromNumber(value: number): Dec {
  if (!Number.isFinite(value)) throw new RangeError('not a finite number')
  const text = value.toFixed(15).replace(/\.?0+$/, '')
  return parseDecimal(text === '-0' ? '0' : text) ?? ZERO
}

const big = (a: Decimal): bigint => a.big ?? BigInt(a.n)

function alignBig(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.scale === b.scale) return [big(a), big(b), a.scale]
  if (a.scale > b.scale) return [big(a), big(b) * pow10(a.scale - b.scale), a.scale]
  return [big(a) * pow10(b.scale - a.scale), big(b), b.scale]
}

// The Number fast path aligns into these two (no array or tuple per operation); NaN when it
// does not fit, and then the operation takes the BigInt path.
let alignedA = 0
let alignedB = 0
function alignNumber(a: Decimal, b: Decimal): number {
  if (a.big !== undefined || b.big !== undefined) return -1
  const d = a.scale - b.scale
  if (d === 0) {
    alignedA = a.n
    alignedB = b.n
    return a.scale
  }
  if (d > 0) {
    alignedA = a.n
    alignedB = scaleUp(b.n, d)
    return Number.isNaN(alignedB) ? -1 : a.scale
  }
  alignedA = scaleUp(a.n, -d)
  alignedB = b.n
  return Number.isNaN(alignedA) ? -1 : b.scale
}

export function add(a: Dec, b: Dec): Dec {
  const x = of(a)
  const y = of(b)
  const scale = alignNumber(x, y)
  if (scale >= 0) {
    const r = alignedA + alignedB
    if (r <= MAX && r >= -MAX) return new Decimal(r, undefined, scale)
  }
  const [p, q, s] = alignBig(x, y)
  return ofBig(p + q, s)
}

export function sub(a: Dec, b: Dec): Dec {
  const x = of(a)
  const y = of(b)
  const scale = alignNumber(x, y)
  if (scale >= 0) {
    const r = alignedA - alignedB
    if (r <= MAX && r >= -MAX) return new Decimal(r === 0 ? 0 : r, undefined, scale)
  }
  const [p, q, s] = alignBig(x, y)
  return ofBig(p - q, s)
}

export function mul(a: Dec, b: Dec): Dec {
  const x = of(a)
  const y = of(b)
  if (x.big === undefined && y.big === undefined) {
    const r = x.n * y.n
    if (r <= MAX && r >= -MAX) return new Decimal(r === 0 ? 0 : r, undefined, x.scale + y.scale)
  }
  return ofBig(big(x) * big(y), x.scale + y.scale)
}

/** -1, 0 or 1. */
export function compare(a: Dec, b: Dec): number {
  const x = of(a)
  const y = of(b)
  if (alignNumber(x, y) >= 0) return alignedA < alignedB ? -1 : alignedA > alignedB ? 1 : 0
  const [p, q] = alignBig(x, y)
  return p < q ? -1 : p > q ? 1 : 0
}

export function sign(a: Dec): number {
  const x = of(a)
  if (x.big === undefined) return x.n < 0 ? -1 : x.n > 0 ? 1 : 0
  return x.big < 0n ? -1 : x.big > 0n ? 1 : 0
}

export function abs(a: Dec): Dec {
  const x = of(a)
  if (x.big === undefined) return x.n < 0 ? new Decimal(-x.n, undefined, x.scale) : x
  return x.big < 0n ? new Decimal(Number.NaN, -x.big, x.scale) : x
}

/**
 * Whether `actual` equals `expected` within a relative tolerance: |actual − expected| ≤
 * tolerance × max(|actual|, |expected|). With tolerance 0 the values must be equal.
 */
export function approxEqual(actual: Dec, expected: Dec, tolerance: Dec): boolean {
  const x = of(actual)
  const y = of(expected)
  const t = of(tolerance)
  // Fast path, all in Numbers at scale s + t.scale: |x − y| × 10^t.scale ≤ t × max(|x|, |y|).
  if (t.big === undefined && alignNumber(x, y) >= 0) {
    const p = alignedA
    const q = alignedB
    const diff = p > q ? p - q : q - p
    if (diff === 0) return true
    if (diff <= MAX) {
      const lhs = scaleUp(diff, t.scale)
      const rhs = t.n * Math.max(Math.abs(p), Math.abs(q))
      if (!Number.isNaN(lhs) && rhs <= MAX) return lhs <= rhs
    }
  }
  return approxEqualBig(x, y, t)
}

function approxEqualBig(actual: Decimal, expected: Decimal, tolerance: Decimal): boolean {
  const diff = abs(sub(actual, expected))
  if (sign(diff) === 0) return true
  const a = abs(actual)
  const e = abs(expected)
  const max = compare(a, e) >= 0 ? a : e
  return compare(diff, mul(tolerance, max)) <= 0
}

/**
 * How a result that does not fit in the digits asked for is rounded: `half-up` half away from zero,
 * `half-even` half to the even neighbour, `down` toward zero, `up` away from zero, `floor` toward
 * −∞, `ceiling` toward +∞.
 */
export type Rounding = 'half-even' | 'half-up' | 'down' | 'up' | 'floor' | 'ceiling'

/** The integer `num / den` (den > 0) rounded as `rounding` says. */
function roundQuotient(num: bigint, den: bigint, rounding: Rounding): bigint {
  const q = num / den
  const r = num % den
  if (r === 0n) return q
  const away = num < 0n ? q - 1n : q + 1n
  switch (rounding) {
    case 'down':
      return q
    case 'up':
      return away
    case 'floor':
      return num < 0n ? away : q
    case 'ceiling':
      return num < 0n ? q : away
    default: {
      const twice = 2n * (r < 0n ? -r : r)
      if (twice > den) return away
      if (twice < den) return q
      return rounding === 'half-up' || q % 2n !== 0n ? away : q
    }
  }
}

/**
 * `a / b` to `digits` decimal places (a non-negative integer), rounded half away from zero unless
 * `rounding` says otherwise (for messages and for quotients that have no exact decimal form). `b`
 * must not be zero.
 */
export function div(a: Dec, b: Dec, digits = 12, rounding: Rounding = 'half-up'): Dec {
  // a/b = (a.int / 10^a.scale) / (b.int / 10^b.scale); result scaled by 10^digits.
  let num = a.int * pow10(digits + b.scale)
  let den = b.int * pow10(a.scale)
  if (den < 0n) {
    num = -num
    den = -den
  }
  if (rounding === 'half-up') {
    const q = num / den
    const r = num % den
    return ofBig(2n * (r < 0n ? -r : r) >= den ? q + (num < 0n ? -1n : 1n) : q, digits)
  }
  return ofBig(roundQuotient(num, den, rounding), digits)
}

/** `a` to `digits` decimal places (a non-negative integer); `a` itself when it has no more. */
export function round(a: Dec, digits: number, rounding: Rounding = 'half-up'): Dec {
  const x = of(a)
  if (x.scale <= digits) return x
  return ofBig(roundQuotient(x.int, pow10(x.scale - digits), rounding), digits)
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a
  let y = b < 0n ? -b : b
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

/**
 * `a / b` exactly, or `undefined` when the quotient has no finite decimal form (its reduced
 * denominator has a prime factor other than 2 and 5). `b` must not be zero.
 */
export function divExact(a: Dec, b: Dec): Dec | undefined {
  let num = a.int * pow10(b.scale)
  let den = b.int * pow10(a.scale)
  if (den < 0n) {
    num = -num
    den = -den
  }
  const g = gcd(num, den)
  num /= g
  den /= g
  let twos = 0
  let fives = 0
  while (den % 2n === 0n) {
    den /= 2n
    twos++
  }
  while (den % 5n === 0n) {
    den /= 5n
    fives++
  }
  if (den !== 1n) return undefined
  // num / (2^twos × 5^fives) = num × 2^(k − twos) × 5^(k − fives) / 10^k
  const k = Math.max(twos, fives)
  return ofBig(num * 2n ** BigInt(k - twos) * 5n ** BigInt(k - fives), k)
}

/**
 * The shortest Decimal string that reads back as `value` (a finite number): what `String(value)`
 * gives, written out without an exponent (`6e-8` is `0.00000006`), and `0` for −0.
 */
export function numberToDecimalString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError('not a finite number')
  const text = String(value)
  const e = text.indexOf('e')
  if (e < 0) return text === '-0' ? '0' : text
  const negative = text.startsWith('-')
  const mantissa = text.slice(negative ? 1 : 0, e)
  const exponent = Number(text.slice(e + 1))
  const dot = mantissa.indexOf('.')
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1)
  // The value is 0.digits × 10^point.
  const point = (dot < 0 ? mantissa.length : dot) + exponent
  let plain: string
  if (point <= 0) plain = `0.${'0'.repeat(-point)}${digits}`
  else if (point >= digits.length) plain = digits + '0'.repeat(point - digits.length)
  else plain = `${digits.slice(0, point)}.${digits.slice(point)}`
  return negative ? `-${plain}` : plain
}

/** The canonical text of a decimal: no trailing zeros, no trailing point, `0` for zero. */
export function formatDecimal(a: Dec, maxFractionDigits = 12): string {
  let int = a.int
  let scale = a.scale
  if (scale > maxFractionDigits) {
    const r = div(a, decimalOf(1n), maxFractionDigits)
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
