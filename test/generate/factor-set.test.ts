/**
 * loadFactorSet and factorSetToCsv: JSON and CSV sets, each problem at its code and pointer, the
 * caps, the shipped illustrative set (each value as an example or the research notes give it),
 * and properties: loading never throws, and a set written as CSV loads back equal.
 */
import { existsSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_CSV_BYTES, MAX_CSV_ROWS } from '../../src/generate/csv.js'
import {
  DEFAULT_CSV_SET_NAME,
  DEFAULT_CSV_SET_VERSION,
  FACTOR_SET_CSV_COLUMNS,
  factorSetToCsv,
  loadFactorSet,
  MAX_FACTOR_SET_BYTES,
} from '../../src/generate/factor-set.js'
import type { EmissionFactorSet, FactorSetEntry } from '../../src/generate/types.js'
import {
  EMISSION_FACTOR_PROVENANCES,
  FACTOR_LIFE_CYCLE_SCOPES,
  GASES_COVERED,
  GWP_SETS,
} from '../../src/model/enums.js'
import { schemaDocuments, schemaErrors, schemaIds } from '../../src/schema/registry.js'
import { validExamples } from '../helpers/examples.js'
import { fuzzRuns } from '../helpers/fuzz.js'

const factor = (over: Partial<FactorSetEntry> = {}): FactorSetEntry => ({
  id: 'cn-grid-2023',
  activity: 'grid-electricity',
  value: '0.5306',
  unit: 'kgCO2e/KWH',
  source: { name: 'MEE/NBS electricity CO2 emission factors (China)', version: '2023' },
  provenance: 'secondary',
  geography: 'CN',
  referenceYear: 2023,
  gasesCovered: 'CO2',
  lifeCycleScope: 'combustion',
  ...over,
})

const aSet = (factors: FactorSetEntry[] = [factor()]): EmissionFactorSet => ({
  name: 'Test factors',
  version: '1',
  factors,
})

const HEADER = FACTOR_SET_CSV_COLUMNS.join(',')
const ROW =
  'cn-grid-2023,grid-electricity,0.5306,kgCO2e/KWH,MEE/NBS electricity CO2 emission factors (China),2023,,secondary,CN,2023,CO2,combustion,'

/** The code and path of each finding. */
const where = (findings: { code: string; path: string }[]) =>
  findings.map((f) => ({ code: f.code, path: f.path }))

describe('emission-factor-set.schema.json', () => {
  const setSchema = schemaDocuments.get(schemaIds.emissionFactorSet) as {
    $defs: { factor: { properties: Record<string, unknown>; required: string[] } }
  }
  const factorSchema = schemaDocuments.get(schemaIds.emissionFactor) as {
    properties: Record<string, unknown>
    required: string[]
  }

  it('has every emission-factor property, by $ref, plus id and activity', () => {
    const entry = setSchema.$defs.factor
    expect(Object.keys(entry.properties).sort()).toEqual(
      ['id', 'activity', ...Object.keys(factorSchema.properties)].sort(),
    )
    for (const name of Object.keys(factorSchema.properties)) {
      expect(entry.properties[name]).toEqual({
        $ref: `emission-factor.schema.json#/properties/${name}`,
      })
    }
    expect([...entry.required].sort()).toEqual(['id', 'activity', ...factorSchema.required].sort())
  })

  it('the CSV columns cover every property of a factor', () => {
    expect(FACTOR_SET_CSV_COLUMNS).toEqual([
      'id',
      'activity',
      'value',
      'unit',
      'source_name',
      'source_version',
      'dataset_id',
      'provenance',
      'geography',
      'reference_year',
      'gases_covered',
      'life_cycle_scope',
      'gwp_set',
    ])
  })

  it('accepts a set and refuses a factor without its id', () => {
    expect(schemaErrors(schemaIds.emissionFactorSet, aSet())).toEqual([])
    const { id: _, ...noId } = factor()
    expect(
      schemaErrors(schemaIds.emissionFactorSet, { ...aSet(), factors: [noId] }).map(
        (e) => e.params,
      ),
    ).toEqual([{ missingProperty: 'id' }])
  })
})

