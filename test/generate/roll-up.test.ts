/**
 * rollUpComponents: the component references and scope 3 category 1 lines of the examples are
 * reproduced from their upstream passports (digest, contribution, factor, to the last digit); a
 * BOM in another unit of the same kind is converted, one of another kind is refused; a vc+jwt
 * upstream has the digest of its credential; bad input gives findings at a pointer into the
 * upstreams, never a throw; and the contribution is quantity × PCF ÷ declaredUnitAmount for any
 * decimals (fast-check).
 */
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decimalOf, divExact, formatDecimal, mul, parseDecimal } from '../../src/decimal/core.js'
import { type RollUpOptions, rollUpComponents } from '../../src/generate/roll-up.js'
import { issuePassport } from '../../src/passport/issue.js'
import { computePassportDigest } from '../../src/supply-chain/digest.js'
import { clone, exampleKey, signedExample, validExample } from '../helpers/examples.js'

// biome-ignore lint/suspicious/noExplicitAny: example JSON
type Loose = any

const cell = (): Loose => validExample('lfp-cell-280ah').doc
/** The signed cell: the examples cite their upstream passports as signed (docs/digests.md). */
const signedCell = (): Loose => signedExample('lfp-cell-280ah').di
const CELL_ID = 'urn:uuid:76529d23-a5fa-4739-bd49-5ca5106a4315'

/** The example's component reference and the activity line(s) that account for it. */
function componentOf(name: string, passport: string): { component: Loose; lines: Loose[] } {
  const subject: Loose = validExample(name).doc.credentialSubject
  return {
    component: subject.components.find((c: Loose) => c.passport === passport),
    lines: subject.activityData.filter((l: Loose) => l.upstreamPassport === passport),
  }
}

const codes = (findings: readonly { code: string; path: string }[]) =>
  findings.map((f) => `${f.code} ${f.path}`)

