/**
 * The precompiled validators' V8 code cache (src/schema/code-cache.ts, written by
 * scripts/build-validators.ts) and the fallbacks around it, each in a fresh `node` process on the
 * built registry: the cache is taken when it was made by this Node; a cache V8 refuses or none at
 * all leaves the same precompiled code, compiled from source; schemas edited after the build (a
 * stale fingerprint) are compiled at run time. Every case gives the verdicts and errors of the
 * registry run from src/.
 *
 * Reads dist/: `npm test` builds first; run `npm run build` before running this file alone.
 */
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { codeCacheFile } from '../../src/schema/code-cache.js'
import * as source from '../../src/schema/registry.js'
import { invalidExamples, validExamples } from '../helpers/examples.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const kinds = ['fast', 'listing'] as const
for (const kind of kinds) {
  const file = codeCacheFile(`${root}dist/schema/validators/${kind}.cjs`)
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: this test reads the built package, run \`npm run build\``)
  }
}

const documents = [
  ...validExamples().slice(0, 3),
  ...invalidExamples().filter((e) => e.code === 'FIELD_REQUIRED' || e.code === 'ENUM_MISMATCH'),
].map((e) => e.doc as unknown)

/** What the registry under `checkout` gives in a fresh process: sources, caches, results. */
function runRegistry(checkout: string) {
  const registry = pathToFileURL(join(checkout, 'dist/schema/registry.js')).href
  const program = `
const r = await import(${JSON.stringify(registry)})
const documents = JSON.parse(process.argv[1])
const results = documents.map((doc) => r.validateAgainstSchema(r.PASSPORT_SCHEMA_ID, doc, 5))
const kinds = ['fast', 'listing']
process.stdout.write(JSON.stringify({
  source: kinds.map((k) => r.precompilation.source(k)),
  cache: kinds.map((k) => r.precompilation.codeCache(k) ?? 'unused'),
  results,
}))`
  const run = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', program, JSON.stringify(documents)],
    { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 },
  )
  if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`)
  return JSON.parse(run.stdout) as { source: string[]; cache: string[]; results: unknown[] }
}

const expected = documents.map((doc) =>
  source.validateAgainstSchema(source.PASSPORT_SCHEMA_ID, doc, 5),
)

/** A copy of the built package (dist/, schemas/) to break, with the repository's node_modules. */
const copies: string[] = []
function copyOfBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'carbon-passport-code-cache-'))
  copies.push(dir)
  cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true })
  cpSync(join(root, 'schemas'), join(dir, 'schemas'), { recursive: true })
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir')
  return dir
}
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true })
})
const validatorsOf = (checkout: string, kind: string) =>
  join(checkout, 'dist/schema/validators', `${kind}.cjs`)

describe('the code cache of the precompiled validators', () => {
  it('is written for each kind and taken by a run of the same Node', () => {
    expect(documents.length).toBeGreaterThan(4)
    expect(runRegistry(root)).toEqual({
      source: ['precompiled', 'precompiled'],
      cache: ['accepted', 'accepted'],
      results: expected,
    })
  })

  it('is taken in another directory too (the package installed elsewhere)', () => {
    expect(runRegistry(copyOfBuild()).cache).toEqual(['accepted', 'accepted'])
  })

  it('refused by V8 (made elsewhere, or damaged), leaves the same code compiled from source', () => {
    const checkout = copyOfBuild()
    for (const kind of kinds) {
      const file = codeCacheFile(validatorsOf(checkout, kind))
      const bytes = readFileSync(file)
      bytes.fill(7, 0, 64)
      writeFileSync(file, bytes)
    }
    expect(runRegistry(checkout)).toEqual({
      source: ['precompiled', 'precompiled'],
      cache: ['rejected', 'rejected'],
      results: expected,
    })
  })

  it('missing, leaves the same code compiled from source', () => {
    const checkout = copyOfBuild()
    for (const kind of kinds) rmSync(codeCacheFile(validatorsOf(checkout, kind)))
    expect(runRegistry(checkout)).toEqual({
      source: ['precompiled', 'precompiled'],
      cache: ['none', 'none'],
      results: expected,
    })
  })

  it('with schemas edited after the build (a stale fingerprint), the validators are compiled at run time', () => {
    const checkout = copyOfBuild()
    const file = join(checkout, 'schemas/v1/common.schema.json')
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    writeFileSync(file, JSON.stringify({ ...schema, description: 'edited after the build' }))
    const run = runRegistry(checkout)
    expect(run.source).toEqual(['runtime', 'runtime'])
    expect(run.results).toEqual(expected)
  })
})
