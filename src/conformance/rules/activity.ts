/**
 * Activity data lines: emissions = quantity × emission factor, and the factor is per unit of the
 * activity (`kgCO2e/<activity unit>`, Rec 20 and UCUM spellings of the same unit match).
 */

import { approxEqual, formatDecimal, mul } from '../../decimal/core.js'
import { defineCodes } from '../../findings/define.js'
import { FACTOR_UNIT_PREFIX, lookupFactorUnit, lookupUnit } from '../../units.js'
import { arr, obj, type RuleContext } from '../context.js'

/** The codes these rules report. */
export const activityCodes = defineCodes({
  ACTIVITY_EMISSIONS_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title: 'The emissions of an activity data line equal its quantity × its emission factor.',
    message: 'quantity × emission factor = {expected} kgCO2e, but the line states {actual} kgCO2e.',
    source: 'GHG Protocol Product Standard §9 (activity data × emission factor)',
  },
  EMISSION_FACTOR_UNIT_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'An emission factor is per unit of its activity: its unit is "kgCO2e/" + the activity unit.',
    message:
      'The emission factor unit must be {expected} for an activity in {field}, not {actual}.',
    source: 'carbon-passport data model (EmissionFactor.unit)',
  },
})

const { reportAt } = activityCodes

export function activityLineRule(ctx: RuleContext): void {
  const lines = arr(ctx.subject.activityData)
  for (let i = 0; i < lines.length; i++) {
    const line = obj(lines[i])
    const ef = obj(line.emissionFactor)
    const factorUnit = ef.unit
    if (typeof factorUnit === 'string' && factorUnit.startsWith(FACTOR_UNIT_PREFIX)) {
      const lineUnit = lookupUnit(line.unit)
      if (lineUnit) {
        const per = lookupFactorUnit(factorUnit)
        if (per === undefined) continue // UNIT_UNKNOWN says why
        if (per.code !== lineUnit.code) {
          reportAt(ctx, 'EMISSION_FACTOR_UNIT_MISMATCH', `/activityData/${i}/emissionFactor/unit`, {
            field: String(line.unit),
            expected: `${FACTOR_UNIT_PREFIX}${String(line.unit)}`,
            actual: factorUnit,
          })
          continue // the product below would compare different units
        }
      }
    }
    const quantity = ctx.dec(line.quantity)
    if (!quantity) continue
    const factor = ctx.dec(ef.value)
    if (!factor) continue
    const emissions = ctx.dec(line.emissions)
    if (!emissions) continue
    const expected = mul(quantity, factor)
    if (!approxEqual(emissions, expected, ctx.tolerance)) {
      reportAt(ctx, 'ACTIVITY_EMISSIONS_MISMATCH', `/activityData/${i}/emissions`, {
        expected: formatDecimal(expected),
        actual: formatDecimal(emissions),
      })
    }
  }
}
