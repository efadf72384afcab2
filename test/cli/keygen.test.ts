/**
 * `carbon-passport keygen -o`: a private key file is created with mode 0600 and never replaces an
 * existing file unless --force is given (it used to overwrite a key silently, world-readable).
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.js'
import { tempDir } from '../helpers/temp-dir.js'

const DID = 'did:web:passports.keygen.example'
let dir: string
const file = (name: string) => join(dir, name)
const mode = (path: string) => statSync(path).mode & 0o777
const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
/** The mode an ordinary new file gets here (0666 under the umask the CLI inherits). */
function ordinaryMode(): number {
  const probe = file('probe')
  writeFileSync(probe, '')
  const m = mode(probe)
  rmSync(probe)
  return m
}
const keygen = (...args: string[]) => runCli(['keygen', '--controller', DID, ...args])

beforeEach(() => {
  dir = tempDir('keygen')
})

describe('carbon-passport keygen -o', () => {
  it('writes the private key with mode 0600 and the DID document as an ordinary file', () => {
    const run = keygen('-o', file('key.json'), '--did-document', file('did.json'))
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('')
    expect(mode(file('key.json'))).toBe(0o600)
    expect(mode(file('did.json'))).toBe(ordinaryMode())
    expect(JSON.parse(readFileSync(file('key.json'), 'utf8'))).toMatchObject({
      kid: `${DID}#key-1`,
      d: expect.any(String),
    })
    expect(readFileSync(file('did.json'), 'utf8')).not.toMatch(/"d"/)
  })

  it('refuses to replace an existing key file: exit 2, one line, the file untouched', () => {
    expect(keygen('-o', file('key.json')).code).toBe(0)
    const before = digest(file('key.json'))
    const run = keygen('-o', file('key.json'))
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      `carbon-passport: ${file('key.json')} exists; not overwritten (use --force to replace it)\n`,
    )
    expect(digest(file('key.json'))).toBe(before)
    expect(mode(file('key.json'))).toBe(0o600)
  })

  it('refuses an existing DID document before writing anything (no key without its document)', () => {
    writeFileSync(file('did.json'), '{"id":"did:web:other.example"}')
    const run = keygen('-o', file('key.json'), '--did-document', file('did.json'))
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/did\.json exists; not overwritten/)
    expect(existsSync(file('key.json'))).toBe(false)
    expect(readFileSync(file('did.json'), 'utf8')).toBe('{"id":"did:web:other.example"}')
  })

  it('--force replaces both files; the key is 0600 even over a world-readable one, no temporary files left', () => {
    writeFileSync(file('key.json'), 'old key', { mode: 0o644 })
    writeFileSync(file('did.json'), 'old document')
    expect(mode(file('key.json'))).toBe(0o644 & ordinaryMode())
    const run = keygen('-o', file('key.json'), '--did-document', file('did.json'), '--force')
    expect(run.code).toBe(0)
    expect(mode(file('key.json'))).toBe(0o600)
    expect(JSON.parse(readFileSync(file('key.json'), 'utf8')).kid).toBe(`${DID}#key-1`)
    expect(JSON.parse(readFileSync(file('did.json'), 'utf8')).id).toBe(DID)
    expect(readdirSync(dir).sort()).toEqual(['did.json', 'key.json'])
  })

  it('the same file for -o and --did-document, or a directory that does not exist: exit 2', () => {
    const same = keygen('-o', file('k.json'), '--did-document', join(dir, '.', 'k.json'))
    expect(same.code).toBe(2)
    expect(same.stderr).toMatch(/must be different files/)
    const nowhere = keygen('-o', join(dir, 'missing', 'k.json'))
    expect(nowhere.code).toBe(2)
    expect(nowhere.stderr).toMatch(/cannot write it \(no such file or directory\)/)
    expect(nowhere.stderr).not.toMatch(/^\s+at /m)
    expect(readdirSync(dir)).toEqual([])
  })

  it('without -o the private key goes to standard output, as before', () => {
    const run = keygen()
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ kid: `${DID}#key-1`, d: expect.any(String) })
  })
})
