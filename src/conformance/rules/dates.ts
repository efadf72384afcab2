/** Dates: reference period, activity periods, credential validity against the reference period. */

import { defineCodes } from '../../findings/define.js'
import { arr, obj, type RuleContext } from '../context.js'
import { PACT } from './sources.js'

/** The codes these rules report. */
export const dateCodes = defineCodes({
  REFERENCE_PERIOD_INVALID: {
    severity: 'error',
    profiles: ['core'],
    title: 'The reference period starts before it ends.',
    message: 'The reference period must start before it ends: start {expected}, end {actual}.',
    source: `${PACT} (referencePeriodStart, referencePeriodEnd)`,
  },
  ACTIVITY_PERIOD_INVALID: {
    severity: 'error',
    profiles: ['core'],
    title: 'The period of an activity data line starts before it ends.',
    message: 'The activity period must start before it ends: start {expected}, end {actual}.',
    source: 'carbon-passport data model (ActivityDataLine.period)',
  },
  VALIDITY_PERIOD_INVALID: {
    severity: 'error',
    profiles: ['core'],
    title: 'The credential is not valid until a time before it becomes valid.',
    message: 'validUntil ({actual}) is before validFrom ({expected}).',
    source: 'VC 2.0 §4.9 (validity period)',
  },
  VALIDITY_STARTS_BEFORE_REFERENCE_PERIOD_END: {
    severity: 'error',
    profiles: ['core'],
    title: 'A passport is valid only from the end of its reference period on.',
    message:
      'The passport is valid from {actual}, before its reference period ends ({expected}); a footprint cannot be declared for a period that is not over.',
    source: `${PACT} (validityPeriodStart ≥ referencePeriodEnd)`,
  },
})

const { report, reportAt } = dateCodes

/** Milliseconds since the epoch of a date-time, or undefined (the one parser, src/date-time.ts). */
export { parseDateTime as time } from '../../date-time.js'

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
