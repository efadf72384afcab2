/**
 * Layer 1: Ajv errors turned into findings with stable codes. The pointer of a missing field is
 * the field's own pointer; unknown properties are warnings; the noise of `oneOf` branches and
 * `contains` items collapses into one finding; a Decimal that fails its pattern is told apart as
 * not-a-decimal, wrong sign or out of range.
 */
import type { Finding } from '../../results.js'
import type { ErrorObject } from '../../schema/registry.js'
import type { ConformanceCode } from '../catalogue.js'
import { report as add, escapePointer, type FindingParams, getPointer } from '../context.js'
import { isDecimalString } from '../decimal.js'

const DEF = /#\/\$defs\/(\w+)\/pattern$/

/** What each Decimal definition of common.schema.json means, for messages. */
const DECIMAL_DEFS: Record<string, { kind: 'sign' | 'range'; expected: string }> = {
  decimal: { kind: 'sign', expected: 'a decimal number' },
  nonNegativeDecimal: { kind: 'sign', expected: 'zero or positive' },
  positiveDecimal: { kind: 'sign', expected: 'greater than zero' },
  nonPositiveDecimal: { kind: 'sign', expected: 'zero or negative (a removal or uptake)' },
  percent: { kind: 'range', expected: 'a percentage from 0 to 100' },
  dqr: { kind: 'range', expected: 'a data quality rating from 1 to 5' },
}

const FORMATS: Record<string, string> = {
  'date-time': 'RFC 3339 date-time with a time zone (2026-03-01T00:00:00Z)',
  uri: 'absolute IRI (https://…, urn:…, did:…)',
  duration: 'ISO 8601 duration (PT1H, P1M, P1Y)',
}

const jsonType = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'an array'
      : typeof v === 'object'
        ? 'an object'
        : `a ${typeof v}`

const article = (type: string): string =>
  type === 'object' || type === 'array' || type === 'integer' ? `an ${type}` : `a ${type}`

const show = (v: unknown): string => {
  const text = typeof v === 'string' ? v : JSON.stringify(v)
  return text === undefined ? String(v) : text.length > 80 ? `${text.slice(0, 77)}…` : text
}

const within = (path: string, parent: string): boolean =>
  path === parent || path.startsWith(`${parent}/`)

/**
 * Removes the errors a failed `oneOf`/`anyOf`/`contains` at `index` carries with it (they come
 * right before it in Ajv's list) and returns them.
 */
function takeBranchErrors(kept: ErrorObject[], parent: ErrorObject): ErrorObject[] {
  const taken: ErrorObject[] = []
  const prefix = `${parent.schemaPath}/`
  while (kept.length > 0) {
    const last = kept[kept.length - 1] as ErrorObject
    const underSchema = last.schemaPath.startsWith(prefix)
    const fromRef = !last.schemaPath.startsWith('#')
    const inBranch =
      parent.keyword === 'contains'
        ? underSchema
        : within(last.instancePath, parent.instancePath) && (underSchema || fromRef)
    if (!inBranch) break
    taken.push(last)
    kept.pop()
  }
  return taken.reverse() // in Ajv's order (collected last first; unshift would be quadratic)
}

