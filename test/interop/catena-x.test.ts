import { describe, expect, it } from 'vitest'
import {
  fromCatenaX,
  fromCatenaXBatteryComponentPcf,
  fromCatenaXBatteryPass,
  toCatenaX,
} from '../../src/interop/index.js'
import { validExample } from '../helpers/examples.js'
import { expectCarried } from './catena-x-carried.js'

const BATTERIES = [
  'lfp-cell-280ah',
  'ess-cabinet-215kwh',
  'ups-battery-module',
  'ev-nmc-pack',
  'forklift-lfp-pack',
]

describe('toCatenaX / fromCatenaX', () => {
  for (const version of ['9.0.0', '10.0.0'] as const) {
    for (const name of BATTERIES) {
      it(`${name}: passport → io.catenax.pcf ${version} → passport keeps every carried field`, () => {
        const doc = validExample(name).doc
        const out = toCatenaX(doc, { version })
        expect(out.losses.filter((l) => l.severity === 'error')).toEqual([])
        const paths = out.losses.map((l) => l.path)
        expect(paths).toContain('/credentialSubject/battery')
        expect(paths).toContain('/credentialSubject/footprint/scopeBreakdown')
        expect(paths).toContain('/credentialSubject/footprint/lifecycleStages')
        expect(paths).toContain('/issuer')
        const spec = out.result?.scopeOfPcfForm[0]?.specVersion
        expect(spec).toEqual(
          version === '9.0.0'
            ? ['urn:io.catenax.pcf:datamodel:version:9.0.0']
            : 'urn:io.catenax.pcf:datamodel:version:10.0.0',
        )
        const back = fromCatenaX(JSON.stringify(out.result))
        expect(back.result).toBeDefined()
        expectCarried(doc, back.result, version)
      })
    }
  }

  it('writes numbers as JSON numbers and the 10.0.0 standard as one string', () => {
    const out = toCatenaX(validExample('ev-nmc-pack').doc, { version: '10.0.0' })
    const production = out.result?.productLifeCycleStagesAndEmissions[0]?.productionStage[0]
    expect(production?.pcfExcludingBiogenicUptake).toBe(6184.9104)
    const standards = out.result?.pcfAssessmentAndMethodology[0]?.pcfMethodology[0]?.standards?.[0]
    expect(standards?.crossSectoralStandards).toBe('ISO14067')
    expect(
      out.losses.some((l) => l.path === '/credentialSubject/footprint/crossSectoralStandards/1'),
    ).toBe(true)
  })

  it('a field with no place in a passport is a loss with its pointer', () => {
    const cx = toCatenaX(validExample('ev-nmc-pack').doc, { version: '9.0.0' })
      .result as unknown as Record<string, unknown>
    const carbon = (cx.carbonContent as Record<string, unknown>[])[0] as Record<string, unknown>
    carbon.carbonContentTotal = 0.52
    cx.somethingNew = true
    const { result, losses } = fromCatenaX(cx)
    expect(result).toBeDefined()
    expect(losses.map((l) => l.path)).toEqual(
      expect.arrayContaining(['/somethingNew', '/carbonContent/0/carbonContentTotal']),
    )
    expect(losses.find((l) => l.path === '/somethingNew')?.code).toBe('FIELD_NOT_CARRIED')
  })

  it('reads the Catena-X spelling of standards and bare UUIDs, saying so', () => {
    const cx = toCatenaX(validExample('ev-nmc-pack').doc, { version: '9.0.0' })
      .result as unknown as {
      pcfAssessmentAndMethodology: {
        pcfMethodology: { standards: { crossSectoralStandards: string[] }[] }[]
        pcfAssessmentInformation: { idAndVersion: { id: string }[] }[]
      }[]
    }
    const pam = cx.pcfAssessmentAndMethodology[0]
    ;(
      pam?.pcfMethodology[0]?.standards[0] as { crossSectoralStandards: string[] }
    ).crossSectoralStandards = ['ISO 14067']
    ;(pam?.pcfAssessmentInformation[0]?.idAndVersion[0] as { id: string }).id =
      '3893bb5d-da16-4dc1-9185-11d97476c254'
    const { result, losses } = fromCatenaX(cx)
    expect(result?.credentialSubject?.footprint?.crossSectoralStandards).toEqual(['ISO14067'])
    expect(result?.id).toBe('urn:uuid:3893bb5d-da16-4dc1-9185-11d97476c254')
    expect(losses.filter((l) => l.code === 'VALUE_CHANGED').length).toBe(2)
  })

  it('malformed sources never throw', () => {
    expect(fromCatenaX('{').losses[0]?.code).toBe('SOURCE_UNREADABLE')
    expect(fromCatenaX({ pcfExcludingBiogenic: 1 }).losses[0]?.code).toBe('SOURCE_UNREADABLE')
    expect(fromCatenaX(Buffer.from([0xff, 0xfe, 0x7b])).losses[0]?.code).toBe('SOURCE_UNREADABLE')
    expect(fromCatenaX({ scopeOfPcfForm: 5, carbonContent: [7] }).result).toBeDefined()
    expect(
      toCatenaX(validExample('ev-nmc-pack').doc, { version: '8.0.0' as '9.0.0' }).losses[0]?.code,
    ).toBe('SOURCE_UNREADABLE')
    expect(toCatenaX(null, { version: '9.0.0' }).losses[0]?.code).toBe('SOURCE_UNREADABLE')
  })
})

