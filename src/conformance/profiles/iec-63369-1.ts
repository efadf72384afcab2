/**
 * `iec-63369-1`: carbon footprint of industrial lithium-ion batteries (IEC 63369-1:2026). The
 * normative text is paywalled; the rules follow its published scope (industrial lithium-ion
 * batteries: stationary storage, UPS, backup power, industrial traction; road-vehicle traction, LMT,
 * portable and SLI excluded; cell and module data collected as intermediate data for downstream
 * users), its cradle-to-grave boundary and its functional basis, the cumulated requested service
 * (CRS). The profile reads the battery's `iec-63369-1` declaration. See research/pcf-models.md §D.
 */

import { approxEqual, formatDecimal, mul } from '../../decimal/core.js'
import { combineCodes, defineCodes } from '../../findings/define.js'
import { obj, type RuleContext } from '../context.js'
import type { DeclarationAt } from '../rules/declarations.js'
import { IEC63369 } from '../rules/sources.js'
import {
  batteryOf,
  batteryScopeCodes,
  checkBoundary,
  isIntermediate,
  requireDeclaration,
} from './battery-scope.js'

/** The codes these rules report. */
export const iec63369Codes = defineCodes({
  IEC_63369_FIELD_REQUIRED: {
    severity: 'error',
    profiles: ['iec-63369-1'],
    title:
      'A pack or system gives the cumulated requested service with its service conditions (cells and modules, as intermediate data, need not).',
    message: 'IEC 63369-1 requires "{field}" ({detail}).',
    source: `${IEC63369} (cumulated requested service, functional unit)`,
  },
  FUNCTIONAL_UNIT_NOT_CRS: {
    severity: 'error',
    profiles: ['iec-63369-1'],
    title:
      'The functional unit of a pack or system declaration is the cumulated requested service.',
    message: 'The functional unit must be the cumulated requested service, not "{actual}".',
    source: `${IEC63369} (functional unit)`,
  },
  CRS_ENERGY_THROUGHPUT_INCONSISTENT: {
    severity: 'warning',
    profiles: ['iec-63369-1'],
    title:
      'The CRS energy throughput = rated energy × equivalent full cycles. IEC 63369-1’s text is not public, so this applies the common definition of an equivalent full cycle (cumulative energy throughput divided by the rated energy, as in the draft EU EV delegated act’s E_total): depth of discharge is a service condition, already inside the cycle count, not a further factor.',
    message:
      'ratedEnergy × equivalentFullCycles = {expected} kWh, but the CRS energy throughput is {actual} kWh.',
    source: `${IEC63369} (cumulated requested service; normative text not public); equivalent full cycle = energy throughput / rated energy`,
  },
})

const { reportAt } = combineCodes(iec63369Codes, batteryScopeCodes)

const IN_SCOPE_CATEGORIES = new Set(['industrial', 'industrial-external-storage'])
const OUT_OF_SCOPE_APPLICATIONS = new Set([
  'road-vehicle-traction',
  'light-transport',
  'portable-device',
  'starting-lighting-ignition',
])
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
  if (
    typeof battery.application === 'string' &&
    OUT_OF_SCOPE_APPLICATIONS.has(battery.application)
  ) {
    reportAt(ctx, 'OUT_OF_SCOPE', '/battery/application', {
      field: PROFILE,
      detail: `the application "${battery.application}" is excluded (road-vehicle traction, light transport, portable and SLI)`,
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

/** A pack or system: cradle to grave over the CRS. */
function checkFullDeclaration(ctx: RuleContext, at: DeclarationAt): void {
  const b = obj(ctx.subject.battery)
  checkBoundary(ctx, at, ['cradle-to-grave'])
  if (b.cumulatedRequestedService == null) {
    reportAt(ctx, 'IEC_63369_FIELD_REQUIRED', '/battery/cumulatedRequestedService', {
      field: 'cumulatedRequestedService',
      detail: 'the cumulated requested service and its service conditions',
    })
  }
  const kind = obj(at.declaration.functionalUnit).kind
  if (typeof kind === 'string' && kind !== 'cumulated-requested-service') {
    reportAt(ctx, 'FUNCTIONAL_UNIT_NOT_CRS', `${at.path}/functionalUnit/kind`, { actual: kind })
  }
}

/** Equivalent full cycles are throughput over rated energy, so DoD is not multiplied in again. */
function checkCrs(ctx: RuleContext): void {
  const b = obj(ctx.subject.battery)
  const crs = obj(b.cumulatedRequestedService)
  const rated = ctx.dec(b.ratedEnergy)
  const cycles = ctx.dec(crs.equivalentFullCycles)
  const throughput = ctx.dec(crs.energyThroughput)
  if (!rated || !cycles || !throughput) return
  const expected = mul(rated, cycles)
  if (approxEqual(throughput, expected, ctx.tolerance)) return
  reportAt(
    ctx,
    'CRS_ENERGY_THROUGHPUT_INCONSISTENT',
    '/battery/cumulatedRequestedService/energyThroughput',
    { expected: formatDecimal(expected), actual: formatDecimal(throughput) },
  )
}

export function iec63369Rule(ctx: RuleContext): void {
  if (!inScope(ctx)) return
  const at = requireDeclaration(ctx, 'iec-63369-1')
  if (at) {
    // Cell and module makers collect cradle-to-gate data for the battery maker downstream.
    if (isIntermediate(obj(ctx.subject.battery))) {
      checkBoundary(ctx, at, ['cradle-to-gate', 'cradle-to-grave'])
    } else checkFullDeclaration(ctx, at)
  }
  checkCrs(ctx)
}

export const iec63369Rules = [iec63369Rule] as const
