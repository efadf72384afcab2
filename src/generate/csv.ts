/**
 * Reading the CSV files of generation (emission-factor sets and activity records) with csv-parse:
 * RFC 4180 quoting (a quoted field may hold commas, quotes and line breaks), a byte-order mark,
 * CRLF or LF line ends. One header row names the columns (case-insensitive, any order); every
 * other row is one record. The work is bounded (MAX_CSV_BYTES, MAX_CSV_ROWS, MAX_CSV_FINDINGS) and
 * nothing throws: what cannot be read is a CSV_INVALID finding at `/<row index>` (the data rows
 * counted from 0, the header not counted) or `/<row index>/<column>`, or at `''` for the file.
 */
import { createRequire } from 'node:module'
import { isDecimalString, MAX_DECIMAL_LENGTH } from '../decimal/core.js'
import type { Finding } from '../findings/finding.js'
import { pointer } from '../findings/pointer.js'
import type { ErrorObject } from '../schema/registry.js'
import { generationCodes } from './codes.js'

// csv-parse is loaded on the first CSV read (its CommonJS build, synchronously), not when the
// package is imported: start-up, issue 13.
const require = createRequire(import.meta.url)
type Parse = typeof import('csv-parse/sync').parse
let parse: Parse | undefined
const csvParse = (): Parse =>
  (parse ??= (require('csv-parse/sync') as typeof import('csv-parse/sync')).parse)

/** The largest CSV text read, in UTF-8 bytes (8 MiB: some 20,000 rows of a few hundred bytes). */
export const MAX_CSV_BYTES = 8 * 1024 * 1024

/** The most data rows (the header not counted) a CSV file may have: as many as a passport's lines. */
export const MAX_CSV_ROWS = 10_000

/** The most findings one CSV file gets; past it, one last finding says the listing stopped. */
export const MAX_CSV_FINDINGS = 100

/** One data row: its index (from 0, the header not counted), its line, its non-empty cells. */
export interface CsvRow {
  /** The row's index among the data rows, from 0: the first segment of its findings' paths. */
  index: number
  /** The line of the file the row ends on (from 1, the header is line 1), for messages. */
  line: number
  /** The row's cells by column name; an empty cell is absent. */
  cells: Record<string, string>
}

/** What a file of one kind has: its columns, and which of them the header must name. */
export interface CsvSpec {
  /** What the file is, for messages: `emission-factor set`, `activity records`. */
  what: string
  /** Every column the file may have, in the documented order. */
  columns: readonly string[]
  /** The columns the header must name. */
  required: readonly string[]
}

/** Appends CSV_INVALID findings, at most MAX_CSV_FINDINGS and then one that says so. */
export class CsvFindings {
  readonly findings: Finding[]
  /** The paths reported so far, so that a cell is not reported twice. */
  readonly reported = new Set<string>()
  #count = 0
  constructor(findings: Finding[]) {
    this.findings = findings
  }
  /** Whether the listing has stopped (MAX_CSV_FINDINGS reached). */
  get full(): boolean {
    return this.#count > MAX_CSV_FINDINGS
  }
  /** A CSV_INVALID finding at `path` saying `detail`. */
  add(path: string, detail: string): void {
    this.reported.add(path)
    this.push(() => generationCodes.finding('CSV_INVALID', path, { detail }))
  }
  /** Any finding, counted against the same cap. */
  push(make: () => Finding): void {
    this.#count++
    if (this.#count <= MAX_CSV_FINDINGS) this.findings.push(make())
    else if (this.#count === MAX_CSV_FINDINGS + 1) {
      this.findings.push(
        generationCodes.finding('CSV_INVALID', '', {
          detail: `More than ${MAX_CSV_FINDINGS} problems: the rest of the file was not listed.`,
        }),
      )
    }
  }
}

// String.prototype.isWellFormed (ES2024, Node >= 20).
const isWellFormed = (s: string): boolean =>
  (s as unknown as { isWellFormed(): boolean }).isWellFormed()

/** The CSV path of a row, or of a cell of it. */
export const rowPath = (row: number, column?: string): string =>
  column === undefined ? pointer(row) : pointer(row, column)

interface CsvParseError {
  code?: unknown
  message?: unknown
  lines?: unknown
}

/**
 * The data rows of a CSV text, or undefined when the file as a whole cannot be read (not text,
 * too large, empty, a header without a required column or with an unknown one, a row past
 * MAX_CSV_ROWS). Rows that cannot be read (a field count other than the header's, a quote not
 * closed) are reported and left out, so a caller must treat any finding as fatal. Never throws.
 */
export function readCsv(text: unknown, spec: CsvSpec, out: CsvFindings): CsvRow[] | undefined {
  if (typeof text !== 'string') {
    out.add('', `The ${spec.what} CSV must be text, not ${text === null ? 'null' : typeof text}.`)
    return undefined
  }
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > MAX_CSV_BYTES) {
    out.push(() =>
      generationCodes.finding('CSV_INVALID', '', {
        detail: `The ${spec.what} CSV is ${bytes} bytes, more than the ${MAX_CSV_BYTES} read; nothing was read.`,
        expected: String(MAX_CSV_BYTES),
        actual: String(bytes),
      }),
    )
    return undefined
  }
  if (!isWellFormed(text)) {
    out.add('', `The ${spec.what} CSV holds a lone surrogate (not well-formed UTF-16).`)
    return undefined
  }
  const rows: CsvRow[] = []
  let header = 'unread' as 'unread' | 'read' | 'skipped'
  let dataRows = 0 // data rows met so far, read or not
  let records: string[][]
  try {
    records = csvParse()(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      // The header, MAX_CSV_ROWS rows, and one more to tell that there are too many.
      to: MAX_CSV_ROWS + 2,
      on_record: (record: string[], context: { lines: number }) => {
        if (header === 'unread') header = 'read'
        else rows.push({ index: dataRows++, line: context.lines, cells: {} })
        return record
      },
      on_skip: (err: CsvParseError | undefined) => {
        const line = typeof err?.lines === 'number' ? ` (line ${err.lines})` : ''
        const why = typeof err?.message === 'string' ? err.message : 'the row cannot be read'
        if (header === 'unread') {
          header = 'skipped'
          out.add('', `The header row cannot be read: ${describeCsvError(err, why)}${line}.`)
        } else out.add(rowPath(dataRows++), `${describeCsvError(err, why)}${line}.`)
        return undefined
      },
    }) as string[][]
  } catch (err) {
    const e = err as CsvParseError
    const why = typeof e?.message === 'string' ? e.message : String(err)
    out.add(header === 'unread' ? '' : rowPath(dataRows), `The CSV cannot be read: ${why}.`)
    return undefined
  }
  if (header === 'skipped') return undefined
  const names = records[0]
  if (header === 'unread' || names === undefined) {
    out.add('', `The ${spec.what} CSV is empty: it needs a header row (docs/generate.md).`)
    return undefined
  }
  if (rows.length > MAX_CSV_ROWS) {
    out.add('', `The ${spec.what} CSV has more than ${MAX_CSV_ROWS} rows; nothing was read.`)
    return undefined
  }
  const columns = readHeader(names, spec, out)
  if (columns === undefined) return undefined
  let r = 1
  for (const row of rows) {
    const record = records[r++]
    if (record === undefined) break
    for (let c = 0; c < columns.length; c++) {
      const value = record[c]
      const column = columns[c] as string
      if (value !== undefined && value !== '') row.cells[column] = value
    }
  }
  // A skipped row was never pushed by on_record: `rows` and records[1..] are the rows read.
  return rows
}

