/**
 * The sums of a footprint: life-cycle stages, the activity data lines inside the footprint's
 * boundary and the scope breakdown each add up to pcfExcludingBiogenicUptake, and the breakdowns
 * agree with the activity lines they summarise. Lines beyond the footprint's boundary (use, end of
 * life after a cradle-to-gate footprint) belong to `lifeCycleTotals`, whose stages and all lines add
 * up to its totalFootprint. Credit and removal lines (negative) add in like any other line: into
 * their stage, their scope and scope 3 category, and every total whose boundary holds their stage.
 * Exact decimal arithmetic, relative tolerance.
 *
 * Hot path: every passport goes through these, so they loop over the lists directly (no mapped or
 * filtered copies, no key closures) and build a JSON Pointer only for a finding.
 */

import { add, approxEqual, type Dec, formatDecimal, ZERO } from '../../decimal/core.js'
import { defineCodes } from '../../findings/define.js'
import type { FindingParams } from '../../findings/finding.js'
import { LIFECYCLE_STAGES } from '../../model/enums.js'
import type { LifecycleStage, SystemBoundary } from '../../model/types.js'
import { arr, obj, type RuleContext } from '../context.js'

/** The codes these rules report. */
export const sumCodes = defineCodes({
  DUPLICATE_ENTRY: {
    severity: 'error',
    profiles: ['core'],
    title: 'A life-cycle stage, scope 3 category or component passport appears once in its list.',
    message: '{field} "{actual}" appears more than once; list each once with its total.',
    source: 'carbon-passport data model (docs/vocabulary.md)',
  },
  LIFECYCLE_STAGES_SUM_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title: 'The life-cycle stages add up to pcfExcludingBiogenicUptake.',
    message:
      'The life-cycle stages add up to {actual} kgCO2e, but pcfExcludingBiogenicUptake is {expected}.',
    source:
      'ISO 14067 §6.3.5 (life-cycle stages); carbon-passport data model (footprint.lifecycleStages)',
  },
  ACTIVITY_SUM_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'The emissions of the activity data lines whose stage lies inside the footprint’s system boundary (credits and removals included) add up to pcfExcludingBiogenicUptake.',
    message:
      'The activity data lines add up to {actual} kgCO2e, but pcfExcludingBiogenicUptake is {expected}.',
    source: 'carbon-passport data model (activityData); IEC 63782 (activity-based calculation)',
  },
  SCOPE_SUM_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title: 'Scope 1 + scope 2 + the scope 3 categories add up to pcfExcludingBiogenicUptake.',
    message:
      'The scope breakdown adds up to {actual} kgCO2e, but pcfExcludingBiogenicUptake is {expected}.',
    source: 'GHG Protocol Product Standard; carbon-passport data model (footprint.scopeBreakdown)',
  },
  SCOPE_ACTIVITY_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'Each scope (and each scope 3 category) of the breakdown agrees with the activity data lines of that scope or category.',
    message:
      'The activity data lines of {field} add up to {expected} kgCO2e, but the scope breakdown says {actual}.',
    source: 'GHG Protocol Corporate Value Chain (Scope 3) Standard; carbon-passport data model',
  },
  ACTIVITY_OUTSIDE_BOUNDARY: {
    severity: 'error',
    profiles: ['core'],
    title:
      'An activity data line’s stage lies inside the footprint’s system boundary, or inside the boundary of lifeCycleTotals.',
    message:
      'The line’s stage "{actual}" is outside the footprint’s boundary ({expected}) and no lifeCycleTotals include it; give lifeCycleTotals with a boundary that does.',
    source: 'ISO 14067 §6.3.4 (system boundary); carbon-passport data model (lifeCycleTotals)',
  },
  LIFE_CYCLE_TOTALS_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'lifeCycleTotals: its boundary includes the footprint’s; its stages add up to its totalFootprint and so do all activity data lines; a stage inside the footprint’s boundary equals the footprint’s, and a stage beyond it equals the sum of its lines.',
    message: '{detail}: expected {expected}, found {actual}.',
    source: 'ISO 14067 §6.3.4, §6.3.5; carbon-passport data model (lifeCycleTotals)',
  },
  STAGE_ACTIVITY_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title: 'Each life-cycle stage with activity data lines agrees with the sum of those lines.',
    message:
      'The activity data lines of stage "{field}" add up to {expected} kgCO2e, but the stage says {actual}.',
    source: 'ISO 14067 §6.3.5; carbon-passport data model',
  },
})