describe('loadFactorSet: JSON', () => {
  it('loads an object, a copy of it', () => {
    const input = aSet()
    const { set, findings } = loadFactorSet(input)
    expect(findings).toEqual([])
    expect(set).toEqual(input)
    expect(set).not.toBe(input)
  })

  it('loads JSON text, with or without a byte-order mark', () => {
    const text = JSON.stringify(aSet())
    expect(loadFactorSet(text).set).toEqual(aSet())
    expect(loadFactorSet(`\uFEFF${text}`).set).toEqual(aSet())
    expect(loadFactorSet(`  \n${text}`, { format: 'json' }).set).toEqual(aSet())
  })

  it('gives one FACTOR_SET_INVALID per schema error, at its pointer', () => {
    const bad = aSet([
      factor(),
      factor({ id: 'two', value: '1e3', provenance: 'guessed' as 'primary' }),
    ]) as unknown as Record<string, unknown>
    delete bad.name
    ;(bad.factors as Record<string, unknown>[])[0] = { ...factor(), color: 'red' }
    const { set, findings } = loadFactorSet(bad)
    expect(set).toBeUndefined()
    expect(where(findings)).toEqual(
      expect.arrayContaining([
        { code: 'FACTOR_SET_INVALID', path: '/name' },
        { code: 'FACTOR_SET_INVALID', path: '/factors/0/color' },
        { code: 'FACTOR_SET_INVALID', path: '/factors/1/value' },
        { code: 'FACTOR_SET_INVALID', path: '/factors/1/provenance' },
      ]),
    )
    expect(findings).toHaveLength(4)
    const value = findings.find((f) => f.path === '/factors/1/value')
    expect(value?.message).toMatch(/"1e3" is in exponent notation/)
    expect(findings.every((f) => f.severity === 'error')).toBe(true)
  })

  it('refuses a repeated id at the later factor', () => {
    const { set, findings } = loadFactorSet(aSet([factor(), factor({ referenceYear: 2022 })]))
    expect(set).toBeUndefined()
    expect(where(findings)).toEqual([{ code: 'FACTOR_SET_INVALID', path: '/factors/1/id' }])
    expect(findings[0]?.message).toMatch(/"cn-grid-2023" is already factor 0's/)
  })

  it('refuses an empty factor list, text that is not JSON, a repeated member and non-objects', () => {
    expect(where(loadFactorSet(aSet([])).findings)).toEqual([
      { code: 'FACTOR_SET_INVALID', path: '/factors' },
    ])
    expect(where(loadFactorSet('{"name": ', { format: 'json' }).findings)).toEqual([
      { code: 'FACTOR_SET_INVALID', path: '' },
    ])
    const repeated = '{"name":"a","name":"b","version":"1","factors":[]}'
    expect(where(loadFactorSet(repeated).findings)).toEqual([
      { code: 'FACTOR_SET_INVALID', path: '/name' },
    ])
    for (const input of [null, 42, [aSet()], undefined, true]) {
      expect(where(loadFactorSet(input).findings)).toEqual([
        { code: 'FACTOR_SET_INVALID', path: '' },
      ])
    }
  })

  it('refuses input past the byte and depth caps, and hostile objects, without throwing', () => {
    const big = aSet([factor({ id: 'x'.repeat(MAX_FACTOR_SET_BYTES) })])
    const tooLarge = loadFactorSet(big).findings
    expect(where(tooLarge)).toEqual([{ code: 'FACTOR_SET_INVALID', path: '' }])
    expect(tooLarge[0]?.expected).toBe(String(MAX_FACTOR_SET_BYTES))
    expect(where(loadFactorSet(JSON.stringify(big)).findings)).toEqual([
      { code: 'FACTOR_SET_INVALID', path: '' },
    ])
    let deep: unknown = {}
    for (let i = 0; i < 100; i++) deep = { a: deep }
    expect(where(loadFactorSet({ ...aSet(), description: deep }).findings)).toEqual([
      { code: 'FACTOR_SET_INVALID', path: '' },
    ])
    const cyclic: Record<string, unknown> = aSet() as unknown as Record<string, unknown>
    cyclic.self = cyclic
    expect(where(loadFactorSet(cyclic).findings)).toEqual([
      { code: 'FACTOR_SET_INVALID', path: '' },
    ])
    const hostile = {
      get name(): string {
        throw new Error('boom')
      },
    }
    expect(where(loadFactorSet(hostile).findings)).toEqual([
      { code: 'FACTOR_SET_INVALID', path: '' },
    ])
    expect(where(loadFactorSet(aSet(), { format: 'xml' as 'csv' }).findings)).toEqual([
      { code: 'FACTOR_SET_INVALID', path: '' },
    ])
    expect(where(loadFactorSet(aSet(), { name: '' }).findings)).toEqual([
      { code: 'FACTOR_SET_INVALID', path: '' },
    ])
  })
})

describe('loadFactorSet: CSV', () => {
  const load = (text: string) => loadFactorSet(text, { format: 'csv', name: 'T', version: '1' })

  it('loads a set, named by the options or by default', () => {
    const { set, findings } = load(`${HEADER}\n${ROW}\n`)
    expect(findings).toEqual([])
    expect(set).toEqual({ ...aSet(), name: 'T' })
    const unnamed = loadFactorSet(`${HEADER}\n${ROW}\n`).set
    expect(unnamed?.name).toBe(DEFAULT_CSV_SET_NAME)
    expect(unnamed?.version).toBe(DEFAULT_CSV_SET_VERSION)
  })

  it('reads quoted fields with commas, quotes and line breaks, a BOM and CRLF line ends', () => {
    const row = ROW.replace(
      ',2023,,secondary',
      ',2023,"East China grid, ""location-based""\r\nsecond line",secondary',
    )
    const { set, findings } = load(`\uFEFF${HEADER}\r\n${row}\r\n`)
    expect(findings).toEqual([])
    expect(set?.factors[0]?.source.datasetId).toBe(
      'East China grid, "location-based"\r\nsecond line',
    )
    expect(set?.factors[0]?.id).toBe('cn-grid-2023')
  })

  it('takes the header in any order and any case, and skips blank lines', () => {
    const columns = [...FACTOR_SET_CSV_COLUMNS].reverse()
    const cells = ROW.split(',').reverse()
    const text = `${columns.map((c) => c.toUpperCase()).join(',')}\n\n${cells.join(',')}\n\n`
    expect(load(text).set).toEqual({ ...aSet(), name: 'T' })
  })

  it('an empty file, a header without rows: CSV_INVALID at the file', () => {
    for (const text of ['', '\uFEFF', '\n\n  \r\n']) {
      const { set, findings } = load(text)
      expect(set).toBeUndefined()
      expect(where(findings)).toEqual([{ code: 'CSV_INVALID', path: '' }])
      expect(findings[0]?.message).toMatch(/empty/)
    }
    expect(where(load(`${HEADER}\n`).findings)).toEqual([{ code: 'CSV_INVALID', path: '' }])
  })

  it('a missing, unknown or repeated column: CSV_INVALID at the file, naming it', () => {
    const noUnit = load(
      `${HEADER.replace(',unit,', ',')}\n${ROW.replace(',kgCO2e/KWH,', ',')}\n`,
    ).findings
    expect(where(noUnit)).toEqual([{ code: 'CSV_INVALID', path: '' }])
    expect(noUnit[0]?.message).toMatch(/lacks the required column unit/)
    const unknown = load(`${HEADER},colour\n${ROW},red\n`).findings
    expect(unknown[0]?.message).toMatch(/unknown column "colour"/)
    const twice = load(`${HEADER},id\n${ROW},x\n`).findings
    expect(twice[0]?.message).toMatch(/"id" twice/)
    const semicolons = load(`${HEADER.replaceAll(',', ';')}\n${ROW.replaceAll(',', ';')}\n`)
    expect(semicolons.findings[0]?.message).toMatch(/";" between fields/)
  })

  it('a bad decimal, an empty required cell, a bad year, a bad enum: CSV_INVALID at the cell', () => {
    const rows = [
      ROW.replace(',0.5306,', ',"0,5306",'),
      ROW.replace('cn-grid-2023', 'b').replace(',0.5306,', ',1e-3,'),
      ROW.replace('cn-grid-2023', 'c').replace(',secondary,', ',,'),
      ROW.replace('cn-grid-2023', 'd').replace(',CN,2023,', ',CN,2023.5,'),
      ROW.replace('cn-grid-2023', 'e').replace(',CO2,', ',N2O,'),
      ROW.replace('cn-grid-2023', 'f').replace('kgCO2e/KWH', 'KWH'),
    ]
    const { set, findings } = load(`${HEADER}\n${rows.join('\n')}\n`)
    expect(set).toBeUndefined()
    // The reference year is read first, the other cells by the schema after.
    expect(where(findings)).toEqual([
      { code: 'CSV_INVALID', path: '/3/reference_year' },
      { code: 'CSV_INVALID', path: '/0/value' },
      { code: 'CSV_INVALID', path: '/1/value' },
      { code: 'CSV_INVALID', path: '/2/provenance' },
      { code: 'CSV_INVALID', path: '/4/gases_covered' },
      { code: 'CSV_INVALID', path: '/5/unit' },
    ])
    expect(findings[2]?.message).toMatch(/exponent/)
    expect(findings[3]?.message).toMatch(/provenance: the cell is empty; it is required \(line 4\)/)
  })

  it('a row with another number of fields, or a quote not closed: CSV_INVALID at the row', () => {
    const short = load(`${HEADER}\n${ROW}\nonly,three,fields\n${ROW.replace('cn-', 'x-')}\n`)
    expect(where(short.findings)).toEqual([{ code: 'CSV_INVALID', path: '/1' }])
    expect(short.findings[0]?.message).toMatch(/another number of fields.*line 3/)
    const open = load(`${HEADER}\n${ROW}\n${ROW.replace('cn-grid-2023', '"open')}\n`)
    expect(where(open.findings)).toEqual([{ code: 'CSV_INVALID', path: '/1' }])
    const stray = load(`${HEADER}\n${ROW.replace('cn-grid-2023', 'a"b')}\n`)
    expect(where(stray.findings)).toEqual([{ code: 'CSV_INVALID', path: '/0' }])
  })

  it('a repeated id: FACTOR_SET_INVALID at the later row', () => {
    const { set, findings } = load(`${HEADER}\n${ROW}\n${ROW.replace(',CN,2023,', ',CN,2022,')}\n`)
    expect(set).toBeUndefined()
    expect(where(findings)).toEqual([{ code: 'FACTOR_SET_INVALID', path: '/1/id' }])
  })

  it('bounds the work: more than MAX_CSV_ROWS rows, more than MAX_CSV_BYTES, not text', () => {
    const rows = Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => ROW.replace('cn-grid', `${i}`))
    const many = load(`${HEADER}\n${rows.join('\n')}\n`)
    expect(where(many.findings)).toEqual([{ code: 'CSV_INVALID', path: '' }])
    expect(many.findings[0]?.message).toMatch(/more than 10000 rows/)
    const atCap = load(`${HEADER}\n${rows.slice(1).join('\n')}\n`)
    expect(atCap.findings).toEqual([])
    expect(atCap.set?.factors).toHaveLength(MAX_CSV_ROWS)
    const huge = load(`${HEADER}\n${ROW},${'x'.repeat(MAX_CSV_BYTES)}\n`)
    expect(where(huge.findings)).toEqual([{ code: 'CSV_INVALID', path: '' }])
    expect(where(loadFactorSet(42, { format: 'csv' }).findings)).toEqual([
      { code: 'CSV_INVALID', path: '' },
    ])
  })

  it('stops listing after 100 problems', () => {
    const rows = Array.from({ length: 300 }, (_, i) =>
      ROW.replace('cn-grid', `${i}`).replace('0.5306', 'x'),
    )
    const { findings } = load(`${HEADER}\n${rows.join('\n')}\n`)
    expect(findings).toHaveLength(101)
    expect(findings.at(-1)?.message).toMatch(/More than 100 problems/)
  })
})

