#!/usr/bin/env node
/**
 * The `carbon-passport` command. Each command lives in `commands/<name>.ts` and registers itself
 * here; every command prints readable text on a terminal, JSON with `--json`, and exits 0 when its
 * verdict is positive, 1 when it is negative, and 2 on bad usage or input it cannot read. Errors
 * are one line, `carbon-passport: <message>`, on standard error; never a stack trace.
 */
import './last-resort.js'
import { Command } from 'commander'
import { registerAttest } from './commands/attest.js'
import { registerBundle } from './commands/bundle.js'
import { registerCheck } from './commands/check.js'
import { registerConvert } from './commands/convert.js'
import { registerCreate } from './commands/create.js'
import { registerInspect } from './commands/inspect.js'
import { registerIssue } from './commands/issue.js'
import { registerKeygen } from './commands/keygen.js'
import { registerServe } from './commands/serve.js'
import { registerVerify } from './commands/verify.js'
import { exitCodesHelp, oneLine, reportError } from './io.js'

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

registerCreate(program)
registerInspect(program)
registerCheck(program)
registerKeygen(program)
registerIssue(program)
registerVerify(program)
registerBundle(program)
registerAttest(program)
registerConvert(program)
registerServe(program)
for (const command of program.commands) {
  command.configureOutput({ outputError: usageError(`carbon-passport ${command.name()}`) })
}

try {
  await program.parseAsync(process.argv)
} catch (err) {
  process.exitCode = reportError(err)
}
