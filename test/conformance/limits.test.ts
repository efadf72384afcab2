/**
 * measureJson: verification's input caps without writing the text, and with work bounded by the
 * caps rather than by the input.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, measureJson } from '../../src/conformance/limits.js'
import { DEFAULT_MAX_BYTES as VERIFY_MAX_BYTES, valueDepth } from '../../src/input/read.js'

const textBytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8')
const UNLIMITED = Number.MAX_SAFE_INTEGER

/** JSON values with any kind of string: ASCII, any code point, lone surrogates, control characters. */
const json = fc.oneof(
  fc.jsonValue(),
  fc.jsonValue({ stringUnit: 'binary' }),
  fc.jsonValue({
    stringUnit: fc.constantFrom('"', '\\', '\n', '\u0001', '\ud800', 'é', '😀', 'a'),
  }),
)

describe('measureJson', () => {
  it('uses the caps of verification', () => {
    expect(DEFAULT_MAX_BYTES).toBe(VERIFY_MAX_BYTES)
    expect(DEFAULT_MAX_BYTES).toBe(1024 * 1024)
    expect(DEFAULT_MAX_DEPTH).toBe(64)
  })

  it('is over the byte cap exactly when JSON.stringify is (property, caps around the size)', () => {
    fc.assert(
      fc.property(
        json.chain((v) =>
          fc.tuple(fc.constant(v), fc.integer({ min: 0, max: 2 * textBytes(v) + 2 })),
        ),
        ([value, maxBytes]) => {
          const m = measureJson(value, maxBytes, UNLIMITED)
          expect(m.tooLarge).toBe(textBytes(value) > maxBytes)
          expect(m.tooDeep).toBe(false)
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('is at the cap and under it exactly at its size, over it one byte below', () => {
    fc.assert(
      fc.property(json, (value) => {
        const n = textBytes(value)
        expect(measureJson(value, n, UNLIMITED).tooLarge).toBe(false)
        if (n > 0) expect(measureJson(value, n - 1, UNLIMITED).tooLarge).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it('counts depth as verification does (property)', () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 1, max: 8 }), (value, maxDepth) => {
        const depth = valueDepth(value, UNLIMITED)
        expect(measureJson(value, UNLIMITED, maxDepth).tooDeep).toBe(depth > maxDepth)
      }),
      { numRuns: 1000 },
    )
  })

  it('with both caps, says a cap is passed exactly when one is (property)', () => {
    fc.assert(
      fc.property(
        json,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 6 }),
        (value, maxBytes, maxDepth) => {
          const m = measureJson(value, maxBytes, maxDepth)
          const over = textBytes(value) > maxBytes || valueDepth(value, UNLIMITED) > maxDepth
          expect(m.tooLarge || m.tooDeep).toBe(over)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('leaves out what JSON.stringify leaves out, and writes null for it in a list', () => {
    const value = { a: undefined, b: () => 1, c: Symbol('s'), d: [undefined, () => 1], e: 1 }
    const n = textBytes(value) // {"d":[null,null],"e":1}
    expect(measureJson(value, n, UNLIMITED).tooLarge).toBe(false)
    expect(measureJson(value, n - 1, UNLIMITED).tooLarge).toBe(true)
    expect(measureJson(undefined, 0, UNLIMITED).tooLarge).toBe(false)
    expect(measureJson(1e21, 4, UNLIMITED).tooLarge).toBe(true) // "1e+21"
    expect(measureJson(Number.NaN, 4, UNLIMITED).tooLarge).toBe(false) // null
  })

  it("counts inherited enumerable properties too (a for-in loop such as Ajv's reads them)", () => {
    const value = Object.create({ inherited: 'x'.repeat(100) }) as Record<string, unknown>
    value.own = 1
    expect(textBytes(value)).toBe(9) // {"own":1}
    expect(measureJson(value, 50, UNLIMITED).tooLarge).toBe(true)
    expect(measureJson(value, 200, UNLIMITED).tooLarge).toBe(false)
  })

  it('decides a cyclic value by its depth', () => {
    const cyclic: Record<string, unknown> = { a: 1 }
    cyclic.self = cyclic
    expect(measureJson(cyclic, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH)).toEqual({
      tooLarge: false,
      tooDeep: true,
    })
    const list: unknown[] = []
    list.push(list)
    expect(measureJson(list, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH).tooDeep).toBe(true)
  })

  it('reads nothing of a list that is over the cap by its length alone', () => {
    let reads = 0
    const target = new Array(1_000_000).fill({ activity: 'x' })
    const list = new Proxy(target, {
      get(t, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++
        return Reflect.get(t, key, receiver)
      },
    })
    expect(measureJson({ activityData: list }, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH).tooLarge).toBe(
      true,
    )
    expect(reads).toBe(0)
  })

  it('stops reading a list of large items once past the cap', () => {
    let reads = 0
    const line = { activity: 'x'.repeat(1000) }
    const target = new Array(100_000).fill(line)
    const list = new Proxy(target, {
      get(t, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++
        return Reflect.get(t, key, receiver)
      },
    })
    expect(measureJson(list, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH).tooLarge).toBe(true)
    expect(reads).toBeLessThanOrEqual(Math.ceil(DEFAULT_MAX_BYTES / 1000) + 1)
  })

  it('decides a value far past the caps at once (hang guard)', () => {
    const huge = { s: 'x'.repeat(50_000_000), list: new Array(10_000_000).fill(0) }
    const start = performance.now()
    expect(measureJson(huge, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH).tooLarge).toBe(true)
    let deep: unknown = 0
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(measureJson(deep, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH).tooDeep).toBe(true)
    expect(performance.now() - start).toBeLessThan(2000)
  })
})
