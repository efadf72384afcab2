/**
 * The worked examples of examples/generate/: each folder's template, activity records (CSV) and
 * emission factors (CSV) reproduce examples/valid/<name>.json exactly, through `buildPassport`
 * and through `carbon-passport create`, given the example's issuer, id and validFrom.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildPassport } from '../../src/generate/build.js'
import { loadFactorSet } from '../../src/generate/factor-set.js'
import { parseActivityCsv } from '../../src/generate/records.js'
import { runCli } from '../helpers/cli.js'
import { validExample } from '../helpers/examples.js'
import { tempDir } from '../helpers/temp-dir.js'

const NAMES = ['nmc811-cathode-powder', 'pcba-access-controller'] as const
const dir = (name: string) => `examples/generate/${name}`
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
const out = tempDir('worked-example')

describe.each(NAMES)('examples/generate/%s', (name) => {
  const example = validExample(name)
  const issuer = example.doc.issuer as { id: string; name: string }

  it('buildPassport reproduces the valid example exactly', () => {
    const factors = loadFactorSet(read(`${dir(name)}/factors.csv`), { format: 'csv' })
    expect(factors.findings).toEqual([])
    const activity = parseActivityCsv(read(`${dir(name)}/records.csv`))
    expect(activity.findings).toEqual([])
    const result = buildPassport(JSON.parse(read(`${dir(name)}/product.json`)), activity.records, {
      issuer,
      id: example.doc.id as string,
      validFrom: new Date(example.doc.validFrom as string),
      ...(factors.set ? { factors: factors.set } : {}),
      profiles: ['pact-v3'],
    })
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 1))
    expect(result.passport.credentialSubject).toStrictEqual(example.doc.credentialSubject)
    expect(result.passport).toStrictEqual(example.doc)
    // Every assumption is a note; nothing is an error.
    expect(result.notes.every((n) => n.severity !== 'error')).toBe(true)
    expect(result.findings.every((f) => f.severity !== 'error')).toBe(true)
  })

  it('carbon-passport create reproduces it too, exits 0 and prints the summary', () => {
    const file = join(out, `${name}.json`)
    const run = runCli([
      'create',
      '--product',
      `${dir(name)}/product.json`,
      '--activity',
      `${dir(name)}/records.csv`,
      '--factors',
      `${dir(name)}/factors.csv`,
      '--factors-format',
      'csv',
      '--profile',
      'pact-v3',
      '--issuer',
      issuer.id,
      '--issuer-name',
      issuer.name,
      '--id',
      example.doc.id as string,
      '--valid-from',
      example.doc.validFrom as string,
      '-o',
      file,
    ])
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toStrictEqual(example.doc)
    const footprint = (example.doc.credentialSubject as { footprint: Record<string, unknown> })
      .footprint
    expect(run.stderr).toContain(
      `PCF (cradle-to-gate): ${footprint.pcfExcludingBiogenicUptake} kgCO2e per 1 ${footprint.declaredUnitOfMeasurement}`,
    )
    expect(run.stderr).toMatch(/^ {2}scope 3 category 1 +\S+$/m)
    expect(run.stderr).toContain(`Primary data share: ${footprint.primaryDataShare} %`)
    expect(run.stderr).toMatch(/Conformance: (PASS|WARN) \(core, pact-v3\)/)
  })
})

describe('what the worked examples show', () => {
  it('the cathode lot totals are scaled to the declared kilogram (RECORD_SCALED)', () => {
    const activity = parseActivityCsv(read(`${dir('nmc811-cathode-powder')}/records.csv`))
    expect(activity.records.every((r) => r.producedAmount === '1000')).toBe(true)
    const run = runCli([
      'create',
      '--product',
      `${dir('nmc811-cathode-powder')}/product.json`,
      '--activity',
      `${dir('nmc811-cathode-powder')}/records.csv`,
      '--factors',
      `${dir('nmc811-cathode-powder')}/factors.csv`,
    ])
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(
      /\/records\/0\/quantity +RECORD_SCALED +info +954 KGM for 1000 declared units, scaled to 0\.954/,
    )
    // The issuer defaults to the product's manufacturer.
    expect(JSON.parse(run.stdout).issuer).toEqual(validExample('nmc811-cathode-powder').doc.issuer)
  })

  it('factors are picked by id and by activity and geography, both in each example', () => {
    for (const name of NAMES) {
      const records = parseActivityCsv(read(`${dir(name)}/records.csv`)).records
      expect(records.some((r) => r.factorId !== undefined)).toBe(true)
      expect(records.some((r) => r.factorActivity !== undefined)).toBe(true)
      const set = loadFactorSet(read(`${dir(name)}/factors.csv`), { format: 'csv' }).set
      // The set holds exactly the factors the example uses.
      const lines = (validExample(name).doc.credentialSubject as { activityData: unknown[] })
        .activityData as { emissionFactor: unknown }[]
      const used = new Set(lines.map((l) => JSON.stringify(l.emissionFactor)))
      const given = set?.factors.map(({ id: _i, activity: _a, ...f }) => JSON.stringify(f)) ?? []
      expect(new Set(given)).toEqual(used)
      expect(given.length).toBe(used.size)
    }
  })
})