function describeCsvError(err: CsvParseError | undefined, why: string): string {
  switch (err?.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return `The row has another number of fields than the header: ${why.replace(/ on line \d+$/, '')}`
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'A quoted field is not closed (a `"` is missing)'
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return 'A field has a stray quote: a field that holds `"` must be quoted, with the quote doubled (`"a ""b"""`)'
    default:
      return `The row cannot be read: ${why}`
  }
}

/** The header's column names (lowercased), or undefined when one is missing, unknown or repeated. */
function readHeader(header: string[], spec: CsvSpec, out: CsvFindings): string[] | undefined {
  const names = header.map((h) => h.toLowerCase())
  const known = new Set(spec.columns)
  let ok = true
  const seen = new Set<string>()
  for (const name of names) {
    if (name === '') {
      out.add('', 'The header has an empty column name.')
      ok = false
    } else if (!known.has(name)) {
      out.add(
        '',
        `The header names an unknown column "${clip(name)}"${name.includes(';') ? ' (the file seems to use ";" between fields: use ",")' : ''}; the columns are ${spec.columns.join(', ')} (docs/generate.md).`,
      )
      ok = false
    } else if (seen.has(name)) {
      out.add('', `The header names the column "${name}" twice.`)
      ok = false
    }
    seen.add(name)
  }
  const missing = spec.required.filter((c) => !seen.has(c))
  if (missing.length > 0) {
    out.add(
      '',
      `The header lacks the required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`,
    )
    ok = false
  }
  return ok ? names : undefined
}

