/**
 * PACT converters against the official PACT v3.0.3 and v2.3.3 OpenAPI schemas and examples in
 * ../shared/reference/pact (read, never copied): exact round trips, toPact of every passport example
 * validates, losses for what cannot be carried, never a throw on junk.
 */
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { checkConformance } from '../../src/conformance/index.js'
import { type Dec, divExact, formatDecimal, mul, parseDecimal } from '../../src/decimal/core.js'
import { fromPact, toPact } from '../../src/interop/index.js'
import { PER_DECLARED_UNIT_FIELDS } from '../../src/interop/pact/fields.js'
import { issuePassport } from '../../src/passport/issue.js'
import { verifyPassport } from '../../src/passport/verify.js'
import { exampleDidDocuments, exampleKey, validExamples } from '../helpers/examples.js'
import { readReference, readReferenceJson, referenceTestsEnabled } from '../helpers/reference.js'

type Json = Record<string, unknown>
type AddFormats = (ajv: Ajv2020) => unknown
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats

/** The official patterns that are broken, with what is wrong and the corrected pattern. */
const BROKEN_V3 = {
  NegativeOrZeroDecimal: {
    fixed: '^(-[0-9]+(\\.[0-9]+)?|0+(\\.0+)?)$',
    accepts: ['50', '10', '-5x', 'abc0.0'],
  },
  PositiveNonZeroDecimal: {
    fixed: '^(0*[1-9][0-9]*(\\.[0-9]+)?|0+\\.[0-9]*[1-9][0-9]*)$',
    accepts: ['5abc', '1.5e3'],
  },
} as const

const pactDocs = referenceTestsEnabled
  ? (() => {
      const v2 = (
        readReferenceJson('pact/pact-v2-list-footprints-response.json') as { data: Json[] }
      ).data
      return [
        ['v3 example 2', readReferenceJson('pact/pact-v3-example-2.json') as Json, '3.0'],
        ['v3 example 4', readReferenceJson('pact/pact-v3-example-4.json') as Json, '3.0'],
        ...v2.map((d, i) => [`v2 list footprint ${i}`, d, '2.3'] as const),
      ] as [string, Json, '3.0' | '2.3'][]
    })()
  : []

/** An Ajv validator of components.schemas.ProductFootprint of an official OpenAPI file. */
function officialValidator(file: string) {
  const doc = parse(readReference(`pact/${file}`)) as { components: { schemas: Json } }
  const schemas = structuredClone(doc.components.schemas)
  // OpenAPI 3.0 `nullable: true` is `type: [T, 'null']` in JSON Schema.
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk)
    else if (n && typeof n === 'object') {
      const o = n as Json
      if (o.nullable === true && typeof o.type === 'string') o.type = [o.type, 'null']
      delete o.nullable
      for (const k of Object.keys(o)) if (k.startsWith('x-') || k === 'example') delete o[k]
      Object.values(o).forEach(walk)
    }
  }
  walk(schemas)
  if (file.includes('v3')) {
    for (const [name, { fixed }] of Object.entries(BROKEN_V3))
      (schemas[name] as Json).pattern = fixed
  }
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema({ $id: 'https://pact.invalid/openapi', components: { schemas } })
  const validate = ajv.getSchema(
    'https://pact.invalid/openapi#/components/schemas/ProductFootprint',
  )
  if (!validate) throw new Error('no ProductFootprint')
  return (data: unknown) => (validate(data) ? [] : (validate.errors ?? []))
}

