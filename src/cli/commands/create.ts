/**
 * `carbon-passport create`: build an unsigned passport credential, either from a credential subject
 * written by hand (`create <subject>`), or computed from activity data (`create --product … --activity
 * … --factors …`: `buildPassport`), with a summary of the totals and the notes on standard error.
 */
import type { Command } from 'commander'
import { isProfileId, PROFILE_IDS, type ProfileId } from '../../conformance/profiles/ids.js'
import type { Finding } from '../../findings/finding.js'
import { buildPassport } from '../../generate/build.js'
import { loadFactorSet } from '../../generate/factor-set.js'
import { parseActivityCsv } from '../../generate/records.js'
import type { UpstreamComponent } from '../../generate/roll-up.js'
import type { EmissionFactorSet } from '../../generate/types.js'
import type { Issuer, PassportCredential } from '../../model/types.js'
import { createPassport, type PassportSubjectInput } from '../../passport/create.js'
import { findingsTable, paint } from '../findings-table.js'
import { exitCodesHelp, fail, json, parseJson, readJson, readText, writeOutput } from '../io.js'

const parseDate = (value: string, name: string): Date => {
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) fail(`${name}: "${value}" is not a date`)
  return d
}

const collect = (value: string, previous: string[]): string[] => [...previous, value]

interface CreateOptions {
  issuer?: string
  issuerName?: string
  id?: string
  validFrom?: string
  validUntil?: string
  out?: string
  product?: string
  activity?: string
  factors?: string
  factorsFormat?: string
  upstream: string[]
  profile: string[]
}

/** Options that only make sense when the passport is computed from activity data. */
const GENERATION_ONLY = [
  ['product', '--product'],
  ['factors', '--factors'],
  ['factorsFormat', '--factors-format'],
] as const

export function registerCreate(program: Command): void {
  program
    .command('create')
    .description(
      'build an unsigned passport: from a credential subject (or an existing passport’s subject), or computed from activity records and emission factors (--product, --activity, --factors)',
    )
    .argument(
      '[subject]',
      'JSON file with the credential subject, or a passport whose subject is reused; - for stdin (not with --activity)',
    )
    .option(
      '--issuer <id>',
      'issuer DID or IRI (must control the signing key); with --product, the product’s manufacturer id by default',
    )
    .option(
      '--issuer-name <name>',
      'issuer display name; with --product, the manufacturer’s name by default',
    )
    .option('--id <id>', 'passport id (default: a new urn:uuid)')
    .option('--valid-from <date>', 'start of validity (default: now)')
    .option('--valid-until <date>', 'end of validity')
    .option(
      '--product <file>',
      'generation: the passport template (JSON: id, product, footprint fields, battery, …; docs/generate.md)',
    )
    .option('--activity <file>', 'generation: the activity records (CSV; docs/generate.md)')
    .option('--factors <file>', 'generation: the emission-factor set (JSON or CSV)')
    .option(
      '--factors-format <format>',
      'generation: json or csv (default: guessed from the content)',
    )
    .option(
      '--upstream <file:quantity:unit>',
      'generation: an upstream passport (JSON or vc+jwt) and how much of it one declared unit uses, e.g. cell.json:240:H87; repeatable',
      collect,
      [],
    )
    .option(
      '-p, --profile <id>',
      `generation: a profile the passport must conform under, on top of core; repeatable (${PROFILE_IDS.filter((p) => p !== 'core').join(', ')})`,
      collect,
      [],
    )
    .option('-o, --out <file>', 'write the passport to a file instead of standard output')
    .addHelpText(
      'after',
      [
        '',
        'Generation mode (--activity): the passport is computed from the records, the factors and',
        'the upstream passports, checked against the schema and the profiles, and written only when',
        'it conforms; a summary (PCF, stages, scopes, notes, conformance warnings) goes to standard',
        'error. --upstream takes <file>:<quantity>:<unit>, the unit a UN/ECE Rec 20 code (H87 pieces,',
        'KGM kilograms, …) of the kind of the upstream declared unit; repeat it for each component.',
        '',
        'Example:',
        '  carbon-passport create --product product.json --activity records.csv \\',
        '    --factors factors.csv --upstream cell.json:240:H87 --profile pact-v3 -o passport.json',
        exitCodesHelp({
          0: 'the passport was written',
          1: 'generation: the data does not make a conforming passport (a missing factor, a bad record, a conformance error); the findings are printed',
          2: 'bad usage, input that cannot be read, or a subject that does not make a valid passport (the ERR_ code is printed)',
        }),
      ].join('\n'),
    )
    .action((subjectPath: string | undefined, opts: CreateOptions) => {
      if (opts.activity !== undefined) {
        if (subjectPath !== undefined) {
          fail(
            'give either a <subject> file or --activity (with --product and --factors), not both',
          )
        }
        generate(opts)
        return
      }
      for (const [key, flag] of GENERATION_ONLY) {
        if (opts[key] !== undefined) fail(`${flag} needs --activity (the activity records)`)
      }
      if (opts.upstream.length > 0) fail('--upstream needs --activity (the activity records)')
      if (opts.profile.length > 0) fail('--profile needs --activity (use check to check a file)')
      if (subjectPath === undefined) {
        fail('give a <subject> file, or --product and --activity to compute the passport')
      }
      if (opts.issuer === undefined) fail("required option '--issuer <id>' not specified")
      const input = readJson(subjectPath) as Record<string, unknown>
      const subject = (input?.credentialSubject ?? input) as PassportSubjectInput
      // A CarbonPassportError (ERR_PASSPORT_INVALID, …) is reported by main: its code, exit 2.
      const passport = createPassport(subject, {
        issuer: opts.issuerName ? { id: opts.issuer, name: opts.issuerName } : opts.issuer,
        ...(opts.id ? { id: opts.id } : {}),
        ...(opts.validFrom ? { validFrom: parseDate(opts.validFrom, '--valid-from') } : {}),
        ...(opts.validUntil ? { validUntil: parseDate(opts.validUntil, '--valid-until') } : {}),
      })
      writeOutput(json(passport), opts.out)
    })
}

