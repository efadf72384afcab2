/**
 * Finding the copies of jsonld and rdf-canonize a stack of packages loads (fast-paths.ts enables
 * the plug-in only when there is one copy of each, at the proven version): on a real node_modules
 * tree laid out in a temporary directory, and on this install.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import {
  PROVEN_VERSIONS,
  unprovenCopies,
} from '../../../src/credential/data-integrity/fast-paths.js'
import {
  reachableCopies,
  resolvePackageCopy,
} from '../../../src/credential/data-integrity/package-copies.js'

const root = realpathSync(mkdtempSync(join(tmpdir(), 'carbon-passport-copies-')))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** Writes a package (package.json and an index.js) at `dir`; returns its index.js. */
function writePackage(dir: string, manifest: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest))
  writeFileSync(join(dir, 'index.js'), 'module.exports = {}\n')
  return join(dir, 'index.js')
}

// app → suite (nested jsonld 9.0.1) and signatures → hoisted jsonld 9.0.0 and rdf-canonize 5.0.0.
const modules = join(root, 'node_modules')
const app = writePackage(join(root, 'app'), { name: 'app', version: '1.0.0' })
const suite = writePackage(join(modules, 'suite'), { name: 'suite', version: '1.0.0' })
writePackage(join(modules, 'signatures'), { name: 'signatures', version: '1.0.0' })
writePackage(join(modules, 'jsonld'), { name: 'jsonld', version: '9.0.0' })
writePackage(join(modules, 'rdf-canonize'), { name: 'rdf-canonize', version: '5.0.0' })
writePackage(join(modules, 'suite', 'node_modules', 'jsonld'), { name: 'jsonld', version: '9.0.1' })
// A package that hides its package.json behind `exports`, reached through a symlink.
writePackage(join(root, 'store', 'hidden'), {
  name: 'hidden',
  version: '2.0.0',
  exports: { '.': './index.js' },
})
symlinkSync(join(root, 'store', 'hidden'), join(modules, 'hidden'), 'dir')

describe('resolvePackageCopy', () => {
  test('finds the copy Node resolves from a file, nested copies first', () => {
    expect(resolvePackageCopy(app, 'jsonld')).toEqual({
      name: 'jsonld',
      dir: join(modules, 'jsonld'),
      version: '9.0.0',
    })
    expect(resolvePackageCopy(suite, 'jsonld')?.version).toBe('9.0.1')
    expect(resolvePackageCopy(app, 'not-installed')).toBeUndefined()
  })

  test('a package whose exports hide package.json, behind a symlink: its real directory', () => {
    expect(resolvePackageCopy(app, 'hidden')).toEqual({
      name: 'hidden',
      dir: join(root, 'store', 'hidden'),
      version: '2.0.0',
    })
  })
})

describe('reachableCopies', () => {
  test('finds every copy, through the packages that load them', () => {
    const copies = reachableCopies([app], ['jsonld', 'rdf-canonize'], ['suite', 'signatures'])
    expect(copies.map((c) => `${c.name}@${c.version}`).sort()).toEqual([
      'jsonld@9.0.0',
      'jsonld@9.0.1',
      'rdf-canonize@5.0.0',
    ])
  })

  test('without the package that nests a copy, one copy of each', () => {
    const copies = reachableCopies([app], ['jsonld', 'rdf-canonize'], ['signatures'])
    expect(copies.map((c) => c.dir).sort()).toEqual([
      join(modules, 'jsonld'),
      join(modules, 'rdf-canonize'),
    ])
  })
})

describe('this install', () => {
  test('the stock signing stack loads one jsonld and one rdf-canonize, the proven versions', () => {
    expect(unprovenCopies()).toBeUndefined()
    expect(PROVEN_VERSIONS).toEqual({ jsonld: '9.0.0', 'rdf-canonize': '5.0.0' })
  })
})
