import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../../src/conformance/check.js'
import { evPackUnderEu, example, issues, type Loose } from '../helpers.js'

const iec = { profiles: ['iec-63369-1'] as const }
const eu = { profiles: ['eu-battery-2023-1542'] as const }
const both = { profiles: ['iec-63369-1', 'eu-battery-2023-1542'] as const }

const declaration = (doc: Loose, framework: string): Loose =>
  doc.credentialSubject.battery.declarations.find((d: Loose) => d.framework === framework)

/** The EU profile's warning on the cabinet and the UPS module, which state a cut-off end of life. */
const CUT_OFF = 'EU_END_OF_LIFE_NOT_CFF /credentialSubject/footprint/endOfLifeModelling'

describe('one battery, several declarations', () => {
  it.each(['ess-cabinet-215kwh', 'ups-battery-module'])(
    '%s conforms under core, iec-63369-1 and eu-battery-2023-1542 at once',
    (name) => {
      const report = checkConformance(example(name), both)
      expect(report.profiles).toEqual(['core', 'iec-63369-1', 'eu-battery-2023-1542'])
      expect(report.conforms).toBe(true)
      // The one warning: their stated cut-off is not yet the EU method's end of life.
      expect(issues(report)).toEqual([CUT_OFF])
      expect(report.status).toBe('warn')
    },
  )

  it('each profile reads its own declaration: the cabinet is 0.033819 (IEC) and 0.017527 (EU) kgCO2e/kWh', () => {
    const doc = example('ess-cabinet-215kwh')
    expect(declaration(doc, 'iec-63369-1').footprintPerFunctionalUnit).toBe('0.033819')
    expect(declaration(doc, 'eu-2023-1542').footprintPerFunctionalUnit).toBe('0.017527')
    // Breaking the EU declaration's boundary is an error of the EU profile only.
    declaration(doc, 'eu-2023-1542').systemBoundary = 'cradle-to-grave'
    expect(issues(checkConformance(doc, iec))).toEqual([
      'DECLARATION_TOTAL_MISMATCH /credentialSubject/battery/declarations/1/totalFootprint',
    ])
    expect(issues(checkConformance(doc, eu))).toEqual([
      'DECLARATION_TOTAL_MISMATCH /credentialSubject/battery/declarations/1/totalFootprint',
      'SYSTEM_BOUNDARY_MISMATCH /credentialSubject/battery/declarations/1/systemBoundary',
      CUT_OFF,
    ])
  })

  it('a profile whose declaration is missing reports DECLARATION_MISSING; the other still passes', () => {
    const doc = example('ups-battery-module')
    doc.credentialSubject.battery.declarations = [declaration(doc, 'eu-2023-1542')]
    expect(issues(checkConformance(doc, both))).toEqual([
      'DECLARATION_MISSING /credentialSubject/battery/declarations',
      CUT_OFF,
    ])
    expect(checkConformance(doc, eu).conforms).toBe(true)
  })

  it('a framework declared twice is an error; other-framework may repeat', () => {
    const doc = example('ess-cabinet-215kwh')
    const list = doc.credentialSubject.battery.declarations
    list.push(structuredClone(list[0]))
    expect(issues(checkConformance(doc))).toEqual([
      'DECLARATION_DUPLICATE /credentialSubject/battery/declarations/2/framework',
    ])
    list[0].framework = 'other-framework'
    list[2].framework = 'other-framework'
    expect(issues(checkConformance(doc))).toEqual([])
  })

  it('ties footprintPerFunctionalUnit × quantity to totalFootprint, and totalFootprint to the stages inside the boundary', () => {
    const doc = example('ess-cabinet-215kwh')
    const euDecl = declaration(doc, 'eu-2023-1542')
    euDecl.functionalUnit.quantity = '1290240'
    expect(issues(checkConformance(doc))).toEqual([
      'FOOTPRINT_PER_FUNCTIONAL_UNIT_MISMATCH /credentialSubject/battery/declarations/1/footprintPerFunctionalUnit',
    ])
    const total = example('ess-cabinet-215kwh')
    // 20,353.1832 kg = every stage but use: raw 19,530.4807 + production 132.39 + distribution
    // 314.3125 + end of life 376. The whole PCF (use included) is not the EU total.
    const d = declaration(total, 'eu-2023-1542')
    d.totalFootprint = '39270.7832'
    d.footprintPerFunctionalUnit = '0.033819'
    d.lifecycleStagesPerFunctionalUnit[0].emissions = '0.033110'
    const report = checkConformance(total)
    expect(issues(report)).toEqual([
      'DECLARATION_TOTAL_MISMATCH /credentialSubject/battery/declarations/1/totalFootprint',
    ])
    expect(report.findings[0]).toMatchObject({ expected: '20353.1832', actual: '39270.7832' })
  })

  it('checks a CRS functional unit against the CRS energy throughput', () => {
    const doc = example('ess-cabinet-215kwh')
    // The FU quantity stays right; the CRS throughput (and so the cycles) says otherwise.
    const crs = doc.credentialSubject.battery.cumulatedRequestedService
    crs.energyThroughput = '1290240'
    crs.equivalentFullCycles = '6000'
    expect(issues(checkConformance(doc, iec))).toEqual([
      'FOOTPRINT_PER_FUNCTIONAL_UNIT_MISMATCH /credentialSubject/battery/declarations/0/footprintPerFunctionalUnit',
    ])
  })
})

