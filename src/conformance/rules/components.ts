/**
 * Upstream components: each component's emissions agree with the activity data lines that account
 * for its passport (`upstreamPassport`), and every referenced passport is listed.
 */

import { add, type Dec, ZERO } from '../../decimal/core.js'
import { defineCodes } from '../../findings/define.js'
import { arr, obj, type RuleContext } from '../context.js'
import { duplicateEntries, sumMismatch } from './sums.js'

/** The codes these rules report. */
export const componentCodes = defineCodes({
  COMPONENT_EMISSIONS_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title:
      'The emissions of a component agree with the activity data lines that account for its passport (upstreamPassport).',
    message:
      'The activity data lines referencing this component passport add up to {expected} kgCO2e, but the component states {actual}.',
    source: 'carbon-passport data model (components, ActivityDataLine.upstreamPassport)',
  },
  UPSTREAM_PASSPORT_NOT_LISTED: {
    severity: 'warning',
    profiles: ['core'],
    title: 'An activity line that names an upstream passport finds it among the components.',
    message:
      'The activity line references the upstream passport {actual}, which is not listed in components.',
    source: 'carbon-passport data model (components, ActivityDataLine.upstreamPassport)',
  },
})

const { reportAt } = componentCodes

export function componentsRule(ctx: RuleContext): void {
  const components = arr(ctx.subject.components)
  const lines = arr(ctx.subject.activityData)
  duplicateEntries(ctx, components, 'passport', '/components', 'The component passport')
  const listed = new Set<unknown>()
  for (const c of components) listed.add(obj(c).passport)
  const sums = new Map<string, Dec | undefined>()
  for (let i = 0; i < lines.length; i++) {
    const line = obj(lines[i])
    const upstream = line.upstreamPassport
    if (typeof upstream !== 'string') continue
    if (!listed.has(upstream)) {
      reportAt(ctx, 'UPSTREAM_PASSPORT_NOT_LISTED', `/activityData/${i}/upstreamPassport`, {
        actual: upstream,
      })
      continue
    }
    const d = ctx.dec(line.emissions)
    const prev = sums.has(upstream) ? sums.get(upstream) : ZERO
    sums.set(upstream, prev === undefined || d === undefined ? undefined : add(prev, d))
  }
  for (let i = 0; i < components.length; i++) {
    const c = obj(components[i])
    if (typeof c.passport !== 'string' || !sums.has(c.passport)) continue
    const mismatch = sumMismatch(ctx, ctx.dec(c.emissions), sums.get(c.passport))
    if (mismatch)
      reportAt(ctx, 'COMPONENT_EMISSIONS_MISMATCH', `/components/${i}/emissions`, mismatch)
  }
}
