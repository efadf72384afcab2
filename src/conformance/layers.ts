/**
 * The conformance check (check.ts) with the rules of each profile given by its caller: check.ts
 * gives every profile's, loaded with it; verifyPassport only those it is asked for, loaded then
 * (profile-rules.ts), so a verification with `core` alone loads none of the others (start-up,
 * issue 13). Three layers: the JSON Schema (layer 1), the semantic rules of `core` (layer 2) and
 * the regulatory profiles (layer 3). It never throws on untrusted input: anything unexpected
 * becomes a finding.
 */

import { type Dec, decimalFromNumber, parseDecimal } from '../decimal/core.js'
import { CarbonPassportError } from '../errors.js'
import { commonCodes, truncateFindings } from '../findings/common.js'
import { combineCodes, defineCodes } from '../findings/define.js'
import type { Finding } from '../findings/finding.js'
import { asCarbonPassportError, describeError } from '../guard.js'
import { isUnwrapFailure, unwrapCredential } from '../input/envelope.js'
import { inputCodes } from '../input/read.js'
import type { ConformanceReport, CredentialFormat } from '../results.js'
import { schemaIds } from '../schema/registry.js'
import { isObject, type Json, obj, type Rule, type RuleContext } from './context.js'
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_FINDINGS,
  measureJson,
} from './limits.js'
import { isProfileId, PROFILE_IDS, type ProfileId } from './profiles/ids.js'
import { time } from './rules/dates.js'
import { schemaLayer } from './rules/schema.js'

/** The codes of the checker itself (the input caps are reading's, src/input/read.ts). */
export const checkerCodes = defineCodes({
  INPUT_UNREADABLE: {
    severity: 'error',
    profiles: ['core'],
    title: 'The input is a credential, a compact JWS or a credential subject.',
    message: 'The input cannot be read as a passport: {detail}.',
    source: 'VC 2.0 §4 (credential syntax); VC-JOSE-COSE §3.1.1 (vc+jwt)',
  },
})

const { report } = combineCodes(checkerCodes, inputCodes, commonCodes)

/**
 * Options of `checkConformance`. `verifyPassport` passes on its profiles, tolerance and input caps.
 */
export interface CheckConformanceOptions {
  /** Profiles to apply on top of `core`, which is always applied. */
  profiles?: readonly ProfileId[]
  /** Relative tolerance of sums and products: 0.001 (0.1 %) by default. */
  tolerance?: number
  /**
   * The largest input, as UTF-8 JSON text: DEFAULT_MAX_BYTES (1 MiB) by default, as verification.
   * Larger input gets one `INPUT_TOO_LARGE` finding and is not checked further.
   */
  maxBytes?: number
  /**
   * The deepest nesting of objects and arrays: DEFAULT_MAX_DEPTH (64) by default, as verification.
   * Deeper input gets one `INPUT_TOO_DEEP` finding and is not checked further.
   */
  maxDepth?: number
  /**
   * The most findings a report lists: DEFAULT_MAX_FINDINGS (1,000) by default. Past them the
   * report ends with one `FINDINGS_TRUNCATED` error and nothing further is checked, so that the
   * work on any input is bounded. Raising it raises that bound: listing n schema errors costs up
   * to about n² on hostile input (Ajv joins the errors of each `$ref`'d part into a new list).
   */
  maxFindings?: number
}

/** The rules of the profiles a check may apply (`core` and each one it is asked for). */
export type ProfileRules = Readonly<Partial<Record<ProfileId, readonly Rule[]>>>

interface Caps {
  maxBytes: number
  maxDepth: number
  maxFindings: number
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

/**
 * A cap option: a number greater than 0, as verification accepts for `maxBytes` and `maxDepth`
 * (Infinity lifts the cap); at least 1 for `maxFindings`. The default when absent.
 */
function resolveCap(value: unknown, name: string, fallback: number, findings = false): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || Number.isNaN(value) || (findings ? value < 1 : value <= 0)) {
    throw new CarbonPassportError(
      'ERR_INVALID_ARGUMENT',
      `options.${name} must be a number ${findings ? '≥ 1' : '> 0'} (default ${fallback})`,
    )
  }
  return findings ? Math.floor(value) : value
}

