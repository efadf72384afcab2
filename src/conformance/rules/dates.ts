/** Dates: reference period, activity periods, credential validity against the reference period. */
import { daysInMonth, digitPair } from '../../schema/date-time.js'
import { arr, obj, type RuleContext, report, reportAt } from '../context.js'

/** Milliseconds since the epoch of an RFC 3339 date-time, or undefined. */
export function time(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const fast = canonicalTime(value)
  if (fast >= -MAX_TIME) return fast
  const t = Date.parse(value)
  return Number.isNaN(t) ? undefined : t
}

const MAX_TIME = 8.64e15
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

/** The reference period starts before it ends. */
export function referencePeriodRule(ctx: RuleContext): void {
  const f = obj(ctx.subject.footprint)
  const start = ctx.time(f.referencePeriodStart)
  const end = ctx.time(f.referencePeriodEnd)
  if (start !== undefined && end !== undefined && start >= end) {
    reportAt(ctx, 'REFERENCE_PERIOD_INVALID', '/footprint/referencePeriodEnd', {
      expected: String(f.referencePeriodStart),
      actual: String(f.referencePeriodEnd),
    })
  }
}

/** Each activity period starts before it ends. */
export function activityPeriodRule(ctx: RuleContext): void {
  const lines = arr(ctx.subject.activityData)
  for (let i = 0; i < lines.length; i++) {
    const period = obj(obj(lines[i]).period)
    const start = ctx.time(period.start)
    const end = ctx.time(period.end)
    if (start !== undefined && end !== undefined && start >= end) {
      reportAt(ctx, 'ACTIVITY_PERIOD_INVALID', `/activityData/${i}/period/end`, {
        expected: String(period.start),
        actual: String(period.end),
      })
    }
  }
}

/** validFrom ≤ validUntil, and the passport is valid only once its reference period is over. */
export function validityRule(ctx: RuleContext): void {
  const c = ctx.credential
  if (!c) return
  const from = ctx.time(c.validFrom)
  const until = ctx.time(c.validUntil)
  if (from !== undefined && until !== undefined && until < from) {
    report(ctx.findings, 'VALIDITY_PERIOD_INVALID', '/validUntil', {
      expected: String(c.validFrom),
      actual: String(c.validUntil),
    })
  }
  const f = obj(ctx.subject.footprint)
  const end = ctx.time(f.referencePeriodEnd)
  if (from !== undefined && end !== undefined && from < end) {
    report(ctx.findings, 'VALIDITY_STARTS_BEFORE_REFERENCE_PERIOD_END', '/validFrom', {
      expected: String(f.referencePeriodEnd),
      actual: String(c.validFrom),
    })
  }
}
