import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../../src/conformance/check.js'
import { STAGES_IN_BOUNDARY, stagesInBoundary } from '../../../src/conformance/rules/sums.js'
import { fixturePassport } from '../fixture.js'
import { issues, type Loose } from '../helpers.js'

const passport = (): Loose => fixturePassport() as unknown as Loose

describe('sums', () => {
  it('reports a scope 3 category with lines but no breakdown entry', () => {
    const p = passport()
    const sb = p.credentialSubject.footprint.scopeBreakdown
    sb.scope3 = [{ category: 1, emissions: '8.4' }]
    const report = checkConformance(p)
    expect(issues(report)).toEqual([
      'SCOPE_ACTIVITY_MISMATCH /credentialSubject/footprint/scopeBreakdown/scope3/0/emissions',
      'SCOPE_ACTIVITY_MISMATCH /credentialSubject/footprint/scopeBreakdown/scope3',
    ])
    expect(report.findings[1]).toMatchObject({ expected: '0.1', actual: 'no entry' })
  })

  it('compares only the scope 3 total when a scope 3 line has no category', () => {
    const p = passport()
    delete p.credentialSubject.activityData[1].scope3Category
    expect(checkConformance(p).findings).toEqual([])
    p.credentialSubject.footprint.scopeBreakdown.scope1 = '0.3'
    p.credentialSubject.footprint.scopeBreakdown.scope3[0].emissions = '8.2'
    expect(issues(checkConformance(p))).toEqual([
      'SCOPE_ACTIVITY_MISMATCH /credentialSubject/footprint/scopeBreakdown/scope1',
      'SCOPE_ACTIVITY_MISMATCH /credentialSubject/footprint/scopeBreakdown/scope3',
    ])
  })

  it('does not repeat a lines-total mismatch for every stage and scope', () => {
    const p = passport()
    const line = p.credentialSubject.activityData[3]
    line.quantity = '5'
    line.emissions = '1.8'
    expect(issues(checkConformance(p))).toEqual([
      'ACTIVITY_SUM_MISMATCH /credentialSubject/activityData',
    ])
  })

  it('skips sums over values that are not Decimals (the schema reports them)', () => {
    const p = passport()
    p.credentialSubject.activityData[0].emissions = 8.3
    expect(issues(checkConformance(p))).toEqual([
      'TYPE_MISMATCH /credentialSubject/activityData/0/emissions',
    ])
  })

  it('checks component emissions against the lines that reference the component', () => {
    const p = passport()
    const upstream = 'urn:uuid:0b6a1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4'
    p.credentialSubject.activityData[0].upstreamPassport = upstream
    p.credentialSubject.components = [
      {
        passport: upstream,
        digestMultibase: 'uEiD5iF6Ccl4tVZI5Y_NGH8zX8myvfKuSA_uaeGjyJgHnpw',
        product: { id: 'https://id.gs1.org/01/09506000134369' },
        quantity: '1.0375',
        unit: 'KGM',
        emissions: '8.3',
      },
    ]
    expect(checkConformance(p).findings).toEqual([])
    p.credentialSubject.activityData[1].upstreamPassport =
      'urn:uuid:11111111-2222-4333-8444-555555555555'
    expect(issues(checkConformance(p))).toEqual([
      'UPSTREAM_PASSPORT_NOT_LISTED /credentialSubject/activityData/1/upstreamPassport',
    ])
  })
})

describe('stagesInBoundary', () => {
  it('gives the stages of each boundary (one set each, made once), and nothing for anything else', () => {
    for (const [boundary, stages] of Object.entries(STAGES_IN_BOUNDARY)) {
      expect(stagesInBoundary(boundary)).toEqual(new Set(stages))
      expect(stagesInBoundary(boundary)).toBe(stagesInBoundary(boundary))
    }
    for (const other of [
      'cradle-to-Gate',
      '',
      '__proto__',
      'toString',
      'hasOwnProperty',
      1,
      null,
    ]) {
      expect(stagesInBoundary(other)).toBeUndefined()
    }
  })
})