describe.runIf(referenceTestsEnabled)('PACT round trips and official schemas', () => {
  const validators = referenceTestsEnabled
    ? {
        '3.0': officialValidator('pact-v3.0.3-openapi.yaml'),
        '2.3': officialValidator('pact-v2.3.3-openapi.yaml'),
      }
    : undefined

  it('the official v3.0.3 NegativeOrZeroDecimal and PositiveNonZeroDecimal patterns are broken: their alternation is not anchored on both sides', () => {
    const schemas = (
      parse(readReference('pact/pact-v3.0.3-openapi.yaml')) as {
        components: { schemas: Record<string, { pattern: string }> }
      }
    ).components.schemas
    for (const [name, { fixed, accepts }] of Object.entries(BROKEN_V3)) {
      const official = new RegExp(schemas[name]?.pattern ?? '', 'u')
      for (const bad of accepts) {
        expect(official.test(bad), `${name} accepts ${bad}`).toBe(true)
        expect(new RegExp(fixed, 'u').test(bad)).toBe(false)
      }
    }
  })

  it.each(pactDocs)('%s: PACT → passport → PACT is unchanged', (_name, doc, version) => {
    const from = fromPact(doc)
    expect(from.result).toBeDefined()
    const back = toPact(from.result, { version })
    expect(back.result).toEqual(doc)
    // and as JSON text too
    expect(toPact(JSON.stringify(from.result), { version }).result).toEqual(doc)
  })

  it.each(pactDocs)(
    '%s: the reference document is valid under its official schema',
    (_n, doc, version) => {
      expect(validators?.[version](doc)).toEqual([])
    },
  )

  it.each(pactDocs)(
    '%s: fromPact gives a passport whose only schema findings are the members PACT lacks',
    (_n, doc) => {
      const passport = fromPact(doc).result
      const report = checkConformance(passport, { profiles: ['core'] }) as {
        findings: { code: string; path: string }[]
      }
      const schema = report.findings.filter((f) => f.code.startsWith('SCHEMA'))
      // lifecycleStages and scopeBreakdown are ours (not in PACT); v2.0 has no productMassPerDeclaredUnit
      for (const f of schema) expect(f.path).toMatch(/^\/credentialSubject\/footprint/)
    },
  )

  for (const version of ['3.0', '2.3'] as const) {
    it.each(validExamples().map((e) => [e.name, e.doc] as const))(
      `toPact ${version} of %s validates against the official schema`,
      (_n, doc) => {
        const out = toPact(doc, { version })
        expect(out.losses.filter((l) => l.severity === 'error')).toEqual([])
        expect(validators?.[version](out.result)).toEqual([])
        // one FIELD_NOT_CARRIED per member, never per line
        expect(
          out.losses.filter((l) => l.path.startsWith('/credentialSubject/activityData/')).length,
        ).toBe(0)
      },
    )
  }
})

