/**
 * buildPassport: roll-up, calculation, createPassport and conformance in one call; findings (never
 * a throw) for bad input at pointers into its arguments, PASSPORT_NOT_CONFORMING followed by the
 * conformance errors, and a CarbonPassportError only for misuse (no issuer, an unknown profile).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isCarbonPassportError } from '../../src/errors.js'
import { buildPassport, type PassportTemplate } from '../../src/generate/build.js'
import { loadFactorSet } from '../../src/generate/factor-set.js'
import { parseActivityCsv } from '../../src/generate/records.js'
import type { EmissionFactorSet } from '../../src/generate/types.js'
import { validExample } from '../helpers/examples.js'

const dir = new URL('../../examples/generate/pcba-access-controller/', import.meta.url)
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8')
const template = (): PassportTemplate => JSON.parse(read('product.json'))
const factors = loadFactorSet(read('factors.csv'), { format: 'csv' }).set as EmissionFactorSet
const records = parseActivityCsv(read('records.csv')).records
const issuer = 'did:web:passports.shenzhen-pcba.example'
const options = { issuer, factors, now: new Date('2026-03-01T00:00:00Z') }
const cathode = validExample('nmc811-cathode-powder').doc

describe('buildPassport', () => {
  it('rolls up upstreams: components, appended lines, their share in the primary data share', () => {
    const result = buildPassport(template(), records, {
      ...options,
      upstreams: [{ passport: cathode, quantity: '10', unit: 'GRM' }],
    })
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    const s = result.passport.credentialSubject
    expect(s.components?.[0]).toMatchObject({
      quantity: '10',
      unit: 'GRM',
      emissions: '0.2354550042',
    })
    expect(s.activityData).toHaveLength(records.length + 1)
    expect(s.activityData?.at(-1)?.upstreamPassport).toBe(cathode.id)
    expect(s.footprint.pcfExcludingBiogenicUptake).toBe('5.6944580042')
    expect(
      result.notes.some((n) => n.code === 'UNIT_CONVERTED' && n.path === '/upstreams/0/unit'),
    ).toBe(true)
    expect(result.notes.some((n) => n.code === 'PRIMARY_DATA_SHARE_UNKNOWN')).toBe(false)
  })

  it('reports a missing factor at the record, and no passport', () => {
    const result = buildPassport(template(), records, { issuer, now: options.now })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors[0]).toMatchObject({
      code: 'FACTOR_NOT_FOUND',
      path: '/records/0/factorId',
    })
  })

  it('reports template problems at /template and upstream problems at /upstreams', () => {
    const t = { ...template(), activityData: [] } as PassportTemplate
    const bad = { ...t.footprint, pcfExcludingBiogenicUptake: '1' } as never
    const result = buildPassport({ ...t, footprint: bad }, records, {
      ...options,
      upstreams: [{ passport: cathode, quantity: '1', unit: 'H87' }],
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => [e.code, e.path])).toEqual([
      ['GENERATION_INPUT_INVALID', '/template/activityData'],
      ['COMPONENT_UNIT_MISMATCH', '/upstreams/0/unit'],
      ['GENERATION_INPUT_INVALID', '/template/footprint/pcfExcludingBiogenicUptake'],
    ])
  })

  it('gives PASSPORT_NOT_CONFORMING, then the conformance errors, under a profile it fails', () => {
    const result = buildPassport(template(), records, { ...options, profiles: ['iec-63369-1'] })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors[0]).toMatchObject({ code: 'PASSPORT_NOT_CONFORMING', path: '' })
    expect(result.errors.length).toBeGreaterThan(1)
    expect(result.errors.slice(1).every((e) => e.path.startsWith('/credentialSubject'))).toBe(true)
  })

  it('gives PASSPORT_NOT_CONFORMING with the schema findings when the template breaks the schema', () => {
    const t = template()
    const { name: _name, ...product } = t.product
    const result = buildPassport({ ...t, product: product as never }, records, options)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => [e.code, e.path])).toEqual([
      ['PASSPORT_NOT_CONFORMING', ''],
      ['FIELD_REQUIRED', '/credentialSubject/product/name'],
    ])
  })

  it('never throws on junk input; throws ERR_INVALID_ARGUMENT for misuse', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    for (const junk of [null, 42, 'x', cyclic, [], { footprint: null }]) {
      const result = buildPassport(junk as never, records, options)
      expect(result.ok).toBe(false)
      const r2 = buildPassport(template(), junk as never, options)
      expect(r2.ok).toBe(false)
    }
    for (const bad of [undefined, {}, { issuer: '' }, { issuer, profiles: ['pact-v9'] }]) {
      let thrown: unknown
      try {
        buildPassport(template(), records, bad as never)
      } catch (err) {
        thrown = err
      }
      expect(isCarbonPassportError(thrown) && thrown.code).toBe('ERR_INVALID_ARGUMENT')
    }
  })
})
