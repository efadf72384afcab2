/**
 * `carbon-passport issue <passport> --key <file>`: signs a passport with Data Integrity (default) or
 * as a vc+jwt. A passport with conformance errors (under `core` and the `--profile`s) is not signed:
 * the findings are printed on standard error and the exit code is 1, unless `--allow-nonconforming`.
 * With `--credential` any VC 2.0 credential is signed without the passport rules.
 */
import type { Command } from 'commander'
import { isProfileId, PROFILE_IDS, type ProfileId } from '../../conformance/profiles/ids.js'
import { type IssueOptions, issueCredential } from '../../credential/issue.js'
import { isCarbonPassportError } from '../../errors.js'
import type { Finding } from '../../findings/finding.js'
import { importKey } from '../../keys/import.js'
import { issuePassport } from '../../passport/issue.js'
import { findingsTable } from '../findings-table.js'
import { EXIT, exitCodesHelp, fail, json, readJson, writeOutput } from '../io.js'
import { loaderFromOptions } from './verify.js'

interface IssueCliOptions {
  key: string
  format: string
  cryptosuite?: string
  envelope?: boolean
  created?: string
  credential?: boolean
  context: string[]
  profile: string[]
  allowNonconforming?: boolean
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
    .option(
      '-p, --profile <id>',
      `a profile whose errors refuse the passport too, on top of core; repeatable (${PROFILE_IDS.filter((p) => p !== 'core').join(', ')})`,
      collect,
      [],
    )
    .option(
      '--allow-nonconforming',
      'sign a passport with conformance errors anyway (for deliberately broken test vectors)',
    )
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
        1: 'the passport does not conform (an error under core or a --profile): the findings are printed on standard error and nothing is signed',
        2: 'bad usage, input that cannot be read (the passport, --key, --context), or a refusal (the ERR_ code is printed, e.g. ERR_PASSPORT_INVALID, ERR_KEY_NOT_CONTROLLED_BY_ISSUER)',
      }),
    )
    .action(async (file: string, opts: IssueCliOptions) => {
      if (opts.format !== 'data-integrity' && opts.format !== 'vc-jose') {
        fail(`--format: "${opts.format}" is not data-integrity or vc-jose`)
      }
      for (const p of opts.profile) {
        if (!isProfileId(p)) fail(`unknown profile "${p}"; known: ${PROFILE_IDS.join(', ')}`)
      }
      if (opts.credential && (opts.profile.length > 0 || opts.allowNonconforming)) {
        fail(
          '--profile and --allow-nonconforming are passport rules; --credential signs without them',
        )
      }
      const credential = readJson(file) as Record<string, unknown>
      let created: Date | undefined
      if (opts.created) {
        created = new Date(opts.created)
        if (Number.isNaN(created.getTime())) fail(`--created: "${opts.created}" is not a date`)
      }
      // A CarbonPassportError (a refusal) is reported by main: its code, exit 2; a passport that
      // does not conform is a negative verdict (exit 1) with its findings.
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
      let result: Awaited<ReturnType<typeof issueCredential>>
      try {
        result = opts.credential
          ? await issueCredential(credential, options)
          : await issuePassport(credential, {
              ...options,
              profiles: opts.profile as ProfileId[],
              ...(opts.allowNonconforming ? { allowNonConforming: true } : {}),
            })
      } catch (err) {
        if (!isCarbonPassportError(err, 'ERR_PASSPORT_NONCONFORMING')) throw err
        const findings = (err.details?.findings ?? []) as Finding[]
        const profiles = (err.details?.profiles ?? ['core']) as string[]
        process.stderr.write(
          [
            `carbon-passport: ${file} does not conform (${profiles.join(', ')}); not signed (--allow-nonconforming signs it anyway)`,
            ...findingsTable(findings).map((l) => `  ${l}`),
            '',
          ].join('\n'),
        )
        process.exitCode = EXIT.negative
        return
      }
      writeOutput(typeof result === 'string' ? result : json(result), opts.out)
    })
}
