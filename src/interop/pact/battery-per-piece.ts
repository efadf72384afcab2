/**
 * A battery footprint declared per kilowatt hour, restated per piece for PACT: in PACT a declared
 * unit of `kilowatt hour` says the product *is* energy, so a battery goes out as one `piece` (with
 * its mass), never per kWh (issue 11).
 */
import {
  type Dec,
  div,
  divExact,
  formatDecimal,
  mul,
  parseDecimal,
  sign,
} from '../../decimal/core.js'
import type { Finding } from '../../findings/finding.js'
import { isObject, type Json, loss } from './common.js'
import { PER_DECLARED_UNIT_FIELDS } from './fields.js'

/** Digits kept when a per-piece value has no finite decimal form. */
const DIGITS = 12

/**
 * `footprint` restated per piece: each per-declared-unit value × `battery.ratedEnergy` ÷
 * `declaredUnitAmount` (exact; rounded half-up to 12 decimal places only when the quotient has no
 * finite decimal form, and then said so), the declared unit one `piece`. Each changed member is a
 * VALUE_CHANGED loss at its pointer; without a positive `ratedEnergy` (or a valid amount) the
 * conversion is refused with SOURCE_FIELD_INVALID. Undefined when refused.
 */
export function batteryPerPiece(
  footprint: Json,
  battery: unknown,
  base: string,
  losses: Finding[],
): Json | undefined {
  const unitPath = `${base}/declaredUnitOfMeasurement`
  const ratedText = isObject(battery) ? battery.ratedEnergy : undefined
  const rated = parseDecimal(ratedText)
  if (rated === undefined || sign(rated) <= 0) {
    losses.push(
      loss(
        'SOURCE_FIELD_INVALID',
        unitPath,
        'a battery is exported to PACT as a piece with its mass, never per kilowatt hour (in PACT that declares the product to be energy); without a positive battery.ratedEnergy the per-kWh values cannot be restated per piece',
      ),
    )
    return undefined
  }
  const amountText = footprint.declaredUnitAmount ?? '1'
  const amount = parseDecimal(amountText)
  if (amount === undefined || sign(amount) <= 0) {
    losses.push(
      loss(
        'SOURCE_FIELD_INVALID',
        `${base}/declaredUnitAmount`,
        'declaredUnitAmount is not a positive Decimal, so the per-kWh values cannot be restated per piece',
      ),
    )
    return undefined
  }
  const out: Json = { ...footprint, declaredUnitOfMeasurement: 'piece', declaredUnitAmount: '1' }
  const how = `× ratedEnergy ${String(ratedText)} kWh ÷ declaredUnitAmount ${String(amountText)}`
  losses.push(
    loss(
      'VALUE_CHANGED',
      unitPath,
      `a battery is exported to PACT as a piece, never per kilowatt hour: the declared unit is one piece (one battery of ${String(ratedText)} kWh) and every value per declared unit is ${how}`,
    ),
  )
  if (footprint.declaredUnitAmount !== undefined && footprint.declaredUnitAmount !== '1') {
    losses.push(
      loss(
        'VALUE_CHANGED',
        `${base}/declaredUnitAmount`,
        `declaredUnitAmount ${String(footprint.declaredUnitAmount)} written as 1 (one piece)`,
      ),
    )
  }
  for (const field of PER_DECLARED_UNIT_FIELDS) {
    const value = parseDecimal(footprint[field], 1000)
    if (value === undefined) continue
    const { text, rounded } = perPiece(value, rated, amount)
    if (text === footprint[field]) continue
    out[field] = text
    losses.push(
      loss(
        'VALUE_CHANGED',
        `${base}/${field}`,
        `${String(footprint[field])} per declared unit ${how} = ${text} per piece${rounded ? ` (rounded half-up to ${DIGITS} decimal places: the exact quotient has no finite decimal form)` : ''}`,
      ),
    )
  }
  return out
}

function perPiece(value: Dec, rated: Dec, amount: Dec): { text: string; rounded: boolean } {
  const product = mul(value, rated)
  const exact = divExact(product, amount)
  if (exact !== undefined) return { text: formatDecimal(exact, 1000), rounded: false }
  return { text: formatDecimal(div(product, amount, DIGITS), DIGITS), rounded: true }
}
