/**
 * Division for generation: `a ÷ b` exactly when the quotient has a finite decimal form, else
 * rounded half-even to 12 places (as unit conversion rounds), and which of the two it is. Used to
 * scale batch records to the declared unit.
 */
import { type Dec, div, divExact } from '../decimal/core.js'
import { CONVERSION_DIGITS } from '../units.js'

/** A quotient and whether it is exact. */
export interface Quotient {
  value: Dec
  exact: boolean
}

/** `a ÷ b` (`b` ≠ 0): exact when it has a finite decimal form, else rounded half-even to 12 places. */
export function divide(a: Dec, b: Dec): Quotient {
  const exact = divExact(a, b)
  if (exact !== undefined) return { value: exact, exact: true }
  return { value: div(a, b, CONVERSION_DIGITS, 'half-even'), exact: false }
}
