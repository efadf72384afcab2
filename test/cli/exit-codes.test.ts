/**
 * Issue 7 §4: the CLI's exit codes are 0 (verdict positive), 1 (verdict negative) and 2 (bad usage
 * or input that cannot be read), documented in every command's --help, and an error is one line,
 * `carbon-passport: <message>`, never a stack trace. Spawned as a user would run it.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type CliRun, runCli } from '../helpers/cli.js'
import { tempDir } from '../helpers/temp-dir.js'

const dir = tempDir('exit')
const missing = join(dir, 'does-not-exist.json')
const huge = join(dir, 'huge.json')
writeFileSync(huge, Buffer.alloc(8 * 1024 * 1024 + 1, 0x20))
const SIGNED = 'examples/signed/ups-battery-module.jwt'
const DID = 'examples/keys/passports.voltguard-ups.example.did.json'
const KEY = 'examples/keys/passports.voltguard-ups.example.private.jwk.json'
const PASSPORT = 'examples/valid/ups-battery-module.json'

/** A stack trace line (`    at foo (file:1:2)`) or Node's source excerpt of an uncaught error. */
const STACK = /^\s+at |node:internal|^\s*\^\s*$/m

/** Exit code 2, nothing on standard output, and exactly one `carbon-passport:` line on stderr. */
function expectUsageError(run: CliRun, message: RegExp): void {
  expect(run.stderr).not.toMatch(STACK)
  expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^carbon-passport: /)])
  expect(run.stderr).toMatch(message)
  expect(run.stdout).toBe('')
  expect(run.code).toBe(2)
}

describe('input that cannot be read: exit 2 and one line, never an ENOENT stack trace', () => {
  it.each([
    ['verify: the passport', ['verify', missing]],
    ['verify --did', ['verify', SIGNED, '--did', missing]],
    ['verify --status-list', ['verify', SIGNED, '--did', DID, '--status-list', missing]],
    ['verify --context', ['verify', SIGNED, '--context', `https://x.example/c=${missing}`]],
    ['issue: the passport', ['issue', missing, '--key', KEY]],
    ['issue --key', ['issue', PASSPORT, '--key', missing]],
    [
      'issue --context',
      ['issue', PASSPORT, '--key', KEY, '--context', `https://x.example/c=${missing}`],
    ],
    ['create: the subject', ['create', missing, '--issuer', 'did:web:x.example']],
    ['inspect', ['inspect', missing]],
    ['check', ['check', missing]],
  ])('%s', (_, args) => {
    expectUsageError(runCli(args), /does-not-exist\.json: cannot read it \(no such file/)
  })

  it.each([
    ['inspect', (f: string) => ['inspect', f]],
    ['verify --did', (f: string) => ['verify', SIGNED, '--did', f]],
    [
      'verify --context',
      (f: string) => ['verify', SIGNED, '--context', `https://x.example/c=${f}`],
    ],
    ['issue --key', (f: string) => ['issue', PASSPORT, '--key', f]],
    ['create: the subject', (f: string) => ['create', f, '--issuer', 'did:web:x.example']],
    ['check', (f: string) => ['check', f]],
  ])('%s: a file over 8 MiB is read no further', (_, args) => {
    expectUsageError(runCli(args(huge)), /huge\.json: longer than 8388608 bytes/)
  })

  it('a directory where a file is expected, and a --did file that is not JSON', () => {
    expectUsageError(runCli(['verify', SIGNED, '--did', dir]), /is a directory/)
    const notJson = join(dir, 'not.json')
    writeFileSync(notJson, '{ not json')
    expectUsageError(runCli(['verify', SIGNED, '--did', notJson]), /--did .*not valid JSON/)
  })

  it('an output file that cannot be written', () => {
    expectUsageError(
      runCli(['create', PASSPORT, '--issuer', 'did:web:x.example', '-o', join(missing, 'x.json')]),
      /cannot write it/,
    )
  })
})

describe('bad usage: exit 2 and one line pointing at --help (it was exit 1, the "not verified" code)', () => {
  it.each([
    [
      'an unknown option',
      ['verify', SIGNED, '--frobnicate'],
      /unknown option '--frobnicate'.*carbon-passport verify --help/,
    ],
    [
      'a misspelt option',
      ['check', PASSPORT, '--jsn'],
      /unknown option '--jsn' \(Did you mean --json\?\)/,
    ],
    [
      'an unknown command',
      ['frobnicate'],
      /unknown command 'frobnicate' \(see carbon-passport --help\)/,
    ],
    ['a missing argument', ['verify'], /missing required argument 'file'/],
    ['too many arguments', ['inspect', PASSPORT, PASSPORT], /too many arguments/],
    [
      'a missing required option',
      ['create', PASSPORT],
      /required option '--issuer <id>' not specified/,
    ],
    [
      'an option without its value',
      ['verify', SIGNED, '--did'],
      /option '-d, --did <file>' argument missing/,
    ],
    ['a bad --now', ['verify', SIGNED, '--now', 'yesterday'], /--now: "yesterday" is not a date/],
    [
      'an unknown profile',
      ['check', PASSPORT, '--profile', 'pact-v9'],
      /unknown profile "pact-v9"/,
    ],
  ])('%s', (_, args, message) => {
    expectUsageError(runCli(args), message)
  })

  it('no command at all prints the usage on stderr, with exit 2', () => {
    const run = runCli([])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^Usage: carbon-passport/)
    expect(run.stderr).not.toMatch(STACK)
  })
})

describe('errors from the library: exit 2 with the stable code, never a RangeError trace', () => {
  it('create with a subject nested 10,000 levels deep (was an uncaught RangeError)', () => {
    const deep = `${'{"d":'.repeat(10_000)}{}${'}'.repeat(10_000)}`
    expectUsageError(
      runCli(['create', '-', '--issuer', 'did:web:x.example'], deep),
      /ERR_INVALID_ARGUMENT: .*deeper than 64 levels/,
    )
  })

  it('verify of the same 10,000-deep document is a negative verdict (exit 1), not an error', () => {
    const deep = `${'{"d":'.repeat(10_000)}{}${'}'.repeat(10_000)}`
    const run = runCli(['verify', '-', '--json'], deep)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout).errors.map((e: { code: string }) => e.code)).toEqual([
      'INPUT_TOO_DEEP',
    ])
  })
})

describe('verdicts', () => {
  it('verify: 0 when verified, 1 when not (here: not a credential)', () => {
    expect(runCli(['verify', SIGNED, '--did', DID]).code).toBe(0)
    const run = runCli(['verify', '-'], '[1, 2]')
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^NOT VERIFIED /)
  })
})

describe('--help of every command documents the exit codes (exit 0)', () => {
  it.each(['', 'create', 'inspect', 'check', 'keygen', 'issue', 'verify'])(
    'carbon-passport %s --help',
    (command) => {
      const run = runCli(command ? [command, '--help'] : ['--help'])
      expect(run.code).toBe(0)
      expect(run.stderr).toBe('')
      const section = run.stdout.slice(run.stdout.indexOf('Exit codes:'))
      expect(section).toMatch(/^Exit codes:\n {2}0 {2}\S.*\n {2}1 {2}\S.*\n {2}2 {2}\S.*\n$/)
    },
  )

  it('--version exits 0', () => {
    const run = runCli(['--version'])
    expect(run.code).toBe(0)
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })
})
