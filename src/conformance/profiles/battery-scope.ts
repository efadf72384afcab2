/** What both battery profiles check first: that the passport describes a battery at all. */
import { obj, type RuleContext, reportAt } from '../context.js'

/** The battery block, or undefined after reporting OUT_OF_SCOPE for a product without one. */
export function batteryOf(ctx: RuleContext, profile: string): Record<string, unknown> | undefined {
  const battery = ctx.subject.battery
  if (battery === undefined) {
    reportAt(ctx, 'OUT_OF_SCOPE', '/battery', {
      field: profile,
      detail: 'the product is not a battery (no battery data)',
    })
    return undefined
  }
  return obj(battery)
}
