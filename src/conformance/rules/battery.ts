/**
 * Battery arithmetic that holds whatever the profile. The functional unit (FU) of a battery
 * footprint is the service it delivers: `functionalUnit.quantity` of `functionalUnit.unit` (for
 * example 1 161 216 KWH of cumulated requested service), and `footprintPerFunctionalUnit` is per
 * one unit of it (kgCO2e per kWh). So:
 * - footprintPerFunctionalUnit × functionalUnit.quantity = pcfExcludingBiogenicUptake × declaredUnitAmount;
 * - that quantity is the CRS energy throughput (kind `cumulated-requested-service`) or the lifetime
 *   energy (kind `lifetime-energy`), converted to the FU's unit;
 * - the per-FU life-cycle stages add up to footprintPerFunctionalUnit.
 */

import { defineCodes } from '../../findings/define.js'
import { arr, obj, type RuleContext } from '../context.js'
import { approxEqual, type Dec, div, formatDecimal, mul } from '../decimal.js'
import { lookupUnit } from '../units.js'
import { EU, IEC63369 } from './sources.js'
import { duplicateEntries, sumField, sumMismatch } from './sums.js'

/** The codes these rules report. */
export const batteryCodes = defineCodes({
  BATTERY_STAGES_SUM_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'The per-functional-unit life-cycle stages of a battery add up to footprintPerFunctionalUnit.',
    message:
      'The stages per functional unit add up to {actual} kgCO2e, but footprintPerFunctionalUnit is {expected}.',
    source: `${EU} Annex II point 4; ${IEC63369}`,
  },
  FOOTPRINT_PER_FUNCTIONAL_UNIT_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'footprintPerFunctionalUnit × the number of functional units (CRS energy throughput, or lifetime energy) = the absolute footprint (pcfExcludingBiogenicUptake × declaredUnitAmount).',
    message:
      'footprintPerFunctionalUnit × {field} = {actual} kgCO2e, but the absolute footprint is {expected} kgCO2e.',
    source: `${IEC63369} (functional unit: cumulated requested service); ${EU} Art. 7(1)(d)`,
  },
})

const { reportAt } = batteryCodes

export function batteryStagesRule(ctx: RuleContext): void {
  const b = obj(ctx.subject.battery)
  const stages = arr(b.lifecycleStagesPerFunctionalUnit)
  if (stages.length === 0) return
  duplicateEntries(
    ctx,
    stages,
    'stage',
    '/battery/lifecycleStagesPerFunctionalUnit',
    'The life-cycle stage',
  )
  const mismatch = sumMismatch(
    ctx,
    sumField(ctx, stages, 'emissions'),
    ctx.dec(b.footprintPerFunctionalUnit),
  )
  if (mismatch) {
    reportAt(
      ctx,
      'BATTERY_STAGES_SUM_MISMATCH',
      '/battery/lifecycleStagesPerFunctionalUnit',
      mismatch,
    )
  }
}

/** footprintPerFunctionalUnit × quantity (in FU units) against the absolute footprint. */
function checkProduct(
  ctx: RuleContext,
  perFu: Dec,
  quantity: Dec,
  absolute: Dec,
  label: string,
): boolean {
  const product = mul(perFu, quantity)
  if (approxEqual(product, absolute, ctx.tolerance)) return true
  reportAt(ctx, 'FOOTPRINT_PER_FUNCTIONAL_UNIT_MISMATCH', '/battery/footprintPerFunctionalUnit', {
    field: label,
    expected: formatDecimal(absolute),
    actual: formatDecimal(product, 6),
  })
  return false
}

export function footprintPerFunctionalUnitRule(ctx: RuleContext): void {
  const b = obj(ctx.subject.battery)
  const fu = obj(b.functionalUnit)
  const perFu = ctx.dec(b.footprintPerFunctionalUnit)
  const f = obj(ctx.subject.footprint)
  const pcf = ctx.dec(f.pcfExcludingBiogenicUptake)
  const amount = ctx.dec(f.declaredUnitAmount)
  if (!perFu || !pcf || !amount) return
  const absolute = mul(pcf, amount)
  const fuQuantity = ctx.dec(fu.quantity)
  if (fuQuantity && !checkProduct(ctx, perFu, fuQuantity, absolute, 'functionalUnit.quantity')) {
    return
  }
  // The service the FU stands for, in kWh, converted to the FU's unit.
  const fuUnit = lookupUnit(fu.unit)
  const factor = ctx.dec(fuUnit?.factor)
  if (fuUnit?.dimension !== 'energy' || !factor) return
  let service: Dec | undefined
  let label: string
  if (fu.kind === 'cumulated-requested-service') {
    service = ctx.dec(obj(b.cumulatedRequestedService).energyThroughput)
    label = 'the CRS energy throughput'
  } else if (fu.kind === 'lifetime-energy') {
    service = ctx.dec(b.lifetimeEnergy)
    label = 'the lifetime energy'
  } else return
  if (!service) return
  checkProduct(ctx, perFu, div(service, factor, 9), absolute, label)
}
