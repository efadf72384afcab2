/**
 * Emission-factor sets from JSON or CSV (docs/generate.md, "Emission-factor sets"): validated
 * against schemas/v1/emission-factor-set.schema.json, each id once, the work bounded. Nothing
 * here throws on untrusted input: what is wrong is a FACTOR_SET_INVALID or CSV_INVALID finding.
 */
import type { Finding } from '../findings/finding.js'
import { pointer } from '../findings/pointer.js'
import { asCarbonPassportError, describeError } from '../guard.js'
import { findDuplicateKey } from '../input/json-keys.js'
import { DEFAULT_MAX_DEPTH, illFormedFinding, inspectValue } from '../input/read.js'
import { MAX_LINES, schemaIds, validateAgainstSchema } from '../schema/registry.js'
import { generationCodes } from './codes.js'
import {
  CsvFindings,
  type CsvSpec,
  clip,
  csvCellDetail,
  describeSchemaError,
  FACTOR_COLUMNS,
  factorColumn,
  factorFromCells,
  MAX_CSV_BYTES,
  MAX_CSV_FINDINGS,
  REQUIRED_FACTOR_COLUMNS,
  readCsv,
  rowPath,
} from './csv.js'
import type { EmissionFactorSet, FactorSetEntry } from './types.js'

/** The most factors a set may have (the schema's `maxItems`): 10,000, as many as a passport's lines. */
export const MAX_FACTORS = MAX_LINES

/** The largest factor set read, in UTF-8 bytes of JSON or CSV text (8 MiB). */
export const MAX_FACTOR_SET_BYTES = MAX_CSV_BYTES

/** How many schema errors of one set are listed at most. */
const MAX_SCHEMA_FINDINGS = 100

/** The name of a set read from CSV when `options.name` is not given. */
export const DEFAULT_CSV_SET_NAME = 'Emission factors (CSV)'

/** The version of a set read from CSV when `options.version` is not given. */
export const DEFAULT_CSV_SET_VERSION = 'unversioned'

/**
 * The columns of an emission-factor set CSV, in order (docs/generate.md): `id`, `activity`, then
 * the emission factor's `value`, `unit`, `source_name`, `source_version`, `dataset_id`,
 * `provenance`, `geography`, `reference_year`, `gases_covered`, `life_cycle_scope`, `gwp_set`.
 */
export const FACTOR_SET_CSV_COLUMNS: readonly string[] = Object.freeze([
  'id',
  'activity',
  ...FACTOR_COLUMNS.map(([column]) => column),
])

const FACTOR_SET_CSV: CsvSpec = {
  what: 'emission-factor set',
  columns: FACTOR_SET_CSV_COLUMNS,
  required: ['id', 'activity', ...REQUIRED_FACTOR_COLUMNS],
}

/** How `loadFactorSet` reads its input. */
export interface LoadFactorSetOptions {
  /**
   * `json` (an object, or JSON text) or `csv` (text with a header row). When absent, an object is
   * JSON, and text is JSON when its first character (after a byte-order mark and white space) is
   * `{`, else CSV.
   */
  format?: 'json' | 'csv'
  /** The set's name, for CSV (which has no place for it); `DEFAULT_CSV_SET_NAME` when absent. */
  name?: string
  /** The set's version, for CSV; `DEFAULT_CSV_SET_VERSION` when absent. */
  version?: string
}

/** A loaded set, or the findings that prevent it. */
export interface FactorSetResult {
  /** The set: present exactly when `findings` holds no error. */
  set?: EmissionFactorSet
  /**
   * FACTOR_SET_INVALID (JSON: paths are pointers into the set, `/factors/3/value`; a duplicate id
   * in CSV: `/<row>/id`) and CSV_INVALID (paths `/<row>` or `/<row>/<column>`, rows from 0 after
   * the header, or `''` for the file).
   */
  findings: Finding[]
}

/**
 * Loads an emission-factor set from JSON (an object or JSON text) or CSV text, checks it against
 * schemas/v1/emission-factor-set.schema.json and that each id occurs once. Never throws: a set
 * that cannot be read, or is invalid, gives no `set` and the findings that say why.
 *
 * @example
 * ```ts
 * const { set, findings } = loadFactorSet(readFileSync('factors.csv', 'utf8'), {
 *   format: 'csv',
 *   name: 'AutoVolt factors',
 *   version: '2026-1',
 * })
 * if (!set) for (const f of findings) console.error(f.path, f.message)
 * ```
 */
