#!/usr/bin/env node
/**
 * The `carbon-passport` command. Each command lives in `commands/<name>.ts` and registers itself
 * here; every command prints readable text on a terminal, JSON with `--json`, and exits 0 only
 * when its verdict is positive.
 */
import { Command } from 'commander'
import { registerCheck } from './commands/check.js'
import { registerCreate } from './commands/create.js'
import { registerInspect } from './commands/inspect.js'
import { registerIssue } from './commands/issue.js'
import { registerKeygen } from './commands/keygen.js'
import { registerVerify } from './commands/verify.js'

const program = new Command()
  .name('carbon-passport')
  .description('Create, sign, verify and check digital product carbon passports (W3C VC 2.0).')
  .version('0.1.0')
  .showHelpAfterError()

registerCreate(program)
registerInspect(program)
registerCheck(program)
registerKeygen(program)
registerIssue(program)
registerVerify(program)

await program.parseAsync(process.argv)
