import { describe, expect, it } from 'vitest'
import { isCarbonPassportError } from '../../src/errors.js'
import type { CarbonPassport } from '../../src/model/types.js'
import { createPassport, type PassportSubjectInput } from '../../src/passport/create.js'
import { PASSPORT_SCHEMA_ID, schemaErrors } from '../../src/schema/registry.js'
import { clone, validExamples } from '../helpers/examples.js'

const examples = validExamples()
const subjectOf = (i = 0): PassportSubjectInput => {
  const doc = examples[i]?.doc as { credentialSubject: CarbonPassport } | undefined
  if (!doc) throw new Error(`no example passport number ${i}`)
  return clone(doc.credentialSubject)
}
const issuer = { id: 'did:web:passports.example', name: 'Example Cells Ltd' }
const now = new Date('2026-04-01T08:30:00.123Z')

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn()
    return undefined
  } catch (err) {
    return isCarbonPassportError(err) ? err.code : 'NOT_A_CARBON_PASSPORT_ERROR'
  }
}

describe('createPassport', () => {
  it.each(examples.map((e, i) => [e.file, i] as const))(
    'builds a schema-valid credential from the subject of %s',
    (_name, i) => {
      const passport = createPassport(subjectOf(i), { issuer, now })
      expect(schemaErrors(PASSPORT_SCHEMA_ID, passport)).toEqual([])
      expect(passport['@context']).toEqual([
        'https://www.w3.org/ns/credentials/v2',
        'https://w3id.org/carbon-passport/v1',
      ])
      expect(passport.type).toEqual(['VerifiableCredential', 'CarbonPassportCredential'])
      expect(passport.credentialSchema).toEqual({ id: PASSPORT_SCHEMA_ID, type: 'JsonSchema' })
      expect(passport.credentialSubject.type).toBe('CarbonPassport')
    },
  )

  it('fills a fresh urn:uuid id and second-precision dates from the injected clock', () => {
    const a = createPassport(subjectOf(), { issuer, now })
    const b = createPassport(subjectOf(), { issuer, now })
    expect(a.id).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    expect(a.id).not.toBe(b.id)
    expect(a.validFrom).toBe('2026-04-01T08:30:00Z')
    expect(a.validUntil).toBeUndefined()
  })

  it('takes id, validity and the issuer as given', () => {
    const passport = createPassport(subjectOf(), {
      issuer: 'did:web:passports.example',
      id: 'urn:uuid:5b1c9c44-3b7e-4c47-9d39-5f1d2f1f7a10',
      validFrom: new Date('2026-05-01T00:00:00Z'),
      validUntil: new Date('2031-05-01T00:00:00Z'),
    })
    expect(passport.id).toBe('urn:uuid:5b1c9c44-3b7e-4c47-9d39-5f1d2f1f7a10')
    expect(passport.issuer).toBe('did:web:passports.example')
    expect(passport.validFrom).toBe('2026-05-01T00:00:00Z')
    expect(passport.validUntil).toBe('2031-05-01T00:00:00Z')
  })

  it('does not alias or mutate the caller’s subject', () => {
    const subject = subjectOf()
    const before = clone(subject)
    const passport = createPassport(subject, { issuer, now })
    passport.credentialSubject.product.name = 'changed'
    expect(subject).toEqual(before)
  })

  it('refuses a missing issuer, bad dates and a non-object subject with stable codes', () => {
    expect(errorCode(() => createPassport(subjectOf(), { issuer: '' }))).toBe(
      'ERR_INVALID_ARGUMENT',
    )
    expect(errorCode(() => createPassport(subjectOf(), {} as never))).toBe('ERR_INVALID_ARGUMENT')
    expect(
      errorCode(() =>
        createPassport(subjectOf(), { issuer, now, validUntil: new Date('2020-01-01T00:00:00Z') }),
      ),
    ).toBe('ERR_INVALID_ARGUMENT')
    expect(errorCode(() => createPassport(subjectOf(), { issuer, validFrom: new Date('x') }))).toBe(
      'ERR_INVALID_ARGUMENT',
    )
    expect(errorCode(() => createPassport(null as never, { issuer }))).toBe('ERR_INVALID_ARGUMENT')
  })

  it('refuses a subject that does not match the schema, listing where', () => {
    const subject = subjectOf()
    subject.footprint.pcfExcludingBiogenicUptake = '12,5'
    try {
      createPassport(subject, { issuer, now })
      expect.unreachable()
    } catch (err) {
      expect(isCarbonPassportError(err, 'ERR_PASSPORT_INVALID')).toBe(true)
      const details = (err as { details: { errors: { path: string }[] } }).details
      expect(details.errors.map((e) => e.path)).toContain(
        '/credentialSubject/footprint/pcfExcludingBiogenicUptake',
      )
    }
  })
})

