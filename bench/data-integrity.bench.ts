/**
 * `data-integrity`: the cost of a Data Integrity verification per activity line, for passports of
 * 10, 100 and 1,000 lines (issue 13: linear in the passport's size). Data Integrity against the
 * stock pipeline, example by example, is in signing.bench.ts.
 *
 * The passports are built with `buildPassport` from the PCBA generation example (its records
 * repeated under distinct activity names, so that they conform and no two lines are alike) and
 * signed with eddsa-rdfc-2022; one child process on the built package verifies them
 * (`skipChecks: ['schema', 'conformance']`, the canonicalization caps raised: the defaults refuse
 * passports past ~70 lines), warmed, in ≥ 7 rounds that interleave the sizes. Linear means the
 * cost per line at 1,000 lines is no more than at 100 (within 1.25×, the noise of this machine).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { issueCredential } from '../src/credential/issue.js'
import { buildPassport } from '../src/generate/build.js'
import { loadFactorSet } from '../src/generate/factor-set.js'
import { parseActivityCsv } from '../src/generate/records.js'
import type { ActivityRecord } from '../src/generate/types.js'
import { importKey } from '../src/keys/import.js'
import { median, runRounds, startSide } from './lib/processes.js'

const root = new URL('../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')
const LINE_COUNTS = [10, 100, 1000]

const example = 'examples/generate/pcba-access-controller/'
const factorSet = loadFactorSet(read(`${example}factors.csv`), { format: 'csv' })
const parsed = parseActivityCsv(read(`${example}records.csv`))
if (!factorSet.set || !parsed.records) throw new Error('the PCBA generation example does not load')
const { set: factors } = factorSet
const records: readonly ActivityRecord[] = parsed.records
const issuer = 'did:web:passports.shenzhen-pcba.example'
const key = importKey(
  JSON.parse(read('examples/keys/passports.shenzhen-pcba.example.private.jwk.json')),
)
const passports = []
for (const lines of LINE_COUNTS) {
  const many = Array.from({ length: lines }, (_, i) => {
    const r = records[i % records.length] as ActivityRecord
    return i < records.length ? r : { ...r, activity: `${r.activity} (lot ${i})` }
  })
  const built = buildPassport(JSON.parse(read(`${example}product.json`)), many, {
    issuer,
    factors,
    now: new Date('2026-03-01T00:00:00Z'),
    id: 'urn:uuid:5d0c1d0e-8f6b-4a57-9a0e-2f6c3b1d7e40',
  })
  if (!built.ok) throw new Error(JSON.stringify(built.errors.slice(0, 3)))
  const credential = await issueCredential(built.passport, {
    key,
    created: new Date('2026-03-15T00:00:00Z'),
  })
  passports.push({ lines, credential, kib: Math.round(JSON.stringify(credential).length / 1024) })
}
const dir = mkdtempSync(join(tmpdir(), 'carbon-passport-bench-'))
const inputsFile = join(dir, 'inputs.json')
writeFileSync(
  inputsFile,
  JSON.stringify({
    now: '2026-11-01T00:00:00Z',
    didDocuments: readdirSync(new URL('examples/keys/', root))
      .filter((f) => f.endsWith('.did.json'))
      .map((f) => JSON.parse(read(`examples/keys/${f}`))),
    passports,
  }),
)
const side = await startSide('lines', new URL('procs/di-lines.mjs', import.meta.url), {
  inputsFile,
  warmMs: 5000,
})
const rounds = Number(process.env.BENCH_ROUNDS ?? 7)
const timings = await runRounds([side], { rounds, blockMs: 600 })
await side.close()
rmSync(dir, { recursive: true, force: true })

console.log(
  `eddsa-rdfc-2022 verifyCredential (VC 2.0 checks), caps raised; one process on dist, warmed, ${rounds} rounds of ≥ 600 ms blocks, medians.\n`,
)
console.log('| activity lines | signed size | verify ms | µs per line |')
console.log('|---:|---:|---:|---:|')
const perLine = new Map<number, number>()
for (const p of passports) {
  const us = median(timings.get(`lines/${p.lines}`) ?? [])
  perLine.set(p.lines, us / p.lines)
  console.log(
    `| ${p.lines} | ${p.kib} KiB | ${(us / 1000).toFixed(1)} | ${(us / p.lines).toFixed(0)} |`,
  )
}
const growth = (perLine.get(1000) ?? 0) / (perLine.get(100) ?? 1)
console.log(
  `\nCost per line at 1,000 lines ÷ at 100: ${growth.toFixed(2)} (linear within 1.25: ${growth <= 1.25 ? 'met' : 'MISSED'})`,
)
