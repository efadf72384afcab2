/**
 * The primary data share (PACT v3, per cent of the PCF), by the method of examples/README.md: of
 * the lines inside the footprint's boundary, the site's own scope 1 and 2 lines count in full;
 * lines with a `primary` or `supplier-specific` factor count in full, except a line that buys an
 * upstream passport, which counts with that passport's own share (in full, with a
 * PRIMARY_DATA_SHARE_UNKNOWN warning, when it is not given); everything else (`secondary`,
 * `proxy`) counts as secondary. The share is that sum ÷ the PCF × 100, rounded half away from zero.
 */

import { STAGES_IN_BOUNDARY } from '../conformance/rules/sums.js'
import {
  add,
  compare,
  type Dec,
  decimalOf,
  div,
  mul,
  parseDecimal,
  sign,
  ZERO,
} from '../decimal/core.js'
import type { Finding } from '../findings/finding.js'
import type { LifecycleStage, SystemBoundary } from '../model/types.js'
import { generationCodes } from './codes.js'
import type { ComputedLine } from './record-line.js'

const HUNDRED = decimalOf(100n)
const ONE_PERCENT = decimalOf(1n, 2)
const PRIMARY = new Set(['primary', 'supplier-specific'])

/**
 * The share, or undefined (with a warning) when the PCF is not above zero or the share falls
 * outside 0 to 100 (credits can do that), since no share can then be stated.
 */
export function primaryDataShare(
  lines: readonly ComputedLine[],
  boundary: SystemBoundary,
  pcf: Dec,
  upstreamShares: ReadonlyMap<string, Dec>,
  digits: number,
  notes: Finding[],
): Dec | undefined {
  const gate = new Set<LifecycleStage>(STAGES_IN_BOUNDARY[boundary])
  let primary = ZERO
  const warned = new Set<string>()
  for (let i = 0; i < lines.length; i++) {
    const { line, emissions } = lines[i] as ComputedLine
    if (!gate.has(line.lifecycleStage)) continue
    if (line.scope === 1 || line.scope === 2) {
      primary = add(primary, emissions)
      continue
    }
    if (!PRIMARY.has(line.emissionFactor.provenance)) continue
    const upstream = line.upstreamPassport
    if (upstream === undefined) {
      primary = add(primary, emissions)
      continue
    }
    const share = upstreamShares.get(upstream)
    if (share === undefined) {
      if (!warned.has(upstream)) {
        warned.add(upstream)
        generationCodes.report(
          notes,
          'PRIMARY_DATA_SHARE_UNKNOWN',
          `/records/${i}/upstreamPassport`,
          {
            detail: `The primary data share of ${upstream} was not given (upstreamPrimaryDataShares); its lines count as primary, so the share may be overstated.`,
          },
        )
      }
      primary = add(primary, emissions)
      continue
    }
    primary = add(primary, mul(emissions, mul(share, ONE_PERCENT)))
  }
  if (sign(pcf) <= 0) {
    generationCodes.report(notes, 'PRIMARY_DATA_SHARE_UNKNOWN', '/records', {
      detail:
        'The PCF is not above zero, so no primary data share can be stated; primaryDataShare is left out.',
    })
    return undefined
  }
  const share = div(mul(primary, HUNDRED), pcf, digits)
  if (sign(share) < 0 || compare(share, HUNDRED) > 0) {
    generationCodes.report(notes, 'PRIMARY_DATA_SHARE_UNKNOWN', '/records', {
      detail:
        'The primary lines add up to a share outside 0 to 100 % of the PCF (credit lines), so primaryDataShare is left out.',
    })
    return undefined
  }
  return share
}

/** Parses the upstream shares (each a Decimal 0 to 100); bad ones are reported at their key. */
export function upstreamShares(value: unknown, errors: Finding[]): Map<string, Dec> {
  const shares = new Map<string, Dec>()
  if (value === undefined) return shares
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    generationCodes.report(errors, 'GENERATION_INPUT_INVALID', '/upstreamPrimaryDataShares', {
      detail: 'upstreamPrimaryDataShares is an object of Decimal per cent by passport id.',
    })
    return shares
  }
  const entries = Object.entries(value)
  if (entries.length > 10_000) {
    generationCodes.report(errors, 'GENERATION_INPUT_INVALID', '/upstreamPrimaryDataShares', {
      detail: `upstreamPrimaryDataShares has ${entries.length} entries; at most 10,000.`,
    })
    return shares
  }
  for (const [id, share] of entries) {
    const d = parseDecimal(share)
    if (d === undefined || sign(d) < 0 || compare(d, HUNDRED) > 0) {
      const key = id.replaceAll('~', '~0').replaceAll('/', '~1')
      generationCodes.report(
        errors,
        'GENERATION_INPUT_INVALID',
        `/upstreamPrimaryDataShares/${key}`,
        {
          detail: 'A primary data share is a Decimal string from 0 to 100 (per cent).',
        },
      )
      continue
    }
    shares.set(id, d)
  }
  return shares
}
