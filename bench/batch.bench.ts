/**
 * `batch`: `verifyMany` throughput on 2,000 vc+jwt passports (the valid examples re-signed with
 * fresh ids in setup, so no two inputs are alike), on this thread (`jobs: 0`) and on 1 and 2
 * worker threads, in interleaved rounds with medians. Each `verifyMany` call starts its own pool,
 * so two figures per row: `wall` counts everything (worker start-up included), `steady` only the
 * second half of the items (time from the 1,000th result to the 2,000th), which is what a long
 * stream sees. The 2-vs-1 speed-up is taken per round on both. Then one round of a long stream
 * (the same passports ten times over, 20,000 inputs) on 1 and 2 workers, with and without the
 * decoded credential in the results, and the peak RSS.
 */
import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { verifyMany } from '../src/batch/verify-many.js'
import type { DidDocument } from '../src/context/loader.js'
import { importKey } from '../src/keys/import.js'
import { issuePassport } from '../src/passport/issue.js'

type Json = Record<string, unknown>
const root = new URL('../', import.meta.url)
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as Json

const COUNT = 2_000
const ROUNDS = 3
const now = new Date('2026-11-01T00:00:00Z')

const didDocuments = readdirSync(new URL('examples/keys/', root))
  .filter((f) => f.endsWith('.did.json'))
  .map((f) => readJson(`examples/keys/${f}`) as DidDocument)
const examples = readdirSync(new URL('examples/valid/', root))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const passport = readJson(`examples/valid/${f}`)
    const did = (passport.issuer as { id: string }).id
    const key = importKey(
      readJson(`examples/keys/${did.slice('did:web:'.length)}.private.jwk.json`),
    )
    return { passport, key }
  })

const setupStart = performance.now()
const jwts: string[] = []
for (let i = 0; i < COUNT; i++) {
  const { passport, key } = examples[i % examples.length] as (typeof examples)[number]
  jwts.push(
    await issuePassport(
      { ...passport, id: `urn:uuid:${randomUUID()}` },
      { key, format: 'vc-jose' },
    ),
  )
}
const setupMs = performance.now() - setupStart

interface Run {
  wallMs: number
  steadyMs: number
  verified: number
}

async function run(jobs: number, repeat = 1, includeCredential = true): Promise<Run> {
  const total = COUNT * repeat
  function* inputs() {
    for (let r = 0; r < repeat; r++) yield* jwts
  }
  const start = performance.now()
  let halfway = start
  let verified = 0
  let n = 0
  for await (const item of verifyMany(inputs(), { didDocuments, now, jobs, includeCredential })) {
    if (item.verified) verified++
    if (++n === total / 2) halfway = performance.now()
  }
  const end = performance.now()
  return { wallMs: end - start, steadyMs: end - halfway, verified }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

const JOBS = [0, 1, 2] as const
const runs = new Map<number, Run[]>(JOBS.map((jobs) => [jobs, []]))
await run(0) // warm this thread once
for (let round = 0; round < ROUNDS; round++)
  for (const jobs of JOBS) runs.get(jobs)?.push(await run(jobs))

const perSecond = (count: number, ms: number) => (count / ms) * 1000
const rows = JOBS.map((jobs) => {
  const list = runs.get(jobs) ?? []
  return {
    jobs,
    verified: `${list[0]?.verified}/${COUNT}`,
    'wall passports/s': Math.round(median(list.map((r) => perSecond(COUNT, r.wallMs)))),
    'steady passports/s': Math.round(median(list.map((r) => perSecond(COUNT / 2, r.steadyMs)))),
    'wall ms': Math.round(median(list.map((r) => r.wallMs))),
  }
})
const speedUp = (key: 'wallMs' | 'steadyMs') =>
  median(
    (runs.get(1) ?? []).map((one, i) => one[key] / ((runs.get(2) ?? [])[i]?.[key] ?? Number.NaN)),
  ).toFixed(2)

console.log(
  `${COUNT} vc+jwt passports (${examples.length} examples re-signed, set up in ${Math.round(setupMs)} ms), ${ROUNDS} interleaved rounds, medians:`,
)
console.table(rows)
console.log(`2 workers vs 1: ${speedUp('wallMs')}× wall, ${speedUp('steadyMs')}× steady`)

// A long stream: the 2,000 passports ten times over (20,000 inputs), one round per pool size, with
// and without the decoded credential in each result (includeCredential: false sends back a few
// hundred bytes per passport instead of the whole passport).
const LONG = 10
for (const includeCredential of [true, false]) {
  const long = new Map<number, Run>()
  for (const jobs of [1, 2]) long.set(jobs, await run(jobs, LONG, includeCredential))
  console.log(
    `\nlong stream: ${COUNT * LONG} inputs, one round, includeCredential ${includeCredential}:`,
  )
  console.table(
    [...long].map(([jobs, r]) => ({
      jobs,
      verified: `${r.verified}/${COUNT * LONG}`,
      'wall passports/s': Math.round(perSecond(COUNT * LONG, r.wallMs)),
      'steady passports/s': Math.round(perSecond((COUNT * LONG) / 2, r.steadyMs)),
    })),
  )
  const [one, two] = [long.get(1), long.get(2)]
  if (one && two)
    console.log(
      `2 workers vs 1: ${(one.wallMs / two.wallMs).toFixed(2)}× wall, ${(one.steadyMs / two.steadyMs).toFixed(2)}× steady`,
    )
}
console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`)
