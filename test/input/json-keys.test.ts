/**
 * findDuplicateKey against a model: random JSON trees (objects as entry lists, so names can repeat),
 * written with random escapes and whitespace, must parse with JSON.parse to the model, and the
 * scanner must report exactly the first repeated name (decoded) and where it is.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { pointer } from '../../src/findings/pointer.js'
import {
  countMemberNames,
  findDuplicateKey,
  memberNameBound,
  namesAreKeys,
} from '../../src/input/json-keys.js'
import { readInput, stringsOfTextWellFormed } from '../../src/input/read.js'

type Node = null | boolean | number | string | Node[] | { entries: [string, Node][] }

// Names from a small alphabet, so that repeats are common, with characters that must be escaped,
// may be escaped, or are surrogate pairs.
const nameChar = fc.constantFrom('a', 'b', 'é', '"', '\\', '/', '\n', '\u0000', '\u2028', '𝄞', ':')
const name = fc.string({ unit: nameChar, maxLength: 3 })
const tree = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(
      fc.constant(null),
      fc.boolean(),
      // (-0 is written as 0, so it is left out of the model.)
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)),
      fc.string({ unit: nameChar, maxLength: 4 }),
    ),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.array(fc.tuple(name, tie('node')), { maxLength: 5 }).map((entries) => ({ entries })),
  ),
})).node

/** A deterministic stream of choices from a seed (escapes and whitespace). */
function chooser(seed: number) {
  let state = seed >>> 0 || 1
  return (n: number) => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) % n
  }
}

const SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
}
const hex = (c: number, upper: boolean) => {
  const h = c.toString(16).padStart(4, '0')
  return `\\u${upper ? h.toUpperCase() : h}`
}

function writeString(s: string, pick: (n: number) => number): string {
  let out = '"'
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string
    const code = s.charCodeAt(i)
    const mustEscape = ch === '"' || ch === '\\' || code < 0x20
    const choice = pick(4)
    if (mustEscape || choice === 0) {
      out += SHORT[ch] !== undefined && pick(2) === 0 ? SHORT[ch] : hex(code, pick(2) === 0)
    } else out += ch
  }
  return `${out}"`
}

function write(node: Node, pick: (n: number) => number): string {
  const ws = () => ['', '', ' ', '\n', '\t', '\r\n '][pick(6)] as string
  if (node === null || typeof node !== 'object') {
    return typeof node === 'string' ? writeString(node, pick) : JSON.stringify(node)
  }
  if (Array.isArray(node)) {
    return `[${ws()}${node.map((n) => `${write(n, pick)}${ws()}`).join(`,${ws()}`)}]`
  }
  const members = node.entries.map(
    ([k, v]) => `${ws()}${writeString(k, pick)}${ws()}:${ws()}${write(v, pick)}${ws()}`,
  )
  return `{${members.join(',')}}`
}

/** The value JSON.parse gives for a tree without repeated names. */
function value(node: Node): unknown {
  if (node === null || typeof node !== 'object') return node
  if (Array.isArray(node)) return node.map(value)
  return Object.fromEntries(node.entries.map(([k, v]) => [k, value(v)]))
}

/** The first repeated name in text order, with its pointer, by a plain recursive walk. */
function firstDuplicate(
  node: Node,
  path: (string | number)[] = [],
): { key: string; path: string } | undefined {
  if (node === null || typeof node !== 'object') return undefined
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) {
      const found = firstDuplicate(n, [...path, i])
      if (found) return found
    }
    return undefined
  }
  const seen = new Set<string>()
  for (const [k, v] of node.entries) {
    if (seen.has(k)) return { key: k, path: pointer(...path, k) }
    seen.add(k)
    const found = firstDuplicate(v, [...path, k])
    if (found) return found
  }
  return undefined
}

