/**
 * `eu-battery-2023-1542`: the carbon footprint declaration of Regulation (EU) 2023/1542, Article 7(1)
 * (a)–(g) and Annex II, for EV, LMT and rechargeable industrial batteries above 2 kWh.
 */

import { combineCodes, defineCodes } from '../../findings/define.js'
import { arr, obj, type RuleContext } from '../context.js'
import { approxEqual, compare, decimalOf, formatDecimal, mul, sign } from '../decimal.js'
import { EU } from '../rules/sources.js'
import { lookupUnit } from '../units.js'
import { batteryOf, batteryScopeCodes } from './battery-scope.js'

/** The codes these rules report. */
export const euBatteryCodes = defineCodes({
  EU_BATTERY_FIELD_REQUIRED: {
    severity: 'error',
    profiles: ['eu-battery-2023-1542'],
    title:
      'The carbon footprint declaration holds Art. 7(1)(a)–(g): manufacturer, model, plant location, kgCO2e per kWh of lifetime energy, the Annex II stages, declaration of conformity id, public study link.',
    message: '{detail} is required: "{field}" is missing.',
    source: `${EU} Art. 7(1)`,
  },
  EU_FUNCTIONAL_UNIT_INVALID: {
    severity: 'error',
    profiles: ['eu-battery-2023-1542'],
    title:
      'The footprint is declared per kWh of total energy provided over the service life (functional unit: 1 kWh, lifetime energy or CRS).',
    message: 'The functional unit must be {expected}, not {actual}.',
    source: `${EU} Art. 7(1)(d)`,
  },
  EU_STAGES_INCOMPLETE: {
    severity: 'error',
    profiles: ['eu-battery-2023-1542'],
    title:
      'The per-kWh footprint is given for each Annex II stage: raw material acquisition and pre-processing, main production, distribution, end of life and recycling.',
    message: 'The life-cycle stage "{expected}" is missing from lifecycleStagesPerFunctionalUnit.',
    source: `${EU} Art. 7(1)(e), Annex II point 4`,
  },
  EU_USE_STAGE_INCLUDED: {
    severity: 'error',
    profiles: ['eu-battery-2023-1542'],
    title: 'The use stage is excluded from the declared stages.',
    message: 'The use stage is declared ({actual} kgCO2e/kWh) but Annex II excludes it.',
    source: `${EU} Annex II point 4`,
  },
  LIFETIME_ENERGY_MISMATCH: {
    severity: 'error',
    profiles: ['eu-battery-2023-1542'],
    title:
      'The lifetime energy = usable energy × full equivalent cycles per year × years of service, when these are given.',
    message:
      'usableEnergy × cyclesPerYear × serviceLifeYears = {expected} kWh, but lifetimeEnergy is {actual} kWh.',
    source: `${EU} Art. 7(1)(d); draft delegated act on the EV battery carbon footprint (April 2024), E_total`,
  },
  EU_PERFORMANCE_CLASS_NOT_DECLARED: {
    severity: 'info',
    profiles: ['eu-battery-2023-1542'],
    title:
      'The carbon footprint performance class is declared (required once the Art. 7(2) delegated act applies).',
    message: 'No carbon footprint performance class is declared (Art. 7(2)).',
    source: `${EU} Art. 7(2)`,
  },
})

const { reportAt } = combineCodes(euBatteryCodes, batteryScopeCodes)

const PROFILE = 'EU 2023/1542 Art. 7'
const TWO_KWH = decimalOf(2n)
const ANNEX_II_STAGES = [
  'raw-material-acquisition',
  'main-production',
  'distribution',
  'end-of-life',
]

function inScope(ctx: RuleContext): boolean {
  const battery = batteryOf(ctx, PROFILE)
  if (!battery) return false
  const category = battery.category
  if (category === 'portable' || category === 'SLI') {
    reportAt(ctx, 'OUT_OF_SCOPE', '/battery/category', {
      field: PROFILE,
      detail: `"${category}" batteries need no carbon footprint declaration`,
    })
    return false
  }
  if (category === 'industrial' || category === 'industrial-external-storage') {
    const rated = ctx.dec(battery.ratedEnergy)
    if (rated && compare(rated, TWO_KWH) <= 0) {
      reportAt(ctx, 'OUT_OF_SCOPE', '/battery/ratedEnergy', {
        field: PROFILE,
        detail: `industrial batteries need a declaration above 2 kWh; this one has ${String(battery.ratedEnergy)} kWh`,
      })
      return false
    }
  }
  return true
}

