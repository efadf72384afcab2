/**
 * The result shapes shared by verification and conformance (DESIGN.md §2). Codes are stable,
 * documented upper-snake strings; match on `code`, never on `message`.
 */

export type Severity = 'error' | 'warning' | 'info'

/** One thing found wrong (or worth knowing) about a credential, located by JSON Pointer. */
export interface Finding<Code extends string = string> {
  /** Stable upper-snake code, for example `FIELD_REQUIRED` or `PROOF_INVALID`. */
  code: Code
  severity: Severity
  /** JSON Pointer (RFC 6901) of the offending field; `''` for the whole document. */
  path: string
  /** What is wrong, in words a compliance officer understands. */
  message: string
  /** Where the rule comes from: a standard and clause, `schema`, or `VC 2.0 §…`. */
  rule: string
  /** For sums and comparisons: the value the rule expected. */
  expected?: string
  /** For sums and comparisons: the value found. */
  actual?: string
}

export type ConformanceStatus = 'pass' | 'warn' | 'fail'

export interface ConformanceReport {
  /** True when no finding is an error. */
  conforms: boolean
  /** `pass`: no findings above info; `warn`: warnings only; `fail`: at least one error. */
  status: ConformanceStatus
  /** The profiles that were applied, `core` always among them. */
  profiles: string[]
  findings: Finding[]
}

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

export interface Check {
  id: CheckId
  /**
   * `skip`: not run. Asked for (`skipChecks`), nothing to check (no `credentialStatus`, no
   * `trustedIssuers`, a proof that did not verify for `issuer-binding`), or, for `validity`,
   * `status`, `issuer-trust`, `schema` and `conformance`, because the `context` check failed: then
   * the JSON is not known to be what the proof signs, and no verdict is drawn from it.
   */
  status: 'pass' | 'fail' | 'skip'
  findings: Finding[]
}

export type CredentialFormat = 'data-integrity' | 'vc-jose'

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
  checks: Check[]
  conformance?: ConformanceReport
  /** Every error-severity finding of every check, in check order. */
  errors: Finding[]
}
