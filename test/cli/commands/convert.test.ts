import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { toBatteryPass } from '../../../src/interop/index.js'
import { validExample } from '../../helpers/examples.js'
import { readReferenceJson, referenceTestsEnabled, referenceUrl } from '../../helpers/reference.js'
import { tempDir } from '../../helpers/temp-dir.js'

const root = new URL('../../../', import.meta.url)
const run = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'src/cli/main.ts', 'convert', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })

const examples = ['ups-battery-module', 'pcba-access-controller', 'ess-cabinet-215kwh'].map(
  (name) => `examples/valid/${name}.json`,
)

describe('carbon-passport convert', () => {
  it.runIf(referenceTestsEnabled)(
    'takes a PACT v3 footprint to a passport and back unchanged (--allow-loss for the defaults it reports)',
    () => {
      const dir = tempDir('convert')
      const source = fileURLToPath(referenceUrl('pact/pact-v3-example-2.json'))
      const passport = join(dir, 'passport.json')
      const toPassport = run('--from', 'pact', '--to', 'passport', source, '-o', passport)
      // A PACT footprint lacks what a passport requires (its stages, its scopes): each is a loss.
      expect(toPassport.status).toBe(1)
      expect(toPassport.stderr).toContain('converted, ')
      expect(toPassport.stderr).toContain('TARGET_FIELD_DEFAULTED')
      const back = join(dir, 'back.json')
      const r = run('--from', 'passport', '--to', 'pact', passport, '-o', back, '--allow-loss')
      expect(r.status).toBe(0)
      expect(JSON.parse(readFileSync(back, 'utf8'))).toEqual(
        readReferenceJson('pact/pact-v3-example-2.json'),
      )
    },
  )

  it('converts several passports into a folder, one file each, and prints what each lost', () => {
    const dir = tempDir('convert')
    const r = run(
      '--from',
      'passport',
      '--to',
      'untp',
      '--version',
      '0.6.1',
      ...examples,
      '-o',
      dir,
    )
    // Activity lines, stages and declarations go into the extension context (info), but each
    // passport also loses its proof-less credential members that UNTP has no field for.
    expect(readdirSync(dir).sort()).toEqual(
      examples.map((f) => f.replace(/^examples\/valid\/(.*)\.json$/, '$1.untp.json')).sort(),
    )
    for (const file of readdirSync(dir)) {
      const dpp = JSON.parse(readFileSync(join(dir, file), 'utf8'))
      expect(dpp.type).toContain('DigitalProductPassport')
    }
    expect(r.stderr.split('\n').filter((l) => /^examples\/valid\//.test(l))).toHaveLength(3)
    const allowed = run(
      '--from',
      'passport',
      '--to',
      'untp',
      ...examples,
      '-o',
      dir,
      '--allow-loss',
    )
    expect(allowed.status).toBe(0)
  })

  it('one unreadable file is one failed result, never an aborted run (exit 1)', () => {
    const dir = tempDir('convert')
    const bad = join(dir, 'not-json.json')
    writeFileSync(bad, '{ this is not JSON')
    const out = join(dir, 'out')
    const r = run(
      '--from',
      'passport',
      '--to',
      'catena-x',
      bad,
      examples[0] as string,
      '-o',
      out,
      '--allow-loss',
    )
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/not-json\.json: not converted/)
    expect(r.stderr).toContain('SOURCE_UNREADABLE')
    expect(readdirSync(out)).toEqual(['ups-battery-module.catena-x.json'])
  })

  it('a file over 8 MiB is one failed result, read no further (SOURCE_UNREADABLE)', () => {
    const dir = tempDir('convert')
    const huge = join(dir, 'huge.json')
    writeFileSync(huge, Buffer.alloc(8 * 1024 * 1024 + 1, 0x20))
    const out = join(dir, 'out')
    const r = run('--from', 'passport', '--to', 'catena-x', huge, examples[0] as string, '-o', out)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/huge\.json: not converted/)
    expect(r.stderr).toContain('SOURCE_UNREADABLE')
    expect(r.stderr).toMatch(/longer than 8388608 bytes/)
    expect(readdirSync(out)).toEqual(['ups-battery-module.catena-x.json'])
  })

  it('reads Battery Pass JSON sent as UTF-16 with a byte-order mark', () => {
    const dir = tempDir('convert')
    const { result } = toBatteryPass(validExample('ess-cabinet-215kwh').doc)
    const text = `\uFEFF${JSON.stringify(result)}`
    const file = join(dir, 'battery-pass-utf16.json')
    writeFileSync(file, Buffer.from(text, 'utf16le'))
    const out = join(dir, 'passport.json')
    const r = run('--from', 'battery-pass', '--to', 'passport', file, '-o', out, '--allow-loss')
    expect(r.status).toBe(0)
    const passport = JSON.parse(readFileSync(out, 'utf8'))
    expect(passport.credentialSubject.battery.declarations[0].framework).toBe('eu-2023-1542')
  })

  it('--json prints one report per file', () => {
    const dir = tempDir('convert')
    const r = run(
      '--from',
      'passport',
      '--to',
      'pact',
      examples[0] as string,
      '-o',
      join(dir, 'p.json'),
      '--json',
    )
    const reports = JSON.parse(r.stdout)
    expect(reports).toHaveLength(1)
    expect(reports[0]).toMatchObject({ file: examples[0], converted: true })
    expect(reports[0].toLosses.map((f: { code: string }) => f.code)).toContain('FIELD_NOT_CARRIED')
    expect(r.status).toBe(1)
  })

  it('exits 2 on bad usage', () => {
    expect(run('--from', 'gs1', '--to', 'pact', examples[0] as string).status).toBe(2)
    expect(run('--from', 'passport', '--to', 'pact', ...examples).status).toBe(2)
    const r = run('--from', 'passport', '--to', 'pact', '--version', '1.0', examples[0] as string)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('3.0 or 2.3')
  })
})
