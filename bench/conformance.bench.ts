/**
 * `check`: throughput of checkConformance with the core profile (schema + semantic rules) on the
 * example passports, next to the bare Ajv validation it builds on. Single thread, so the figure is
 * per core. Target: at least 20 000 passports per second.
 *
 * On the 2-core dev VM (Node 20, best of 3 runs; other work shares the machine, so take the best):
 * Ajv only ~50k/s (19–20 µs), core ~29–31k/s (32–35 µs), all profiles ~25–26k/s (38–40 µs);
 * before the fast paths in src/conformance and src/schema/date-time.ts, on the same machine:
 * ~37k/s, ~17.7k/s and ~15.4k/s. What is left is mostly Ajv's generated code; measured and not
 * worth changing in registry.ts: `allErrors: false` (no difference on valid input),
 * `unicodeRegExp: false` (none), the `uri` format regex (at most 1 µs even if it were free).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { checkConformance } from '../src/conformance/check.js'
import { PROFILE_IDS } from '../src/conformance/profiles/ids.js'
import { getValidator, schemaIds } from '../src/schema/registry.js'

const dir = new URL('../examples/valid/', import.meta.url)
const passports: unknown[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')))

function measure(name: string, fn: (p: unknown) => unknown): { name: string; opsPerSec: number } {
  for (let i = 0; i < 2000; i++) fn(passports[i % passports.length]) // warm-up and JIT
  let n = 0
  const start = process.hrtime.bigint()
  const budget = 1_500_000_000n // 1.5 s
  while (process.hrtime.bigint() - start < budget) {
    for (let i = 0; i < 500; i++) fn(passports[(n + i) % passports.length])
    n += 500
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  return { name, opsPerSec: n / seconds }
}

const validate = getValidator(schemaIds.passport)
const rows = [
  measure('Ajv schema validation only', (p) => validate(p)),
  measure('checkConformance, core', (p) => checkConformance(p)),
  measure('checkConformance, all profiles', (p) => checkConformance(p, { profiles: PROFILE_IDS })),
]
console.log(`${passports.length} example passports, one thread (Node ${process.version})\n`)
console.log('| what | passports/s | µs/passport |')
console.log('|---|---:|---:|')
for (const r of rows) {
  console.log(
    `| ${r.name} | ${Math.round(r.opsPerSec).toLocaleString('en')} | ${(1e6 / r.opsPerSec).toFixed(1)} |`,
  )
}
const core = rows[1]?.opsPerSec ?? 0
console.log(
  `\ncore: ${core >= 20_000 ? 'meets' : 'MISSES'} the target of 20,000 passports/s per core`,
)