const { reportAt } = sumCodes

/** The life-cycle stages inside each system boundary. */
export const STAGES_IN_BOUNDARY: Readonly<Record<SystemBoundary, readonly LifecycleStage[]>> = {
  'cradle-to-gate': ['raw-material-acquisition', 'main-production'],
  'cradle-to-grave': LIFECYCLE_STAGES,
  'cradle-to-grave-excluding-use': LIFECYCLE_STAGES.filter((st) => st !== 'use'),
  'gate-to-gate': ['main-production'],
}

/**
 * One set per boundary, made once: the rules ask for the footprint's several times a passport, and
 * a new Set each time was ~1.5 µs of a verifyPassport. Nothing adds to them (ReadonlySet).
 */
const STAGE_SETS: ReadonlyMap<string, ReadonlySet<unknown>> = new Map(
  Object.entries(STAGES_IN_BOUNDARY).map(([boundary, stages]) => [boundary, new Set(stages)]),
)

/** The stages inside a boundary, or undefined when the value is not a boundary (the schema says why). */
export function stagesInBoundary(boundary: unknown): ReadonlySet<unknown> | undefined {
  return typeof boundary === 'string' ? STAGE_SETS.get(boundary) : undefined
}

/** The stages inside the footprint's boundary; undefined (every stage) when it has none. */
function footprintStageSet(ctx: RuleContext): ReadonlySet<unknown> | undefined {
  return stagesInBoundary(obj(ctx.subject.footprint).systemBoundary)
}

/** Whether a line's stage is inside `stages` (every line is when `stages` is undefined). */
const inside = (line: unknown, stages: ReadonlySet<unknown> | undefined): boolean =>
  stages === undefined || stages.has(obj(line).lifecycleStage)

/** Sum of a field over a list; undefined if any value is not a Decimal (the schema says why). */
export function sumField(
  ctx: RuleContext,
  items: readonly unknown[],
  field: string,
): Dec | undefined {
  let total = ZERO
  for (let i = 0; i < items.length; i++) {
    const d = ctx.dec(obj(items[i])[field])
    if (d === undefined) return undefined
    total = add(total, d)
  }
  return total
}

/**
 * The finding values of a sum that differs from what it should be (beyond the tolerance), or
 * undefined when it agrees or one side does not parse (the schema says why).
 */
export function sumMismatch(
  ctx: RuleContext,
  actual: Dec | undefined,
  expected: Dec | undefined,
  field?: string,
): FindingParams | undefined {
  if (actual === undefined || expected === undefined) return undefined
  if (approxEqual(actual, expected, ctx.tolerance)) return undefined
  return {
    expected: formatDecimal(expected),
    actual: formatDecimal(actual),
    ...(field === undefined ? {} : { field }),
  }
}

function compareSum(
  ctx: RuleContext,
  code: keyof typeof sumCodes.definitions,
  path: string,
  actual: Dec | undefined,
  expected: Dec | undefined,
  field?: string,
): void {
  const mismatch = sumMismatch(ctx, actual, expected, field)
  if (mismatch) reportAt(ctx, code, path, mismatch)
}

/** The emissions of the items with one key: their sum (undefined once one does not parse). */
interface Group {
  sum: Dec | undefined
  /** Index of the first item with the key. */
  readonly first: number
}

/**
 * Groups a list by `item[keyField]` (only values of type `keyType`; with `scope`, only items of
 * that scope), summing the Decimal `emissions`. Keys are compared as Map keys (SameValueZero),
 * which for strings and numbers groups exactly as comparing their String() forms.
 */
function groupSums(
  ctx: RuleContext,
  items: readonly unknown[],
  keyField: string,
  keyType: 'string' | 'number',
  scope?: number,
  stages?: ReadonlySet<unknown>,
): Map<unknown, Group> {
  const groups = new Map<unknown, Group>()
  for (let i = 0; i < items.length; i++) {
    const item = obj(items[i])
    if (scope !== undefined && item.scope !== scope) continue
    if (stages !== undefined && !stages.has(item.lifecycleStage)) continue
    const k = item[keyField]
    if (typeof k !== keyType) continue
    const d = ctx.dec(item.emissions)
    const g = groups.get(k)
    if (g === undefined) groups.set(k, { sum: d, first: i })
    else if (g.sum !== undefined) g.sum = d === undefined ? undefined : add(g.sum, d)
  }
  return groups
}

