/**
 * `carbon-passport check <files…> --profile <id> … [--json]`: field-level conformance of passports
 * (unsigned, Data Integrity, vc+jwt or a bare subject). Prints a table of findings (path, code,
 * severity, message) per file on a terminal, or JSON; exits 0 only when no file has an error.
 */
import type { Command } from 'commander'
import { type CheckConformanceOptions, checkConformance } from '../../conformance/check.js'
import { statusLabel } from '../../conformance/format.js'
import { isProfileId, PROFILE_IDS, type ProfileId } from '../../conformance/profiles/ids.js'
import type { ConformanceReport } from '../../results.js'
import { paint, findingsTable as table } from '../findings-table.js'
import { exitCodesHelp, fail, json, readText, writeOutput } from '../io.js'

const collect = (value: string, previous: string[]): string[] => [...previous, value]

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('check passports field by field against the schema, rules and profiles')
    .argument(
      '<files...>',
      'passport files (JSON, vc+jwt, enveloped, or a bare subject); - for stdin',
    )
    .option(
      '-p, --profile <id>',
      `profile to apply on top of core; repeatable (${PROFILE_IDS.filter((p) => p !== 'core').join(', ')})`,
      collect,
      [],
    )
    .option('--tolerance <ratio>', 'relative tolerance of sums (default 0.001 = 0.1 %)')
    .option('--json', 'print JSON: one { file, report } per file')
    .addHelpText(
      'after',
      exitCodesHelp({
        0: 'every file conforms (warnings allowed)',
        1: 'a file does not conform (an error finding), or is not a passport at all',
        2: 'bad usage (an unknown profile, a bad --tolerance) or a file that cannot be read',
      }),
    )
    .action((files: string[], opts: { profile: string[]; tolerance?: string; json?: boolean }) => {
      for (const p of opts.profile) {
        if (!isProfileId(p)) fail(`unknown profile "${p}"; known: ${PROFILE_IDS.join(', ')}`)
      }
      const options: CheckConformanceOptions = { profiles: opts.profile as ProfileId[] }
      if (opts.tolerance !== undefined) {
        const tolerance = Number(opts.tolerance)
        if (!Number.isFinite(tolerance) || tolerance < 0) {
          fail(`--tolerance: "${opts.tolerance}" is not a number ≥ 0`)
        }
        options.tolerance = tolerance
      }
      const results: { file: string; report: ConformanceReport }[] = []
      for (const file of files) {
        results.push({ file, report: checkConformance(readText(file), options) })
      }
      const conforms = results.every((r) => r.report.conforms)
      if (opts.json) {
        writeOutput(json(files.length === 1 ? results[0] : results))
      } else {
        const out: string[] = []
        for (const { file, report } of results) {
          const label = statusLabel(report)
          out.push(`${paint(label)} ${file} (${report.profiles.join(', ')})`)
          if (report.findings.length > 0) out.push(...table(report.findings).map((l) => `  ${l}`))
        }
        writeOutput(out.join('\n'))
      }
      process.exitCode = conforms ? 0 : 1
    })
}
