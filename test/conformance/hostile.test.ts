/**
 * Issue 7 §2: hostile input nobody signed is decided by checkConformance (and by the schema checks
 * it shares with verification) with a bounded report: the input caps of verification, the list
 * caps of the schemas, and at most `maxFindings` findings. The time limits are hang guards (before
 * the fixes these took seconds); the speed target is bench/conformance.bench.ts's.
 */
import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../src/conformance/check.js'
import { DEFAULT_MAX_FINDINGS } from '../../src/conformance/limits.js'
import { PROFILE_IDS } from '../../src/conformance/profiles/ids.js'
import { schemaCheckFindings } from '../../src/credential/checks/schema.js'
import { isCarbonPassportError } from '../../src/errors.js'
import { verifyPassport } from '../../src/passport/verify.js'
import {
  DEFAULT_MAX_SCHEMA_ERRORS,
  MAX_LINES,
  PASSPORT_SCHEMA_ID,
  schemaErrors,
  validateAgainstSchema,
} from '../../src/schema/registry.js'
import { fixturePassport } from './fixture.js'
import { issues, type Loose } from './helpers.js'
import { hostilePassports, longDecimal, millionLines, passport } from './hostile-inputs.js'

/** Runs `fn` and says how long it took. */
function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now()
  const value = fn()
  return { value, ms: performance.now() - start }
}

const HANG_GUARD_MS = 2000

describe('hostile input at the caps (issue 7 §2)', () => {
  it.each(hostilePassports().map((h) => [h.name, h.doc] as const))(
    '%s: decided, with a bounded report',
    (_name, doc) => {
      const { value: report, ms } = timed(() => checkConformance(doc, { profiles: PROFILE_IDS }))
      expect(ms).toBeLessThan(HANG_GUARD_MS)
      expect(report.conforms).toBe(false)
      expect(report.findings.length).toBeLessThanOrEqual(DEFAULT_MAX_FINDINGS + 1)
      const schema = timed(() => validateAgainstSchema(PASSPORT_SCHEMA_ID, doc))
      expect(schema.ms).toBeLessThan(HANG_GUARD_MS)
      expect(schema.value.errors.length).toBeGreaterThan(0)
      expect(schema.value.errors.length).toBeLessThanOrEqual(DEFAULT_MAX_SCHEMA_ERRORS)
      const check = timed(() => schemaCheckFindings(doc, PASSPORT_SCHEMA_ID))
      expect(check.ms).toBeLessThan(HANG_GUARD_MS)
      expect(check.value.length).toBeLessThanOrEqual(DEFAULT_MAX_SCHEMA_ERRORS + 1)
    },
  )

  it('the reproductions of the report, through verifyPassport too', async () => {
    const decimal = longDecimal(60_000) // 4.5 s in verifyPassport before
    const lines = passport()
    lines.credentialSubject.activityData = Array.from({ length: 3000 }, () => ({ x: 1 })) // 3.4 s
    const identifiers = passport() // 6.2 s: uniqueItems compared 30,000 strings pairwise
    identifiers.credentialSubject.footprint.crossSectoralStandards = Array.from(
      { length: 30_000 },
      (_, i) => `standard-${i}`,
    )
    for (const doc of [decimal, lines, identifiers]) {
      const start = performance.now()
      const result = await verifyPassport(doc)
      expect(performance.now() - start).toBeLessThan(HANG_GUARD_MS)
      expect(result.verified).toBe(false)
      const conformance = result.checks.find((c) => c.id === 'conformance')
      expect(conformance?.findings.length ?? 0).toBeLessThanOrEqual(DEFAULT_MAX_FINDINGS + 1)
      const schema = result.checks.find((c) => c.id === 'schema')
      expect(schema?.findings.length ?? 0).toBeLessThanOrEqual(DEFAULT_MAX_SCHEMA_ERRORS + 1)
    }
  })

  it('a long non-Decimal is one DECIMAL_INVALID, whatever its length', () => {
    expect(issues(checkConformance(longDecimal(200_000)))).toEqual([
      'DECIMAL_INVALID /credentialSubject/footprint/declaredUnitAmount',
    ])
  })
})

