#!/usr/bin/env node
/**
 * The `carbon-passport` command. Each command lives in `commands/<name>.ts` and registers itself
 * here; every command prints readable text on a terminal, JSON with `--json`, and exits 0 when its
 * verdict is positive, 1 when it is negative, and 2 on bad usage or input it cannot read. Errors
 * are one line, `carbon-passport: <message>`, on standard error; never a stack trace.
 */
import './last-resort.js'
import { Command } from 'commander'
import { useOfflineJsonld } from '../credential/data-integrity/jsonld-offline.js'
import { exitCodesHelp, oneLine, reportError } from './io.js'

type Register = (program: Command) => void

/**
 * Each command's module, by the command's name, in the order `--help` lists them. A run loads
 * only the command it runs (start-up, issue 13: every command module loads what its command
 * needs, and all of them together cost ~100 ms); help, a mistyped command or none loads them all.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  create: async () => (await import('./commands/create.js')).registerCreate,
  inspect: async () => (await import('./commands/inspect.js')).registerInspect,
  check: async () => (await import('./commands/check.js')).registerCheck,
  keygen: async () => (await import('./commands/keygen.js')).registerKeygen,
  issue: async () => (await import('./commands/issue.js')).registerIssue,
  verify: async () => (await import('./commands/verify.js')).registerVerify,
  bundle: async () => (await import('./commands/bundle.js')).registerBundle,
  attest: async () => (await import('./commands/attest.js')).registerAttest,
  convert: async () => (await import('./commands/convert.js')).registerConvert,
  serve: async () => (await import('./commands/serve.js')).registerServe,
}

/** The commands a run needs: the one it names, none for `--version`, else every one. */
function commandsFor(first: string | undefined): string[] {
  if (first === '--version' || first === '-V') return []
  if (first !== undefined && Object.hasOwn(COMMANDS, first)) return [first]
  return Object.keys(COMMANDS)
}

/** Commander's error messages as one line, with where to look for the usage. */
const usageError = (usage: string) => (message: string, write: (text: string) => void) =>
  write(`carbon-passport: ${oneLine(message)} (see ${usage} --help)\n`)

const program = new Command()
  .name('carbon-passport')
  .description('Create, sign, verify and check digital product carbon passports (W3C VC 2.0).')
  .version('0.1.0')
  // Options after a command are that command's: `convert --version 2.3` is the target version,
  // not the program's --version.
  .enablePositionalOptions()
  // Commander throws (a CommanderError) instead of exiting, so the exit code is ours to choose,
  // and prints its errors as one carbon-passport line. Subcommands inherit both settings.
  .exitOverride()
  .configureOutput({ outputError: usageError('carbon-passport') })
  .addHelpText(
    'after',
    exitCodesHelp({
      0: 'the verdict is positive (verified, conforms), or the command did its work',
      1: 'the verdict is negative (not verified, does not conform)',
      2: 'bad usage, or input that cannot be read; nothing was judged',
    }),
  )

try {
  const names = commandsFor(process.argv[2])
  // Before a command can load jsonld.js: the CLI never uses its fetching document loader.
  if (names.length > 0) useOfflineJsonld()
  const registers = await Promise.all(
    names.map((name) => (COMMANDS[name] as () => Promise<Register>)()),
  )
  for (const register of registers) register(program)
  for (const command of program.commands) {
    command.configureOutput({ outputError: usageError(`carbon-passport ${command.name()}`) })
  }
  await program.parseAsync(process.argv)
} catch (err) {
  process.exitCode = reportError(err)
}
