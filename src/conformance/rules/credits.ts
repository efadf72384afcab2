/**
 * Credits, removals and end-of-life modelling. An activity data line is an emission (the default,
 * never below zero), a credit (recycling, energy recovery, reuse, co-product substitution) or a
 * removal (technological CO2 capture and storage, other technological removals), both at most zero.
 * Credits and removals add into the sums like any other line: their stage, their scope (and scope 3
 * category) and every total whose boundary holds their stage (see sums.ts). Offsets and avoided
 * emissions are never lines: they are `claims[]`, outside every sum.
 */

import { add, approxEqual, type Dec, formatDecimal, sign, ZERO } from '../../decimal/core.js'
import { defineCodes } from '../../findings/define.js'
import { arr, obj, type RuleContext } from '../context.js'
import { PACT } from './sources.js'
import { stagesInBoundary } from './sums.js'

const PEF = 'Recommendation (EU) 2021/2279 Annex I (PEF: Circular Footprint Formula)'

/** The codes these rules report. */
export const creditCodes = defineCodes({
  LINE_SIGN_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'Only credit and removal lines are below zero: an emission line has emissions and an emission factor ≥ 0, a credit or removal line has emissions ≤ 0.',
    message: '{detail}',
    source: `ISO 14067 §6.4.9 (removals, recycling); ${PEF}; ${PACT} (ccsTechnologicalCO2Capture, technologicalCO2Removals ≤ 0)`,
  },
  LINE_KIND_TYPE_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'A credit line names its creditType and a removal line its removalType; other lines carry neither.',
    message: '{detail}',
    source: 'carbon-passport data model (ActivityDataLine.lineKind)',
  },
  OFFSET_IN_FOOTPRINT: {
    severity: 'error',
    profiles: ['core'],
    title:
      'Offsets and avoided emissions never reduce a footprint: they are claims[], not credit lines.',
    message:
      'A credit line of type "{actual}" would reduce the footprint; record it in claims[] instead, outside every sum.',
    source:
      'ISO 14067 §6.4.9.5 (offsetting not part of the CFP); GHG Protocol Product Standard §11.3.2; IEC 63372:2026 (avoided emissions apart); GB/T 24067-2024',
  },
  END_OF_LIFE_MODELLING_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'Recycling, energy-recovery and reuse credits need an endOfLifeModelling that gives credits (circular-footprint-formula or avoided-burden, not cut-off); the Circular Footprint Formula comes with its parameters, and only it.',
    message: '{detail}',
    source: `${PEF}; ISO 14067 §6.4.6.3 (recycling allocation)`,
  },
  REMOVALS_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'The removal lines inside the footprint’s boundary add up to ccsTechnologicalCO2Capture + technologicalCO2Removals (absent fields count as 0).',
    message:
      'The removal lines add up to {expected} kgCO2e, but ccsTechnologicalCO2Capture + technologicalCO2Removals is {actual}.',
    source: `${PACT} (ccsTechnologicalCO2Capture, technologicalCO2Removals)`,
  },
})

const { reportAt } = creditCodes

/** The line kinds that name their type, the field that names it, and what the type says. */
const KIND_TYPES = [
  ['credit', 'creditType', 'credits'],
  ['removal', 'removalType', 'removes'],
] as const

const BELOW_ZERO_ALLOWED = new Set(['credit', 'removal'])
const REFUSED_CREDITS = new Set(['offset', 'avoided-emissions'])
/** Credits that only an end-of-life modelling with credits gives. */
const END_OF_LIFE_CREDITS = new Set(['recycling', 'energy-recovery', 'reuse'])
const CREDITING_MODELLINGS = new Set(['circular-footprint-formula', 'avoided-burden'])

