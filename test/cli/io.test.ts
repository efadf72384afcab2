/** The CLI's file writing and error reporting, in process (the spawned tests cover the commands). */
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { CommanderError } from 'commander'
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  CliError,
  MAX_INPUT_TEXT_BYTES,
  oneLine,
  readBoundedText,
  readText,
  reportError,
  writeNewFile,
} from '../../src/cli/io.js'
import { CarbonPassportError } from '../../src/errors.js'
import { undescribable } from '../helpers/hostile.js'
import { tempDir } from '../helpers/temp-dir.js'

let dir: string
const file = (name: string) => join(dir, name)
const mode = (path: string) => statSync(path).mode & 0o777

beforeEach(() => {
  dir = tempDir('io')
})

describe('writeNewFile', () => {
  it('never replaces a file without force: the exclusive create itself refuses (no pre-check)', () => {
    writeFileSync(file('k'), 'old')
    expect(() => writeNewFile(file('k'), 'new', { force: false, secret: true })).toThrow(
      new CliError(`${file('k')} exists; not overwritten (use --force to replace it)`),
    )
    expect(readFileSync(file('k'), 'utf8')).toBe('old')
  })

  it('does not write through a symbolic link, not even a dangling one', () => {
    symlinkSync(file('target'), file('link'))
    expect(() => writeNewFile(file('link'), 'secret', { force: false, secret: true })).toThrow(
      CliError,
    )
    expect(existsSync(file('target'))).toBe(false)
    // With force the link itself is replaced by a private file; its target is never written.
    writeFileSync(file('target'), 'someone else’s file')
    writeNewFile(file('link'), 'secret', { force: true, secret: true })
    expect(lstatSync(file('link')).isSymbolicLink()).toBe(false)
    expect(readFileSync(file('link'), 'utf8')).toBe('secret\n')
    expect(readFileSync(file('target'), 'utf8')).toBe('someone else’s file')
  })

  it('secrets get mode 0600, new or replaced; nothing temporary is left behind', () => {
    writeNewFile(file('a'), 'x', { force: false, secret: true })
    expect(mode(file('a'))).toBe(0o600)
    writeFileSync(file('b'), 'old', { mode: 0o666 })
    writeNewFile(file('b'), 'y', { force: true, secret: true })
    expect(mode(file('b'))).toBe(0o600)
    expect(readFileSync(file('b'), 'utf8')).toBe('y\n')
    expect(readdirSync(dir).sort()).toEqual(['a', 'b'])
  })

  it('a failed write is a CliError and leaves nothing behind', () => {
    expect(() =>
      writeNewFile(join(dir, 'no', 'such', 'dir'), 'x', { force: true, secret: true }),
    ).toThrow(/cannot write it \(no such file or directory\)/)
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('readText', () => {
  it('says which option a missing file came from', () => {
    expect(() => readText(file('nope'), '--did')).toThrow(
      new CliError(`--did ${file('nope')}: cannot read it (no such file or directory)`),
    )
  })
})

describe('readBoundedText and readText (the cap of a file the CLI reads)', () => {
  it('reads a file up to the cap exactly as readFileSync does, and nothing past it', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.integer({ min: 0, max: 200 }),
        (bytes, cap) => {
          writeFileSync(file('in'), bytes)
          const text = readBoundedText(file('in'), cap)
          if (bytes.length > cap) expect(text).toBeUndefined()
          else expect(text).toBe(readFileSync(file('in'), 'utf8'))
        },
      ),
      { numRuns: 300 },
    )
    // Across read chunks (64 KiB) too.
    const big = Buffer.alloc(200_000, 'é')
    writeFileSync(file('big'), big)
    expect(readBoundedText(file('big'), big.length)).toBe(big.toString('utf8'))
    expect(readBoundedText(file('big'), big.length - 1)).toBeUndefined()
  })

  it('the cap is 8 MiB; a longer file or an unreadable one is a usage error naming it', () => {
    expect(MAX_INPUT_TEXT_BYTES).toBe(8 * 1024 * 1024)
    writeFileSync(file('huge.json'), Buffer.alloc(MAX_INPUT_TEXT_BYTES + 1, 0x20))
    expect(() => readText(file('huge.json'))).toThrow(CliError)
    expect(() => readText(file('huge.json'))).toThrow(/huge\.json: longer than 8388608 bytes/)
    // An option file too: the message names the option.
    expect(() => readText(file('huge.json'), '--did')).toThrow(
      new RegExp(`^--did ${file('huge.json')}: longer than 8388608 bytes`),
    )
    expect(() => readText(file('missing.json'))).toThrow(/missing\.json: cannot read it/)
    writeFileSync(file('ok.json'), '{"a":1}')
    expect(readText(file('ok.json'))).toBe('{"a":1}')
    // Exactly at the cap is read.
    writeFileSync(file('full.json'), Buffer.alloc(MAX_INPUT_TEXT_BYTES, 0x20))
    expect(readText(file('full.json')).length).toBe(MAX_INPUT_TEXT_BYTES)
  })
})

describe('reportError', () => {
  let written: string[]
  beforeEach(() => {
    written = []
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk))
      return true
    })
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('commander’s own errors are already printed: 0 for help and version, 2 for the rest', () => {
    expect(reportError(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toBe(0)
    expect(reportError(new CommanderError(0, 'commander.version', '0.1.0'))).toBe(0)
    expect(reportError(new CommanderError(1, 'commander.unknownOption', 'x'))).toBe(2)
    expect(reportError(new CommanderError(1, 'commander.help', '(outputHelp)'))).toBe(2)
    expect(written).toEqual([])
  })

  it('everything else is one line and exit code 2, whatever was thrown', () => {
    expect(reportError(new CliError('bad'))).toBe(2)
    expect(reportError(new CarbonPassportError('ERR_KEY_INVALID', 'no\nkey'))).toBe(2)
    expect(reportError(new RangeError('Maximum call stack size exceeded'))).toBe(2)
    expect(reportError(undescribable())).toBe(2)
    expect(written).toEqual([
      'carbon-passport: bad\n',
      'carbon-passport: ERR_KEY_INVALID: no key\n',
      'carbon-passport: unexpected error: Maximum call stack size exceeded\n',
      'carbon-passport: unexpected error: an error that cannot be described\n',
    ])
  })

  it('oneLine joins commander’s suggestion lines and drops its "error: " prefix', () => {
    expect(oneLine("error: unknown option '--jsn'\n(Did you mean --json?)\n")).toBe(
      "unknown option '--jsn' (Did you mean --json?)",
    )
  })
})