describe('rollUpComponents reproduces the examples', () => {
  it('the cabinet: 240 cells, its component reference and its cell line exactly', () => {
    const { component, lines } = componentOf('ess-cabinet-215kwh', CELL_ID)
    const [line] = lines
    const r = rollUpComponents(
      [
        {
          passport: signedCell(),
          quantity: '240',
          unit: 'H87',
          // The prose of the line is the cabinet maker's; everything else is computed.
          activity: line.activity,
          sourceName: line.emissionFactor.source.name,
          comment: line.comment,
        },
      ],
      { period: line.period, temporalResolution: 'P1M' },
    )
    expect(r.findings).toEqual([])
    expect(r.components).toEqual([component])
    expect(r.components[0]?.digestMultibase).toBe(computePassportDigest(signedCell()))
    expect(r.components[0]?.emissions).toBe('14918.6112')
    expect(r.records).toHaveLength(1)
    expect({ ...r.records[0], emissions: r.components[0]?.emissions }).toEqual(line)
    expect(r.records[0]?.emissionFactor?.value).toBe('62.16088')
    expect(r.primaryDataShares).toEqual({ [CELL_ID]: '86.7' })
  })

  it('the reader: its PCBA, with the defaults (the PCBA’s reference period and granularity)', () => {
    const pcba: Loose = signedExample('pcba-access-controller').di
    const { component, lines } = componentOf('biometric-access-reader', pcba.id)
    const [line] = lines
    const r = rollUpComponents(
      [
        {
          passport: pcba,
          quantity: '1',
          unit: 'H87',
          activity: line.activity,
          sourceName: line.emissionFactor.source.name,
        },
      ],
      { temporalResolution: 'P1M' },
    )
    expect(r.findings).toEqual([])
    expect(r.components).toEqual([component])
    expect({ ...r.records[0], emissions: r.components[0]?.emissions }).toEqual(line)
    expect(r.primaryDataShares).toEqual({ [pcba.id]: '30.2' })
  })

  it('the forklift pack: splitByStage gives its two cell lines, one per gate stage', () => {
    const { component, lines } = componentOf('forklift-lfp-pack', CELL_ID)
    const [first] = lines
    const r = rollUpComponents(
      [
        {
          passport: signedCell(),
          quantity: '50',
          unit: 'H87',
          sourceName: first.emissionFactor.source.name,
        },
      ],
      { splitByStage: true, period: first.period, temporalResolution: 'P1M' },
    )
    expect(r.findings).toEqual([])
    expect(r.components).toEqual([component])
    const withEmissions = r.records.map((record, i) => ({
      ...record,
      emissions: formatDecimal(
        mul(
          parseDecimal(record.quantity) as never,
          parseDecimal(record.emissionFactor?.value) as never,
        ),
      ),
      // The prose of each line is the pack maker's.
      activity: lines[i].activity,
      comment: lines[i].comment,
    }))
    expect(withEmissions).toEqual(lines)
  })

  it('defaults: a generated activity and source name, P1Y, raw-material-acquisition', () => {
    const [record] = rollUpComponents([
      { passport: signedCell(), quantity: '2', unit: 'H87' },
    ]).records
    expect(record).toMatchObject({
      activity: 'Purchased HY-280E LFP prismatic cell, 3.2 V 280 Ah, batch HY280E-2512-B07',
      temporalResolution: 'P1Y',
      lifecycleStage: 'raw-material-acquisition',
      granularity: 'batch',
      period: { start: '2025-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
      emissionFactor: {
        source: {
          name: 'Carbon passport of HY-280E LFP prismatic cell, 3.2 V 280 Ah (Huayang Cell Technology Co., Ltd.)',
          version: '2026-04-15',
          datasetId: CELL_ID,
        },
      },
    })
    expect(record).not.toHaveProperty('comment')
  })

  it('options.lifecycleStage and granularity are the records’ own', () => {
    const options: RollUpOptions = { lifecycleStage: 'main-production', granularity: 'model' }
    const [record] = rollUpComponents(
      [{ passport: signedCell(), quantity: '2', unit: 'H87' }],
      options,
    ).records
    expect(record).toMatchObject({ lifecycleStage: 'main-production', granularity: 'model' })
  })
})

describe('units', () => {
  const powder = (): Loose => validExample('nmc811-cathode-powder').doc

  it('a per-kilogram upstream with a BOM in grams: converted, noted, exact', () => {
    const r = rollUpComponents([{ passport: powder(), quantity: '2500', unit: 'GRM' }])
    expect(r.findings.map((f) => [f.code, f.severity, f.path])).toEqual([
      ['UNIT_CONVERTED', 'info', '/0/unit'],
    ])
    expect(r.components[0]).toMatchObject({
      quantity: '2500',
      unit: 'GRM',
      emissions: '58.86375105',
    })
    expect(r.records[0]).toMatchObject({
      quantity: '2.5',
      unit: 'KGM',
      emissionFactor: { value: '23.54550042', unit: 'kgCO2e/KGM' },
    })
  })

  it('a UCUM alias of the declared unit is no conversion', () => {
    const r = rollUpComponents([{ passport: powder(), quantity: '3', unit: 'kg' }])
    expect(r.findings).toEqual([])
    expect(r.components[0]).toMatchObject({ unit: 'kg', emissions: '70.63650126' })
  })

  it('a per-piece upstream with a BOM in kilograms: COMPONENT_UNIT_MISMATCH, nothing rolled up', () => {
    const r = rollUpComponents([{ passport: cell(), quantity: '5.42', unit: 'KGM' }])
    expect(codes(r.findings)).toEqual(['COMPONENT_UNIT_MISMATCH /0/unit'])
    expect(r.findings[0]?.severity).toBe('error')
    expect(r.components).toEqual([])
    expect(r.records).toEqual([])
    expect(r.primaryDataShares).toEqual({})
  })

  it('an unknown BOM unit: UNIT_INCOMPATIBLE', () => {
    const r = rollUpComponents([{ passport: cell(), quantity: '1', unit: 'pcs' }])
    expect(codes(r.findings)).toEqual(['UNIT_INCOMPATIBLE /0/unit'])
  })

  it('a declared amount other than 1: the factor is PCF ÷ amount', () => {
    const p = powder()
    p.credentialSubject.footprint.declaredUnitAmount = '1000'
    p.credentialSubject.footprint.pcfExcludingBiogenicUptake = '23545.50042'
    const r = rollUpComponents([{ passport: p, quantity: '2', unit: 'KGM' }])
    expect(r.records[0]?.emissionFactor?.value).toBe('23.54550042')
    expect(r.components[0]?.emissions).toBe('47.09100084')
  })
})

describe('a vc+jwt upstream', () => {
  it('is decoded; its digest is the hash of the exact JWS bytes (docs/digests.md)', async () => {
    const doc = cell()
    const jws = await issuePassport(doc, {
      key: exampleKey(doc.issuer.id),
      format: 'vc-jose',
    })
    const r = rollUpComponents([{ passport: jws, quantity: '240', unit: 'H87' }])
    expect(r.findings).toEqual([])
    const digest = r.components[0]?.digestMultibase
    const jwsBytes = `u${Buffer.concat([Buffer.from([0x12, 0x20]), createHash('sha256').update(jws).digest()]).toString('base64url')}`
    expect(digest).toBe(jwsBytes)
    expect(digest).toBe(computePassportDigest(jws))
    expect(digest).not.toBe(computePassportDigest(doc))
    expect(r.components[0]?.emissions).toBe('14918.6112')
    // The enveloped form references the same JWS the same way; the Data Integrity form is
    // another artifact, digested with its proof.
    const envelope = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: `data:application/vc+jwt,${jws}`,
      type: 'EnvelopedVerifiableCredential',
    }
    expect(
      rollUpComponents([{ passport: envelope, quantity: '240', unit: 'H87' }]).components[0]
        ?.digestMultibase,
    ).toBe(digest)
    const signed = await issuePassport(cell(), { key: exampleKey(doc.issuer.id) })
    const di = rollUpComponents([{ passport: signed, quantity: '240', unit: 'H87' }])
    expect(di.components[0]?.digestMultibase).toBe(computePassportDigest(signed))
    expect(di.components[0]?.digestMultibase).not.toBe(computePassportDigest(doc))
  })

  it('a string that is no JWS: UPSTREAM_PASSPORT_INVALID at the string', () => {
    const r = rollUpComponents([{ passport: 'eyJ.not-a-jws', quantity: '1', unit: 'H87' }])
    expect(codes(r.findings)).toEqual(['UPSTREAM_PASSPORT_INVALID /0/passport'])
  })
})

