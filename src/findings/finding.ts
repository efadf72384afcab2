/**
 * The one shape of a finding, shared by verification and conformance (DESIGN.md §2), and the one
 * function that builds a finding from the definition of its code (src/findings/define.ts).
 */
import type { FindingCode } from './catalogue.js'

/** How much a finding weighs: an `error` fails a check or a report, a `warning` does not. */
export type Severity = 'error' | 'warning' | 'info'

/** One thing found wrong (or worth knowing) about a credential, located by JSON Pointer. */
export interface Finding<Code extends FindingCode = FindingCode> {
  /** Stable upper-snake code, for example `FIELD_REQUIRED` or `PROOF_INVALID` (see `FindingCode`). */
  code: Code
  /** `error` fails the check or report; `warning` and `info` do not. Usually the code's own. */
  severity: Severity
  /** JSON Pointer (RFC 6901) of the offending field; `''` for the whole document. */
  path: string
  /** What is wrong, in words a compliance officer understands. */
  message: string
  /** Where the rule comes from: a standard and clause, `schema`, or `VC 2.0 §…`. */
  rule: string
  /** For sums and comparisons: the value the rule expected. */
  expected?: string
  /** For sums and comparisons: the value found. */
  actual?: string
}

/** The values a message template names in braces (`{field}`, `{expected}`, …). */
export interface FindingParams {
  field?: string
  /** Also copied to the finding's `expected`. */
  expected?: string
  /** Also copied to the finding's `actual`. */
  actual?: string
  detail?: string
}

/** What building a finding needs to know about its code. */
export interface FindingTemplate {
  severity: Severity
  title: string
  /** The message template; the title when absent. */
  message?: string
  source: string
}

const PLACEHOLDER = /\{(\w+)\}/g

/** What a finding may say otherwise than its code's definition. */
export interface FindingOverrides {
  /** Another severity than the usual one (a list version ignored is only a warning). */
  severity?: Severity | undefined
  /** A more precise source than the code's (the schema keyword, the article of a regulation). */
  rule?: string | undefined
}

/**
 * The finding for `code` at `path`. `detail` is either the values of the message template (an
 * absent one reads as empty) or, for a check that can say more than its template, the message
 * itself.
 */
export function buildFinding<Code extends FindingCode>(
  code: Code,
  template: FindingTemplate,
  path: string,
  detail?: string | FindingParams,
  overrides: FindingOverrides = {},
): Finding<Code> {
  const params: FindingParams = typeof detail === 'object' ? detail : {}
  const values = params as Record<string, string | undefined>
  const message =
    typeof detail === 'string'
      ? detail
      : (template.message ?? template.title).replace(
          PLACEHOLDER,
          (_, name: string) => values[name] ?? '',
        )
  const finding: Finding<Code> = {
    code,
    severity: overrides.severity ?? template.severity,
    path,
    message,
    rule: overrides.rule ?? template.source,
  }
  if (params.expected !== undefined) finding.expected = params.expected
  if (params.actual !== undefined) finding.actual = params.actual
  return finding
}
