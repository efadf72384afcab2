import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../../src/conformance/check.js'
import { example, issues } from '../helpers.js'

const iec = { profiles: ['iec-63369-1'] as const }
const eu = { profiles: ['eu-battery-2023-1542'] as const }

describe('iec-63369-1', () => {
  it('puts EV traction, LMT, portable and SLI batteries and non-lithium chemistries out of scope', () => {
    for (const [field, value, path] of [
      ['category', 'LMT', '/battery/category'],
      ['category', 'portable', '/battery/category'],
      ['category', 'SLI', '/battery/category'],
      ['application', 'traction', '/battery/application'],
      ['chemistry', 'lead-acid', '/battery/chemistry'],
    ] as const) {
      const doc = example('ups-battery-module')
      doc.credentialSubject.battery[field] = value
      expect(issues(checkConformance(doc, iec))).toEqual([`OUT_OF_SCOPE /credentialSubject${path}`])
    }
    const notBattery = example('pcba-access-controller')
    expect(issues(checkConformance(notBattery, iec))).toEqual([
      'OUT_OF_SCOPE /credentialSubject/battery',
    ])
  })

  it('warns when the CRS energy throughput disagrees with rated energy × DoD × cycles', () => {
    const doc = example('ess-cabinet-215kwh')
    doc.credentialSubject.battery.cumulatedRequestedService.equivalentFullCycles = '7000'
    const report = checkConformance(doc, iec)
    expect(report.conforms).toBe(true)
    expect(issues(report)).toEqual([
      'CRS_ENERGY_THROUGHPUT_INCONSISTENT /credentialSubject/battery/cumulatedRequestedService/energyThroughput',
    ])
    expect(report.findings[0]).toMatchObject({ expected: '1354752', actual: '1161216' })
  })

  it('checks footprint per FU × CRS energy throughput against the absolute footprint', () => {
    const doc = example('ess-cabinet-215kwh')
    // The FU quantity stays right; the CRS throughput (and so the cycles) says otherwise.
    const crs = doc.credentialSubject.battery.cumulatedRequestedService
    crs.energyThroughput = '1290240'
    crs.equivalentFullCycles = '6666.666667'
    const report = checkConformance(doc, iec)
    expect(issues(report)).toEqual([
      'FOOTPRINT_PER_FUNCTIONAL_UNIT_MISMATCH /credentialSubject/battery/footprintPerFunctionalUnit',
    ])
  })
})

describe('eu-battery-2023-1542', () => {
  it('covers EV, LMT and industrial batteries above 2 kWh only', () => {
    const lmt = example('ev-nmc-pack')
    lmt.credentialSubject.battery.category = 'LMT'
    expect(checkConformance(lmt, eu).conforms).toBe(true)
    const portable = example('ev-nmc-pack')
    portable.credentialSubject.battery.category = 'portable'
    expect(issues(checkConformance(portable, eu))).toEqual([
      'OUT_OF_SCOPE /credentialSubject/battery/category',
    ])
    const ups = example('ups-battery-module')
    ups.credentialSubject.battery.ratedEnergy = '2'
    expect(issues(checkConformance(ups, eu))).toContain(
      'OUT_OF_SCOPE /credentialSubject/battery/ratedEnergy',
    )
  })

  it('requires each of Art. 7(1)(a)–(g), citing the point', () => {
    const doc = example('ev-nmc-pack')
    const b = doc.credentialSubject.battery
    delete b.studyUrl
    delete doc.credentialSubject.product.modelNumber
    const report = checkConformance(doc, eu)
    expect(issues(report)).toEqual([
      'EU_BATTERY_FIELD_REQUIRED /credentialSubject/product/modelNumber',
      'EU_BATTERY_FIELD_REQUIRED /credentialSubject/battery/studyUrl',
    ])
    expect(report.findings.map((f) => f.rule)).toEqual([
      'Regulation (EU) 2023/1542 Art. 7(1)(b)',
      'Regulation (EU) 2023/1542 Art. 7(1)(g)',
    ])
  })

  it('notes an undeclared performance class as info only', () => {
    const doc = example('ev-nmc-pack')
    delete doc.credentialSubject.battery.performanceClass
    const report = checkConformance(doc, eu)
    expect(report.status).toBe('pass')
    expect(report.findings.map((f) => `${f.severity} ${f.code}`)).toEqual([
      'info EU_PERFORMANCE_CLASS_NOT_DECLARED',
    ])
  })

  it('composes with iec-63369-1: an EV pack is out of scope there and checked here', () => {
    const doc = example('ev-nmc-pack')
    const report = checkConformance(doc, { profiles: ['iec-63369-1', 'eu-battery-2023-1542'] })
    expect(issues(report)).toEqual(['OUT_OF_SCOPE /credentialSubject/battery/category'])
  })
})
