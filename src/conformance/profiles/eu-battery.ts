/**
 * `eu-battery-2023-1542`: the carbon footprint declaration of Regulation (EU) 2023/1542, Article 7(1)
 * (a)–(g) and Annex II, for EV, LMT and rechargeable industrial batteries above 2 kWh placed on the
 * market as batteries (packs and systems). The profile reads the battery's `eu-2023-1542`
 * declaration: per kWh of total energy over the service life, the four Annex II stages, use excluded.
 */

import {
  approxEqual,
  compare,
  type Dec,
  decimalOf,
  formatDecimal,
  mul,
  sign,
} from '../../decimal/core.js'
import { combineCodes, defineCodes } from '../../findings/define.js'
import { lookupUnit } from '../../units.js'
import { arr, obj, type RuleContext } from '../context.js'
import type { DeclarationAt } from '../rules/declarations.js'
import { EU } from '../rules/sources.js'
import {
  batteryOf,
  batteryScopeCodes,
  checkBoundary,
  isIntermediate,
  requireDeclaration,
} from './battery-scope.js'

const DRAFT_ACT =
  'draft delegated act on the EV battery carbon footprint, Ares(2024)3131389 (E_total, full-equivalent cycles per year by vehicle category)'

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
      'The EU declaration is per kWh of total energy provided over the service life: functional unit kind "lifetime-energy", unit KWH (a CRS is not the EU functional unit).',
    message: 'The functional unit must be {expected}, not {actual}.',
    source: `${EU} Art. 7(1)(d), Annex II point 3`,
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
      'The lifetime energy (the functional unit quantity) follows the category: EV and LMT usable energy × full-equivalent cycles per year × warranty years (the draft EV act); industrial usable energy × cycles per year × service life years.',
    message: '{field} = {expected} kWh, but the functional unit quantity is {actual} kWh.',
    source: `${EU} Art. 7(1)(d); ${DRAFT_ACT}; JRC CFB-IND (2025) for industrial batteries`,
  },
  EU_CYCLES_PER_YEAR_INVALID: {
    severity: 'error',
    profiles: ['eu-battery-2023-1542'],
    title:
      'EV and LMT batteries use the draft act’s full-equivalent cycles per year by vehicle category: 60 (M1, N1), 20 (L), 250 (M2, M3, N2, N3). With battery.vehicleCategory the one value of that category is required; without it, 60 or 250 for EV and 20 for LMT.',
    message: 'cyclesPerYear must be {expected} for a "{field}" battery, not {actual}.',
    source: DRAFT_ACT,
  },
  PERFORMANCE_CLASS_NO_SCHEME: {
    severity: 'warning',
    profiles: ['eu-battery-2023-1542'],
    title:
      'A performance class names the act whose thresholds define it (performanceClassScheme); no Art. 7(2) class act is in force yet, so a bare class cannot be checked.',
    message:
      'performanceClass "{actual}" names no class scheme; classes exist only under the Art. 7(2) delegated act that sets their thresholds.',
    source: `${EU} Art. 7(2), Annex II points 7-8`,
  },
  EU_END_OF_LIFE_NOT_CFF: {
    severity: 'warning',
    profiles: ['eu-battery-2023-1542'],
    title:
      'End of life is modelled with the Circular Footprint Formula: Annex II follows the PEF method, and the JRC rules for EV (CFB-EV) and industrial batteries (CFB-IND) apply the CFF. A warning until a delegated act fixes the formula’s parameters; an unstated endOfLifeModelling is not checked.',
    message:
      'endOfLifeModelling is "{actual}", but the EU method models end of life with the Circular Footprint Formula; this declaration will need it once the delegated act applies.',
    source: `${EU} Annex II point 1; Recommendation (EU) 2021/2279 Annex I (Circular Footprint Formula); JRC CFB-EV (2023) and CFB-IND (2025)`,
  },
  ELECTRICITY_INSTRUMENT_NOT_ACCEPTED: {
    severity: 'warning',
    profiles: ['eu-battery-2023-1542'],
    title:
      'Electricity is not modelled through a power purchase agreement or guarantees of origin, which the draft EV battery act does not accept (a warning until an act is adopted).',
    message:
      'This electricity line is modelled through "{actual}", which the draft EV battery carbon footprint act does not accept; model it as the act requires (the grid mix, or supplier-specific electricity that meets its criteria).',
    source: `${EU} Art. 7, Annex II point 1; ${DRAFT_ACT}, electricity modelling (PPAs and guarantees of origin excluded)`,
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
const INDUSTRIAL = new Set(['industrial', 'industrial-external-storage'])
/** Full-equivalent cycles per year of the draft EV act, by battery category. */
const CYCLES_PER_YEAR: Readonly<Record<string, readonly string[]>> = {
  EV: ['60', '250'],
  LMT: ['20'],
}
/** Full-equivalent cycles per year of the draft EV act, by UNECE vehicle category. */
const CYCLES_PER_YEAR_BY_VEHICLE: Readonly<Record<string, string>> = {
  M1: '60',
  N1: '60',
  L: '20',
  M2: '250',
  M3: '250',
  N2: '250',
  N3: '250',
}

function outOfScope(ctx: RuleContext, field: string, detail: string): false {
  reportAt(ctx, 'OUT_OF_SCOPE', `/battery/${field}`, { field: PROFILE, detail })
  return false
}

/** Art. 7 applicability by category, level and (industrial) rated energy. */
function inScope(ctx: RuleContext): boolean {
  const battery = batteryOf(ctx, PROFILE)
  if (!battery) return false
  const category = battery.category
  if (category === 'portable' || category === 'SLI') {
    return outOfScope(
      ctx,
      'category',
      `"${category}" batteries need no carbon footprint declaration`,
    )
  }
  // A cell or module built into another battery is declared within that battery (Art. 1, 3).
  if (isIntermediate(battery)) {
    return outOfScope(
      ctx,
      'level',
      `a ${String(battery.level)} not placed on the market as a battery is declared within the battery it goes into`,
    )
  }
  if (typeof category === 'string' && INDUSTRIAL.has(category)) {
    const rated = ctx.dec(battery.ratedEnergy)
    if (rated && compare(rated, TWO_KWH) <= 0) {
      return outOfScope(
        ctx,
        'ratedEnergy',
        `industrial batteries need a declaration above 2 kWh; this one has ${String(battery.ratedEnergy)} kWh`,
      )
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
  if (value != null) return
  reportAt(
    ctx,
    'EU_BATTERY_FIELD_REQUIRED',
    path,
    { field, detail: `Art. 7(1)${clause}` },
    `Regulation (EU) 2023/1542 Art. 7(1)${clause}`,
  )
}

function checkFields(ctx: RuleContext, at: DeclarationAt): void {
  const product = obj(ctx.subject.product)
  const d = at.declaration
  // (a) manufacturer: its name is required by the schema; (d), (e) by the declaration's schema.
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
    d.declarationOfConformityId,
    `${at.path}/declarationOfConformityId`,
    'declarationOfConformityId',
    '(f)',
  )
  requirePresent(ctx, d.studyUrl, `${at.path}/studyUrl`, 'studyUrl', '(g)')
}

function checkFunctionalUnit(ctx: RuleContext, at: DeclarationAt): void {
  const fu = obj(at.declaration.functionalUnit)
  if (typeof fu.kind !== 'string' || !lookupUnit(fu.unit)) return
  if (fu.kind === 'lifetime-energy' && lookupUnit(fu.unit)?.code === 'KWH') return
  reportAt(ctx, 'EU_FUNCTIONAL_UNIT_INVALID', `${at.path}/functionalUnit`, {
    expected: 'kWh of total energy over the service life (kind "lifetime-energy", unit KWH)',
    actual: `${String(fu.unit)} (${fu.kind})`,
  })
}

function checkStages(ctx: RuleContext, at: DeclarationAt): void {
  const stages = arr(at.declaration.lifecycleStagesPerFunctionalUnit).map(obj)
  if (stages.length === 0) return
  const listPath = `${at.path}/lifecycleStagesPerFunctionalUnit`
  const present = new Set(stages.map((st) => st.stage))
  for (const stage of ANNEX_II_STAGES) {
    if (!present.has(stage)) reportAt(ctx, 'EU_STAGES_INCOMPLETE', listPath, { expected: stage })
  }
  const useIndex = stages.findIndex((st) => st.stage === 'use')
  if (useIndex < 0) return
  const use = ctx.dec(stages[useIndex]?.emissions)
  if (use === undefined || sign(use) !== 0) {
    reportAt(ctx, 'EU_USE_STAGE_INCLUDED', `${listPath}/${useIndex}`, {
      actual: String(stages[useIndex]?.emissions),
    })
  }
}

/**
 * Cycles per year against the draft act's table, by vehicle category when the battery gives one
 * (only for EV and LMT batteries, the ones the table is for); false when they are wrong.
 */
function checkCyclesPerYear(
  ctx: RuleContext,
  category: string,
  vehicle: unknown,
  cycles: Dec,
): boolean {
  const byVehicle = typeof vehicle === 'string' ? CYCLES_PER_YEAR_BY_VEHICLE[vehicle] : undefined
  const byCategory = CYCLES_PER_YEAR[category]
  const allowed = byCategory && byVehicle ? [byVehicle] : byCategory
  if (!allowed || allowed.some((c) => compare(decimalOf(BigInt(c)), cycles) === 0)) return true
  reportAt(ctx, 'EU_CYCLES_PER_YEAR_INVALID', '/battery/cyclesPerYear', {
    field: byCategory && byVehicle ? `${category} (${String(vehicle)})` : category,
    expected: allowed.join(' or '),
    actual: formatDecimal(cycles),
  })
  return false
}

/** The lifetime energy by the category's formula, against the functional unit quantity. */
function checkLifetimeEnergy(ctx: RuleContext, at: DeclarationAt): void {
  const b = obj(ctx.subject.battery)
  const category = String(b.category)
  const usable = ctx.dec(b.usableEnergy)
  const cycles = ctx.dec(b.cyclesPerYear)
  if (cycles && !checkCyclesPerYear(ctx, category, b.vehicleCategory, cycles)) return
  const vehicle = category in CYCLES_PER_YEAR
  // EV and LMT: years of warranty (draft EV act); industrial: expected service life.
  const yearsField = vehicle ? 'warrantyYears' : 'serviceLifeYears'
  const years = ctx.dec(b[yearsField])
  const fu = obj(at.declaration.functionalUnit)
  const lifetime = ctx.dec(fu.quantity)
  if (fu.kind !== 'lifetime-energy' || !usable || !cycles || !years || !lifetime) return
  const expected = mul(mul(usable, cycles), years)
  if (approxEqual(lifetime, expected, ctx.tolerance)) return
  reportAt(ctx, 'LIFETIME_ENERGY_MISMATCH', `${at.path}/functionalUnit/quantity`, {
    field: `usableEnergy × cyclesPerYear × ${yearsField}`,
    expected: formatDecimal(expected),
    actual: formatDecimal(lifetime),
  })
}

/** Contractual instruments the draft EV battery act does not accept. */
const INSTRUMENTS_NOT_ACCEPTED = new Set(['power-purchase-agreement', 'guarantee-of-origin'])

function checkElectricity(ctx: RuleContext): void {
  const lines = arr(ctx.subject.activityData)
  for (let i = 0; i < lines.length; i++) {
    const electricity = obj(obj(lines[i]).electricity)
    const instrument = electricity.instrument
    if (electricity.basis !== 'market' || typeof instrument !== 'string') continue
    if (!INSTRUMENTS_NOT_ACCEPTED.has(instrument)) continue
    reportAt(
      ctx,
      'ELECTRICITY_INSTRUMENT_NOT_ACCEPTED',
      `/activityData/${i}/electricity/instrument`,
      { actual: instrument },
    )
  }
}

function checkPerformanceClass(ctx: RuleContext, at: DeclarationAt): void {
  const d = at.declaration
  if (d.performanceClass == null || d.performanceClassScheme != null) return
  reportAt(ctx, 'PERFORMANCE_CLASS_NO_SCHEME', `${at.path}/performanceClass`, {
    actual: String(d.performanceClass),
  })
}

/** The EU method is PEF-based: its end of life is the Circular Footprint Formula. */
function checkEndOfLifeModelling(ctx: RuleContext): void {
  const modelling = obj(ctx.subject.footprint).endOfLifeModelling
  if (typeof modelling !== 'string' || modelling === 'circular-footprint-formula') return
  reportAt(ctx, 'EU_END_OF_LIFE_NOT_CFF', '/footprint/endOfLifeModelling', { actual: modelling })
}

export function euBatteryRule(ctx: RuleContext): void {
  if (!inScope(ctx)) return
  const at = requireDeclaration(ctx, 'eu-2023-1542')
  if (!at) return
  checkFields(ctx, at)
  checkBoundary(ctx, at, ['cradle-to-grave-excluding-use'])
  checkFunctionalUnit(ctx, at)
  checkStages(ctx, at)
  checkLifetimeEnergy(ctx, at)
  checkPerformanceClass(ctx, at)
  checkEndOfLifeModelling(ctx)
  checkElectricity(ctx)
}

export const euBatteryRules = [euBatteryRule] as const
