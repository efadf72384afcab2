/**
 * Type test: every subpath entry resolves to declarations, and its names are the main entry's
 * (the same types, not look-alikes), so code may move between entries without a cast. Compiled
 * like consumer.ts: against dist/ by `npm run typecheck:consumer`, and against the packed tarball
 * by `npm run check:package`.
 */
import type * as main from 'carbon-passport'
import {
  type CheckConformanceOptions,
  type ConformanceCode,
  type ConformanceReport,
  type CumulatedRequestedService,
  catalogue,
  checkConformance,
  DEFAULT_MAX_FINDINGS,
  formatReport,
  isProfileId,
  PASSPORT_SCHEMA_ID,
  type ProfileId,
  profileCatalogue,
  type SchemaName,
  statusLabel,
} from 'carbon-passport/conformance'
import {
  exportKey,
  generateKeyPair,
  importKey,
  type KeyPair,
  type PublicJwk,
  toVerificationMethod,
} from 'carbon-passport/keys'

/** Compiles only when `A` and `B` are the same type. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
const same = <A, B>(proof: Same<A, B>): Same<A, B> => proof

same<typeof checkConformance, typeof main.checkConformance>(true)
same<ConformanceReport, main.ConformanceReport>(true)
same<CheckConformanceOptions, main.CheckConformanceOptions>(true)
same<ConformanceCode, main.ConformanceCode>(true)
same<ProfileId, main.ProfileId>(true)
same<SchemaName, main.SchemaName>(true)
same<CumulatedRequestedService, main.CumulatedRequestedService>(true)
same<KeyPair, main.KeyPair>(true)
same<typeof importKey, typeof main.importKey>(true)

export function checkOnly(document: unknown): string {
  const profiles: ProfileId[] = ['core', 'pact-v3'].filter(isProfileId)
  const report = checkConformance(document, { profiles, maxFindings: DEFAULT_MAX_FINDINGS })
  const codes = report.findings.map((finding) => finding.code as ConformanceCode)
  const known = codes.filter((code) => code in catalogue).length
  const title: string = profileCatalogue['pact-v3'].title
  return `${statusLabel(report)} ${formatReport(report)} ${known} ${title} ${PASSPORT_SCHEMA_ID}`
}

export function keysOnly(): [PublicJwk, Record<string, unknown>] {
  const key: KeyPair = generateKeyPair({ algorithm: 'P-256' })
  const again = importKey(exportKey(key, { format: 'jwk', includePrivate: true }))
  return [again.publicKeyJwk, toVerificationMethod(again)]
}
