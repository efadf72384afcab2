/**
 * RFC 3339 `date-time` with a required time zone, as the JSON Schema `date-time` format defines it:
 * `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`, `T` and `Z` in either case. Ajv-formats' full-mode check
 * is correct but was the single largest cost of validating a passport; this one does the same
 * checks on character codes (no regular expression, no substrings, no Number()) and a calendar
 * lookup, since every passport has dozens of date-times.
 */
/** Days in each month of a common year, 1-based. */
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)

/** The value of the two ASCII digits at `i`, or -1 when either is not a digit. */
export function digitPair(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48
  const b = s.charCodeAt(i + 1) - 48
  // NaN (past the end) fails both comparisons, so it also gives -1.
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1
}

/** Whether `value` is an RFC 3339 date-time with a time zone and a real calendar date. */
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

/** The number of days of a month (1–12) in a year of the Gregorian calendar; 0 for no month. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month] ?? 0)
}
