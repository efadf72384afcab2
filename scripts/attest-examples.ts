/**
 * Attests the signed example passports that an example verification body has verified: each
 * `examples/attestations/<name>.attestation.json` is a `CarbonPassportAttestation` (attestPassport)
 * of `examples/signed/<name>.json`, signed with the verifier's example key (`examples/keys/`).
 * Its id and its proof's `created` are fixed, so eddsa output is reproducible. Run it again after
 * the passports are re-signed or the digest definition changes: the attestation names the
 * passport's digest, and verifying the passport against a stale one fails (ATTESTATION_DIGEST_MISMATCH).
 *
 *   npx tsx scripts/attest-examples.ts
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type AttestOptions, attestPassport } from '../src/attestation/attest.js'
import { importKey } from '../src/keys/import.js'

const root = new URL('../', import.meta.url)
const outDir = new URL('examples/attestations/', root)
mkdirSync(outDir, { recursive: true })

const readJson = (path: string) =>
  JSON.parse(readFileSync(new URL(path, root), 'utf8')) as Record<string, unknown>

type Attestation = Omit<AttestOptions, 'key'> & { passport: string; verifier: string }

/** The example attestations: the passport, the verifier's did:web and what it attests. */
const ATTESTATIONS: readonly Attestation[] = [
  {
    passport: 'ess-cabinet-215kwh',
    verifier: 'did:web:verify.nordic-climate.example',
    issuerName: 'Nordic Climate Verification AB',
    id: 'urn:uuid:0f6f3b52-9a1e-4c57-8d0b-2f4e6a9c1d30',
    standard: 'ISO 14064-3:2019',
    level: 'limited',
    opinion: 'unmodified',
    scope:
      'The cradle-to-gate PCF of the NG-215L cabinet (PACT v3, ISO 14067:2018) and both battery footprint declarations (IEC 63369-1:2026; EU 2023/1542 Art. 7 as drafted), reference period 2025-03-01 to 2026-03-01, assembly site Vasteras (visited)',
    materiality: '5',
    accreditation: {
      body: 'Example National Accreditation Body',
      number: 'EX-14065-0042',
      scheme: 'ISO 14065:2020',
    },
    statement:
      'Fictional example. Based on the procedures performed and the evidence obtained, nothing has come to our attention that causes us to believe that the attested figures are not fairly stated, in all material respects, in accordance with ISO 14067:2018 and IEC 63369-1:2026.',
    completedAt: new Date('2026-04-22T00:00:00Z'),
    validFrom: new Date('2026-04-28T00:00:00Z'),
    created: new Date('2026-04-28T00:00:00Z'),
  },
]

for (const { passport, verifier, ...options } of ATTESTATIONS) {
  const host = verifier.replace(/^did:web:/, '')
  const key = importKey(readJson(`examples/keys/${host}.private.jwk.json`))
  const signed = readJson(`examples/signed/${passport}.json`)
  const attestation = await attestPassport(signed, { ...options, format: 'data-integrity', key })
  const file = `${passport}.attestation.json`
  writeFileSync(new URL(file, outDir), `${JSON.stringify(attestation, null, 2)}\n`)
  const subject = attestation.credentialSubject as { digestMultibase: string }
  console.log(`${file}: ${verifier} attests ${passport} (${subject.digestMultibase})`)
}
// Keep the JSON in the repository's format so `biome ci` stays clean.
execFileSync('npx', ['biome', 'format', '--write', fileURLToPath(outDir)], { stdio: 'ignore' })
