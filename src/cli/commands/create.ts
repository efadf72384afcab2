/** `carbon-passport create`: build an unsigned passport credential from subject data. */
import type { Command } from 'commander'
import { createPassport, type PassportSubjectInput } from '../../passport/create.js'
import { exitCodesHelp, fail, json, readJson, writeOutput } from '../io.js'

const parseDate = (value: string, name: string): Date => {
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) fail(`${name}: "${value}" is not a date`)
  return d
}

export function registerCreate(program: Command): void {
  program
    .command('create')
    .description(
      'build an unsigned passport from a credential subject (or re-issue an existing passport’s subject)',
    )
    .argument(
      '<subject>',
      'JSON file with the credential subject, or a passport whose subject is reused; - for stdin',
    )
    .requiredOption('--issuer <id>', 'issuer DID or IRI (must control the signing key)')
    .option('--issuer-name <name>', 'issuer display name')
    .option('--id <id>', 'passport id (default: a new urn:uuid)')
    .option('--valid-from <date>', 'start of validity (default: now)')
    .option('--valid-until <date>', 'end of validity')
    .option('-o, --out <file>', 'write the passport to a file instead of standard output')
    .addHelpText(
      'after',
      exitCodesHelp({
        0: 'the passport was written',
        1: '(not used: create gives no verdict)',
        2: 'bad usage, input that cannot be read, or a subject that does not make a valid passport (the ERR_ code is printed)',
      }),
    )
    .action((subjectPath: string, opts: Record<string, string | undefined>) => {
      const input = readJson(subjectPath) as Record<string, unknown>
      const subject = (input?.credentialSubject ?? input) as PassportSubjectInput
      // A CarbonPassportError (ERR_PASSPORT_INVALID, …) is reported by main: its code, exit 2.
      const passport = createPassport(subject, {
        issuer: opts.issuerName
          ? { id: opts.issuer ?? '', name: opts.issuerName }
          : (opts.issuer ?? ''),
        ...(opts.id ? { id: opts.id } : {}),
        ...(opts.validFrom ? { validFrom: parseDate(opts.validFrom, '--valid-from') } : {}),
        ...(opts.validUntil ? { validUntil: parseDate(opts.validUntil, '--valid-until') } : {}),
      })
      writeOutput(json(passport), opts.out)
    })
}
