/**
 * Date-times, in one place: the one parser (a date-time string to milliseconds), the two grammars
 * strings are checked against, reading a `Date`, and the one formatter.
 *
 * - `isDateTime`: RFC 3339 `date-time` with a required offset, the JSON Schema `date-time` format
 *   (Ajv and the conformance schema rules).
 * - `isDateTimeStamp` / `timeOfDateTimeStamp`: XML Schema `dateTimeStamp`, which VC 2.0 requires of
 *   `validFrom`, `validUntil`, a proof's `created`/`expires` and a key's `expires` (any number of
 *   year digits, a sign, upper-case `T` and `Z` only).
 * - `parseDateTime`: what Date.parse reads a string as, computed directly for the common shape.
 * - `timeOfDate`, `toDateTime`: a `Date` read safely, and written as RFC 3339 without milliseconds.
 */
import { CarbonPassportError } from './errors.js'

/** Days in each month of a common year, 1-based. */
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)

/** The number of days of a month (1–12) in a year of the Gregorian calendar; 0 for no month. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month] ?? 0)
}

/** The value of the two ASCII digits at `i`, or -1 when either is not a digit. */
export function digitPair(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48
  const b = s.charCodeAt(i + 1) - 48
  // NaN (past the end) fails both comparisons, so it also gives -1.
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1
}

// ---------------------------------------------------------------------------------------------
// RFC 3339 date-time (JSON Schema `date-time`)

/**
 * Whether `value` is an RFC 3339 date-time with a time zone and a real calendar date:
 * `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`, `T` and `Z` in either case, a leap second only at
 * 23:59:60 UTC. Ajv-formats' full-mode check is correct but was the single largest cost of
 * validating a passport; this one does the same checks on character codes (no regular expression,
 * no substrings, no Number()) and a calendar lookup, since every passport has dozens of date-times.
 *
 * @example
 * ```ts
 * isDateTime('2026-03-01T00:00:00Z') // true
 * isDateTime('2026-02-29T00:00:00Z') // false: 2026 is not a leap year
 * ```
 */
export function isDateTime(value: string): boolean {
  const n = value.length
  if (n < 20) return false // 2026-03-01T00:00:00Z is the shortest
  const y1 = digitPair(value, 0)
  const y2 = digitPair(value, 2)
  const month = digitPair(value, 5)
  const day = digitPair(value, 8)
  const hour = digitPair(value, 11)
  const minute = digitPair(value, 14)
  const second = digitPair(value, 17)
  if (
    y1 < 0 ||
    y2 < 0 ||
    month < 0 ||
    day < 0 ||
    hour < 0 ||
    minute < 0 ||
    second < 0 ||
    value.charCodeAt(4) !== 45 || // -
    value.charCodeAt(7) !== 45 ||
    (value.charCodeAt(10) | 32) !== 116 || // T or t
    value.charCodeAt(13) !== 58 || // :
    value.charCodeAt(16) !== 58
  ) {
    return false
  }
  let i = 19
  if (value.charCodeAt(i) === 46) {
    // . and at least one digit
    i++
    const start = i
    for (let c = value.charCodeAt(i); c >= 48 && c <= 57; c = value.charCodeAt(++i));
    if (i === start) return false
  }
  let offset = 0 // minutes east of UTC
  const z = value.charCodeAt(i)
  if ((z | 32) === 122) {
    // Z or z
    if (i + 1 !== n) return false
  } else if (z === 43 || z === 45) {
    // + or -
    if (i + 6 !== n || value.charCodeAt(i + 3) !== 58) return false
    const oh = digitPair(value, i + 1)
    const om = digitPair(value, i + 4)
    if (oh < 0 || om < 0 || oh > 23 || om > 59) return false
    offset = (z === 43 ? 1 : -1) * (oh * 60 + om)
  } else return false
  if (month < 1 || month > 12 || day < 1) return false
  const maxDay = daysInMonth(y1 * 100 + y2, month)
  if (day > maxDay) return false
  if (hour > 23 || minute > 59 || second > 60) return false
  // A leap second is only valid at 23:59:60 UTC.
  if (second === 60) {
    const utcMinutes = (((hour * 60 + minute - offset) % 1440) + 1440) % 1440
    if (utcMinutes !== 23 * 60 + 59) return false
  }
  return true
}

// ---------------------------------------------------------------------------------------------
// The parser

/** The largest time value a Date holds (ECMAScript §21.4.1.1), in ms from the epoch either way. */
const MAX_TIME = 8.64e15

/**
 * Milliseconds since the epoch of a date-time string, as Date.parse reads it, or undefined when it
 * cannot (or for a value that is not a string). It does not check a grammar: check the string
 * with isDateTime or isDateTimeStamp first where the grammar matters.
 *
 * @example
 * ```ts
 * parseDateTime('2026-03-01T01:00:00+01:00') // 1772323200000
 * parseDateTime('not a date') // undefined
 * ```
 */
