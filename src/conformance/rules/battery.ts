/**
 * Battery declaration arithmetic that holds whatever the profile, checked for each of
 * `battery.declarations[]`. The functional unit (FU) of a declaration is the service the battery
 * delivers: `functionalUnit.quantity` of `functionalUnit.unit` (for example 1 161 216 KWH), and
 * `footprintPerFunctionalUnit` is per one unit of it. `totalFootprint` is per declared unit, like
 * every footprint figure, so:
 * - the per-FU stages add up to footprintPerFunctionalUnit;
 * - footprintPerFunctionalUnit × functionalUnit.quantity = totalFootprint × declaredUnitAmount, and
 *   the same with the service the FU kind names (CRS energy throughput, rated energy) in FU units;
 * - totalFootprint = the life-cycle stages (of `lifeCycleTotals` when given, which reach beyond the
 *   cradle-to-gate footprint, else of the footprint) summed over the stages inside the
 *   declaration's boundary (cradle to grave excluding use: all but use, so an EU total leaves the
 *   use stage out). The boundary decides, not the per-FU list, whose completeness is a profile's
 *   rule (EU_STAGES_INCOMPLETE).
 */

import { add, approxEqual, type Dec, formatDecimal, mul, ZERO } from '../../decimal/core.js'
import { defineCodes } from '../../findings/define.js'
import type { SystemBoundary } from '../../model/types.js'
import { convertQuantity, lookupUnit, type UnitDefinition } from '../../units.js'
import { arr, obj, type RuleContext } from '../context.js'
import { type DeclarationAt, declarationsOf } from './declarations.js'
import { EU, IEC63369 } from './sources.js'
import { duplicateEntries, STAGES_IN_BOUNDARY, stageMap, sumField, sumMismatch } from './sums.js'

/** The codes these rules report. */
export const batteryCodes = defineCodes({
  BATTERY_STAGES_SUM_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'The per-functional-unit life-cycle stages of a battery declaration add up to its footprintPerFunctionalUnit.',
    message:
      'The stages per functional unit add up to {actual} kgCO2e, but footprintPerFunctionalUnit is {expected}.',
    source: `${EU} Annex II point 4; ${IEC63369}`,
  },
  FOOTPRINT_PER_FUNCTIONAL_UNIT_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'A declaration’s footprintPerFunctionalUnit × the number of functional units (its quantity, the CRS energy throughput or the rated energy) = its totalFootprint × declaredUnitAmount.',
    message:
      'footprintPerFunctionalUnit × {field} = {actual} kgCO2e, but totalFootprint × declaredUnitAmount is {expected} kgCO2e.',
    source: `${IEC63369} (functional unit: cumulated requested service); ${EU} Art. 7(1)(d)`,
  },
  DECLARATION_TOTAL_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'A declaration’s totalFootprint = the life-cycle stages (of lifeCycleTotals when given, else of the footprint) summed over the stages inside the declaration’s system boundary (cradle-to-gate: raw material acquisition and main production; excluding use: all but use).',
    message: 'The stages {field} add up to {expected} kgCO2e, but totalFootprint is {actual}.',
    source: `${EU} Annex II point 4 (use stage excluded); ${IEC63369} (cradle to grave)`,
  },
})

const { reportAt } = batteryCodes

export function batteryStagesRule(ctx: RuleContext): void {
  for (const { declaration, path } of declarationsOf(ctx)) {
    const stages = arr(declaration.lifecycleStagesPerFunctionalUnit)
    if (stages.length === 0) continue
    const listPath = `${path}/lifecycleStagesPerFunctionalUnit`
    duplicateEntries(ctx, stages, 'stage', listPath, 'The life-cycle stage')
    const mismatch = sumMismatch(
      ctx,
      sumField(ctx, stages, 'emissions'),
      ctx.dec(declaration.footprintPerFunctionalUnit),
    )
    if (mismatch) reportAt(ctx, 'BATTERY_STAGES_SUM_MISMATCH', listPath, mismatch)
  }
}

