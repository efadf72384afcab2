/**
 * `carbon-passport convert`: converts many documents between passports and PACT, UNTP, Battery Pass
 * and Catena-X, through the passport. One file that cannot be converted is one failed result, never
 * an aborted run; the losses of each file are printed.
 */
import { mkdirSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import type { Command } from 'commander'
import type { Finding } from '../../findings/finding.js'
import { conversionCodes } from '../../interop/codes.js'
import {
  fromBatteryPass,
  fromCatenaX,
  fromPact,
  fromUntpDpp,
  toBatteryPass,
  toCatenaX,
  toPact,
  toUntpDpp,
} from '../../interop/index.js'
import type { ConversionResult } from '../../interop/types.js'
import { findingsTable } from '../findings-table.js'
import {
  color,
  EXIT,
  exitCodesHelp,
  fail,
  json,
  readBoundedBytes,
  tooLargeInput,
  writeOutput,
} from '../io.js'

const FORMATS = ['passport', 'pact', 'untp', 'battery-pass', 'catena-x'] as const
type Format = (typeof FORMATS)[number]

/** The versions each target can be written in; the first is the default. */
const VERSIONS: Readonly<Record<Format, readonly string[]>> = {
  passport: [],
  pact: ['3.0', '2.3'],
  untp: ['0.7.0', '0.6.1'],
  'battery-pass': [],
  'catena-x': ['10.0.0', '9.0.0'],
}

/** Source bytes into a passport; the source may be any JSON text (or UTF-16 for Battery Pass). */
function toPassport(format: Format, bytes: Buffer): ConversionResult<unknown> {
  // Battery Pass JSON may arrive as UTF-16 with a byte-order mark: its converter decodes the bytes.
  if (format === 'battery-pass') return fromBatteryPass(bytes)
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
  if (format === 'pact') return fromPact(text)
  if (format === 'untp') return fromUntpDpp(text)
  if (format === 'catena-x') return fromCatenaX(text)
  try {
    return { result: JSON.parse(text) as unknown, losses: [] }
  } catch (err) {
    const detail = `The source is not JSON: ${err instanceof Error ? err.message : String(err)}`
    return { losses: [conversionCodes.finding('SOURCE_UNREADABLE', '', { detail })] }
  }
}

/** A passport into the target format. */
function fromPassport(
  format: Format,
  passport: unknown,
  version: string,
): ConversionResult<unknown> {
  if (format === 'pact') return toPact(passport, { version: version as '3.0' | '2.3' })
  if (format === 'untp') return toUntpDpp(passport, { version: version as '0.7.0' | '0.6.1' })
  if (format === 'battery-pass') return toBatteryPass(passport)
  if (format === 'catena-x') return toCatenaX(passport, { version: version as '10.0.0' | '9.0.0' })
  return { result: passport, losses: [] }
}

/** What one file gave. */
interface FileReport {
  file: string
  /** Whether a result was produced. */
  converted: boolean
  /** Where the result was written (`-` for standard output). */
  output?: string
  /** The losses of reading the source into a passport (paths into the source). */
  fromLosses: Finding[]
  /** The losses of writing the target (paths into the intermediate passport). */
  toLosses: Finding[]
}

/** A loss is a warning or an error; an info (an extension carried) loses nothing. */
const isLoss = (f: Finding): boolean => f.severity !== 'info'

function readSource(file: string): Buffer | Finding {
  let bytes: Buffer | undefined
  try {
    bytes = readBoundedBytes(file)
  } catch (err) {
    const detail = `${file}: cannot read it (${err instanceof Error ? err.message : String(err)})`
    return conversionCodes.finding('SOURCE_UNREADABLE', '', { detail })
  }
  if (bytes) return bytes
  return conversionCodes.finding('SOURCE_UNREADABLE', '', { detail: tooLargeInput(file) })
}

function outputPath(file: string, to: Format, out: string | undefined, many: boolean): string {
  if (!many) return out ?? '-'
  const stem = basename(file, extname(file))
  return join(out as string, `${stem}.${to}.json`)
}

function convertFile(
  file: string,
  opts: { from: Format; to: Format; version: string; out?: string | undefined; many: boolean },
): FileReport {
  const report: FileReport = { file, converted: false, fromLosses: [], toLosses: [] }
  const bytes = readSource(file)
  if (!Buffer.isBuffer(bytes)) {
    report.fromLosses.push(bytes)
    return report
  }
  const passport = toPassport(opts.from, bytes)
  report.fromLosses = passport.losses
  if (passport.result === undefined) return report
  const target = fromPassport(opts.to, passport.result, opts.version)
  report.toLosses = target.losses
  if (target.result === undefined) return report
  const output = outputPath(file, opts.to, opts.out, opts.many)
  writeOutput(json(target.result), output === '-' ? undefined : output)
  report.converted = true
  report.output = output
  return report
}

function printReport(r: FileReport, from: Format, to: Format): void {
  const all = [...r.fromLosses, ...r.toLosses]
  const lost = all.filter(isLoss).length
  const verdict = r.converted
    ? lost === 0
      ? color.green('converted')
      : color.yellow(`converted, ${lost} lost or changed`)
    : color.red('not converted')
  const where = r.output && r.output !== '-' ? ` → ${r.output}` : ''
  process.stderr.write(`${r.file}: ${verdict}${where}\n`)
  for (const [step, findings] of [
    [`${from} → passport (paths in the source)`, r.fromLosses.filter(isLoss)],
    [`passport → ${to} (paths in the passport)`, r.toLosses.filter(isLoss)],
  ] as const) {
    if (findings.length === 0) continue
    process.stderr.write(`  ${step}\n`)
    for (const line of findingsTable(findings)) process.stderr.write(`    ${line}\n`)
  }
  // Fields carried in an extension are not lost: counted here, listed with --json.
  const carried = all.length - lost
  if (carried > 0) {
    process.stderr.write(`  ${carried} fields carried in an extension (--json lists them)\n`)
  }
}

const parseFormat = (value: string, option: string): Format => {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format
  fail(`${option} ${value}: not one of ${FORMATS.join(', ')}`)
}

export function registerConvert(program: Command): void {
  program
    .command('convert')
    .description(
      'convert documents between passports, WBCSD PACT, UNTP DPP, Battery Pass and Catena-X PCF, printing what each conversion lost',
    )
    .argument('<files...>', 'source documents (JSON; - for standard input)')
    .requiredOption('--from <format>', `source format: ${FORMATS.join(', ')}`)
    .requiredOption('--to <format>', `target format: ${FORMATS.join(', ')}`)
    .option(
      '--version <version>',
      'target version: pact 3.0 (default) or 2.3; untp 0.7.0 (default) or 0.6.1; catena-x 10.0.0 (default) or 9.0.0',
    )
    .option(
      '-o, --out <path>',
      'output file for one source; a folder (created if needed) for several, one <name>.<to>.json each',
    )
    .option('--allow-loss', 'exit 0 even when something was lost or changed')
    .option(
      '--json',
      'print one JSON report of every file on standard output (results go to --out)',
    )
    .addHelpText(
      'after',
      exitCodesHelp({
        0: 'every file was converted and nothing was lost (or --allow-loss)',
        1: 'a file could not be converted, or something was lost or changed without --allow-loss',
        2: 'bad usage',
      }),
    )
    .action((files: string[], opts: Record<string, string | boolean | undefined>) => {
      const from = parseFormat(String(opts.from), '--from')
      const to = parseFormat(String(opts.to), '--to')
      const versions = VERSIONS[to]
      const version = typeof opts.version === 'string' ? opts.version : (versions[0] ?? '')
      if (typeof opts.version === 'string' && !versions.includes(opts.version)) {
        fail(
          `--version ${opts.version}: ${to} is written as ${versions.length ? versions.join(' or ') : 'one version only'}`,
        )
      }
      const many = files.length > 1
      const out = typeof opts.out === 'string' ? opts.out : undefined
      if (many && !out) fail('several sources need --out <folder>')
      if (many && out) mkdirSync(out, { recursive: true })
      if (opts.json && !out)
        fail('--json prints the report on standard output: give --out for the results')
      const reports = files.map((file) => convertFile(file, { from, to, version, out, many }))
      if (opts.json) writeOutput(json(reports))
      else for (const r of reports) printReport(r, from, to)
      const failed = reports.some((r) => !r.converted)
      const lost = reports.some((r) => [...r.fromLosses, ...r.toLosses].some(isLoss))
      process.exitCode = failed || (lost && !opts.allowLoss) ? EXIT.negative : EXIT.positive
    })
}
