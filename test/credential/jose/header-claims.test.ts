/**
 * vc+jwt header and claim rules on hostile tokens: time claims that are not NumericDates, `b64` and
 * `crit`, duplicate member names in the protected header and the payload, bytes that are not UTF-8,
 * and random headers and payloads (never a throw, never a pass without a good signature).
 *
 * Most cases ask verifyVcJwt and unwrapCredential directly (the JOSE verdict alone); a few go end to
 * end through verifyCredential to show the verdict reaches the result.
 */
import { sign as cryptoSign } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createDocumentLoader } from '../../../src/context/loader.js'
import { type JoseResult, verifyVcJwt } from '../../../src/credential/jose/verify.js'
import { verifyCredential } from '../../../src/credential/verify.js'
import { createResolver } from '../../../src/did/resolve.js'
import { isUnwrapFailure, unwrapCredential } from '../../../src/input/envelope.js'
import { generateKeyPair } from '../../../src/keys/generate.js'
import { privateKeyObject } from '../../../src/keys/key-objects.js'
import type { VerificationResult } from '../../../src/results.js'

type Json = Record<string, unknown>
const key = generateKeyPair()
const NOW = new Date('2026-06-01T00:00:00Z')
const nowSeconds = NOW.getTime() / 1000
const credential: Json = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  issuer: key.controller,
  validFrom: '2026-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:subject', name: 'a product' },
}
const header: Json = { alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: key.id }