// ---------------------------------------------------------------------------------------------
// The illustrative set

const illustrative = JSON.parse(
  readFileSync(new URL('../../factor-sets/illustrative.json', import.meta.url), 'utf8'),
) as EmissionFactorSet

/** Every emission factor of the valid examples, as canonical JSON (keys sorted). */
function exampleFactors(): Set<string> {
  const found = new Set<string>()
  const walk = (value: unknown) => {
    if (value === null || typeof value !== 'object') return
    const object = value as Record<string, unknown>
    if (object.emissionFactor) found.add(canonical(object.emissionFactor))
    for (const child of Object.values(object)) walk(child)
  }
  for (const example of validExamples()) walk(example.doc)
  return found
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  )

const research = new URL('../../../shared/research/reference-numbers.md', import.meta.url)

describe('factor-sets/illustrative.json', () => {
  it('loads without a finding, through JSON and through its CSV form', () => {
    const { set, findings } = loadFactorSet(illustrative)
    expect(findings).toEqual([])
    expect(set?.factors.length).toBeGreaterThanOrEqual(15)
    const csv = loadFactorSet(factorSetToCsv(illustrative), {
      format: 'csv',
      name: illustrative.name,
      version: illustrative.version,
    })
    expect(csv.set?.factors).toEqual(illustrative.factors)
  })

  it('says it is an illustration and holds no ecoinvent (or other licensed database) value', () => {
    expect(illustrative.description).toMatch(/bring your own licensed database/)
    for (const f of illustrative.factors) {
      expect(`${f.source.name} ${f.source.datasetId ?? ''}`).not.toMatch(/ecoinvent|gabi|sphera/i)
    }
  })

  it('each factor is, value and metadata, one an example uses, or a value of reference-numbers.md', () => {
    const used = exampleFactors()
    const notes = existsSync(research) ? readFileSync(research, 'utf8') : undefined
    const missing: string[] = []
    let fromNotes = 0
    for (const { id, activity: _activity, ...emissionFactor } of illustrative.factors) {
      if (used.has(canonical(emissionFactor))) continue
      fromNotes++
      // CI has ../shared beside the checkout; without it the few research-only values are unchecked.
      if (notes !== undefined && !notes.includes(emissionFactor.value)) missing.push(id)
    }
    expect(missing).toEqual([])
    // Most factors are the examples' own: only the other years and grids come from the notes.
    expect(fromNotes).toBeLessThanOrEqual(7)
  })
})