export function loadFactorSet(input: unknown, options: LoadFactorSetOptions = {}): FactorSetResult {
  const findings: Finding[] = []
  try {
    const opts = (options ?? {}) as Record<string, unknown>
    const format = opts.format
    if (format !== undefined && format !== 'json' && format !== 'csv') {
      return invalid(findings, '', `options.format must be "json" or "csv", not ${clip(format)}.`)
    }
    for (const key of ['name', 'version'] as const) {
      const value = opts[key]
      if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
        return invalid(findings, '', `options.${key} must be a non-empty string.`)
      }
    }
    const csv =
      format === 'csv' ||
      (format === undefined && typeof input === 'string' && !looksLikeJson(input))
    if (csv) {
      return loadCsv(input, opts.name as string | undefined, opts.version as string | undefined)
    }
    return loadJson(input, findings)
  } catch (err) {
    // Hostile objects (throwing getters, proxies) end here, never in the caller.
    findings.length = 0
    return invalid(findings, '', `The factor set could not be read: ${clip(describeError(err))}`)
  }
}

function invalid(findings: Finding[], path: string, detail: string): FactorSetResult {
  findings.push(generationCodes.finding('FACTOR_SET_INVALID', path, { detail }))
  return { findings }
}

function looksLikeJson(text: string): boolean {
  const match = /^\uFEFF?\s*(\S)/.exec(text.slice(0, 1024))
  return match?.[1] === '{'
}

function loadJson(input: unknown, findings: Finding[]): FactorSetResult {
  let data: unknown
  if (typeof input === 'string') {
    const bytes = Buffer.byteLength(input, 'utf8')
    if (bytes > MAX_FACTOR_SET_BYTES) {
      return tooLarge(findings, bytes)
    }
    const text = input.startsWith('\uFEFF') ? input.slice(1) : input
    try {
      data = JSON.parse(text)
    } catch (err) {
      return invalid(findings, '', `The factor set is not JSON: ${clip((err as Error).message)}`)
    }
    const duplicate = findDuplicateKey(text, data)
    if (duplicate) {
      return invalid(
        findings,
        duplicate.path,
        `The member "${clip(duplicate.key)}" appears twice in one object; JSON readers disagree on which one counts.`,
      )
    }
  } else if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    const shape = inspectValue(input, DEFAULT_MAX_DEPTH)
    if (shape.depth > DEFAULT_MAX_DEPTH) {
      return invalid(findings, '', `The factor set nests deeper than ${DEFAULT_MAX_DEPTH} levels.`)
    }
    let text: string | undefined
    try {
      text = JSON.stringify(input)
    } catch {
      return invalid(findings, '', 'The factor set is not JSON data (a cycle or a BigInt).')
    }
    const bytes = Buffer.byteLength(text ?? '', 'utf8')
    if (bytes > MAX_FACTOR_SET_BYTES) return tooLarge(findings, bytes)
    // A copy: the set handed back is plain data, whatever the caller does with its object later.
    data = JSON.parse(text as string)
  } else {
    const kind = input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input
    return invalid(findings, '', `The factor set must be a JSON object, not ${kind}.`)
  }
  const shape = inspectValue(data, DEFAULT_MAX_DEPTH)
  if (shape.depth > DEFAULT_MAX_DEPTH) {
    return invalid(findings, '', `The factor set nests deeper than ${DEFAULT_MAX_DEPTH} levels.`)
  }
  const illFormed = illFormedFinding(shape)
  if (illFormed) return invalid(findings, illFormed.path, illFormed.message)
  const { errors, truncated } = validateAgainstSchema(
    schemaIds.emissionFactorSet,
    data,
    MAX_SCHEMA_FINDINGS,
  )
  for (const e of errors) {
    const { path, text } = describeSchemaError(e, data)
    findings.push(generationCodes.finding('FACTOR_SET_INVALID', path, { detail: text }))
  }
  if (truncated) {
    findings.push(
      generationCodes.finding('FACTOR_SET_INVALID', '', {
        detail: `More than ${MAX_SCHEMA_FINDINGS} schema errors: the rest were not listed.`,
      }),
    )
  }
  if (errors.length > 0) return { findings }
  const set = data as EmissionFactorSet
  duplicateIds(set.factors, (j) => pointer('factors', j, 'id'), findings)
  return findings.length > 0 ? { findings } : { set, findings }
}

function tooLarge(findings: Finding[], bytes: number): FactorSetResult {
  findings.push(
    generationCodes.finding('FACTOR_SET_INVALID', '', {
      detail: `The factor set is ${bytes} bytes as JSON text, more than the ${MAX_FACTOR_SET_BYTES} read; nothing was read.`,
      expected: String(MAX_FACTOR_SET_BYTES),
      actual: String(bytes),
    }),
  )
  return { findings }
}

