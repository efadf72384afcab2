/**
 * The precompiled validators count string lengths with Ajv's `ucs2length` behind a shortcut
 * (src/schema/ucs2length.ts): the same counts on any string, lone surrogates and pairs included,
 * and on every string of the examples.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileCommonJs, runCommonJs } from '../../src/schema/code-cache.js'
import { withSurrogateFreeShortcut } from '../../src/schema/ucs2length.js'
import { invalidExamples, validExamples } from '../helpers/examples.js'

const full = (
  createRequire(import.meta.url)('ajv/dist/runtime/ucs2length') as {
    default: (value: string) => number
  }
).default
const ucs2length = withSurrogateFreeShortcut(full)
const runs = Number(process.env.FUZZ_RUNS ?? 2000)

/** Strings thick with surrogates: pairs, lone high and low ones, at either end. */
const surrogateHeavy = fc
  .array(fc.constantFrom('a', 'é', '\ud83d', '\ude00', '😀', '\udbff\udfff', '\ud800', '\udc00'), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''))

const strings = (value: unknown, into: string[] = []): string[] => {
  if (typeof value === 'string') into.push(value)
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.push(k)
      strings(v, into)
    }
  }
  return into
}

describe('the ucs2length shortcut', () => {
  it('counts as Ajv counts on any string of code units, and on strings thick with surrogates', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), surrogateHeavy),
        (value) => ucs2length(value) === full(value),
      ),
      { numRuns: runs * 5 },
    )
  })

  it('counts as Ajv counts on every string of the examples', () => {
    const all = [...validExamples(), ...invalidExamples()].flatMap((e) => strings(e.doc))
    expect(all.length).toBeGreaterThan(1000)
    expect(all.filter((s) => ucs2length(s) !== full(s))).toEqual([])
  })

  it('reaches the precompiled code in place of the module it requires', () => {
    const dir = mkdtempSync(join(tmpdir(), 'carbon-passport-ucs2length-'))
    try {
      const file = join(dir, 'code.cjs')
      writeFileSync(
        file,
        'exports.count = require("ajv/dist/runtime/ucs2length").default; exports.path = require("node:path")',
      )
      const loaded = runCommonJs(compileCommonJs(file), file, {
        'ajv/dist/runtime/ucs2length': { default: ucs2length },
      }) as { count: unknown; path: unknown }
      expect(loaded.count).toBe(ucs2length)
      // Any other module is required as before.
      expect(loaded.path).toBe(createRequire(import.meta.url)('node:path'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
