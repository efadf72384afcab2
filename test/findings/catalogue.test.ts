import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  renderConversionDoc,
  renderGenerationDoc,
  renderRulesDoc,
  renderVerificationDoc,
} from '../../scripts/codes-doc.js'
import {
  type ConformanceCode,
  catalogue,
  profileCatalogue,
} from '../../src/conformance/catalogue.js'
import { PROFILE_IDS } from '../../src/conformance/profiles/ids.js'
import {
  type ChainCode,
  type ConversionCode,
  type FindingCode,
  findingCatalogue,
  type GenerationCode,
  VERIFICATION_CODES,
  type VerificationCode,
} from '../../src/findings/catalogue.js'
import { defineCodes, mergeDefinitions } from '../../src/findings/define.js'
import type { Finding } from '../../src/index.js'
import { PASSPORT_CHECKS } from '../fuzz/invariants.js'

import { reachableFrom, srcImportGraph } from '../package/import-graph.js'

/** The checks a code may name: a passport's, and `third-party-verification` (given attestations). */
const REPORTING_CHECKS = [
  ...PASSPORT_CHECKS,
  'third-party-verification',
  // verifyPresentation's own checks
  'holder-binding',
  'credentials',
]

const srcUrl = new URL('../../src/', import.meta.url)
const sources = (readdirSync(srcUrl, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(new URL(f, srcUrl), 'utf8') }))

describe('the one catalogue of finding codes', () => {
  it('generates docs/rules.md and docs/verification.md (run `npm run generate`)', () => {
    const read = (name: string) =>
      readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8')
    expect(read('rules.md')).toBe(renderRulesDoc())
    expect(read('verification.md')).toBe(renderVerificationDoc())
    expect(read('generation.md')).toBe(renderGenerationDoc())
    expect(read('conversion.md')).toBe(renderConversionDoc())
  })

  it('gives every code an upper-snake name, a title, a source and where it is reported', () => {
    for (const [code, d] of Object.entries(findingCatalogue)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/)
      expect(['error', 'warning', 'info']).toContain(d.severity)
      expect(d.title.length, code).toBeGreaterThan(0)
      expect(d.source.length, code).toBeGreaterThan(0)
      expect(
        (d.profiles?.length ?? 0) + (d.checks?.length ?? 0) + (d.tools?.length ?? 0),
        code,
      ).toBeGreaterThan(0)
      for (const p of d.profiles ?? []) expect(PROFILE_IDS).toContain(p)
      for (const c of d.checks ?? []) expect(REPORTING_CHECKS).toContain(c)
    }
  })

  it('derives `catalogue` (codes with profiles) and VERIFICATION_CODES (codes with checks) from it', () => {
    const all = Object.entries(findingCatalogue)
    expect(Object.keys(catalogue)).toEqual(all.filter(([, d]) => d.profiles).map(([c]) => c))
    for (const [code, rule] of Object.entries(catalogue)) {
      const d = findingCatalogue[code as FindingCode]
      expect(rule).toEqual({
        severity: d.severity,
        profiles: d.profiles,
        title: d.title,
        message: d.message ?? d.title,
        source: d.source,
      })
    }
    expect(VERIFICATION_CODES).toEqual(
      Object.fromEntries(all.filter(([, d]) => d.checks).map(([c, d]) => [c, d.title])),
    )
  })

  it('declares the codes both layers report once, true for both', () => {
    for (const code of ['INPUT_TOO_LARGE', 'INPUT_TOO_DEEP', 'INTERNAL_ERROR', 'FIELD_REQUIRED']) {
      expect(Object.keys(catalogue)).toContain(code)
      expect(Object.keys(VERIFICATION_CODES)).toContain(code)
    }
  })

  it('lists every code in docs/rules.md once per profile, and each verification code once', () => {
    const rows = (doc: string, code: string) =>
      doc.split('\n').filter((line) => line.startsWith(`| \`${code}\` |`))
    const rules = renderRulesDoc()
    for (const [code, def] of Object.entries(catalogue)) {
      expect(rows(rules, code)).toHaveLength(def.profiles.length)
    }
    const verification = renderVerificationDoc()
    for (const code of Object.keys(VERIFICATION_CODES))
      expect(rows(verification, code)).toHaveLength(1)
  })

  it('describes every profile, and says IEC 63782 is our reading of a standard in development', () => {
    expect(Object.keys(profileCatalogue).sort()).toEqual([...PROFILE_IDS].sort())
    expect(profileCatalogue['iec-63782-digital-pcf'].source).toMatch(/in development/)
    expect(profileCatalogue['iec-63782-digital-pcf'].source).toMatch(/our reading/)
  })

  it('loads no JSON-LD, canonicalisation or signing code (the credential codes are in *.codes.ts)', () => {
    const graph = srcImportGraph()
    const loaded = [...reachableFrom(graph, 'findings/catalogue.ts')]
    const stacks = loaded.flatMap((module) =>
      (graph.get(module)?.packages ?? [])
        .filter((name) => /^(jsonld|rdf-canonize|jose|@digitalbazaar\/)/.test(name))
        .map((name) => `${module} imports ${name}`),
    )
    expect(stacks).toEqual([])
    // Of the verification layers, only their code declarations.
    const layers = loaded.filter((m) => /^(credential|did|passport|keys)\//.test(m))
    expect(layers.filter((m) => !m.endsWith('.codes.ts'))).toEqual([])
  })

  it('has no code that no module reports', () => {
    const reported = (code: string) =>
      sources.some(({ file, text }) => !file.endsWith('.codes.ts') && text.includes(`'${code}'`))
    expect(Object.keys(findingCatalogue).filter((code) => !reported(code))).toEqual([])
  })

  it('refuses a code declared twice, and takes one declaration merged again', () => {
    const a = defineCodes({ X: { severity: 'error', checks: ['syntax'], title: 'x', source: 's' } })
    const b = defineCodes({ X: { severity: 'error', checks: ['syntax'], title: 'x', source: 's' } })
    expect(() => mergeDefinitions(a.definitions, b.definitions)).toThrow(/X is declared twice/)
    expect(mergeDefinitions(a.definitions, a.definitions)).toEqual(a.definitions)
  })

  it('types Finding["code"] as the union of the codes', () => {
    expectTypeOf<Finding['code']>().toEqualTypeOf<FindingCode>()
    expectTypeOf<'FIELD_REQUIRED'>().toExtend<Finding['code']>()
    expectTypeOf<'NOT_A_CODE'>().not.toExtend<Finding['code']>()
    expectTypeOf<
      ConformanceCode | VerificationCode | GenerationCode | ConversionCode | ChainCode
    >().toEqualTypeOf<FindingCode>()
    expectTypeOf<'FACTOR_NOT_FOUND'>().toExtend<GenerationCode>()
    expectTypeOf<'FIELD_NOT_CARRIED'>().not.toExtend<GenerationCode>()
    expectTypeOf<'FIELD_NOT_CARRIED'>().toExtend<ConversionCode>()
    const known: Finding['code'] = 'PROOF_INVALID'
    // @ts-expect-error a code the catalogue does not declare (checked by `tsc -p tsconfig.json`)
    const unknown: Finding['code'] = 'NOT_A_CODE'
    expect([known, unknown]).toHaveLength(2)
  })
})