const b64 = (bytes: string | Buffer) =>
  (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64url')
/** A compact JWS over exactly these header and payload bytes, signed with the key. */
function signBytes(headerBytes: string | Buffer, payloadBytes: string | Buffer): string {
  const input = `${b64(headerBytes)}.${b64(payloadBytes)}`
  const signature = cryptoSign(null, Buffer.from(input), privateKeyObject(key))
  return `${input}.${signature.toString('base64url')}`
}
const signJws = (h: Json, payload: Json) => signBytes(JSON.stringify(h), JSON.stringify(payload))

const verify = (jws: string) => verifyCredential(jws, { now: NOW })
const errorCodes = (r: VerificationResult) => r.errors.map((e) => e.code)
const checkOf = (r: VerificationResult, id: string) => r.checks.find((c) => c.id === id)
const codesOf = (findings: { code: string }[]) => findings.map((f) => f.code)

const resolver = createResolver({ documentLoader: createDocumentLoader() })
/** The JOSE verdict alone (header, claims, signature), asked as the pipeline asks it. */
async function jose(jws: string): Promise<JoseResult> {
  const unwrapped = unwrapCredential(jws)
  if (isUnwrapFailure(unwrapped)) throw new Error(`not a vc+jwt: ${unwrapped.message}`)
  return verifyVcJwt(jws, unwrapped.credential, { resolver, now: NOW, maxClockSkew: 300 })
}
/** The unwrap failure of an input, as [code, path]. */
const unwrapFailure = (input: unknown) => {
  const r = unwrapCredential(input)
  return isUnwrapFailure(r) ? [r.code, 'path' in r ? r.path : ''] : undefined
}

describe('the token itself verifies (so every refusal below is the rule under test)', () => {
  test('a plain vc+jwt, and one with valid iat/nbf/exp (non-integer NumericDates too)', async () => {
    const plain = await jose(signJws(header, credential))
    expect([plain.proof, plain.syntax, plain.validity]).toEqual([[], [], []])
    expect(plain.verificationMethod?.id).toBe(key.id)
    const timed = { ...credential, iat: nowSeconds - 10.5, nbf: nowSeconds - 10, exp: 2e9 + 0.25 }
    const r = await jose(signJws(header, timed))
    expect([r.proof, r.syntax, r.validity]).toEqual([[], [], []])
    expect(r.verificationMethod?.id).toBe(key.id)
  })
})

describe('JWT time claims must be NumericDates (RFC 7519 §2, §4.1.4–4.1.6)', () => {
  const notNumericDates: [string, string][] = [
    ['an ISO date string', '"2020-01-01T00:00:00Z"'],
    ['a numeric string', '"1700000000"'],
    ['null', 'null'],
    ['a boolean', 'true'],
    ['an array', '[1700000000]'],
    ['an object', '{"seconds":1700000000}'],
    ['a number that overflows to Infinity', '1e400'],
    ['a negative overflow', '-1e400'],
  ]
  for (const claim of ['exp', 'nbf', 'iat']) {
    test.each(notNumericDates)(`${claim} as %s: a JOSE_CLAIM_INVALID error`, async (_, raw) => {
      const payloadText = `${JSON.stringify(credential).slice(0, -1)},"${claim}":${raw}}`
      const r = await jose(signBytes(JSON.stringify(header), payloadText))
      expect(r.validity.map((f) => [f.code, f.severity, f.path])).toEqual([
        ['JOSE_CLAIM_INVALID', 'error', `/${claim}`],
      ])
      // The signature itself is fine: only the claim fails.
      expect([r.proof, r.syntax]).toEqual([[], []])
    })
  }

  test('an exp in the past and an nbf in the future still fail as EXPIRED / NOT_YET_VALID', async () => {
    const expired = await jose(signJws(header, { ...credential, exp: nowSeconds - 3600 }))
    expect(codesOf(expired.validity)).toEqual(['EXPIRED'])
    const early = await jose(signJws(header, { ...credential, nbf: nowSeconds + 3600 }))
    expect(codesOf(early.validity)).toEqual(['NOT_YET_VALID'])
  })

  test('end to end: a string exp fails verification with JOSE_CLAIM_INVALID', async () => {
    const r = await verify(signJws(header, { ...credential, exp: '2099-01-01T00:00:00Z' }))
    expect(r.verified).toBe(false)
    expect(errorCodes(r)).toContain('JOSE_CLAIM_INVALID')
  })
})

describe('b64 and crit (RFC 7515 §4.1.11, RFC 7797 §6)', () => {
  const proofCodes = async (h: Json) => {
    const r = await jose(signJws(h, credential))
    expect(r.verificationMethod).toBeUndefined()
    return codesOf(r.proof)
  }

  test('b64: false without crit is refused, not ignored', async () => {
    expect(await proofCodes({ ...header, b64: false })).toEqual(['JOSE_HEADER_INVALID'])
  })

  test('b64: false listed in crit: unencoded payloads are not supported', async () => {
    expect(await proofCodes({ ...header, b64: false, crit: ['b64'] })).toEqual([
      'JOSE_CRIT_UNSUPPORTED',
    ])
  })

  test('b64 that is not a boolean, or b64: true outside crit, is malformed', async () => {
    expect(await proofCodes({ ...header, b64: 'false', crit: ['b64'] })).toEqual([
      'JOSE_HEADER_INVALID',
    ])
    expect(await proofCodes({ ...header, b64: 0, crit: ['b64'] })).toEqual(['JOSE_HEADER_INVALID'])
    expect(await proofCodes({ ...header, b64: true })).toEqual(['JOSE_HEADER_INVALID'])
  })

  test('b64: true listed in crit is the ordinary encoding (understood, accepted)', async () => {
    const r = await jose(signJws({ ...header, b64: true, crit: ['b64'] }, credential))
    expect([r.proof, r.syntax, r.validity]).toEqual([[], [], []])
    expect(r.verificationMethod?.id).toBe(key.id)
  })

  test.each([
    ['not an array', 'b64'],
    ['an empty array', []],
    ['a non-string name', [1]],
    ['an empty name', ['']],
    ['a repeated name', ['b64', 'b64']],
    ['a name the header does not have', ['exp']],
    ['a name JWS defines (alg)', ['alg']],
    ['a name JWA defines (zip)', ['zip']],
    ['null', null],
  ])('crit that is %s: JOSE_HEADER_INVALID', async (_, crit) => {
    expect(await proofCodes({ ...header, b64: true, zip: 'DEF', crit })).toEqual([
      'JOSE_HEADER_INVALID',
    ])
  })

  test('crit naming an extension present but not understood: JOSE_CRIT_UNSUPPORTED', async () => {
    expect(
      await proofCodes({ ...header, 'urn:example:ext': 1, crit: ['urn:example:ext'] }),
    ).toEqual(['JOSE_CRIT_UNSUPPORTED'])
    expect(await proofCodes({ ...header, b64: true, ext: 1, crit: ['b64', 'ext'] })).toEqual([
      'JOSE_CRIT_UNSUPPORTED',
    ])
  })

  test('end to end: b64: false without crit fails verification in proof', async () => {
    const r = await verify(signJws({ ...header, b64: false }, credential))
    expect(r.verified).toBe(false)
    expect(checkOf(r, 'proof')?.findings.map((f) => f.code)).toEqual(['JOSE_HEADER_INVALID'])
  })
})

describe('duplicate member names are refused, not resolved last-wins (RFC 7515 §4, RFC 7519 §4)', () => {
  const payloadText = JSON.stringify(credential)
  const headerText = JSON.stringify(header)

  test('end to end: a duplicate claim in the payload is JSON_DUPLICATE_KEY, nothing else is read', async () => {
    // A second issuer after the signed one: JSON.parse keeps the last, other parsers the first.
    const forged = `${payloadText.slice(0, -1)},"issuer":"did:web:evil.example"}`
    const r = await verify(signBytes(headerText, forged))
    expect(r.verified).toBe(false)
    expect(checkOf(r, 'syntax')?.findings.map((f) => [f.code, f.path])).toEqual([
      ['JSON_DUPLICATE_KEY', '/issuer'],
    ])
    expect(r.credential).toBeUndefined()
  })

  test('a duplicate spelled with escapes ("\\u0065xp" is "exp") and a nested duplicate', () => {
    const escaped = `${payloadText.slice(0, -1)},"exp":4000000000,"\\u0065xp":1}`
    expect(unwrapFailure(signBytes(headerText, escaped))).toEqual(['JSON_DUPLICATE_KEY', '/exp'])
    const nested = payloadText.replace('"name":', '"id":"did:example:other","name":')
    const jws = signBytes(headerText, nested)
    expect(unwrapFailure(jws)).toEqual(['JSON_DUPLICATE_KEY', '/credentialSubject/id'])
    // The same payload in an envelope, in a wrapper, and the same text as plain JSON input.
    const envelope = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: 'EnvelopedVerifiableCredential',
      id: `data:application/vc+jwt,${jws}`,
    }
    expect(unwrapFailure(envelope)?.[0]).toBe('JSON_DUPLICATE_KEY')
    expect(unwrapFailure({ verifiableCredential: envelope })?.[0]).toBe('JSON_DUPLICATE_KEY')
    expect(unwrapFailure(nested)).toEqual(['JSON_DUPLICATE_KEY', '/credentialSubject/id'])
  })

  test('a duplicate header parameter: JSON_DUPLICATE_KEY in proof, no key is looked up', async () => {
    for (const dup of [
      `${headerText.slice(0, -1)},"alg":"none"}`,
      `${headerText.slice(0, -1)},"k\\u0069d":"did:example:other#key"}`,
      `${headerText.slice(0, -1)},"crit":["b64"],"b64":true,"b64":false}`,
    ]) {
      const r = await jose(signBytes(dup, payloadText))
      expect(codesOf(r.proof)).toEqual(['JSON_DUPLICATE_KEY'])
      expect([r.syntax, r.validity, r.verificationMethod]).toEqual([[], [], undefined])
    }
    const e2e = await verify(signBytes(`${headerText.slice(0, -1)},"alg":"none"}`, payloadText))
    expect(e2e.verified).toBe(false)
    expect(checkOf(e2e, 'proof')?.findings.map((f) => f.code)).toEqual(['JSON_DUPLICATE_KEY'])
  })

  test('a payload or header that is not UTF-8 is refused (no U+FFFD substitution)', async () => {
    const badPayload = Buffer.concat([
      Buffer.from(payloadText.slice(0, -2)),
      Buffer.from([0xff]),
      Buffer.from('"}'),
    ])
    const r1 = unwrapCredential(signBytes(headerText, badPayload))
    expect(isUnwrapFailure(r1) && [r1.code, r1.message]).toEqual([
      'JWS_MALFORMED',
      'the JWS payload is not UTF-8',
    ])
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(payloadText)])
    expect(unwrapFailure(signBytes(headerText, bom))?.[0]).toBe('JWS_MALFORMED')
    const badHeader = Buffer.concat([
      Buffer.from(headerText.slice(0, -1)),
      Buffer.from(',"x":"\xc3"}', 'latin1'),
    ])
    const r2 = await jose(signBytes(badHeader, payloadText))
    expect(r2.proof.map((f) => [f.code, f.message])).toEqual([
      ['JWS_MALFORMED', 'the JWS protected header is not UTF-8'],
    ])
  })
})