/** The options, read once; anything that cannot be read is misuse (ERR_INVALID_ARGUMENT). */
function resolveOptions(options: CheckConformanceOptions | undefined): {
  profiles: ProfileId[]
  tolerance: Dec
  caps: Caps
} {
  try {
    return {
      profiles: resolveProfiles(options?.profiles),
      tolerance: resolveTolerance(options?.tolerance),
      caps: resolveCaps(options),
    }
  } catch (err) {
    // A throwing getter or a revoked Proxy in the options is misuse too.
    throw asCarbonPassportError(err, 'ERR_INVALID_ARGUMENT', 'checkConformance: the options')
  }
}

function resolveCaps(options: CheckConformanceOptions | undefined): Caps {
  return {
    maxBytes: resolveCap(options?.maxBytes, 'maxBytes', DEFAULT_MAX_BYTES),
    maxDepth: resolveCap(options?.maxDepth, 'maxDepth', DEFAULT_MAX_DEPTH),
    maxFindings: resolveCap(options?.maxFindings, 'maxFindings', DEFAULT_MAX_FINDINGS, true),
  }
}

/**
 * Verification's input caps, before any other work: JSON text by its UTF-8 length, anything else
 * by `measureJson` (which stops at the caps, so a list of a million lines costs nothing). A value
 * that throws when read (a getter, a Proxy) ends in INTERNAL_ERROR, as it would in any later layer.
 */
function withinCaps(value: unknown, caps: Caps, findings: Finding[]): boolean {
  let tooLarge: boolean
  let tooDeep = false
  if (typeof value === 'string') {
    // A UTF-16 unit is at least one UTF-8 byte, so a string that long is over without counting.
    tooLarge = value.length > caps.maxBytes || Buffer.byteLength(value, 'utf8') > caps.maxBytes
  } else {
    ;({ tooLarge, tooDeep } = measureJson(value, caps.maxBytes, caps.maxDepth))
  }
  if (tooDeep) report(findings, 'INPUT_TOO_DEEP', '', { expected: String(caps.maxDepth) })
  else if (tooLarge) report(findings, 'INPUT_TOO_LARGE', '', { expected: String(caps.maxBytes) })
  return !tooDeep && !tooLarge
}

/**
 * The findings of one report, by layer: the schema layer's, and all the others (the semantic rules
 * and profiles, and what stopped the check: the input caps, INPUT_UNREADABLE, INTERNAL_ERROR, and
 * FINDINGS_TRUNCATED once the rules have started). The report lists them in that order.
 */
interface Layers {
  schema: Finding[]
  rules: Finding[]
}

const count = (layers: Layers): number => layers.schema.length + layers.rules.length

/**
 * Runs the layers; false when the findings cap stopped the rules (the report is then incomplete).
 * The schema layer applies the cap to itself.
 */
