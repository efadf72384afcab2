/**
 * Issue 13: `carbon-passport verify` and `check` with many inputs (files, folders, NDJSON on
 * standard input), spawned as a user would run them: one result per input, a summary, and one bad
 * or unreadable input is one failed result, never an aborted run.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/temp-dir.js'

const root = new URL('../../../', import.meta.url)
const cli = (args: string[], input?: string | Buffer) =>
  spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
    ...(input === undefined ? {} : { input }),
  })

const SIGNED = 'examples/signed'
const signedFiles = readdirSync(new URL(`../../../${SIGNED}/`, import.meta.url)).sort()
const DIDS = readdirSync(new URL('../../../examples/keys/', import.meta.url))
  .filter((f) => f.endsWith('.did.json'))
  .flatMap((f) => ['--did', `examples/keys/${f}`])
const signedPath = (name: string) => new URL(`../../../${SIGNED}/${name}`, import.meta.url)

interface Line {
  index: number
  file: string
  id?: string
  verified: boolean
  errors: { code: string; path: string; message: string }[]
}
const ndjson = (stdout: string): Line[] =>
  stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Line)

/** A folder of every signed example, one tampered copy and one file that is not JSON. */
function mixedFolder(): string {
  const dir = tempDir('batch')
  for (const f of signedFiles) copyFileSync(signedPath(f), join(dir, f))
  mkdirSync(join(dir, 'nested'))
  const passport = JSON.parse(readFileSync(signedPath('lfp-cell-280ah.json'), 'utf8'))
  passport.credentialSubject.footprint.pcfExcludingBiogenicUptake = '1.0'
  writeFileSync(join(dir, 'nested', 'tampered.json'), JSON.stringify(passport))
  writeFileSync(join(dir, 'nested', 'junk.json'), 'this is not JSON\n')
  writeFileSync(join(dir, 'nested', 'ignored.txt'), 'not an input: a .txt file\n')
  return dir
}

