/** A misspelt clock or cap fails closed: an expired passport never verifies because `now` was garbage. */
import { beforeAll, describe, expect, test } from 'vitest'
import { verifyCredential } from '../../src/credential/verify.js'
import { issuePassport } from '../../src/passport/issue.js'
import { verifyPassport } from '../../src/passport/verify.js'
import { exampleDidDocuments, exampleKey, validExample } from '../helpers/examples.js'
import { issuerOf } from './fixtures.js'

const passport = validExample('lfp-cell-280ah').doc as Record<string, unknown>
const didDocuments = exampleDidDocuments()
const DAY = 86_400_000
// Valid for a day from now, so the proof (created now) is not in the future of either clock below.
const validUntil = new Date(Math.ceil(Date.now() / 1000) * 1000 + DAY)
let expired: Record<string, unknown>
beforeAll(async () => {
  expired = await issuePassport(
    { ...passport, validUntil: validUntil.toISOString().replace('.000Z', 'Z') },
    { key: exampleKey(issuerOf(passport)) },
  )
})

describe('clock and cap options', () => {
  const bad: [string, Record<string, unknown>][] = [
    ['now: Invalid Date', { now: new Date('garbage') }],
    ['now: a string', { now: '2030-01-01T00:00:00Z' }],
    ['now: a number', { now: Date.parse('2030-01-01T00:00:00Z') }],
    ['maxClockSkew: NaN', { maxClockSkew: Number.NaN }],
    ['maxClockSkew: Infinity', { maxClockSkew: Number.POSITIVE_INFINITY }],
    ['maxClockSkew: a string', { maxClockSkew: '300' }],
    ['maxClockSkew: negative', { maxClockSkew: -1 }],
    ['maxBytes: NaN', { maxBytes: Number.NaN }],
    ['maxDepth: a string', { maxDepth: '64' }],
    ['maxProofs: 0', { maxProofs: 0 }],
    ['maxBlankNodes: negative', { maxBlankNodes: -5 }],
    ['maxQuads: null', { maxQuads: null }],
  ]
  test.each(bad)('%s: OPTION_INVALID, not verified', async (_label, options) => {
    for (const verify of [verifyPassport, verifyCredential]) {
      const r = await verify(expired, { didDocuments, ...options } as never)
      expect(r.verified).toBe(false)
      expect(r.errors.map((e) => e.code)).toEqual(['OPTION_INVALID'])
    }
  })

  test('a valid clock decides: EXPIRED after validUntil, verified before it', async () => {
    const after = await verifyPassport(expired, {
      didDocuments,
      now: new Date(validUntil.getTime() + DAY),
    })
    expect(after.errors.map((e) => e.code)).toEqual(['EXPIRED'])
    const before = await verifyPassport(expired, {
      didDocuments,
      now: new Date(validUntil.getTime() - DAY / 2),
      maxClockSkew: 0,
    })
    expect(before.errors.map((e) => e.code)).toEqual([])
  })
})
