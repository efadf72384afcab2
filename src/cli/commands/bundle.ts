/**
 * `carbon-passport bundle <passport> [upstream…]`: puts a passport and its upstream passports (and
 * attestations) into one VC 2.0 presentation, signed by the holder with `--key`. What a supplier
 * hands a buyer and an exporter hands customs; `carbon-passport verify --chain` reads it.
 */
import type { Command } from 'commander'
import { importKey } from '../../keys/import.js'
import { createBundle } from '../../supply-chain/bundle.js'
import { exitCodesHelp, fail, json, parseJson, readJson, readText, writeOutput } from '../io.js'

interface BundleCliOptions {
  key?: string
  attestation: string[]
  challenge?: string
  domain?: string
  format: string
  out?: string
}

const collect = (value: string, previous: string[]): string[] => [...previous, value]

/** A credential file: JSON (an object, an envelope) or a compact JWS (vc+jwt). */
export function readCredentialFile(path: string, what?: string): unknown {
  const text = readText(path, what).trim()
  return text.startsWith('{') ? parseJson(text, path, what) : text
}

export function registerBundle(program: Command): void {
  program
    .command('bundle')
    .description(
      'bundle a passport and its upstream passports into one presentation (signed with --key)',
    )
    .argument('<passport>', 'the passport the bundle is about: JSON with a proof, or a vc+jwt')
    .argument('[upstream...]', 'its upstream passports, any depth, in any order')
    .option('-k, --key <file>', "the holder's private key (JWK or Multikey): signs the bundle")
    .option('-a, --attestation <file>', 'an attestation to carry along (repeatable)', collect, [])
    .option('--challenge <text>', "the verifier's challenge (with --key)")
    .option('--domain <text>', "the verifier's domain (with --key)")
    .option(
      '-f, --format <format>',
      'vc-jose (a vp+jwt, any size) or data-integrity (with --key)',
      'vc-jose',
    )
    .option('-o, --out <file>', 'write the bundle to a file instead of standard output')
    .addHelpText(
      'after',
      exitCodesHelp({
        0: 'the bundle was written',
        1: 'not used',
        2: 'bad usage, a file that cannot be read or is not a credential, or a refusal to sign (the ERR_ code is printed)',
      }),
    )
    .action(async (passport: string, upstream: string[], opts: BundleCliOptions) => {
      if (opts.format !== 'data-integrity' && opts.format !== 'vc-jose') {
        fail(`--format: "${opts.format}" is not data-integrity or vc-jose`)
      }
      if (!opts.key && (opts.challenge || opts.domain)) {
        fail('--challenge and --domain go with --key (an unsigned bundle has no proof)')
      }
      const passports = [passport, ...upstream].map((f) => readCredentialFile(f))
      const attestations = opts.attestation.map((f) => readCredentialFile(f, '--attestation'))
      const bundle = await createBundle(passports, {
        attestations,
        ...(opts.key ? { holderKey: importKey(readJson(opts.key, '--key')) } : {}),
        ...(opts.challenge ? { challenge: opts.challenge } : {}),
        ...(opts.domain ? { domain: opts.domain } : {}),
        ...(opts.key ? { format: opts.format as 'data-integrity' | 'vc-jose' } : {}),
      })
      writeOutput(typeof bundle === 'string' ? bundle : json(bundle), opts.out)
    })
}
