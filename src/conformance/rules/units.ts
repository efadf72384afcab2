/** Units are known codes: UN/ECE Rec 20 (canonical) or an unambiguous UCUM alias (see units.ts). */

import { defineCodes } from '../../findings/define.js'
import { FACTOR_UNIT_PREFIX, lookupFactorUnit, lookupUnit, UNITS } from '../../units.js'
import { arr, obj, type RuleContext } from '../context.js'

/** The codes these rules report. */
export const unitCodes = defineCodes({
  UNIT_UNKNOWN: {
    severity: 'error',
    profiles: ['core'],
    title:
      'Units are UN/ECE Recommendation 20 codes (canonical) or their unambiguous UCUM equivalents.',
    message:
      'The unit "{actual}" is not a known UN/ECE Rec 20 code or unambiguous UCUM code{detail}.',
    source: 'UN/ECE Recommendation 20; UCUM (see the unit table in docs/rules.md)',
  },
})

const { reportAt } = unitCodes

const UNIT_SHAPE = /^\S{1,32}$/

const suggestions = new Map<string, string>()
for (const u of UNITS) {
  suggestions.set(u.code.toLowerCase(), u.code)
  for (const alias of u.ucum) suggestions.set(alias.toLowerCase().replace(/\./g, ''), u.code)
  suggestions.set(u.name.toLowerCase(), u.code)
}

/** Whether a unit code is to be reported: a string of the right shape that is not known. */
const unknown = (value: unknown): value is string =>
  // Empty, overlong or spaced codes fail the schema, which says why.
  typeof value === 'string' && !lookupUnit(value) && UNIT_SHAPE.test(value)

function report(ctx: RuleContext, value: string, path: string): void {
  const hint = suggestions.get(value.toLowerCase().replace(/[.\s·*]/g, ''))
  reportAt(ctx, 'UNIT_UNKNOWN', path, {
    actual: value,
    detail: hint ? ` (did you mean ${hint}?)` : '',
  })
}

export function unitRule(ctx: RuleContext): void {
  const lines = arr(ctx.subject.activityData)
  for (let i = 0; i < lines.length; i++) {
    const line = obj(lines[i])
    if (unknown(line.unit)) report(ctx, line.unit, `/activityData/${i}/unit`)
    const factorUnit = obj(line.emissionFactor).unit
    if (
      typeof factorUnit === 'string' &&
      factorUnit.startsWith(FACTOR_UNIT_PREFIX) &&
      !lookupFactorUnit(factorUnit)
    ) {
      const per = factorUnit.slice(FACTOR_UNIT_PREFIX.length)
      if (per !== '' && unknown(per)) report(ctx, per, `/activityData/${i}/emissionFactor/unit`)
    }
  }
  const components = arr(ctx.subject.components)
  for (let i = 0; i < components.length; i++) {
    const unit = obj(components[i]).unit
    if (unknown(unit)) report(ctx, unit, `/components/${i}/unit`)
  }
  const declarations = arr(obj(ctx.subject.battery).declarations)
  for (let i = 0; i < declarations.length; i++) {
    const fuUnit = obj(obj(declarations[i]).functionalUnit).unit
    if (unknown(fuUnit)) report(ctx, fuUnit, `/battery/declarations/${i}/functionalUnit/unit`)
  }
}
