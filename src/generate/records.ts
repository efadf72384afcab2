/**
 * Activity records from CSV (docs/generate.md, "Activity records (CSV)"): one record per row,
 * every value checked (Decimal strings, the model's enumerations, RFC 3339 date-times, ISO 8601
 * durations), each problem a CSV_INVALID finding at `/<row>/<column>`. The work is bounded by the
 * caps of src/generate/csv.ts and nothing throws.
 */
import { isDateTime } from '../date-time.js'
import type { Finding } from '../findings/finding.js'
import {
  ACTIVITY_TYPES,
  CONTRACTUAL_INSTRUMENTS,
  CREDIT_TYPES,
  ELECTRICITY_BASES,
  GRANULARITIES,
  LIFECYCLE_STAGES,
  LINE_KINDS,
  REMOVAL_TYPES,
} from '../model/enums.js'
import type { EmissionFactor } from '../model/types.js'
import { getValidator, schemaIds, validateAgainstSchema } from '../schema/registry.js'
import {
  CsvFindings,
  type CsvRow,
  type CsvSpec,
  clip,
  csvCellDetail,
  decimalProblem,
  describeSchemaError,
  FACTOR_COLUMNS,
  factorColumn,
  factorFromCells,
  isDecimalCell,
  readCsv,
  rowPath,
} from './csv.js'
import type { ActivityRecord } from './types.js'

/** The prefix of the inline emission-factor columns of an activity CSV (`factor_value`, …). */
const INLINE = 'factor_'

/** The inline emission-factor columns: `factor_` and each emission-factor column of a set CSV. */
const INLINE_FACTOR_COLUMNS = FACTOR_COLUMNS.map(([column]) => INLINE + column)

/**
 * The columns of an activity-record CSV, in the documented order (docs/generate.md). The header
 * must name `activity`, `activity_type`, `quantity`, `unit`, `granularity`, `period_start`,
 * `period_end`, `temporal_resolution`, `lifecycle_stage` and `scope`; any other may be left out.
 */
export const ACTIVITY_CSV_COLUMNS: readonly string[] = Object.freeze([
  'id',
  'activity',
  'activity_type',
  'quantity',
  'unit',
  'produced_amount',
  'granularity',
  'period_start',
  'period_end',
  'temporal_resolution',
  'lifecycle_stage',
  'scope',
  'scope3_category',
  'factor_id',
  'factor_activity',
  'geography',
  'line_kind',
  'credit_type',
  'removal_type',
  'upstream_passport',
  'electricity_basis',
  'electricity_instrument',
  'electricity_instrument_id',
  'comment',
  ...INLINE_FACTOR_COLUMNS,
])

/** The columns an activity-record CSV's header must name, each a value every row must have. */
export const REQUIRED_ACTIVITY_CSV_COLUMNS: readonly string[] = Object.freeze([
  'activity',
  'activity_type',
  'quantity',
  'unit',
  'granularity',
  'period_start',
  'period_end',
  'temporal_resolution',
  'lifecycle_stage',
  'scope',
])

const ACTIVITY_CSV: CsvSpec = {
  what: 'activity records',
  columns: ACTIVITY_CSV_COLUMNS,
  required: REQUIRED_ACTIVITY_CSV_COLUMNS,
}

/** What `parseActivityCsv` read. */
export interface ActivityCsvResult {
  /**
   * One record per data row, in file order (record `i` is row `i`): all of them, or none when
   * `findings` holds an error, so that nothing is computed from part of a file.
   */
  records: ActivityRecord[]
  /** CSV_INVALID findings at `/<row>/<column>` or `/<row>` (rows from 0 after the header), or `''`. */
  findings: Finding[]
}