describe('the input caps', () => {
  it('a million activity lines: INPUT_TOO_LARGE, before any line is read', () => {
    let reads = 0
    const doc = millionLines()
    doc.credentialSubject.activityData = new Proxy(doc.credentialSubject.activityData, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++
        return Reflect.get(target, key, receiver)
      },
    })
    const { value: report, ms } = timed(() => checkConformance(doc))
    expect(ms).toBeLessThan(HANG_GUARD_MS)
    expect(issues(report)).toEqual(['INPUT_TOO_LARGE '])
    expect(report.findings[0]?.expected).toBe(String(1024 * 1024))
    expect(reads).toBe(0)
  })

  it('JSON text and a bare subject over the cap too; maxBytes raises it', () => {
    const doc = passport()
    doc.credentialSubject.footprint.comment = 'x'.repeat(1024 * 1024)
    expect(issues(checkConformance(JSON.stringify(doc)))).toEqual(['INPUT_TOO_LARGE '])
    expect(issues(checkConformance(doc))).toEqual(['INPUT_TOO_LARGE '])
    expect(issues(checkConformance(doc.credentialSubject))).toEqual(['INPUT_TOO_LARGE '])
    expect(checkConformance(doc, { maxBytes: 2 * 1024 * 1024 }).conforms).toBe(true)
  })

  it('verifyPassport hands its own maxBytes to the conformance check', async () => {
    const doc = passport()
    doc.credentialSubject.footprint.comment = 'x'.repeat(1024 * 1024)
    const result = await verifyPassport(doc, { maxBytes: 4 * 1024 * 1024 })
    expect(result.checks.find((c) => c.id === 'conformance')).toMatchObject({
      status: 'pass',
      findings: [],
    })
    const refused = await verifyPassport(doc)
    expect(refused.errors.map((e) => e.code)).toContain('INPUT_TOO_LARGE')
  })

  it('exactly at the cap is within it; one byte more is not', () => {
    const doc = fixturePassport() as unknown as Loose
    const size = Buffer.byteLength(JSON.stringify(doc), 'utf8')
    expect(checkConformance(doc, { maxBytes: size }).conforms).toBe(true)
    expect(issues(checkConformance(doc, { maxBytes: size - 1 }))).toEqual(['INPUT_TOO_LARGE '])
    const text = JSON.stringify(doc)
    expect(checkConformance(text, { maxBytes: size }).conforms).toBe(true)
    expect(issues(checkConformance(text, { maxBytes: size - 1 }))).toEqual(['INPUT_TOO_LARGE '])
  })

  it('nesting past maxDepth: INPUT_TOO_DEEP, also inside JSON text; maxDepth raises it', () => {
    const doc = fixturePassport() as unknown as Loose
    let deep: unknown = 'x'
    for (let i = 0; i < 70; i++) deep = [deep]
    doc.credentialSubject.footprint.comment = deep
    expect(issues(checkConformance(doc))).toEqual(['INPUT_TOO_DEEP '])
    expect(issues(checkConformance(JSON.stringify(doc)))).toEqual(['INPUT_TOO_DEEP '])
    expect(checkConformance(doc, { maxDepth: 100 }).findings.map((f) => f.code)).toEqual([
      'TYPE_MISMATCH',
    ])
  })

  it.each([
    ['maxBytes', -1],
    ['maxBytes', 0],
    ['maxDepth', 0],
    ['maxDepth', Number.NaN],
    ['maxFindings', 0],
    ['maxFindings', Number.NaN],
    ['maxFindings', '10'],
  ])('refuses options.%s = %s as misuse', (name, value) => {
    let thrown: unknown
    try {
      checkConformance(fixturePassport(), { [name]: value })
    } catch (err) {
      thrown = err
    }
    expect(isCarbonPassportError(thrown) && thrown.code).toBe('ERR_INVALID_ARGUMENT')
  })

  it('accepts what verification accepts for its caps: any number > 0, Infinity lifting the cap', () => {
    const doc = fixturePassport()
    expect(checkConformance(doc, { maxBytes: Number.POSITIVE_INFINITY }).conforms).toBe(true)
    expect(checkConformance(doc, { maxDepth: 64.5, maxBytes: 2.5e6 }).conforms).toBe(true)
    expect(checkConformance(doc, { maxFindings: Number.POSITIVE_INFINITY }).conforms).toBe(true)
  })
})

