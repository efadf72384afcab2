/** WBCSD PACT converters (docs/interop.md, "WBCSD PACT"). */
import { convertSafely } from '../source.js'
import type { ConversionResult, PassportCredentialDraft } from '../types.js'
import { convertFromPact, type FromPactOptions } from './from-pact.js'
import { convertToPact, type ProductFootprint, type ToPactOptions } from './to-pact.js'

export type { FromPactOptions, ProductFootprint, ToPactOptions }

/**
 * Converts a WBCSD PACT ProductFootprint (v3.0 or v2.x, told apart by `specVersion` and the v2
 * field names) to an unsigned passport credential draft (`PassportCredentialDraft`). The footprint
 * fields keep their names (v2 names become v3 ones) and their lexical form; ids become
 * `urn:uuid:`s; what has no other place (status, validity period, extensions, v2-only values) goes
 * in `credentialSubject.pact`, so `toPact` gives the source back unchanged. The draft still needs
 * `lifecycleStages` and `scopeBreakdown`, which PACT does not have, before it is signed.
 *
 * @param productFootprint A ProductFootprint object, its JSON text or its bytes (within the input caps).
 * @param options `issuer` (the first company id by default), `id` (`urn:uuid:` and the PACT id)
 *   and `validFrom` (the PACT `created`).
 * @returns `{ result, losses }`; never throws. Losses point into the PACT document.
 */
export function fromPact(
  productFootprint: unknown,
  options?: FromPactOptions,
): ConversionResult<PassportCredentialDraft> {
  return convertSafely('the PACT document cannot be converted', () =>
    convertFromPact(productFootprint, options),
  )
}

/**
 * Converts a passport to a WBCSD PACT ProductFootprint of version 3.0 (v3.0.3) or 2.3 (v2.3.3)
 * that validates against that version's official schema. Numbers keep their lexical form; company
 * and product ids become PACT URNs (src/conformance/profiles/pact-ids.ts); a battery is a `piece`
 * with its mass, never `kilowatt hour` (a battery declared per kWh is converted to per piece with
 * its `ratedEnergy`); what PACT has no field for (activity lines, life-cycle totals, battery data,
 * components, …) is one FIELD_NOT_CARRIED loss per member.
 *
 * @param passport A passport credential object, its JSON text or its bytes (within the input caps).
 * @param options `version`: `'3.0'` or `'2.3'`.
 * @returns `{ result, losses }`; never throws. Losses point into the passport.
 */
export function toPact(
  passport: unknown,
  options: ToPactOptions,
): ConversionResult<ProductFootprint> {
  return convertSafely('the passport cannot be converted', () => convertToPact(passport, options))
}
