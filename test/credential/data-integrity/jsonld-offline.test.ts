/**
 * jsonld.js without its Node.js document loader, in the CLI and the pool's workers
 * (src/credential/data-integrity/jsonld-offline.ts): the
 * stand-in answers everything jsonld.js asks of its platform module, jsonld.js then loads without
 * @digitalbazaar/http-client and undici, and its default loader refuses every URL (nothing that
 * runs here uses it: the library always passes its own offline loader). Each case in a fresh
 * process, since the stand-in must be in the module cache before jsonld.js loads.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { offlinePlatform } from '../../../src/credential/data-integrity/jsonld-offline.js'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const moduleUrl = pathToFileURL(`${root}src/credential/data-integrity/jsonld-offline.ts`).href

/** Runs an ES module program with tsx in a fresh process; its standard output, parsed. */
function run(program: string): Record<string, unknown> {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', program],
    { cwd: root, encoding: 'utf8', timeout: 60_000 },
  )
  if (result.status !== 0) throw new Error(`exit ${result.status}: ${result.stderr}`)
  return JSON.parse(result.stdout) as Record<string, unknown>
}

const LOADED = `
const loaded = Object.keys(require.cache)
const report = {
  fetching: loaded.filter((f) => /node_modules\\/(undici|@digitalbazaar\\/http-client)\\//.test(f)).length,
  platform: loaded.some((f) => f.endsWith('jsonld/lib/documentLoaders/node.js')),
}`

describe('jsonld.js offline in the CLI', () => {
  it('the stand-in has every function jsonld.js calls on its platform module', () => {
    const require = createRequire(import.meta.url)
    const source = readFileSync(require.resolve('jsonld/lib/jsonld.js'), 'utf8')
    expect(source).toContain("require('./platform')")
    const called = [...new Set([...source.matchAll(/\bplatform\.(\w+)/g)].map((m) => m[1]))]
    expect(called.length).toBeGreaterThan(0)
    expect(
      called.filter((name) => typeof (offlinePlatform as never)[name as never] !== 'function'),
    ).toEqual([])
  })

  it('installed first, jsonld.js loads without the fetching loader and refuses every URL', () => {
    const out = run(`
import { createRequire } from 'node:module'
const { useOfflineJsonld } = await import(${JSON.stringify(moduleUrl)})
const installed = useOfflineJsonld()
const require = createRequire(${JSON.stringify(`${root}package.json`)})
const jsonld = require('jsonld')
${LOADED}
let refused = null
try { await jsonld.documentLoader('https://example.com/context') } catch (err) { refused = err.details?.code ?? String(err) }
let expanded = await jsonld.expand({ '@context': { a: 'https://example.com/a' }, a: 1 }, {
  documentLoader: async (url) => { throw new Error(url) },
})
process.stdout.write(JSON.stringify({ installed, again: useOfflineJsonld(), ...report, refused, expanded }))`)
    expect(out).toEqual({
      installed: true,
      again: false,
      fetching: 0,
      platform: false,
      refused: 'loading document failed',
      expanded: [{ 'https://example.com/a': [{ '@value': 1 }] }],
    })
  })

  it('after jsonld.js has loaded, it changes nothing', () => {
    const out = run(`
import { createRequire } from 'node:module'
const require = createRequire(${JSON.stringify(`${root}package.json`)})
require('jsonld')
const { useOfflineJsonld } = await import(${JSON.stringify(moduleUrl)})
const installed = useOfflineJsonld()
${LOADED}
process.stdout.write(JSON.stringify({ installed, platform: report.platform }))`)
    expect(out).toEqual({ installed: false, platform: true })
  })
})