/** A value for a message: quoted, at most 60 characters. */
export function clip(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** Whether a cell is a Decimal string the calculator reads (at most MAX_DECIMAL_LENGTH characters). */
export function isDecimalCell(value: string): boolean {
  return value.length <= MAX_DECIMAL_LENGTH && isDecimalString(value)
}

/** Why a cell is not a Decimal string, in words. */
export function decimalProblem(value: string): string {
  if (value.length > MAX_DECIMAL_LENGTH) {
    return `has more than ${MAX_DECIMAL_LENGTH} characters`
  }
  if (/^[+-]?\d*[.,]?\d+[eE][+-]?\d+$/.test(value)) return 'is in exponent notation: write it out'
  if (/^-?\d+,\d+$/.test(value)) return 'has a decimal comma: use a point'
  if (value.startsWith('+')) return 'has a plus sign'
  return 'is not a Decimal (digits, an optional minus and point, no exponent, no leading zeros)'
}

/**
 * The emission-factor columns of a CSV (of a set; of an activity record with the `factor_`
 * prefix), each with the JSON Pointer of its property in an emission factor.
 */
export const FACTOR_COLUMNS = [
  ['value', '/value'],
  ['unit', '/unit'],
  ['source_name', '/source/name'],
  ['source_version', '/source/version'],
  ['dataset_id', '/source/datasetId'],
  ['provenance', '/provenance'],
  ['geography', '/geography'],
  ['reference_year', '/referenceYear'],
  ['gases_covered', '/gasesCovered'],
  ['life_cycle_scope', '/lifeCycleScope'],
  ['gwp_set', '/gwpSet'],
] as const

/** The factor columns the header must name (those of the emission factor's required properties). */
export const REQUIRED_FACTOR_COLUMNS = [
  'value',
  'unit',
  'source_name',
  'provenance',
  'geography',
  'reference_year',
] as const

const YEAR = /^-?[0-9]{1,9}$/

/**
 * An emission factor from a row's cells (columns named `prefix` + the FACTOR_COLUMNS), unchecked
 * but for the reference year, which must be an integer (a CSV_INVALID at its cell otherwise, and
 * the factor has none). The schema checks the rest; its errors at a reported cell are dropped.
 */
export function factorFromCells(
  row: CsvRow,
  prefix: string,
  out: CsvFindings,
): Record<string, unknown> {
  const get = (column: string): string | undefined => row.cells[prefix + column]
  const factor: Record<string, unknown> = {}
  const put = (key: string, column: string) => {
    const value = get(column)
    if (value !== undefined) factor[key] = value
  }
  put('value', 'value')
  put('unit', 'unit')
  const name = get('source_name')
  const version = get('source_version')
  const datasetId = get('dataset_id')
  if (name !== undefined || version !== undefined || datasetId !== undefined) {
    const source: Record<string, string> = {}
    if (name !== undefined) source.name = name
    if (version !== undefined) source.version = version
    if (datasetId !== undefined) source.datasetId = datasetId
    factor.source = source
  }
  put('provenance', 'provenance')
  put('geography', 'geography')
  const year = get('reference_year')
  if (year !== undefined) {
    if (YEAR.test(year)) factor.referenceYear = Number(year)
    else {
      out.add(
        rowPath(row.index, `${prefix}reference_year`),
        `${prefix}reference_year: "${clip(year)}" is not a whole number (line ${row.line}).`,
      )
    }
  }
  put('gasesCovered', 'gases_covered')
  put('lifeCycleScope', 'life_cycle_scope')
  put('gwpSet', 'gwp_set')
  return factor
}

/** The column of an emission-factor property pointer (`/source/name` → `source_name`). */
export function factorColumn(propertyPointer: string): string | undefined {
  if (propertyPointer === '/source') return 'source_name'
  for (const [column, at] of FACTOR_COLUMNS) if (at === propertyPointer) return column
  return undefined
}

/**
 * A schema error as the pointer of what it is about and a sentence: a missing property is about
 * that property, an unknown one too.
 */
export function describeSchemaError(e: ErrorObject, data: unknown): { path: string; text: string } {
  const params = e.params as Record<string, unknown>
  const value = valueAt(data, e.instancePath)
  switch (e.keyword) {
    case 'required': {
      const name = String(params.missingProperty)
      return { path: `${e.instancePath}/${name}`, text: `"${name}" is required.` }
    }
    case 'additionalProperties': {
      const name = String(params.additionalProperty)
      return {
        path: `${e.instancePath}/${name}`,
        text: `"${clip(name)}" is not a property here (docs/generate.md).`,
      }
    }
    case 'pattern':
      if (/decimal/i.test(e.schemaPath) || /\/value$/.test(e.instancePath)) {
        const v = typeof value === 'string' ? value : ''
        return {
          path: e.instancePath,
          text:
            typeof value === 'string'
              ? `"${clip(value)}" ${decimalProblem(v)}.`
              : 'must be a Decimal string.',
        }
      }
      return {
        path: e.instancePath,
        text: `"${clip(value)}" does not have the required form ${String(params.pattern)}.`,
      }
    case 'enum':
      return {
        path: e.instancePath,
        text: `"${clip(value)}" is not one of ${(params.allowedValues as unknown[]).join(', ')}.`,
      }
    case 'type':
      return {
        path: e.instancePath,
        text: `${clip(value)} must be ${String(params.type)}, not ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value}.`,
      }
    default:
      return { path: e.instancePath, text: `${clip(value)}: ${e.message ?? e.keyword}.` }
  }
}

function valueAt(data: unknown, path: string): unknown {
  let value = data
  if (path === '') return value
  for (const raw of path.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

/** The message of a schema error about a CSV cell: an empty required cell, or what is wrong. */
export function csvCellDetail(
  keyword: string,
  column: string | undefined,
  detail: string,
  line: number,
): string {
  const text = detail.endsWith('.') ? detail.slice(0, -1) : detail
  if (column === undefined) return `${text} (line ${line}).`
  if (keyword === 'required') return `${column}: the cell is empty; it is required (line ${line}).`
  return `${column}: ${text} (line ${line}).`
}
