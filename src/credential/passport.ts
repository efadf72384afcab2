/**
 * `issuePassport` and `verifyPassport`: issuing and verifying plus the passport rules — the exact
 * `@context` allow-list, the passport schema, an issuer that controls the key, and conformance.
 */

import { checkConformance } from '../conformance/check.js'
import type { ProfileId } from '../conformance/profiles/ids.js'
import { PASSPORT_CONTEXT_URL, VC_V2_CONTEXT_URL } from '../context/bundled.js'
import { CarbonPassportError } from '../errors.js'
import { asCarbonPassportError, describeError } from '../guard.js'
import type { VerificationResult } from '../results.js'
import { PASSPORT_SCHEMA_ID } from '../schema/registry.js'
import { issuerId } from './checks/syntax.js'
import { finding } from './codes.js'
import { assertPassportSchema } from './create.js'
import {
  checkIssuable,
  type EnvelopedCredential,
  type IssueOptions,
  issueCredential,
  type SignedCredential,
} from './issue.js'
import { checkIds, runVerification, stoppedResult, type VerifyOptions } from './verify.js'

/** The only `@context` a passport may have, in this order. */
export const PASSPORT_CONTEXTS = [VC_V2_CONTEXT_URL, PASSPORT_CONTEXT_URL] as const

export interface VerifyPassportOptions extends VerifyOptions {
  /** Conformance profiles on top of `core` (which always applies). */
  profiles?: readonly ProfileId[]
  /** Relative tolerance of sums and products in conformance (0.001 by default). */
  tolerance?: number
}

/**
 * Signs a passport like `issueCredential`, after checking the passport rules.
 *
 * @throws CarbonPassportError `ERR_PASSPORT_INVALID` (schema or context, with `details.errors`),
 *   `ERR_KEY_NOT_CONTROLLED_BY_ISSUER` when the key's controller is not the passport's issuer, and
 *   everything `issueCredential` throws; nothing that is not a CarbonPassportError.
 */
export async function issuePassport(
  passport: object,
  options: IssueOptions & { format: 'vc-jose'; envelope: true },
): Promise<EnvelopedCredential>
export async function issuePassport(
  passport: object,
  options: IssueOptions & { format: 'vc-jose' },
): Promise<string>
export async function issuePassport(
  passport: object,
  options: IssueOptions & { format?: 'data-integrity' },
): Promise<SignedCredential>
export async function issuePassport(
  passport: object,
  options: IssueOptions,
): Promise<SignedCredential | string | EnvelopedCredential>
export async function issuePassport(
  passport: object,
  options: IssueOptions,
): Promise<SignedCredential | string | EnvelopedCredential> {
  try {
    return await signPassport(passport, options)
  } catch (err) {
    throw asCarbonPassportError(err, 'ERR_INVALID_ARGUMENT', 'issuePassport')
  }
}

async function signPassport(
  passport: object,
  options: IssueOptions,
): Promise<SignedCredential | string | EnvelopedCredential> {
  const { key, view } = await checkIssuable(passport, options)
  const record = passport as Record<string, unknown>
  const context = record['@context']
  if (
    !Array.isArray(context) ||
    context.length !== PASSPORT_CONTEXTS.length ||
    context.some((c, i) => c !== PASSPORT_CONTEXTS[i])
  ) {
    throw new CarbonPassportError(
      'ERR_PASSPORT_INVALID',
      `a passport's @context must be exactly ${JSON.stringify(PASSPORT_CONTEXTS)}`,
      { details: { errors: [{ path: '/@context', keyword: 'const' }] } },
    )
  }
  // The schema as a verifier applies it: to the view with every node's descriptions merged.
  assertPassportSchema(view)
  const issuer = issuerId(record)
  if (issuer !== key.controller) {
    throw new CarbonPassportError(
      'ERR_KEY_NOT_CONTROLLED_BY_ISSUER',
      `the key ${key.id} is controlled by ${key.controller}, not by the issuer ${issuer}; the passport could never verify`,
      { details: { issuer, controller: key.controller } },
    )
  }
  return issueCredential(record, { ...options, key })
}

/**
 * Verifies a passport: every check of `verifyCredential`, with the exact context allow-list, the
 * passport schema and a `conformance` check (profiles `core` plus `options.profiles`) whose report
 * is in `result.conformance`. Never throws: not on untrusted input, and not on options that cannot
 * be read either (a throwing getter gives a result with `INTERNAL_ERROR`).
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
      checkConformance(credential, {
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
    finding(
      'INTERNAL_ERROR',
      '',
      `verification stopped: the options cannot be read (${describeError(err)})`,
    ),
  ])
}
