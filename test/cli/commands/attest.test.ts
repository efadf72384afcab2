/** `carbon-passport attest` and `verify --attestation --trusted-verifier`, run as a user would. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../helpers/cli.js'
import { tempDir } from '../../helpers/temp-dir.js'

const dir = tempDir('cli-attest')
const file = (name: string) => join(dir, name)
const CABINET = 'examples/signed/ess-cabinet-215kwh.json'
const KEY = 'examples/keys/verify.nordic-climate.example.private.jwk.json'
const VERIFIER = 'did:web:verify.nordic-climate.example'
const ATTESTATION = 'examples/attestations/ess-cabinet-215kwh.attestation.json'
const DIDS = [
  '--did',
  'examples/keys/passports.nordgrid-storage.example.did.json',
  '--did',
  'examples/keys/verify.nordic-climate.example.did.json',
  '--now',
  '2026-06-01T00:00:00Z',
]
const ATTEST = [
  'attest',
  CABINET,
  '--key',
  KEY,
  '--standard',
  'ISO 14064-3:2019',
  '--level',
  'limited',
  '--scope',
  'The cradle-to-gate PCF',
  '--created',
  '2026-05-01T00:00:00Z',
]

describe('carbon-passport attest', () => {
  it('signs an attestation of the passport’s digest and figures', () => {
    const run = runCli([...ATTEST, '--materiality', '5', '-o', file('a.json')])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const attestation = JSON.parse(readFileSync(file('a.json'), 'utf8'))
    expect(attestation.type).toEqual(['VerifiableCredential', 'CarbonPassportAttestation'])
    expect(attestation.issuer).toBe(VERIFIER)
    expect(attestation.credentialSubject).toMatchObject({
      opinion: 'unmodified',
      level: 'limited',
      materialityPercent: '5',
    })
    const verified = runCli([
      'verify',
      CABINET,
      ...DIDS,
      '--attestation',
      file('a.json'),
      '--trusted-verifier',
      VERIFIER,
    ])
    expect(verified.stdout).toMatch(/third-party-verification\s+pass/)
    expect(verified.code).toBe(0)
  })

  it('refuses a figure that differs from the passport’s: ERR_ATTESTATION_FIGURES_DIFFER, exit 2', () => {
    const run = runCli([
      ...ATTEST,
      '--figure',
      '/credentialSubject/footprint/pcfExcludingBiogenicUptake=1',
    ])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('ERR_ATTESTATION_FIGURES_DIFFER')
    expect(run.stdout).toBe('')
  })

  it('bad usage: exit 2', () => {
    expect(runCli([...ATTEST, '--opinion', 'fine']).code).toBe(2)
    expect(runCli(['attest', CABINET, '--key', KEY]).code).toBe(2)
  })
})

describe('carbon-passport verify --attestation --trusted-verifier', () => {
  const verify = (...extra: string[]) =>
    runCli(['verify', CABINET, ...DIDS, '--attestation', ATTESTATION, ...extra])

  it('the example attestation from a trusted verifier: exit 0', () => {
    const run = verify('--trusted-verifier', `${VERIFIER}=EX-14065-0042`)
    expect(run.stdout).toMatch(/third-party-verification\s+pass/)
    expect(run.code).toBe(0)
  })

  it('an untrusted verifier: VERIFIER_NOT_TRUSTED, exit 1', () => {
    const run = verify('--trusted-verifier', 'did:web:verify.someone-else.example')
    expect(run.stdout).toContain('VERIFIER_NOT_TRUSTED')
    expect(run.code).toBe(1)
  })
})
