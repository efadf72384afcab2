/**
 * The sums of the lines, one pass: the PCF (the lines inside the footprint's boundary), each
 * life-cycle stage, scope 1, scope 2 and each scope 3 category of the gate lines, the removal
 * lines by type, and the total of all lines. Exact, so every sum the conformance rules check
 * (src/conformance/rules/sums.ts) holds by construction.
 */

import { STAGES_IN_BOUNDARY } from '../conformance/rules/sums.js'
import { add, type Dec, ZERO } from '../decimal/core.js'
import { LIFECYCLE_STAGES } from '../model/enums.js'
import type { LifecycleStage, Scope3Category, SystemBoundary } from '../model/types.js'
import type { ComputedLine } from './record-line.js'

/** The sums of a list of lines. */
export interface LineSums {
  /** The lines inside the footprint's boundary: pcfExcludingBiogenicUptake. */
  pcf: Dec
  /** All lines. */
  total: Dec
  /** Each stage that has lines, all lines. */
  stages: Map<LifecycleStage, Dec>
  scope1: Dec
  scope2: Dec
  /** Each scope 3 category of the gate lines. */
  categories: Map<Scope3Category, Dec>
  /** Gate removal lines of type `ccs-technological-capture`, when any. */
  ccs: Dec | undefined
  /** Gate removal lines of other types, when any. */
  technologicalRemovals: Dec | undefined
  /** Whether a line lies outside the footprint's boundary. */
  beyondBoundary: boolean
  /** Whether a line is in the use stage. */
  hasUse: boolean
}

/** Sums the lines against the footprint's boundary. */
export function sumLines(lines: readonly ComputedLine[], boundary: SystemBoundary): LineSums {
  const gate = new Set<LifecycleStage>(STAGES_IN_BOUNDARY[boundary])
  const sums: LineSums = {
    pcf: ZERO,
    total: ZERO,
    stages: new Map(),
    scope1: ZERO,
    scope2: ZERO,
    categories: new Map(),
    ccs: undefined,
    technologicalRemovals: undefined,
    beyondBoundary: false,
    hasUse: false,
  }
  for (const { line, emissions } of lines) {
    const stage = line.lifecycleStage
    sums.total = add(sums.total, emissions)
    sums.stages.set(stage, add(sums.stages.get(stage) ?? ZERO, emissions))
    if (stage === 'use') sums.hasUse = true
    if (!gate.has(stage)) {
      sums.beyondBoundary = true
      continue
    }
    sums.pcf = add(sums.pcf, emissions)
    if (line.scope === 1) sums.scope1 = add(sums.scope1, emissions)
    else if (line.scope === 2) sums.scope2 = add(sums.scope2, emissions)
    else if (line.scope3Category !== undefined) {
      const c = line.scope3Category
      sums.categories.set(c, add(sums.categories.get(c) ?? ZERO, emissions))
    }
    if (line.lineKind === 'removal') {
      if (line.removalType === 'ccs-technological-capture')
        sums.ccs = add(sums.ccs ?? ZERO, emissions)
      else sums.technologicalRemovals = add(sums.technologicalRemovals ?? ZERO, emissions)
    }
  }
  return sums
}

/** The stages of `stages` that `filter` holds, in the canonical order. */
export function orderedStages(
  stages: ReadonlyMap<LifecycleStage, Dec>,
  filter: (stage: LifecycleStage) => boolean,
): [LifecycleStage, Dec][] {
  const out: [LifecycleStage, Dec][] = []
  for (const stage of LIFECYCLE_STAGES) {
    const value = stages.get(stage)
    if (value !== undefined && filter(stage)) out.push([stage, value])
  }
  return out
}
