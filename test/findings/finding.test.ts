import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { commonCodes, truncateFindings } from '../../src/findings/common.js'
import { combineCodes } from '../../src/findings/define.js'
import type { Finding } from '../../src/findings/finding.js'
import { escapePointer, getPointer, pointer } from '../../src/findings/pointer.js'
import { inputCodes } from '../../src/input/read.js'

const segment = fc.oneof(fc.string(), fc.nat({ max: 5 }))

/** A document with `leaf` at `path` (numbers are array indexes, strings object keys). */
function nest(path: (string | number)[], leaf: unknown): unknown {
  let doc = leaf
  for (let i = path.length - 1; i >= 0; i--) {
    const s = path[i] as string | number
    if (typeof s === 'number') {
      const list: unknown[] = Array.from({ length: s + 1 }, () => null)
      list[s] = doc
      doc = list
    } else {
      doc = { [s]: doc }
    }
  }
  return doc
}

describe('JSON Pointers', () => {
  it('find the value at the path they were made from (property)', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.jsonValue(), (path, leaf) => {
        expect(getPointer(nest(path, leaf), pointer(...path))).toEqual(leaf)
      }),
    )
  })

  it('escape `~` and `/` as RFC 6901 says, and only those', () => {
    expect(pointer('a/b', 'm~n', 0)).toBe('/a~1b/m~0n/0')
    expect(escapePointer('~1')).toBe('~01')
    fc.assert(
      fc.property(fc.string(), (s) => {
        const escaped = escapePointer(s)
        expect(escaped.includes('/')).toBe(false)
        expect(escaped.replaceAll('~1', '/').replaceAll('~0', '~')).toBe(s)
      }),
    )
  })

  it('give undefined where the document has no such value', () => {
    expect(getPointer({ a: 1 }, '/b')).toBeUndefined()
    expect(getPointer({ a: 1 }, '/a/b')).toBeUndefined()
    expect(getPointer([1], '')).toEqual([1])
  })
})

describe('building findings from declarations', () => {
  const { finding, report, reportAt } = combineCodes(inputCodes, commonCodes)

  it('fills the message template, and copies expected and actual', () => {
    expect(finding('INPUT_TOO_LARGE', '', { expected: '10', actual: '12' })).toEqual({
      code: 'INPUT_TOO_LARGE',
      severity: 'error',
      path: '',
      message: 'The input is larger than 10 bytes as JSON text; nothing else was checked.',
      rule: 'carbon-passport security defaults',
      expected: '10',
      actual: '12',
    })
  })

  it('takes a message of its own, another severity, and the title when there is no template', () => {
    expect(finding('MALFORMED_JSON', '', 'not JSON', 'warning')).toMatchObject({
      message: 'not JSON',
      severity: 'warning',
    })
    expect(finding('MALFORMED_JSON', '').message).toBe(inputCodes.definitions.MALFORMED_JSON.title)
  })

  it('appends at a path, or at a path relative to a base, with a more precise rule', () => {
    const findings: Finding[] = []
    report(findings, 'INTERNAL_ERROR', '/a', { detail: 'x' })
    reportAt({ findings, base: '/credentialSubject' }, 'INTERNAL_ERROR', '/b', {}, 'rule b')
    expect(findings.map((f) => [f.path, f.rule])).toEqual([
      ['/a', 'carbon-passport'],
      ['/credentialSubject/b', 'rule b'],
    ])
  })

  it('truncates a list to what it keeps, then says where it stops (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 30 }), fc.nat({ max: 30 }), (length, keep) => {
        const findings = Array.from({ length }, () => finding('MALFORMED_JSON', ''))
        truncateFindings(findings, keep, 99)
        expect(findings).toHaveLength(Math.min(length, keep) + 1)
        expect(findings.at(-1)).toMatchObject({ code: 'FINDINGS_TRUNCATED', expected: '99' })
      }),
    )
  })
})