describe('findDuplicateKey', () => {
  test('accepts everything JSON.stringify writes, compact or indented', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(findDuplicateKey(JSON.stringify(v))).toBeUndefined()
        expect(findDuplicateKey(JSON.stringify(v, null, 2))).toBeUndefined()
      }),
      { numRuns: 500 },
    )
  })

  test('on random trees with random escapes: exactly the first repeated name, decoded', () => {
    fc.assert(
      fc.property(tree, fc.integer(), (node, seed) => {
        const text = write(node, chooser(seed))
        const parsed: unknown = JSON.parse(text) // the writer writes JSON
        const expected = firstDuplicate(node)
        expect(findDuplicateKey(text)).toEqual(expected)
        // The counted fast path, given what JSON.parse made of the text, answers the same.
        expect(findDuplicateKey(text, parsed)).toEqual(expected)
        if (!expected) expect(parsed).toEqual(value(node))
      }),
      { numRuns: 1000 },
    )
  })

  test('readInput refuses exactly those texts, as JSON text and as a JWS payload (keys counted in its walk)', () => {
    const limits = { maxBytes: 1 << 20, maxDepth: 64 }
    const header = Buffer.from('{"alg":"EdDSA"}').toString('base64url')
    fc.assert(
      fc.property(tree, fc.integer(), (node, seed) => {
        const text = `{"@context":["https://www.w3.org/ns/credentials/v2"],"x":${write(node, chooser(seed))}}`
        const expected = firstDuplicate(node)
        const jws = `${header}.${Buffer.from(text).toString('base64url')}.AA`
        // A surrogate pair written half escaped is a lone surrogate in the text, which UTF-8 bytes
        // (the JWS payload) cannot carry.
        const wellFormed = (text as unknown as { isWellFormed(): boolean }).isWellFormed()
        for (const input of wellFormed ? [text, jws] : [text]) {
          const read = readInput(input, limits)
          if (expected) {
            expect(read.ok).toBe(false)
            if (!read.ok) {
              expect(read.findings[0]?.code).toBe('JSON_DUPLICATE_KEY')
              expect(read.findings[0]?.path).toBe(`/x${expected.path}`)
            }
          } else expect(read.ok).toBe(true)
        }
      }),
      { numRuns: 500 },
    )
  })

  test('injected duplicates are found however they are spelled', () => {
    const cases: [string, string, string][] = [
      ['{"a":1,"\\u0061":2}', 'a', '/a'],
      ['{"a":1,"\\u0041":2,"\\u0061":3}', 'a', '/a'],
      ['{"é":1,"\\u00e9":2}', 'é', '/é'],
      ['{"𝄞":1,"\\ud834\\udd1e":2}', '𝄞', '/𝄞'],
      ['{"a\\"":1,"a\\u0022":2}', 'a"', '/a"'],
      ['{"a/b":1,"a\\/b":2}', 'a/b', '/a~1b'],
      ['{"__proto__":1,"__proto__":2}', '__proto__', '/__proto__'],
      ['{"":1 , "" :2}', '', '/'],
      ['[{"x":{"a":1}},{"x":{"a":1,"b":[{"c":0,"c":1}]}}]', 'c', '/1/x/b/0/c'],
      ['{"v":"\\":\\"","v":1}', 'v', '/v'],
    ]
    for (const [text, key, path] of cases) {
      expect(() => JSON.parse(text)).not.toThrow()
      expect(findDuplicateKey(text)).toEqual({ key, path })
      expect(findDuplicateKey(text, JSON.parse(text))).toEqual({ key, path })
    }
  })

  test('string values that look like names, and equal names in sibling objects, are not duplicates', () => {
    for (const text of [
      '{"a":"a","b":["a","a"],"c":{"a":"\\"a\\":"}}',
      '[{"a":1},{"a":2}]',
      '{"a":{"a":{"a":1}}}',
      '{"a\\\\":1,"a":2}',
      '"a"',
      '{"a":"\\\\","b":"\\\\\\"a\\":1"}',
    ]) {
      expect(findDuplicateKey(text)).toBeUndefined()
    }
  })

  test('deep nesting needs no recursion', () => {
    const depth = 200_000
    const deep = `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`
    expect(findDuplicateKey(deep)).toBeUndefined()
    const withDuplicate = `${'{"a":['.repeat(depth)}{"b":1,"b":2}${']}'.repeat(depth)}`
    expect(findDuplicateKey(withDuplicate)?.key).toBe('b')
    // Past the counting depth the full pass decides, without recursion.
    expect(findDuplicateKey(deep, JSON.parse(deep))).toBeUndefined()
    expect(findDuplicateKey(withDuplicate, JSON.parse(withDuplicate))?.key).toBe('b')
  })

  test('an enumerable key on Object.prototype does not hide a repeated name', () => {
    const proto = Object.prototype as Record<string, unknown>
    proto.polluted = 1
    try {
      const text = '{"a":1,"a":2}'
      expect(findDuplicateKey(text, JSON.parse(text))).toEqual({ key: 'a', path: '/a' })
    } finally {
      delete proto.polluted
    }
  })

  test('never throws on text that is not JSON', () => {
    const jsonish = fc.string({
      unit: fc.constantFrom('{', '}', '[', ']', '"', '\\', ':', ',', 'a', 'u', '0', ' '),
      maxLength: 60,
    })
    fc.assert(
      fc.property(fc.oneof(jsonish, fc.string({ unit: 'binary', maxLength: 60 })), (text) => {
        const found = findDuplicateKey(text)
        expect(found === undefined || typeof found.key === 'string').toBe(true)
      }),
      { numRuns: 2000 },
    )
  })
})

