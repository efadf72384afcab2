/**
 * sort.ts replaces `Array#sort` in the JSON-LD walks and RDFC-1.0: its lists must come out exactly
 * as `Array#sort` orders them (UTF-16 code units, stable), on both sides of SHORT_LIST, so the
 * canonical N-Quads cannot change. And nquadsLiteral's memo of datatype forms must give the form
 * computed afresh, for any datatype, before and after the memo is full.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  escapeIri,
  escapeString,
  nquadsLiteral,
} from '../../../src/credential/data-integrity/rdfc.js'
import {
  decimalStringOrder,
  SHORT_LIST,
  sortByKey,
  sortNumbers,
  sortStrings,
} from '../../../src/credential/data-integrity/sort.js'
import { fuzzRuns } from '../../helpers/fuzz.js'

// Strings that share long prefixes (as N-Quads lines do), repeat, and use every kind of code unit.
const text = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.constantFrom('<https://w3id.org/carbon-passport/vocab#', '_:a ', '_:z ', '"', 'é', '\ud800'),
)
const line = fc.array(text, { maxLength: 4 }).map((parts) => parts.join(''))
const lists = fc.array(line, { maxLength: SHORT_LIST * 3 })

describe('sortStrings', () => {
  test('orders any list as Array#sort does', () => {
    fc.assert(
      fc.property(lists, (list) => {
        expect(sortStrings(list.slice())).toEqual(list.slice().sort())
      }),
      { numRuns: fuzzRuns(500) },
    )
  })

  test('sorts in place and returns the list', () => {
    const list = ['b', 'a', 'c']
    expect(sortStrings(list)).toBe(list)
    expect(list).toEqual(['a', 'b', 'c'])
  })
})

describe('sortByKey', () => {
  test('orders any list as a stable Array#sort by the key does', () => {
    const items = fc.array(fc.record({ key: line, n: fc.nat() }), { maxLength: SHORT_LIST * 3 })
    fc.assert(
      fc.property(items, (list) => {
        const byKey = (a: { key: string }, b: { key: string }) =>
          a.key < b.key ? -1 : a.key > b.key ? 1 : 0
        expect(sortByKey(list.slice(), (item) => item.key)).toEqual(list.slice().sort(byKey))
      }),
      { numRuns: fuzzRuns(500) },
    )
  })
})

describe('sortNumbers', () => {
  test('orders indices as Array#sort by their strings does, on both sides of SHORT_LIST', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: SHORT_LIST * 3 }), (strings) => {
        const indices = strings.map((_, i) => i)
        sortNumbers(indices, (a, b) => (strings[a] as string) > (strings[b] as string))
        // Equal strings may come in any order: compare what the indices stand for.
        expect(indices.map((i) => strings[i])).toEqual(strings.slice().sort())
        expect(indices.slice().sort((a, b) => a - b)).toEqual(strings.map((_, i) => i))
      }),
      { numRuns: fuzzRuns(500) },
    )
  })
})

describe('decimalStringOrder', () => {
  test('is 0 … count − 1 sorted by decimal string, for every count up to 2,000 and some larger', () => {
    const sorted = (count: number) =>
      Array.from({ length: count }, (_, i) => i).sort((a, b) =>
        String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
      )
    for (let count = 0; count <= 2000; count++) {
      expect(decimalStringOrder(count)).toEqual(sorted(count))
    }
    for (const count of [9999, 10000, 10001, 12345, 100001]) {
      expect(decimalStringOrder(count)).toEqual(sorted(count))
    }
  })
})

describe('nquadsLiteral', () => {
  const fresh = (value: string, datatype: string) =>
    datatype === 'http://www.w3.org/2001/XMLSchema#string'
      ? `"${escapeString(value)}"`
      : `"${escapeString(value)}"^^<${escapeIri(datatype)}>`

  test('gives the form computed afresh, for any datatype, past the memo cap', () => {
    // More distinct datatypes than the memo keeps, each asked twice (memoized, then read back).
    for (let i = 0; i < 600; i++) {
      const datatype = `https://example.com/dt-${i}${i % 7 === 0 ? ' <sp>' : ''}`
      expect(nquadsLiteral('v', datatype)).toBe(fresh('v', datatype))
      expect(nquadsLiteral(`v${i}"`, datatype)).toBe(fresh(`v${i}"`, datatype))
    }
    fc.assert(
      fc.property(line, line, (value, datatype) => {
        expect(nquadsLiteral(value, datatype)).toBe(fresh(value, datatype))
        expect(nquadsLiteral(value, datatype)).toBe(fresh(value, datatype))
      }),
      { numRuns: fuzzRuns(300) },
    )
  })
})
