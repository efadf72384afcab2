/**
 * src/date-time.ts: the XML Schema dateTimeStamp grammar of VC 2.0 at its edges, its agreement with
 * what was accepted before the module (the regular expression and Date.parse), and the formatter.
 * The RFC 3339 grammar is tested against ajv-formats in test/schema/date-time.test.ts, the parser
 * against Date.parse in test/conformance/dates.test.ts.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  isDateTimeStamp,
  parseDateTime,
  timeOfDate,
  timeOfDateTimeStamp,
  toDateTime,
} from '../src/date-time.js'
import { isCarbonPassportError } from '../src/errors.js'

/** The check as written before src/date-time.ts: the reference it must keep agreeing with. */
const LEXICAL = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
/** The day is within its month (XML Schema §3.3.7: 30 February is not a date). */
const realDay = (v: string) => {
  const [, y, m, d] = /^(-?\d+)-(\d\d)-(\d\d)/.exec(v) ?? []
  const year = Number(y)
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return Number(d) <= (Number(m) === 2 && leap ? 29 : (DAYS[Number(m)] ?? 0))
}
const acceptedBefore = (v: unknown) =>
  typeof v === 'string' && LEXICAL.test(v) && !Number.isNaN(Date.parse(v)) && realDay(v)

describe('isDateTimeStamp: the edges of the grammar', () => {
  it.each([
    ['2026-03-01T00:00:00Z', 'the common shape'],
    ['2026-03-01T00:00:00.123456789+05:30', 'any number of fraction digits, an offset'],
    ['2026-03-01T00:00:00-00:00', 'a negative zero offset'],
    ['2026-03-01T00:00:00+23:59', 'the largest offset'],
    ['0000-01-01T00:00:00Z', 'year zero'],
    ['-002026-03-01T00:00:00Z', 'a negative six-digit year'],
    ['2024-02-29T00:00:00Z', 'a leap day'],
    ['2026-03-01T24:00:00Z', 'the end of a day (24:00:00)'],
    ['2000-02-29T00:00:00Z', 'a leap day of a year divisible by 400'],
  ])('accepts %s (%s)', (value) => {
    expect(isDateTimeStamp(value)).toBe(true)
    expect(timeOfDateTimeStamp(value)).toBe(Date.parse(value))
  })

  it.each([
    ['2026-03-01T00:00:00', 'no time zone'],
    ['2026-03-01t00:00:00Z', 'a lower-case t'],
    ['2026-03-01T00:00:00z', 'a lower-case z'],
    ['2026-03-01 00:00:00Z', 'a space for T'],
    ['2026-03-01T00:00:00.Z', 'a fraction without digits'],
    ['2026-03-01T00:00:00+24:00', 'an offset of 24 hours'],
    ['2026-03-01T12:60:00Z', 'minute 60'],
    ['2026-12-31T23:59:60Z', 'a leap second (Date.parse refuses it)'],
    ['2026-13-01T00:00:00Z', 'month 13'],
    // Date.parse rolls these over into the next month (was: accepted as that day).
    ['2026-02-30T00:00:00Z', 'a day past the end of February'],
    ['2026-02-29T00:00:00Z', '29 February of a common year'],
    ['2100-02-29T00:00:00Z', '29 February of a century not divisible by 400'],
    ['2026-04-31T00:00:00Z', '31 April'],
    ['+2026-03-01T00:00:00Z', 'a plus sign on the year'],
    ['-2026-03-01T00:00:00Z', 'a negative four-digit year (Date.parse refuses it)'],
    ['12026-03-01T00:00:00Z', 'a five-digit year (Date.parse refuses it)'],
    ['275760-09-13T00:00:00.001Z', 'past the largest Date'],
    ['2026-03-01', 'a date alone'],
    [' 2026-03-01T00:00:00Z', 'leading space'],
  ])('refuses %s (%s)', (value) => {
    expect(isDateTimeStamp(value)).toBe(false)
    expect(timeOfDateTimeStamp(value)).toBeUndefined()
  })

  it('refuses what is not a string', () => {
    for (const value of [
      undefined,
      null,
      1772323200000,
      new Date(),
      {},
      ['2026-03-01T00:00:00Z'],
    ]) {
      expect(isDateTimeStamp(value)).toBe(false)
    }
  })

  it('accepts exactly what the regular expression and Date.parse accept, on real calendar days (property)', () => {
    const digits = (min: number, max: number) =>
      fc.integer({ min: 0, max: 10 ** max - 1 }).map((n) => String(n).padStart(min, '0'))
    const candidate = fc
      .tuple(
        fc.constantFrom('', '-', '+'),
        fc.oneof(digits(4, 4), digits(2, 3), digits(5, 6)),
        digits(2, 2).map((m) => m.slice(-2)),
        fc.integer({ min: 0, max: 32 }).map((d) => String(d).padStart(2, '0')),
        fc.constantFrom('T', 't', ' '),
        fc.integer({ min: 0, max: 25 }).map((h) => String(h).padStart(2, '0')),
        fc.integer({ min: 0, max: 61 }).map((m) => String(m).padStart(2, '0')),
        fc.integer({ min: 0, max: 61 }).map((s) => String(s).padStart(2, '0')),
        fc.constantFrom('', '.', '.5', '.123456'),
        fc.constantFrom('Z', 'z', '', '+00:00', '-05:30', '+23:59', '+24:00', '+0100'),
      )
      .map(
        ([sign, y, mo, d, t, h, mi, s, f, z]) =>
          `${sign}${y}-${mo}-${d}${t}${h}:${mi}:${s}${f}${z}`,
      )
    fc.assert(
      fc.property(candidate, (value) => {
        expect(isDateTimeStamp(value)).toBe(acceptedBefore(value))
        if (acceptedBefore(value)) expect(timeOfDateTimeStamp(value)).toBe(Date.parse(value))
      }),
      { numRuns: 20000 },
    )
  })
})

describe('parseDateTime', () => {
  it('reads what Date.parse reads, and nothing from what is not a string', () => {
    expect(parseDateTime('2026-03-01T01:00:00+01:00')).toBe(Date.UTC(2026, 2, 1))
    expect(parseDateTime('not a date')).toBeUndefined()
    expect(parseDateTime(Date.UTC(2026, 2, 1))).toBeUndefined()
  })
})

describe('toDateTime and timeOfDate', () => {
  it('writes RFC 3339 in UTC without milliseconds, which both grammars accept', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0100-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (date) => {
          const text = toDateTime(date)
          expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
          expect(isDateTimeStamp(text)).toBe(true)
          expect(parseDateTime(text)).toBe(Math.floor(date.getTime() / 1000) * 1000)
        },
      ),
    )
    expect(toDateTime(new Date('2026-03-01T00:00:00.999Z'))).toBe('2026-03-01T00:00:00Z')
  })

  it('refuses an invalid Date, another value or a Proxy of a Date with ERR_INVALID_ARGUMENT', () => {
    const proxy = new Proxy(new Date(), {})
    expect(timeOfDate(proxy)).toBeNaN()
    expect(timeOfDate(new Date(Number.NaN))).toBeNaN()
    expect(timeOfDate('2026-03-01T00:00:00Z')).toBeNaN()
    for (const value of [new Date(Number.NaN), '2026-03-01', proxy]) {
      try {
        toDateTime(value as Date)
        expect.unreachable()
      } catch (err) {
        expect(isCarbonPassportError(err) && err.code).toBe('ERR_INVALID_ARGUMENT')
      }
    }
  })
})
