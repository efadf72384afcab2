/**
 * `startup`: how soon the built package is ready (issue 13: under 150 ms). Needs `dist/`: run
 * `npm run build` first (it is skipped, with a note, when dist/ is missing). Every sample is a
 * fresh `node` process, so nothing is cached in memory (the files are in the OS page cache: one
 * unmeasured run of each comes first); the table gives the median and p90 of the samples, the
 * measurements taking turns round by round so that a change in machine load weighs on all alike.
 *
 * - `import …`: the cold `import()` of each package entry, timed inside the process (Node's own
 *   start-up not counted), as `npm run measure:imports` does;
 * - `cli …`: the wall time of a whole `carbon-passport` run (`node <bin>`, the package's `bin`:
 *   the bundled CLI, dist/bundle/cli.js, or in an older checkout dist/cli/main.js), Node's own
 *   start-up included, which `node -e 0` gives on its own for comparison: `--version`, and
 *   `verify` of one vc+jwt and of one Data Integrity passport, with every example DID document;
 * - `worker ready`: in a process that has imported the package, the time from `verifyMany(…,
 *   { jobs: 1 })` (a piscina pool of one worker running the bundled worker) to its first result:
 *   the pool and the worker thread starting, the worker's imports, its first verification.
 *
 * With `STARTUP_BEFORE=<dir>`, the same is measured on another built checkout side by side (a
 * `before` column), for example the last commit:
 *
 *   git archive HEAD | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/
 *   (cd /tmp/before && npm run build)
 *   STARTUP_BEFORE=/tmp/before npx tsx bench/startup.bench.ts
 *
 * `STARTUP_RUNS` sets the samples per measurement (11 by default, at least 9).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const TARGET_MS = 150
const RUNS = Math.max(9, Number(process.env.STARTUP_RUNS ?? 11) || 11)
const here = fileURLToPath(new URL('../', import.meta.url))
const before = process.env.STARTUP_BEFORE ? resolve(process.env.STARTUP_BEFORE) : undefined

const JWT = 'examples/signed/ess-cabinet-215kwh.jwt'
const DI = 'examples/signed/ess-cabinet-215kwh.json'
const didFiles = readdirSync(new URL('examples/keys/', `file://${here}/`))
  .filter((f) => f.endsWith('.did.json'))
  .sort()
  .map((f) => `examples/keys/${f}`)
const didArgs = didFiles.flatMap((f) => ['-d', f])

/** One sample: milliseconds, in a fresh process run in the checkout `root`. */
type Sample = (root: string) => number

/** Runs `node args` in `root`; throws with its output when it fails. */
function node(root: string, args: readonly string[], okCodes: readonly number[] = [0]) {
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' })
  if (run.status === null || !okCodes.includes(run.status)) {
    throw new Error(`node ${args.join(' ')} (in ${root}) exited ${run.status}: ${run.stderr}`)
  }
  return run.stdout
}

/** The checkout's CLI: its package's `bin`. */
const binOf = (root: string): string =>
  (JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { bin: Record<string, string> }).bin[
    'carbon-passport'
  ] as string

/** Wall time of a whole process: what a user of the command waits. */
const wall =
  (args: (root: string) => readonly string[]): Sample =>
  (root) => {
    const start = performance.now()
    node(root, args(root))
    return performance.now() - start
  }

/** A program that prints the milliseconds it measured itself. */
const timed =
  (program: (root: string) => string): Sample =>
  (root) =>
    Number(node(root, ['--input-type=module', '-e', program(root)]))

const fileUrl = (root: string, path: string) =>
  JSON.stringify(new URL(path, `file://${root}/`).href)

const importOf = (entry: string): Sample =>
  timed(
    (root) =>
      `const t = performance.now(); await import(${fileUrl(root, entry)}); process.stdout.write(String(performance.now() - t))`,
  )

/** verifyMany with one worker: from the call to the first result (which must be verified). */
const workerReady = (input: string): Sample =>
  timed(
    (root) => `
import { readFileSync } from 'node:fs'
const { verifyMany } = await import(${fileUrl(root, 'dist/index.js')})
const didDocuments = ${JSON.stringify(didFiles)}.map((f) => JSON.parse(readFileSync(f, 'utf8')))
const text = readFileSync(${JSON.stringify(input)}, 'utf8').trim()
const start = performance.now()
for await (const item of verifyMany([text], { jobs: 1, didDocuments })) {
  const ms = performance.now() - start
  if (item.result?.verified !== true) throw new Error('not verified: ' + JSON.stringify(item).slice(0, 500))
  process.stdout.write(String(ms))
  break
}`,
  )

interface Measurement {
  name: string
  sample: Sample
  /** Whether the 150 ms target applies (not to the bare `node -e 0`). */
  target: boolean
}

const measurements: Measurement[] = [
  {
    name: '`node -e 0` (Node alone, for comparison)',
    sample: wall(() => ['-e', '0']),
    target: false,
  },
  { name: 'import carbon-passport', sample: importOf('dist/index.js'), target: true },
  {
    name: 'import carbon-passport/conformance',
    sample: importOf('dist/conformance/index.js'),
    target: true,
  },
  { name: 'import carbon-passport/keys', sample: importOf('dist/keys/index.js'), target: true },
  { name: 'cli --version', sample: wall((root) => [binOf(root), '--version']), target: true },
  {
    name: 'cli verify (vc+jwt)',
    sample: wall((root) => [binOf(root), 'verify', JWT, ...didArgs]),
    target: true,
  },
  {
    name: 'cli verify (Data Integrity)',
    sample: wall((root) => [binOf(root), 'verify', DI, ...didArgs]),
    target: true,
  },
  { name: 'worker ready (vc+jwt)', sample: workerReady(JWT), target: true },
  { name: 'worker ready (Data Integrity)', sample: workerReady(DI), target: true },
]

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number
}
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

const built = (root: string) =>
  existsSync(`${root}/dist/index.js`) && existsSync(`${root}/${binOf(root)}`)

if (!built(here)) {
  console.log('Skipped: dist/ is missing. Run `npm run build` first (this bench times the build).')
} else if (before !== undefined && !built(before)) {
  console.log(`Skipped: ${before}/dist is missing (STARTUP_BEFORE must be a built checkout).`)
} else {
  const roots = before ? [before, here] : [here]
  const times = measurements.map(() => roots.map(() => [] as number[]))
  // One unmeasured run of each first (the page cache); then the rounds, everything taking turns.
  for (const m of measurements) for (const root of roots) m.sample(root)
  for (let round = 0; round < RUNS; round++) {
    for (const [i, m] of measurements.entries()) {
      for (const [r, root] of roots.entries()) times[i]?.[r]?.push(m.sample(root))
    }
  }
  const ms = (v: number) => v.toFixed(0)
  const header = [
    'measurement',
    ...(before ? ['before median', 'before p90'] : []),
    'median ms',
    'p90 ms',
    `target ${TARGET_MS} ms`,
  ]
  const rows = measurements.map((m, i) => {
    const cells = (times[i] ?? []).flatMap((t) => [ms(median(t)), ms(percentile(t, 90))])
    const now = times[i]?.[roots.length - 1] ?? []
    const verdict = !m.target ? '' : median(now) < TARGET_MS ? 'met' : 'MISSED'
    return [m.name, ...cells, verdict]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`
  console.log(
    `Start-up, ${RUNS} fresh processes per measurement (median, p90), node ${process.version}, ` +
      `${roots.length === 2 ? `before: ${before}; ` : ''}the verdict is on the median.\n`,
  )
  console.log(line(header))
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const row of rows) console.log(line(row))
}
