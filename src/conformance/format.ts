/**
 * The report as PASS / WARN / FAIL lines, the way the UNTP test suite prints its results, so the
 * output lines up with tools people already use.
 */
import { asCarbonPassportError, invalidArgument, readOptions } from '../guard.js'
import type { ConformanceReport, Finding } from '../results.js'

const LABEL = { error: 'FAIL', warning: 'WARN', info: 'INFO' } as const
const STATUS = { fail: 'FAIL', warn: 'WARN', pass: 'PASS' } as const

/** The members of a finding, read once and checked. */
function findingOf(value: unknown): Finding {
  const f = readOptions(
    value,
    ['code', 'severity', 'path', 'message', 'rule', 'expected', 'actual'],
    'the finding',
    true,
  )
  const text = (v: unknown) => typeof v === 'string'
  if (
    !text(f.code) ||
    !Object.hasOwn(LABEL, f.severity as string) ||
    !text(f.path) ||
    !text(f.message) ||
    !text(f.rule) ||
    (f.expected !== undefined && !text(f.expected)) ||
    (f.actual !== undefined && !text(f.actual))
  ) {
    throw invalidArgument(
      'not a Finding: code, path, message and rule must be strings, severity error, warning or info',
    )
  }
  return f as unknown as Finding
}

/** The members of a report, read once and checked (findings are checked as they are formatted). */
function reportOf(value: unknown): {
  status: keyof typeof STATUS
  profiles: string[]
  findings: unknown[]
} {
  const r = readOptions(value, ['status', 'profiles', 'findings'], 'the report', true)
  if (
    !Object.hasOwn(STATUS, r.status as string) ||
    !Array.isArray(r.profiles) ||
    !r.profiles.every((p) => typeof p === 'string') ||
    !Array.isArray(r.findings)
  ) {
    throw invalidArgument(
      'not a ConformanceReport: status must be pass, warn or fail, profiles strings, findings an array',
    )
  }
  return r as { status: keyof typeof STATUS; profiles: string[]; findings: unknown[] }
}

/** Runs a formatter; whatever goes wrong reading its argument is `ERR_INVALID_ARGUMENT`. */
function guarded<T>(name: string, format: () => T): T {
  try {
    return format()
  } catch (err) {
    throw asCarbonPassportError(err, 'ERR_INVALID_ARGUMENT', name)
  }
}

/**
 * The status word of a report: `PASS`, `WARN` or `FAIL`.
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when `report` is not a ConformanceReport.
 */
export function statusLabel(report: ConformanceReport): 'PASS' | 'WARN' | 'FAIL' {
  return guarded('statusLabel', () => STATUS[reportOf(report).status])
}

/**
 * One finding as a line: `FAIL FIELD_REQUIRED /credentialSubject/product/name: message [rule]`.
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when `finding` is not a Finding.
 */
export function formatFinding(finding: Finding): string {
  return guarded('formatFinding', () => {
    const f = findingOf(finding)
    const values =
      f.expected !== undefined && f.actual !== undefined
        ? ` (expected ${f.expected}, actual ${f.actual})`
        : ''
    return `${LABEL[f.severity]} ${f.code} ${f.path || '/'}: ${f.message}${values} [${f.rule}]`
  })
}

/**
 * A report as text: a first line `PASS|WARN|FAIL <label> (profiles: …)`, then one indented
 * `FAIL|WARN|INFO <CODE> <path>: <message> [<rule>]` line per finding.
 *
 * @example
 * ```ts
 * console.log(formatReport(checkConformance(passport), 'battery.json'))
 * // FAIL battery.json (profiles: core)
 * //   FAIL FIELD_REQUIRED /credentialSubject/product/name: The required field "name" is missing. [schema …]
 * ```
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when `report` is not a ConformanceReport.
 */
export function formatReport(report: ConformanceReport, label = 'passport'): string {
  return guarded('formatReport', () => {
    if (typeof label !== 'string') throw invalidArgument('the label must be a string')
    const r = reportOf(report)
    const findings = r.findings.map(findingOf)
    const counts = { error: 0, warning: 0, info: 0 }
    for (const f of findings) counts[f.severity]++
    const head = `${STATUS[r.status]} ${label} (profiles: ${r.profiles.join(', ')}; ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info)`
    return [head, ...findings.map((f) => `  ${formatFinding(f)}`)].join('\n')
  })
}
