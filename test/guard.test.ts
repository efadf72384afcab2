import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  describeError,
  jsonProblem,
  MAX_JSON_DEPTH,
  optionalDate,
  readOptions,
} from '../src/guard.js'
import { DEFAULT_MAX_DEPTH } from '../src/input/read.js'
import { cyclic, hostileProxy, revokedProxy, undescribable } from './helpers/hostile.js'

const options = { maxDepth: MAX_JSON_DEPTH }
const nested = (depth: number): unknown => {
  let value: unknown = {}
  for (let i = 1; i < depth; i++) value = i % 2 ? [value] : { d: value }
  return value
}

describe('jsonProblem', () => {
  it('finds nothing wrong with JSON (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(jsonProblem(value, { ...options, wellFormedStrings: true })).toBeUndefined()
      }),
    )
  })

  it('finds a non-JSON value wherever it is put, with its JSON Pointer (property)', () => {
    const bad = fc.constantFrom<[unknown, RegExp]>(
      [1n, /BigInt/],
      [() => 1, /function/],
      [Symbol('s'), /symbol/],
      [Number.NaN, /NaN/],
      [Number.NEGATIVE_INFINITY, /-Infinity/],
    )
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.nat(3)), { minLength: 1, maxLength: 5 }),
        bad,
        (path, [value, reason]) => {
          // Build a document whose only non-JSON value sits at `path`.
          let doc: unknown = value
          for (const key of [...path].reverse()) {
            doc =
              typeof key === 'number'
                ? Object.assign(new Array(key + 1).fill(0), { [key]: doc })
                : { [key]: doc }
          }
          const pointer = path
            .map((k) => `/${String(k).replaceAll('~', '~0').replaceAll('/', '~1')}`)
            .join('')
          expect(jsonProblem(doc, options)).toEqual({
            path: pointer,
            reason: expect.stringMatching(reason),
          })
        },
      ),
    )
  })

  it('stops at the depth cap, counting the outermost value as 1', () => {
    expect(jsonProblem(nested(MAX_JSON_DEPTH), options)).toBeUndefined()
    expect(jsonProblem(nested(MAX_JSON_DEPTH + 1), options)?.reason).toMatch(/deeper than 64/)
    expect(jsonProblem(nested(100_000), options)?.reason).toMatch(/deeper than 64/)
  })

  it('tells a cycle from a shared (acyclic) reference', () => {
    const shared = { x: 1 }
    expect(jsonProblem({ a: shared, b: [shared, shared] }, options)).toBeUndefined()
    expect(jsonProblem({ a: { b: cyclic() } }, options)).toEqual({
      path: '/a/b/self',
      reason: expect.stringMatching(/cycle/),
    })
  })

  it('lone surrogates only when asked, in values and keys', () => {
    expect(jsonProblem({ a: '\ud800' }, options)).toBeUndefined()
    expect(jsonProblem({ a: 'ok 😀' }, { ...options, wellFormedStrings: true })).toBeUndefined()
    expect(jsonProblem({ a: ['x\udfff'] }, { ...options, wellFormedStrings: true })?.path).toBe(
      '/a/0',
    )
    expect(jsonProblem({ '\ud800': 1 }, { ...options, wellFormedStrings: true })?.path).toBe(
      '/\ud800',
    )
  })

  it('reports members that cannot be read instead of throwing', () => {
    const getter = Object.defineProperty({ ok: 1 }, 'bad', {
      enumerable: true,
      get() {
        throw undescribable()
      },
    })
    expect(jsonProblem({ x: getter }, options)).toEqual({
      path: '/x/bad',
      reason: 'it cannot be read (an error that cannot be described)',
    })
    expect(jsonProblem(hostileProxy(), options)?.reason).toMatch(/cannot be read/)
    expect(jsonProblem([revokedProxy()], options)?.reason).toMatch(/cannot be read/)
  })

  it('allows what JSON.stringify leaves out (undefined members)', () => {
    expect(jsonProblem({ a: undefined, b: [undefined] }, options)).toBeUndefined()
  })
})

describe('the other guards', () => {
  it('MAX_JSON_DEPTH is the verifier’s default maxDepth', () => {
    expect(MAX_JSON_DEPTH).toBe(DEFAULT_MAX_DEPTH)
  })

  it('describeError never throws', () => {
    for (const value of [undescribable(), hostileProxy(), revokedProxy(), Symbol('s'), null]) {
      expect(typeof describeError(value)).toBe('string')
    }
    expect(describeError(new Error('boom'))).toBe('boom')
  })

  it('readOptions reads each member once and refuses what is not an object', () => {
    let reads = 0
    const o = Object.defineProperty({}, 'a', {
      enumerable: true,
      get() {
        reads++
        return 1
      },
    })
    expect(readOptions(o, ['a', 'b'])).toEqual({ a: 1 })
    expect(reads).toBe(1)
    expect(readOptions(undefined, ['a'])).toEqual({})
    for (const bad of [null, 1, 'x', [], revokedProxy()]) {
      expect(() => readOptions(bad, ['a'])).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      )
    }
    expect(() => readOptions(undefined, ['a'], 'options', true)).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })

  it('optionalDate copies valid Dates and refuses everything else', () => {
    const d = new Date('2026-01-01T00:00:00Z')
    const copy = optionalDate(d, 'x')
    expect(copy).toEqual(d)
    expect(copy).not.toBe(d)
    const fake = new Proxy(d, {})
    for (const bad of [null, '2026-01-01', 0, new Date('x'), fake, hostileProxy()]) {
      expect(() => optionalDate(bad, 'x')).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
      )
    }
  })
})
