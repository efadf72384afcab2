import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PASSPORT_SCHEMA_ID, schemaErrors } from '../../src/schema/registry.js'
import { runCli } from '../helpers/cli.js'
import { validExample } from '../helpers/examples.js'
import { tempDir } from '../helpers/temp-dir.js'

const example = validExample('lfp-cell-280ah')
const dir = tempDir('cli')

describe('carbon-passport create', () => {
  it('builds a schema-valid passport from an example, with the given issuer and dates', () => {
    const out = join(dir, 'created.json')
    const run = runCli([
      'create',
      example.path,
      '--issuer',
      'did:web:passports.example',
      '--issuer-name',
      'Example Ltd',
      '--valid-from',
      '2026-06-01T00:00:00Z',
      '-o',
      out,
    ])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const passport = JSON.parse(readFileSync(out, 'utf8'))
    expect(schemaErrors(PASSPORT_SCHEMA_ID, passport)).toEqual([])
    expect(passport.issuer).toEqual({ id: 'did:web:passports.example', name: 'Example Ltd' })
    expect(passport.validFrom).toBe('2026-06-01T00:00:00Z')
    expect(passport.credentialSubject).toEqual(example.doc.credentialSubject)
  })

  it('reads the subject from standard input and prints to standard output', () => {
    const subject = JSON.stringify(example.doc.credentialSubject)
    const run = runCli(['create', '-', '--issuer', 'did:web:passports.example'], subject)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout).credentialSubject.product).toEqual(
      (example.doc.credentialSubject as { product: unknown }).product,
    )
  })

  it('exits 2 with the error code when the subject is invalid or the input is not JSON', () => {
    const bad = structuredClone(example.doc.credentialSubject) as { product: { name?: string } }
    delete bad.product.name
    const invalid = runCli(['create', '-', '--issuer', 'did:web:x.example'], JSON.stringify(bad))
    expect(invalid.code).toBe(2)
    expect(invalid.stderr).toContain('ERR_PASSPORT_INVALID')
    const notJson = runCli(['create', '-', '--issuer', 'did:web:x.example'], '{oops')
    expect(notJson.code).toBe(2)
    expect(notJson.stderr).toContain('not valid JSON')
  })
})

describe('carbon-passport inspect', () => {
  it('summarizes a passport as JSON without verifying it', () => {
    const run = runCli(['inspect', example.path, '--json'])
    expect(run.code).toBe(0)
    const summary = JSON.parse(run.stdout)
    const subject = example.doc.credentialSubject as {
      product: { name: string }
      footprint: { pcfExcludingBiogenicUptake: string }
    }
    expect(summary.format).toBe('data-integrity')
    expect(summary.id).toBe(example.doc.id)
    expect(summary.product.name).toBe(subject.product.name)
    expect(summary.footprint.pcfExcludingBiogenicUptake).toBe(
      subject.footprint.pcfExcludingBiogenicUptake,
    )
  })

  it('prints readable lines on a terminal and fails cleanly on a non-credential', () => {
    const run = runCli(['inspect', example.path])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^id: urn:uuid:/m)
    expect(run.stdout).toMatch(/^footprint:$/m)
    const bad = runCli(['inspect', '-'], '[1,2]')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('must be a JSON object')
  })
})
