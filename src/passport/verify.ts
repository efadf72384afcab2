/**
 * `verifyPassport`: every check of `verifyCredential` plus the passport rules: the exact `@context`
 * allow-list, the passport schema and conformance.
 */
import { checkConformanceLayers } from '../conformance/check.js'
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
}

/**
 * Verifies a passport: every check of `verifyCredential`, with the exact context allow-list, the
 * passport schema and a `conformance` check (profiles `core` plus `options.profiles`) whose report
 * is in `result.conformance`. Each problem is reported once: the `schema` check carries the schema
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
  let verifyOptions: VerifyOptions
  try {
    // Read once: a throwing getter or a revoked Proxy here is reported, never thrown.
    ;({ profiles, tolerance, ...verifyOptions } = options ?? {})
  } catch (err) {
    return unreadableOptions(err)
  }
  return runVerification(input, verifyOptions, {
    contextAllowList: PASSPORT_CONTEXTS,
    schemaId: PASSPORT_SCHEMA_ID,
    conformance: (credential) =>
      checkConformanceLayers(credential, {
        ...(profiles ? { profiles } : {}),
        ...(tolerance === undefined ? {} : { tolerance }),
        // The input caps the verification applied (conformance's defaults are the same).
        ...(verifyOptions.maxBytes === undefined ? {} : { maxBytes: verifyOptions.maxBytes }),
        ...(verifyOptions.maxDepth === undefined ? {} : { maxDepth: verifyOptions.maxDepth }),
      }),
  })
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