describe('Catena-X battery aspects (import)', () => {
  const batteryPass = {
    sustainability: {
      carbonFootprint: [
        {
          value: 72.5,
          unit: 'kg CO2 / kWh',
          lifecycle: 'total',
          type: 'Climate Change Total',
          performanceClass: 'C',
          manufacturingPlant: [{ facility: 'BPNA000000000ABC' }],
          declaration: [{ contentType: 'application/pdf', content: 'https://example.com/cfp.pdf' }],
        },
        {
          value: 50.1,
          unit: 'kg CO2 / kWh',
          lifecycle: 'raw material acquisition and pre-processing',
          type: 'Climate Change Total',
        },
        {
          value: 20.4,
          unit: 'kg CO2 / kWh',
          lifecycle: 'main product production',
          type: 'Climate Change Total',
        },
        {
          value: 48,
          unit: 'kg CO2 / kWh',
          lifecycle: 'main product production',
          type: 'Climate Change Fossil',
        },
      ],
      state: 'original',
    },
    identification: { batteryId: 'X' },
  }
  it('battery_pass 6.x: the climate change total per kWh becomes an EU declaration; the rest is listed', () => {
    for (const r of [fromCatenaXBatteryPass(batteryPass), fromCatenaX(batteryPass)]) {
      const d = r.result?.credentialSubject?.battery?.declarations?.[0]
      expect(d?.footprintPerFunctionalUnit).toBe('72.5')
      expect(d?.lifecycleStagesPerFunctionalUnit).toEqual([
        { stage: 'raw-material-acquisition', emissions: '50.1' },
        { stage: 'main-production', emissions: '20.4' },
      ])
      expect(d?.performanceClass).toBe('C')
      expect(d?.studyUrl).toBe('https://example.com/cfp.pdf')
      expect(r.result?.credentialSubject?.product?.manufacturingSite?.partyIds?.bpn).toBe(
        'BPNA000000000ABC',
      )
      expect(r.losses.map((l) => l.path)).toEqual([
        '/identification',
        '/sustainability/state',
        '/sustainability/carbonFootprint/3',
      ])
    }
  })

  const component = {
    pcfValues: {
      sharesPerStage: {
        stage1RawMaterialAquisitionPreProcessing: { stageValue: 19.2 },
        stage2MainProductProduction: { stageValue: 7.3 },
        stage3Distribution: { stageValue: 0.1 },
        stage4EndOfLifeRecycling: { stageValue: 0.4 },
        absPcfValue: { stageValue: 27 },
      },
    },
    declaredUnit: 'CO2KG/piece',
    pcfPerformanceClass: 'B',
    webLinkToCarbonFootPrintStudy: 'https://example.com/study',
    dataQuality: {
      technologicalDQR: 2,
      geographicalDQR: 1.5,
      temporalDQR: 1,
      dataQualityRating: 1.6,
    },
    primaryDataShare: 80,
    secondaryEmissionFactorSources: ['ecoinvent 3.10'],
    supplierBpnl: 'BPNL000000000DWF',
    contentC02Metals: 'Ni 12 %',
  }
  it('pcf_for_battery_component_supplier: stages per declared unit become a declaration, gate stages and totals', () => {
    for (const r of [fromCatenaXBatteryComponentPcf(component), fromCatenaX(component)]) {
      const s = r.result?.credentialSubject
      expect(s?.footprint?.declaredUnitOfMeasurement).toBe('piece')
      expect(s?.footprint?.lifecycleStages).toEqual([
        { stage: 'raw-material-acquisition', emissions: '19.2' },
        { stage: 'main-production', emissions: '7.3' },
      ])
      expect(s?.lifeCycleTotals?.totalFootprint).toBe('27')
      expect(s?.battery?.declarations?.[0]?.functionalUnit).toEqual({
        kind: 'declared-unit',
        quantity: '1',
        unit: 'H87',
      })
      expect(s?.footprint?.dqi).toEqual({
        technologicalDQR: '2',
        geographicalDQR: '1.5',
        temporalDQR: '1',
      })
      expect(s?.footprint?.secondaryEmissionFactorSources).toEqual([
        { name: 'ecoinvent', version: '3.10' },
      ])
      expect(s?.product?.manufacturer?.partyIds?.bpn).toBe('BPNL000000000DWF')
      expect(r.losses.map((l) => l.path)).toEqual([
        '/dataQuality/dataQualityRating',
        '/contentC02Metals',
      ])
    }
  })
})