/** FACTOR_SET_INVALID at `at(j)` for each factor whose id an earlier one has. */
function duplicateIds(
  factors: readonly FactorSetEntry[],
  at: (index: number) => string,
  findings: Finding[],
): void {
  const first = new Map<string, number>()
  for (const [j, factor] of factors.entries()) {
    const i = first.get(factor.id)
    if (i === undefined) first.set(factor.id, j)
    else if (findings.length < MAX_SCHEMA_FINDINGS) {
      findings.push(
        generationCodes.finding('FACTOR_SET_INVALID', at(j), {
          detail: `The id "${clip(factor.id)}" is already factor ${i}'s: each id names one factor.`,
        }),
      )
    }
  }
}

function loadCsv(text: unknown, name?: string, version?: string): FactorSetResult {
  const findings: Finding[] = []
  const out = new CsvFindings(findings)
  const rows = readCsv(text, FACTOR_SET_CSV, out)
  if (rows === undefined) return { findings }
  const factors: Record<string, unknown>[] = []
  for (const row of rows) {
    const factor = factorFromCells(row, '', out)
    const entry: Record<string, unknown> = {}
    if (row.cells.id !== undefined) entry.id = row.cells.id
    if (row.cells.activity !== undefined) entry.activity = row.cells.activity
    factors.push(Object.assign(entry, factor))
  }
  if (rows.length === 0) {
    if (findings.length === 0)
      out.add('', 'The emission-factor set CSV has a header but no factor rows.')
    return { findings }
  }
  const set: EmissionFactorSet = {
    name: name ?? DEFAULT_CSV_SET_NAME,
    version: version ?? DEFAULT_CSV_SET_VERSION,
    factors: factors as unknown as FactorSetEntry[],
  }
  // One more error than are listed, so that the listing says it stopped.
  const { errors } = validateAgainstSchema(schemaIds.emissionFactorSet, set, MAX_CSV_FINDINGS + 1)
  for (const e of errors) {
    const { path, text: detail } = describeSchemaError(e, set)
    // Every error is about a factor: the set's name and version were checked as options.
    const match = /^\/factors\/(\d+)(\/.*)?$/.exec(path)
    const index = Number(match?.[1] ?? Number.NaN)
    const row = rows[index]
    if (match === null || row === undefined) {
      out.add('', detail)
      continue
    }
    const property = match[2] ?? ''
    const column =
      property === '/id' ? 'id' : property === '/activity' ? 'activity' : factorColumn(property)
    if (out.reported.has(rowPath(row.index, column))) continue
    out.add(rowPath(row.index, column), csvCellDetail(e.keyword, column, detail, row.line))
  }
  if (findings.length > 0) return { findings }
  duplicateIds(set.factors, (j) => rowPath(rows[j]?.index ?? j, 'id'), findings)
  return findings.length > 0 ? { findings } : { set, findings }
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/

/** One CSV field, quoted (RFC 4180) when it holds a comma, a quote, a line break or edge spaces. */
function field(value: string | number | undefined): string {
  if (value === undefined) return ''
  const text = String(value)
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * A set as CSV text in the columns `loadFactorSet` reads (FACTOR_SET_CSV_COLUMNS, CRLF line ends,
 * RFC 4180 quoting). The set's name, version, description and licence have no column: give the
 * name and version to `loadFactorSet` when loading it back.
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when `set` is not a set (no factors array, a
 *   factor without a source, an object that cannot be read).
 *
 * @example
 * ```ts
 * const csv = factorSetToCsv(set)
 * loadFactorSet(csv, { format: 'csv', name: set.name, version: set.version }).set // the same factors
 * ```
 */
export function factorSetToCsv(set: EmissionFactorSet): string {
  try {
    return toCsv(set)
  } catch (err) {
    // A set that is not one (no factors array, a factor without a source, a hostile object).
    throw asCarbonPassportError(
      err,
      'ERR_INVALID_ARGUMENT',
      'factorSetToCsv: the set cannot be read',
    )
  }
}

function toCsv(set: EmissionFactorSet): string {
  const lines = [FACTOR_SET_CSV_COLUMNS.join(',')]
  for (const f of set.factors) {
    lines.push(
      [
        f.id,
        f.activity,
        f.value,
        f.unit,
        f.source.name,
        f.source.version,
        f.source.datasetId,
        f.provenance,
        f.geography,
        f.referenceYear,
        f.gasesCovered,
        f.lifeCycleScope,
        f.gwpSet,
      ]
        .map(field)
        .join(','),
    )
  }
  return `${lines.join('\r\n')}\r\n`
}