describe('the findings cap', () => {
  const emptyLines = (n: number) => {
    const doc = passport()
    doc.credentialSubject.activityData = Array.from({ length: n }, () => ({}))
    return doc
  }

  it('keeps the first maxFindings findings, in order, and ends with FINDINGS_TRUNCATED', () => {
    const all = checkConformance(emptyLines(20), { maxFindings: 10_000 }).findings
    expect(all.length).toBeGreaterThan(100)
    expect(all.some((f) => f.code === 'FINDINGS_TRUNCATED')).toBe(false)
    const report = checkConformance(emptyLines(20), { maxFindings: 100 })
    expect(report.findings).toHaveLength(101)
    expect(report.findings.slice(0, 100)).toEqual(all.slice(0, 100))
    expect(report.findings[100]).toMatchObject({
      code: 'FINDINGS_TRUNCATED',
      severity: 'error',
      path: '',
      expected: '100',
    })
    expect(report.conforms).toBe(false)
  })

  it('is not reported when the findings fit exactly', () => {
    const all = checkConformance(emptyLines(3), { maxFindings: 10_000 }).findings
    const exact = checkConformance(emptyLines(3), { maxFindings: all.length })
    expect(exact.findings).toEqual(all)
    const one = checkConformance(emptyLines(3), { maxFindings: all.length - 1 })
    expect(one.findings.at(-1)?.code).toBe('FINDINGS_TRUNCATED')
    expect(one.findings).toHaveLength(all.length)
  })

  it('a report of warnings cut short does not conform: what was not checked may be wrong', () => {
    const doc = passport()
    for (let i = 0; i < 50; i++) doc.credentialSubject.product[`extension${i}`] = i
    const full = checkConformance(doc)
    expect(full.status).toBe('warn')
    const cut = checkConformance(doc, { maxFindings: 10 })
    expect(cut.findings.filter((f) => f.code === 'UNKNOWN_PROPERTY')).toHaveLength(10)
    expect(cut.status).toBe('fail')
  })

  it('the semantic rules stop at the cap too', () => {
    const doc = passport()
    const lines = doc.credentialSubject.activityData as Loose[]
    // Schema-valid lines whose emissions are all wrong: one ACTIVITY_EMISSIONS_MISMATCH each.
    doc.credentialSubject.activityData = Array.from({ length: 300 }, () => ({
      ...lines[0],
      emissions: '123456',
    }))
    const report = checkConformance(doc, { maxFindings: 50 })
    expect(report.findings).toHaveLength(51)
    expect(report.findings.at(-1)?.code).toBe('FINDINGS_TRUNCATED')
  })
})

describe('the list caps', () => {
  it(`more than ${MAX_LINES} activity lines: one ARRAY_TOO_LONG, the lines are not read`, () => {
    const doc = passport()
    const line = doc.credentialSubject.activityData[0]
    doc.credentialSubject.activityData = new Array(MAX_LINES + 1).fill(line)
    expect(issues(checkConformance(doc, { maxBytes: 100 * 1024 * 1024 }))).toEqual([
      'ARRAY_TOO_LONG /credentialSubject/activityData',
    ])
    doc.credentialSubject.activityData = new Array(MAX_LINES).fill(line)
    const report = checkConformance(doc, { maxBytes: 100 * 1024 * 1024 })
    expect(report.findings.map((f) => f.code)).not.toContain('ARRAY_TOO_LONG')
  })

  it('an over-long list of the wrong items is still one finding', () => {
    const doc = passport()
    doc.type = Array.from({ length: 5000 }, (_, i) => i)
    expect(issues(checkConformance(doc))).toEqual(['ARRAY_TOO_LONG /type'])
    expect(schemaErrors(PASSPORT_SCHEMA_ID, doc).map((e) => [e.keyword, e.schemaPath])).toEqual([
      ['maxItems', '#/properties/type/maxItems'],
    ])
  })
})
