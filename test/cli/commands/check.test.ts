import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

const root = new URL('../../../', import.meta.url)
const run = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'src/cli/main.ts', 'check', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })

describe('carbon-passport check', () => {
  it('exits 0 and prints PASS for a conforming passport', () => {
    const r = run('examples/valid/ups-battery-module.json', '--profile', 'iec-63369-1')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(
      /^PASS examples\/valid\/ups-battery-module\.json \(core, iec-63369-1\)/,
    )
  })

  it('exits 1 and prints a table of path, code, severity and message on an error', () => {
    const r = run(
      'examples/valid/ups-battery-module.json',
      'examples/invalid/FIELD_REQUIRED/product-name-missing.json',
    )
    expect(r.status).toBe(1)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toMatch(/^PASS /)
    expect(lines[1]).toMatch(/^FAIL examples\/invalid\/FIELD_REQUIRED/)
    expect(lines[2]?.trim().split(/\s+/)).toEqual(['PATH', 'CODE', 'SEVERITY', 'MESSAGE'])
    expect(lines[3]?.trim().split(/\s+/).slice(0, 3)).toEqual([
      '/credentialSubject/product/name',
      'FIELD_REQUIRED',
      'error',
    ])
  })

  it('composes repeated --profile options and prints JSON with --json', () => {
    const r = run(
      'examples/invalid/OUT_OF_SCOPE/iec-63369-1.ev-pack.json',
      '--profile',
      'iec-63369-1',
      '--profile',
      'eu-battery-2023-1542',
      '--json',
    )
    expect(r.status).toBe(1)
    const out = JSON.parse(r.stdout)
    expect(out.report.profiles).toEqual(['core', 'iec-63369-1', 'eu-battery-2023-1542'])
    // One finding from each profile: road traction is outside IEC 63369-1, and the pack makes no
    // EU Art. 7 declaration.
    expect(out.report.findings.map((f: { code: string }) => f.code)).toEqual([
      'OUT_OF_SCOPE',
      'DECLARATION_MISSING',
    ])
  })

  it('exits 2 on an unknown profile', () => {
    const r = run('examples/valid/ups-battery-module.json', '--profile', 'pact-v9')
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/unknown profile/)
  })
})
