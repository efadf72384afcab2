/** `issuePassport`: issuing plus the passport rules (exact `@context`, schema, an issuer that controls the key). */

import { issuerId } from '../credential/checks/syntax.js'
import {
  checkIssuable,
  type EnvelopedCredential,
  type IssueOptions,
  issueCredential,
  type SignedCredential,
} from '../credential/issue.js'
import { CarbonPassportError } from '../errors.js'
import { asCarbonPassportError } from '../guard.js'
import { isPassportContext, PASSPORT_CONTEXTS } from './contexts.js'
import { assertPassportSchema } from './create.js'

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
  if (!isPassportContext(record['@context'])) {
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
