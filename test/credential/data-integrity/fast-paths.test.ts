/**
 * The fast paths are an optional plug-in (fast-paths.ts): nothing of it, and nothing of jsonld.js's
 * private files, is loaded at import; CARBON_PASSPORT_FAST_PATHS=off keeps the plug-in from ever
 * loading; on (with the proven jsonld / rdf-canonize copies installed) it is loaded; and both give
 * the same credentials and verdicts.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path/posix'
import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  FAST_PATHS_ENV,
  fastPathsStatus,
} from '../../../src/credential/data-integrity/fast-paths.js'
import { issueCredential } from '../../../src/credential/issue.js'
import { verifyCredential } from '../../../src/credential/verify.js'
import { exampleDidDocuments, exampleKey, validExamples } from '../../helpers/examples.js'
import { importSpecifiers, SRC, srcImportGraph } from '../../package/import-graph.js'
import { issuerOf, NOW } from '../fixtures.js'

type Json = Record<string, unknown>
const DI = 'credential/data-integrity/'
/** The plug-in and the modules only it loads. */
const PLUGIN_MODULES = [
  'fast-path-plugin.ts',
  'passport-rdf.ts',
  'context-cache.ts',
  'proof-template.ts',
].map((m) => DI + m)
// An Ed25519 example: its signatures are deterministic, so both paths must give the same bytes.
const passport = validExamples()
  .map((e) => e.doc as Json)
  .find((doc) => exampleKey(issuerOf(doc)).algorithm === 'Ed25519') as Json
const key = exampleKey(issuerOf(passport))
const created = new Date('2026-06-01T00:00:00Z')
const verifyOptions = { didDocuments: exampleDidDocuments(), now: NOW }

describe('in this run (CARBON_PASSPORT_FAST_PATHS as the test project sets it)', () => {
  test('signing and verifying load the plug-in exactly when the switch is on', async () => {
    expect(fastPathsStatus()).toEqual({ state: 'undecided', pluginImported: false })
    const signed = await issueCredential(passport, { key, created })
    expect((await verifyCredential(signed, verifyOptions)).verified).toBe(true)
    const off = process.env[FAST_PATHS_ENV] === 'off'
    expect(fastPathsStatus()).toMatchObject(
      off
        ? { state: 'switched-off', pluginImported: false }
        : { state: 'enabled', pluginImported: true },
    )
  })
})

describe('the switch, in a fresh copy of the library each', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.resetModules()
  })

  /** Issues and verifies with a fresh copy of the library under the switch `value`. */
  async function runWith(value: string) {
    vi.resetModules()
    vi.stubEnv(FAST_PATHS_ENV, value)
    const gate = await import('../../../src/credential/data-integrity/fast-paths.js')
    const { issueCredential: issue } = await import('../../../src/credential/issue.js')
    const { verifyCredential: verify } = await import('../../../src/credential/verify.js')
    expect(gate.fastPathsStatus().pluginImported).toBe(false)
    const signed = await issue(passport, { key, created })
    const verified = (await verify(signed, verifyOptions)).verified
    return { signed, verified, status: gate.fastPathsStatus(), verify }
  }

  test('off: the plug-in is never imported; on: it is, and the signatures are the same', async () => {
    const off = await runWith('off')
    expect(off.status).toEqual({
      state: 'switched-off',
      detail: `${FAST_PATHS_ENV}=off`,
      pluginImported: false,
    })
    expect(off.verified).toBe(true)
    const on = await runWith('on')
    expect(on.status).toEqual({ state: 'enabled', pluginImported: true })
    expect(on.verified).toBe(true)
    // Ed25519 is deterministic: the same proof, byte for byte, whichever path canonicalized.
    expect(on.signed).toStrictEqual(off.signed)
    // And each path verifies what the other signed.
    expect((await on.verify(off.signed, verifyOptions)).verified).toBe(true)
  })
})

describe('what loads the plug-in and jsonld.js private files (src/ import graph)', () => {
  const graph = srcImportGraph()
  const dynamicImport = /\bimport\(\s*['"][^'"]+['"]\s*\)/g
  /** The modules a module loads with static import statements (dynamic `import()` left out). */
  const staticModules = (module: string): string[] =>
    importSpecifiers(readFileSync(join(SRC, module), 'utf8').replace(dynamicImport, ''))
      .filter(({ specifier, typeOnly }) => !typeOnly && specifier.startsWith('.'))
      .map(({ specifier }) => join(dirname(module), specifier).replace(/\.js$/, '.ts'))

  test('importing carbon-passport loads none of the plug-in and no jsonld.js private file', () => {
    const loaded = new Set<string>()
    const pending = ['index.ts']
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if (loaded.has(next)) continue
      loaded.add(next)
      pending.push(...staticModules(next))
    }
    // The Data Integrity stack loads on first use (lazy.ts, issue 13), never on import.
    expect(loaded.has(`${DI}lazy.ts`)).toBe(true)
    expect(loaded.has(`${DI}canonize.ts`)).toBe(false)
    expect(PLUGIN_MODULES.filter((m) => loaded.has(m))).toEqual([])
    const privateFiles = [...loaded].filter((m) =>
      importSpecifiers(readFileSync(join(SRC, m), 'utf8').replace(dynamicImport, '')).some(
        ({ specifier }) => specifier.startsWith('jsonld/lib/'),
      ),
    )
    expect(privateFiles).toEqual([])
  })

  test('only jsonld-internals.ts (and jsonld-offline.ts, to keep one from loading) names jsonld.js private files; only fast-paths.ts the plug-in', () => {
    const naming = (target: (module: { packages: string[]; modules: string[] }) => boolean) =>
      [...graph].filter(([, imports]) => target(imports)).map(([module]) => module)
    // jsonld-offline.ts names lib/platform.js only to put a stand-in in its place, in the CLI's
    // process and the pool's workers (its test holds it to what jsonld.js asks of it).
    expect(
      naming(({ packages }) => packages.some((p) => p.startsWith('jsonld/lib/'))).sort(),
    ).toEqual([`${DI}jsonld-internals.ts`, `${DI}jsonld-offline.ts`])
    expect(naming(({ modules }) => modules.includes(`${DI}fast-path-plugin.ts`))).toEqual([
      `${DI}fast-paths.ts`,
    ])
  })
})
