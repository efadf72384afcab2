/**
 * `carbon-passport keygen`: a new Ed25519 or P-256 key. Prints the private key (JWK with `kid`, or
 * Multikey) and can write the matching did:web DID document (the key under `assertionMethod`).
 *
 * Files are never replaced silently: an existing `--out` or `--did-document` file is refused unless
 * `--force` is given. The private key file is created with mode 0600 (owner only); the DID document
 * is public and gets the usual mode (0644 under the common umask).
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Command } from 'commander'
import { createDidDocument } from '../../did/document.js'
import { exportKey } from '../../keys/export.js'
import { generateKeyPair } from '../../keys/generate.js'
import { exitCodesHelp, fail, json, writeNewFile, writeOutput } from '../io.js'

interface KeygenOptions {
  algorithm: string
  controller?: string
  id?: string
  format: string
  out?: string
  didDocument?: string
  force?: boolean
  json?: boolean
}

export function registerKeygen(program: Command): void {
  program
    .command('keygen')
    .description('generate a signing key (private JWK or Multikey) and optionally its DID document')
    .option('-a, --algorithm <name>', 'Ed25519 or P-256', 'Ed25519')
    .option('--controller <did>', 'the issuer DID that controls the key (default: a did:key)')
    .option('--id <vm>', 'verification method id (default: <controller>#key-1, or the did:key id)')
    .option('--format <format>', 'jwk or multikey', 'jwk')
    .option(
      '-o, --out <file>',
      'write the private key to a new file (mode 0600) instead of standard output',
    )
    .option('--did-document <file>', 'also write the DID document listing the public key')
    .option('--force', 'replace existing --out and --did-document files')
    .option('--json', 'print JSON (the key is always printed as JSON)')
    .addHelpText(
      'after',
      exitCodesHelp({
        0: 'the key (and DID document) were written',
        1: '(not used: keygen gives no verdict)',
        2: 'bad usage, an output file that exists (without --force), or a file that cannot be written',
      }),
    )
    .action((opts: KeygenOptions) => {
      if (opts.algorithm !== 'Ed25519' && opts.algorithm !== 'P-256') {
        fail(`--algorithm: "${opts.algorithm}" is not Ed25519 or P-256`)
      }
      if (opts.format !== 'jwk' && opts.format !== 'multikey')
        fail(`--format: "${opts.format}" is not jwk or multikey`)
      const force = opts.force === true
      const targets = [opts.out, opts.didDocument].filter((f): f is string => Boolean(f))
      if (targets.length === 2 && resolve(targets[0] as string) === resolve(targets[1] as string)) {
        fail('--out and --did-document must be different files')
      }
      // Refuse before writing anything, so a refusal never leaves a key without its DID document.
      // (Writing itself is still exclusive: a file created meanwhile is not replaced either.)
      if (!force) {
        for (const target of targets) {
          if (existsSync(target))
            fail(`${target} exists; not overwritten (use --force to replace it)`)
        }
      }
      const id = opts.id ?? (opts.controller ? `${opts.controller}#key-1` : undefined)
      const key = generateKeyPair({
        algorithm: opts.algorithm,
        ...(opts.controller ? { controller: opts.controller } : {}),
        ...(id ? { id } : {}),
      })
      const privateKey = json(exportKey(key, { format: opts.format, includePrivate: true }))
      if (opts.out) writeNewFile(opts.out, privateKey, { force, secret: true })
      else writeOutput(privateKey)
      if (opts.didDocument) {
        const type = opts.format === 'jwk' ? 'JsonWebKey' : 'Multikey'
        writeNewFile(opts.didDocument, json(createDidDocument(key, { type })), {
          force,
          secret: false,
        })
      }
      if (opts.out) {
        process.stderr.write(
          `carbon-passport: private key written to ${opts.out} (mode 0600); keep it secret\n`,
        )
      }
    })
}