function requirePresent(
  ctx: RuleContext,
  value: unknown,
  path: string,
  field: string,
  clause: string,
): void {
  if (value == null) {
    reportAt(
      ctx,
      'EU_BATTERY_FIELD_REQUIRED',
      path,
      { field, detail: `Art. 7(1)${clause}` },
      `Regulation (EU) 2023/1542 Art. 7(1)${clause}`,
    )
  }
}

export function euBatteryRule(ctx: RuleContext): void {
  if (!inScope(ctx)) return
  const s = ctx.subject
  const product = obj(s.product)
  const b = obj(s.battery)
  const f = obj(s.footprint)
  // (a) manufacturer: name is required by the schema.
  requirePresent(ctx, product.modelNumber, '/product/modelNumber', 'modelNumber', '(b)')
  requirePresent(
    ctx,
    product.manufacturingSite,
    '/product/manufacturingSite',
    'manufacturingSite',
    '(c)',
  )
  requirePresent(
    ctx,
    b.footprintPerFunctionalUnit,
    '/battery/footprintPerFunctionalUnit',
    'footprintPerFunctionalUnit',
    '(d)',
  )
  requirePresent(ctx, b.functionalUnit, '/battery/functionalUnit', 'functionalUnit', '(d)')
  requirePresent(ctx, b.lifetimeEnergy, '/battery/lifetimeEnergy', 'lifetimeEnergy', '(d)')
  requirePresent(
    ctx,
    b.lifecycleStagesPerFunctionalUnit,
    '/battery/lifecycleStagesPerFunctionalUnit',
    'lifecycleStagesPerFunctionalUnit',
    '(e)',
  )
  requirePresent(
    ctx,
    b.declarationOfConformityId,
    '/battery/declarationOfConformityId',
    'declarationOfConformityId',
    '(f)',
  )
  requirePresent(ctx, b.studyUrl, '/battery/studyUrl', 'studyUrl', '(g)')

  const boundary = f.systemBoundary
  if (
    typeof boundary === 'string' &&
    boundary !== 'cradle-to-grave' &&
    boundary !== 'cradle-to-grave-excluding-use'
  ) {
    reportAt(ctx, 'SYSTEM_BOUNDARY_MISMATCH', '/footprint/systemBoundary', {
      expected: '"cradle-to-grave-excluding-use" (or "cradle-to-grave")',
      actual: boundary,
    })
  }

  if (b.functionalUnit != null) {
    const fu = obj(b.functionalUnit)
    const unit = lookupUnit(fu.unit)
    const kindOk = fu.kind === 'lifetime-energy' || fu.kind === 'cumulated-requested-service'
    if (typeof fu.kind === 'string' && unit && (!kindOk || unit.code !== 'KWH')) {
      reportAt(ctx, 'EU_FUNCTIONAL_UNIT_INVALID', '/battery/functionalUnit', {
        expected: 'kWh of total energy over the service life (kind "lifetime-energy", unit KWH)',
        actual: `${String(fu.unit)} (${String(fu.kind)})`,
      })
    }
  }

  const stages = arr(b.lifecycleStagesPerFunctionalUnit).map(obj)
  if (stages.length > 0) {
    const present = new Set(stages.map((st) => st.stage))
    for (const stage of ANNEX_II_STAGES) {
      if (!present.has(stage)) {
        reportAt(ctx, 'EU_STAGES_INCOMPLETE', '/battery/lifecycleStagesPerFunctionalUnit', {
          expected: stage,
        })
      }
    }
    const useIndex = stages.findIndex((st) => st.stage === 'use')
    const use = useIndex < 0 ? undefined : ctx.dec(stages[useIndex]?.emissions)
    if (useIndex >= 0 && (use === undefined || sign(use) !== 0)) {
      reportAt(
        ctx,
        'EU_USE_STAGE_INCLUDED',
        `/battery/lifecycleStagesPerFunctionalUnit/${useIndex}`,
        {
          actual: String(stages[useIndex]?.emissions),
        },
      )
    }
  }

  const usable = ctx.dec(b.usableEnergy)
  const cycles = ctx.dec(b.cyclesPerYear)
  const years = ctx.dec(b.serviceLifeYears)
  const lifetime = ctx.dec(b.lifetimeEnergy)
  if (usable && cycles && years && lifetime) {
    const expected = mul(mul(usable, cycles), years)
    if (!approxEqual(lifetime, expected, ctx.tolerance)) {
      reportAt(ctx, 'LIFETIME_ENERGY_MISMATCH', '/battery/lifetimeEnergy', {
        expected: formatDecimal(expected),
        actual: formatDecimal(lifetime),
      })
    }
  }

  if (b.performanceClass == null) {
    reportAt(ctx, 'EU_PERFORMANCE_CLASS_NOT_DECLARED', '/battery/performanceClass')
  }
}

export const euBatteryRules = [euBatteryRule] as const
