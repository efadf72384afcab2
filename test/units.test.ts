import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { convertUnit as convertUnitPublic, decimal } from '../src/conformance/index.js'
import { formatDecimal, parseDecimal } from '../src/decimal/core.js'
import { isCarbonPassportError } from '../src/errors.js'
import {
  convertQuantity,
  convertUnit,
  lookupUnit,
  UNITS,
  type UnitDefinition,
} from '../src/units.js'

const unit = (code: string): UnitDefinition => {
  const u = lookupUnit(code)
  if (!u) throw new Error(`no unit ${code}`)
  return u
}

const dec = (s: string) => {
  const v = parseDecimal(s)
  if (!v) throw new Error(`not a decimal: ${s}`)
  return v
}

const text = (v: Parameters<typeof formatDecimal>[0]) => formatDecimal(v, Number.POSITIVE_INFINITY)

describe('units', () => {
  it('knows Rec 20 codes and their unambiguous UCUM spellings as the same unit', () => {
    expect(lookupUnit('KWH')?.code).toBe('KWH')
    expect(lookupUnit('kW.h')?.code).toBe('KWH')
    expect(lookupUnit('kg')?.code).toBe('KGM')
    expect(lookupUnit('t.km')?.code).toBe('TKM')
    expect(lookupUnit('H87')?.dimension).toBe('count')
  })

  it('refuses ambiguous or informal spellings', () => {
    for (const code of ['kWh', 'kwh', 'tkm', 'kgs', 'KG', 'pcs', '', undefined]) {
      expect(lookupUnit(code)).toBeUndefined()
    }
  })

  it('has no alias that names two units', () => {
    const seen = new Map<string, string>()
    for (const unit of UNITS) {
      for (const name of [unit.code, ...unit.ucum]) {
        expect(seen.get(name) ?? unit.code).toBe(unit.code)
        seen.set(name, unit.code)
      }
    }
  })
})

