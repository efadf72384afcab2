/**
 * The result shapes shared by verification and conformance (DESIGN.md §2). Codes are stable,
 * documented upper-snake strings; match on `code`, never on `message`.
 */

import type { Finding } from './findings/finding.js'

export type { FindingCode } from './findings/catalogue.js'
export type { Finding, Severity } from './findings/finding.js'

/** The verdict of a conformance report. */
export type ConformanceStatus = 'pass' | 'warn' | 'fail'

/** What `checkConformance` returns (and `VerificationResult.conformance` holds). */
export interface ConformanceReport {
  /** True when no finding is an error. */
  conforms: boolean
  /** `pass`: no findings above info; `warn`: warnings only; `fail`: at least one error. */
  status: ConformanceStatus
  /** The profiles that were applied, `core` always among them. */
  profiles: string[]
  /** The schema layer's findings first, then the rules' (codes: `catalogue`, docs/rules.md). */
  findings: Finding[]
}

/** The checks of a verification, in the order every result lists them. */
export type CheckId =
  | 'syntax'
  | 'context'
  | 'proof'
  | 'issuer-binding'
  | 'validity'
  | 'status'
  | 'issuer-trust'
  | 'schema'
  | 'conformance'
  | 'third-party-verification'
  /** verifyPresentation: the key that signed the presentation is the holder's, for authentication. */
  | 'holder-binding'
  /** verifyPresentation: every credential the presentation carries verified. */
  | 'credentials'

/** One check of a verification and what it found. */
export interface Check {
  /** Which check this is; `checks` lists them in `CheckId` order. */
  id: CheckId
  /**
   * `skip`: not run. Asked for (`skipChecks`), nothing to check (no `credentialStatus`, no
   * `trustedIssuers`, a proof that did not verify for `issuer-binding`), or, for `validity`,
   * `status`, `issuer-trust`, `schema` and `conformance`, because the `context` check failed: then
   * the JSON is not known to be what the proof signs, and no verdict is drawn from it.
   */
  status: 'pass' | 'fail' | 'skip'
  /** What the check found, of every severity; `fail` means at least one is an error. */
  findings: Finding[]
}

/** How a credential is secured: a Data Integrity proof, or a vc+jwt. */
export type CredentialFormat = 'data-integrity' | 'vc-jose'

/** What `verifyCredential` and `verifyPassport` return; never thrown, whatever the input. */
export interface VerificationResult {
  /** True only when every check passed or was skipped for a stated reason, and none failed. */
  verified: boolean
  /** How the credential was secured; undefined when the input could not be read at all. */
  format: CredentialFormat | undefined
  /** The issuer id as the credential states it. */
  issuer: string | undefined
  /**
   * The credential as decoded (for vc+jwt, the JWS payload). Untrusted unless `verified`. When
   * verified, it is in the compacted JSON-LD form of exactly the signed data; a node described in
   * several places (the issuer as `product.manufacturer`, say) is described alike wherever the
   * descriptions overlap, and the checks read each place with all of its descriptions.
   */
  credential: Record<string, unknown> | undefined
  /**
   * Every check, in order, skipped ones too: `conformance` from `verifyPassport` only, then
   * `third-party-verification` when `verifyPassport` was given `attestations` or `trustedVerifiers`.
   */
  checks: Check[]
  /**
   * verifyPassport: the report `checkConformance` gives for the credential. Its schema findings are
   * the `schema` check's and the others the `conformance` check's, so `errors` lists each once.
   */
  conformance?: ConformanceReport
  /** Every error-severity finding of every check, in check order. */
  errors: Finding[]
}
