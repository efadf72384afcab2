/**
 * `checkConformance`: field-level conformance of a carbon passport, in three layers: the JSON
 * Schema (layer 1), the semantic rules of `core` (layer 2) and the regulatory profiles (layer 3).
 * It never throws on untrusted input: anything unexpected becomes a finding. The check itself is
 * layers.ts; this module gives it the rules of every profile, so it runs synchronously.
 */
import type { ConformanceReport } from '../results.js'
import { type CheckConformanceOptions, checkLayers, type LayeredReport } from './layers.js'
import { profileRules } from './profiles/index.js'

export {
  type CheckConformanceOptions,
  checkerCodes,
  DEFAULT_TOLERANCE,
  type LayeredReport,
  toReport,
} from './layers.js'

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
 *   tolerance of sums and products (default 0.001 = 0.1 %); the caps `maxBytes` (1 MiB), `maxDepth`
 *   (64) and `maxFindings` (1,000), which bound the work on any input (see CheckConformanceOptions)
 * @returns a ConformanceReport; `conforms` is true when no finding is an error. Codes are listed in
 *   `catalogue` and docs/rules.md.
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` for an unknown profile, a bad tolerance or
 *   options that cannot be read (misuse, not untrusted input); never anything else.
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
  return checkConformanceLayers(input, options).report
}

/**
 * `checkConformance`, with the schema layer's findings told apart: verifyPassport reports those in
 * its `schema` check and the others in its `conformance` check, so that each problem is listed
 * once, and `report` is what `checkConformance` returns. Throws as `checkConformance` does.
 */
export function checkConformanceLayers(
  input: unknown,
  options: CheckConformanceOptions = {},
): LayeredReport {
  return checkLayers(input, options, profileRules)
}