describe('createPassport misuse ends in ERR_INVALID_ARGUMENT, never a raw TypeError or RangeError', () => {
  it.each([
    ['a string', '2031-01-01T00:00:00Z'],
    ['a number', 1_900_000_000_000],
    ['null', null],
    ['an object', { getTime: 'no' }],
    ['a BigInt', 1n],
    ['an invalid Date', new Date('x')],
  ])('validUntil, validFrom or now as %s', (_, value) => {
    for (const field of ['validUntil', 'validFrom', 'now']) {
      expect(
        errorCode(() => createPassport(subjectOf(), { issuer, [field]: value } as never)),
      ).toBe('ERR_INVALID_ARGUMENT')
    }
  })

  it('a subject nested 10,000 levels deep', () => {
    let value: Record<string, unknown> = {}
    for (let i = 0; i < 10_000; i++) value = { d: value }
    const subject = { ...subjectOf(), extra: value } as never
    expect(errorCode(() => createPassport(subject, { issuer, now }))).toBe('ERR_INVALID_ARGUMENT')
  })

  it('cyclic, BigInt and function values in the subject or the issuer are not JSON', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    for (const bad of [cyclic, 1n, () => 1, Symbol('x')]) {
      const subject = subjectOf()
      ;(subject.product as unknown as Record<string, unknown>).name = bad
      expect(errorCode(() => createPassport(subject, { issuer, now }))).toBe('ERR_INVALID_ARGUMENT')
      expect(
        errorCode(() =>
          createPassport(subjectOf(), { issuer: { ...issuer, extra: bad } as never, now }),
        ),
      ).toBe('ERR_INVALID_ARGUMENT')
    }
  })

  it('non-string id, name or description; options that are not an object', () => {
    for (const field of ['id', 'name', 'description']) {
      expect(errorCode(() => createPassport(subjectOf(), { issuer, now, [field]: 5 }))).toBe(
        'ERR_INVALID_ARGUMENT',
      )
    }
    for (const options of [null, 5, 'did:web:x.example', []]) {
      expect(errorCode(() => createPassport(subjectOf(), options as never))).toBe(
        'ERR_INVALID_ARGUMENT',
      )
    }
  })

  it('a throwing getter or a hostile Proxy in the options or the subject', () => {
    const getter = Object.defineProperty({ issuer }, 'validUntil', {
      enumerable: true,
      get() {
        throw new Error('getter says no')
      },
    })
    const proxy = new Proxy(
      {},
      {
        get() {
          throw new Error('proxy says no')
        },
        ownKeys() {
          throw new Error('proxy says no')
        },
      },
    )
    expect(errorCode(() => createPassport(subjectOf(), getter as never))).toBe(
      'ERR_INVALID_ARGUMENT',
    )
    expect(errorCode(() => createPassport(subjectOf(), proxy as never))).toBe(
      'ERR_INVALID_ARGUMENT',
    )
    expect(errorCode(() => createPassport(proxy as never, { issuer, now }))).toBe(
      'ERR_INVALID_ARGUMENT',
    )
  })

  it('a date-typed validUntil that is not after validFrom stays refused; null-free defaults still work', () => {
    const at = new Date('2026-05-01T00:00:00Z')
    expect(
      errorCode(() => createPassport(subjectOf(), { issuer, validFrom: at, validUntil: at })),
    ).toBe('ERR_INVALID_ARGUMENT')
    expect(createPassport(subjectOf(), { issuer, now }).validFrom).toBe('2026-04-01T08:30:00Z')
  })
})
