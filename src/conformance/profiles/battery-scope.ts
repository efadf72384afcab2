/** What both battery profiles check first: that the passport describes a battery at all. */

import { defineCodes } from '../../findings/define.js'
import { obj, type RuleContext } from '../context.js'
import { EU, IEC63369 } from '../rules/sources.js'

/** The codes both battery profiles report. */
export const batteryScopeCodes = defineCodes({
  OUT_OF_SCOPE: {
    severity: 'error',
    profiles: ['iec-63369-1', 'eu-battery-2023-1542'],
    title:
      'The product is within the scope of the profile: IEC 63369-1 covers industrial lithium-ion batteries for energy storage, UPS and backup power; EU 2023/1542 Art. 7 covers EV, LMT and rechargeable industrial batteries above 2 kWh.',
    message: 'Out of scope of {field}: {detail}.',
    source: `${IEC63369} §1 (scope); ${EU} Art. 7(1)`,
  },
  SYSTEM_BOUNDARY_MISMATCH: {
    severity: 'error',
    profiles: ['iec-63369-1', 'eu-battery-2023-1542'],
    title:
      'The system boundary is the one the profile requires (IEC 63369-1: cradle-to-grave; EU 2023/1542: cradle-to-grave, with or without use).',
    message: 'The system boundary must be {expected}, not "{actual}".',
    source: `${IEC63369} (cradle-to-grave); ${EU} Annex II point 4`,
  },
})

const { reportAt } = batteryScopeCodes

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
