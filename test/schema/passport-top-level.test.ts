/** The passport schema's top level is closed: only the credential properties a passport has. */
import { describe, expect, it } from 'vitest'
import { PASSPORT_SCHEMA_ID, schemaErrors } from '../../src/schema/registry.js'
import { validExamples } from '../helpers/examples.js'

const passport = validExamples()[0]?.doc as Record<string, unknown>

describe('passport.schema.json top level', () => {
  it('accepts every example, and with the registered JWT claims of a vc+jwt', () => {
    for (const { doc } of validExamples()) expect(schemaErrors(PASSPORT_SCHEMA_ID, doc)).toEqual([])
    const jwtPayload = {
      ...passport,
      iss: 'did:web:x.example',
      iat: 1_770_000_000,
      exp: 1_800_000_000,
    }
    expect(schemaErrors(PASSPORT_SCHEMA_ID, jwtPayload)).toEqual([])
  })

  it.each([
    'evidence',
    'termsOfUse',
    'https://www.w3.org/2018/credentials#validUntil',
    '@nest',
    'unsignedClaim',
  ])('refuses a top-level %s', (key) => {
    const errors = schemaErrors(PASSPORT_SCHEMA_ID, { ...passport, [key]: { type: 'X' } })
    expect(errors.map((e) => [e.keyword, e.params])).toContainEqual([
      'additionalProperties',
      { additionalProperty: key },
    ])
  })

  it('a JWT time claim must be a NumericDate', () => {
    const errors = schemaErrors(PASSPORT_SCHEMA_ID, { ...passport, exp: '2027-01-01' })
    expect(errors.map((e) => e.instancePath)).toContain('/exp')
  })
})
