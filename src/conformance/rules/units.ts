/** Units are known codes: UN/ECE Rec 20 (canonical) or an unambiguous UCUM alias (see units.ts). */
import { arr, obj, type RuleContext, reportAt } from '../context.js'
import { FACTOR_UNIT_PREFIX, lookupUnit, UNITS } from '../units.js'

const UNIT_SHAPE = /^\S{1,32}$/

const suggestions = new Map<string, string>()
for (const u of UNITS) {
  suggestions.set(u.code.toLowerCase(), u.code)
  for (const alias of u.ucum) suggestions.set(alias.toLowerCase().replace(/\./g, ''), u.code)
  suggestions.set(u.name.toLowerCase(), u.code)
}

function check(ctx: RuleContext, value: unknown, path: string): void {
  // Empty, overlong or spaced codes fail the schema, which says why.
  if (typeof value !== 'string' || !UNIT_SHAPE.test(value) || lookupUnit(value)) return
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
    check(ctx, line.unit, `/activityData/${i}/unit`)
    const factorUnit = obj(line.emissionFactor).unit
    if (typeof factorUnit === 'string' && factorUnit.startsWith(FACTOR_UNIT_PREFIX)) {
      const per = factorUnit.slice(FACTOR_UNIT_PREFIX.length)
      if (per !== '' && !lookupUnit(per)) {
        check(ctx, per, `/activityData/${i}/emissionFactor/unit`)
      }
    }
  }
  const components = arr(ctx.subject.components)
  for (let i = 0; i < components.length; i++) {
    check(ctx, obj(components[i]).unit, `/components/${i}/unit`)
  }
  check(ctx, obj(obj(ctx.subject.battery).functionalUnit).unit, '/battery/functionalUnit/unit')
}
