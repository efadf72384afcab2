/**
 * `calculateFootprint`: passports per second from 10, 100 and 1,000 activity records (inline
 * factors; every stage, scope and a few scope 3 categories; one record in ten converted from t to
 * kg, one in ten scaled by producedAmount), and the cost per line, which stays flat when the work
 * grows linearly with the number of lines (issue 10). Single thread.
 *
 * On the 2-core dev VM (Node 20, load average ~2.5 from other work, so take these as upper bounds):
 * 10 lines ~27k passports/s (37 µs, 3.7 µs a line), 100 lines ~3.2k/s (316 µs, 3.2 µs a line),
 * 1,000 lines ~320/s (3.1 ms, 3.1 µs a line): linear. About 0.9 µs a line of it is the input's
 * JSON check (guard.ts `jsonProblem`: cycles, throwing getters, BigInts), measured without it at
 * 2.2–2.6 µs a line.
 */
import { calculateFootprint } from '../src/generate/calculate.js'
import type { FootprintInput } from '../src/generate/calculate-types.js'
import type { ActivityRecord } from '../src/generate/types.js'

const STAGES = [
  'raw-material-acquisition',
  'main-production',
  'distribution',
  'use',
  'end-of-life',
] as const

function record(i: number): ActivityRecord {
  const stage = STAGES[i % STAGES.length] as (typeof STAGES)[number]
  const scope = (i % 7 === 0 ? 1 : i % 7 === 1 ? 2 : 3) as 1 | 2 | 3
  return {
    activity: `activity ${i}`,
    activityType: 'material',
    quantity: `${(i % 97) + 1}.${i % 1000}`,
    unit: i % 10 === 3 ? 'TNE' : 'KGM',
    ...(i % 10 === 5 ? { producedAmount: '1000' } : {}),
    granularity: 'batch',
    period: { start: '2025-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
    temporalResolution: 'P1M',
    lifecycleStage: stage,
    scope,
    ...(scope === 3 ? { scope3Category: ((i % 5) + 1) as 1 } : {}),
    emissionFactor: {
      value: `${(i % 13) + 1}.${(i * 7) % 100}`,
      unit: 'kgCO2e/KGM',
      source: { name: 'bench' },
      provenance: i % 3 === 0 ? 'supplier-specific' : 'secondary',
      geography: 'GLO',
      referenceYear: 2024,
    },
  }
}

function input(lines: number): FootprintInput {
  return {
    declaredUnitOfMeasurement: 'piece',
    declaredUnitAmount: '1',
    productMassPerDeclaredUnit: '10',
    referencePeriodStart: '2025-01-01T00:00:00Z',
    referencePeriodEnd: '2026-01-01T00:00:00Z',
    fossilCarbonContent: '0',
    ipccCharacterizationFactors: ['AR6'],
    crossSectoralStandards: ['ISO14067'],
    exemptedEmissionsPercent: '0',
    records: Array.from({ length: lines }, (_, i) => record(i)),
  }
}

function measure(lines: number): { lines: number; perSecond: number } {
  const data = input(lines)
  const check = calculateFootprint(data)
  if (!check.ok) throw new Error(JSON.stringify(check.errors.slice(0, 3)))
  const warmUp = Math.max(20, 20_000 / lines)
  for (let i = 0; i < warmUp; i++) calculateFootprint(data)
  let n = 0
  const start = process.hrtime.bigint()
  const budget = 1_500_000_000n // 1.5 s
  const batch = Math.max(1, Math.floor(1000 / lines))
  while (process.hrtime.bigint() - start < budget) {
    for (let i = 0; i < batch; i++) calculateFootprint(data)
    n += batch
  }
  return { lines, perSecond: n / (Number(process.hrtime.bigint() - start) / 1e9) }
}

const rows = [10, 100, 1000].map(measure)
console.log(`calculateFootprint, one thread (Node ${process.version})\n`)
console.log('| activity lines | passports/s | µs/passport | µs/line |')
console.log('|---:|---:|---:|---:|')
for (const r of rows) {
  const us = 1e6 / r.perSecond
  console.log(
    `| ${r.lines.toLocaleString('en')} | ${Math.round(r.perSecond).toLocaleString('en')} | ${us.toFixed(1)} | ${(us / r.lines).toFixed(2)} |`,
  )
}
const [small, , large] = rows
if (small && large) {
  const ratio = 1e6 / large.perSecond / large.lines / (1e6 / small.perSecond / small.lines)
  console.log(`\ncost per line at 1,000 lines ÷ at 10 lines: ${ratio.toFixed(2)} (1 is linear)`)
}