/** Own keys of every object of a parsed value (what readInput's walk counts). */
function ownKeys(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + ownKeys(x), 0)
  return Object.values(v).reduce((n: number, x) => n + 1 + ownKeys(x), 0)
}

/** Every string and member name of a parsed value. */
const stringsOf = (v: unknown): string[] =>
  typeof v === 'string'
    ? [v]
    : v === null || typeof v !== 'object'
      ? []
      : Array.isArray(v)
        ? v.flatMap(stringsOf)
        : Object.entries(v).flatMap(([k, x]) => [k, ...stringsOf(x)])

describe('memberNameBound and namesAreKeys (the counted test readInput runs)', () => {
  test('the bound is never below the member names, and exact when no string has a colon', () => {
    fc.assert(
      fc.property(tree, fc.integer(), (node, seed) => {
        const text = write(node, chooser(seed))
        expect(memberNameBound(text)).toBeGreaterThanOrEqual(countMemberNames(text))
        // (A repeated name's lost value is not in the parsed value: only texts without repeats.)
        const parsed: unknown = JSON.parse(text)
        if (!firstDuplicate(node) && !stringsOf(parsed).some((x) => x.includes(':'))) {
          expect(memberNameBound(text)).toBe(countMemberNames(text))
        }
      }),
      { numRuns: 1000 },
    )
  })

  test('namesAreKeys holds exactly when the text repeats no name', () => {
    fc.assert(
      fc.property(tree, fc.integer(), (node, seed) => {
        const text = write(node, chooser(seed))
        const keys = ownKeys(JSON.parse(text))
        expect(namesAreKeys(text, keys)).toBe(firstDuplicate(node) === undefined)
      }),
      { numRuns: 1000 },
    )
  })

  test('a loose bound (colons right after quotes inside strings) falls back to the exact count', () => {
    for (const text of ['{"a":"\\":x","b":":"}', '{"a" :\n":","b":1}', '{"a":"\\" : "}']) {
      const keys = ownKeys(JSON.parse(text))
      expect(memberNameBound(text)).toBeGreaterThan(keys)
      expect(namesAreKeys(text, keys)).toBe(true)
    }
    expect(namesAreKeys('{"a":":","a":1}', 1)).toBe(false)
  })
})

describe('stringsOfTextWellFormed', () => {
  const surrogateChar = fc.constantFrom('a', '\ud800', '\udc00', '𝄞', '"', '\\', 'é')
  test('when it holds, every string and member name JSON.parse makes is well-formed', () => {
    const wellFormed = (s: string) => (s as unknown as { isWellFormed(): boolean }).isWellFormed()
    let held = 0
    fc.assert(
      fc.property(
        tree,
        fc.integer(),
        fc.string({ unit: surrogateChar, maxLength: 4 }),
        (node, seed, extra) => {
          const text = write({ entries: [[extra, node]] }, chooser(seed))
          const all = stringsOf(JSON.parse(text))
          if (stringsOfTextWellFormed(text)) {
            held++
            expect(all.every(wellFormed)).toBe(true)
          }
          // And it never holds on a text whose strings are not all well-formed.
          if (!all.every(wellFormed)) expect(stringsOfTextWellFormed(text)).toBe(false)
        },
      ),
      { numRuns: 1000 },
    )
    expect(held).toBeGreaterThan(0)
  })
})
