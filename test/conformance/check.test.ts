import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../src/conformance/check.js'
import { PROFILE_IDS } from '../../src/conformance/profiles/ids.js'
import { isCarbonPassportError } from '../../src/errors.js'
import { fixturePassport } from './fixture.js'
import { errorCodes, issues } from './helpers.js'

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const jws = (payload: unknown, signature = 'c2lnbmF0dXJl') =>
  `${b64({ alg: 'EdDSA', typ: 'vc+jwt' })}.${b64(payload)}.${signature}`

describe('checkConformance', () => {
  it('passes a valid passport with status pass and core always applied', () => {
    const report = checkConformance(fixturePassport())
    expect(report).toMatchObject({ conforms: true, status: 'pass', profiles: ['core'] })
    expect(report.findings).toEqual([])
  })

  it('reads JSON text, vc+jwt, enveloped credentials and {verifiableCredential} wrappers', () => {
    const passport = fixturePassport()
    passport.credentialSubject.product.name = ''
    const expected = ['STRING_TOO_SHORT /credentialSubject/product/name']
    expect(issues(checkConformance(JSON.stringify(passport)))).toEqual(expected)
    expect(issues(checkConformance(jws(passport)))).toEqual(expected)
    const enveloped = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: 'EnvelopedVerifiableCredential',
      id: `data:application/vc+jwt,${jws(passport)}`,
    }
    expect(issues(checkConformance(enveloped))).toEqual(expected)
    expect(issues(checkConformance({ verifiableCredential: passport }))).toEqual(expected)
  })

  it('checks a bare credential subject against the subject schema, with paths relative to it', () => {
    const { credentialSubject } = fixturePassport()
    expect(checkConformance(credentialSubject).findings).toEqual([])
    delete (credentialSubject.product as { name?: string }).name
    expect(issues(checkConformance(credentialSubject))).toEqual(['FIELD_REQUIRED /product/name'])
    const { type: _type, ...untyped } = credentialSubject
    expect(issues(checkConformance(untyped))).toContain('FIELD_REQUIRED /type')
  })

  it('reports unreadable input instead of throwing', () => {
    for (const input of [undefined, null, 42, 'not json', '[1,2]', [], 'a.b', 'e30.!!!.x']) {
      const report = checkConformance(input)
      expect(report.conforms).toBe(false)
      expect(errorCodes(report)).toEqual(['INPUT_UNREADABLE'])
    }
  })

  it('turns a failure inside the checker into INTERNAL_ERROR', () => {
    const hostile = fixturePassport() as unknown as Record<string, unknown>
    Object.defineProperty(hostile, 'credentialSubject', {
      enumerable: true,
      get() {
        throw new Error('boom')
      },
    })
    const report = checkConformance(hostile)
    expect(errorCodes(report)).toEqual(['INTERNAL_ERROR'])
  })

  it('never throws on arbitrary JSON, in any profile (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const report = checkConformance(value, { profiles: PROFILE_IDS })
        expect(['pass', 'warn', 'fail']).toContain(report.status)
      }),
      { numRuns: 300 },
    )
  })

  it('never throws on a passport with any field replaced by arbitrary JSON (property)', () => {
    const paths: string[][] = []
    const walk = (v: unknown, path: string[]) => {
      paths.push(path)
      if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, k])
    }
    walk(fixturePassport(), [])
    fc.assert(
      fc.property(fc.constantFrom(...paths.slice(1)), fc.jsonValue(), (path, value) => {
        const passport = fixturePassport() as unknown as Record<string, unknown>
        let target = passport as Record<string, unknown>
        for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>
        target[path[path.length - 1] as string] = value
        const report = checkConformance(passport, { profiles: PROFILE_IDS })
        expect(report.findings.every((f) => f.code !== 'INTERNAL_ERROR')).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('applies each requested profile once, core first', () => {
    const report = checkConformance(fixturePassport(), {
      profiles: ['iec-63782-digital-pcf', 'pact-v3', 'pact-v3', 'core'],
    })
    expect(report.profiles).toEqual(['core', 'pact-v3', 'iec-63782-digital-pcf'])
  })

  it('throws ERR_INVALID_ARGUMENT on an unknown profile or a bad tolerance (misuse)', () => {
    const bad = [
      () => checkConformance({}, { profiles: ['pact-v2' as never] }),
      () => checkConformance({}, { tolerance: -1 }),
      () => checkConformance({}, { tolerance: Number.NaN }),
    ]
    for (const call of bad) {
      expect(call).toThrow()
      try {
        call()
      } catch (err) {
        expect(isCarbonPassportError(err, 'ERR_INVALID_ARGUMENT')).toBe(true)
      }
    }
  })

  it('uses the relative tolerance for sums (default 0.1 %)', () => {
    const passport = fixturePassport()
    // 9.5 → 9.508: activity lines, stages and scopes now differ from the total by 0.084 %.
    passport.credentialSubject.footprint.pcfExcludingBiogenicUptake = '9.508'
    passport.credentialSubject.footprint.pcfIncludingBiogenicUptake = '9.508'
    expect(checkConformance(passport).conforms).toBe(true)
    const strict = checkConformance(passport, { tolerance: 0 })
    expect(errorCodes(strict).sort()).toEqual([
      'ACTIVITY_SUM_MISMATCH',
      'LIFECYCLE_STAGES_SUM_MISMATCH',
      'SCOPE_SUM_MISMATCH',
    ])
    const finding = strict.findings.find((f) => f.code === 'ACTIVITY_SUM_MISMATCH')
    expect(finding).toMatchObject({
      expected: '9.508',
      actual: '9.5',
      path: '/credentialSubject/activityData',
    })
  })

  it('gives warn status when there are warnings only', () => {
    const passport = fixturePassport() as unknown as { credentialSubject: Record<string, unknown> }
    passport.credentialSubject.extension = { any: 'thing' }
    const report = checkConformance(passport)
    expect(report).toMatchObject({ conforms: true, status: 'warn' })
    expect(issues(report)).toEqual(['UNKNOWN_PROPERTY /credentialSubject/extension'])
  })
})
