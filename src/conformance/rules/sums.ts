/**
 * The sums of a footprint: life-cycle stages, activity data lines and the scope breakdown each add
 * up to pcfExcludingBiogenicUptake, and the breakdowns agree with the activity lines they summarise.
 * Exact decimal arithmetic, relative tolerance.
 */
import { arr, type Json, obj, type RuleContext, reportAt } from '../context.js'
import { add, approxEqual, type Dec, formatDecimal, ZERO } from '../decimal.js'

/** Sum of a field over a list; undefined if any value is not a Decimal (the schema says why). */
export function sumField(
  ctx: RuleContext,
  items: readonly unknown[],
  field: string,
): Dec | undefined {
  let total = ZERO
  for (const item of items) {
    const d = ctx.dec(obj(item)[field])
    if (d === undefined) return undefined
    total = add(total, d)
  }
  return total
}

function compareSum(
  ctx: RuleContext,
  code: Parameters<typeof reportAt>[1],
  path: string,
  actual: Dec | undefined,
  expected: Dec | undefined,
  field?: string,
): void {
  if (actual === undefined || expected === undefined) return
  if (!approxEqual(actual, expected, ctx.tolerance)) {
    reportAt(ctx, code, path, {
      expected: formatDecimal(expected),
      actual: formatDecimal(actual),
      ...(field === undefined ? {} : { field }),
    })
  }
}

/** Groups a list by a key, summing a Decimal field; undefined when a value does not parse. */
function groupSums(
  ctx: RuleContext,
  items: readonly Json[],
  key: (item: Json) => string | undefined,
): Map<string, Dec | undefined> {
  const sums = new Map<string, Dec | undefined>()
  for (const item of items) {
    const k = key(item)
    if (k === undefined) continue
    const d = ctx.dec(item.emissions)
    const prev = sums.has(k) ? sums.get(k) : ZERO
    sums.set(k, prev === undefined || d === undefined ? undefined : add(prev, d))
  }
  return sums
}

/** Reports the second and later entries with the same key. */
export function duplicateEntries(
  ctx: RuleContext,
  items: readonly unknown[],
  keyField: string,
  listPath: string,
  label: string,
): void {
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
 * Whether the activity lines add up to the footprint. When they do not, ACTIVITY_SUM_MISMATCH says
 * so once, and comparing each stage or scope with its lines would only repeat it.
 */
function linesAddUp(ctx: RuleContext, lines: readonly unknown[], pcf: Dec | undefined): boolean {
  const total = sumField(ctx, lines, 'emissions')
  return total !== undefined && pcf !== undefined && approxEqual(total, pcf, ctx.tolerance)
}

/**
 * Compares, key by key, the lines' sums with the entries' sums (duplicate entries are merged:
 * DUPLICATE_ENTRY reports them). A key with lines but no entry is reported on the list.
 */
function compareGroups(
  ctx: RuleContext,
  code: 'STAGE_ACTIVITY_MISMATCH' | 'SCOPE_ACTIVITY_MISMATCH',
  entries: readonly unknown[],
  entryKey: (entry: Json) => string | undefined,
  linesByKey: Map<string, Dec | undefined>,
  listPath: string,
  label: (key: string) => string,
): void {
  const items = entries.map(obj)
  const entrySums = groupSums(ctx, items, entryKey)
  for (const [key, linesSum] of linesByKey) {
    if (linesSum === undefined) continue
    const index = items.findIndex((e) => entryKey(e) === key)
    if (index < 0) {
      reportAt(ctx, code, listPath, {
        field: label(key),
        expected: formatDecimal(linesSum),
        actual: 'no entry',
      })
      continue
    }
    compareSum(
      ctx,
      code,
      `${listPath}/${index}/emissions`,
      entrySums.get(key),
      linesSum,
      label(key),
    )
  }
}

const stageOf = (item: Json): string | undefined =>
  typeof item.stage === 'string' ? item.stage : undefined

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
  const byStage = groupSums(ctx, lines.map(obj), (l) =>
    typeof l.lifecycleStage === 'string' ? l.lifecycleStage : undefined,
  )
  compareGroups(
    ctx,
    'STAGE_ACTIVITY_MISMATCH',
    stages,
    stageOf,
    byStage,
    '/footprint/lifecycleStages',
    (stage) => stage,
  )
}

/** The activity data lines add up to the footprint. */
export function activitySumRule(ctx: RuleContext): void {
  const lines = arr(ctx.subject.activityData)
  if (lines.length === 0) return
  const pcf = ctx.dec(obj(ctx.subject.footprint).pcfExcludingBiogenicUptake)
  compareSum(ctx, 'ACTIVITY_SUM_MISMATCH', '/activityData', sumField(ctx, lines, 'emissions'), pcf)
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
  const lines = arr(ctx.subject.activityData).map(obj)
  if (lines.length === 0 || !linesAddUp(ctx, lines, pcf)) return
  const byScope = groupSums(ctx, lines, (l) =>
    typeof l.scope === 'number' ? String(l.scope) : undefined,
  )
  compareSum(
    ctx,
    'SCOPE_ACTIVITY_MISMATCH',
    `${base}/scope1`,
    s1,
    byScope.get('1') ?? ZERO,
    'scope 1',
  )
  compareSum(
    ctx,
    'SCOPE_ACTIVITY_MISMATCH',
    `${base}/scope2`,
    s2,
    byScope.get('2') ?? ZERO,
    'scope 2',
  )
  const scope3Lines = lines.filter((l) => l.scope === 3)
  if (scope3Lines.some((l) => typeof l.scope3Category !== 'number')) {
    // Lines without a category: only the scope 3 total can be compared.
    compareSum(
      ctx,
      'SCOPE_ACTIVITY_MISMATCH',
      `${base}/scope3`,
      s3,
      byScope.get('3') ?? ZERO,
      'scope 3',
    )
    return
  }
  const categoryOf = (item: Json): string | undefined =>
    typeof item.category === 'number' ? String(item.category) : undefined
  compareGroups(
    ctx,
    'SCOPE_ACTIVITY_MISMATCH',
    scope3,
    categoryOf,
    groupSums(ctx, scope3Lines, (l) => String(l.scope3Category)),
    `${base}/scope3`,
    (category) => `scope 3 category ${category}`,
  )
}

export { compareSum }