describe('PACT losses', () => {
  const v3 = pactDocs[0]?.[1]
  it.runIf(v3 !== undefined)(
    'an unknown extra field is a FIELD_NOT_CARRIED loss at its pointer',
    () => {
      const out = fromPact({ ...v3, surprise: 1, pcf: { ...(v3?.pcf as Json), odd: true } })
      expect(out.result).toBeDefined()
      const paths = out.losses.filter((l) => l.code === 'FIELD_NOT_CARRIED').map((l) => l.path)
      expect(paths).toEqual(['/surprise', '/pcf/odd'])
    },
  )
  it.runIf(v3 !== undefined)(
    'a number where a Decimal string belongs is SOURCE_FIELD_INVALID',
    () => {
      const out = fromPact({ ...v3, pcf: { ...(v3?.pcf as Json), fossilGhgEmissions: 4.78 } })
      expect(out.result).toBeUndefined()
      expect(out.losses.map((l) => [l.code, l.path])).toContainEqual([
        'SOURCE_FIELD_INVALID',
        '/pcf/fossilGhgEmissions',
      ])
    },
  )
  it.runIf(v3 !== undefined)('a v3 field written as v2 is a loss at its pointer', () => {
    const passport = fromPact(v3).result
    const out = toPact(passport, { version: '2.3' })
    expect(out.losses.map((l) => [l.code, l.path])).toContainEqual([
      'FIELD_NOT_CARRIED',
      '/credentialSubject/footprint/recycledCarbonContent',
    ])
  })
  it.each([
    ['not JSON', '{nope'],
    ['an array', []],
    ['a number', 5],
    ['null', null],
    ['a 2 MiB string', `"${'a'.repeat(2 * 1024 * 1024)}"`],
  ])('%s is SOURCE_UNREADABLE, never a throw', (_n, junk) => {
    const a = fromPact(junk)
    expect(a.result).toBeUndefined()
    expect(a.losses[0]?.code).toBe('SOURCE_UNREADABLE')
    const b = toPact(junk, { version: '3.0' })
    expect(b.result).toBeUndefined()
    expect(b.losses[0]?.code).toBe('SOURCE_UNREADABLE')
  })
  describe('a battery declared per kilowatt hour goes out as a piece, never as kWh', () => {
    const ups = validExamples().find((e) => e.name === 'ups-battery-module')?.doc as Json
    const subject = ups.credentialSubject as Json
    const footprint = subject.footprint as Json
    const rated = parseDecimal((subject.battery as Json).ratedEnergy) as Dec
    // The UPS module (one piece of 5.12 kWh) restated per kWh: every per-piece value ÷ 5.12.
    const perKwhFootprint: Json = { ...footprint, declaredUnitOfMeasurement: 'kilowatt hour' }
    const rescaled = PER_DECLARED_UNIT_FIELDS.filter((f) => typeof footprint[f] === 'string')
    for (const f of rescaled) {
      perKwhFootprint[f] = formatDecimal(
        divExact(parseDecimal(footprint[f]) as Dec, rated) as Dec,
        1000,
      )
    }
    const perKwh = { ...ups, credentialSubject: { ...subject, footprint: perKwhFootprint } }
    const FP = '/credentialSubject/footprint'

    it.each(['3.0', '2.3'] as const)(
      'PACT %s: the per-piece values come back exactly',
      (version) => {
        const expected = toPact(ups, { version })
        const out = toPact(perKwh, { version })
        expect(out.result).toBeDefined()
        expect(out.result?.pcf).toEqual(expected.result?.pcf)
        const changed = out.losses.filter((l) => l.code === 'VALUE_CHANGED').map((l) => l.path)
        expect(changed).toContain(`${FP}/declaredUnitOfMeasurement`)
        for (const f of rescaled) {
          if (perKwhFootprint[f] !== footprint[f]) expect(changed).toContain(`${FP}/${f}`)
        }
        expect(JSON.stringify(out.result)).not.toContain('kilowatt hour')
      },
    )
    it('per declared amount: values × ratedEnergy ÷ declaredUnitAmount', () => {
      const doubled = structuredClone(perKwh)
      const fp = doubled.credentialSubject.footprint as Json
      fp.declaredUnitAmount = '2'
      fp.pcfExcludingBiogenicUptake = formatDecimal(
        mul(
          parseDecimal(perKwhFootprint.pcfExcludingBiogenicUptake) as Dec,
          parseDecimal('2') as Dec,
        ),
        1000,
      )
      const pcf = toPact(doubled, { version: '3.0' }).result?.pcf as Json
      expect(pcf.declaredUnitAmount).toBe('1')
      expect(pcf.pcfExcludingBiogenicUptake).toBe(footprint.pcfExcludingBiogenicUptake)
    })
    it('a quotient with no finite decimal form is rounded to 12 places, and says so', () => {
      const thirds = structuredClone(perKwh)
      ;(thirds.credentialSubject.footprint as Json).declaredUnitAmount = '3'
      const out = toPact(thirds, { version: '3.0' })
      const mass = String((out.result?.pcf as Json | undefined)?.productMassPerDeclaredUnit)
      expect(mass.split('.')[1]?.length).toBe(12)
      const loss = out.losses.find((l) => l.path === `${FP}/productMassPerDeclaredUnit`)
      expect(loss?.message).toMatch(/rounded half-up to 12 decimal places/)
    })
    it('without ratedEnergy it is refused', () => {
      const battery = { ...(subject.battery as Json) }
      delete battery.ratedEnergy
      const bad = { ...perKwh, credentialSubject: { ...perKwh.credentialSubject, battery } }
      const out = toPact(bad, { version: '3.0' })
      expect(out.result).toBeUndefined()
      expect(out.losses.map((l) => [l.code, l.path])).toContainEqual([
        'SOURCE_FIELD_INVALID',
        `${FP}/declaredUnitOfMeasurement`,
      ])
    })
  })
  it('a passport with PACT extensions signs and verifies (extension data is an @json literal)', async () => {
    const example = validExamples()[0] as { doc: Json }
    const doc = structuredClone(example.doc)
    delete doc.proof
    ;(doc.credentialSubject as Json).pact = {
      specVersion: '3.0.0',
      status: 'Active',
      extensions: [
        {
          specVersion: '2.0.0',
          dataSchema: 'https://catalog.carbon-transparency.com/shipment/1.0.0/data-model.json',
          data: { shipmentId: 'S1', weight: 10, nested: { a: [1, 'x'] } },
        },
      ],
      verbatim: { pcf: { otherOperatorName: 'TfS' } },
    }
    const issuer = typeof doc.issuer === 'string' ? doc.issuer : (doc.issuer as Json).id
    const signed = await issuePassport(
      doc as never,
      { key: await exampleKey(String(issuer)) } as never,
    )
    const result = await verifyPassport(signed, { didDocuments: exampleDidDocuments() } as never)
    expect((result as { verified: boolean }).verified).toBe(true)
  })
})
