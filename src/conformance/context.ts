/**
 * What every rule receives: the passport (or bare subject), where its subject sits, the tolerance,
 * and the list its findings go to. Each rule module builds its findings from the codes it declares
 * (`defineCodes`); a RuleContext is the `FindingSink` of their `reportAt`.
 */

import type { Dec } from '../decimal/core.js'
import type { Finding } from '../findings/finding.js'
import { isObject, type Json } from '../json.js'
import type { CredentialFormat } from '../results.js'

export type { Json }

/** The passport as a rule reads it, and where the rule's findings go (a `FindingSink`). */
export interface RuleContext {
  /** The credential subject (an empty object when there is none). */
  readonly subject: Json
  /** JSON Pointer of the subject in the input: `/credentialSubject`, or `''` for a bare subject. */
  readonly base: string
  /** The credential, or undefined when a bare subject is checked. */
  readonly credential: Json | undefined
  /** How the credential travelled, or undefined for a bare subject. */
  readonly format: CredentialFormat | undefined
  /** The compact JWS, for vc+jwt input. */
  readonly jws: string | undefined
  /** Relative tolerance for sums and products. */
  readonly tolerance: Dec
  readonly findings: Finding[]
  /** parseDecimal. */
  readonly dec: (value: unknown) => Dec | undefined
  /** Milliseconds of an RFC 3339 date-time, or undefined. */
  readonly time: (value: unknown) => number | undefined
  /** What several rules derive from the same data, worked out once per call (never across calls). */
  readonly shared: SharedPerCall
}

/** Values several rules need, computed by the first that asks. */
export interface SharedPerCall {
  /** Sum of the activity lines' emissions (undefined if one does not parse); null until computed. */
  linesTotal: Dec | undefined | null
}

export { isObject }

const EMPTY: Json = Object.freeze({}) as Json
const NONE: readonly unknown[] = Object.freeze([])

/** The value as an object, or a shared empty object. */
export const obj = (v: unknown): Json => (isObject(v) ? v : EMPTY)

/** The value as an array, or a shared empty array. */
export const arr = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : NONE)

/** A rule: looks at the passport and reports findings. */
export type Rule = (ctx: RuleContext) => void