describe('bad input: findings at a pointer into the upstreams, never a throw', () => {
  it('quantities: negative, zero, not a Decimal, an exponent, a number', () => {
    for (const [i, quantity] of ['-1', '0', 'ten', '1e3', 12].entries()) {
      const one = rollUpComponents([
        { passport: cell(), quantity: '1', unit: 'H87' },
        {
          passport: validExample('pcba-access-controller').doc,
          quantity: quantity as string,
          unit: 'H87',
        },
      ])
      expect(codes(one.findings), `quantity ${i}`).toEqual(['QUANTITY_INVALID /1/quantity'])
      expect(one.components.map((c) => c.passport)).toEqual([CELL_ID])
    }
  })

  it('an upstream without id, product, declared unit or PCF: UPSTREAM_PASSPORT_INVALID where it is missing', () => {
    const without = (edit: (p: Loose) => void): Loose => {
      const p = cell()
      edit(p)
      return p
    }
    const cases: [Loose, string][] = [
      [without((p) => delete p.id), '/0/passport/id'],
      [without((p) => delete p.credentialSubject.product), '/0/passport/credentialSubject/product'],
      [
        without((p) => delete p.credentialSubject.footprint.declaredUnitOfMeasurement),
        '/0/passport/credentialSubject/footprint/declaredUnitOfMeasurement',
      ],
      [
        without((p) => {
          p.credentialSubject.footprint.declaredUnitOfMeasurement = 'megabit second'
        }),
        '/0/passport/credentialSubject/footprint/declaredUnitOfMeasurement',
      ],
      [
        without((p) => {
          p.credentialSubject.footprint.declaredUnitAmount = '0'
        }),
        '/0/passport/credentialSubject/footprint/declaredUnitAmount',
      ],
      [
        without((p) => delete p.credentialSubject.footprint.pcfExcludingBiogenicUptake),
        '/0/passport/credentialSubject/footprint/pcfExcludingBiogenicUptake',
      ],
      [
        without((p) => delete p.credentialSubject.footprint.referencePeriodEnd),
        '/0/passport/credentialSubject/footprint/referencePeriodEnd',
      ],
      [without((p) => delete p.credentialSubject), '/0/passport/credentialSubject'],
      [null, '/0/passport'],
      [42, '/0/passport'],
    ]
    for (const [passport, path] of cases) {
      const r = rollUpComponents([{ passport, quantity: '1', unit: 'H87' }])
      expect(codes(r.findings), path).toEqual([`UPSTREAM_PASSPORT_INVALID ${path}`])
      expect(r.components).toEqual([])
    }
  })

  it('the subject id is the product id; without it, the product’s first identifier', () => {
    const p = cell()
    delete p.credentialSubject.id
    p.credentialSubject.product.identifiers = ['urn:example:cell']
    expect(
      rollUpComponents([{ passport: p, quantity: '1', unit: 'H87' }]).components[0]?.product.id,
    ).toBe('urn:example:cell')
  })

  it('splitByStage with stages that do not add up to the PCF: one record and a warning', () => {
    const p = cell()
    p.credentialSubject.footprint.lifecycleStages[1].emissions = '15'
    const r = rollUpComponents([{ passport: p, quantity: '1', unit: 'H87' }], {
      splitByStage: true,
    })
    expect(r.findings.map((f) => [f.code, f.severity, f.path])).toEqual([
      ['UPSTREAM_PASSPORT_INVALID', 'warning', '/0/passport'],
    ])
    expect(r.records).toHaveLength(1)
    expect(r.components[0]?.emissions).toBe('62.16088')
  })

  it('junk upstreams and options: findings, never a throw', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom')
        },
        has() {
          throw new Error('boom')
        },
        ownKeys() {
          throw new Error('boom')
        },
        getOwnPropertyDescriptor() {
          throw new Error('boom')
        },
      },
    )
    expect(codes(rollUpComponents(null as never).findings)).toEqual(['UPSTREAM_PASSPORT_INVALID '])
    expect(codes(rollUpComponents([null, 'x', hostile] as never).findings)).toEqual([
      'UPSTREAM_PASSPORT_INVALID /0',
      'UPSTREAM_PASSPORT_INVALID /1',
      'UPSTREAM_PASSPORT_INVALID /2',
    ])
    const bad = rollUpComponents([{ passport: cell(), quantity: '1', unit: 'H87' }], {
      lifecycleStage: 'use-phase',
      splitByStage: 'yes',
    } as never)
    expect(bad.findings.map((f) => f.code)).toEqual([
      'GENERATION_INPUT_INVALID',
      'GENERATION_INPUT_INVALID',
    ])
    expect(bad.components).toEqual([])
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (upstreams, options) => {
        const r = rollUpComponents(upstreams as never, options as never)
        expect(Array.isArray(r.findings)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('the caller’s passports are not changed', () => {
    const p = cell()
    const before = clone(p)
    rollUpComponents([{ passport: p, quantity: '240', unit: 'H87' }], { splitByStage: true })
    expect(p).toEqual(before)
  })
})

