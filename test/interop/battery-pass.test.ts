import { describe, expect, it } from 'vitest'
import { fromBatteryPass, toBatteryPass } from '../../src/interop/index.js'
import { clone, validExample } from '../helpers/examples.js'

const BATTERIES = [
  'lfp-cell-280ah',
  'ess-cabinet-215kwh',
  'ups-battery-module',
  'ev-nmc-pack',
  'forklift-lfp-pack',
]
const WITH_EU = ['ess-cabinet-215kwh', 'ups-battery-module']

// biome-ignore lint/suspicious/noExplicitAny: example JSON
const euDeclaration = (doc: any) =>
  // biome-ignore lint/suspicious/noExplicitAny: example JSON
  doc.credentialSubject.battery.declarations.find((d: any) => d.framework === 'eu-2023-1542')

const CARRIED = [
  'framework',
  'systemBoundary',
  'footprintPerFunctionalUnit',
  'lifecycleStagesPerFunctionalUnit',
  'totalFootprint',
  'performanceClass',
  'studyUrl',
]

describe('toBatteryPass / fromBatteryPass', () => {
  for (const name of WITH_EU) {
    it(`${name}: passport → Battery Pass → passport keeps the EU declaration's carried fields`, () => {
      const doc = validExample(name).doc
      const out = toBatteryPass(doc)
      expect(out.result).toBeDefined()
      expect(out.losses.every((l) => l.severity !== 'error')).toBe(true)
      // The losses name what was not carried, by pointer into the passport.
      const paths = out.losses.map((l) => l.path)
      expect(paths).toContain('/credentialSubject/footprint')
      expect(paths).toContain('/credentialSubject/battery/declarations/0')
      expect(paths).toContain('/credentialSubject/battery/declarations/1/declarationOfConformityId')
      expect(paths).toContain('/credentialSubject/battery/declarations/1/functionalUnit/quantity')
      const back = fromBatteryPass(out.result)
      expect(back.losses).toEqual([])
      const original = euDeclaration(doc)
      const imported = back.result?.credentialSubject?.battery?.declarations?.[0] as Record<
        string,
        unknown
      >
      for (const key of CARRIED) expect(imported[key]).toEqual(original[key])
      expect(imported.functionalUnit).toEqual({
        kind: original.functionalUnit.kind,
        unit: original.functionalUnit.unit,
      })
    })
  }

  for (const name of BATTERIES.filter((n) => !WITH_EU.includes(n))) {
    it(`${name}: without an EU declaration, per-kWh values are derived from the rated energy and said so`, () => {
      const out = toBatteryPass(validExample(name).doc)
      expect(out.result).toBeDefined()
      expect(
        out.losses.some(
          (l) => l.code === 'TARGET_FIELD_DEFAULTED' && l.path === '/credentialSubject/battery',
        ),
      ).toBe(true)
      expect(out.losses.some((l) => l.code === 'VALUE_CHANGED')).toBe(true)
    })
  }

  it('derives exactly: the EV pack stages over 77.088 kWh rated, half-up to 6 places', () => {
    const out = toBatteryPass(validExample('ev-nmc-pack').doc)
    expect(out.result?.carbonFootprintPerLifecycleStage[0]).toEqual({
      lifecycleStage: 'RawMaterialExtraction',
      carbonFootprint: 61.598023,
    })
    expect(out.result?.absoluteCarbonFootprint).toBe(6419.22)
  })

  it('a field with no place in a passport is a loss with its pointer', () => {
    const src = {
      batteryCarbonFootprint: 0.1,
      carbonFootprintPerLifecycleStage: [
        { lifecycleStage: 'MainProduction', carbonFootprint: 0.1, note: 'x' },
      ],
      extra: 1,
    }
    const { result, losses } = fromBatteryPass(src)
    expect(result).toBeDefined()
    expect(losses.map((l) => [l.code, l.path])).toEqual([
      ['FIELD_NOT_CARRIED', '/extra'],
      ['FIELD_NOT_CARRIED', '/carbonFootprintPerLifecycleStage/0/note'],
    ])
  })

  const payload = {
    batteryCarbonFootprint: 0.25,
    carbonFootprintPerLifecycleStage: [
      { lifecycleStage: 'RawMaterialExtraction', carbonFootprint: 0.2 },
      { lifecycleStage: 'Recycling', carbonFootprint: 0.05 },
    ],
    carbonFootprintPerformanceClass: 'B',
    carbonFootprintStudy: 'https://example.com/study.pdf',
    absoluteCarbonFootprint: 512,
  }
  const text = JSON.stringify(payload)
  const be = (s: string) => {
    const le = Buffer.from(s, 'utf16le')
    for (let i = 0; i < le.length; i += 2)
      [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number]
    return le
  }
  const encodings: [string, Uint8Array | string][] = [
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be(text)])],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-8 without BOM (Uint8Array)', new Uint8Array(Buffer.from(text, 'utf8'))],
    ['a string with U+FEFF', `\ufeff${text}`],
  ]
  for (const [label, input] of encodings) {
    it(`reads ${label}`, () => {
      const { result, losses } = fromBatteryPass(input)
      expect(losses).toEqual([])
      const d = result?.credentialSubject?.battery?.declarations?.[0]
      expect(d?.footprintPerFunctionalUnit).toBe('0.25')
      expect(d?.lifecycleStagesPerFunctionalUnit).toEqual([
        { stage: 'raw-material-acquisition', emissions: '0.2' },
        { stage: 'end-of-life', emissions: '0.05' },
      ])
      expect(d?.performanceClass).toBe('B')
      expect(d?.totalFootprint).toBe('512')
    })
  }

  it('reads GeneralProductInformation beside it', () => {
    const gpi = {
      productIdentifier: 'urn:example:battery:1',
      batteryCategory: 'ev',
      batteryMass: 468,
      manufacturerInformation: { contactName: 'AutoVolt', identifier: 'did:web:autovolt.example' },
      manufacturingPlace: {
        addressCountry: 'HU',
        streetAddress: 'Ipari Park 12',
        postalCode: '9027',
      },
      batteryStatus: 'Original',
    }
    const { result, losses } = fromBatteryPass(payload, gpi)
    const s = result?.credentialSubject
    expect(s?.id).toBe('urn:example:battery:1')
    expect(s?.battery?.category).toBe('EV')
    expect(s?.footprint?.productMassPerDeclaredUnit).toBe('468')
    expect(s?.product?.manufacturer).toEqual({ name: 'AutoVolt', id: 'did:web:autovolt.example' })
    expect(s?.product?.manufacturingSite?.country).toBe('HU')
    expect(losses.map((l) => l.path)).toEqual(['/batteryStatus'])
    expect(losses[0]?.message).toMatch(/^GeneralProductInformation:/)
  })

  it('malformed sources give SOURCE_UNREADABLE or SOURCE_FIELD_INVALID, never a throw', () => {
    const code = (x: unknown) => fromBatteryPass(x).losses[0]?.code
    expect(code('not json')).toBe('SOURCE_UNREADABLE')
    expect(code([1, 2])).toBe('SOURCE_UNREADABLE')
    expect(code(Buffer.from([0xfe, 0xff, 0x00]))).toBe('SOURCE_UNREADABLE')
    expect(code(Buffer.from([0xc3, 0x28]))).toBe('SOURCE_UNREADABLE')
    expect(code({ batteryCarbonFootprint: 'x' })).toBe('SOURCE_FIELD_INVALID')
    expect(code({ batteryCarbonFootprint: -1.797e308 })).toBe('SOURCE_FIELD_INVALID')
    expect(
      fromBatteryPass({ batteryCarbonFootprint: 1, carbonFootprintPerLifecycleStage: 'x' }).result,
    ).toBeUndefined()
    expect(toBatteryPass('nope').losses[0]?.code).toBe('SOURCE_UNREADABLE')
    const noBattery = clone(validExample('pcba-access-controller').doc)
    expect(toBatteryPass(noBattery).losses.at(-1)?.code).toBe('SOURCE_FIELD_INVALID')
    expect(toBatteryPass(noBattery).result).toBeUndefined()
  })

  it('accepts a bare credential subject (a draft) as well as a credential', () => {
    const doc = validExample('ups-battery-module').doc
    const a = toBatteryPass(doc).result
    const b = toBatteryPass(doc.credentialSubject).result
    expect(b).toEqual(a)
  })
})
