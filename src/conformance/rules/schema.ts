/**
 * Layer 1: Ajv errors turned into findings with stable codes. The pointer of a missing field is
 * the field's own pointer; unknown properties are warnings; the noise of `oneOf` branches and
 * `contains` items collapses into one finding; a Decimal that fails its pattern is told apart as
 * not-a-decimal, wrong sign or out of range. Conformance runs it first, and verification's
 * `schema` check reports the same findings (src/credential/checks/schema.ts).
 */

import { isDecimalString } from '../../decimal/core.js'
import { truncateFindings } from '../../findings/common.js'
import { defineCodes } from '../../findings/define.js'
import type { Finding, FindingParams } from '../../findings/finding.js'
import { escapePointer, getPointer } from '../../findings/pointer.js'
import { type ErrorObject, validateAgainstSchema } from '../../schema/registry.js'
import { IEC63369, PACT, SCHEMA } from './sources.js'

/** The codes of layer 1; verification's `schema` check reports them too. */
export const schemaCodes = defineCodes({
  FIELD_REQUIRED: {
    severity: 'error',
    profiles: ['core'],
    checks: ['schema'],
    title: 'A required field is present.',
    message: 'The required field "{field}" is missing.',
    source: SCHEMA,
  },
  TYPE_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    checks: ['schema'],
    title: 'A field has the JSON type the schema gives it.',
    message: 'The value must be {expected}, not {actual}.',
    source: SCHEMA,
  },
  PATTERN_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    checks: ['schema'],
    title: 'A text field has the form the schema requires (codes, unit strings, digests).',
    message: 'The value "{actual}" does not have the required form {expected}.',
    source: SCHEMA,
  },
  ENUM_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    checks: ['schema'],
    title: 'A coded field holds one of its allowed values.',
    message: 'The value "{actual}" is not allowed here; allowed values: {expected}.',
    source: SCHEMA,
  },
  FORMAT_INVALID: {
    severity: 'error',
    profiles: ['core'],
    checks: ['schema'],
    title: 'Dates, IRIs and durations are well-formed (RFC 3339, RFC 3987, ISO 8601).',
    message: 'The value "{actual}" is not a valid {expected}.',
    source: SCHEMA,
  },
  CONST_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    checks: ['schema'],
    title: 'A fixed field holds its one allowed value (`@context`, subject `type`).',
    message: 'The value must be exactly {expected}.',
    source: SCHEMA,
  },
  VALUE_OUT_OF_RANGE: {
    severity: 'error',
    profiles: ['core'],
    checks: ['schema'],
    title:
      'A number is within its range: percentages 0–100, data quality ratings 1–5, years, scope 3 categories 1–15, battery service conditions.',
    message: 'The value {actual} is out of range: it must be {expected}.',
    source: `${SCHEMA}; battery service conditions: ${IEC63369} (cumulated requested service)`,
  },
  DECIMAL_INVALID: {
    severity: 'error',
    profiles: ['core'],
    checks: ['schema'],
    title:
      'A quantity is a Decimal string: digits, an optional minus sign and decimal point, no exponent, no leading zeros.',
    message: 'The value "{actual}" is not a Decimal string (for example "12.5" or "-0.25").',
    source: `${SCHEMA}; ${PACT} (Decimal)`,
  },
  DECIMAL_SIGN_INVALID: {
    severity: 'error',
    profiles: ['core'],
    checks: ['schema'],
    title:
      'A quantity has the sign its meaning requires (emissions ≥ 0, removals and uptake ≤ 0, amounts > 0).',
    message: 'The value {actual} has the wrong sign: it must be {expected}.',
    source: `${SCHEMA}; ${PACT} (CarbonFootprint field constraints)`,
  },
  STRING_TOO_SHORT: {
    severity: 'error',
    profiles: ['core'],
    checks: ['schema'],
    title: 'A text field that must say something is not empty.',
    message: 'The value must have at least {expected} character(s).',
    source: SCHEMA,
  },
  STRING_TOO_LONG: {
    severity: 'error',
    profiles: ['core'],
    checks: ['schema'],
    title: 'A code is not longer than the schema allows (unit codes: 32 characters).',
    message: 'The value must have at most {expected} characters.',
    source: SCHEMA,
  },
  ARRAY_TOO_SHORT: {
    severity: 'error',
    profiles: ['core'],
    checks: ['schema'],
    title: 'A list that must not be empty has items.',
    message: 'The list must have at least {expected} item(s).',
    source: SCHEMA,
  },
  ARRAY_TOO_LONG: {
    severity: 'error',
    profiles: ['core'],
    checks: ['schema'],
    title:
      'A list is not longer than the schema allows (activity data lines and components: 10,000; any other list: 1,000).',
    message:
      'The list must have at most {expected} items; its items and the rules that read them were not checked.',
    source: SCHEMA,
  },
  DUPLICATE_ITEM: {
    severity: 'error',
    profiles: ['core'],
    checks: ['schema'],
    title: 'A list holds no two identical items.',
    message: 'Items {detail} of the list are identical; each may appear once.',
    source: SCHEMA,
  },
  ARRAY_VALUE_MISSING: {
    severity: 'error',
    profiles: ['core'],
    checks: ['schema'],
    title: 'A list contains the value it must contain (the credential `type`).',
    message: 'The list must contain {expected}.',
    source: `${SCHEMA}; VC 2.0 §4.5 (types)`,
  },
  UNKNOWN_PROPERTY: {
    severity: 'warning',
    profiles: ['core'],
    checks: ['schema'],
    title:
      'An object of the carbon-passport vocabulary holds only its own properties. In conformance a warning (an extension does not fail, but a typo is seen); in the `schema` check of a verification an error, since no context a verifier accepts defines another term (and a vc+jwt is read without JSON-LD).',
    message:
      'The property "{field}" is not part of the carbon-passport vocabulary: a typo, or an extension that needs its own context.',
    source: SCHEMA,
  },
  SCHEMA_VIOLATION: {
    severity: 'error',
    profiles: ['core'],
    checks: ['schema'],
    title: 'Any other schema rule (fallback for schema keywords without a code of their own).',
    message: 'The value does not match the schema: {detail}.',
    source: SCHEMA,
  },
})

