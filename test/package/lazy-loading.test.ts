/**
 * Start-up (issue 13): what the built package loads, watched at run time in a fresh process (an
 * ESM resolve hook, and the CommonJS module cache). Importing an entry, or verifying a vc+jwt with
 * the CLI, loads none of the heavy modules: not the JSON-LD and Data Integrity stack (only a Data
 * Integrity credential needs it), not Ajv's compiler (the validators are precompiled), not
 * csv-parse (CSV only), piscina (batches only), Fastify (serve only) or cli-progress. The CLI's
 * vc+jwt verify loads no more than it uses: not the contexts beyond the VC ones and ours, not the
 * attestation verifier (no attestation given), the status list codec (no status entry) nor the
 * conformance profiles besides core (none asked for).
 *
 * Reads dist/: `npm test` builds first; run `npm run build` before running this file alone.
 */
import { existsSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type * as Pool from '../../src/batch/pool.js'
import { loadedBy, root } from './loaded-modules.js'

for (const file of ['dist/index.js', 'dist/cli/main.js', 'dist/schema/validators/fast.cjs']) {
  if (!existsSync(`${root}${file}`)) {
    throw new Error(
      `${file} is missing: this test watches the built package, run \`npm run build\``,
    )
  }
}

/** The heavy packages, and Ajv's compiler (its runtime helpers are what precompiled code uses). */
const HEAVY =
  /^(jsonld|rdf-canonize|jsonld-signatures|undici|jose|piscina|csv-parse|fastify|cli-progress|@digitalbazaar\/(vc|data-integrity|[^/]*-cryptosuite|[^/]*-multikey|http-client))$/
const heavyIn = ({ packages, files }: ReturnType<typeof loadedBy>): string[] => [
  ...[...packages].filter((name) => HEAVY.test(name)).sort(),
  ...files.filter((file) => /node_modules\/ajv\/dist\/(2020|core|compile\/index)\.js$/.test(file)),
]

const importing = (entry: string) => ['--input-type=module', '-e', `await import('./${entry}')`]
const didArgs = readdirSync(`${root}examples/keys`)
  .filter((f) => f.endsWith('.did.json'))
  .flatMap((f) => ['-d', `examples/keys/${f}`])

describe('lazy loading (the built package, at run time)', () => {
  it.each(['dist/index.js', 'dist/conformance/index.js', 'dist/keys/index.js'])(
    'importing %s loads no heavy module',
    (entry) => {
      expect(heavyIn(loadedBy(importing(entry)))).toEqual([])
    },
  )

  it('the CLI verifies a vc+jwt without the Data Integrity stack, Ajv or the batch modules', () => {
    const run = loadedBy([
      'dist/cli/main.js',
      'verify',
      'examples/signed/ess-cabinet-215kwh.jwt',
      ...didArgs,
    ])
    expect(heavyIn(run)).toEqual([])
    // The precompiled validators ran (their code requires Ajv's runtime helpers, not its compiler).
    expect(run.files.some((f) => f.includes('node_modules/ajv/dist/runtime/'))).toBe(true)
    const unused = /(data-integrity|multikey|security|vc-bitstring-status-list)-context|did-context/
    expect([...run.packages].filter((name) => unused.test(name))).toEqual([])
    expect(
      run.files.filter((f) =>
        /dist\/(attestation\/|credential\/status\.js$|conformance\/profiles\/(?!core|ids))/.test(f),
      ),
    ).toEqual([])
  })

  it('the CLI loads the Data Integrity stack for a Data Integrity passport (the check sees it)', () => {
    const run = loadedBy([
      'dist/cli/main.js',
      'verify',
      'examples/signed/ess-cabinet-215kwh.json',
      ...didArgs,
    ])
    expect(heavyIn(run)).toEqual(expect.arrayContaining(['@digitalbazaar/data-integrity']))
    expect(heavyIn(run)).not.toContain('piscina')
    // Nor jsonld.js's fetching document loader, which the CLI never uses
    // (credential/data-integrity/jsonld-offline.ts).
    expect(
      heavyIn(run).filter((name) => /^(undici|@digitalbazaar\/http-client)$/.test(name)),
    ).toEqual([])
  })

  it("a verifier pool's worker loads jsonld.js without its fetching document loader", async () => {
    // The worker module the built pool starts (the bundled one), then jsonld.js as a Data
    // Integrity task loads it.
    const { WORKER_URL } = (await import(`${root}dist/batch/pool.js`)) as typeof Pool
    const workerUrl = WORKER_URL.href
    expect(workerUrl).toMatch(/\/dist\/bundle\/worker\.js$/)
    const { Worker } = await import('node:worker_threads')
    const worker = new Worker(
      `const { parentPort } = require('node:worker_threads')
      const { createRequire } = require('node:module')
      import(${JSON.stringify(workerUrl)}).then(() => {
        const req = createRequire(${JSON.stringify(`${root}dist/`)})
        req('jsonld')
        const files = Object.keys(req.cache)
        parentPort.postMessage({
          jsonld: files.some((f) => f.endsWith('node_modules/jsonld/lib/jsonld.js')),
          fetching: files.filter((f) => /node_modules[/](undici|@digitalbazaar[/]http-client)[/]/.test(f)).length,
        })
      })`,
      { eval: true, workerData: { kind: 'passport', includeCredential: false, options: {} } },
    )
    const report = await new Promise((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
    })
    await worker.terminate()
    expect(report).toEqual({ jsonld: true, fetching: 0 })
  })

  it('carbon-passport --version loads no command', () => {
    const run = loadedBy(['dist/cli/main.js', '--version'])
    expect(run.files.filter((f) => f.includes('/dist/cli/commands/'))).toEqual([])
  })
})
