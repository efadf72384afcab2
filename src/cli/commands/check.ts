/**
 * `carbon-passport check <files…> --profile <id> … [--json]`: field-level conformance of passports
 * (unsigned, Data Integrity, vc+jwt or a bare subject). Prints a table of findings (path, code,
 * severity, message) per file on a terminal, or JSON; exits 0 only when no file has an error.
 */
import type { Command } from 'commander'
import { type CheckConformanceOptions, checkConformance } from '../../conformance/check.js'
import { statusLabel } from '../../conformance/format.js'
import { isProfileId, PROFILE_IDS, type ProfileId } from '../../conformance/profiles/ids.js'
import type { ConformanceReport, Finding } from '../../results.js'
import { FILE_UNREADABLE } from '../batch-report.js'
import { paint, findingsTable as table } from '../findings-table.js'
import { EXIT, exitCodesHelp, fail, isDirectory, json, readText, writeOutput } from '../io.js'

const collect = (value: string, previous: string[]): string[] => [...previous, value]

/** A file's verdict and its findings table. */
function formatReport({ file, report }: { file: string; report: ConformanceReport }): string {
  const out = [`${paint(statusLabel(report))} ${file} (${report.profiles.join(', ')})`]
  if (report.findings.length > 0) out.push(...table(report.findings).map((l) => `  ${l}`))
  return out.join('\n')
}

/** The failed report of an input that cannot be read: one `FILE_UNREADABLE` error (or `code`). */
function unreadableReport(
  reason: string,
  options: CheckConformanceOptions,
  code: string = FILE_UNREADABLE,
): ConformanceReport {
  const finding = {
    code,
    severity: 'error',
    path: '',
    message: reason,
    rule: 'CLI',
  }
  return {
    conforms: false,
    status: 'fail',
    profiles: ['core', ...(options.profiles ?? [])],
    findings: [finding as unknown as Finding],
  }
}

/**
 * Many inputs (several files, folders, NDJSON): each checked in turn, one that cannot be read is
 * one failed report; text as it goes and a summary line on standard error, or one JSON array.
 */
async function checkMany(
  files: readonly string[],
  options: CheckConformanceOptions,
  asJson: boolean,
): Promise<number> {
  const results: { file: string; report: ConformanceReport }[] = []
  let total = 0
  let failed = 0
  let unreadable = 0
  // Loaded for many inputs only: checking one file needs none of the batch reader.
  const { batchInputs } = await import('../batch-inputs.js')
  for await (const item of batchInputs(files)) {
    const report =
      item.unreadable === undefined
        ? checkConformance(item.input, options)
        : unreadableReport(item.unreadable, options, item.code)
    total++
    if (!report.conforms) failed++
    if (item.unreadable !== undefined && item.code === undefined) unreadable++
    if (asJson) results.push({ file: item.label, report })
    else process.stdout.write(`${formatReport({ file: item.label, report })}\n`)
  }
  if (total === 0)
    fail('nothing to check: no input (folders: no .json, .jwt, .jsonld or .ndjson file)')
  if (asJson) writeOutput(json(results))
  else {
    process.stderr.write(
      `checked ${total}: ${total - failed} conform, ${failed} do not` +
        `${unreadable > 0 ? ` (${unreadable} unreadable)` : ''}\n`,
    )
  }
  return failed === 0 ? EXIT.positive : EXIT.negative
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('check passports field by field against the schema, rules and profiles')
    .argument(
      '<files...>',
      'passport files (JSON, vc+jwt, enveloped, or a bare subject); folders (recursively: .json, .jwt, .jsonld, .ndjson); - for stdin',
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
        1: 'a file does not conform (an error finding), is not a passport at all, or (among many inputs) cannot be read',
        2: 'bad usage (an unknown profile, a bad --tolerance), or the one file given cannot be read',
      }),
    )
    .action(
      async (files: string[], opts: { profile: string[]; tolerance?: string; json?: boolean }) => {
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
        const [first = '-'] = files
        if (files.length > 1 || isDirectory(first) || first.endsWith('.ndjson')) {
          process.exitCode = await checkMany(files, options, opts.json === true)
          return
        }
        const results: { file: string; report: ConformanceReport }[] = []
        for (const file of files) {
          results.push({ file, report: checkConformance(readText(file), options) })
        }
        const conforms = results.every((r) => r.report.conforms)
        if (opts.json) {
          writeOutput(json(files.length === 1 ? results[0] : results))
        } else {
          writeOutput(results.map(formatReport).join('\n'))
        }
        process.exitCode = conforms ? 0 : 1
      },
    )
}