function convert(
  e: ErrorObject,
  data: unknown,
  findings: Finding[],
  collapsed: ErrorObject[],
): void {
  const path = e.instancePath
  const params = e.params as Record<string, unknown>
  const report = (list: Finding[], code: ConformanceCode, at: string, p: FindingParams) =>
    add(list, code, at, p, `schema: ${e.schemaPath}`)
  switch (e.keyword) {
    case 'required': {
      const field = String(params.missingProperty)
      report(findings, 'FIELD_REQUIRED', `${path}/${escapePointer(field)}`, { field })
      return
    }
    case 'additionalProperties': {
      const field = String(params.additionalProperty)
      report(findings, 'UNKNOWN_PROPERTY', `${path}/${escapePointer(field)}`, { field })
      return
    }
    case 'type': {
      const value = getPointer(data, path)
      report(findings, 'TYPE_MISMATCH', path, {
        expected: String(params.type).split(',').map(article).join(' or '),
        actual: jsonType(value),
      })
      return
    }
    case 'pattern': {
      const value = getPointer(data, path)
      const def = DEF.exec(e.schemaPath)?.[1]
      const decimal = def === undefined ? undefined : DECIMAL_DEFS[def]
      if (decimal === undefined) {
        report(findings, 'PATTERN_MISMATCH', path, {
          expected: String(params.pattern),
          actual: show(value),
        })
      } else if (!isDecimalString(value)) {
        report(findings, 'DECIMAL_INVALID', path, { actual: show(value) })
      } else if (decimal.kind === 'sign') {
        report(findings, 'DECIMAL_SIGN_INVALID', path, {
          expected: decimal.expected,
          actual: value,
        })
      } else {
        report(findings, 'VALUE_OUT_OF_RANGE', path, { expected: decimal.expected, actual: value })
      }
      return
    }
    case 'enum': {
      report(findings, 'ENUM_MISMATCH', path, {
        expected: (params.allowedValues as unknown[]).map(show).join(', '),
        actual: show(getPointer(data, path)),
      })
      return
    }
    case 'format': {
      const format = String(params.format)
      report(findings, 'FORMAT_INVALID', path, {
        expected: FORMATS[format] ?? format,
        actual: show(getPointer(data, path)),
      })
      return
    }
    case 'const':
      report(findings, 'CONST_MISMATCH', path, { expected: show(params.allowedValue) })
      return
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      report(findings, 'VALUE_OUT_OF_RANGE', path, {
        expected: `${String(params.comparison)} ${String(params.limit)}`,
        actual: show(getPointer(data, path)),
      })
      return
    case 'minItems':
      report(findings, 'ARRAY_TOO_SHORT', path, { expected: String(params.limit) })
      return
    case 'maxItems':
      report(findings, 'ARRAY_TOO_LONG', path, { expected: String(params.limit) })
      return
    case 'minLength':
      report(findings, 'STRING_TOO_SHORT', path, { expected: String(params.limit) })
      return
    case 'maxLength':
      report(findings, 'STRING_TOO_LONG', path, { expected: String(params.limit) })
      return
    case 'uniqueItems':
      report(findings, 'DUPLICATE_ITEM', `${path}/${String(params.i)}`, {
        detail: `${String(params.j)} and ${String(params.i)}`,
      })
      return
    case 'contains': {
      const wanted = collapsed.find((c) => c.keyword === 'const')?.params as
        | { allowedValue?: unknown }
        | undefined
      report(findings, 'ARRAY_VALUE_MISSING', path, {
        expected: wanted ? show(wanted.allowedValue) : 'a required value',
      })
      return
    }
    case 'oneOf':
    case 'anyOf': {
      // The branches whose type matched say what is wrong; when none matched, one type finding.
      const typeErrors = collapsed.filter((c) => c.keyword === 'type' && c.instancePath === path)
      const rest = collapsed.filter((c) => !(c.keyword === 'type' && c.instancePath === path))
      if (rest.length > 0) {
        for (const c of rest) convert(c, data, findings, [])
      } else if (typeErrors.length > 0) {
        report(findings, 'TYPE_MISMATCH', path, {
          expected: [...new Set(typeErrors.map((t) => String(t.params.type)))]
            .map(article)
            .join(' or '),
          actual: jsonType(getPointer(data, path)),
        })
      } else {
        report(findings, 'SCHEMA_VIOLATION', path, { detail: e.message ?? e.keyword })
      }
      return
    }
    default:
      report(findings, 'SCHEMA_VIOLATION', path, { detail: e.message ?? e.keyword })
  }
}

/** Findings for the Ajv errors of validating `data`; paths are pointers into `data`. */
export function schemaFindings(
  errors: readonly ErrorObject[],
  data: unknown,
  findings: Finding[],
): void {
  const kept: ErrorObject[] = []
  const groups = new Map<ErrorObject, ErrorObject[]>()
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'contains') {
      groups.set(e, takeBranchErrors(kept, e))
    }
    kept.push(e)
  }
  for (const e of kept) convert(e, data, findings, groups.get(e) ?? [])
}
