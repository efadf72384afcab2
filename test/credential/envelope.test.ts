import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isUnwrapFailure, looksLikeJws, unwrapCredential } from '../../src/credential/envelope.js'

const credential = {
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  issuer: 'did:example:1',
  credentialSubject: { id: 'did:example:2' },
}
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
const jws = `${b64({ alg: 'EdDSA', typ: 'vc+jwt' })}.${b64(credential)}.c2lnbmF0dXJl`

describe('unwrapCredential', () => {
  it('reads a credential object as Data Integrity', () => {
    expect(unwrapCredential(credential)).toEqual({ format: 'data-integrity', credential })
  })

  it('reads JSON text', () => {
    expect(unwrapCredential(JSON.stringify(credential))).toEqual({
      format: 'data-integrity',
      credential,
    })
  })

  it('reads a compact JWS, with or without surrounding whitespace', () => {
    expect(unwrapCredential(jws)).toEqual({ format: 'vc-jose', credential, jws })
    expect(unwrapCredential(`\n${jws}\n`)).toEqual({ format: 'vc-jose', credential, jws })
  })

  it('reads an EnvelopedVerifiableCredential and the UNTP { verifiableCredential } wrapper', () => {
    const envelope = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: 'EnvelopedVerifiableCredential',
      id: `data:application/vc+jwt,${jws}`,
    }
    expect(unwrapCredential(envelope)).toEqual({ format: 'vc-jose', credential, jws })
    expect(unwrapCredential({ verifiableCredential: envelope })).toEqual({
      format: 'vc-jose',
      credential,
      jws,
    })
    expect(unwrapCredential(JSON.stringify({ verifiableCredential: credential }))).toEqual({
      format: 'data-integrity',
      credential,
    })
  })

  it.each([
    ['{"a":', 'MALFORMED_JSON'],
    ['[]', 'NOT_AN_OBJECT'],
    [42, 'NOT_AN_OBJECT'],
    [null, 'NOT_AN_OBJECT'],
    [`${b64({ alg: 'EdDSA' })}.bm90IGpzb24.sig`, 'JWS_MALFORMED'],
    [`${b64({ alg: 'EdDSA' })}.${b64([1, 2])}.sig`, 'JWS_MALFORMED'],
    [
      { type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+jwt,not a jws' },
      'JWS_MALFORMED',
    ],
  ])('reports %j as %s without throwing', (input, code) => {
    const result = unwrapCredential(input)
    expect(isUnwrapFailure(result) && result.code).toBe(code)
  })
})

describe('looksLikeJws (decode and re-encode instead of a regex scan)', () => {
  const SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'
  const good = fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 40 })
  // Mostly base64url, sometimes a character a lenient base64 decoder skips, maps or stops at.
  const noisy = fc.string({
    unit: fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...alphabet) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '+',
          '/',
          '=',
          ' ',
          '\n',
          '.',
          'é',
          '\u0000',
          '🙂',
          '%',
          '\u00ff',
        ),
      },
    ),
    maxLength: 40,
  })
  const segment = fc.oneof(good, noisy)

  it('answers exactly as the shape regex on random strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(segment, segment, segment).map(([h, p, s]) => `${h}.${p}.${s}`),
          fc.tuple(segment, segment).map(([h, p]) => `${h}.${p}`),
          fc.tuple(segment, segment, segment, segment).map((a) => a.join('.')),
          noisy,
        ),
        (text) => {
          expect(looksLikeJws(text)).toBe(SHAPE.test(text))
        },
      ),
      { numRuns: 20_000 },
    )
  })

  it('answers exactly as the shape regex on edge cases', () => {
    for (const text of [
      '',
      '.',
      '..',
      'a..',
      '.a.b',
      'a.b.c',
      'a.b=.c',
      'a.b+c.d',
      'a.ab/c.d',
      'a.abcd=.x',
      'a.abc.x',
      'a.abcde.x',
      'a.ab cd.x',
      'a.abcd\n.x',
      'a.b.c.d',
      'a.b.c ',
      ' a.b.c',
      `${jws}`,
      `${jws}=`,
      jws.replace('.', '.='),
    ]) {
      expect(looksLikeJws(text), JSON.stringify(text)).toBe(SHAPE.test(text))
    }
  })
})
