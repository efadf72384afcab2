/**
 * `checkConformance`: field-level conformance of a carbon passport, in three layers: the JSON
 * Schema (layer 1), the semantic rules of `core` (layer 2) and the regulatory profiles (layer 3).
 * It never throws on untrusted input: anything unexpected becomes a finding.
 */
import { isUnwrapFailure, unwrapCredential } from '../credential/envelope.js'
import { CarbonPassportError } from '../errors.js'
import type { ConformanceReport, CredentialFormat, Finding } from '../results.js'
import { schemaErrors, schemaIds } from '../schema/registry.js'
import { isObject, type Json, obj, type RuleContext, report } from './context.js'
import { type Dec, decimalFromNumber, parseDecimal } from './decimal.js'
import { isProfileId, PROFILE_IDS, type ProfileId } from './profiles/ids.js'
import { profileRules } from './profiles/index.js'
import { time } from './rules/dates.js'
import { schemaFindings } from './rules/schema.js'

export interface CheckConformanceOptions {
  /** Profiles to apply on top of `core`, which is always applied. */
  profiles?: readonly ProfileId[]
  /** Relative tolerance of sums and products: 0.001 (0.1 %) by default. */
  tolerance?: number
}

/** The default relative tolerance of sums and products (0.1 %). */
export const DEFAULT_TOLERANCE = 0.001
const DEFAULT_TOLERANCE_DEC = decimalFromNumber(DEFAULT_TOLERANCE)

/** A bare credential subject: no `@context`, and the subject's type or its product or footprint. */
function isBareSubject(value: Json): boolean {
  return (
    !('@context' in value) &&
    !('credentialSubject' in value) &&
    (value.type === 'CarbonPassport' || 'product' in value || 'footprint' in value)
  )
}

function resolveProfiles(requested: readonly ProfileId[] | undefined): ProfileId[] {
  if (requested !== undefined && !Array.isArray(requested)) {
    throw new CarbonPassportError('ERR_INVALID_ARGUMENT', 'options.profiles must be an array')
  }
  for (const p of requested ?? []) {
    if (!isProfileId(p)) {
      throw new CarbonPassportError(
        'ERR_INVALID_ARGUMENT',
        `unknown profile "${String(p)}"; known profiles: ${PROFILE_IDS.join(', ')}`,
      )
    }
  }
  // Core first, then the profiles in catalogue order, each once.
  return PROFILE_IDS.filter((p) => p === 'core' || requested?.includes(p))
}

function resolveTolerance(tolerance: number | undefined): Dec {
  if (tolerance === undefined) return DEFAULT_TOLERANCE_DEC
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new CarbonPassportError(
      'ERR_INVALID_ARGUMENT',
      'options.tolerance must be a finite number ≥ 0 (0.001 = 0.1 %)',
    )
  }
  return decimalFromNumber(tolerance)
}

function run(input: unknown, profiles: readonly ProfileId[], tolerance: Dec, findings: Finding[]) {
  const unwrapped = unwrapCredential(input)
  if (isUnwrapFailure(unwrapped)) {
    report(findings, 'INPUT_UNREADABLE', '', { detail: unwrapped.message })
    return
  }
  const doc = unwrapped.credential
  const bare = unwrapped.format === 'data-integrity' && isBareSubject(doc)
  const schemaId = bare ? schemaIds.carbonPassport : schemaIds.passport
  const errors = schemaErrors(schemaId, doc)
  if (errors.length > 0) schemaFindings(errors, doc, findings)
  const subject = bare ? doc : obj(doc.credentialSubject)
  const ctx: RuleContext = {
    subject,
    base: bare ? '' : '/credentialSubject',
    credential: bare ? undefined : doc,
    format: bare ? undefined : (unwrapped.format as CredentialFormat),
    jws: unwrapped.jws,
    tolerance,
    findings,
    // Parsing a Decimal or a canonical date-time is cheaper than a memo lookup by string.
    dec: parseDecimal,
    time,
    shared: { linesTotal: null },
  }
  if (!bare && !isObject(doc.credentialSubject)) return // TYPE_MISMATCH or FIELD_REQUIRED says why
  for (const profile of profiles) {
    for (const rule of profileRules[profile]) {
      try {
        rule(ctx)
      } catch (err) {
        report(findings, 'INTERNAL_ERROR', '', { detail: `${rule.name}: ${describe(err)}` })
      }
    }
  }
}

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err))

/** Summarises findings into a report. */
export function toReport(profiles: readonly string[], findings: Finding[]): ConformanceReport {
  let errors = false
  let warnings = false
  for (const f of findings) {
    if (f.severity === 'error') errors = true
    else if (f.severity === 'warning') warnings = true
  }
  return {
    conforms: !errors,
    status: errors ? 'fail' : warnings ? 'warn' : 'pass',
    profiles: [...profiles],
    findings,
  }
}

/**
 * Checks a passport against the schema, the semantic rules and the chosen profiles.
 *
 * `input` may be an unsigned passport, a signed one (Data Integrity, or vc+jwt / an
 * EnvelopedVerifiableCredential, decoded without verifying the signature), JSON text of any of
 * these, or a bare credential subject (then paths are relative to the subject). Untrusted input
 * never makes it throw: problems become findings (`INPUT_UNREADABLE`, `INTERNAL_ERROR`, …).
 *
 * @param input the passport, in any of the forms above
 * @param options `profiles` to apply on top of `core` (see `PROFILE_IDS`); `tolerance`, the relative
 *   tolerance of sums and products (default 0.001 = 0.1 %)
 * @returns a ConformanceReport; `conforms` is true when no finding is an error. Codes are listed in
 *   `catalogue` and docs/rules.md.
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` for an unknown profile or a bad tolerance
 *   (misuse, not untrusted input).
 * @example
 * ```ts
 * const report = checkConformance(passport, { profiles: ['pact-v3', 'iec-63369-1'] })
 * if (!report.conforms) for (const f of report.findings) console.log(f.path, f.code, f.message)
 * ```
 */
export function checkConformance(
  input: unknown,
  options: CheckConformanceOptions = {},
): ConformanceReport {
  const profiles = resolveProfiles(options?.profiles)
  const tolerance = resolveTolerance(options?.tolerance)
  const findings: Finding[] = []
  try {
    run(input, profiles, tolerance, findings)
  } catch (err) {
    report(findings, 'INTERNAL_ERROR', '', { detail: describe(err) })
  }
  return toReport(profiles, findings)
}
