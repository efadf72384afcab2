/**
 * Signs every `examples/valid/*.json` passport with its issuer's example key (`examples/keys/`)
 * into `examples/signed/<name>.json` (Data Integrity: eddsa-rdfc-2022 for Ed25519 issuers,
 * ecdsa-rdfc-2019 for P-256 ones) and `examples/signed/<name>.jwt` (vc+jwt, EdDSA or ES256).
 * The proof's `created` is the passport's `validFrom`, so eddsa output is reproducible.
 *
 *   npx tsx scripts/sign-examples.ts
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { importKey } from '../src/keys/import.js'
import { issuePassport } from '../src/passport/issue.js'

const root = new URL('../', import.meta.url)
const validDir = new URL('examples/valid/', root)
const signedDir = new URL('examples/signed/', root)
mkdirSync(signedDir, { recursive: true })

const readJson = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>

for (const file of readdirSync(validDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const passport = readJson(new URL(file, validDir))
  const issuer = passport.issuer as string | { id: string }
  const did = typeof issuer === 'string' ? issuer : issuer.id
  const host = did.replace(/^did:web:/, '')
  const key = importKey(readJson(new URL(`examples/keys/${host}.private.jwk.json`, root)))
  const created = new Date(String(passport.validFrom))
  const signed = await issuePassport(passport, { key, created })
  const jwt = await issuePassport(passport, { key, format: 'vc-jose' })
  const name = file.replace(/\.json$/, '')
  writeFileSync(new URL(`${name}.json`, signedDir), `${JSON.stringify(signed, null, 2)}\n`)
  writeFileSync(new URL(`${name}.jwt`, signedDir), `${jwt}\n`)
  console.log(`${name}: ${String(signed.proof.cryptosuite)} + vc+jwt (${key.algorithm}) by ${did}`)
}
// Keep the JSON in the repository's format so `biome ci` stays clean.
execFileSync('npx', ['biome', 'format', '--write', fileURLToPath(signedDir)], { stdio: 'ignore' })
