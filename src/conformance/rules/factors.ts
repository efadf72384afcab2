/**
 * Electricity and emission-factor metadata: a market-based electricity line names its contractual
 * instrument (GHG Protocol Scope 2 Guidance) and a factor's GWP set is one the footprint declares in
 * `ipccCharacterizationFactors` (PACT v3), both in `core`. A CO2-only factor in a CO2e sum is flagged
 * under `iec-63782-digital-pcf`, whose reading covers emission-factor metadata: the examples' national
 * grid factors (MEE/NBS, SDES, UBA) honestly declare CO2 only, and `core` stays free of findings there.
 */

import { defineCodes } from '../../findings/define.js'
import { arr, obj, type RuleContext } from '../context.js'
import { PACT } from './sources.js'

/** The codes these rules report. */
export const factorCodes = defineCodes({
  ELECTRICITY_INSTRUMENT_MISSING: {
    severity: 'error',
    profiles: ['core'],
    title:
      'A market-based electricity line names its contractual instrument (PPA, guarantee of origin, certificate, supplier mix or residual mix).',
    message:
      'This electricity line is market-based but names no contractual instrument; give electricity.instrument (residual-mix when no instrument was bought).',
    source:
      'GHG Protocol Scope 2 Guidance (2015) §6 and §7 (market-based method, Scope 2 Quality Criteria)',
  },
  EMISSION_FACTOR_CO2_ONLY: {
    severity: 'warning',
    profiles: ['iec-63782-digital-pcf'],
    title:
      'An emission factor that covers CO2 only is summed into a CO2e footprint: the other greenhouse gases of that activity are missing.',
    message:
      'The emission factor from "{actual}" covers CO2 only, but the footprint is in CO2e; the other greenhouse gases of this activity are not counted.',
    source: 'ISO 14067:2018 §3.1.1.1 and §6.5 (CFP in CO2e, all greenhouse gases of Annex B)',
  },
  EMISSION_FACTOR_GWP_SET_NOT_DECLARED: {
    severity: 'warning',
    profiles: ['core'],
    title: "An emission factor's GWP set is one of the footprint's ipccCharacterizationFactors.",
    message:
      'The emission factor uses {actual} GWP values, but the footprint declares {expected} in ipccCharacterizationFactors.',
    source: `${PACT}: CarbonFootprint.ipccCharacterizationFactors`,
  },
})

const { reportAt } = factorCodes

export function electricityInstrumentRule(ctx: RuleContext): void {
  const lines = arr(ctx.subject.activityData)
  for (let i = 0; i < lines.length; i++) {
    const electricity = obj(obj(lines[i]).electricity)
    if (electricity.basis === 'market' && electricity.instrument === undefined) {
      reportAt(ctx, 'ELECTRICITY_INSTRUMENT_MISSING', `/activityData/${i}/electricity/instrument`)
    }
  }
}

export function factorGasesRule(ctx: RuleContext): void {
  const lines = arr(ctx.subject.activityData)
  for (let i = 0; i < lines.length; i++) {
    const ef = obj(obj(lines[i]).emissionFactor)
    if (ef.gasesCovered !== 'CO2') continue
    reportAt(ctx, 'EMISSION_FACTOR_CO2_ONLY', `/activityData/${i}/emissionFactor/gasesCovered`, {
      actual: String(obj(ef.source).name ?? 'an unnamed source'),
    })
  }
}

export function factorGwpSetRule(ctx: RuleContext): void {
  const declared = arr(obj(ctx.subject.footprint).ipccCharacterizationFactors).filter(
    (v): v is string => typeof v === 'string',
  )
  if (declared.length === 0) return // FIELD_REQUIRED or ARRAY_TOO_SHORT says why
  const lines = arr(ctx.subject.activityData)
  for (let i = 0; i < lines.length; i++) {
    const set = obj(obj(lines[i]).emissionFactor).gwpSet
    if (typeof set !== 'string' || declared.includes(set)) continue
    reportAt(
      ctx,
      'EMISSION_FACTOR_GWP_SET_NOT_DECLARED',
      `/activityData/${i}/emissionFactor/gwpSet`,
      { actual: set, expected: declared.join(', ') },
    )
  }
}