describe('carbon-passport verify, many inputs', () => {
  it('a folder of the signed examples: every one verified, exit 0, the summary counts', () => {
    const r = cli(['verify', SIGNED, ...DIDS, '--jobs', '0'])
    expect(r.status).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(signedFiles.length)
    expect(lines.map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual(
      signedFiles.map((f) => `✓ ${SIGNED}/${f}`),
    )
    expect(r.stderr).toMatch(
      new RegExp(`^verified ${signedFiles.length}, failed 0 of ${signedFiles.length}`),
    )
    expect(r.stderr).toMatch(
      /by issuer:\n {2}did:web:passports\.autovolt-packs\.example: 2 verified/,
    )
    expect(r.stderr).toMatch(new RegExp(`by profile:\\n {2}core: ${signedFiles.length} verified`))
    expect(r.stderr).toMatch(/slowest/)
  })

  it('a tampered copy and a non-JSON file: exit 1, both reported, the others verified', () => {
    const dir = mixedFolder()
    const r = cli(['verify', dir, ...DIDS, '--jobs', '0'])
    expect(r.status).toBe(1)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(signedFiles.length + 2)
    const failed = lines.filter((l) => l.startsWith('✗'))
    expect(failed).toEqual([
      expect.stringMatching(/^✗ {2}\S+nested\/junk\.json {2}MALFORMED_JSON$/),
      expect.stringMatching(/^✗ {2}\S+nested\/tampered\.json {2}urn:uuid:\S+ {2}PROOF_INVALID/),
    ])
    expect(lines.filter((l) => l.startsWith('✓'))).toHaveLength(signedFiles.length)
    expect(r.stderr).toMatch(/^verified 16, failed 2 of 18/)
    expect(r.stderr).toMatch(/errors by code:(\n {2}\S+: \d+)*\n {2}MALFORMED_JSON: 1/)
    expect(r.stderr).toMatch(/\n {2}PROOF_INVALID: 1/)
    expect(r.stderr).not.toMatch(/ignored\.txt/)
  })

  it.each(['0', '1'])(
    'NDJSON on standard input, --ndjson out, --jobs %s: one parsed result per line, exit 1 on a bad line',
    (jobs) => {
      const jwt = readFileSync(signedPath('ev-nmc-pack.jwt'), 'utf8').trim()
      const di = JSON.stringify(JSON.parse(readFileSync(signedPath('lfp-cell-280ah.json'), 'utf8')))
      const quoted = JSON.stringify(
        readFileSync(signedPath('ups-battery-module.jwt'), 'utf8').trim(),
      )
      // The lines travel as bytes (to the workers too): CRLF ends, a blank line of a no-break space,
      // a line with a character outside the BMP and a byte that is not UTF-8.
      const input = Buffer.concat([
        Buffer.from([jwt, '', di, quoted, 'garbage', '\u00a0', '{"𝄞":1}'].join('\r\n')),
        Buffer.from([0x0a, 0x22, 0xff, 0x22, 0x0a]),
      ])
      const r = cli(['verify', '-', ...DIDS, '--ndjson', '--jobs', jobs], input)
      expect(r.status).toBe(1)
      const results = ndjson(r.stdout).sort((a, b) => a.index - b.index)
      expect(results.map(({ index, file, verified }) => ({ index, file, verified }))).toEqual([
        { index: 0, file: '-:1', verified: true },
        { index: 1, file: '-:3', verified: true },
        { index: 2, file: '-:4', verified: true },
        { index: 3, file: '-:5', verified: false },
        { index: 4, file: '-:7', verified: false },
        { index: 5, file: '-:8', verified: false },
      ])
      for (const line of results)
        expect(Object.keys(line).sort()).toEqual(
          expect.arrayContaining(['errors', 'file', 'index', 'verified']),
        )
      expect(results[0]?.id).toMatch(/^urn:uuid:/)
      expect(results[3]?.errors.map((e) => e.code)).toEqual(['MALFORMED_JSON'])
      // A JSON string is taken for a compact JWS: the bad byte decodes to U+FFFD, as it always did.
      expect(results[5]?.errors.map((e) => e.code)).toEqual(['MALFORMED_JSON'])
      expect(r.stderr).toMatch(/^verified 3, failed 3 of 6/)
    },
  )

  it('an NDJSON line over 8 MiB is one INPUT_TOO_LARGE result, and the lines after it are read', () => {
    const jwt = readFileSync(signedPath('ev-nmc-pack.jwt'), 'utf8').trim()
    const input = `${'x'.repeat(8 * 1024 * 1024 + 1)}\n${jwt}\n`
    const r = cli(['verify', '-', ...DIDS, '--ndjson', '--jobs', '1'], input)
    expect(r.status).toBe(1)
    const results = ndjson(r.stdout).sort((a, b) => a.index - b.index)
    expect(
      results.map(({ file, verified, errors }) => ({
        file,
        verified,
        codes: errors.map((e) => e.code),
      })),
    ).toEqual([
      { file: '-:1', verified: false, codes: ['INPUT_TOO_LARGE'] },
      { file: '-:2', verified: true, codes: [] },
    ])
  })

  it('a file over 8 MiB in a folder is one INPUT_TOO_LARGE result; alone, a usage error', () => {
    const dir = tempDir('batch')
    copyFileSync(signedPath('ev-nmc-pack.jwt'), join(dir, 'a.jwt'))
    writeFileSync(join(dir, 'b.json'), Buffer.alloc(8 * 1024 * 1024 + 1, 0x20))
    const r = cli(['verify', dir, ...DIDS, '--ndjson', '--jobs', '0'])
    expect(r.status).toBe(1)
    const results = ndjson(r.stdout).sort((a, b) => a.index - b.index)
    expect(
      results.map(({ verified, errors }) => ({ verified, codes: errors.map((e) => e.code) })),
    ).toEqual([
      { verified: true, codes: [] },
      { verified: false, codes: ['INPUT_TOO_LARGE'] },
    ])
    const alone = cli(['verify', join(dir, 'b.json'), ...DIDS])
    expect(alone.status).toBe(2)
    expect(alone.stderr).toMatch(/b\.json: longer than 8388608 bytes/)
  })

  it('one document on standard input over 8 MiB is a usage error, read no further', () => {
    const lines = `{\n${`${' '.repeat(1023)}\n`.repeat(8 * 1024 + 1)}}\n`
    const r = cli(['verify', '-', ...DIDS], lines)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/standard input: longer than 8388608 bytes/)
  })

  it('one document on standard input is still verified as before (the single-file output)', () => {
    const r = cli(['verify', '-', ...DIDS], readFileSync(signedPath('lfp-cell-280ah.json'), 'utf8'))
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^VERIFIED {2}- /)
  })

  it('--json: { results, summary } in input order, an unreadable file one failed result', () => {
    const missing = join(tempDir('batch'), 'does-not-exist.json')
    const r = cli(['verify', SIGNED, missing, ...DIDS, '--json', '--jobs', '0'])
    expect(r.status).toBe(1)
    const out = JSON.parse(r.stdout)
    expect(out.results.map((x: Line) => x.index)).toEqual(
      Array.from({ length: signedFiles.length + 1 }, (_, i) => i),
    )
    expect(out.results.at(-1)).toMatchObject({
      file: missing,
      verified: false,
      errors: [
        { code: 'FILE_UNREADABLE', path: '', message: expect.stringMatching(/no such file/) },
      ],
    })
    expect(out.summary).toMatchObject({
      total: signedFiles.length + 1,
      verified: signedFiles.length,
      failed: 1,
      unreadable: 1,
      byCode: { FILE_UNREADABLE: 1 },
      byProfile: { core: { verified: signedFiles.length, failed: 0 } },
    })
    expect(Object.keys(out.summary.byIssuer)).toHaveLength(9)
    expect(out.summary.slowest).toHaveLength(5)
    expect(typeof out.summary.seconds).toBe('number')
    expect(r.stderr).toBe('')
  })

  it('--summary-only prints no line per input; no progress bar when standard error is a pipe', () => {
    const r = cli(['verify', SIGNED, ...DIDS, '--summary-only', '--jobs', '0'])
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^verified 16, failed 0 of 16/)
    expect(r.stderr.includes('\u001b[')).toBe(false)
  })

  it('--jobs 0 and --jobs 2 give the same verdicts', () => {
    const dir = mixedFolder()
    const verdicts = (jobs: string) => {
      const r = cli(['verify', dir, ...DIDS, '--ndjson', '--jobs', jobs])
      expect(r.status).toBe(1)
      return ndjson(r.stdout)
        .sort((a, b) => a.index - b.index)
        .map(({ file, verified, errors }) => ({ file, verified, codes: errors.map((e) => e.code) }))
    }
    const one = verdicts('0')
    expect(one).toHaveLength(signedFiles.length + 2)
    expect(verdicts('2')).toEqual(one)
  })

  it('usage errors: exit 2', () => {
    expect(cli(['verify', SIGNED, '--jobs', 'many']).status).toBe(2)
    expect(cli(['verify', SIGNED, '--ndjson', '--json']).status).toBe(2)
    expect(cli(['verify', SIGNED, '--chain']).status).toBe(2)
    const empty = cli(['verify', tempDir('batch-empty')])
    expect(empty.status).toBe(2)
    expect(empty.stderr).toMatch(/nothing to verify/)
  })
})

