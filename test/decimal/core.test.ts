import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  add,
  approxEqual,
  compare,
  decimalFromNumber,
  decimalOf,
  div,
  formatDecimal,
  mul,
  parseDecimal,
  sign,
  sub,
} from '../../src/decimal/core.js'

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

  it('is exact across the safe-integer boundary of its Number fast path', () => {
    // 2^53 − 1 and 2^53 + 1: a float would round the latter.
    expect(formatDecimal(add(d('9007199254740991'), d('2')))).toBe('9007199254740993')
    expect(formatDecimal(add(d('900719925474099.1'), d('0.2')))).toBe('900719925474099.3')
    expect(formatDecimal(sub(d('-9007199254740991'), d('2')))).toBe('-9007199254740993')
    // 94906265² is just below 2^53, 94906265 × 94906267 just above (and odd: no float has it).
    expect(formatDecimal(mul(d('94906265'), d('94906265')))).toBe('9007199136250225')
    expect(formatDecimal(mul(d('9490626.5'), d('9490626.7')))).toBe('90071993260627.55')
    expect(compare(d('9007199254740993'), d('9007199254740992'))).toBe(1)
    expect(compare(d('0.9007199254740993'), d('0.9007199254740992'))).toBe(1)
    expect(approxEqual(d('9007199254740993'), d('9007199254740992'), decimalFromNumber(0))).toBe(
      false,
    )
    expect(sign(d('-0'))).toBe(0)
    expect(formatDecimal(decimalOf(-60n))).toBe('-60')
  })

  it('agrees with plain BigInt arithmetic on short and long decimals (property)', () => {
    // The reference: int × 10^-scale on BigInts, as the module did before its Number fast path.
    const ref = (s: string): [bigint, number] => {
      const dot = s.indexOf('.')
      return dot < 0
        ? [BigInt(s), 0]
        : [BigInt(s.slice(0, dot) + s.slice(dot + 1)), s.length - dot - 1]
    }
    const align = (a: [bigint, number], b: [bigint, number]): [bigint, bigint, number] => {
      const scale = Math.max(a[1], b[1])
      return [a[0] * 10n ** BigInt(scale - a[1]), b[0] * 10n ** BigInt(scale - b[1]), scale]
    }
    const text = (int: bigint, scale: number) => formatDecimal({ int, scale }, 40)
    const digits = (min: number, max: number) =>
      fc.stringMatching(new RegExp(`^[1-9][0-9]{${min},${max}}$`))
    const decimalString = fc
      .tuple(
        fc.boolean(),
        fc.oneof(fc.constant('0'), digits(0, 6), digits(10, 18)),
        fc.oneof(
          fc.constant(''),
          fc.stringMatching(/^\.[0-9]{1,8}$/),
          fc.stringMatching(/^\.[0-9]{9,20}$/),
        ),
      )
      .map(([neg, int, frac]) => `${neg && int !== '0' ? '-' : ''}${int}${frac}`)
    const tolerance = fc.constantFrom('0', '0.001', '0.0011', '0.5', '0.0000000001')
    fc.assert(
      fc.property(decimalString, decimalString, tolerance, (x, y, t) => {
        const [a, b, s] = align(ref(x), ref(y))
        const da = d(x)
        const db = d(y)
        expect(formatDecimal(add(da, db), 40)).toBe(text(a + b, s))
        expect(formatDecimal(sub(da, db), 40)).toBe(text(a - b, s))
        const [ix, sx] = ref(x)
        const [iy, sy] = ref(y)
        expect(formatDecimal(mul(da, db), 40)).toBe(text(ix * iy, sx + sy))
        expect(compare(da, db)).toBe(a < b ? -1 : a > b ? 1 : 0)
        // |a − b| ≤ t × max(|a|, |b|), all at scale s + tolerance scale.
        const [it, st] = ref(t)
        const abs = (v: bigint) => (v < 0n ? -v : v)
        let max = abs(a)
        if (abs(b) > max) max = abs(b)
        const within = abs(a - b) * 10n ** BigInt(st) <= it * max
        expect(approxEqual(da, db, d(t))).toBe(within)
        // Plain { int, scale } objects are accepted too.
        expect(compare({ int: ix, scale: sx }, db)).toBe(compare(da, db))
      }),
      { numRuns: 3000 },
    )
  })
})
