import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../src/conformance/check.js'
import { formatFinding, formatReport, statusLabel } from '../../src/conformance/format.js'
import { fixturePassport } from './fixture.js'
import type { Loose } from './helpers.js'

describe('formatReport', () => {
  it('prints PASS for a conforming passport', () => {
    const text = formatReport(checkConformance(fixturePassport()), 'bracket.json')
    expect(text.split('\n')).toHaveLength(1)
    expect(text).toMatch(/^PASS bracket\.json \(profiles: core;/)
  })

  it('prints FAIL and one FAIL/WARN line per finding, with code, path and rule', () => {
    const passport = fixturePassport() as unknown as Loose
    passport.credentialSubject.footprint.geographyCountry = 'Germany'
    passport.credentialSubject.product.colour = 'silver'
    const report = checkConformance(passport)
    expect(statusLabel(report)).toBe('FAIL')
    const lines = formatReport(report, 'x.json').split('\n')
    expect(lines[0]).toMatch(/^FAIL x\.json/)
    expect(lines.slice(1).map((l) => l.trim().split(' ').slice(0, 3).join(' '))).toEqual([
      'WARN UNKNOWN_PROPERTY /credentialSubject/product/colour:',
      'FAIL PATTERN_MISMATCH /credentialSubject/footprint/geographyCountry:',
    ])
  })

  it('prints WARN when there are only warnings, and expected/actual for comparisons', () => {
    const passport = fixturePassport() as unknown as Loose
    passport.credentialSubject.extra = 1
    expect(statusLabel(checkConformance(passport))).toBe('WARN')
    const line = formatFinding({
      code: 'ACTIVITY_SUM_MISMATCH',
      severity: 'error',
      path: '/credentialSubject/activityData',
      message: 'm',
      rule: 'r',
      expected: '1',
      actual: '2',
    })
    expect(line).toBe(
      'FAIL ACTIVITY_SUM_MISMATCH /credentialSubject/activityData: m (expected 1, actual 2) [r]',
    )
  })
})
