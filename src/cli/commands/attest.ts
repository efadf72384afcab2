/**
 * `carbon-passport attest <passport> --key <file> --standard … --scope …`: a verifier attests a
 * passport: a `CarbonPassportAttestation` signed with the verifier's key, naming the passport's id
 * and digest and the figures verified (attestPassport). Figures that differ from the passport's are
 * refused (ERR_ATTESTATION_FIGURES_DIFFER, exit 2); nothing is signed then.
 */
import type { Command } from 'commander'
import { type AttestOptions, attestPassport } from '../../attestation/attest.js'
import { importKey } from '../../keys/import.js'
import { VERIFICATION_LEVELS, VERIFICATION_OPINIONS } from '../../model/enums.js'
import { exitCodesHelp, fail, json, readText, writeOutput } from '../io.js'
import { loaderFromOptions } from './verify.js'

interface AttestCliOptions {
  key: string
  standard: string
  scope: string
  level?: string
  opinion: string
  materiality?: string
  accreditationBody?: string
  accreditationNumber?: string
  accreditationScheme?: string
  statement?: string
  completedAt?: string
  figure: string[]
  issuerName?: string
  id?: string
  validFrom?: string
  validUntil?: string
  format: string
  created?: string
  context: string[]
  out?: string
}

const collect = (value: string, previous: string[]): string[] => [...previous, value]

/** A date option, or a usage error. */
function dateOption(value: string | undefined, flag: string): Date | undefined {
  if (value === undefined) return undefined
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) fail(`${flag}: "${value}" is not a date`)
  return date
}

/** `--figure <pointer>` or `--figure <pointer>=<value>`. */
function figureOption(spec: string): string | { pointer: string; value: string } {
  const at = spec.indexOf('=')
  return at < 0 ? spec : { pointer: spec.slice(0, at), value: spec.slice(at + 1) }
}

export function registerAttest(program: Command): void {
  program
    .command('attest')
    .description(
      'attest a passport as its verifier: a CarbonPassportAttestation of its digest and figures',
    )
    .argument('<passport>', 'the passport: JSON with a proof, a vc+jwt or an envelope; - for stdin')
    .requiredOption(
      '-k, --key <file>',
      'the verifier’s private key file (JWK with kid, or Multikey)',
    )
    .requiredOption(
      '--standard <name>',
      'the verification standard, e.g. "ISO 14064-3:2019" or "ISO 14067:2018"',
    )
    .requiredOption('--scope <text>', 'what was verified: boundary, period, sites, figures')
    .option('--level <level>', `assurance level: ${VERIFICATION_LEVELS.join(' or ')}`)
    .option(
      '--opinion <opinion>',
      `the opinion (ISO 14064-3:2019): ${VERIFICATION_OPINIONS.join(', ')}`,
      'unmodified',
    )
    .option('--materiality <percent>', 'the materiality threshold in percent, e.g. 5')
    .option('--accreditation-body <name>', 'the accreditation body')
    .option('--accreditation-number <id>', 'the verifier’s accreditation number with that body')
    .option('--accreditation-scheme <name>', 'e.g. "ISO 14065:2020"')
    .option('--statement <text>', 'the verification statement, or a summary')
    .option('--completed-at <date>', 'when the verification was completed')
    .option(
      '--figure <pointer[=value]>',
      'a figure to attest, by JSON Pointer into the passport (and the value verified); repeatable; default: the PCF, the declared unit and the battery declarations’ per-FU values',
      collect,
      [],
    )
    .option('--issuer-name <name>', 'the verification body’s name (issuer.name)')
    .option('--id <iri>', 'the attestation’s id (default: a random urn:uuid)')
    .option('--valid-from <date>', 'the attestation’s validFrom (default: --created, or now)')
    .option('--valid-until <date>', 'the attestation’s validUntil')
    .option('-f, --format <format>', 'data-integrity or vc-jose', 'data-integrity')
    .option('--created <date>', 'the proof’s created date (default: now)')
    .option('--context <url=file>', 'an extra JSON-LD context to load (repeatable)', collect, [])
    .option('-o, --out <file>', 'write the attestation to a file instead of standard output')
    .addHelpText(
      'after',
      exitCodesHelp({
        0: 'the attestation was signed and written',
        1: 'not used',
        2: 'bad usage, input that cannot be read, or a refusal (the ERR_ code is printed, e.g. ERR_ATTESTATION_FIGURES_DIFFER)',
      }),
    )
    .action(async (file: string, opts: AttestCliOptions) => {
      if (opts.format !== 'data-integrity' && opts.format !== 'vc-jose') {
        fail(`--format: "${opts.format}" is not data-integrity or vc-jose`)
      }
      if (!(VERIFICATION_OPINIONS as readonly string[]).includes(opts.opinion)) {
        fail(`--opinion: "${opts.opinion}" is not ${VERIFICATION_OPINIONS.join(', ')}`)
      }
      if (
        opts.level !== undefined &&
        !(VERIFICATION_LEVELS as readonly string[]).includes(opts.level)
      ) {
        fail(`--level: "${opts.level}" is not ${VERIFICATION_LEVELS.join(' or ')}`)
      }
      const accreditation =
        opts.accreditationBody !== undefined || opts.accreditationNumber !== undefined
          ? {
              body:
                opts.accreditationBody ?? fail('--accreditation-number needs --accreditation-body'),
              number:
                opts.accreditationNumber ??
                fail('--accreditation-body needs --accreditation-number'),
              ...(opts.accreditationScheme === undefined
                ? {}
                : { scheme: opts.accreditationScheme }),
            }
          : undefined
      const passport = readText(file).trim()
      const { key: keyFile } = opts
      const keyText = readText(keyFile, '--key')
      let keyJson: unknown
      try {
        keyJson = JSON.parse(keyText)
      } catch {
        fail(`--key ${keyFile}: not JSON`)
      }
      const completedAt = dateOption(opts.completedAt, '--completed-at')
      const validFrom = dateOption(opts.validFrom, '--valid-from')
      const validUntil = dateOption(opts.validUntil, '--valid-until')
      const created = dateOption(opts.created, '--created')
      // A CarbonPassportError (a refusal) is reported by main: its code, exit 2.
      const options: AttestOptions = {
        key: importKey(keyJson),
        standard: opts.standard,
        scope: opts.scope,
        opinion: opts.opinion as AttestOptions['opinion'],
        format: opts.format,
        documentLoader: loaderFromOptions(opts.context),
        ...(opts.level === undefined ? {} : { level: opts.level as 'limited' | 'reasonable' }),
        ...(opts.materiality === undefined ? {} : { materiality: opts.materiality }),
        ...(accreditation === undefined ? {} : { accreditation }),
        ...(opts.statement === undefined ? {} : { statement: opts.statement }),
        ...(completedAt === undefined ? {} : { completedAt }),
        ...(opts.figure.length === 0 ? {} : { figures: opts.figure.map(figureOption) }),
        ...(opts.issuerName === undefined ? {} : { issuerName: opts.issuerName }),
        ...(opts.id === undefined ? {} : { id: opts.id }),
        ...(validFrom === undefined ? {} : { validFrom }),
        ...(validUntil === undefined ? {} : { validUntil }),
        ...(created === undefined ? {} : { created }),
      }
      const result = await attestPassport(passport, options)
      writeOutput(typeof result === 'string' ? result : json(result), opts.out)
    })
}
