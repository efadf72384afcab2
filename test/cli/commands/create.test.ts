/**
 * `carbon-passport create` in generation mode (--product, --activity, --factors, --upstream): the
 * passport and the summary when it conforms (exit 0), the findings table when the data does not
 * make one (exit 1), usage errors (exit 2). The subject mode is covered in test/cli/create-inspect.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/cli.js'
import { tempDir } from '../../helpers/temp-dir.js'

const CATHODE = 'examples/generate/nmc811-cathode-powder'
const PCBA = 'examples/generate/pcba-access-controller'
const dir = tempDir('create-generate')
const generate = (folder: string, ...more: string[]) => [
  'create',
  '--product',
  `${folder}/product.json`,
  '--activity',
  `${folder}/records.csv`,
  '--factors',
  `${folder}/factors.csv`,
  ...more,
]

describe('carbon-passport create --activity', () => {
  it('writes the passport and prints stages, scopes, PCF, notes and conformance (exit 0)', () => {
    const out = join(dir, 'pcba.json')
    const r = runCli(generate(PCBA, '-o', out, '--profile', 'iec-63782-digital-pcf'))
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toBe('')
    const passport = JSON.parse(readFileSync(out, 'utf8'))
    expect(passport.credentialSubject.footprint.pcfExcludingBiogenicUptake).toBe('5.459003')
    expect(r.stderr).toContain('PCF (cradle-to-gate): 5.459003 kgCO2e per 1 piece')
    expect(r.stderr).toMatch(/^ {2}raw-material-acquisition +5\.040228$/m)
    expect(r.stderr).toMatch(/^ {2}scope 2 +0\.371864$/m)
    expect(r.stderr).toMatch(/^ {2}scope 3 category 5 +0\.0036$/m)
    expect(r.stderr).toMatch(/\/records\/8\/unit +UNIT_CONVERTED +info +0\.002 GRM converted/)
    expect(r.stderr).toMatch(/\/records\/2\/factorActivity +FACTOR_SELECTED +info/)
    expect(r.stderr).toMatch(/Conformance: WARN \(core, iec-63782-digital-pcf\)/)
    expect(r.stderr).toMatch(/EMISSION_FACTOR_CO2_ONLY +warning/)
    expect(r.stderr).toContain(`Written to ${out}`)
  })

  it('rolls up an upstream passport given as <file>:<quantity>:<unit>', () => {
    const r = runCli(
      generate(
        PCBA,
        '--upstream',
        'examples/valid/nmc811-cathode-powder.json:0.01:KGM',
        '--issuer',
        'did:web:x.example',
      ),
    )
    expect(r.code, r.stderr).toBe(0)
    const subject = JSON.parse(r.stdout).credentialSubject
    expect(subject.components).toHaveLength(1)
    expect(subject.components[0]).toMatchObject({
      passport: 'urn:uuid:8c2f5e71-4d39-4b0a-a6e2-5f1c9d7b3e20',
      quantity: '0.01',
      unit: 'KGM',
      emissions: '0.2354550042',
    })
    expect(subject.activityData).toHaveLength(12)
    expect(subject.footprint.pcfExcludingBiogenicUptake).toBe('5.6944580042')
    expect(r.stderr).toContain('(12 activity lines, 1 components)')
  })

  it('exits 1 with the findings table when a factor is missing, and writes nothing', () => {
    const factors = readFileSync(`${CATHODE}/factors.csv`, 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('mee-nbs-2023-cn-central-grid'))
      .join('\n')
    const file = join(dir, 'factors-missing.csv')
    writeFileSync(file, factors)
    const out = join(dir, 'not-written.json')
    const r = runCli([
      'create',
      '--product',
      `${CATHODE}/product.json`,
      '--activity',
      `${CATHODE}/records.csv`,
      '--factors',
      file,
      '-o',
      out,
    ])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    const lines = r.stderr.split('\n')
    expect(lines[0]).toMatch(/^FAIL no passport/)
    expect(lines[1]?.trim().split(/\s+/)).toEqual(['PATH', 'CODE', 'SEVERITY', 'MESSAGE'])
    expect(lines[2]?.trim().split(/\s+/).slice(0, 3)).toEqual([
      '/records/4/factorActivity',
      'FACTOR_NOT_FOUND',
      'error',
    ])
    expect(() => readFileSync(out)).toThrow()
  })

  it('exits 1 with PASSPORT_NOT_CONFORMING and the conformance errors under a profile it fails', () => {
    const r = runCli(generate(PCBA, '--profile', 'iec-63369-1'))
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    const rows = r.stderr.split('\n').map((l) => l.trim().split(/\s+/))
    expect(rows[2]?.slice(0, 3)).toEqual(['/', 'PASSPORT_NOT_CONFORMING', 'error'])
    expect(rows.length).toBeGreaterThan(4)
  })

  it('exits 1 with the CSV findings when the activity file has a bad row', () => {
    const csv = readFileSync(`${PCBA}/records.csv`, 'utf8').replace(',0.0108,', ',lots,')
    const file = join(dir, 'bad-records.csv')
    writeFileSync(file, csv)
    const r = runCli([
      'create',
      '--product',
      `${PCBA}/product.json`,
      '--activity',
      file,
      '--factors',
      `${PCBA}/factors.csv`,
    ])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/\/0\/quantity +CSV_INVALID +error/)
  })

  it.each([
    [
      'a subject and --activity',
      [
        'create',
        'examples/valid/pcba-access-controller.json',
        '--activity',
        `${PCBA}/records.csv`,
        '--product',
        `${PCBA}/product.json`,
      ],
      /either a <subject> file or --activity/,
    ],
    [
      '--activity without --product',
      ['create', '--activity', `${PCBA}/records.csv`],
      /--activity needs --product/,
    ],
    [
      '--factors without --activity',
      [
        'create',
        'examples/valid/pcba-access-controller.json',
        '--issuer',
        'did:web:x.example',
        '--factors',
        `${PCBA}/factors.csv`,
      ],
      /--factors needs --activity/,
    ],
    [
      'neither a subject nor --activity',
      ['create', '--issuer', 'did:web:x.example'],
      /give a <subject> file/,
    ],
    [
      'a bad --upstream',
      generate(PCBA, '--upstream', 'cell.json'),
      /--upstream: "cell.json" is not <file>:<quantity>:<unit>/,
    ],
    [
      'an unreadable --upstream',
      generate(PCBA, '--upstream', 'nope.json:1:H87'),
      /--upstream nope.json: cannot read it/,
    ],
    [
      'an unreadable --factors',
      [
        'create',
        '--product',
        `${PCBA}/product.json`,
        '--activity',
        `${PCBA}/records.csv`,
        '--factors',
        'nope.csv',
      ],
      /--factors nope.csv: cannot read it/,
    ],
    ['an unknown profile', generate(PCBA, '--profile', 'pact-v9'), /unknown profile "pact-v9"/],
    [
      'a bad --factors-format',
      generate(PCBA, '--factors-format', 'xml'),
      /--factors-format: "xml" is not json or csv/,
    ],
  ])('exits 2 on %s', (_label, args, message) => {
    const r = runCli(args as string[])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })
})