const GEOGRAPHY = /^([A-Z]{2}(-[A-Z0-9]{1,3})?|GLO|RER|RAS|RNA|RLA|RAF|RME|[A-Za-z][A-Za-z ,-]+)$/
const UNIT = /^\S{1,32}$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Reads activity records from CSV text with a header row (docs/generate.md, "Activity records
 * (CSV)"): RFC 4180 quoting, an optional byte-order mark, CRLF or LF. Each row names its factor in
 * exactly one way: `factor_id`, `factor_activity` (with `geography` to pick by), or the inline
 * `factor_*` columns. Never throws; a row that cannot be read is reported, never skipped.
 *
 * @example
 * ```ts
 * const { records, findings } = parseActivityCsv(readFileSync('records.csv', 'utf8'))
 * if (findings.some((f) => f.severity === 'error')) throw new Error(findings[0]?.message)
 * ```
 */
export function parseActivityCsv(text: string): ActivityCsvResult {
  const findings: Finding[] = []
  const out = new CsvFindings(findings)
  try {
    const rows = readCsv(text, ACTIVITY_CSV, out)
    if (rows === undefined) return { records: [], findings }
    const records: ActivityRecord[] = []
    for (const row of rows) {
      if (out.full) break
      const record = readRecord(row, out)
      if (record) records.push(record)
    }
    return { records: findings.length > 0 ? [] : records, findings }
  } catch (err) {
    findings.length = 0
    out.add('', `The activity records could not be read: ${clip(String(err))}`)
    return { records: [], findings }
  }
}

const durationValid = () => getValidator(`${schemaIds.common}#/$defs/duration`)
const iriValid = () => getValidator(`${schemaIds.common}#/$defs/iri`)

/** One row as a record, or undefined when a cell is wrong (each reported). */
function readRecord(row: CsvRow, out: CsvFindings): ActivityRecord | undefined {
  const before = out.findings.length
  const cells = row.cells
  const bad = (column: string, detail: string) =>
    out.add(rowPath(row.index, column), `${column}: ${detail} (line ${row.line}).`)
  const required = (column: string): string | undefined => {
    const value = cells[column]
    if (value === undefined) bad(column, 'the cell is empty; it is required')
    return value
  }
  const oneOf = <T extends string | number>(
    column: string,
    allowed: readonly T[],
    value: string | undefined,
  ): T | undefined => {
    if (value === undefined) return undefined
    const found = allowed.find((a) => String(a) === value)
    if (found === undefined) bad(column, `"${clip(value)}" is not one of ${allowed.join(', ')}`)
    return found
  }
  const decimal = (column: string, value: string | undefined): string | undefined => {
    if (value !== undefined && !isDecimalCell(value)) {
      bad(column, `"${clip(value)}" ${decimalProblem(value)}`)
      return undefined
    }
    return value
  }
  const dateTime = (column: string, value: string | undefined): string | undefined => {
    if (value === undefined) return undefined
    // A bare date is midnight UTC of that day (documented); anything else is RFC 3339.
    const full = DATE.test(value) ? `${value}T00:00:00Z` : value
    if (!isDateTime(full)) {
      bad(
        column,
        `"${clip(value)}" is not a date (2025-01-01) or an RFC 3339 date-time with a time zone (2025-01-01T00:00:00Z)`,
      )
      return undefined
    }
    return full
  }

  const activity = required('activity')
  const activityType = oneOf('activity_type', ACTIVITY_TYPES, required('activity_type'))
  const quantity = decimal('quantity', required('quantity'))
  const unit = required('unit')
  if (unit !== undefined && !UNIT.test(unit)) {
    bad('unit', `"${clip(unit)}" is not a unit code (1 to 32 characters, no spaces: KGM, KWH, TKM)`)
  }
  const producedAmount = decimal('produced_amount', cells.produced_amount)
  if (producedAmount !== undefined && !/[1-9]/.test(producedAmount)) {
    bad('produced_amount', `"${producedAmount}" must be greater than zero`)
  } else if (producedAmount?.startsWith('-')) {
    bad('produced_amount', `"${producedAmount}" must be greater than zero`)
  }
  const granularity = oneOf('granularity', GRANULARITIES, required('granularity'))
  const start = dateTime('period_start', required('period_start'))
  const end = dateTime('period_end', required('period_end'))
  if (start !== undefined && end !== undefined && Date.parse(end) <= Date.parse(start)) {
    bad('period_end', `${end} is not after period_start ${start} (the end is exclusive)`)
  }
  const temporalResolution = required('temporal_resolution')
  if (temporalResolution !== undefined && !durationValid()(temporalResolution)) {
    bad(
      'temporal_resolution',
      `"${clip(temporalResolution)}" is not an ISO 8601 duration (PT1H, P1D, P1M, P1Y)`,
    )
  }
  const lifecycleStage = oneOf('lifecycle_stage', LIFECYCLE_STAGES, required('lifecycle_stage'))
  const scope = oneOf('scope', ['1', '2', '3'], required('scope'))
  const scope3Category = oneOf(
    'scope3_category',
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15'],
    cells.scope3_category,
  )
  if (scope3Category !== undefined && scope !== undefined && scope !== '3') {
    bad('scope3_category', `a scope 3 category is given for a scope ${scope} record`)
  }
  const geography = cells.geography
  if (geography !== undefined && !GEOGRAPHY.test(geography)) {
    bad(
      'geography',
      `"${clip(geography)}" is not an ISO 3166-1 alpha-2 or ISO 3166-2 code, GLO or a region code`,
    )
  }
  const lineKind = oneOf('line_kind', LINE_KINDS, cells.line_kind)
  const creditType = oneOf('credit_type', CREDIT_TYPES, cells.credit_type)
  const removalType = oneOf('removal_type', REMOVAL_TYPES, cells.removal_type)
  const id = cells.id
  if (id !== undefined && !iriValid()(id)) bad('id', `"${clip(id)}" is not an absolute IRI`)
  const upstream = cells.upstream_passport
  if (upstream !== undefined && !iriValid()(upstream)) {
    bad('upstream_passport', `"${clip(upstream)}" is not an absolute IRI`)
  }
  const basis = oneOf('electricity_basis', ELECTRICITY_BASES, cells.electricity_basis)
  const instrument = oneOf(
    'electricity_instrument',
    CONTRACTUAL_INSTRUMENTS,
    cells.electricity_instrument,
  )
  const instrumentId = cells.electricity_instrument_id
  if (
    cells.electricity_basis === undefined &&
    (instrument !== undefined || instrumentId !== undefined)
  ) {
    bad('electricity_basis', 'the cell is empty, but the row names an electricity instrument')
  }

  // The factor: exactly one of factor_id, factor_activity, the inline columns.
  const inlineGiven = INLINE_FACTOR_COLUMNS.some((c) => cells[c] !== undefined)
  const ways = [
    cells.factor_id !== undefined ? 'factor_id' : undefined,
    cells.factor_activity !== undefined ? 'factor_activity' : undefined,
    inlineGiven ? 'the inline factor_* columns' : undefined,
  ].filter((w) => w !== undefined)
  if (ways.length === 0) {
    bad(
      'factor_id',
      'the row names no emission factor: give factor_id, factor_activity or factor_value with the other factor_* columns',
    )
  } else if (ways.length > 1) {
    const column =
      cells.factor_activity !== undefined && cells.factor_id !== undefined
        ? 'factor_activity'
        : inlineGiven
          ? 'factor_value'
          : 'factor_activity'
    bad(
      column,
      `the row names its factor in more than one way (${ways.join(', ')}); give exactly one`,
    )
  }
  let emissionFactor: EmissionFactor | undefined
  if (inlineGiven && ways.length === 1) emissionFactor = inlineFactor(row, out)

  if (out.findings.length > before) return undefined
  const record: ActivityRecord = {
    activity: activity as string,
    activityType: activityType as ActivityRecord['activityType'],
    quantity: quantity as string,
    unit: unit as string,
    granularity: granularity as ActivityRecord['granularity'],
    period: { start: start as string, end: end as string },
    temporalResolution: temporalResolution as string,
    lifecycleStage: lifecycleStage as ActivityRecord['lifecycleStage'],
    scope: Number(scope) as ActivityRecord['scope'],
  }
  if (id !== undefined) record.id = id
  if (producedAmount !== undefined) record.producedAmount = producedAmount
  if (scope3Category !== undefined) {
    record.scope3Category = Number(scope3Category) as NonNullable<ActivityRecord['scope3Category']>
  }
  if (cells.factor_id !== undefined) record.factorId = cells.factor_id
  if (cells.factor_activity !== undefined) record.factorActivity = cells.factor_activity
  if (geography !== undefined) record.geography = geography
  if (emissionFactor !== undefined) record.emissionFactor = emissionFactor
  if (lineKind !== undefined) record.lineKind = lineKind
  if (creditType !== undefined) record.creditType = creditType
  if (removalType !== undefined) record.removalType = removalType
  if (upstream !== undefined) record.upstreamPassport = upstream
  if (basis !== undefined) {
    record.electricity = { basis }
    if (instrument !== undefined) record.electricity.instrument = instrument
    if (instrumentId !== undefined) record.electricity.instrumentId = instrumentId
  }
  if (cells.comment !== undefined) record.comment = cells.comment
  return record
}

/** The inline factor of a row, checked against emission-factor.schema.json; undefined if wrong. */
function inlineFactor(row: CsvRow, out: CsvFindings): EmissionFactor | undefined {
  const before = out.findings.length
  const factor = factorFromCells(row, INLINE, out)
  const { errors } = validateAgainstSchema(schemaIds.emissionFactor, factor, 20)
  for (const e of errors) {
    const { path, text } = describeSchemaError(e, factor)
    const column = factorColumn(path)
    const at = rowPath(row.index, column === undefined ? undefined : INLINE + column)
    if (out.reported.has(at)) continue
    out.add(
      at,
      csvCellDetail(e.keyword, column === undefined ? undefined : INLINE + column, text, row.line),
    )
  }
  return out.findings.length > before ? undefined : (factor as unknown as EmissionFactor)
}
