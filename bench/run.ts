/**
 * `npm run bench [names…]`: runs every `bench/*.bench.ts` (or those whose name contains one of the
 * arguments, `npm run bench -- signing batch`) in name order, each in its own process, so that no
 * area's code, heap or JIT state slows the next one's. Each file measures one area and prints its
 * own table; see each file for what it compares against. `npm run bench` builds first: the signing
 * and start-up benchmarks measure the built package.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const dir = new URL('./', import.meta.url)
const wanted = process.argv.slice(2)
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort()
let failed = 0
for (const file of files) {
  console.log(`\n## ${file}\n`)
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(new URL(file, dir))],
    {
      stdio: 'inherit',
    },
  )
  if (run.status !== 0) {
    failed++
    console.log(`\n${file} failed (exit ${run.status ?? run.signal})`)
  }
}
process.exitCode = failed > 0 ? 1 : 0
