/**
 * `verifyPassport`: every check of `verifyCredential` plus the passport rules: the exact `@context`
 * allow-list, the passport schema and conformance.
 */
import type { TrustedVerifier } from '../attestation/verify.js'
import { checkLayers } from '../conformance/layers.js'
import { profileRulesFor } from '../conformance/profile-rules.js'
import type { ProfileId } from '../conformance/profiles/ids.js'
import {
  checkIds,
  runVerification,
  stoppedResult,
  type VerifyOptions,
} from '../credential/verify.js'
import { commonCodes } from '../findings/common.js'
import { describeError } from '../guard.js'
import type { VerificationResult } from '../results.js'
import { PASSPORT_SCHEMA_ID } from '../schema/registry.js'
import { PASSPORT_CONTEXTS } from './contexts.js'

/** Options of `verifyPassport`: those of `verifyCredential`, plus the conformance options. */
export interface VerifyPassportOptions extends VerifyOptions {
  /** Conformance profiles on top of `core` (which always applies). */
  profiles?: readonly ProfileId[]
  /** Relative tolerance of sums and products in conformance (0.001 by default). */
  tolerance?: number
  /**
   * Verifiers' attestations of the passport (`attestPassport`) you hold: objects, vc+jwt or
   * envelopes, at most `MAX_ATTESTATIONS`; those about other passports are passed over. With
   * `trustedVerifiers`, it adds the `third-party-verification` check.
   */
  attestations?: readonly unknown[]
  /**
   * The verifiers whose attestations count: DIDs, or `{ id, accreditation }` to also require the
   * accreditation number. With `attestations`, it adds the `third-party-verification` check.
   */
  trustedVerifiers?: readonly (string | TrustedVerifier)[]
}

/**
 * Verifies a passport: every check of `verifyCredential`, with the exact context allow-list, the
 * passport schema and a `conformance` check (profiles `core` plus `options.profiles`) whose report
 * is in `result.conformance`. Given `attestations` or `trustedVerifiers`, a last check,
 * `third-party-verification`, passes only when an attestation of a trusted verifier covers this
 * exact passport (its digest) and its figures (see `attestPassport`); without them the check is
 * not listed. Given only one of the two it fails: no attestation (`ATTESTATION_MISSING`), or no
 * trusted verifier (`VERIFIER_NOT_TRUSTED`). Each problem is reported once: the `schema` check carries the schema
 * findings of that report (a missing field as FIELD_REQUIRED at the field's own pointer) and the
 * `conformance` check the others, so `result.errors` lists each once. Never throws: not on
 * untrusted input, and not on options that cannot be read either (a throwing getter gives a result
 * with `INTERNAL_ERROR`).
 *
 * @example
 * ```ts
 * const result = await verifyPassport(signed, { didDocuments: [issuerDidDocument], profiles: ['pact-v3'] })
 * ```
 */
export async function verifyPassport(
  input: unknown,
  options: VerifyPassportOptions = {},
): Promise<VerificationResult> {
  let profiles: VerifyPassportOptions['profiles']
  let tolerance: VerifyPassportOptions['tolerance']
  let attestations: VerifyPassportOptions['attestations']
  let trustedVerifiers: VerifyPassportOptions['trustedVerifiers']
  let verifyOptions: VerifyOptions
  try {
    // Read once: a throwing getter or a revoked Proxy here is reported, never thrown.
    ;({ profiles, tolerance, attestations, trustedVerifiers, ...verifyOptions } = options ?? {})
  } catch (err) {
    return unreadableOptions(err)
  }
  // Only the profiles asked for are loaded (the check needs their rules synchronously).
  const rules = await profileRulesFor(profiles)
  const result = await runVerification(input, verifyOptions, {
    contextAllowList: PASSPORT_CONTEXTS,
    schemaId: PASSPORT_SCHEMA_ID,
    conformance: (credential) =>
      checkLayers(
        credential,
        {
          ...(profiles ? { profiles } : {}),
          ...(tolerance === undefined ? {} : { tolerance }),
          // The input caps the verification applied (conformance's defaults are the same).
          ...(verifyOptions.maxBytes === undefined ? {} : { maxBytes: verifyOptions.maxBytes }),
          ...(verifyOptions.maxDepth === undefined ? {} : { maxDepth: verifyOptions.maxDepth }),
        },
        rules,
      ),
  })
  if (attestations === undefined && trustedVerifiers === undefined) return result
  // Loaded only here: a verification without attestations never needs it (start-up, issue 13).
  const { withThirdPartyVerification } = await import('../attestation/verify.js')
  return withThirdPartyVerification(
    input,
    result,
    { attestations, trustedVerifiers },
    verifyOptions,
  )
}

/** The result for options that cannot be read: INTERNAL_ERROR under `syntax`, the rest skipped. */
function unreadableOptions(err: unknown): VerificationResult {
  return stoppedResult(checkIds(true), [
    commonCodes.finding(
      'INTERNAL_ERROR',
      '',
      `verification stopped: the options cannot be read (${describeError(err)})`,
    ),
  ])
}
