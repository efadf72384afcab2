/**
 * Decimals beyond what their schema pattern says: overlong values (refused before any arithmetic,
 * so a 100 000-digit string cannot slow the checker down) and the plausible ranges of the battery
 * service conditions. Wrong signs and malformed Decimals are reported by the schema layer.
 */
import { escapePointer, isObject, obj, type RuleContext, reportAt } from '../context.js'
import { compare, type Dec, MAX_DECIMAL_LENGTH, parseDecimal } from '../decimal.js'

const DECIMAL_SHAPE = /^-?[0-9]+(\.[0-9]+)?$/

function walk(ctx: RuleContext, value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (value.length > MAX_DECIMAL_LENGTH && DECIMAL_SHAPE.test(value)) {
      reportAt(ctx, 'DECIMAL_TOO_LONG', path, {
        expected: String(MAX_DECIMAL_LENGTH),
        actual: String(value.length),
      })
    }
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walk(ctx, value[i], `${path}/${i}`)
  } else if (isObject(value)) {
    for (const key in value) walk(ctx, value[key], `${path}/${escapePointer(key)}`)
  }
}

/** Every Decimal is at most MAX_DECIMAL_LENGTH characters long. */
export function decimalLengthRule(ctx: RuleContext): void {
  walk(ctx, ctx.subject, '')
}

const RANGE_RULE = 'IEC 63369-1:2026 (cumulated requested service: service conditions)'
const ZERO: Dec = { int: 0n, scale: 0 }
const MIN_TEMPERATURE: Dec = { int: -60n, scale: 0 }
const MAX_TEMPERATURE: Dec = { int: 100n, scale: 0 }

/** The battery service conditions are physically plausible. */
export function serviceConditionRangeRule(ctx: RuleContext): void {
  const crs = obj(obj(ctx.subject.battery).cumulatedRequestedService)
  const base = '/battery/cumulatedRequestedService'
  const positive = (field: string, value: unknown) => {
    const d = parseDecimal(value)
    if (d && compare(d, ZERO) <= 0) {
      reportAt(
        ctx,
        'VALUE_OUT_OF_RANGE',
        `${base}/${field}`,
        {
          expected: 'greater than 0 %',
          actual: String(value),
        },
        RANGE_RULE,
      )
    }
  }
  positive('depthOfDischarge', crs.depthOfDischarge)
  positive('endOfLifeStateOfHealth', crs.endOfLifeStateOfHealth)
  const t = parseDecimal(crs.temperature)
  if (t && (compare(t, MIN_TEMPERATURE) < 0 || compare(t, MAX_TEMPERATURE) > 0)) {
    reportAt(
      ctx,
      'VALUE_OUT_OF_RANGE',
      `${base}/temperature`,
      {
        expected: 'from -60 °C to 100 °C',
        actual: String(crs.temperature),
      },
      RANGE_RULE,
    )
  }
}
