/**
 * `carbon-passport keygen`: a new Ed25519 or P-256 key. Prints the private key (JWK with `kid`, or
 * Multikey) and can write the matching did:web DID document (the key under `assertionMethod`).
 */
import type { Command } from 'commander'
import { createDidDocument } from '../../credential/did-document.js'
import { exportKey, generateKeyPair } from '../../credential/keys.js'
import { isCarbonPassportError } from '../../errors.js'
import { fail, json, writeOutput } from '../io.js'

interface KeygenOptions {
  algorithm: string
  controller?: string
  id?: string
  format: string
  out?: string
  didDocument?: string
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
    .option('-o, --out <file>', 'write the private key to a file instead of standard output')
    .option('--did-document <file>', 'also write the DID document listing the public key')
    .option('--json', 'print JSON (the key is always printed as JSON)')
    .action((opts: KeygenOptions) => {
      if (opts.algorithm !== 'Ed25519' && opts.algorithm !== 'P-256') {
        fail(`--algorithm: "${opts.algorithm}" is not Ed25519 or P-256`)
      }
      if (opts.format !== 'jwk' && opts.format !== 'multikey')
        fail(`--format: "${opts.format}" is not jwk or multikey`)
      try {
        const id = opts.id ?? (opts.controller ? `${opts.controller}#key-1` : undefined)
        const key = generateKeyPair({
          algorithm: opts.algorithm,
          ...(opts.controller ? { controller: opts.controller } : {}),
          ...(id ? { id } : {}),
        })
        writeOutput(json(exportKey(key, { format: opts.format, includePrivate: true })), opts.out)
        if (opts.didDocument) {
          const type = opts.format === 'jwk' ? 'JsonWebKey' : 'Multikey'
          const doc = createDidDocument(key, { type })
          writeOutput(json(doc), opts.didDocument)
        }
        if (opts.out)
          process.stderr.write(
            `carbon-passport: private key written to ${opts.out}; keep it secret\n`,
          )
      } catch (err) {
        if (isCarbonPassportError(err)) fail(`${err.code}: ${err.message}`)
        throw err
      }
    })
}
