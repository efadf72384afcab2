/**
 * `carbon-passport issue <passport> --key <file>`: signs a passport with Data Integrity (default) or
 * as a vc+jwt. With `--credential` any VC 2.0 credential is signed without the passport rules.
 */
import type { Command } from 'commander'
import { type IssueOptions, issueCredential } from '../../credential/issue.js'
import { importKey } from '../../keys/import.js'
import { issuePassport } from '../../passport/issue.js'
import { exitCodesHelp, fail, json, readJson, writeOutput } from '../io.js'
import { loaderFromOptions } from './verify.js'

interface IssueCliOptions {
  key: string
  format: string
  cryptosuite?: string
  envelope?: boolean
  created?: string
  credential?: boolean
  context: string[]
  out?: string
}

const collect = (value: string, previous: string[]): string[] => [...previous, value]

export function registerIssue(program: Command): void {
  program
    .command('issue')
    .description('sign a passport (Data Integrity or vc+jwt)')
    .argument('<passport>', 'unsigned passport JSON file; - for stdin')
    .requiredOption(
      '-k, --key <file>',
      'private key file (JWK with kid, or Multikey with secretKeyMultibase)',
    )
    .option('-f, --format <format>', 'data-integrity or vc-jose', 'data-integrity')
    .option('--cryptosuite <name>', 'eddsa-rdfc-2022 (Ed25519) or ecdsa-rdfc-2019 (P-256)')
    .option(
      '--envelope',
      'vc-jose: print an EnvelopedVerifiableCredential instead of the compact JWS',
    )
    .option('--created <date>', 'the proof’s created date (default: now)')
    .option('--credential', 'sign any VC 2.0 credential, without the passport rules')
    .option(
      '--context <url=file>',
      'an extra JSON-LD context to load (repeatable; with --credential)',
      collect,
      [],
    )
    .option('-o, --out <file>', 'write the result to a file instead of standard output')
    .addHelpText(
      'after',
      exitCodesHelp({
        0: 'the passport was signed and written',
        1: '(not used: issue gives no verdict)',
        2: 'bad usage, input that cannot be read (the passport, --key, --context), or a refusal (the ERR_ code is printed, e.g. ERR_KEY_NOT_CONTROLLED_BY_ISSUER)',
      }),
    )
    .action(async (file: string, opts: IssueCliOptions) => {
      if (opts.format !== 'data-integrity' && opts.format !== 'vc-jose') {
        fail(`--format: "${opts.format}" is not data-integrity or vc-jose`)
      }
      const credential = readJson(file) as Record<string, unknown>
      let created: Date | undefined
      if (opts.created) {
        created = new Date(opts.created)
        if (Number.isNaN(created.getTime())) fail(`--created: "${opts.created}" is not a date`)
      }
      // A CarbonPassportError (a refusal) is reported by main: its code, exit 2.
      const options: IssueOptions = {
        key: importKey(readJson(opts.key, '--key')),
        format: opts.format,
        documentLoader: loaderFromOptions(opts.context),
        ...(opts.cryptosuite
          ? { cryptosuite: opts.cryptosuite as IssueOptions['cryptosuite'] & string }
          : {}),
        ...(opts.envelope ? { envelope: true } : {}),
        ...(created ? { created } : {}),
      }
      const result = opts.credential
        ? await issueCredential(credential, options)
        : await issuePassport(credential, options)
      writeOutput(typeof result === 'string' ? result : json(result), opts.out)
    })
}
