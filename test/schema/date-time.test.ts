import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isDateTime } from '../../src/date-time.js'

// ajv-formats' own full-mode check is the reference our faster one must agree with.
type AddFormats = (ajv: Ajv2020) => unknown
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats
const reference = new Ajv2020()
addFormats(reference)
const referenceCheck = reference.compile({ type: 'string', format: 'date-time' })

describe('isDateTime', () => {
  it.each([
    '2026-03-01T00:00:00Z',
    '2026-03-01t00:00:00z',
    '2024-02-29T12:30:45.123+05:30',
    '2026-12-31T23:59:60Z',
    '2026-12-31T18:59:60-05:00',
  ])('accepts %s', (value) => {
    expect(isDateTime(value)).toBe(true)
    expect(referenceCheck(value)).toBe(true)
  })

  it.each([
    '2026-03-01',
    '2026-03-01T00:00:00',
    '2026-02-29T00:00:00Z',
    '2026-04-31T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-00-10T00:00:00Z',
    '2026-03-01T24:00:00Z',
    '2026-03-01T12:60:00Z',
    '2026-03-01T12:00:00+24:00',
    '2026-03-01T12:00:60Z',
    ' 2026-03-01T00:00:00Z',
    '2026-03-01T00:00:00Zjunk',
  ])('rejects %s', (value) => {
    expect(isDateTime(value)).toBe(false)
    expect(referenceCheck(value)).toBe(false)
  })

  it('is stricter than ajv-formats on one point: the separator must be T, as xsd:dateTime needs', () => {
    expect(referenceCheck('2026-03-01 00:00:00Z')).toBe(true)
    expect(isDateTime('2026-03-01 00:00:00Z')).toBe(false)
  })

  it('agrees with ajv-formats full mode on generated date-times', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'))
    const candidate = fc
      .tuple(
        fc.integer({ min: 1900, max: 2100 }),
        two(13),
        two(32),
        two(24),
        two(60),
        two(60),
        fc.constantFrom('Z', '+00:00', '-05:30', '+14:00', '+25:00', ''),
      )
      .map(([y, mo, d, h, mi, s, tz]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${tz}`)
    fc.assert(
      fc.property(candidate, (value) => isDateTime(value) === referenceCheck(value)),
      { numRuns: 5000 },
    )
  })

  it('agrees with ajv-formats full mode on fractions, offsets, case and corrupted characters', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'))
    const offset = fc.oneof(
      fc.constantFrom('Z', 'z', ''),
      fc.tuple(fc.constantFrom('+', '-'), two(25), two(61)).map(([s, h, m]) => `${s}${h}:${m}`),
    )
    const wellFormed = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, '0')),
        two(13),
        two(32),
        fc.constantFrom('T', 't'),
        two(24),
        two(60),
        two(61),
        fc.oneof(fc.constant(''), fc.stringMatching(/^\.[0-9]{0,4}$/)),
        offset,
      )
      .map((parts) => {
        const [y, mo, d, t, h, mi, s, frac, tz] = parts
        return `${y}-${mo}-${d}${t}${h}:${mi}:${s}${frac}${tz}`
      })
    // One character replaced, inserted or removed; never a space (a known difference, above).
    const corrupted = fc
      .tuple(wellFormed, fc.nat(), fc.constantFrom('0', '9', '-', ':', '.', 'x', 'T', 'Z', '+', ''))
      .map(([v, at, ch]) => {
        const i = at % (v.length + 1)
        return at % 2 === 0 ? v.slice(0, i) + ch + v.slice(i + 1) : v.slice(0, i) + ch + v.slice(i)
      })
    fc.assert(
      fc.property(fc.oneof(wellFormed, corrupted), (value) => {
        // ajv-formats also takes an offset without its colon (+0100, +01); RFC 3339 does not.
        fc.pre(!/[+-]\d\d(\d\d)?$/.test(value))
        // Its leap-second shortcut also takes an hour or minute out of range when the offset
        // brings it to 23:59 UTC (08:60:00+09:01); an out-of-range field is always refused here.
        const time = /^.{10}[Tt](\d\d):(\d\d)/.exec(value)
        fc.pre(!time || (Number(time[1]) <= 23 && Number(time[2]) <= 59))
        expect(isDateTime(value)).toBe(referenceCheck(value))
      }),
      { numRuns: 20000 },
    )
  })
})
