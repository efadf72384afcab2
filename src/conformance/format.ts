/**
 * The report as PASS / WARN / FAIL lines, the way the UNTP test suite prints its results, so the
 * output lines up with tools people already use.
 */
import type { ConformanceReport, Finding } from '../results.js'

const LABEL = { error: 'FAIL', warning: 'WARN', info: 'INFO' } as const

/** The status word of a report: `PASS`, `WARN` or `FAIL`. */
export function statusLabel(report: ConformanceReport): 'PASS' | 'WARN' | 'FAIL' {
  return report.status === 'fail' ? 'FAIL' : report.status === 'warn' ? 'WARN' : 'PASS'
}

/** One finding as a line: `FAIL FIELD_REQUIRED /credentialSubject/product/name: message [rule]`. */
export function formatFinding(finding: Finding): string {
  const values =
    finding.expected !== undefined && finding.actual !== undefined
      ? ` (expected ${finding.expected}, actual ${finding.actual})`
      : ''
  return `${LABEL[finding.severity]} ${finding.code} ${finding.path || '/'}: ${finding.message}${values} [${finding.rule}]`
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
 */
export function formatReport(report: ConformanceReport, label = 'passport'): string {
  const counts = { error: 0, warning: 0, info: 0 }
  for (const f of report.findings) counts[f.severity]++
  const head = `${statusLabel(report)} ${label} (profiles: ${report.profiles.join(', ')}; ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info)`
  return [head, ...report.findings.map((f) => `  ${formatFinding(f)}`)].join('\n')
}
