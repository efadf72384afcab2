/**
 * The main job, end to end, as a user of the package writes it (`npm run demo` runs this file):
 * build a passport for the 215 kWh energy-storage cabinet, check it under the industrial-battery and
 * digital-PCF profiles, sign it (Data Integrity and vc+jwt), verify it offline with the issuer's
 * DID document, then tamper with one number and watch verification fail.
 *
 * The keys are the published example keys in examples/keys/: never use them for real passports.
 */
import { readFileSync } from 'node:fs'
import {
  type CarbonPassport,
  checkConformance,
  createPassport,
  type DidDocument,
  formatReport,
  importKey,
  issuePassport,
  type VerificationResult,
  verifyPassport,
} from 'carbon-passport'

const read = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'))

export interface DemoOutcome {
  conforms: boolean
  dataIntegrity: VerificationResult
  jose: VerificationResult
  tampered: VerificationResult
}

function verdict(result: VerificationResult): string {
  const lines = [
    `  ${result.verified ? 'VERIFIED' : 'NOT VERIFIED'} (${result.format ?? 'unreadable'})`,
  ]
  for (const check of result.checks) {
    const mark = { pass: '✓', fail: '✗', skip: '–' }[check.status]
    const why = check.findings.map((f) => `${f.code} at ${f.path || '/'}`).join('; ')
    lines.push(`    ${mark} ${check.id.padEnd(15)}${why}`)
  }
  return lines.join('\n')
}

export async function runDemo(log: (line: string) => void = console.log): Promise<DemoOutcome> {
  // 1. The subject data an MES/LCA tool would produce, and the issuer that signs for it.
  const example = read('examples/valid/ess-cabinet-215kwh.json') as {
    credentialSubject: CarbonPassport
  }
  const issuer = { id: 'did:web:passports.nordgrid-storage.example', name: 'NordGrid Storage AB' }
  const didDocument = read(
    'examples/keys/passports.nordgrid-storage.example.did.json',
  ) as DidDocument
  const key = importKey(read('examples/keys/passports.nordgrid-storage.example.private.jwk.json'))

  const passport = createPassport(example.credentialSubject, {
    issuer,
    validFrom: new Date('2026-03-15T00:00:00Z'),
  })
  const { product, footprint } = passport.credentialSubject
  log(`1. Created passport ${passport.id}`)
  log(`   ${product.name}`)
  log(
    `   ${footprint.pcfExcludingBiogenicUptake} kgCO2e per ${footprint.declaredUnitAmount} ${footprint.declaredUnitOfMeasurement}, ${footprint.systemBoundary}`,
  )

  // 2. Field-level conformance under the profiles that apply to an industrial ESS battery.
  const report = checkConformance(passport, {
    profiles: ['iec-63369-1', 'iec-63782-digital-pcf'],
  })
  log('\n2. Conformance')
  log(formatReport(report, 'ess-cabinet-215kwh').replace(/^/gm, '   '))

  // 3. Sign with Data Integrity (eddsa-rdfc-2022) and verify offline.
  const didDocuments = [didDocument]
  const signed = await issuePassport(passport, { key })
  const dataIntegrity = await verifyPassport(signed, { didDocuments })
  log(`\n3. Signed with ${signed.proof.cryptosuite} by ${String(signed.proof.verificationMethod)}`)
  log(verdict(dataIntegrity))

  // 4. The same passport as a vc+jwt (compact JWS, EdDSA).
  const jwt = await issuePassport(passport, { key, format: 'vc-jose' })
  const jose = await verifyPassport(jwt, { didDocuments })
  log(`\n4. Signed as vc+jwt (${jwt.length} characters)`)
  log(verdict(jose))

  // 5. Someone lowers the footprint after signing.
  const forged = structuredClone(signed) as typeof signed & { credentialSubject: CarbonPassport }
  forged.credentialSubject.footprint.pcfExcludingBiogenicUptake = '19270.7832'
  const tampered = await verifyPassport(forged, { didDocuments })
  log('\n5. Tampered: pcfExcludingBiogenicUptake changed after signing')
  log(verdict(tampered))

  return { conforms: report.conforms, dataIntegrity, jose, tampered }
}

// Run when executed directly (npm run demo), not when imported by the test suite.
if (import.meta.url === `file://${process.argv[1]}`) {
  const outcome = await runDemo()
  const ok =
    outcome.conforms &&
    outcome.dataIntegrity.verified &&
    outcome.jose.verified &&
    !outcome.tampered.verified
  console.log(ok ? '\nDemo finished as expected.' : '\nDemo did NOT behave as expected.')
  process.exitCode = ok ? 0 : 1
}
