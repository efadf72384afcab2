import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  add,
  approxEqual,
  compare,
  decimalFromNumber,
  div,
  formatDecimal,
  mul,
  parseDecimal,
  sub,
} from '../../src/conformance/decimal.js'

const d = (s: string) => {
  const v = parseDecimal(s)
  if (!v) throw new Error(`not a decimal: ${s}`)
  return v
}

describe('decimal', () => {
  it('parses Decimal strings and refuses everything else', () => {
    expect(formatDecimal(d('12.50'))).toBe('12.5')
    expect(formatDecimal(d('-0.25'))).toBe('-0.25')
    expect(formatDecimal(d('0'))).toBe('0')
    for (const bad of ['1e3', '+1', '01', '1.', '.5', '', ' 1', 'abc0.0', '5abc', 1, null]) {
      expect(parseDecimal(bad)).toBeUndefined()
    }
    expect(parseDecimal(`0.${'1'.repeat(60)}`)).toBeUndefined()
  })

  it('adds without binary floating-point error', () => {
    expect(formatDecimal(add(d('0.1'), d('0.2')))).toBe('0.3')
    expect(formatDecimal(sub(d('1'), d('0.9')))).toBe('0.1')
    expect(formatDecimal(mul(d('1.0375'), d('8')))).toBe('8.3')
    expect(formatDecimal(mul(d('0.1'), d('0.2')))).toBe('0.02')
  })

  it('compares with a relative tolerance', () => {
    const tol = decimalFromNumber(0.001)
    expect(approxEqual(d('100.1'), d('100'), tol)).toBe(true)
    expect(approxEqual(d('100.2'), d('100'), tol)).toBe(false)
    expect(approxEqual(d('0'), d('0'), tol)).toBe(true)
    expect(approxEqual(d('0.0000001'), d('0'), tol)).toBe(false)
    expect(approxEqual(d('-5'), d('-5.004'), tol)).toBe(true)
    expect(approxEqual(d('1'), d('1.0000001'), decimalFromNumber(0))).toBe(false)
  })

  it('divides with rounding half away from zero', () => {
    expect(formatDecimal(div(d('1'), d('3'), 6))).toBe('0.333333')
    expect(formatDecimal(div(d('2'), d('3'), 6))).toBe('0.666667')
    expect(formatDecimal(div(d('-2'), d('3'), 6))).toBe('-0.666667')
  })

  it('sums any list of decimals exactly (property)', () => {
    const decimalString = fc
      .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 6 }))
      .map(([n, scale]) => formatDecimal({ int: BigInt(n), scale }))
    fc.assert(
      fc.property(fc.array(decimalString, { maxLength: 20 }), (values) => {
        const parsed = values.map(d)
        const total = parsed.reduce(add, { int: 0n, scale: 0 })
        const back = parsed.reduce((acc, v) => sub(acc, v), total)
        expect(compare(back, { int: 0n, scale: 0 })).toBe(0)
        expect(parseDecimal(formatDecimal(total))).toBeDefined()
      }),
    )
  })
})