/** Reports the second and later entries with the same key. */
export function duplicateEntries(
  ctx: RuleContext,
  items: readonly unknown[],
  keyField: string,
  listPath: string,
  label: string,
): void {
  if (items.length < 2) return
  const seen = new Set<unknown>()
  for (let i = 0; i < items.length; i++) {
    const key = obj(items[i])[keyField]
    if (key === undefined) continue
    if (seen.has(key)) {
      reportAt(ctx, 'DUPLICATE_ENTRY', `${listPath}/${i}/${keyField}`, {
        field: label,
        actual: String(key),
      })
    }
    seen.add(key)
  }
}

/**
 * The emissions of the lines inside the footprint's boundary, summed once per call: three rules
 * compare the total.
 */
function linesTotal(ctx: RuleContext, lines: readonly unknown[]): Dec | undefined {
  const shared = ctx.shared
  if (shared.linesTotal === null) {
    const stages = footprintStageSet(ctx)
    let total: Dec | undefined = ZERO
    for (let i = 0; i < lines.length && total !== undefined; i++) {
      if (!inside(lines[i], stages)) continue
      const d = ctx.dec(obj(lines[i]).emissions)
      total = d === undefined ? undefined : add(total, d)
    }
    shared.linesTotal = total
  }
  return shared.linesTotal
}

/**
 * Whether the activity lines add up to the footprint. When they do not, ACTIVITY_SUM_MISMATCH says
 * so once, and comparing each stage or scope with its lines would only repeat it.
 */
function linesAddUp(ctx: RuleContext, lines: readonly unknown[], pcf: Dec | undefined): boolean {
  const total = linesTotal(ctx, lines)
  return total !== undefined && pcf !== undefined && approxEqual(total, pcf, ctx.tolerance)
}

/**
 * Compares, key by key, the lines' sums with the entries' sums (duplicate entries are merged:
 * DUPLICATE_ENTRY reports them). A key with lines but no entry is reported on the list.
 */
function compareGroups(
  ctx: RuleContext,
  code: 'STAGE_ACTIVITY_MISMATCH' | 'SCOPE_ACTIVITY_MISMATCH',
  entries: Map<unknown, Group>,
  linesByKey: Map<unknown, Group>,
  listPath: string,
  labelPrefix: string,
): void {
  for (const [key, lines] of linesByKey) {
    if (lines.sum === undefined) continue
    const entry = entries.get(key)
    if (entry === undefined) {
      reportAt(ctx, code, listPath, {
        field: `${labelPrefix}${String(key)}`,
        expected: formatDecimal(lines.sum),
        actual: 'no entry',
      })
      continue
    }
    compareSum(
      ctx,
      code,
      `${listPath}/${entry.first}/emissions`,
      entry.sum,
      lines.sum,
      `${labelPrefix}${String(key)}`,
    )
  }
}

/** Life-cycle stages add up to the footprint, and each stage with lines agrees with its lines. */
export function lifecycleStagesRule(ctx: RuleContext): void {
  const f = obj(ctx.subject.footprint)
  const stages = arr(f.lifecycleStages)
  if (stages.length === 0) return
  duplicateEntries(ctx, stages, 'stage', '/footprint/lifecycleStages', 'The life-cycle stage')
  const pcf = ctx.dec(f.pcfExcludingBiogenicUptake)
  compareSum(
    ctx,
    'LIFECYCLE_STAGES_SUM_MISMATCH',
    '/footprint/lifecycleStages',
    sumField(ctx, stages, 'emissions'),
    pcf,
  )
  const lines = arr(ctx.subject.activityData)
  if (lines.length === 0 || !linesAddUp(ctx, lines, pcf)) return
  compareGroups(
    ctx,
    'STAGE_ACTIVITY_MISMATCH',
    groupSums(ctx, stages, 'stage', 'string'),
    groupSums(ctx, lines, 'lifecycleStage', 'string', undefined, footprintStageSet(ctx)),
    '/footprint/lifecycleStages',
    '',
  )
}

