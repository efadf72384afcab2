/**
 * The bundled CLI and worker (scripts/bundle-cli.ts): the package's `bin` is the bundle, and it
 * does exactly what the unbundled build does, loading the same packages (so every lazy-loading
 * guarantee of lazy-loading.test.ts, checked on the unbundled modules, holds for it) from fewer
 * files. The runs cover what each module reads beside itself through `import.meta.url`: the
 * contexts, the schemas and precompiled validators, the installed packages, the worker.
 *
 * Reads dist/: `npm test` builds first; run `npm run build` before running this file alone.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { type Loaded, loadedBy, root } from './loaded-modules.js'

const UNBUNDLED = 'dist/cli/main.js'
const { bin } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  bin: Record<string, string>
}
const BIN = bin['carbon-passport']?.replace(/^\.\//, '') ?? ''
for (const file of [UNBUNDLED, BIN, 'dist/bundle/worker.js']) {
  if (!existsSync(`${root}${file}`)) {
    throw new Error(`${file} is missing: this test runs the built package, run \`npm run build\``)
  }
}

const didArgs = readdirSync(`${root}examples/keys`)
  .filter((f) => f.endsWith('.did.json'))
  .flatMap((f) => ['--did', `examples/keys/${f}`])
const ourFiles = (run: Loaded) => run.files.filter((f) => f.startsWith(`${root}dist/`))

const runs: [string, string[]][] = [
  ['--version', ['--version']],
  ['verify a vc+jwt', ['verify', 'examples/signed/ess-cabinet-215kwh.jwt', ...didArgs]],
  ['verify a Data Integrity passport', ['verify', 'examples/signed/ev-nmc-pack.json', ...didArgs]],
  [
    'check an invalid passport',
    ['check', 'examples/invalid/ACTIVITY_DATA_MISSING/summary-passport.json', '--json'],
  ],
]

describe('the bundled CLI', () => {
  it('is the package bin', () => {
    expect(BIN).toBe('dist/bundle/cli.js')
    expect(readFileSync(`${root}${BIN}`, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
  })

  it.each(runs)(
    '%s: the same output and packages as the unbundled CLI, from fewer files',
    (_, args) => {
      const bundled = loadedBy([BIN, ...args])
      const unbundled = loadedBy([UNBUNDLED, ...args])
      expect(bundled.status).toBe(unbundled.status)
      expect(bundled.stdout).toBe(unbundled.stdout)
      expect(bundled.stdout.length).toBeGreaterThan(0)
      expect([...bundled.packages].sort()).toEqual([...unbundled.packages].sort())
      // Only bundle files of ours, besides the precompiled validators read beside their module.
      const ours = ourFiles(bundled)
      expect(
        ours.filter((f) => !f.startsWith(`${root}dist/bundle/`) && !f.endsWith('.cjs')),
      ).toEqual([])
      expect(ours.length).toBeLessThan(ourFiles(unbundled).length)
    },
  )

  it('verifies a folder on the bundled worker as on the calling thread', () => {
    const verify = (jobs: string) =>
      spawnSync(
        process.execPath,
        [BIN, 'verify', 'examples/signed', '--jobs', jobs, '--ndjson', ...didArgs],
        { cwd: root, encoding: 'utf8', timeout: 60_000 },
      )
    const results = (stdout: string) =>
      stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { file: string; verified: boolean })
        .map(({ file, verified }) => ({ file, verified }))
        .sort((a, b) => a.file.localeCompare(b.file))
    const pooled = verify('1')
    const inProcess = verify('0')
    expect(pooled.status).toBe(0)
    expect(inProcess.status).toBe(0)
    const pooledResults = results(pooled.stdout)
    expect(pooledResults.length).toBe(
      readdirSync(`${root}examples/signed`).filter((f) => /\.(json|jwt)$/.test(f)).length,
    )
    expect(pooledResults.every((r) => r.verified)).toBe(true)
    expect(pooledResults).toEqual(results(inProcess.stdout))
  })
})