export function parseDateTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const fast = canonicalTime(value)
  if (fast >= -MAX_TIME) return fast
  const t = Date.parse(value)
  return Number.isNaN(t) ? undefined : t
}

const two = digitPair

/**
 * Date.parse costs ~170 ns and passports carry dozens of date-times, nearly all of the one shape
 * `YYYY-MM-DDTHH:MM:SS(Z|±HH:MM)` with a real date and time. For exactly that shape (year ≥ 100,
 * second < 60) Date.parse means the fields' UTC time minus the offset, so compute that; anything
 * else (fractions, lower case, leap seconds, 24:00, 30 February, …) gets NaN here and goes to
 * Date.parse, whose quirks stay the reference.
 */
function canonicalTime(v: string): number {
  const n = v.length
  if (n !== 20 && n !== 25) return Number.NaN
  const year = two(v, 0) * 100 + two(v, 2)
  const month = two(v, 5)
  const day = two(v, 8)
  const hour = two(v, 11)
  const minute = two(v, 14)
  const second = two(v, 17)
  if (
    two(v, 0) < 1 || // years below 100 are rare: left to Date.parse
    two(v, 2) < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    v.charCodeAt(4) !== 45 ||
    v.charCodeAt(7) !== 45 ||
    v.charCodeAt(10) !== 84 || // T
    v.charCodeAt(13) !== 58 ||
    v.charCodeAt(16) !== 58
  ) {
    return Number.NaN
  }
  if (day > daysInMonth(year, month)) return Number.NaN
  let offset = 0
  if (n === 20) {
    if (v.charCodeAt(19) !== 90) return Number.NaN // Z
  } else {
    const sign = v.charCodeAt(19)
    const oh = two(v, 20)
    const om = two(v, 23)
    if (
      (sign !== 43 && sign !== 45) ||
      v.charCodeAt(22) !== 58 ||
      oh < 0 ||
      oh > 23 ||
      om < 0 ||
      om > 59
    ) {
      return Number.NaN
    }
    offset = (sign === 43 ? 1 : -1) * (oh * 60 + om)
  }
  return (
    (daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset * 60) *
    1000
  )
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm), as Date.UTC has. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

// ---------------------------------------------------------------------------------------------
// XML Schema dateTimeStamp (VC 2.0)

/** The lexical form: four or more year digits with an optional sign, a required time zone. */
const DATE_TIME_STAMP = /^(-?\d{4,})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/**
 * Milliseconds since the epoch of an XML Schema dateTimeStamp (a date-time with a time zone), or
 * undefined for anything else: a value of the lexical form that is also a time Date.parse reads.
 *
 * @example
 * ```ts
 * timeOfDateTimeStamp('2026-03-01T00:00:00Z') // 1772323200000
 * timeOfDateTimeStamp('2026-03-01T00:00:00') // undefined: no time zone
 * timeOfDateTimeStamp('2026-02-30T00:00:00Z') // undefined: February has no 30th
 * ```
 */
export function timeOfDateTimeStamp(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const fields = DATE_TIME_STAMP.exec(value)
  if (!fields) return undefined
  // A day past the month's end (30 February) is not a date; Date.parse would roll it over into
  // the next month, and a `validUntil` would silently mean another day.
  const day = Number(fields[3])
  if (day > daysInMonth(Number(fields[1]), Number(fields[2]))) return undefined
  return parseDateTime(value)
}

/**
 * Whether a value is an XML Schema dateTimeStamp (a date-time with a time zone).
 *
 * @example
 * ```ts
 * isDateTimeStamp('12026-03-01T00:00:00.5+01:00') // true: more year digits and a fraction
 * isDateTimeStamp('2026-03-01t00:00:00z') // false: T and Z are upper case
 * ```
 */
export function isDateTimeStamp(value: unknown): value is string {
  return timeOfDateTimeStamp(value) !== undefined
}

// ---------------------------------------------------------------------------------------------
// Date objects

/**
 * The time of a valid `Date`, or NaN for anything else: an invalid Date, another value, or a Proxy
 * pretending to be a Date (whose getTime throws).
 */
export function timeOfDate(value: unknown): number {
  try {
    if (value instanceof Date) return value.getTime()
  } catch {
    // A Proxy pretending to be a Date: not a Date.
  }
  return Number.NaN
}

/**
 * A `Date` as an RFC 3339 date-time in UTC without milliseconds: `2026-03-01T00:00:00Z`.
 *
 * @example
 * ```ts
 * toDateTime(new Date(Date.UTC(2026, 2, 1))) // '2026-03-01T00:00:00Z'
 * ```
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` for a value that is not a valid Date.
 */
export function toDateTime(date: Date): string {
  const time = timeOfDate(date)
  if (Number.isNaN(time)) {
    throw new CarbonPassportError('ERR_INVALID_ARGUMENT', 'dates must be valid Date objects')
  }
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