/** `<file>:<quantity>:<unit>`, split from the right so that a path may hold a colon. */
function parseUpstream(spec: string): UpstreamComponent {
  const last = spec.lastIndexOf(':')
  const middle = last > 0 ? spec.lastIndexOf(':', last - 1) : -1
  if (middle <= 0 || last === middle + 1 || last === spec.length - 1) {
    fail(`--upstream: "${spec}" is not <file>:<quantity>:<unit> (e.g. cell.json:240:H87)`)
  }
  const file = spec.slice(0, middle)
  const text = readText(file, '--upstream')
  const passport: object | string = text.trimStart().startsWith('{')
    ? (parseJson(text, file, '--upstream') as object)
    : text.trim()
  return { passport, quantity: spec.slice(middle + 1, last), unit: spec.slice(last + 1) }
}

/** Prints findings as the `check` table, indented, on standard error. */
const printTable = (findings: readonly Finding[]): string[] =>
  findingsTable(findings).map((l) => `  ${l}`)

function generate(opts: CreateOptions): void {
  if (opts.product === undefined) fail('--activity needs --product (the passport template)')
  const format = opts.factorsFormat
  if (format !== undefined && format !== 'json' && format !== 'csv') {
    fail(`--factors-format: "${format}" is not json or csv`)
  }
  for (const p of opts.profile) {
    if (!isProfileId(p)) fail(`unknown profile "${p}"; known: ${PROFILE_IDS.join(', ')}`)
  }
  const template = readJson(opts.product, '--product') as Record<string, unknown>
  const csv = readText(opts.activity as string, '--activity')
  const factorText = opts.factors === undefined ? undefined : readText(opts.factors, '--factors')
  const upstreams = opts.upstream.map(parseUpstream)
  const validFrom = opts.validFrom ? parseDate(opts.validFrom, '--valid-from') : undefined
  const validUntil = opts.validUntil ? parseDate(opts.validUntil, '--valid-until') : undefined
  const issuer = issuerOf(opts, template)

  const stop = (what: string, findings: readonly Finding[]): void => {
    const errors = findings.filter((f) => f.severity === 'error')
    process.stderr.write(
      `${[`${paint('FAIL')} ${what}`, ...printTable(errors.length > 0 ? errors : findings)].join('\n')}\n`,
    )
    process.exitCode = 1
  }
  const parsed = parseActivityCsv(csv)
  if (parsed.findings.some((f) => f.severity === 'error')) {
    stop(`${opts.activity}: the activity records cannot be read`, parsed.findings)
    return
  }
  let factors: EmissionFactorSet | undefined
  if (factorText !== undefined) {
    const loaded = loadFactorSet(factorText, format === undefined ? {} : { format })
    if (loaded.set === undefined) {
      stop(`${opts.factors}: the emission-factor set cannot be read`, loaded.findings)
      return
    }
    factors = loaded.set
  }
  const profiles = opts.profile as ProfileId[]
  // Misuse (a bad issuer) throws a CarbonPassportError: main prints its code, exit 2.
  const result = buildPassport(template as never, parsed.records, {
    issuer,
    ...(factors ? { factors } : {}),
    ...(upstreams.length > 0 ? { upstreams } : {}),
    profiles: ['core', ...profiles],
    ...(opts.id ? { id: opts.id } : {}),
    ...(validFrom ? { validFrom } : {}),
    ...(validUntil ? { validUntil } : {}),
  })
  const out: string[] = []
  const profileList = ['core', ...profiles.filter((p) => p !== 'core')].join(', ')
  if (!result.ok) {
    out.push(`${paint('FAIL')} no passport: the data does not make a passport (${profileList})`)
    out.push(...printTable(result.errors))
    if (result.notes.length > 0) out.push('Notes:', ...printTable(result.notes))
    process.stderr.write(`${out.join('\n')}\n`)
    process.exitCode = 1
    return
  }
  writeOutput(json(result.passport), opts.out)
  out.push(...summary(result.passport))
  if (result.notes.length > 0)
    out.push(`Notes (${result.notes.length}):`, ...printTable(result.notes))
  const label = result.findings.some((f) => f.severity === 'warning') ? 'WARN' : 'PASS'
  out.push(`Conformance: ${paint(label)} (${profileList})`)
  if (result.findings.length > 0) out.push(...printTable(result.findings))
  out.push(opts.out ? `Written to ${opts.out}` : 'Written to standard output')
  process.stderr.write(`${out.join('\n')}\n`)
}

