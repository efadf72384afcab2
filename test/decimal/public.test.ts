import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decimal } from '../../src/conformance/index.js'
import type { Rounding } from '../../src/decimal/index.js'
import { isCarbonPassportError } from '../../src/errors.js'

const MODES: readonly Rounding[] = ['half-even', 'half-up', 'down', 'up', 'floor', 'ceiling']

/** Decimal strings, canonical or not: short and long, negative, with trailing zeros. */
const decimalString = fc
  .tuple(
    fc.boolean(),
    fc.oneof(
      fc.constant('0'),
      fc.stringMatching(/^[1-9][0-9]{0,5}$/),
      fc.stringMatching(/^[1-9][0-9]{10,30}$/),
    ),
    fc.oneof(
      fc.constant(''),
      fc.stringMatching(/^\.[0-9]{1,6}$/),
      fc.stringMatching(/^\.[0-9]{7,25}$/),
    ),
  )
  .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac}`)

const nonZero = decimalString.filter((s) => decimal.compare(s, '0') !== 0)

const abs = (a: string): string => (decimal.compare(a, '0') < 0 ? decimal.sub('0', a) : a)

/** 10^-digits as a Decimal string. */
const unit = (digits: number): string => (digits === 0 ? '1' : `0.${'0'.repeat(digits - 1)}1`)

const CANONICAL = /^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/

function expectInvalid(fn: () => unknown, mentions: string): void {
  try {
    fn()
  } catch (err) {
    expect(isCarbonPassportError(err, 'ERR_INVALID_ARGUMENT')).toBe(true)
    expect((err as Error).message).toContain(mentions)
    return
  }
  throw new Error('expected a CarbonPassportError')
}

describe('decimal (public API on Decimal strings)', () => {
  // The main entry re-exports it: test/package/entries.test.ts checks that it gives the same values.
  it('is one namespace of the conformance entry', () => {
    expect(Object.keys(decimal).sort()).toEqual(
      [
        'MAX_DIGITS',
        'MAX_LENGTH',
        'add',
        'compare',
        'div',
        'fromNumber',
        'isDecimal',
        'mul',
        'round',
        'sub',
        'sum',
        'toString',
      ].sort(),
    )
  })

  it.each([
    ['0.1', '0.2', '0.3', '-0.1', '0.02'],
    ['1', '0.9', '1.9', '0.1', '0.9'],
    ['0.0002', '0.0003', '0.0005', '-0.0001', '0.00000006'],
    ['-1.5', '1.5', '0', '-3', '-2.25'],
    ['1.500', '0.500', '2', '1', '0.75'],
    ['-0', '0.0', '0', '0', '0'],
    ['9007199254740991', '2', '9007199254740993', '9007199254740989', '18014398509481982'],
    [
      '123456789012345678901234567890.5',
      '0.5',
      '123456789012345678901234567891',
      '123456789012345678901234567890',
      '61728394506172839450617283945.25',
    ],
  ])('add, sub and mul %s and %s exactly', (a, b, sum, difference, product) => {
    expect(decimal.add(a, b)).toBe(sum)
    expect(decimal.sub(a, b)).toBe(difference)
    expect(decimal.mul(a, b)).toBe(product)
  })

  it('sums a list exactly, and an empty one to 0', () => {
    expect(decimal.sum([])).toBe('0')
    expect(decimal.sum(['0.1', '0.2', '0.3'])).toBe('0.6')
    expect(decimal.sum(['1.25', '2.5', '-0.75'])).toBe('3')
    expect(decimal.sum(['-0.5', '0.5'])).toBe('0')
  })

  it('compares by value', () => {
    expect(decimal.compare('1.50', '1.5')).toBe(0)
    expect(decimal.compare('-0', '0')).toBe(0)
    expect(decimal.compare('-2', '1')).toBe(-1)
    expect(decimal.compare('10', '9.99999999999999999999')).toBe(1)
    expect(['10', '9.5', '-1', '0'].sort(decimal.compare)).toEqual(['-1', '0', '9.5', '10'])
  })

  it('tells Decimal strings from everything else', () => {
    for (const good of ['0', '-0', '12.50', '-0.001', '1'.repeat(1000)]) {
      expect(decimal.isDecimal(good)).toBe(true)
    }
    for (const bad of [
      '6e-8',
      '1E3',
      '+1',
      '01',
      '1.',
      '.5',
      '',
      ' 1',
      '1 ',
      '0x10',
      'NaN',
      '1'.repeat(1001),
      1,
      1n,
      null,
      undefined,
      {},
    ]) {
      expect(decimal.isDecimal(bad)).toBe(false)
    }
  })

  // value: [half-even, half-up, down, up, floor, ceiling] to 0 places
  it.each([
    ['2.5', ['2', '3', '2', '3', '2', '3']],
    ['-2.5', ['-2', '-3', '-2', '-3', '-3', '-2']],
    ['3.5', ['4', '4', '3', '4', '3', '4']],
    ['-3.5', ['-4', '-4', '-3', '-4', '-4', '-3']],
    ['0.5', ['0', '1', '0', '1', '0', '1']],
    ['-0.5', ['0', '-1', '0', '-1', '-1', '0']],
    ['2.4', ['2', '2', '2', '3', '2', '3']],
    ['2.6', ['3', '3', '2', '3', '2', '3']],
    ['-2.6', ['-3', '-3', '-2', '-3', '-3', '-2']],
    ['2.50000000000000000001', ['3', '3', '2', '3', '2', '3']],
    ['7', ['7', '7', '7', '7', '7', '7']],
    ['-7.000', ['-7', '-7', '-7', '-7', '-7', '-7']],
  ])('rounds %s to an integer in every mode', (value, expected) => {
    expect(MODES.map((mode) => decimal.round(value, 0, mode))).toEqual(expected)
  })

  it('rounds to decimal places, half-even by default', () => {
    expect(decimal.round('2.345', 2)).toBe('2.34')
    expect(decimal.round('2.355', 2)).toBe('2.36')
    expect(decimal.round('2.345', 2, 'half-up')).toBe('2.35')
    expect(decimal.round('-2.345', 2, 'half-up')).toBe('-2.35')
    expect(decimal.round('-2.341', 2, 'floor')).toBe('-2.35')
    expect(decimal.round('-2.349', 2, 'ceiling')).toBe('-2.34')
    expect(decimal.round('0.0004', 3)).toBe('0')
    expect(decimal.round('-0.0004', 3)).toBe('0')
    expect(decimal.round('-0.0004', 3, 'floor')).toBe('-0.001')
    expect(decimal.round('1.20', 5)).toBe('1.2')
    expect(decimal.round('9.999', 2, 'half-up')).toBe('10')
  })

  // a ÷ b to 2 places: [half-even, half-up, down, up, floor, ceiling]
  it.each([
    ['1', '8', ['0.12', '0.13', '0.12', '0.13', '0.12', '0.13']],
    ['-1', '8', ['-0.12', '-0.13', '-0.12', '-0.13', '-0.13', '-0.12']],
    ['3', '8', ['0.38', '0.38', '0.37', '0.38', '0.37', '0.38']],
    ['2', '3', ['0.67', '0.67', '0.66', '0.67', '0.66', '0.67']],
    ['2', '-3', ['-0.67', '-0.67', '-0.66', '-0.67', '-0.67', '-0.66']],
    ['-1', '-3', ['0.33', '0.33', '0.33', '0.34', '0.33', '0.34']],
    ['1', '4', ['0.25', '0.25', '0.25', '0.25', '0.25', '0.25']],
    ['0', '-7', ['0', '0', '0', '0', '0', '0']],
  ])('divides %s by %s in every mode', (a, b, expected) => {
    expect(MODES.map((rounding) => decimal.div(a, b, { digits: 2, rounding }))).toEqual(expected)
  })

  it('divides to 12 places half-even by default', () => {
    expect(decimal.div('1', '3')).toBe('0.333333333333')
    expect(decimal.div('2', '3')).toBe('0.666666666667')
    expect(decimal.div('6419.22', '1000')).toBe('6.41922')
    expect(decimal.div('1', '3', { digits: 0 })).toBe('0')
    expect(decimal.div('10', '0.25')).toBe('40')
    // A tie at the 13th place goes to the even neighbour.
    expect(decimal.div('0.0000000000025', '1')).toBe('0.000000000002')
    expect(decimal.div('0.0000000000035', '1')).toBe('0.000000000004')
  })

  it.each([
    [6e-8, '0.00000006'],
    [1e21, '1000000000000000000000'],
    [1.5e21, '1500000000000000000000'],
    [-0, '0'],
    [0, '0'],
    [-1.2345e-7, '-0.00000012345'],
    [0.1, '0.1'],
    [0.1 + 0.2, '0.30000000000000004'],
    [0.0002 * 0.0003, '0.00000006'],
    [123.456, '123.456'],
    [5e-324, `0.${'0'.repeat(323)}5`],
    [2 ** 53, '9007199254740992'],
  ])('writes the number %d as %s', (n, expected) => {
    expect(decimal.fromNumber(n)).toBe(expected)
    expect(decimal.toString(n)).toBe(expected)
  })

  it('writes numbers, bigints and Decimal strings canonically', () => {
    expect(decimal.toString('1.500')).toBe('1.5')
    expect(decimal.toString('-0.0')).toBe('0')
    expect(decimal.toString('-0')).toBe('0')
    expect(decimal.toString('100')).toBe('100')
    expect(decimal.toString('0.000')).toBe('0')
    expect(decimal.toString(10n ** 30n)).toBe('1000000000000000000000000000000')
    expect(decimal.toString(-42n)).toBe('-42')
    expect(decimal.toString(2.5e-7)).toBe('0.00000025')
  })

  it('throws ERR_INVALID_ARGUMENT naming the bad argument', () => {
    expectInvalid(() => decimal.add('6e-8', '1'), 'decimal.add: a ')
    expectInvalid(() => decimal.add('1', '1.'), 'decimal.add: b ')
    expectInvalid(() => decimal.sub('1', 2 as unknown as string), 'decimal.sub: b ')
    expectInvalid(() => decimal.mul(null as unknown as string, '1'), 'decimal.mul: a ')
    expectInvalid(() => decimal.sum(['1', 'x']), 'values[1]')
    expectInvalid(() => decimal.sum('1' as unknown as string[]), 'values must be an array')
    expectInvalid(() => decimal.compare('1', '01'), 'decimal.compare: b ')
    expectInvalid(() => decimal.add('1'.repeat(1001), '1'), 'longer than 1000 characters')
    expectInvalid(() => decimal.div('1', '0'), 'division by zero')
    expectInvalid(() => decimal.div('1', '-0.000'), 'division by zero')
    expectInvalid(() => decimal.div('1', '3', { digits: -1 }), 'digits')
    expectInvalid(() => decimal.div('1', '3', { digits: 1.5 }), 'digits')
    expectInvalid(() => decimal.div('1', '3', { digits: 1001 }), 'digits')
    expectInvalid(
      () => decimal.div('1', '3', { rounding: 'nearest' as Rounding }),
      'rounding must be one of',
    )
    expectInvalid(() => decimal.div('1', '3', null as unknown as object), 'options')
    const hostile = new Proxy([], {
      get() {
        throw new Error('boom')
      },
    })
    expectInvalid(() => decimal.div('1', '3', hostile as object), 'decimal.div: options')
    expectInvalid(() => decimal.sum(hostile), 'decimal.sum: values')
    expectInvalid(() => decimal.round('1.5', Number.NaN), 'digits')
    expectInvalid(() => decimal.round('1.5', 0, 'HALF_EVEN' as Rounding), 'rounding')
    expectInvalid(() => decimal.round('1,5', 0), 'decimal.round: a ')
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expectInvalid(() => decimal.fromNumber(n), 'decimal.fromNumber: value')
      expectInvalid(() => decimal.toString(n), 'decimal.toString: value')
    }
    expectInvalid(() => decimal.fromNumber('1' as unknown as number), 'finite number')
    expectInvalid(() => decimal.toString('1e3'), 'decimal.toString: value ')
    expectInvalid(() => decimal.toString({} as unknown as string), 'decimal.toString: value ')
  })

  describe('properties', () => {
    it('returns canonical Decimal strings', () => {
      fc.assert(
        fc.property(decimalString, decimalString, (a, b) => {
          for (const r of [
            decimal.add(a, b),
            decimal.sub(a, b),
            decimal.mul(a, b),
            decimal.toString(a),
            decimal.round(a, 3),
          ]) {
            expect(r).toMatch(CANONICAL)
            expect(r).not.toBe('-0')
          }
        }),
      )
    })

    it('sub undoes add, and add undoes sub', () => {
      fc.assert(
        fc.property(decimalString, decimalString, (a, b) => {
          expect(decimal.sub(decimal.add(a, b), b)).toBe(decimal.toString(a))
          expect(decimal.add(decimal.sub(a, b), b)).toBe(decimal.toString(a))
        }),
      )
    })

    it('add and mul are commutative and associative; sum agrees with add', () => {
      fc.assert(
        fc.property(decimalString, decimalString, decimalString, (a, b, c) => {
          expect(decimal.add(a, b)).toBe(decimal.add(b, a))
          expect(decimal.mul(a, b)).toBe(decimal.mul(b, a))
          expect(decimal.add(decimal.add(a, b), c)).toBe(decimal.add(a, decimal.add(b, c)))
          expect(decimal.mul(decimal.mul(a, b), c)).toBe(decimal.mul(a, decimal.mul(b, c)))
          expect(decimal.sum([a, b, c])).toBe(decimal.add(decimal.add(a, b), c))
        }),
      )
    })

    it('fromNumber round-trips every double and never writes an exponent', () => {
      fc.assert(
        fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
          const s = decimal.fromNumber(x)
          expect(s).not.toMatch(/e/i)
          expect(decimal.isDecimal(s)).toBe(true)
          expect(Number(s)).toBe(x === 0 ? 0 : x)
        }),
        { numRuns: 5000 },
      )
    })

    it('round errs by at most half a unit in the last place (half modes), less than one otherwise', () => {
      fc.assert(
        fc.property(
          decimalString,
          fc.integer({ min: 0, max: 12 }),
          fc.constantFrom(...MODES),
          (a, digits, mode) => {
            const r = decimal.round(a, digits, mode)
            expect(decimal.round(r, digits, mode)).toBe(r)
            const error = abs(decimal.sub(r, a))
            if (mode.startsWith('half')) {
              expect(decimal.compare(error, decimal.mul('0.5', unit(digits)))).toBeLessThanOrEqual(
                0,
              )
            } else {
              expect(decimal.compare(error, unit(digits))).toBe(-1)
            }
            const floor = decimal.round(a, digits, 'floor')
            const ceiling = decimal.round(a, digits, 'ceiling')
            expect(decimal.compare(floor, a)).toBeLessThanOrEqual(0)
            expect(decimal.compare(a, ceiling)).toBeLessThanOrEqual(0)
            expect(
              decimal.compare(abs(decimal.round(a, digits, 'down')), abs(a)),
            ).toBeLessThanOrEqual(0)
            expect(
              decimal.compare(abs(decimal.round(a, digits, 'up')), abs(a)),
            ).toBeGreaterThanOrEqual(0)
          },
        ),
      )
    })

    it('div(a, b) × b is within 10^-digits × |b| of a', () => {
      fc.assert(
        fc.property(
          decimalString,
          nonZero,
          fc.integer({ min: 0, max: 20 }),
          fc.constantFrom(...MODES),
          (a, b, digits, rounding) => {
            const q = decimal.div(a, b, { digits, rounding })
            const error = abs(decimal.sub(decimal.mul(q, b), a))
            const bound = decimal.mul(unit(digits), abs(b))
            expect(decimal.compare(error, bound)).toBe(-1)
            if (rounding.startsWith('half')) {
              expect(decimal.compare(error, decimal.mul('0.5', bound))).toBeLessThanOrEqual(0)
            }
          },
        ),
      )
    })
  })
})
