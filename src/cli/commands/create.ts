/** `carbon-passport create`: build an unsigned passport credential from subject data. */
import type { Command } from 'commander'
import { createPassport, type PassportSubjectInput } from '../../credential/create.js'
import { isCarbonPassportError } from '../../errors.js'
import { fail, json, readJson, writeOutput } from '../io.js'

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
    .action((subjectPath: string, opts: Record<string, string | undefined>) => {
      const input = readJson(subjectPath) as Record<string, unknown>
      const subject = (input?.credentialSubject ?? input) as PassportSubjectInput
      try {
        const passport = createPassport(subject, {
          issuer: opts.issuerName
            ? { id: opts.issuer ?? '', name: opts.issuerName }
            : (opts.issuer ?? ''),
          ...(opts.id ? { id: opts.id } : {}),
          ...(opts.validFrom ? { validFrom: parseDate(opts.validFrom, '--valid-from') } : {}),
          ...(opts.validUntil ? { validUntil: parseDate(opts.validUntil, '--valid-until') } : {}),
        })
        writeOutput(json(passport), opts.out)
      } catch (err) {
        if (isCarbonPassportError(err)) fail(`${err.code}: ${err.message}`)
        throw err
      }
    })
}
