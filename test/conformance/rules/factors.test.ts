/**
 * Electricity and emission-factor metadata in `core`: a market-based electricity line names its
 * contractual instrument, and a factor's GWP set is one the footprint declares. Under
 * `eu-battery-2023-1542`, PPAs and guarantees of origin warn (the draft EV act excludes them).
 */
import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../../src/conformance/check.js'
import { evPackUnderEu, example, issues } from '../helpers.js'

/** The PCBA's SMT electricity line (location-based, MEE/NBS South China grid). */
const ELECTRICITY = 7

describe('electricity basis and contractual instrument', () => {
  it('accepts a location-based line without an instrument', () => {
    const doc = example('pcba-access-controller')
    expect(doc.credentialSubject.activityData[ELECTRICITY].electricity).toEqual({
      basis: 'location',
    })
    expect(checkConformance(doc).findings).toEqual([])
  })

  it('accepts a market-based line with its instrument and id, the residual mix too', () => {
    const doc = example('pcba-access-controller')
    const line = doc.credentialSubject.activityData[ELECTRICITY]
    line.electricity = {
      basis: 'market',
      instrument: 'green-electricity-certificate',
      instrumentId: 'GEC-2025-GD-000123',
    }
    expect(checkConformance(doc).findings).toEqual([])
    line.electricity = { basis: 'market', instrument: 'residual-mix' }
    expect(checkConformance(doc).findings).toEqual([])
  })

  it('refuses a market-based line without an instrument', () => {
    const doc = example('pcba-access-controller')
    doc.credentialSubject.activityData[ELECTRICITY].electricity = { basis: 'market' }
    const report = checkConformance(doc)
    expect(report.conforms).toBe(false)
    expect(issues(report)).toEqual([
      `ELECTRICITY_INSTRUMENT_MISSING /credentialSubject/activityData/${ELECTRICITY}/electricity/instrument`,
    ])
  })

  it('refuses an unknown basis or instrument (schema)', () => {
    const doc = example('pcba-access-controller')
    doc.credentialSubject.activityData[ELECTRICITY].electricity = {
      basis: 'market',
      instrument: 'offset',
    }
    expect(issues(checkConformance(doc)).map((i) => i.split(' ')[0])).toEqual(['ENUM_MISMATCH'])
  })
})

describe('GWP set of each factor', () => {
  it('accepts factors whose GWP set the footprint declares', () => {
    const doc = example('pcba-access-controller')
    const sets = doc.credentialSubject.activityData
      .map((line: { emissionFactor: { gwpSet?: string } }) => line.emissionFactor.gwpSet)
      .filter(Boolean)
    expect(sets.length).toBeGreaterThan(0)
    expect(new Set(sets)).toEqual(new Set(['AR6']))
    expect(checkConformance(doc).findings).toEqual([])
  })

  it('warns on a factor whose GWP set is not in ipccCharacterizationFactors', () => {
    const doc = example('pcba-access-controller')
    doc.credentialSubject.activityData[2].emissionFactor.gwpSet = 'AR5'
    const report = checkConformance(doc)
    expect(report.status).toBe('warn')
    expect(report.conforms).toBe(true)
    expect(issues(report)).toEqual([
      'EMISSION_FACTOR_GWP_SET_NOT_DECLARED /credentialSubject/activityData/2/emissionFactor/gwpSet',
    ])
    doc.credentialSubject.footprint.ipccCharacterizationFactors = ['AR6', 'AR5']
    expect(checkConformance(doc).findings).toEqual([])
  })
})

describe('electricity under eu-battery-2023-1542', () => {
  const eu = { profiles: ['eu-battery-2023-1542'] as const }
  /** The EV pack's assembly electricity line. */
  const EV_ELECTRICITY = 9

  it('accepts the location-based grid mix and a residual mix', () => {
    const doc = evPackUnderEu()
    const line = doc.credentialSubject.activityData[EV_ELECTRICITY]
    expect(line.electricity).toEqual({ basis: 'location' })
    expect(checkConformance(doc, eu).findings).toEqual([])
    line.electricity = { basis: 'market', instrument: 'residual-mix' }
    expect(checkConformance(doc, eu).findings).toEqual([])
  })

  it('warns on a PPA or guarantees of origin, which the draft EV act does not accept', () => {
    for (const instrument of ['power-purchase-agreement', 'guarantee-of-origin']) {
      const doc = evPackUnderEu()
      doc.credentialSubject.activityData[EV_ELECTRICITY].electricity = {
        basis: 'market',
        instrument,
        instrumentId: 'GO-HU-2025-000042',
      }
      const report = checkConformance(doc, eu)
      expect(report.conforms).toBe(true)
      expect(issues(report)).toEqual([
        `ELECTRICITY_INSTRUMENT_NOT_ACCEPTED /credentialSubject/activityData/${EV_ELECTRICITY}/electricity/instrument`,
      ])
      expect(checkConformance(doc).findings).toEqual([])
    }
  })
})