/** The issuer: the options', or the product's manufacturer. */
function issuerOf(opts: CreateOptions, template: Record<string, unknown>): string | Issuer {
  const product = template?.product as Record<string, unknown> | undefined
  const manufacturer = product?.manufacturer as Record<string, unknown> | undefined
  const id = opts.issuer ?? (typeof manufacturer?.id === 'string' ? manufacturer.id : undefined)
  if (id === undefined) {
    fail('--issuer is required when the product has no manufacturer id to default to')
  }
  const name =
    opts.issuerName ??
    (opts.issuer === undefined && typeof manufacturer?.name === 'string'
      ? manufacturer.name
      : undefined)
  return name === undefined ? id : { id, name }
}

/** The totals of a built passport: PCF, stages, scopes (scope 3 by category), life-cycle totals. */
function summary(passport: PassportCredential): string[] {
  const s = passport.credentialSubject
  const f = s.footprint
  const rows: [string, string][] = []
  const lines: string[] = [
    `${paint('PASS')} built ${passport.id}: ${s.product.name ?? s.id}`,
    `PCF (${f.systemBoundary ?? 'cradle-to-gate'}): ${f.pcfExcludingBiogenicUptake} kgCO2e per ${f.declaredUnitAmount} ${f.declaredUnitOfMeasurement} (${s.activityData?.length ?? 0} activity lines${s.components ? `, ${s.components.length} components` : ''})`,
  ]
  for (const stage of f.lifecycleStages ?? []) rows.push([`  ${stage.stage}`, stage.emissions])
  const scopes = f.scopeBreakdown
  if (scopes) {
    rows.push(['  scope 1', scopes.scope1], ['  scope 2', scopes.scope2])
    for (const c of scopes.scope3 ?? [])
      rows.push([`  scope 3 category ${c.category}`, c.emissions])
  }
  const width = Math.max(...rows.map(([k]) => k.length))
  const stages = (f.lifecycleStages ?? []).length
  const table = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`)
  lines.push('Life-cycle stages (kgCO2e):', ...table.slice(0, stages))
  lines.push('Scopes (kgCO2e):', ...table.slice(stages))
  if (f.primaryDataShare !== undefined) lines.push(`Primary data share: ${f.primaryDataShare} %`)
  const totals = s.lifeCycleTotals
  if (totals) {
    lines.push(`Life-cycle total (${totals.systemBoundary}): ${totals.totalFootprint} kgCO2e`)
  }
  for (const d of s.battery?.declarations ?? []) {
    lines.push(
      `Declaration ${d.framework}: ${d.footprintPerFunctionalUnit} kgCO2e per ${d.functionalUnit.unit} (${d.functionalUnit.kind})`,
    )
  }
  return lines
}