describe('contribution = quantity × PCF ÷ declaredUnitAmount (fast-check)', () => {
  /** A positive Decimal string with up to `digits` fraction digits. */
  const decimal = (max: bigint, digits: number) =>
    fc
      .tuple(fc.bigInt({ min: 1n, max }), fc.integer({ min: 0, max: digits }))
      .map(([n, scale]) => formatDecimal(decimalOf(n, scale), Number.POSITIVE_INFINITY))

  it('for random quantities, PCFs and amounts: exact when PCF ÷ amount is, else within 12 places', () => {
    fc.assert(
      fc.property(
        decimal(10n ** 9n, 6),
        decimal(10n ** 9n, 6),
        decimal(10n ** 4n, 3),
        (quantity, pcf, amount) => {
          const p = cell()
          p.credentialSubject.footprint.pcfExcludingBiogenicUptake = pcf
          p.credentialSubject.footprint.declaredUnitAmount = amount
          const r = rollUpComponents([{ passport: p, quantity, unit: 'H87' }])
          expect(r.findings).toEqual([])
          const contribution = parseDecimal(r.components[0]?.emissions) as never
          const q = parseDecimal(quantity) as never
          const a = parseDecimal(amount) as never
          const f = parseDecimal(pcf) as never
          const line = mul(q, parseDecimal(r.records[0]?.emissionFactor?.value) as never)
          // The component and its line agree to the last digit, whatever the numbers.
          expect(formatDecimal(line, Number.POSITIVE_INFINITY)).toBe(r.components[0]?.emissions)
          if (divExact(f, a) !== undefined) {
            expect(formatDecimal(mul(contribution, a), Number.POSITIVE_INFINITY)).toBe(
              formatDecimal(mul(q, f), Number.POSITIVE_INFINITY),
            )
          } else {
            // factor rounded half-even to 12 places: |q × factor − q × pcf ÷ amount| ≤ q × 0.5e-12
            const diff = Math.abs(
              Number(r.components[0]?.emissions) -
                (Number(quantity) * Number(pcf)) / Number(amount),
            )
            expect(diff).toBeLessThanOrEqual(
              Number(quantity) * 1e-12 + 1e-9 * Number(r.components[0]?.emissions),
            )
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