// ---------------------------------------------------------------------------------------------
// Properties

const key = fc
  .string({ minLength: 1, maxLength: 12, unit: 'grapheme-ascii' })
  .filter((s) => /^\S(.*\S)?$/.test(s))
const text = fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' })
const decimal = fc
  .tuple(fc.boolean(), fc.nat({ max: 10_000_000 }), fc.option(fc.nat({ max: 99_999 })))
  .map(
    ([negative, int, frac]) =>
      `${negative && (int > 0 || frac) ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}`,
  )
  .filter((d) => /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(d) && d !== '-0')

const entry: fc.Arbitrary<FactorSetEntry> = fc.record(
  {
    id: key,
    activity: key,
    value: decimal,
    unit: fc.constantFrom('kgCO2e/KWH', 'kgCO2e/KGM', 'kgCO2e/TKM'),
    source: fc.record({ name: text, version: text, datasetId: text }, { requiredKeys: ['name'] }),
    provenance: fc.constantFrom(...EMISSION_FACTOR_PROVENANCES),
    geography: fc.constantFrom('CN', 'CN-JS', 'GLO', 'RER', 'DE', 'Rest of World'),
    referenceYear: fc.integer({ min: 1990, max: 2100 }),
    gasesCovered: fc.constantFrom(...GASES_COVERED),
    lifeCycleScope: fc.constantFrom(...FACTOR_LIFE_CYCLE_SCOPES),
    gwpSet: fc.constantFrom(...GWP_SETS),
  },
  {
    requiredKeys: [
      'id',
      'activity',
      'value',
      'unit',
      'source',
      'provenance',
      'geography',
      'referenceYear',
    ],
  },
)

