import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderRulesDoc } from '../../scripts/rules-doc.js'
import { catalogue, profileCatalogue } from '../../src/conformance/catalogue.js'
import { PROFILE_IDS } from '../../src/conformance/profiles/ids.js'

describe('rule catalogue', () => {
  it('docs/rules.md is generated from the catalogue (run `npm run generate`)', () => {
    const docs = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8')
    expect(docs).toBe(renderRulesDoc())
  })

  it('documents every code in docs/rules.md once per profile', () => {
    const docs = renderRulesDoc()
    for (const [code, def] of Object.entries(catalogue)) {
      const rows = docs.split('\n').filter((line) => line.startsWith(`| \`${code}\` |`))
      expect(rows).toHaveLength(def.profiles.length)
    }
  })

  it('gives every code an upper-snake name, a source, a message and known profiles', () => {
    for (const [code, def] of Object.entries(catalogue)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/)
      expect(def.source.length).toBeGreaterThan(0)
      expect(def.message.length).toBeGreaterThan(0)
      expect(def.profiles.length).toBeGreaterThan(0)
      for (const p of def.profiles) expect(PROFILE_IDS).toContain(p)
    }
  })

  it('describes every profile, and says IEC 63782 is our reading of a standard in development', () => {
    expect(Object.keys(profileCatalogue).sort()).toEqual([...PROFILE_IDS].sort())
    expect(profileCatalogue['iec-63782-digital-pcf'].source).toMatch(/in development/)
    expect(profileCatalogue['iec-63782-digital-pcf'].source).toMatch(/our reading/)
  })
})
