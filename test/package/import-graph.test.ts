/**
 * The layering of src/ (issue 8 §7): no import cycles, conformance below the signing layers, and
 * the `carbon-passport/conformance` entry free of the JSON-LD and signing stack, so that a caller
 * that only checks data never loads it.
 */
import { describe, expect, it } from 'vitest'
import { packageEntries } from './entries.js'
import { findCycles, importSpecifiers, reachableFrom, srcImportGraph } from './import-graph.js'

const graph = srcImportGraph()

/** Packages that belong to signing and verification: JSON-LD, canonicalisation, JOSE. */
const SIGNING_STACK = /^(jsonld|rdf-canonize|jose|@digitalbazaar\/[^/]+)(\/|$)/

/** The signing-stack packages loaded by anything `entry` reaches, with the module that loads it. */
function signingStackOf(entry: string): string[] {
  return [...reachableFrom(graph, entry)].flatMap((module) =>
    (graph.get(module)?.packages ?? [])
      .filter((name) => SIGNING_STACK.test(name))
      .map((name) => `${module} imports ${name}`),
  )
}

describe('reading import statements', () => {
  it('finds every form of import and tells type-only ones apart', () => {
    const source = [
      "import './side-effect.js'",
      "import { a, type B } from './mixed.js'",
      'import type { C } from "./types.js"',
      'import d, {',
      '  e,',
      "} from 'pkg'",
      "export { f } from './f.js'",
      "export * from './all.js'",
      "export type * from './model.js'",
      "export const url = 'https://example.com/not-an-import'",
      " * import { doc } from './comment.js' (a doc comment line is not a statement)",
      "const later = await import('./dynamic.js')",
      "const cjs = createRequire(import.meta.url)('cjs-pkg')",
      "const path = createRequire(new URL('.', import.meta.url)).resolve('resolved-pkg')",
    ].join('\n')
    expect(importSpecifiers(source)).toEqual([
      { specifier: './side-effect.js', typeOnly: false },
      { specifier: './mixed.js', typeOnly: false },
      { specifier: './types.js', typeOnly: true },
      { specifier: 'pkg', typeOnly: false },
      { specifier: './f.js', typeOnly: false },
      { specifier: './all.js', typeOnly: false },
      { specifier: './model.js', typeOnly: true },
      { specifier: './dynamic.js', typeOnly: false },
      { specifier: 'cjs-pkg', typeOnly: false },
      { specifier: 'resolved-pkg', typeOnly: false },
    ])
  })

  it('reads the whole of src/, the signing stack included', () => {
    expect(graph.size).toBeGreaterThan(50)
    expect(signingStackOf('index.ts')).toEqual(
      expect.arrayContaining([expect.stringMatching(/ imports jsonld$/)]),
    )
  })
})

describe('the import graph of src/', () => {
  it('is complete: every relative import names a module of src/', () => {
    const unresolved = [...graph].flatMap(([module, { unresolved }]) =>
      unresolved.map((specifier) => `${module} imports ${specifier}`),
    )
    expect(unresolved).toEqual([])
  })

  it('has no cycles among the modules that load each other at run time', () => {
    expect(findCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([])
  })

  it('finds a cycle when there is one', () => {
    const cyclic = new Map([
      ['a.ts', { modules: ['b.ts'], typeModules: [], packages: [], unresolved: [] }],
      ['b.ts', { modules: ['a.ts'], typeModules: [], packages: [], unresolved: [] }],
    ])
    expect(findCycles(cyclic)).toEqual([['a.ts', 'b.ts', 'a.ts']])
  })

  it('keeps conformance below credentials, passports and keys (types included)', () => {
    const upward = [...graph]
      .filter(([module]) => module.startsWith('conformance/'))
      .flatMap(([module, { modules, typeModules }]) =>
        [...modules, ...typeModules]
          .filter((target) => /^(credential|passport|keys)\//.test(target))
          .map((target) => `${module} imports ${target}`),
      )
    expect(upward).toEqual([])
  })
})

describe('package entries', () => {
  it('carbon-passport/conformance reaches the checks and no module of the layers above', () => {
    const loaded = [...reachableFrom(graph, 'conformance/index.ts')]
    expect(loaded).toContain('conformance/check.ts')
    expect(loaded.filter((module) => /^(credential|passport|keys)\//.test(module))).toEqual([])
  })

  // Every subpath: a caller that imports one of them does not pay for signing and verification.
  it.each(packageEntries.filter(({ specifier }) => specifier !== 'carbon-passport'))(
    '$specifier reaches no JSON-LD, canonicalisation or JOSE package',
    ({ source }) => {
      expect(signingStackOf(source)).toEqual([])
    },
  )
})
