/**
 * parseActivityCsv: the documented columns, each value checked at `/<row>/<column>`, rows that
 * cannot be read reported (never skipped), the caps, and a property: it never throws.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_CSV_BYTES } from '../../src/generate/csv.js'
import {
  ACTIVITY_CSV_COLUMNS,
  parseActivityCsv,
  REQUIRED_ACTIVITY_CSV_COLUMNS,
} from '../../src/generate/records.js'
import { fuzzRuns } from '../helpers/fuzz.js'

const where = (findings: { code: string; path: string }[]) =>
  findings.map((f) => ({ code: f.code, path: f.path }))

/** A CSV of these columns and rows (each row a map of column to cell, quoted as needed). */
function csv(rows: Record<string, string>[], columns?: string[]): string {
  const names = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))]
  const cell = (v: string | undefined) =>
    v === undefined ? '' : /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v
  return `${[names.join(','), ...rows.map((r) => names.map((n) => cell(r[n])).join(','))].join('\n')}\n`
}

const base = {
  activity: 'Kiln electricity',
  activity_type: 'energy',
  quantity: '12.5',
  unit: 'KWH',
  granularity: 'site',
  period_start: '2025-01-01T00:00:00Z',
  period_end: '2026-01-01T00:00:00Z',
  temporal_resolution: 'P1Y',
  lifecycle_stage: 'main-production',
  scope: '2',
  factor_activity: 'grid-electricity-cn-central',
  geography: 'CN',
  electricity_basis: 'location',
}