/** The activity data lines inside the footprint's boundary add up to the footprint. */
export function activitySumRule(ctx: RuleContext): void {
  const lines = arr(ctx.subject.activityData)
  if (lines.length === 0) return
  const pcf = ctx.dec(obj(ctx.subject.footprint).pcfExcludingBiogenicUptake)
  compareSum(ctx, 'ACTIVITY_SUM_MISMATCH', '/activityData', linesTotal(ctx, lines), pcf)
}

/** Every line's stage is inside the footprint's boundary or inside the life-cycle totals'. */
export function activityBoundaryRule(ctx: RuleContext): void {
  const stages = footprintStageSet(ctx)
  if (stages === undefined) return
  const totals = ctx.subject.lifeCycleTotals
  const wider = totals === undefined ? undefined : stagesInBoundary(obj(totals).systemBoundary)
  const lines = arr(ctx.subject.activityData)
  for (let i = 0; i < lines.length; i++) {
    const stage = obj(lines[i]).lifecycleStage
    if (typeof stage !== 'string' || stages.has(stage) || wider?.has(stage)) continue
    reportAt(ctx, 'ACTIVITY_OUTSIDE_BOUNDARY', `/activityData/${i}/lifecycleStage`, {
      expected: String(obj(ctx.subject.footprint).systemBoundary),
      actual: stage,
    })
  }
}

/**
 * The stage sums of a stage list, or undefined when a value does not parse. A stage listed twice is
 * DUPLICATE_ENTRY's finding; here its entries add up.
 */
export function stageMap(
  ctx: RuleContext,
  list: readonly unknown[],
): Map<unknown, Dec> | undefined {
  const stages = new Map<unknown, Dec>()
  for (const item of list) {
    const st = obj(item)
    const d = ctx.dec(st.emissions)
    if (d === undefined) return undefined
    const before = stages.get(st.stage)
    stages.set(st.stage, before ? add(before, d) : d)
  }
  return stages
}

/**
 * lifeCycleTotals: its boundary holds the footprint's, its stages add up to its totalFootprint and
 * so do all the activity lines; a gate stage equals the footprint's, a stage beyond equals its lines.
 */
export function lifeCycleTotalsRule(ctx: RuleContext): void {
  if (ctx.subject.lifeCycleTotals === undefined) return
  const t = obj(ctx.subject.lifeCycleTotals)
  const base = '/lifeCycleTotals'
  const mismatch = (path: string, detail: string, expected: string, actual: string) =>
    reportAt(ctx, 'LIFE_CYCLE_TOTALS_MISMATCH', path, { detail, expected, actual })
  const own = stagesInBoundary(t.systemBoundary)
  const footprintStages = footprintStageSet(ctx)
  if (own && footprintStages) {
    for (const stage of footprintStages) {
      if (!own.has(stage)) {
        mismatch(
          `${base}/systemBoundary`,
          `The boundary "${String(t.systemBoundary)}" leaves out the footprint’s stage "${String(stage)}"`,
          `a boundary that includes "${String(stage)}"`,
          String(t.systemBoundary),
        )
      }
    }
  }
  const list = arr(t.lifecycleStages)
  duplicateEntries(ctx, list, 'stage', `${base}/lifecycleStages`, 'The life-cycle stage')
  const total = ctx.dec(t.totalFootprint)
  const stagesSum = sumField(ctx, list, 'emissions')
  const off = sumMismatch(ctx, total, stagesSum)
  if (off) {
    mismatch(
      `${base}/totalFootprint`,
      'totalFootprint differs from the sum of its stages',
      off.expected ?? '',
      off.actual ?? '',
    )
  }
  const lines = arr(ctx.subject.activityData)
  if (lines.length > 0 && !off) {
    const linesOff = sumMismatch(ctx, total, sumField(ctx, lines, 'emissions'))
    if (linesOff) {
      mismatch(
        `${base}/totalFootprint`,
        'totalFootprint differs from the sum of all activity data lines',
        linesOff.expected ?? '',
        linesOff.actual ?? '',
      )
    }
  }
  const mine = stageMap(ctx, list)
  const gate = stageMap(ctx, arr(obj(ctx.subject.footprint).lifecycleStages))
  if (!mine || !gate) return
  const byLines = groupSums(ctx, lines, 'lifecycleStage', 'string')
  const seen = new Set<unknown>()
  for (let index = 0; index < list.length; index++) {
    const stage = obj(list[index]).stage
    if (seen.has(stage)) continue
    seen.add(stage)
    const value = mine.get(stage)
    const path = `${base}/lifecycleStages/${index}/emissions`
    const fromFootprint = gate.get(stage)
    const isGate = footprintStages === undefined || footprintStages.has(stage)
    const expected = isGate ? (fromFootprint ?? ZERO) : byLines.get(stage)?.sum
    const diff = sumMismatch(ctx, value, expected)
    if (diff) {
      mismatch(
        path,
        isGate
          ? `The stage "${String(stage)}" differs from the footprint’s`
          : `The stage "${String(stage)}" differs from the sum of its activity data lines`,
        diff.expected ?? '',
        diff.actual ?? '',
      )
    }
  }
}

