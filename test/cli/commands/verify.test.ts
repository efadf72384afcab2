/** `carbon-passport keygen`, `issue` and `verify`, spawned as a user would run them. */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/temp-dir.js'

const root = new URL('../../../', import.meta.url)
const cli = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })

const dir = tempDir('cli')
const file = (name: string) => join(dir, name)
const DID = 'did:web:passports.huayang-cells.example'

describe('carbon-passport keygen / issue / verify', () => {
  beforeAll(() => {
    const keygen = cli(
      'keygen',
      '--controller',
      DID,
      '-o',
      file('key.jwk.json'),
      '--did-document',
      file('did.json'),
    )
    expect(keygen.status).toBe(0)
  })

  it('keygen writes a private JWK with kid and a DID document listing it', () => {
    const jwk = JSON.parse(readFileSync(file('key.jwk.json'), 'utf8'))
    const did = JSON.parse(readFileSync(file('did.json'), 'utf8'))
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: `${DID}#key-1` })
    expect(typeof jwk.d).toBe('string')
    expect(did).toMatchObject({ id: DID, assertionMethod: [`${DID}#key-1`] })
  })

  it('issue then verify: exit 0 and a readable verdict with every check', () => {
    // The proof predates --now below: a proof created after the verification time does not verify.
    const issued = cli(
      'issue',
      'examples/valid/lfp-cell-280ah.json',
      '--key',
      file('key.jwk.json'),
      '--created',
      '2026-10-01T00:00:00Z',
      '-o',
      file('signed.json'),
    )
    expect(issued.status).toBe(0)
    const r = cli('verify', file('signed.json'), '--did', file('did.json'), '--now', '2026-11-01')
    expect(r.status).toBe(0)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toMatch(/^VERIFIED /)
    expect(
      lines
        .slice(1)
        .map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '))
        .filter(Boolean),
    ).toEqual([
      '✓ syntax',
      '✓ context',
      '✓ proof',
      '✓ issuer-binding',
      '✓ validity',
      '- status',
      '- issuer-trust',
      '✓ schema',
      '✓ conformance',
    ])
  })

  it('a tampered passport: exit 1, PROOF_INVALID in the output and in --json', () => {
    const signed = JSON.parse(readFileSync(file('signed.json'), 'utf8'))
    signed.credentialSubject.footprint.pcfExcludingBiogenicUptake = '1.0'
    writeFileSync(file('tampered.json'), JSON.stringify(signed))
    const r = cli('verify', file('tampered.json'), '--did', file('did.json'))
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/^NOT VERIFIED /)
    expect(r.stdout).toContain('PROOF_INVALID')
    const j = cli('verify', file('tampered.json'), '--did', file('did.json'), '--json')
    expect(j.status).toBe(1)
    const result = JSON.parse(j.stdout)
    expect(result.verified).toBe(false)
    expect(result.errors.map((e: { code: string }) => e.code)).toContain('PROOF_INVALID')
  })

  it('vc+jwt with --format vc-jose; a wrong trusted issuer fails; without the DID document the key is not found', () => {
    const issued = cli(
      'issue',
      'examples/valid/lfp-cell-280ah.json',
      '-k',
      file('key.jwk.json'),
      '-f',
      'vc-jose',
      '-o',
      file('signed.jwt'),
    )
    expect(issued.status).toBe(0)
    expect(readFileSync(file('signed.jwt'), 'utf8')).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+\n$/)
    expect(cli('verify', file('signed.jwt'), '-d', file('did.json')).status).toBe(0)
    const untrusted = cli(
      'verify',
      file('signed.jwt'),
      '-d',
      file('did.json'),
      '-t',
      'did:web:other.example',
      '--json',
    )
    expect(untrusted.status).toBe(1)
    expect(JSON.parse(untrusted.stdout).errors.map((e: { code: string }) => e.code)).toEqual([
      'ISSUER_NOT_TRUSTED',
    ])
    const noDid = cli('verify', file('signed.jwt'), '--json')
    expect(noDid.status).toBe(1)
    expect(JSON.parse(noDid.stdout).errors.map((e: { code: string }) => e.code)).toEqual([
      'KEY_NOT_RESOLVED',
    ])
  })

  it('issue refuses a key the issuer does not control (exit 2, stable code)', () => {
    expect(cli('keygen', '-o', file('other.jwk.json')).status).toBe(0)
    const r = cli('issue', 'examples/valid/lfp-cell-280ah.json', '-k', file('other.jwk.json'))
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('ERR_KEY_NOT_CONTROLLED_BY_ISSUER')
  })

  it('the committed signed examples verify with the committed DID documents', () => {
    const r = cli(
      'verify',
      'examples/signed/ups-battery-module.jwt',
      '-d',
      'examples/keys/passports.voltguard-ups.example.did.json',
    )
    expect(r.status).toBe(0)
  })
})
