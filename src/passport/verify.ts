/**
 * `verifyPassport`: every check of `verifyCredential` plus the passport rules: the exact `@context`
 * allow-list, the passport schema and conformance.
 */
import type { TrustedVerifier } from '../attestation/verify.js'
import { type CheckConformanceOptions, checkLayers } from '../conformance/layers.js'
import { DEFAULT_MAX_BYTES } from '../conformance/limits.js'
import { profileRulesFor } from '../conformance/profile-rules.js'
import type { ProfileId } from '../conformance/profiles/ids.js'
import {
  type CredentialRead,
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
  const conformanceOptions: CheckConformanceOptions = {
    ...(profiles ? { profiles } : {}),
    ...(tolerance === undefined ? {} : { tolerance }),
    // The input caps the verification applied (conformance's defaults are the same).
    ...(verifyOptions.maxBytes === undefined ? {} : { maxBytes: verifyOptions.maxBytes }),
    ...(verifyOptions.maxDepth === undefined ? {} : { maxDepth: verifyOptions.maxDepth }),
  }
  const result = await runVerification(input, verifyOptions, {
    contextAllowList: PASSPORT_CONTEXTS,
    schemaId: PASSPORT_SCHEMA_ID,
    conformance: (credential, read) =>
      checkLayers(
        credential,
        conformanceOptions,
        rules,
        readBoundsConformanceCaps(read, verifyOptions.maxBytes),
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

/** How many bytes of JSON text a byte of parsed JSON text is written as, at most (see below). */
export const JSON_REWRITE_FACTOR = 32

/**
 * Whether reading the input bounds the credential within conformance's input caps, so that
 * conformance can leave out its walk measuring them (~7 µs of a 17 KiB passport): the credential
 * was read from a vc+jwt (`JSON.parse` of its payload) in a string input (a compact JWS, an
 * envelope, JSON text holding either) of at most maxBytes / JSON_REWRITE_FACTOR UTF-16 units.
 * - depth: the reader refused a credential nested deeper than maxDepth, counted as measureJson counts;
 * - size: the payload is at most 3/4 of the input's length in bytes, and JSON.stringify writes no
 *   value longer than its JSON text but a number (`1E20` is written `100000000000000000000`), of
 *   at most 25 characters for at least one: less than 32 times.
 * measureJson also counts inherited enumerable properties (Ajv's for-in loops read them), which a
 * parse does not make but a polluted Object.prototype adds: then nothing is left out.
 */
export function readBoundsConformanceCaps(read: CredentialRead, maxBytes: unknown): boolean {
  if (read.format !== 'vc-jose' || read.textLength === undefined) return false
  const cap = maxBytes === undefined ? DEFAULT_MAX_BYTES : maxBytes
  if (typeof cap !== 'number' || !(read.textLength * JSON_REWRITE_FACTOR <= cap)) return false
  for (const _ in {}) return false
  return true
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
