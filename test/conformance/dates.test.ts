import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { time } from '../../src/conformance/rules/dates.js'

// time() computes the common date-time shape itself; Date.parse, quirks included, is the reference.
const reference = (value: string) => {
  const t = Date.parse(value)
  return Number.isNaN(t) ? undefined : t
}

describe('time', () => {
  it.each([
    '2025-01-01T00:00:00Z',
    '2024-02-29T23:59:59+14:00',
    '1969-12-31T23:59:59-23:59',
    '0100-03-01T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2025-12-31T23:59:60Z',
    '2025-01-01T24:00:00Z',
    '2025-01-01t00:00:00z',
    '2025-01-01T00:00:00.123456Z',
    '0099-01-01T00:00:00Z',
    '2025-01-01',
  ])('agrees with Date.parse on %s', (value) => {
    expect(time(value)).toBe(reference(value))
  })

  it('agrees with Date.parse on generated date-times (property)', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'))
    const candidate = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, '0')),
        two(13),
        two(32),
        fc.constantFrom('T', 't', ' '),
        two(24),
        two(60),
        two(60),
        fc.constantFrom('', '.5', '.123', '.1234'),
        fc.oneof(
          fc.constantFrom('Z', 'z', '', '+0100'),
          fc.tuple(fc.constantFrom('+', '-'), two(24), two(60)).map(([s, h, m]) => `${s}${h}:${m}`),
        ),
      )
      .map((p) => `${p[0]}-${p[1]}-${p[2]}${p[3]}${p[4]}:${p[5]}:${p[6]}${p[7]}${p[8]}`)
    fc.assert(
      fc.property(candidate, (value) => {
        expect(time(value)).toBe(reference(value))
      }),
      { numRuns: 20000 },
    )
  })
})
