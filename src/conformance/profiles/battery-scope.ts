/**
 * What both battery profiles check first: that the passport describes a battery at all, and that it
 * carries the declaration of the profile's framework.
 */

import { defineCodes } from '../../findings/define.js'
import type { DeclarationFramework } from '../../model/types.js'
import { obj, type RuleContext } from '../context.js'
import { type DeclarationAt, declarationFor } from '../rules/declarations.js'
import { EU, IEC63369 } from '../rules/sources.js'

/** The codes both battery profiles report. */
export const batteryScopeCodes = defineCodes({
  OUT_OF_SCOPE: {
    severity: 'error',
    profiles: ['iec-63369-1', 'eu-battery-2023-1542'],
    title:
      'The product is within the scope of the profile: IEC 63369-1 covers industrial lithium-ion batteries (stationary storage, UPS, backup, industrial traction; cells and modules as intermediate data), not road-vehicle traction, LMT, portable or SLI batteries; EU 2023/1542 Art. 7 covers EV, LMT and rechargeable industrial batteries above 2 kWh, at pack or system level.',
    message: 'Out of scope of {field}: {detail}.',
    source: `${IEC63369} §1 (scope); ${EU} Art. 1, 3, 7(1), Recital 12`,
  },
  DECLARATION_MISSING: {
    severity: 'error',
    profiles: ['iec-63369-1', 'eu-battery-2023-1542'],
    title:
      'The battery carries the declaration of the profile’s framework (iec-63369-1: framework "iec-63369-1"; eu-battery-2023-1542: "eu-2023-1542").',
    message: 'No battery declaration with framework "{expected}".',
    source: `${IEC63369}; ${EU} Art. 7(1)`,
  },
  SYSTEM_BOUNDARY_MISMATCH: {
    severity: 'error',
    profiles: ['iec-63369-1', 'eu-battery-2023-1542'],
    title:
      'The declaration’s system boundary is the one the profile requires (IEC 63369-1: cradle-to-grave, or cradle-to-gate for cell and module intermediate data; EU 2023/1542: cradle-to-grave excluding use).',
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

/**
 * A cell or module that goes into another battery: its data is intermediate data for the battery
 * maker. One made available for end use on its own is a battery (EU 2023/1542 Art. 1).
 */
export function isIntermediate(battery: Record<string, unknown>): boolean {
  const level = battery.level
  return (level === 'cell' || level === 'module') && battery.placedOnMarketAsBattery !== true
}

/** The profile's declaration, or undefined after reporting DECLARATION_MISSING. */
export function requireDeclaration(
  ctx: RuleContext,
  framework: DeclarationFramework,
): DeclarationAt | undefined {
  const at = declarationFor(ctx, framework)
  if (!at) reportAt(ctx, 'DECLARATION_MISSING', '/battery/declarations', { expected: framework })
  return at
}

/** Reports SYSTEM_BOUNDARY_MISMATCH when the declaration's boundary is not one of `allowed`. */
export function checkBoundary(
  ctx: RuleContext,
  at: DeclarationAt,
  allowed: readonly string[],
): void {
  const boundary = at.declaration.systemBoundary
  if (typeof boundary === 'string' && !allowed.includes(boundary)) {
    reportAt(ctx, 'SYSTEM_BOUNDARY_MISMATCH', `${at.path}/systemBoundary`, {
      expected: allowed.map((b) => `"${b}"`).join(' or '),
      actual: boundary,
    })
  }
}
