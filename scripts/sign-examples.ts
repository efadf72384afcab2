/**
 * Signs every `examples/valid/*.json` passport with its issuer's example key (`examples/keys/`)
 * into `examples/signed/<name>.json` (Data Integrity: eddsa-rdfc-2022 for Ed25519 issuers,
 * ecdsa-rdfc-2019 for P-256 ones) and `examples/signed/<name>.jwt` (vc+jwt, EdDSA or ES256).
 * The proof's `created` is the passport's `validFrom`, so eddsa output is reproducible.
 *
 * Upstream passports are signed first, and each component reference of a downstream passport is
 * set to the digest of its upstream's signed Data Integrity form (docs/digests.md: the digest pins
 * the signed credential, proof included), in `examples/valid/` too. The upstream issuers (cell,
 * PCBA) use Ed25519, so their signatures, and these digests, are the same at every run.
 *
 *   npx tsx scripts/sign-examples.ts
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { importKey } from '../src/keys/import.js'
import { issuePassport } from '../src/passport/issue.js'
import { computePassportDigest } from '../src/supply-chain/digest.js'

const root = new URL('../', import.meta.url)
const validDir = new URL('examples/valid/', root)
const signedDir = new URL('examples/signed/', root)
mkdirSync(signedDir, { recursive: true })

// biome-ignore lint/suspicious/noExplicitAny: the script edits example JSON
type Json = Record<string, any>
const readJson = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Json

const files = readdirSync(validDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
const passports = new Map(files.map((file) => [file, readJson(new URL(file, validDir))]))
const fileOf = new Map([...passports].map(([file, p]) => [String(p.id), file]))
const cited = (p: Json): string[] =>
  ((p.credentialSubject?.components ?? []) as Json[])
    .map((c) => fileOf.get(String(c.passport)))
    .filter((f): f is string => f !== undefined)

// Upstream first: a passport after every passport it cites (the examples have no cycles).
const order: string[] = []
const visit = (file: string): void => {
  if (order.includes(file)) return
  for (const upstream of cited(passports.get(file) as Json)) visit(upstream)
  order.push(file)
}
for (const file of files) visit(file)

const signedDigest = new Map<string, string>()
for (const file of order) {
  const passport = passports.get(file) as Json
  let changed = false
  for (const component of (passport.credentialSubject?.components ?? []) as Json[]) {
    const digest = signedDigest.get(String(component.passport))
    if (digest && component.digestMultibase !== digest) {
      component.digestMultibase = digest
      changed = true
    }
  }
  if (changed) writeFileSync(new URL(file, validDir), `${JSON.stringify(passport, null, 2)}\n`)
  const issuer = passport.issuer as string | { id: string }
  const did = typeof issuer === 'string' ? issuer : issuer.id
  const host = did.replace(/^did:web:/, '')
  const key = importKey(readJson(new URL(`examples/keys/${host}.private.jwk.json`, root)))
  const created = new Date(String(passport.validFrom))
  const signed = await issuePassport(passport, { key, created })
  const jwt = await issuePassport(passport, { key, format: 'vc-jose' })
  signedDigest.set(String(passport.id), computePassportDigest(signed))
  const name = file.replace(/\.json$/, '')
  writeFileSync(new URL(`${name}.json`, signedDir), `${JSON.stringify(signed, null, 2)}\n`)
  writeFileSync(new URL(`${name}.jwt`, signedDir), `${jwt}\n`)
  const note = changed ? ', component digests updated' : ''
  console.log(
    `${name}: ${String(signed.proof.cryptosuite)} + vc+jwt (${key.algorithm}) by ${did}${note}`,
  )
}
// Keep the JSON in the repository's format so `biome ci` stays clean.
for (const dir of [signedDir, validDir]) {
  execFileSync('npx', ['biome', 'format', '--write', fileURLToPath(dir)], { stdio: 'ignore' })
}