/** Signs, kinds and types of every line. */
export function lineKindRule(ctx: RuleContext): void {
  const lines = arr(ctx.subject.activityData)
  for (let i = 0; i < lines.length; i++) {
    const line = obj(lines[i])
    const kind = line.lineKind ?? 'emission'
    const at = `/activityData/${i}`
    const emissions = ctx.dec(line.emissions)
    const factor = ctx.dec(obj(line.emissionFactor).value)
    if (BELOW_ZERO_ALLOWED.has(kind as string)) {
      if (emissions && sign(emissions) > 0) {
        reportAt(ctx, 'LINE_SIGN_MISMATCH', `${at}/emissions`, {
          detail: `A ${String(kind)} line has emissions ≤ 0, not ${String(line.emissions)}.`,
          expected: '≤ 0',
          actual: String(line.emissions),
        })
      }
    } else {
      if (emissions && sign(emissions) < 0) {
        reportAt(ctx, 'LINE_SIGN_MISMATCH', `${at}/emissions`, {
          detail: `Emissions of ${String(line.emissions)} are below zero on an emission line; make it a credit or removal line (lineKind).`,
          expected: '≥ 0',
          actual: String(line.emissions),
        })
      } else if (factor && sign(factor) < 0) {
        reportAt(ctx, 'LINE_SIGN_MISMATCH', `${at}/emissionFactor/value`, {
          detail: `An emission factor of ${String(obj(line.emissionFactor).value)} is below zero on an emission line; make it a credit or removal line (lineKind).`,
          expected: '≥ 0',
          actual: String(obj(line.emissionFactor).value),
        })
      }
    }
    for (const [ownKind, field, what] of KIND_TYPES) {
      if (kind === ownKind && line[field] === undefined) {
        reportAt(ctx, 'LINE_KIND_TYPE_MISMATCH', `${at}/${field}`, {
          detail: `A ${ownKind} line names what it ${what} (${field}).`,
        })
      } else if (kind !== ownKind && line[field] !== undefined) {
        reportAt(ctx, 'LINE_KIND_TYPE_MISMATCH', `${at}/${field}`, {
          detail: `${field} is only for ${ownKind} lines, not for a ${String(kind)} line.`,
        })
      }
    }
    if (typeof line.creditType === 'string' && REFUSED_CREDITS.has(line.creditType)) {
      reportAt(ctx, 'OFFSET_IN_FOOTPRINT', `${at}/creditType`, { actual: line.creditType })
    }
  }
}

/** Credits at end of life need a modelling that gives them; the CFF needs its parameters. */
export function endOfLifeModellingRule(ctx: RuleContext): void {
  const f = obj(ctx.subject.footprint)
  const modelling = f.endOfLifeModelling
  if (modelling === 'circular-footprint-formula' && f.circularFootprintFormula === undefined) {
    reportAt(ctx, 'END_OF_LIFE_MODELLING_MISMATCH', '/footprint/circularFootprintFormula', {
      detail:
        'The Circular Footprint Formula is applied: give its parameters (circularFootprintFormula).',
    })
  } else if (
    modelling !== 'circular-footprint-formula' &&
    f.circularFootprintFormula !== undefined
  ) {
    reportAt(ctx, 'END_OF_LIFE_MODELLING_MISMATCH', '/footprint/circularFootprintFormula', {
      detail: `circularFootprintFormula is given, but endOfLifeModelling is ${modelling === undefined ? 'absent' : `"${String(modelling)}"`}, not "circular-footprint-formula".`,
    })
  }
  if (typeof modelling === 'string' && CREDITING_MODELLINGS.has(modelling)) return
  const lines = arr(ctx.subject.activityData)
  for (let i = 0; i < lines.length; i++) {
    const line = obj(lines[i])
    if (line.lineKind !== 'credit' || !END_OF_LIFE_CREDITS.has(line.creditType as string)) continue
    reportAt(ctx, 'END_OF_LIFE_MODELLING_MISMATCH', `/activityData/${i}/creditType`, {
      detail: `A "${String(line.creditType)}" credit needs endOfLifeModelling "circular-footprint-formula" or "avoided-burden"; it is ${modelling === undefined ? 'absent' : `"${String(modelling)}"`}, which gives no such credit.`,
    })
  }
}

/** The removal lines inside the footprint's boundary = ccsTechnologicalCO2Capture + technologicalCO2Removals. */
export function removalsRule(ctx: RuleContext): void {
  const f = obj(ctx.subject.footprint)
  const lines = arr(ctx.subject.activityData)
  const stages = stagesInBoundary(f.systemBoundary)
  let removals: Dec = ZERO
  let any = false
  for (let i = 0; i < lines.length; i++) {
    const line = obj(lines[i])
    if (line.lineKind !== 'removal') continue
    if (stages !== undefined && !stages.has(line.lifecycleStage)) continue
    const d = ctx.dec(line.emissions)
    if (d === undefined) return
    removals = add(removals, d)
    any = true
  }
  if (!any && f.ccsTechnologicalCO2Capture == null && f.technologicalCO2Removals == null) return
  const ccs = f.ccsTechnologicalCO2Capture == null ? ZERO : ctx.dec(f.ccsTechnologicalCO2Capture)
  const tech = f.technologicalCO2Removals == null ? ZERO : ctx.dec(f.technologicalCO2Removals)
  if (ccs === undefined || tech === undefined) return
  const declared = add(ccs, tech)
  if (!approxEqual(removals, declared, ctx.tolerance)) {
    reportAt(ctx, 'REMOVALS_MISMATCH', '/activityData', {
      expected: formatDecimal(removals),
      actual: formatDecimal(declared),
    })
  }
}
