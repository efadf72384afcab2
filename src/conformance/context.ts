/**
 * What every rule receives: the passport (or bare subject), where its subject sits, the tolerance,
 * and a `report` function that turns a catalogue code into a Finding.
 */

import { isObject, type Json } from '../json.js'
import type { CredentialFormat, Finding } from '../results.js'
import { type ConformanceCode, catalogue } from './catalogue.js'
import type { Dec } from './decimal.js'

export type { Json }

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

export interface SharedPerCall {
  /** Sum of the activity lines' emissions (undefined if one does not parse); null until computed. */
  linesTotal: Dec | undefined | null
}

export interface FindingParams {
  field?: string
  expected?: string
  actual?: string
  detail?: string
}

const PLACEHOLDER = /\{(\w+)\}/g

/** Adds the finding for `code` at `path` (a full JSON Pointer into the input). */
export function report(
  findings: Finding[],
  code: ConformanceCode,
  path: string,
  params: FindingParams = {},
  rule?: string,
): void {
  const def = catalogue[code]
  const values = params as Record<string, string | undefined>
  const finding: Finding = {
    code,
    severity: def.severity,
    path,
    message: def.message.replace(PLACEHOLDER, (_, name: string) => values[name] ?? ''),
    rule: rule ?? def.source,
  }
  if (params.expected !== undefined) finding.expected = params.expected
  if (params.actual !== undefined) finding.actual = params.actual
  findings.push(finding)
}

/** Shorthand for rules: report at a path relative to the subject. */
export function reportAt(
  ctx: RuleContext,
  code: ConformanceCode,
  relativePath: string,
  params: FindingParams = {},
  rule?: string,
): void {
  report(ctx.findings, code, ctx.base + relativePath, params, rule)
}

export { isObject }

const EMPTY: Json = Object.freeze({}) as Json
const NONE: readonly unknown[] = Object.freeze([])

/** The value as an object, or a shared empty object. */
export const obj = (v: unknown): Json => (isObject(v) ? v : EMPTY)

/** The value as an array, or a shared empty array. */
export const arr = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : NONE)

/** RFC 6901 escaping of one pointer segment. */
export function escapePointer(segment: string): string {
  return segment.includes('~') || segment.includes('/')
    ? segment.replace(/~/g, '~0').replace(/\//g, '~1')
    : segment
}

/** The value a JSON Pointer designates, or undefined. */
export function getPointer(doc: unknown, pointer: string): unknown {
  if (pointer === '') return doc
  let value = doc
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(value)) value = value[Number(key)]
    else if (isObject(value)) value = value[key]
    else return undefined
  }
  return value
}

/** A rule: looks at the passport and reports findings. */
export type Rule = (ctx: RuleContext) => void
