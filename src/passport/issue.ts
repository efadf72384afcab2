/**
 * `issuePassport`: issuing plus the passport rules (exact `@context`, schema, an issuer that controls
 * the key, conformance under `core` and the profiles asked for).
 */

import { checkConformance } from '../conformance/check.js'
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from '../conformance/limits.js'
import { isProfileId, PROFILE_IDS, type ProfileId } from '../conformance/profiles/ids.js'
import { issuerId } from '../credential/checks/syntax.js'
import {
  checkIssuable,
  type EnvelopedCredential,
  type IssueOptions,
  issueCredential,
  type SignedCredential,
} from '../credential/issue.js'
import { CarbonPassportError } from '../errors.js'
import type { Finding } from '../findings/finding.js'
import { asCarbonPassportError, invalidArgument, optionalBoolean, readOptions } from '../guard.js'
import { isPassportContext, PASSPORT_CONTEXTS } from './contexts.js'
import { assertPassportSchema } from './create.js'

/** Options of `issuePassport`: those of `issueCredential`, and the conformance the passport needs. */
export interface IssuePassportOptions extends IssueOptions {
  /**
   * Profiles whose errors refuse the passport too, on top of `core`, which always applies (see
   * `PROFILE_IDS`): e.g. `['eu-battery-2023-1542']` for a battery passport meant for the EU.
   */
  profiles?: readonly ProfileId[]
  /**
   * Sign even when `checkConformance` reports errors (the conformance check is then skipped). Only
   * for passports that are meant to be broken, such as a test vector for a verifier or a fixture
   * of a conformance test; a passport for anyone to rely on should never need it. The schema, the
   * `@context` and the issuer's key are checked all the same.
   */
  allowNonConforming?: boolean
}

const PASSPORT_OPTION_KEYS = ['profiles', 'allowNonConforming'] as const

/**
 * Signs a passport like `issueCredential`, after checking the passport rules: the exact
 * `@context`, the passport schema, an issuer that controls the key, then `checkConformance` under
 * `core` and `options.profiles` (with verification's input caps), on the passport as a verifier
 * reads it. A passport with a conformance error is refused unless `options.allowNonConforming`.
 *
 * @example
 * ```ts
 * const signed = await issuePassport(passport, { key, profiles: ['eu-battery-2023-1542'] })
 * ```
 * @throws CarbonPassportError `ERR_PASSPORT_INVALID` (schema or context, with `details.errors`),
 *   `ERR_KEY_NOT_CONTROLLED_BY_ISSUER` when the key's controller is not the passport's issuer,
 *   `ERR_PASSPORT_NONCONFORMING` (with `details.findings`, every error finding, and
 *   `details.profiles`) when the passport does not conform, `ERR_INVALID_ARGUMENT` for an unknown
 *   profile, and everything `issueCredential` throws; nothing that is not a CarbonPassportError.
 */
export async function issuePassport(
  passport: object,
  options: IssuePassportOptions & { format: 'vc-jose'; envelope: true },
): Promise<EnvelopedCredential>
export async function issuePassport(
  passport: object,
  options: IssuePassportOptions & { format: 'vc-jose' },
): Promise<string>
export async function issuePassport(
  passport: object,
  options: IssuePassportOptions & { format?: 'data-integrity' },
): Promise<SignedCredential>
export async function issuePassport(
  passport: object,
  options: IssuePassportOptions,
): Promise<SignedCredential | string | EnvelopedCredential>
export async function issuePassport(
  passport: object,
  options: IssuePassportOptions,
): Promise<SignedCredential | string | EnvelopedCredential> {
  try {
    return await signPassport(passport, options)
  } catch (err) {
    throw asCarbonPassportError(err, 'ERR_INVALID_ARGUMENT', 'issuePassport')
  }
}

/** The passport's own options, checked before any work. */
function readPassportOptions(options: IssuePassportOptions): {
  profiles: readonly ProfileId[]
  allowNonConforming: boolean
} {
  const o = readOptions(options, PASSPORT_OPTION_KEYS, 'options', true)
  const allowNonConforming = optionalBoolean(o.allowNonConforming, 'options.allowNonConforming')
  const profiles = o.profiles ?? []
  if (!Array.isArray(profiles)) throw invalidArgument('options.profiles must be an array')
  for (const p of profiles) {
    if (!isProfileId(p)) {
      throw invalidArgument(
        `options.profiles: unknown profile "${String(p)}"; known profiles: ${PROFILE_IDS.join(', ')}`,
      )
    }
  }
  return {
    profiles: [...(profiles as ProfileId[])],
    allowNonConforming: allowNonConforming === true,
  }
}

/** Refuses a passport with a conformance error: ERR_PASSPORT_NONCONFORMING with every error. */
function assertConforms(view: Record<string, unknown>, profiles: readonly ProfileId[]): void {
  const report = checkConformance(view, {
    profiles,
    maxBytes: DEFAULT_MAX_BYTES,
    maxDepth: DEFAULT_MAX_DEPTH,
  })
  if (report.conforms) return
  const findings: Finding[] = report.findings.filter((f) => f.severity === 'error')
  const first = findings
    .slice(0, 5)
    .map((f) => `${f.code} at ${f.path || '/'}`)
    .join('; ')
  const more = findings.length > 5 ? ` (and ${findings.length - 5} more)` : ''
  throw new CarbonPassportError(
    'ERR_PASSPORT_NONCONFORMING',
    `the passport does not conform (${report.profiles.join(', ')}): ${first}${more}; pass allowNonConforming to sign it anyway`,
    { details: { findings, profiles: report.profiles } },
  )
}

async function signPassport(
  passport: object,
  options: IssuePassportOptions,
): Promise<SignedCredential | string | EnvelopedCredential> {
  const { profiles, allowNonConforming } = readPassportOptions(options)
  const { key, view } = await checkIssuable(passport, options)
  const record = passport as Record<string, unknown>
  if (!isPassportContext(record['@context'])) {
    throw new CarbonPassportError(
      'ERR_PASSPORT_INVALID',
      `a passport's @context must be exactly ${JSON.stringify(PASSPORT_CONTEXTS)}`,
      { details: { errors: [{ path: '/@context', keyword: 'const' }] } },
    )
  }
  // The schema as a verifier applies it: to the view with every node's descriptions merged (what a
  // Data Integrity proof signs). A vc+jwt's verifier reads its JSON as it is, where a field given
  // only by another description of its node (the issuer's name, say, for the manufacturer) is
  // missing: a vc+jwt is held to both, so it is never signed to fail verification.
  const views = options.format === 'vc-jose' && view !== record ? [view, record] : [view]
  for (const v of views) assertPassportSchema(v)
  const issuer = issuerId(record)
  if (issuer !== key.controller) {
    throw new CarbonPassportError(
      'ERR_KEY_NOT_CONTROLLED_BY_ISSUER',
      `the key ${key.id} is controlled by ${key.controller}, not by the issuer ${issuer}; the passport could never verify`,
      { details: { issuer, controller: key.controller } },
    )
  }
  // The rules on the same views; the schema has passed, so what is left are the rules' errors.
  if (!allowNonConforming) for (const v of views) assertConforms(v, profiles)
  const { profiles: _p, allowNonConforming: _a, ...issueOptions } = options
  return issueCredential(record, { ...issueOptions, key })
}
