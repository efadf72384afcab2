/**
 * Every `pattern` of every schema is matched in linear time (issue 7 §2): no pattern can read a
 * string in an unbounded number of ways, so a backtracking matcher never retries quadratically or
 * worse. Proved on the automaton of each pattern, checked on pumped 100,000-character inputs, and
 * the rewritten Decimal patterns accept exactly the strings the old ones did.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { schemaDocuments, schemaErrors, schemaIds } from '../../src/schema/registry.js'
import { ambiguity, pumpedInputs } from '../helpers/regex-ambiguity.js'

/** Every `pattern` (and `patternProperties` key) in the bundled schemas, with where it is. */
function schemaPatterns(): { where: string; pattern: string }[] {
  const found: { where: string; pattern: string }[] = []
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        walk(v, `${where}/${i}`)
      })
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'pattern' && typeof v === 'string') found.push({ where, pattern: v })
        if (k === 'patternProperties' && v !== null && typeof v === 'object') {
          for (const p of Object.keys(v))
            found.push({ where: `${where}/patternProperties`, pattern: p })
        }
        walk(v, `${where}/${k}`)
      }
    }
  }
  for (const [id, schema] of schemaDocuments) walk(schema, id.slice(id.lastIndexOf('/') + 1))
  return found
}

const patterns = schemaPatterns()
const distinct = [...new Set(patterns.map((p) => p.pattern))]

/** The Decimal patterns before issue 7: `[0-9]*[1-9][0-9]*` reads "0.111…1x" quadratically. */
const OLD = {
  positiveDecimal: '^(0\\.[0-9]*[1-9][0-9]*|[1-9][0-9]*(\\.[0-9]+)?)$',
  nonPositiveDecimal: '^(0(\\.0+)?|-(0\\.[0-9]*[1-9][0-9]*|[1-9][0-9]*(\\.[0-9]+)?))$',
}
const defs = schemaDocuments.get(schemaIds.common)?.$defs as Record<string, { pattern?: string }>

describe('schema patterns', () => {
  it('finds the patterns (the walk is not vacuous)', () => {
    expect(distinct.length).toBeGreaterThanOrEqual(12)
    expect(distinct).toContain(defs.positiveDecimal?.pattern)
  })

  it('the ambiguity check sees the known bad shapes', () => {
    expect(ambiguity(OLD.positiveDecimal).kind).toBe('polynomial')
    expect(ambiguity(OLD.nonPositiveDecimal).kind).toBe('polynomial')
    expect(ambiguity('^\\d*\\d*$').kind).toBe('polynomial')
    expect(ambiguity('^a*b?a*$').kind).toBe('polynomial')
    expect(ambiguity('^(a+)+$').kind).toBe('exponential')
    expect(ambiguity('^(a|a)*$').kind).toBe('exponential')
    expect(ambiguity('^(\\w|\\d)+x$').kind).toBe('exponential')
    // … and passes unambiguous ones.
    expect(ambiguity('^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$').kind).toBeUndefined()
    expect(ambiguity('^\\S+\\s\\S+$').kind).toBeUndefined()
  })

  it.each(patterns.map((p) => [p.where, p.pattern]))(
    '%s: %s reads every string in a bounded number of ways (linear time)',
    (_where, pattern) => {
      expect(ambiguity(pattern)).toEqual({ kind: undefined })
    },
  )

  it.each(distinct)('%s decides pumped 100,000-character strings at once', (pattern) => {
    const re = new RegExp(pattern, 'u') // as Ajv compiles it
    const inputs = pumpedInputs(pattern, 100_000)
    if (pattern === defs.positiveDecimal?.pattern) inputs.push(`0.${'1'.repeat(100_000)}x`)
    if (pattern === defs.nonPositiveDecimal?.pattern) inputs.push(`-0.${'1'.repeat(100_000)}x`)
    expect(inputs.length).toBeGreaterThan(0)
    const start = performance.now()
    for (const s of inputs) re.test(s)
    // A hang guard, not a speed target: the quadratic pattern took seconds on one such string.
    expect(performance.now() - start).toBeLessThan(2000)
  })
})

describe('the rewritten Decimal patterns accept exactly what they did', () => {
  const text = fc.string({
    unit: fc.constantFrom('0', '1', '5', '9', '.', '-', 'x'),
    maxLength: 12,
  })
  it.each(Object.entries(OLD))('%s', (name, old) => {
    const now = defs[name]?.pattern as string
    expect(now).not.toBe(old)
    const before = new RegExp(old, 'u')
    const after = new RegExp(now, 'u')
    fc.assert(
      fc.property(text, (s) => before.test(s) === after.test(s)),
      { numRuns: 20_000 },
    )
    // The edges, spelled out.
    for (const s of [
      '0',
      '0.0',
      '0.00',
      '0.01',
      '0.10',
      '-0',
      '-0.0',
      '-0.01',
      '1',
      '-1',
      '00.1',
    ]) {
      expect(after.test(s), s).toBe(before.test(s))
    }
  })

  it('a schema error still says why: zero is not positive, a number is', () => {
    const at = (v: string) =>
      schemaErrors(schemaIds.componentReference, { quantity: v })
        .filter((e) => e.instancePath === '/quantity')
        .map((e) => e.keyword)
    expect(at('0.000')).toEqual(['pattern'])
    expect(at('0.0001')).toEqual([])
    expect(at('12.5')).toEqual([])
  })
})