const record = {
  activity: 'Kiln electricity',
  activityType: 'energy',
  quantity: '12.5',
  unit: 'KWH',
  granularity: 'site',
  period: { start: '2025-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
  temporalResolution: 'P1Y',
  lifecycleStage: 'main-production',
  scope: 2,
  factorActivity: 'grid-electricity-cn-central',
  geography: 'CN',
  electricity: { basis: 'location' },
}

describe('parseActivityCsv', () => {
  it('reads a record, with the documented columns', () => {
    expect(ACTIVITY_CSV_COLUMNS).toEqual(expect.arrayContaining([...REQUIRED_ACTIVITY_CSV_COLUMNS]))
    const { records, findings } = parseActivityCsv(csv([base]))
    expect(findings).toEqual([])
    expect(records).toEqual([record])
  })

  it('reads every column: ids, amounts, categories, lines, electricity, an inline factor', () => {
    const full = {
      ...base,
      id: 'urn:uuid:6f1c1f52-1d0b-4a55-9f0e-2d9c0b8a7e11',
      activity: 'Cathode active material, NMC811',
      activity_type: 'material',
      quantity: '850',
      unit: 'KGM',
      produced_amount: '1000',
      granularity: 'batch',
      period_start: '2025-11-01',
      period_end: '2025-12-01',
      temporal_resolution: 'P1M',
      lifecycle_stage: 'raw-material-acquisition',
      scope: '3',
      scope3_category: '1',
      factor_activity: '',
      geography: 'CN-HN',
      line_kind: 'emission',
      upstream_passport: 'urn:uuid:1b0f3c52-6a4e-4b8e-9d0a-3f5b7e2c9a41',
      electricity_basis: '',
      comment: 'A "quoted" comment, with a comma',
      factor_value: '8.4',
      factor_unit: 'kgCO2e/KGM',
      factor_source_name: 'Supplier PCF (PACT v3)',
      factor_source_version: '3.0',
      factor_dataset_id: 'urn:uuid:1b0f3c52-6a4e-4b8e-9d0a-3f5b7e2c9a41',
      factor_provenance: 'supplier-specific',
      factor_geography: 'CN',
      factor_reference_year: '2025',
      factor_gases_covered: 'CO2e',
      factor_life_cycle_scope: 'upstream-cradle-to-gate',
      factor_gwp_set: 'AR6',
    }
    const market = {
      ...base,
      electricity_basis: 'market',
      electricity_instrument: 'guarantee-of-origin',
      electricity_instrument_id: 'GO-2025-001',
      line_kind: 'credit',
      credit_type: 'recycling',
      factor_activity: '',
      factor_id: 'cn-central-2023',
    }
    const removal = { ...base, line_kind: 'removal', removal_type: 'technological-removal' }
    const { records, findings } = parseActivityCsv(csv([full, market, removal]))
    expect(findings).toEqual([])
    expect(records[0]).toEqual({
      id: full.id,
      activity: full.activity,
      activityType: 'material',
      quantity: '850',
      unit: 'KGM',
      producedAmount: '1000',
      granularity: 'batch',
      period: { start: '2025-11-01T00:00:00Z', end: '2025-12-01T00:00:00Z' },
      temporalResolution: 'P1M',
      lifecycleStage: 'raw-material-acquisition',
      scope: 3,
      scope3Category: 1,
      geography: 'CN-HN',
      lineKind: 'emission',
      upstreamPassport: full.upstream_passport,
      comment: full.comment,
      emissionFactor: {
        value: '8.4',
        unit: 'kgCO2e/KGM',
        source: {
          name: 'Supplier PCF (PACT v3)',
          version: '3.0',
          datasetId: full.factor_dataset_id,
        },
        provenance: 'supplier-specific',
        geography: 'CN',
        referenceYear: 2025,
        gasesCovered: 'CO2e',
        lifeCycleScope: 'upstream-cradle-to-gate',
        gwpSet: 'AR6',
      },
    })
    expect(records[1]).toMatchObject({
      factorId: 'cn-central-2023',
      lineKind: 'credit',
      creditType: 'recycling',
      electricity: {
        basis: 'market',
        instrument: 'guarantee-of-origin',
        instrumentId: 'GO-2025-001',
      },
    })
    expect(records[1]).not.toHaveProperty('factorActivity')
    expect(records[2]).toMatchObject({ lineKind: 'removal', removalType: 'technological-removal' })
  })

  it('reads quoted fields with commas and line breaks, a BOM, CRLF line ends', () => {
    const text = csv([{ ...base, activity: 'Kiln, "roller hearth"\nline 2' }]).replaceAll(
      '\n',
      '\r\n',
    )
    const { records, findings } = parseActivityCsv(`\uFEFF${text}`)
    expect(findings).toEqual([])
    expect(records[0]?.activity).toBe('Kiln, "roller hearth"\r\nline 2')
  })

  it('an empty file, a missing column: CSV_INVALID at the file', () => {
    for (const text of ['', '\r\n', '\uFEFF']) {
      expect(where(parseActivityCsv(text).findings)).toEqual([{ code: 'CSV_INVALID', path: '' }])
    }
    const { quantity: _, ...noQuantity } = base
    const missing = parseActivityCsv(csv([noQuantity]))
    expect(where(missing.findings)).toEqual([{ code: 'CSV_INVALID', path: '' }])
    expect(missing.findings[0]?.message).toMatch(/lacks the required column quantity/)
    expect(missing.records).toEqual([])
    expect(parseActivityCsv(csv([], Object.keys(base)))).toEqual({ records: [], findings: [] })
  })

  it('each wrong value is a CSV_INVALID at its row and column, and no record is returned', () => {
    const rows = [
      base,
      { ...base, quantity: '1,5' },
      { ...base, quantity: '1e3', unit: 'kilo watt hour' },
      { ...base, activity_type: 'electricity', granularity: 'plant' },
      { ...base, period_start: '2025-13-01', period_end: '2025-01-01T00:00:00' },
      { ...base, period_end: '2024-06-01' },
      { ...base, temporal_resolution: '1Y', lifecycle_stage: 'production', scope: '4' },
      { ...base, scope3_category: '4' },
      { ...base, scope: '3', scope3_category: '16' },
      { ...base, geography: 'C1', produced_amount: '0' },
      { ...base, factor_activity: '' },
      { ...base, factor_id: 'x' },
      { ...base, electricity_basis: '', electricity_instrument: 'i-rec' },
      { ...base, id: 'not an iri', upstream_passport: 'x', line_kind: 'offset' },
      { ...base, factor_activity: '', factor_value: 'abc', factor_unit: 'KWH' },
    ]
    const { records, findings } = parseActivityCsv(csv(rows))
    expect(records).toEqual([])
    expect(findings.every((f) => f.code === 'CSV_INVALID' && f.severity === 'error')).toBe(true)
    expect(findings.map((f) => f.path)).toEqual([
      '/1/quantity',
      '/2/quantity',
      '/2/unit',
      '/3/activity_type',
      '/3/granularity',
      '/4/period_start',
      '/4/period_end',
      '/5/period_end',
      '/6/temporal_resolution',
      '/6/lifecycle_stage',
      '/6/scope',
      '/7/scope3_category',
      '/8/scope3_category',
      '/9/produced_amount',
      '/9/geography',
      '/10/factor_id',
      '/11/factor_activity',
      '/12/electricity_basis',
      '/13/line_kind',
      '/13/id',
      '/13/upstream_passport',
      '/14/factor_source_name',
      '/14/factor_provenance',
      '/14/factor_geography',
      '/14/factor_reference_year',
      '/14/factor_value',
      '/14/factor_unit',
    ])
    expect(findings[0]?.message).toBe('quantity: "1,5" has a decimal comma: use a point (line 3).')
    expect(findings.find((f) => f.path === '/10/factor_id')?.message).toMatch(
      /names no emission factor/,
    )
    expect(findings.find((f) => f.path === '/14/factor_source_name')?.message).toMatch(
      /the cell is empty; it is required/,
    )
  })

  it('a row that cannot be read is reported at its row, never skipped', () => {
    const good = csv([base, base])
    const lines = good.split('\n')
    lines.splice(2, 0, 'just,three,cells')
    const { records, findings } = parseActivityCsv(lines.join('\n'))
    expect(records).toEqual([])
    expect(where(findings)).toEqual([{ code: 'CSV_INVALID', path: '/1' }])
    const unclosed = parseActivityCsv(`${good}"unclosed,quote\n`)
    expect(where(unclosed.findings)).toEqual([{ code: 'CSV_INVALID', path: '/2' }])
  })

  it('bounds the work: text past MAX_CSV_BYTES, not text at all', () => {
    const huge = parseActivityCsv(`${csv([base])}${'x'.repeat(MAX_CSV_BYTES)}`)
    expect(where(huge.findings)).toEqual([{ code: 'CSV_INVALID', path: '' }])
    expect(where(parseActivityCsv(undefined as unknown as string).findings)).toEqual([
      { code: 'CSV_INVALID', path: '' },
    ])
    expect(where(parseActivityCsv('a\ud800,b\n').findings)).toEqual([
      { code: 'CSV_INVALID', path: '' },
    ])
  })

  it('reads 10,000 records quickly (linear work)', () => {
    const text = csv(Array.from({ length: 10_000 }, () => base))
    const start = performance.now()
    const { records, findings } = parseActivityCsv(text)
    expect(findings).toEqual([])
    expect(records).toHaveLength(10_000)
    expect(performance.now() - start).toBeLessThan(5_000)
  })

  it('never throws, whatever the text', () => {
    const header = Object.keys(base).join(',')
    const row = Object.values(base).join(',')
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc
            .array(
              fc.constantFrom(header, row, '"', ',', '\r\n', '\n', '\uFEFF', 'x', '""', '1e3'),
              {
                maxLength: 12,
              },
            )
            .map((parts) => parts.join('')),
        ),
        (text) => {
          const { records, findings } = parseActivityCsv(text)
          if (findings.length > 0) expect(records).toEqual([])
        },
      ),
      { numRuns: fuzzRuns(300) },
    )
  })
})
