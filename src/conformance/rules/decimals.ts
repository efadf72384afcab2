/**
 * Decimals beyond what their schema pattern says: overlong values (refused before any arithmetic,
 * so a 100 000-digit string cannot slow the checker down) and the plausible ranges of the battery
 * service conditions. Wrong signs and malformed Decimals are reported by the schema layer.
 */

import { compare, decimalOf, MAX_DECIMAL_LENGTH, ZERO } from '../../decimal/core.js'
import { combineCodes, defineCodes } from '../../findings/define.js'
import { escapePointer } from '../../findings/pointer.js'
import { isObject, obj, type RuleContext } from '../context.js'
import { schemaCodes } from './schema.js'

/** The codes these rules report. */
export const decimalCodes = defineCodes({
  DECIMAL_TOO_LONG: {
    severity: 'error',
    profiles: ['core'],
    title: 'A Decimal string has at most 50 characters (no one measures emissions to 50 digits).',
    message: 'The Decimal value has {actual} characters; at most {expected} are accepted.',
    source: 'carbon-passport (resource limit)',
  },
})

const { reportAt } = combineCodes(decimalCodes, schemaCodes)

const DECIMAL_SHAPE = /^-?[0-9]+(\.[0-9]+)?$/

/**
 * Every string field of a flat object (the Decimal fields are strings; others are skipped cheaply).
 * The object sits at `path`, or at `path/index/tail` when `index` ≥ 0: the pointer is only built
 * for a finding.
 */
function checkFields(ctx: RuleContext, value: unknown, path: string, index = -1, tail = ''): void {
  if (!isObject(value)) return
  for (const key in value) {
    const v = value[key]
    if (typeof v === 'string' && v.length > MAX_DECIMAL_LENGTH && DECIMAL_SHAPE.test(v)) {
      const at = index < 0 ? path : `${path}/${index}${tail}`
      reportAt(ctx, 'DECIMAL_TOO_LONG', `${at}/${escapePointer(key)}`, {
        expected: String(MAX_DECIMAL_LENGTH),
        actual: String(v.length),
      })
    }
  }
}

function checkList(ctx: RuleContext, list: unknown, path: string): void {
  if (!Array.isArray(list)) return
  for (let i = 0; i < list.length; i++) checkFields(ctx, list[i], path, i)
}

/**
 * Every Decimal is at most MAX_DECIMAL_LENGTH characters long. Only the objects of the model that
 * hold Decimals are scanned (footprint, scope breakdown, stages, activity lines and their factors,
 * components, battery, CRS, declarations and their functional units), so the cost stays small.
 */
export function decimalLengthRule(ctx: RuleContext): void {
  const s = ctx.subject
  const f = s.footprint
  checkFields(ctx, f, '/footprint')
  if (isObject(f)) {
    checkFields(ctx, f.dqi, '/footprint/dqi')
    checkList(ctx, f.lifecycleStages, '/footprint/lifecycleStages')
    const sb = f.scopeBreakdown
    checkFields(ctx, sb, '/footprint/scopeBreakdown')
    if (isObject(sb)) checkList(ctx, sb.scope3, '/footprint/scopeBreakdown/scope3')
  }
  if (isObject(f))
    checkFields(ctx, f.circularFootprintFormula, '/footprint/circularFootprintFormula')
  const totals = s.lifeCycleTotals
  checkFields(ctx, totals, '/lifeCycleTotals')
  if (isObject(totals)) checkList(ctx, totals.lifecycleStages, '/lifeCycleTotals/lifecycleStages')
  checkList(ctx, s.claims, '/claims')
  const lines = s.activityData
  if (Array.isArray(lines)) {
    for (let i = 0; i < lines.length; i++) {
      const line = obj(lines[i])
      checkFields(ctx, line, '/activityData', i)
      checkFields(ctx, line.emissionFactor, '/activityData', i, '/emissionFactor')
    }
  }
  checkList(ctx, s.components, '/components')
  const b = s.battery
  checkFields(ctx, b, '/battery')
  if (isObject(b)) {
    checkFields(ctx, b.cumulatedRequestedService, '/battery/cumulatedRequestedService')
    const declarations = b.declarations
    if (Array.isArray(declarations)) {
      for (let i = 0; i < declarations.length; i++) {
        const d = obj(declarations[i])
        checkFields(ctx, d, '/battery/declarations', i)
        checkFields(ctx, d.functionalUnit, '/battery/declarations', i, '/functionalUnit')
        const stages = `/battery/declarations/${i}/lifecycleStagesPerFunctionalUnit`
        checkList(ctx, d.lifecycleStagesPerFunctionalUnit, stages)
      }
    }
  }
}

const RANGE_RULE = 'IEC 63369-1:2026 (cumulated requested service: service conditions)'
const MIN_TEMPERATURE = decimalOf(-60n)
const MAX_TEMPERATURE = decimalOf(100n)

const CRS_PATH = '/battery/cumulatedRequestedService'

function positive(ctx: RuleContext, field: string, value: unknown): void {
  const d = ctx.dec(value)
  if (d && compare(d, ZERO) <= 0) {
    reportAt(
      ctx,
      'VALUE_OUT_OF_RANGE',
      `${CRS_PATH}/${field}`,
      {
        expected: 'greater than 0 %',
        actual: String(value),
      },
      RANGE_RULE,
    )
  }
}

/** The battery service conditions are physically plausible. */
export function serviceConditionRangeRule(ctx: RuleContext): void {
  const crs = obj(obj(ctx.subject.battery).cumulatedRequestedService)
  positive(ctx, 'depthOfDischarge', crs.depthOfDischarge)
  positive(ctx, 'endOfLifeStateOfHealth', crs.endOfLifeStateOfHealth)
  const t = ctx.dec(crs.temperature)
  if (t && (compare(t, MIN_TEMPERATURE) < 0 || compare(t, MAX_TEMPERATURE) > 0)) {
    reportAt(
      ctx,
      'VALUE_OUT_OF_RANGE',
      `${CRS_PATH}/temperature`,
      {
        expected: 'from -60 °C to 100 °C',
        actual: String(crs.temperature),
      },
      RANGE_RULE,
    )
  }
}
