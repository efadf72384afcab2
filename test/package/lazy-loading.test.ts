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
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
for (const file of ['dist/index.js', 'dist/cli/main.js', 'dist/schema/validators/fast.cjs']) {
  if (!existsSync(`${root}${file}`)) {
    throw new Error(
      `${file} is missing: this test watches the built package, run \`npm run build\``,
    )
  }
}

/** Registers a resolve hook reporting every module URL, and prints them all (CJS too) at exit. */
const WATCH = `data:text/javascript,${encodeURIComponent(`
import { createRequire, register } from 'node:module'
import { MessageChannel } from 'node:worker_threads'
import { pathToFileURL } from 'node:url'
const { port1, port2 } = new MessageChannel()
const seen = new Set()
port1.on('message', (url) => seen.add(url))
port1.unref()
const hooks = 'let port; export function initialize(data) { port = data.port }' +
  ' export async function resolve(specifier, context, next) {' +
  ' const result = await next(specifier, context); port.postMessage(result.url); return result }'
register('data:text/javascript,' + encodeURIComponent(hooks), { data: { port: port2 }, transferList: [port2] })
process.on('exit', () => {
  for (const file of Object.keys(createRequire(process.cwd() + '/').cache)) seen.add(pathToFileURL(file).href)
  process.stderr.write('\\nLOADED ' + JSON.stringify([...seen]) + '\\n')
})
`)}`

/** The package names (`jsonld`, `@digitalbazaar/vc`) and files of every module a run loads. */
function loadedBy(args: readonly string[]): { packages: Set<string>; files: string[] } {
  const run = spawnSync(process.execPath, ['--import', WATCH, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  })
  const line = run.stderr.split('\n').find((l) => l.startsWith('LOADED '))
  if (!line) throw new Error(`no module list (exit ${run.status}): ${run.stderr}`)
  const files = (JSON.parse(line.slice('LOADED '.length)) as string[])
    .map((url) => (url.startsWith('file:') ? fileURLToPath(url) : url))
    // The CLI's stand-in for it (credential/data-integrity/jsonld-offline.ts) is in the module
    // cache before any of jsonld.js loads; jsonld.js's own files tell whether it did.
    .filter((file) => !file.endsWith('node_modules/jsonld/lib/platform.js'))
  // The package a file belongs to: the name after its last node_modules/.
  const packages = new Set(
    files.flatMap((file) => /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? []),
  )
  return { packages, files }
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
    // The worker module, as piscina starts it, then jsonld.js as a Data Integrity task loads it.
    const workerUrl = new URL('dist/batch/worker.js', `file://${root}`).href
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
