/**
 * `iec-63369-1`: carbon footprint of industrial lithium-ion batteries (IEC 63369-1:2026). The
 * normative text is paywalled; the rules follow its published scope (energy storage, UPS, backup
 * power; EV traction, LMT, portable and SLI excluded), its cradle-to-grave boundary and its
 * functional basis, the cumulated requested service (CRS). See research/pcf-models.md §D.
 */

import { combineCodes, defineCodes } from '../../findings/define.js'
import { obj, type RuleContext } from '../context.js'
import { approxEqual, decimalOf, div, formatDecimal, mul } from '../decimal.js'
import { IEC63369 } from '../rules/sources.js'
import { batteryOf, batteryScopeCodes } from './battery-scope.js'

/** The codes these rules report. */
export const iec63369Codes = defineCodes({
  IEC_63369_FIELD_REQUIRED: {
    severity: 'error',
    profiles: ['iec-63369-1'],
    title:
      'The cumulated requested service (with its service parameters), the functional unit and the footprint per functional unit are given.',
    message: 'IEC 63369-1 requires "{field}" ({detail}).',
    source: `${IEC63369} (cumulated requested service, functional unit)`,
  },
  FUNCTIONAL_UNIT_NOT_CRS: {
    severity: 'error',
    profiles: ['iec-63369-1'],
    title: 'The functional unit is the cumulated requested service.',
    message: 'The functional unit must be the cumulated requested service, not "{actual}".',
    source: `${IEC63369} (functional unit)`,
  },
  CRS_ENERGY_THROUGHPUT_INCONSISTENT: {
    severity: 'warning',
    profiles: ['iec-63369-1'],
    title:
      'The CRS energy throughput agrees with rated energy × depth of discharge × equivalent full cycles.',
    message:
      'ratedEnergy × depthOfDischarge × equivalentFullCycles = {expected} kWh, but the CRS energy throughput is {actual} kWh.',
    source: `${IEC63369} (cumulated requested service)`,
  },
})

const { reportAt } = combineCodes(iec63369Codes, batteryScopeCodes)

const HUNDRED = decimalOf(100n)

const IN_SCOPE_CATEGORIES = new Set(['industrial', 'industrial-external-storage'])
const IN_SCOPE_APPLICATIONS = new Set(['energy-storage', 'ups', 'backup-power'])
const NOT_LITHIUM = new Set(['sodium-ion', 'lead-acid'])
const PROFILE = 'IEC 63369-1'

/** Whether the battery is in scope; reports OUT_OF_SCOPE when it is not. */
function inScope(ctx: RuleContext): boolean {
  const battery = batteryOf(ctx, PROFILE)
  if (!battery) return false
  if (typeof battery.category === 'string' && !IN_SCOPE_CATEGORIES.has(battery.category)) {
    reportAt(ctx, 'OUT_OF_SCOPE', '/battery/category', {
      field: PROFILE,
      detail: `"${battery.category}" batteries are excluded; the standard covers industrial batteries`,
    })
    return false
  }
  if (typeof battery.application === 'string' && !IN_SCOPE_APPLICATIONS.has(battery.application)) {
    reportAt(ctx, 'OUT_OF_SCOPE', '/battery/application', {
      field: PROFILE,
      detail: `the application "${battery.application}" is not energy storage, UPS or backup power`,
    })
    return false
  }
  if (typeof battery.chemistry === 'string' && NOT_LITHIUM.has(battery.chemistry)) {
    reportAt(ctx, 'OUT_OF_SCOPE', '/battery/chemistry', {
      field: PROFILE,
      detail: `"${battery.chemistry}" is not a lithium-ion chemistry`,
    })
    return false
  }
  return true
}

export function iec63369Rule(ctx: RuleContext): void {
  if (!inScope(ctx)) return
  const b = obj(ctx.subject.battery)
  const f = obj(ctx.subject.footprint)
  if (typeof f.systemBoundary === 'string' && f.systemBoundary !== 'cradle-to-grave') {
    reportAt(ctx, 'SYSTEM_BOUNDARY_MISMATCH', '/footprint/systemBoundary', {
      expected: '"cradle-to-grave"',
      actual: f.systemBoundary,
    })
  }
  const required: [string, string][] = [
    ['cumulatedRequestedService', 'the cumulated requested service and its service conditions'],
    ['functionalUnit', 'the functional unit, which is the CRS'],
    ['footprintPerFunctionalUnit', 'the footprint per functional unit'],
  ]
  for (const [field, detail] of required) {
    if (b[field] == null)
      reportAt(ctx, 'IEC_63369_FIELD_REQUIRED', `/battery/${field}`, { field, detail })
  }
  const fu = b.functionalUnit
  if (fu != null) {
    const kind = obj(fu).kind
    if (typeof kind === 'string' && kind !== 'cumulated-requested-service') {
      reportAt(ctx, 'FUNCTIONAL_UNIT_NOT_CRS', '/battery/functionalUnit/kind', { actual: kind })
    }
  }
  const crs = obj(b.cumulatedRequestedService)
  const rated = ctx.dec(b.ratedEnergy)
  const dod = ctx.dec(crs.depthOfDischarge)
  const cycles = ctx.dec(crs.equivalentFullCycles)
  const throughput = ctx.dec(crs.energyThroughput)
  if (rated && dod && cycles && throughput) {
    const expected = div(mul(mul(rated, dod), cycles), HUNDRED, 6)
    if (!approxEqual(throughput, expected, ctx.tolerance)) {
      reportAt(
        ctx,
        'CRS_ENERGY_THROUGHPUT_INCONSISTENT',
        '/battery/cumulatedRequestedService/energyThroughput',
        {
          expected: formatDecimal(expected),
          actual: formatDecimal(throughput),
        },
      )
    }
  }
}

export const iec63369Rules = [iec63369Rule] as const
