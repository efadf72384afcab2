/**
 * `carbon-passport issue` and conformance: a passport with a conformance error is not signed (exit
 * 1, the findings as a table on standard error, nothing written), unless `--allow-nonconforming`;
 * `--profile` adds a profile's errors.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { validExample } from '../../helpers/examples.js'
import { tempDir } from '../../helpers/temp-dir.js'

const root = new URL('../../../', import.meta.url)
const cli = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'src/cli/main.ts', 'issue', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })

const KEY = 'examples/keys/passports.huayang-cells.example.private.jwk.json'
const dir = tempDir('cli-issue')
const file = (name: string) => join(dir, name)

// biome-ignore lint/suspicious/noExplicitAny: example JSON
type Loose = any

// The cell with one line's emissions off by 1 kgCO2e: two sums no longer hold.
const broken: Loose = validExample('lfp-cell-280ah').doc
broken.credentialSubject.activityData[0].emissions = String(
  Number(broken.credentialSubject.activityData[0].emissions) + 1,
)
writeFileSync(file('broken.json'), JSON.stringify(broken))

describe('carbon-passport issue: conformance', () => {
  it('a non-conforming passport: exit 1, the findings table on standard error, nothing signed', () => {
    const r = cli(file('broken.json'), '--key', KEY, '-o', file('signed.json'))
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(existsSync(file('signed.json'))).toBe(false)
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines[0]).toBe(
      `carbon-passport: ${file('broken.json')} does not conform (core); not signed (--allow-nonconforming signs it anyway)`,
    )
    expect(lines[1]?.trim().split(/\s+/)).toEqual(['PATH', 'CODE', 'SEVERITY', 'MESSAGE'])
    expect(lines.slice(2).map((l) => l.trim().split(/\s+/).slice(0, 3))).toEqual([
      ['/credentialSubject/activityData/0/emissions', 'ACTIVITY_EMISSIONS_MISMATCH', 'error'],
      ['/credentialSubject/activityData', 'ACTIVITY_SUM_MISMATCH', 'error'],
    ])
  })

  it('--allow-nonconforming signs it: exit 0', () => {
    const r = cli(
      file('broken.json'),
      '--key',
      KEY,
      '--allow-nonconforming',
      '-o',
      file('signed.json'),
    )
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    const signed = JSON.parse(readFileSync(file('signed.json'), 'utf8'))
    expect(signed.proof.cryptosuite).toBe('eddsa-rdfc-2022')
    const jwt = cli(file('broken.json'), '-k', KEY, '-f', 'vc-jose', '--allow-nonconforming')
    expect(jwt.status).toBe(0)
    expect(jwt.stdout).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+\n$/)
  })

  it('--profile: its errors refuse too; an unknown profile is bad usage', () => {
    const eu = cli('examples/valid/lfp-cell-280ah.json', '-k', KEY, '-p', 'eu-battery-2023-1542')
    expect(eu.status).toBe(1)
    expect(eu.stderr).toContain('does not conform (core, eu-battery-2023-1542)')
    expect(eu.stderr).toContain('OUT_OF_SCOPE')
    expect(cli('examples/valid/lfp-cell-280ah.json', '-k', KEY, '-p', 'pact-v3').status).toBe(0)
    const unknown = cli('examples/valid/lfp-cell-280ah.json', '-k', KEY, '-p', 'nope')
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toMatch(/^carbon-passport: unknown profile "nope"/)
  })

  it('a schema error is still a refusal with its code (exit 2), even with --allow-nonconforming', () => {
    const doc = structuredClone(broken)
    delete doc.credentialSubject.footprint
    writeFileSync(file('no-footprint.json'), JSON.stringify(doc))
    const r = cli(file('no-footprint.json'), '-k', KEY, '--allow-nonconforming')
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/^carbon-passport: ERR_PASSPORT_INVALID: /)
  })

  it('--help documents the flag and exit code 1', () => {
    const r = cli('--help')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('--allow-nonconforming')
    expect(r.stdout).toMatch(/1 {2}the passport does not conform/)
  })
})
