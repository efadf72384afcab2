/** `carbon-passport bundle` and `carbon-passport verify --chain`, spawned as a user would run them. */
import { spawnSync } from 'node:child_process'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { generateKeyPair } from '../../src/keys/generate.js'
import { clone } from '../helpers/examples.js'
import { tempDir } from '../helpers/temp-dir.js'
import { CELL, downstreamOf, type Loose, PCBA, signedForm } from './fixtures.js'

const root = new URL('../../', import.meta.url)
const cli = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })

const dir = tempDir('chain-cli')
const file = (name: string) => join(dir, name)
const write = (name: string, value: unknown) =>
  writeFileSync(file(name), typeof value === 'string' ? `${value}\n` : JSON.stringify(value))
const dids = readdirSync(new URL('examples/keys/', root))
  .filter((f) => f.endsWith('.did.json'))
  .flatMap((f) => ['--did', `examples/keys/${f}`])
const NOW = ['--now', '2026-11-01T00:00:00Z']

describe('carbon-passport bundle / verify --chain', () => {
  beforeAll(async () => {
    const cell = signedForm('lfp-cell-280ah', 'data-integrity') as Loose
    write('cell.json', cell)
    write(
      'cabinet.json',
      await downstreamOf('ess-cabinet-215kwh', { [CELL]: cell }, 'data-integrity'),
    )
    const pcba = signedForm('pcba-access-controller', 'vc-jose')
    write('pcba.jwt', pcba)
    write('reader.jwt', await downstreamOf('biometric-access-reader', { [PCBA]: pcba }, 'vc-jose'))
    const tampered = clone(cell)
    tampered.credentialSubject.footprint.comment = 'changed'
    write('tampered-cell.json', tampered)
    write('holder.jwk.json', generateKeyPair().privateKeyJwk)
  })

  it('bundles a passport and its upstream, and verifies the chain from the bundle (exit 0)', () => {
    const made = cli('bundle', file('cabinet.json'), file('cell.json'), '-o', file('bundle.json'))
    expect(made.stderr).toBe('')
    expect(made.status).toBe(0)
    const r = cli('verify', '--chain', file('bundle.json'), ...dids, ...NOW)
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    const lines = r.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^CHAIN VERIFIED {2}.*bundle\.json {2}\(2 nodes\)$/)
    expect(lines[1]).toMatch(/^✓ urn:uuid:6456204a/)
    expect(lines[2]).toMatch(/^ {2}✓ urn:uuid:76529d23.* 14918\.6112 kgCO2e$/)
  })

  it('verifies a vc+jwt passport with --upstream files', () => {
    const r = cli('verify', '--chain', file('reader.jwt'), '-u', file('pcba.jwt'), ...dids, ...NOW)
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/✓ urn:uuid:d4f44ff4/)
  })

  it('a tampered upstream: ✗ with its codes, the root marked, exit 1', () => {
    const r = cli(
      'verify',
      '--chain',
      file('cabinet.json'),
      '--upstream',
      file('tampered-cell.json'),
      ...dids,
      ...NOW,
    )
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/^CHAIN NOT VERIFIED/)
    expect(r.stdout).toMatch(/✓ urn:uuid:6456204a.*\(an upstream fails\)/)
    expect(r.stdout).toMatch(
      /✗ urn:uuid:76529d23.*CHAIN_UPSTREAM_NOT_VERIFIED, CHAIN_DIGEST_MISMATCH, PROOF_INVALID/,
    )
  })

  it('a missing upstream: exit 1; --json prints the report', () => {
    const r = cli('verify', '--chain', file('cabinet.json'), '--json', ...dids, ...NOW)
    expect(r.status).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(report.verified).toBe(false)
    expect(report.root.components[0].findings[0].code).toBe('CHAIN_UPSTREAM_MISSING')
  })

  it('a bundle signed by its holder, its proof checked with --bundle-proof', () => {
    const made = cli(
      'bundle',
      file('cabinet.json'),
      file('cell.json'),
      '--key',
      file('holder.jwk.json'),
      '-o',
      file('signed-bundle.json'),
    )
    expect(made.stderr).toBe('')
    expect(made.status).toBe(0)
    const r = cli('verify', '--chain', file('signed-bundle.json'), '--bundle-proof', ...dids)
    expect(r.stderr).toBe('')
    expect(r.stdout.split('\n')[0]).toMatch(/^✓ bundle vc-jose holder did:key:/)
    expect(r.status).toBe(0)
    // An unsigned bundle has no holder proof to check.
    const unsigned = cli('verify', '--chain', file('bundle.json'), '--bundle-proof', ...dids)
    expect(unsigned.status).toBe(1)
  })

  it('bad usage: --upstream without --chain, a file that is not there (exit 2)', () => {
    expect(cli('verify', file('cabinet.json'), '-u', file('cell.json')).status).toBe(2)
    expect(cli('verify', '--chain', file('cabinet.json'), '-u', file('nope.json')).status).toBe(2)
    expect(cli('bundle', file('nope.json')).status).toBe(2)
    expect(cli('bundle', file('cabinet.json'), '--challenge', 'x').status).toBe(2)
  })
})