describe('properties', () => {
  it('loading never throws, whatever the text, in either format', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc
            .array(fc.constantFrom(HEADER, ROW, '"', ',', '\r\n', '\n', '\uFEFF', 'x', '""', ' '), {
              maxLength: 12,
            })
            .map((parts) => parts.join('')),
        ),
        fc.constantFrom(undefined, 'csv' as const, 'json' as const),
        (input, format) => {
          const result = loadFactorSet(input, format === undefined ? {} : { format })
          expect(Array.isArray(result.findings)).toBe(true)
          expect(result.set === undefined).toBe(result.findings.some((f) => f.severity === 'error'))
        },
      ),
      { numRuns: fuzzRuns(300) },
    )
  })

  it('loading never throws, whatever the value', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(Array.isArray(loadFactorSet(input).findings)).toBe(true)
      }),
      { numRuns: fuzzRuns(200) },
    )
  })

  it('a set written as CSV loads back as the same set', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(entry, { minLength: 1, maxLength: 8, selector: (f) => f.id }),
        (factors) => {
          const set = aSet(factors)
          expect(loadFactorSet(set).findings).toEqual([])
          const back = loadFactorSet(factorSetToCsv(set), {
            format: 'csv',
            name: set.name,
            version: set.version,
          })
          expect(back.findings).toEqual([])
          expect(back.set).toEqual(set)
        },
      ),
      { numRuns: fuzzRuns(200) },
    )
  })
})
