/** The findings table of the CLI (`check`, and `issue` when it refuses): path, code, severity, message. */
import type { Finding } from '../results.js'
import { color } from './io.js'

/** A status or severity label in its colour (on a terminal only). */
export const paint = (label: string): string =>
  label === 'FAIL' || label === 'error'
    ? color.red(label)
    : label === 'WARN' || label === 'warning'
      ? color.yellow(label)
      : label === 'PASS'
        ? color.green(label)
        : color.dim(label)

/** A plain-text table: path, code, severity, message; a header line, then one line per finding. */
export function findingsTable(findings: readonly Finding[]): string[] {
  const rows = findings.map((f) => [f.path || '/', f.code, f.severity, f.message])
  const header = ['PATH', 'CODE', 'SEVERITY', 'MESSAGE']
  const widths = [0, 1, 2].map((i) =>
    Math.min(60, Math.max(header[i]?.length ?? 0, ...rows.map((r) => r[i]?.length ?? 0))),
  )
  const line = (cells: string[], colour = false) =>
    cells
      .map((c, i) => {
        const padded = i < 3 ? c.padEnd(widths[i] ?? 0) : c
        return colour && i === 2 ? padded.replace(c, paint(c)) : padded
      })
      .join('  ')
      .trimEnd()
  return [color.bold(line(header)), ...rows.map((r) => line(r, true))]
}