/** The lines' emissions by scope, and whether a scope 3 line has no category: one pass. */
interface ScopeSums {
  s1: Dec
  s2: Dec
  s3: Dec
  uncategorised: boolean
}

function scopeSums(ctx: RuleContext, lines: readonly unknown[]): ScopeSums {
  const stages = footprintStageSet(ctx)
  let s1: Dec | undefined = ZERO
  let s2: Dec | undefined = ZERO
  let s3: Dec | undefined = ZERO
  let uncategorised = false
  for (let i = 0; i < lines.length; i++) {
    const line = obj(lines[i])
    const scope = line.scope
    if (scope !== 1 && scope !== 2 && scope !== 3) continue
    if (!inside(line, stages)) continue
    if (scope === 3 && typeof line.scope3Category !== 'number') uncategorised = true
    // Every value parses after linesAddUp; were one not to, its scope would count as zero.
    const d = ctx.dec(line.emissions)
    if (scope === 1) s1 = s1 && d && add(s1, d)
    else if (scope === 2) s2 = s2 && d && add(s2, d)
    else s3 = s3 && d && add(s3, d)
  }
  return { s1: s1 ?? ZERO, s2: s2 ?? ZERO, s3: s3 ?? ZERO, uncategorised }
}

/** The scope breakdown adds up, and each scope or scope 3 category agrees with its lines. */
export function scopeBreakdownRule(ctx: RuleContext): void {
  const f = obj(ctx.subject.footprint)
  if (f.scopeBreakdown === undefined) return
  const sb = obj(f.scopeBreakdown)
  const scope3 = arr(sb.scope3)
  const base = '/footprint/scopeBreakdown'
  duplicateEntries(ctx, scope3, 'category', `${base}/scope3`, 'The scope 3 category')
  const s1 = ctx.dec(sb.scope1)
  const s2 = ctx.dec(sb.scope2)
  const s3 = sumField(ctx, scope3, 'emissions')
  const pcf = ctx.dec(f.pcfExcludingBiogenicUptake)
  if (s1 && s2 && s3) {
    compareSum(ctx, 'SCOPE_SUM_MISMATCH', base, add(add(s1, s2), s3), pcf)
  }
  const lines = arr(ctx.subject.activityData)
  if (lines.length === 0 || !linesAddUp(ctx, lines, pcf)) return
  const byScope = scopeSums(ctx, lines)
  compareSum(ctx, 'SCOPE_ACTIVITY_MISMATCH', `${base}/scope1`, s1, byScope.s1, 'scope 1')
  compareSum(ctx, 'SCOPE_ACTIVITY_MISMATCH', `${base}/scope2`, s2, byScope.s2, 'scope 2')
  if (byScope.uncategorised) {
    // Lines without a category: only the scope 3 total can be compared.
    compareSum(ctx, 'SCOPE_ACTIVITY_MISMATCH', `${base}/scope3`, s3, byScope.s3, 'scope 3')
    return
  }
  compareGroups(
    ctx,
    'SCOPE_ACTIVITY_MISMATCH',
    groupSums(ctx, scope3, 'category', 'number'),
    groupSums(ctx, lines, 'scope3Category', 'number', 3, footprintStageSet(ctx)),
    `${base}/scope3`,
    'scope 3 category ',
  )
}