describe('iec-63369-1', () => {
  it('puts road-vehicle traction, LMT, portable and SLI batteries and non-lithium chemistries out of scope', () => {
    for (const [field, value, path] of [
      ['category', 'EV', '/battery/category'],
      ['category', 'LMT', '/battery/category'],
      ['category', 'portable', '/battery/category'],
      ['category', 'SLI', '/battery/category'],
      ['application', 'road-vehicle-traction', '/battery/application'],
      ['application', 'light-transport', '/battery/application'],
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

  it('accepts industrial traction (forklifts, rail, ships) and other industrial applications', () => {
    for (const application of ['industrial-traction', 'other-application']) {
      const doc = example('ups-battery-module')
      doc.credentialSubject.battery.application = application
      expect(issues(checkConformance(doc, iec))).toEqual([])
    }
  })

  it('accepts a cell as cradle-to-gate intermediate data without CRS, but not a pack', () => {
    const cell = example('lfp-cell-280ah')
    expect(checkConformance(cell, iec).findings).toEqual([])
    const pack = example('lfp-cell-280ah')
    pack.credentialSubject.battery.level = 'pack'
    expect(issues(checkConformance(pack, iec))).toEqual([
      'SYSTEM_BOUNDARY_MISMATCH /credentialSubject/battery/declarations/0/systemBoundary',
      'IEC_63369_FIELD_REQUIRED /credentialSubject/battery/cumulatedRequestedService',
      'FUNCTIONAL_UNIT_NOT_CRS /credentialSubject/battery/declarations/0/functionalUnit/kind',
    ])
  })

  it('a module placed on the market as a battery needs the full declaration', () => {
    const doc = example('ups-battery-module')
    delete doc.credentialSubject.battery.cumulatedRequestedService
    expect(issues(checkConformance(doc, iec))).toEqual([
      'IEC_63369_FIELD_REQUIRED /credentialSubject/battery/cumulatedRequestedService',
    ])
    doc.credentialSubject.battery.placedOnMarketAsBattery = false
    expect(issues(checkConformance(doc, iec))).toEqual([])
  })

  it('accepts a CRS that follows the definition: throughput = rated energy × equivalent full cycles', () => {
    const doc = example('ess-cabinet-215kwh')
    const crs = doc.credentialSubject.battery.cumulatedRequestedService
    // 215.04 kWh × 5,400 EFC = 1,161,216 kWh; DoD 90 % is a service condition, not a factor.
    expect([crs.equivalentFullCycles, crs.depthOfDischarge, crs.energyThroughput]).toEqual([
      '5400',
      '90',
      '1161216',
    ])
    expect(checkConformance(doc, iec).findings).toEqual([])
  })

  it('warns when depth of discharge is counted twice (cycles at DoD reported as equivalent full cycles)', () => {
    const doc = example('ess-cabinet-215kwh')
    // 1,161,216 = 215.04 × 0.9 × 6,000: 6,000 are cycles at 90 % DoD, not equivalent full cycles.
    doc.credentialSubject.battery.cumulatedRequestedService.equivalentFullCycles = '6000'
    const report = checkConformance(doc, iec)
    expect(report.conforms).toBe(true)
    expect(issues(report)).toEqual([
      'CRS_ENERGY_THROUGHPUT_INCONSISTENT /credentialSubject/battery/cumulatedRequestedService/energyThroughput',
    ])
    expect(report.findings[0]).toMatchObject({
      severity: 'warning',
      expected: '1290240',
      actual: '1161216',
    })
  })
})

describe('eu-battery-2023-1542', () => {
  it('tells Art. 7 applicability by category and level', () => {
    const lmt = evPackUnderEu()
    lmt.credentialSubject.battery.category = 'LMT'
    lmt.credentialSubject.battery.cyclesPerYear = '20'
    expect(issues(checkConformance(lmt, eu))).toEqual([
      'LIFETIME_ENERGY_MISMATCH /credentialSubject/battery/declarations/0/functionalUnit/quantity',
    ])
    const portable = evPackUnderEu()
    portable.credentialSubject.battery.category = 'portable'
    expect(issues(checkConformance(portable, eu))).toEqual([
      'OUT_OF_SCOPE /credentialSubject/battery/category',
    ])
    const small = example('ups-battery-module')
    small.credentialSubject.battery.ratedEnergy = '2'
    expect(issues(checkConformance(small, eu))).toEqual([
      'OUT_OF_SCOPE /credentialSubject/battery/ratedEnergy',
    ])
    // A module built into another battery is declared there; one sold on its own is a battery.
    const module = example('ups-battery-module')
    module.credentialSubject.battery.placedOnMarketAsBattery = false
    expect(issues(checkConformance(module, eu))).toEqual([
      'OUT_OF_SCOPE /credentialSubject/battery/level',
    ])
    expect(issues(checkConformance(example('lfp-cell-280ah'), eu))).toEqual([
      'OUT_OF_SCOPE /credentialSubject/battery/level',
    ])
  })

  it('requires each of Art. 7(1)(a)–(g), citing the point', () => {
    const doc = evPackUnderEu()
    delete declaration(doc, 'eu-2023-1542').studyUrl
    delete doc.credentialSubject.product.modelNumber
    const report = checkConformance(doc, eu)
    expect(issues(report)).toEqual([
      'EU_BATTERY_FIELD_REQUIRED /credentialSubject/product/modelNumber',
      'EU_BATTERY_FIELD_REQUIRED /credentialSubject/battery/declarations/0/studyUrl',
    ])
    expect(report.findings.map((f) => f.rule)).toEqual([
      'Regulation (EU) 2023/1542 Art. 7(1)(b)',
      'Regulation (EU) 2023/1542 Art. 7(1)(g)',
    ])
  })

  it('rejects a CRS functional unit: the EU unit is kWh of lifetime energy', () => {
    const doc = example('ups-battery-module')
    declaration(doc, 'eu-2023-1542').functionalUnit.kind = 'cumulated-requested-service'
    expect(issues(checkConformance(doc, eu))).toEqual([
      'EU_FUNCTIONAL_UNIT_INVALID /credentialSubject/battery/declarations/1/functionalUnit',
      CUT_OFF,
    ])
  })

  it('computes the lifetime energy by category: warranty years for EV and LMT, service life for industrial', () => {
    const ev = evPackUnderEu()
    // 74 kWh × 60 cycles × 8 years of warranty = 35,520 kWh; the service life is not the EV input.
    ev.credentialSubject.battery.serviceLifeYears = '12'
    expect(issues(checkConformance(ev, eu))).toEqual([])
    ev.credentialSubject.battery.warrantyYears = '10'
    const report = checkConformance(ev, eu)
    expect(issues(report)).toEqual([
      'LIFETIME_ENERGY_MISMATCH /credentialSubject/battery/declarations/0/functionalUnit/quantity',
    ])
    expect(report.findings[0]).toMatchObject({ expected: '44400', actual: '35520' })

    const ess = example('ess-cabinet-215kwh')
    // 193.536 kWh usable × 400 cycles × 15 years = 1,161,216 kWh.
    ess.credentialSubject.battery.warrantyYears = '10'
    expect(issues(checkConformance(ess, eu))).toEqual([CUT_OFF])
    ess.credentialSubject.battery.serviceLifeYears = '20'
    expect(issues(checkConformance(ess, eu))).toEqual([
      'LIFETIME_ENERGY_MISMATCH /credentialSubject/battery/declarations/1/functionalUnit/quantity',
      CUT_OFF,
    ])
  })

  it('checks the draft act’s cycles per year: 60 or 250 for EV, 20 for LMT', () => {
    const cycles = 'EU_CYCLES_PER_YEAR_INVALID /credentialSubject/battery/cyclesPerYear'
    // 250 (heavy vehicles) is an EV value, so only the lifetime energy no longer matches.
    const lifetime =
      'LIFETIME_ENERGY_MISMATCH /credentialSubject/battery/declarations/0/functionalUnit/quantity'
    for (const [category, perYear, expected] of [
      ['EV', '250', lifetime],
      ['EV', '20', cycles],
      ['LMT', '60', cycles],
    ] as const) {
      const doc = evPackUnderEu()
      doc.credentialSubject.battery.category = category
      doc.credentialSubject.battery.cyclesPerYear = perYear
      expect(issues(checkConformance(doc, eu)), `${category} ${perYear}`).toEqual([expected])
    }
  })

  it('reads the vehicle category when given: M1, N1 60; L 20; M2, M3, N2, N3 250 cycles a year', () => {
    const cycles = 'EU_CYCLES_PER_YEAR_INVALID /credentialSubject/battery/cyclesPerYear'
    const lifetime =
      'LIFETIME_ENERGY_MISMATCH /credentialSubject/battery/declarations/0/functionalUnit/quantity'
    // The EV pack: 74 kWh × 60 cycles × 8 years = 35,520 kWh, so only 60 keeps the lifetime energy.
    for (const [vehicle, perYear, expected] of [
      ['M1', '60', []],
      ['N1', '60', []],
      ['M1', '250', [cycles]],
      ['N3', '60', [cycles]],
      ['M2', '250', [lifetime]],
      ['N2', '250', [lifetime]],
      ['L', '20', [lifetime]],
      ['L', '60', [cycles]],
    ] as const) {
      const doc = evPackUnderEu()
      doc.credentialSubject.battery.vehicleCategory = vehicle
      doc.credentialSubject.battery.cyclesPerYear = perYear
      expect(issues(checkConformance(doc, eu)), `${vehicle} ${perYear}`).toEqual(expected)
    }
    const doc = evPackUnderEu()
    doc.credentialSubject.battery.vehicleCategory = 'M3'
    const report = checkConformance(doc, eu)
    expect(report.findings[0]).toMatchObject({ expected: '250', actual: '60' })
    expect(report.findings[0]?.message).toContain('"EV (M3)"')
  })

  it('refuses a vehicle category outside the UNECE list', () => {
    const doc = evPackUnderEu()
    doc.credentialSubject.battery.vehicleCategory = 'M4'
    expect(issues(checkConformance(doc))).toEqual([
      'ENUM_MISMATCH /credentialSubject/battery/vehicleCategory',
    ])
  })

  it('warns on a performance class without the class scheme that defines it', () => {
    const doc = evPackUnderEu()
    const d = declaration(doc, 'eu-2023-1542')
    d.performanceClass = 'B'
    const report = checkConformance(doc, eu)
    expect(report.status).toBe('warn')
    expect(report.findings.map((f) => `${f.severity} ${f.code} ${f.path}`)).toEqual([
      'warning PERFORMANCE_CLASS_NO_SCHEME /credentialSubject/battery/declarations/0/performanceClass',
    ])
    d.performanceClassScheme =
      'Commission Delegated Regulation (EU) 20XX/… on carbon footprint performance classes'
    expect(checkConformance(doc, eu).findings).toEqual([])
  })

  it('warns on an end of life that is not the Circular Footprint Formula, and only when stated', () => {
    // The cabinet states its cut-off; the EU method (PEF) models end of life with the CFF.
    const ess = example('ess-cabinet-215kwh')
    const report = checkConformance(ess, eu)
    expect(report.conforms).toBe(true)
    expect(report.findings.map((f) => `${f.severity} ${f.code} ${f.path}`)).toEqual([
      'warning EU_END_OF_LIFE_NOT_CFF /credentialSubject/footprint/endOfLifeModelling',
    ])
    expect(report.findings[0]?.message).toContain('"cut-off"')
    ess.credentialSubject.footprint.endOfLifeModelling = 'avoided-burden'
    expect(issues(checkConformance(ess, eu))).toEqual([
      'EU_END_OF_LIFE_NOT_CFF /credentialSubject/footprint/endOfLifeModelling',
    ])
    delete ess.credentialSubject.footprint.endOfLifeModelling
    expect(checkConformance(ess, eu).findings).toEqual([])
    // Not a concern of the other profiles.
    expect(issues(checkConformance(example('ess-cabinet-215kwh')))).toEqual([])
  })

  it('refuses the EV pack example: it makes no Art. 7 declaration', () => {
    const ev = example('ev-nmc-pack')
    expect(ev.credentialSubject.battery.declarations.map((d: Loose) => d.framework)).toEqual([
      'other-framework',
    ])
    expect(issues(checkConformance(ev, eu))).toEqual([
      'DECLARATION_MISSING /credentialSubject/battery/declarations',
    ])
    expect(issues(checkConformance(evPackUnderEu(), eu))).toEqual([])
  })

  it('composes with iec-63369-1: an EV pack is out of scope there and checked here', () => {
    const report = checkConformance(evPackUnderEu(), both)
    expect(issues(report)).toEqual(['OUT_OF_SCOPE /credentialSubject/battery/category'])
  })
})