describe('carbon-passport check, many inputs', () => {
  it('a folder and a missing file: that file failed, the others checked, exit 1', () => {
    const missing = join(tempDir('batch'), 'does-not-exist.json')
    const r = cli(['check', 'examples/valid', missing])
    expect(r.status).toBe(1)
    const verdicts = r.stdout.split('\n').filter((l) => /^(PASS|WARN|FAIL|INFO) /.test(l))
    const valid = readdirSync(new URL('../../../examples/valid/', import.meta.url)).filter((f) =>
      f.endsWith('.json'),
    )
    expect(verdicts).toHaveLength(valid.length + 1)
    expect(verdicts.at(-1)).toBe(`FAIL ${missing} (core)`)
    expect(verdicts.slice(0, -1).every((l) => !l.startsWith('FAIL'))).toBe(true)
    expect(r.stdout).toMatch(/FILE_UNREADABLE +error +cannot read it \(no such file/)
    expect(r.stderr).toBe(
      `checked ${valid.length + 1}: ${valid.length} conform, 1 do not (1 unreadable)\n`,
    )
  })

  it('--json: one { file, report } per input, the unreadable one not conforming', () => {
    const missing = join(tempDir('batch'), 'does-not-exist.json')
    const r = cli(['check', 'examples/valid', missing, '--json'])
    expect(r.status).toBe(1)
    const out = JSON.parse(r.stdout) as { file: string; report: { conforms: boolean } }[]
    expect(out.at(-1)).toMatchObject({ file: missing, report: { conforms: false } })
    expect(out.slice(0, -1).every((x) => x.report.conforms)).toBe(true)
  })
})