type SchemaCode = keyof typeof schemaCodes.definitions

const { finding } = schemaCodes

const DEF = /#\/\$defs\/(\w+)\/pattern$/

/** What each Decimal definition of common.schema.json means, for messages. */
const DECIMAL_DEFS: Record<string, { kind: 'sign' | 'range'; expected: string }> = {
  decimal: { kind: 'sign', expected: 'a decimal number' },
  nonNegativeDecimal: { kind: 'sign', expected: 'zero or positive' },
  positiveDecimal: { kind: 'sign', expected: 'greater than zero' },
  nonPositiveDecimal: { kind: 'sign', expected: 'zero or negative (a removal or uptake)' },
  percent: { kind: 'range', expected: 'a percentage from 0 to 100' },
  dqr: { kind: 'range', expected: 'a data quality rating from 1 to 5' },
  fraction: { kind: 'range', expected: 'a fraction from 0 to 1' },
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
  // The rule of a schema finding is the schema keyword that failed.
  const report = (list: Finding[], code: SchemaCode, at: string, p: FindingParams) => {
    const f = finding(code, at, p)
    f.rule = `schema: ${e.schemaPath}`
    list.push(f)
  }
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

/** What the schema layer tells the layers after it. */
export interface SchemaLayerResult {
  /** The findings stopped at the cap: FINDINGS_TRUNCATED is the last, nothing further is checked. */
  truncated: boolean
  /** A list is past its maxItems: it is refused as a whole, and the rules (which read it) must not run. */
  listRefused: boolean
}

/**
 * Layer 1 on its own: validates `doc` against the bundled schema `schemaId` and appends the findings
 * to `findings` (empty when called), at most `maxFindings` of them, then FINDINGS_TRUNCATED. The
 * work is bounded whatever the input (see src/schema/registry.ts).
 */
export function schemaLayer(
  doc: unknown,
  schemaId: string,
  maxFindings: number,
  findings: Finding[],
): SchemaLayerResult {
  const { errors, truncated } = validateAgainstSchema(schemaId, doc, maxFindings)
  if (errors.length > 0) schemaFindings(errors, doc, findings)
  const stopped = truncated || findings.length > maxFindings
  if (stopped) truncateFindings(findings, maxFindings, maxFindings)
  // A list past its maxItems is refused as a whole: its items are not read (see the registry).
  return { truncated: stopped, listRefused: errors.some((e) => e.keyword === 'maxItems') }
}
