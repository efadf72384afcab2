/**
 * The subpath entries of package.json: each has its source module, is documented by TypeDoc, holds
 * re-exports only, and gives the main entry's very values, so moving an import from
 * `carbon-passport` to a subpath (or back) never changes what a caller gets.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { packageEntries } from './entries.js'
import { SRC } from './import-graph.js'

const subpaths = packageEntries.filter(({ specifier }) => specifier !== 'carbon-passport')

describe('package entries', () => {
  it('are the main entry and its subpaths, each built from a module of src/', () => {
    expect(packageEntries.map(({ source }) => source)).toEqual(
      expect.arrayContaining(['index.ts', 'conformance/index.ts']),
    )
    for (const { source } of packageEntries) expect(() => readFileSync(SRC + source)).not.toThrow()
  })

  it('are the entry points of the API reference (typedoc.json)', () => {
    const typedoc = JSON.parse(readFileSync(new URL('../../typedoc.json', import.meta.url), 'utf8'))
    expect([...typedoc.entryPoints].sort()).toEqual(
      packageEntries.map(({ source }) => `src/${source}`).sort(),
    )
  })

  it.each(subpaths)('$specifier holds re-exports only', ({ source }) => {
    const code = readFileSync(SRC + source, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '')
    const statements = code.split(/(?<=['"])\s*\n/).filter((text) => text.trim() !== '')
    const others = statements.filter(
      (text) => !/^\s*export\b[^;'"]*\bfrom\s*['"][^'"]+['"]$/.test(text),
    )
    expect(others).toEqual([])
  })

  it.each(subpaths)("$specifier gives the main entry's values", async ({ source }) => {
    const main: Record<string, unknown> = await import('../../src/index.js')
    // The entry's path comes from package.json, so it is only known at run time.
    const entryUrl = new URL(`../../src/${source}`, import.meta.url).href
    const entry: Record<string, unknown> = await import(/* @vite-ignore */ entryUrl)
    expect(Object.keys(entry).length).toBeGreaterThan(0)
    for (const [name, value] of Object.entries(entry))
      expect([name, main[name]]).toEqual([name, value])
  })
})