describe('hostile headers and payloads never throw and never verify unsigned', () => {
  const value = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom('vc+jwt', 'EdDSA', 'ES256', 'none', 'b64', key.id, ['b64'], [], false, 1e308),
  )
  const headerArb = fc.dictionary(
    fc.constantFrom('alg', 'typ', 'cty', 'kid', 'crit', 'b64', 'zip', 'x'),
    value,
  )
  const payloadArb = fc.record({
    ...Object.fromEntries(Object.entries(credential).map(([k, v]) => [k, fc.constant(v)])),
    exp: fc.option(value, { nil: undefined }),
    iat: fc.option(value, { nil: undefined }),
    nbf: fc.option(value, { nil: undefined }),
  })
  const text = (v: unknown) => JSON.stringify(v) ?? 'undefined'
  /** Raw texts: JSON, JSON with an injected duplicate, other JSON, or arbitrary text. */
  const textArb = (arb: fc.Arbitrary<unknown>) =>
    fc.oneof(
      { weight: 4, arbitrary: arb.map(text) },
      { weight: 1, arbitrary: arb.map((v) => text(v).replace(/^\{"([^"]*)":/, '{"$1":1,"$1":')) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map(text) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    )

  test('verifyVcJwt: a token without findings has a valid alg, kid, b64 and time claims', async () => {
    await fc.assert(
      fc.asyncProperty(headerArb, payloadArb, async (h, p) => {
        const r = await jose(signJws(h, p))
        if (r.proof.length === 0) {
          expect(['EdDSA', 'Ed25519']).toContain(h.alg)
          expect(h.kid).toBe(key.id)
          expect(h.b64 === undefined || (h.b64 === true && Array.isArray(h.crit))).toBe(true)
          expect(r.verificationMethod?.id).toBe(key.id)
        }
        for (const claim of ['exp', 'nbf', 'iat'] as const) {
          const v = p[claim]
          const flagged = r.validity.some(
            (f) =>
              f.code === 'JOSE_CLAIM_INVALID' && f.path === `/${claim}` && f.severity === 'error',
          )
          expect(flagged).toBe(v !== undefined && !(typeof v === 'number' && Number.isFinite(v)))
        }
      }),
      { numRuns: 300 },
    )
  })

  test('end to end, signed with the real key: a verdict with codes, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(textArb(headerArb), textArb(payloadArb), async (h, p) => {
        const r = await verify(signBytes(h, p))
        expect(typeof r.verified).toBe('boolean')
        if (!r.verified) expect(r.errors.length).toBeGreaterThan(0)
        expect(r.errors.map((e) => e.code)).not.toContain('INTERNAL_ERROR')
      }),
      { numRuns: 200 },
    )
  })

  test('random signatures never verify', async () => {
    await fc.assert(
      fc.asyncProperty(
        headerArb,
        fc.uint8Array({ minLength: 0, maxLength: 70 }),
        async (h, signature) => {
          const input = `${b64(text({ ...h, alg: 'EdDSA', kid: key.id }))}.${b64(text(credential))}`
          const r = await verify(`${input}.${Buffer.from(signature).toString('base64url')}`)
          expect(r.verified).toBe(false)
          expect(r.errors.map((e) => e.code)).not.toContain('INTERNAL_ERROR')
        },
      ),
      { numRuns: 200 },
    )
  })
})