function run(
  input: unknown,
  profiles: readonly ProfileId[],
  rules: ProfileRules,
  tolerance: Dec,
  caps: Caps,
  layers: Layers,
  withinInputCaps: boolean,
): boolean {
  if (!withinInputCaps && !withinCaps(input, caps, layers.rules)) return true
  const unwrapped = unwrapCredential(input)
  if (isUnwrapFailure(unwrapped)) {
    report(layers.rules, 'INPUT_UNREADABLE', '', { detail: unwrapped.message })
    return true
  }
  const doc = unwrapped.credential
  // JSON text, a JWS or an envelope: the credential inside is measured too (for its depth).
  if (doc !== input && !withinCaps(doc, caps, layers.rules)) return true
  const bare = unwrapped.format === 'data-integrity' && isBareSubject(doc)
  const schemaId = bare ? schemaIds.carbonPassport : schemaIds.passport
  const schema = schemaLayer(doc, schemaId, caps.maxFindings, layers.schema)
  // Past the cap, or with a list refused as a whole, the rules (which read every item) do not run.
  if (schema.truncated || schema.listRefused) return true
  const subject = bare ? doc : obj(doc.credentialSubject)
  const ctx: RuleContext = {
    subject,
    base: bare ? '' : '/credentialSubject',
    credential: bare ? undefined : doc,
    format: bare ? undefined : (unwrapped.format as CredentialFormat),
    jws: unwrapped.jws,
    tolerance,
    findings: layers.rules,
    // Parsing a Decimal or a canonical date-time is cheaper than a memo lookup by string.
    dec: parseDecimal,
    time,
    shared: { linesTotal: null },
  }
  if (!bare && !isObject(doc.credentialSubject)) return true // TYPE_MISMATCH or FIELD_REQUIRED
  for (const profile of profiles) {
    const ofProfile = rules[profile]
    // Never for a caller of this module: each gives the rules of every profile it lets through.
    if (!ofProfile) throw new Error(`the rules of profile ${profile} were not loaded`)
    for (const rule of ofProfile) {
      try {
        rule(ctx)
      } catch (err) {
        report(layers.rules, 'INTERNAL_ERROR', '', { detail: `${rule.name}: ${describe(err)}` })
      }
      if (count(layers) > caps.maxFindings) return false
    }
  }
  return true
}

const describe = describeError

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

/** A conformance report, with the findings of its schema layer told apart from the others. */
export interface LayeredReport {
  /** The report, as `checkConformance` returns it: the schema findings, then the others. */
  report: ConformanceReport
  /** The findings of the schema layer (what verification's `schema` check reports). */
  schema: readonly Finding[]
  /** Every other finding of the report (what verification's `conformance` check reports). */
  rules: readonly Finding[]
}

/** The layers with their findings, capped at `maxFindings` (then FINDINGS_TRUNCATED). */
function conformanceLayers(
  input: unknown,
  profiles: readonly ProfileId[],
  rules: ProfileRules,
  tolerance: Dec,
  caps: Caps,
  withinInputCaps: boolean,
): LayeredReport {
  const layers: Layers = { schema: [], rules: [] }
  let complete = true
  try {
    complete = run(input, profiles, rules, tolerance, caps, layers, withinInputCaps)
  } catch (err) {
    report(layers.rules, 'INTERNAL_ERROR', '', { detail: describe(err) })
  }
  // The schema layer caps itself; past it the rules, or an INTERNAL_ERROR after them, are cut.
  if (!complete || (layers.rules.length > 0 && count(layers) > caps.maxFindings)) {
    const keep = Math.max(0, caps.maxFindings - layers.schema.length)
    truncateFindings(layers.rules, keep, caps.maxFindings)
  }
  return {
    report: toReport(profiles, [...layers.schema, ...layers.rules]),
    schema: layers.schema,
    rules: layers.rules,
  }
}

/**
 * `checkConformanceLayers` (check.ts) with the rules of the profiles given: those of `core` and of
 * every profile `options.profiles` names. Throws as `checkConformance` does. `withinInputCaps`:
 * the caller has proved `input` within `maxBytes` and `maxDepth` as measureJson counts them (a
 * credential verification has read within its caps, see passport/verify.ts), so the walk that
 * measures it is left out: it could only find it within them.
 */
export function checkLayers(
  input: unknown,
  options: CheckConformanceOptions,
  rules: ProfileRules,
  withinInputCaps = false,
): LayeredReport {
  const { profiles, tolerance, caps } = resolveOptions(options)
  return conformanceLayers(input, profiles, rules, tolerance, caps, withinInputCaps)
}