describe('unit conversion', () => {
  it('stores every size as an exact, positive Decimal string', () => {
    for (const u of UNITS) {
      expect(decimal.isDecimal(u.factor), u.code).toBe(true)
      expect(decimal.compare(u.factor, '0'), u.code).toBe(1)
    }
    // The base units of energy and time are the joule and the second, so no size is rounded.
    expect(unit('KWH').factor).toBe('3600000')
    expect(unit('ANN').factor).toBe('31557600')
  })

  it.each([
    ['1.5', 'TNE', 'KGM', '1500'],
    ['250', 'KGM', 'TNE', '0.25'],
    ['2.5', 'MWH', 'KWH', '2500'],
    ['1', 'KWH', 'MWH', '0.001'],
    ['1500', 'LTR', 'MTQ', '1.5'],
    ['0.25', 'MTQ', 'LTR', '250'],
    ['1', 'GRM', 'TNE', '0.000001'],
    ['0.002', 'TNE', 'GRM', '2000'],
    ['1', 'KWH', '3B', '3.6'],
    ['3.6', '3B', 'KWH', '1'],
    ['-2', 'KWH', 'JOU', '-7200000'],
    ['1', 'ANN', 'DAY', '365.25'],
    ['90', 'MIN', 'HUR', '1.5'],
    ['1', 'LBR', 'GRM', '453.59237'],
    ['1', 'LTR', 'DMQ', '1'],
    ['0', 'GWH', 'JOU', '0'],
    ['12.50', 'KGM', 'KGM', '12.5'],
  ])('converts %s %s to %s exactly', (quantity, from, to, expected) => {
    expect(convertUnit(quantity, from, to)).toEqual({ value: expected, exact: true })
  })

  it.each([
    ['1', '3B', 'KWH', '0.277777777778'],
    ['10', '3B', 'KWH', '2.777777777778'],
    ['-1', '3B', 'KWH', '-0.277777777778'],
    ['1', 'JOU', 'KWH', '0.000000277778'],
    ['2', 'MIN', 'HUR', '0.033333333333'],
    ['1', 'GV', 'MWH', '0.277777777778'],
  ])('converts %s %s to %s rounded to 12 places', (quantity, from, to, expected) => {
    expect(convertUnit(quantity, from, to)).toEqual({ value: expected, exact: false })
  })

  it('accepts UCUM aliases', () => {
    expect(convertUnit('1', 'kW.h', 'MJ')).toEqual({ value: '3.6', exact: true })
    expect(convertUnit('2', 't', 'kg')).toEqual({ value: '2000', exact: true })
    expect(convertUnit('500', 'mL', 'L')).toEqual({ value: '0.5', exact: true })
    expect(convertUnit('1', 'l', 'm3')).toEqual({ value: '0.001', exact: true })
    expect(convertUnit('1', 'kg', 'KGM')).toEqual({ value: '1', exact: true })
    expect(convertUnitPublic).toBe(convertUnit)
  })

  it('refuses units of different dimensions, unknown units and non-decimal quantities', () => {
    expect(convertQuantity(dec('1'), unit('KGM'), unit('KWH'))).toBeUndefined()
    expect(convertQuantity(dec('1'), unit('TKM'), unit('KMT'))).toBeUndefined()
    const cases: [string, string, string, string][] = [
      ['1', 'KGM', 'KWH', 'cannot convert mass'],
      ['1', 'TKM', 't', 'cannot convert transport'],
      ['1', 'kWh', 'MJ', 'from is not a known unit'],
      ['1', 'KWH', 'kgs', 'to is not a known unit'],
      ['1e3', 'KGM', 'TNE', 'quantity is not a Decimal'],
      ['1.', 'KGM', 'TNE', 'quantity is not a Decimal'],
      ['1'.repeat(1001), 'KGM', 'TNE', 'quantity is not a Decimal'],
    ]
    for (const [quantity, from, to, message] of cases) {
      let thrown: unknown
      try {
        convertUnit(quantity, from, to)
      } catch (err) {
        thrown = err
      }
      expect(isCarbonPassportError(thrown, 'ERR_INVALID_ARGUMENT'), message).toBe(true)
      expect((thrown as Error).message).toContain(message)
    }
  })

  const quantity = fc
    .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }))
    .map(([int, scale]) => formatDecimal({ int, scale }, Number.POSITIVE_INFINITY))
  const sameDimension = fc
    .constantFrom(...UNITS)
    .chain((u) =>
      fc.tuple(
        fc.constant(u),
        fc.constantFrom(...UNITS.filter((v) => v.dimension === u.dimension)),
      ),
    )

  it('converts a unit to itself unchanged (property)', () => {
    fc.assert(
      fc.property(quantity, fc.constantFrom(...UNITS), (x, u) => {
        for (const code of [u.code, ...u.ucum]) {
          expect(convertUnit(x, code, u.code)).toEqual({ value: x, exact: true })
        }
      }),
    )
  })

  it('round-trips a → b → a when both directions are exact (property)', () => {
    fc.assert(
      fc.property(quantity, sameDimension, (x, [a, b]) => {
        const there = convertQuantity(dec(x), a, b)
        expect(there).toBeDefined()
        if (!there?.exact) return
        const back = convertQuantity(there.value, b, a)
        expect(back?.exact).toBe(true)
        if (back) expect(text(back.value)).toBe(x)
      }),
    )
  })

  it('is within half a unit of the 12th place when inexact (property)', () => {
    fc.assert(
      fc.property(quantity, sameDimension, (x, [a, b]) => {
        const { value, exact } = convertUnit(x, a.code, b.code)
        // |value × size(b) − x × size(a)| ≤ 0.5 × 10^-12 × size(b), and = 0 when exact.
        const error = decimal.sub(decimal.mul(value, b.factor), decimal.mul(x, a.factor))
        const magnitude = decimal.compare(error, '0') < 0 ? decimal.sub('0', error) : error
        if (exact) expect(magnitude).toBe('0')
        else {
          expect(
            decimal.compare(magnitude, decimal.mul('0.0000000000005', b.factor)),
          ).toBeLessThanOrEqual(0)
          expect(value.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(12)
        }
      }),
    )
  })
})
