/** Dates: reference period, activity periods, credential validity against the reference period. */
import { arr, obj, type RuleContext, report, reportAt } from '../context.js'

/** Milliseconds since the epoch of an RFC 3339 date-time, or undefined. */
export function time(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const t = Date.parse(value)
  return Number.isNaN(t) ? undefined : t
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