/** footprintPerFunctionalUnit × quantity (in FU units) against the declaration's absolute total. */
function checkProduct(
  ctx: RuleContext,
  at: DeclarationAt,
  perFu: Dec,
  quantity: Dec,
  absolute: Dec,
  label: string,
): boolean {
  const product = mul(perFu, quantity)
  if (approxEqual(product, absolute, ctx.tolerance)) return true
  reportAt(ctx, 'FOOTPRINT_PER_FUNCTIONAL_UNIT_MISMATCH', `${at.path}/footprintPerFunctionalUnit`, {
    field: label,
    expected: formatDecimal(absolute),
    actual: formatDecimal(product, 6),
  })
  return false
}

/** The service the FU kind stands for, in kWh, with its label; lifetime energy is the quantity. */
const KWH = lookupUnit('KWH') as UnitDefinition

function serviceOf(ctx: RuleContext, kind: unknown): [Dec | undefined, string] | undefined {
  const b = obj(ctx.subject.battery)
  if (kind === 'cumulated-requested-service') {
    return [ctx.dec(obj(b.cumulatedRequestedService).energyThroughput), 'the CRS energy throughput']
  }
  if (kind === 'rated-energy') return [ctx.dec(b.ratedEnergy), 'the rated energy']
  return undefined
}

function checkDeclarationProduct(ctx: RuleContext, at: DeclarationAt, amount: Dec): void {
  const d = at.declaration
  const fu = obj(d.functionalUnit)
  const perFu = ctx.dec(d.footprintPerFunctionalUnit)
  const total = ctx.dec(d.totalFootprint)
  if (!perFu || !total) return
  const absolute = mul(total, amount)
  const fuQuantity = ctx.dec(fu.quantity)
  if (
    fuQuantity &&
    !checkProduct(ctx, at, perFu, fuQuantity, absolute, 'functionalUnit.quantity')
  ) {
    return
  }
  const fuUnit = lookupUnit(fu.unit)
  const service = serviceOf(ctx, fu.kind)
  if (fuUnit?.dimension !== 'energy' || !service?.[0]) return
  // The service is in kWh; the number of functional units is it in the FU's unit.
  const units = convertQuantity(service[0], KWH, fuUnit)
  if (units) checkProduct(ctx, at, perFu, units.value, absolute, service[1])
}

export function footprintPerFunctionalUnitRule(ctx: RuleContext): void {
  const amount = ctx.dec(obj(ctx.subject.footprint).declaredUnitAmount)
  if (!amount) return
  for (const at of declarationsOf(ctx)) checkDeclarationProduct(ctx, at, amount)
}

/** The stage list the declarations are measured against: the life-cycle totals', else the footprint's. */
function stageList(ctx: RuleContext): readonly unknown[] {
  const totals = ctx.subject.lifeCycleTotals
  if (totals !== undefined) return arr(obj(totals).lifecycleStages)
  return arr(obj(ctx.subject.footprint).lifecycleStages)
}

/** The stage emissions by stage (a stage listed twice adds up), or undefined when one does not parse. */
const footprintStages = (ctx: RuleContext): Map<unknown, Dec> | undefined =>
  stageMap(ctx, stageList(ctx))

function checkTotal(ctx: RuleContext, at: DeclarationAt, stages: Map<unknown, Dec>): void {
  const boundary = at.declaration.systemBoundary
  if (typeof boundary !== 'string' || !Object.hasOwn(STAGES_IN_BOUNDARY, boundary)) return
  const names = STAGES_IN_BOUNDARY[boundary as SystemBoundary]
  // A stage the footprint does not list has no emissions in it. (A loop, and the label only for a
  // finding: this runs for every declaration of every passport.)
  let expected = ZERO
  for (let i = 0; i < names.length; i++) expected = add(expected, stages.get(names[i]) ?? ZERO)
  const mismatch = sumMismatch(ctx, ctx.dec(at.declaration.totalFootprint), expected)
  if (mismatch) {
    reportAt(ctx, 'DECLARATION_TOTAL_MISMATCH', `${at.path}/totalFootprint`, {
      ...mismatch,
      field: `(${names.join(', ')})`,
    })
  }
}

export function declarationTotalRule(ctx: RuleContext): void {
  const declarations = declarationsOf(ctx)
  if (declarations.length === 0) return
  if (stageList(ctx).length === 0) return
  const stages = footprintStages(ctx)
  if (!stages) return
  for (const at of declarations) checkTotal(ctx, at, stages)
}
