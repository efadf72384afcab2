/**
 * selectFactor: by id; by activity, geography (own, country of a subdivision, GLO) and year (the
 * latest not after the year the period ends in, else the earliest later one, a warning); ties by
 * id; a missing factor is FACTOR_NOT_FOUND; the set is indexed once.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { indexFactorSet, periodEndYear, selectFactor } from '../../src/generate/select-factor.js'
import type { EmissionFactorSet, FactorSetEntry } from '../../src/generate/types.js'

const entry = (
  id: string,
  geography: string,
  referenceYear: number,
  activity = 'grid',
): FactorSetEntry => ({
  id,
  activity,
  value: '0.5',
  unit: 'kgCO2e/KWH',
  source: { name: 'Test' },
  provenance: 'secondary',
  geography,
  referenceYear,
})

const set: EmissionFactorSet = {
  name: 'Test factors',
  version: '1',
  factors: [
    entry('cn-2023', 'CN', 2023),
    entry('cn-2022', 'CN', 2022),
    entry('cn-2026', 'CN', 2026),
    entry('cn-js-2024', 'CN-JS', 2024),
    entry('glo-2020', 'GLO', 2020),
    entry('de-2027', 'DE', 2027),
    entry('se-2021-b', 'SE', 2021),
    entry('se-2021-a', 'SE', 2021),
    entry('steel', 'GLO', 2020, 'steel'),
  ],
}

const year = (y: number) => ({ start: `${y}-01-01T00:00:00Z`, end: `${y + 1}-01-01T00:00:00Z` })

const pick = (record: Parameters<typeof selectFactor>[1]) => {
  const { factor, findings } = selectFactor(set, record, '/records/4')
  return {
    id: factor?.id,
    findings: findings.map((f) => ({ code: f.code, severity: f.severity, path: f.path })),
    messages: findings.map((f) => f.message),
  }
}

describe('selectFactor by id', () => {
  it('finds the factor with that id, exactly, with no note', () => {
    expect(pick({ factorId: 'cn-2022', factorActivity: 'grid', geography: 'DE' })).toEqual({
      id: 'cn-2022',
      findings: [],
      messages: [],
    })
  })

  it('a missing id is FACTOR_NOT_FOUND at factorId', () => {
    const got = pick({ factorId: 'CN-2022' })
    expect(got.id).toBeUndefined()
    expect(got.findings).toEqual([
      { code: 'FACTOR_NOT_FOUND', severity: 'error', path: '/records/4/factorId' },
    ])
    expect(got.messages[0]).toMatch(/"Test factors" 1 has no factor with the id "CN-2022"/)
  })
})

describe('selectFactor by activity, geography and year', () => {
  const info = { code: 'FACTOR_SELECTED', severity: 'info', path: '/records/4/factorActivity' }

  it('the record’s own geography, the latest year not after the one its period ends in', () => {
    const got = pick({ factorActivity: 'grid', geography: 'CN', period: year(2025) })
    expect(got.id).toBe('cn-2023')
    expect(got.findings).toEqual([info])
    expect(got.messages[0]).toMatch(
      /Factor "cn-2023" .* geography CN \(the record's own geography\), reference year 2023 \(the latest not after 2025/,
    )
    expect(pick({ factorActivity: 'grid', geography: 'CN', period: year(2022) }).id).toBe('cn-2022')
    expect(pick({ factorActivity: 'grid', geography: 'CN', period: year(2026) }).id).toBe('cn-2026')
  })

  it('the end is exclusive: a period ending on 1 January ends in the year before', () => {
    const period = { start: '2022-07-01T00:00:00Z', end: '2023-01-01T00:00:00Z' }
    expect(pick({ factorActivity: 'grid', geography: 'CN', period }).id).toBe('cn-2022')
    const later = { start: '2022-07-01T00:00:00Z', end: '2023-01-01T00:00:01Z' }
    expect(pick({ factorActivity: 'grid', geography: 'CN', period: later }).id).toBe('cn-2023')
  })

  it('a subdivision falls back to its country, then to GLO', () => {
    expect(pick({ factorActivity: 'grid', geography: 'CN-JS', period: year(2025) }).id).toBe(
      'cn-js-2024',
    )
    const country = pick({ factorActivity: 'grid', geography: 'CN-GD', period: year(2025) })
    expect(country.id).toBe('cn-2023')
    expect(country.messages[0]).toMatch(
      /geography CN \(the country of CN-GD, which has no factor\)/,
    )
    const global = pick({ factorActivity: 'grid', geography: 'FR', period: year(2025) })
    expect(global.id).toBe('glo-2020')
    expect(global.findings).toEqual([info])
    expect(global.messages[0]).toMatch(/geography GLO \(global: no factor for FR\)/)
    expect(pick({ factorActivity: 'grid', period: year(2025) }).messages[0]).toMatch(
      /global: the record gives no geography/,
    )
  })

  it('only later years: the earliest of them, as a warning', () => {
    const got = pick({ factorActivity: 'grid', geography: 'DE', period: year(2025) })
    expect(got.id).toBe('de-2027')
    expect(got.findings).toEqual([{ ...info, severity: 'warning' }])
    expect(got.messages[0]).toMatch(/the earliest there is, later than 2025/)
    expect(pick({ factorActivity: 'grid', geography: 'CN', period: year(2019) }).id).toBe('cn-2022')
  })

  it('ties go to the smallest id, whatever the order of the set', () => {
    const got = pick({ factorActivity: 'grid', geography: 'SE', period: year(2025) })
    expect(got.id).toBe('se-2021-a')
    expect(got.messages[0]).toMatch(/2 factors share both, the first by id was taken/)
    const reversed = { ...set, factors: [...set.factors].reverse() }
    expect(
      selectFactor(reversed, { factorActivity: 'grid', geography: 'SE', period: year(2025) }, '')
        .factor?.id,
    ).toBe('se-2021-a')
  })

  it('no factor: FACTOR_NOT_FOUND listing what the set has', () => {
    const none = pick({ factorActivity: 'steel', geography: 'CN-JS', period: year(2019) })
    expect(none.id).toBe('steel')
    const unknown = pick({ factorActivity: 'aluminium', geography: 'CN', period: year(2025) })
    expect(unknown.findings).toEqual([{ ...info, code: 'FACTOR_NOT_FOUND', severity: 'error' }])
    expect(unknown.messages[0]).toMatch(
      /no factor for the activity "aluminium"; its activities are "grid", "steel"/,
    )
    const noGeography: EmissionFactorSet = {
      ...set,
      factors: set.factors.filter((f) => f.geography !== 'GLO'),
    }
    const { factor, findings } = selectFactor(
      noGeography,
      { factorActivity: 'grid', geography: 'FR', period: year(2025) },
      '/records/4',
    )
    expect(factor).toBeUndefined()
    expect(findings.map((f) => f.code)).toEqual(['FACTOR_NOT_FOUND'])
    expect(findings[0]?.message).toMatch(
      /no factor of the activity "grid" for FR, GLO; it has CN \(2022, 2023, 2026\), CN-JS \(2024\), DE \(2027\), SE \(2021\)/,
    )
  })

  it('no period end, or no way named: FACTOR_NOT_FOUND, never a guess', () => {
    const noEnd = pick({ factorActivity: 'grid', geography: 'CN' })
    expect(noEnd.findings.map((f) => f.code)).toEqual(['FACTOR_NOT_FOUND'])
    expect(noEnd.messages[0]).toMatch(/no end date-time/)
    expect(pick({}).findings).toEqual([
      { code: 'FACTOR_NOT_FOUND', severity: 'error', path: '/records/4' },
    ])
  })
})

describe('periodEndYear', () => {
  it.each([
    ['2026-01-01T00:00:00Z', 2025],
    ['2026-01-01T00:00:00.000+08:00', 2025],
    ['2026-01-01T00:00:00-05:00', 2025],
    ['2026-01-01T00:00:00.001Z', 2026],
    ['2025-12-31T23:59:59Z', 2025],
    ['2025-06-30T12:00:00+02:00', 2025],
  ])('%s ends in %i', (end, expected) => {
    expect(periodEndYear(end)).toBe(expected)
  })

  it.each([undefined, 2025, '2026-01-01', 'yesterday'])('%j has no year', (end) => {
    expect(periodEndYear(end)).toBeUndefined()
  })
})

describe('indexing', () => {
  it('an index and the set give the same answers', () => {
    const index = indexFactorSet(set)
    for (const geography of ['CN', 'CN-JS', 'CN-GD', 'FR', 'DE', 'SE']) {
      const record = { factorActivity: 'grid', geography, period: year(2025) }
      expect(selectFactor(index, record, '/r')).toEqual(selectFactor(set, record, '/r'))
    }
  })

  it('a set is indexed once; a changed factors list is indexed again', () => {
    const copy: EmissionFactorSet = { ...set, factors: [...set.factors] }
    const record = { factorActivity: 'grid', geography: 'IT', period: year(2025) }
    expect(selectFactor(copy, record, '').factor?.id).toBe('glo-2020')
    copy.factors.push(entry('it-2024', 'IT', 2024))
    expect(selectFactor(copy, record, '').factor?.id).toBe('it-2024')
  })

  it('skips junk in a set it was handed unchecked, and never throws', () => {
    const junk = {
      name: 1,
      factors: [
        null,
        'x',
        { id: 3 },
        { id: 'ok', activity: 'grid', geography: 'CN' },
        entry('a', 'CN', 2020),
      ],
    } as unknown as EmissionFactorSet
    expect(selectFactor(junk, { factorId: 'ok' }, '').factor?.id).toBe('ok')
    expect(
      selectFactor(junk, { factorActivity: 'grid', geography: 'CN', period: year(2025) }, '').factor
        ?.id,
    ).toBe('a')
    for (const bad of [null, undefined, 42, {}, { factors: 'no' }]) {
      expect(
        selectFactor(bad as unknown as EmissionFactorSet, { factorId: 'a' }, '').findings[0]?.code,
      ).toBe('FACTOR_NOT_FOUND')
    }
  })

  it('10,000 records against 10,000 factors: each selection a few map look-ups', () => {
    const factors: FactorSetEntry[] = []
    for (let i = 0; i < 10_000; i++) {
      factors.push(
        entry(
          `f${i}`,
          ['CN', 'DE', 'GLO', 'SE'][Math.floor(i / 500) % 4] as string,
          2000 + (i % 25),
          `a${i % 500}`,
        ),
      )
    }
    const big: EmissionFactorSet = { name: 'Big', version: '1', factors }
    const start = performance.now()
    for (let i = 0; i < 10_000; i++) {
      const { factor } = selectFactor(
        big,
        { factorActivity: `a${i % 500}`, geography: 'CN-JS', period: year(2025) },
        `/records/${i}`,
      )
      expect(factor).toBeDefined()
    }
    expect(performance.now() - start).toBeLessThan(3_000)
  })

  it('picks from the illustrative set as the examples do', () => {
    const illustrative = JSON.parse(
      readFileSync(new URL('../../factor-sets/illustrative.json', import.meta.url), 'utf8'),
    ) as EmissionFactorSet
    const at = (factorActivity: string, geography: string, y: number) =>
      selectFactor(illustrative, { factorActivity, geography, period: year(y) }, '').factor?.id
    expect(at('grid-electricity', 'CN-JS', 2025)).toBe('mee-nbs-2023-cn-national')
    expect(at('grid-electricity', 'CN', 2022)).toBe('mee-nbs-2022-cn-national')
    expect(at('grid-electricity', 'RER', 2025)).toBe('eea-2023-eu27')
    expect(at('steel', 'CN', 2025)).toBe('worldsteel-2020-steel-global')
    expect(at('sea-freight-container-ship-average', 'CN', 2025)).toBe(
      'desnz-2024-container-ship-average',
    )
  })
})
