/**
 * The validators `npm run build` precompiles (scripts/build-validators.ts, Ajv standalone code in
 * dist/schema/validators/) judge exactly as the ones the registry compiles at run time: the same
 * verdict, the same first error, the same listed errors and truncation, for every schema and
 * `$defs` precompiled, on every valid and invalid example. The built registry (dist/) loads the
 * precompiled code; the registry run from src/ has none and compiles, as before.
 *
 * Reads dist/: `npm test` builds first; run `npm run build` before running this file alone.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as source from '../../src/schema/registry.js'
import { invalidExamples, validExamples } from '../helpers/examples.js'

const dist = new URL('../../dist/schema/', import.meta.url)
const missing = ['registry.js', 'validators/fast.cjs', 'validators/listing.cjs']
  .map((file) => fileURLToPath(new URL(file, dist)))
  .filter((file) => !existsSync(file))
if (missing.length > 0) {
  throw new Error(
    `${missing.join(', ')} missing: this test compares the built validators, run \`npm run build\` first`,
  )
}
const built = (await import(new URL('registry.js', dist).href)) as typeof source

const documents = [
  ...validExamples().map((e) => ({ name: e.path, doc: e.doc as unknown })),
  ...invalidExamples().map((e) => ({ name: e.path, doc: e.doc as unknown })),
]
const ids = source.precompilation.ids()

describe('precompiled validators', () => {
  it('are built for every schema and its $defs, from the schemas as they are', () => {
    expect(built.precompilation.ids()).toEqual(ids)
    expect(ids).toContain(source.PASSPORT_SCHEMA_ID)
    expect(ids).toContain(`${source.schemaIds.common}#/$defs/duration`)
    expect(built.precompilation.fingerprint()).toBe(source.precompilation.fingerprint())
  })

  it('are what the built registry uses, while the registry run from src/ compiles', () => {
    built.getValidator(source.PASSPORT_SCHEMA_ID)
    built.validateAgainstSchema(source.PASSPORT_SCHEMA_ID, {})
    source.validateAgainstSchema(source.PASSPORT_SCHEMA_ID, {})
    expect([built.precompilation.source('fast'), built.precompilation.source('listing')]).toEqual([
      'precompiled',
      'precompiled',
    ])
    expect([source.precompilation.source('fast'), source.precompilation.source('listing')]).toEqual(
      ['runtime', 'runtime'],
    )
  })

  it.each(ids)('%s: the same verdicts and errors on every example', (id) => {
    expect(documents.length).toBeGreaterThan(80)
    let invalid = 0
    for (const { name, doc } of documents) {
      const precompiled = built.getValidator(id)
      const compiled = source.getValidator(id)
      const verdict = precompiled(doc)
      expect({ name, verdict, errors: precompiled.errors }).toEqual({
        name,
        verdict: compiled(doc),
        errors: compiled.errors,
      })
      if (!verdict) invalid++
      // Every error listed, and a cap that cuts the list short (the listing code's own check).
      for (const max of [source.DEFAULT_MAX_SCHEMA_ERRORS, 2]) {
        expect({ name, max, ...built.validateAgainstSchema(id, doc, max) }).toEqual({
          name,
          max,
          ...source.validateAgainstSchema(id, doc, max),
        })
      }
    }
    if (id === source.PASSPORT_SCHEMA_ID) expect(invalid).toBeGreaterThan(15)
  })

  it('count string lengths as Ajv does: a surrogate pair is one character (src/schema/ucs2length.ts)', () => {
    // `unit`: 1 to 32 characters.
    const id = `${source.schemaIds.common}#/$defs/unit`
    const values = ['', '😀'.repeat(16), '😀'.repeat(17), '😀'.repeat(33), 'a'.repeat(33)]
    values.push('\ud83d'.repeat(32), '\ud83d'.repeat(33), `${'😀'.repeat(31)}\ud83d\ud83d`)
    const verdicts = values.map((value) => built.getValidator(id)(value))
    expect(verdicts).toEqual(values.map((value) => source.getValidator(id)(value)))
    expect(verdicts).toEqual([false, true, true, false, false, true, false, false])
  })
})
