import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decodeJwsHeader,
  isUnwrapFailure,
  looksLikeJws,
  MAX_WRAPPING_DEPTH,
  unwrapCredential,
} from '../../src/input/envelope.js'

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

describe('wrapping depth (MAX_WRAPPING_DEPTH) and hostile nesting', () => {
  const codeOf = (input: unknown) => {
    const r = unwrapCredential(input)
    return isUnwrapFailure(r) ? r.code : r.format
  }
  const wrap = (inner: unknown, times: number) => {
    let value = inner
    for (let i = 0; i < times; i++) value = { verifiableCredential: value }
    return value
  }

  it('unwraps up to MAX_WRAPPING_DEPTH wrappings and refuses one more as INPUT_TOO_DEEP', () => {
    expect(codeOf(wrap(credential, MAX_WRAPPING_DEPTH))).toBe('data-integrity')
    expect(codeOf(wrap(credential, MAX_WRAPPING_DEPTH + 1))).toBe('INPUT_TOO_DEEP')
    const prefix = 'data:application/vc+jwt,'
    expect(codeOf(`${prefix.repeat(MAX_WRAPPING_DEPTH)}${jws}`)).toBe('vc-jose')
    expect(codeOf(`${prefix.repeat(MAX_WRAPPING_DEPTH + 1)}${jws}`)).toBe('INPUT_TOO_DEEP')
    // The deepest real form: JSON text of a wrapper around an envelope.
    const envelope = { type: 'EnvelopedVerifiableCredential', id: `${prefix}${jws}` }
    expect(codeOf(JSON.stringify({ verifiableCredential: envelope }))).toBe('vc-jose')
  })

  it('cyclic, very deep and prefix-chained inputs are refused, never a stack overflow', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.verifiableCredential = cyclic
    expect(codeOf(cyclic)).toBe('INPUT_TOO_DEEP')
    expect(codeOf(wrap(credential, 200_000))).toBe('INPUT_TOO_DEEP')
    expect(codeOf(`${'data:application/vc+jwt,'.repeat(50_000)}{}`)).toBe('INPUT_TOO_DEEP')
    const text = `${'{"verifiableCredential":'.repeat(50_000)}{}${'}'.repeat(50_000)}`
    expect(codeOf(text)).toBe('INPUT_TOO_DEEP')
  })

  it('refuses repeated member names in JSON text input, with the path', () => {
    const text =
      '{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"did:example:1","issuer":"did:example:2","credentialSubject":{}}'
    const r = unwrapCredential(text)
    expect(isUnwrapFailure(r) && [r.code, 'path' in r && r.path]).toEqual([
      'JSON_DUPLICATE_KEY',
      '/issuer',
    ])
    // An object handed over as a value has no text, so nothing to repeat.
    expect(codeOf(JSON.parse(text))).toBe('data-integrity')
  })

  it('decodeJwsHeader: strict base64url, UTF-8, a JSON object, no repeated names', () => {
    const h = (text: string) => `${Buffer.from(text).toString('base64url')}.${b64(credential)}.sig`
    expect(decodeJwsHeader(h('{"alg":"EdDSA"}'))).toEqual({ header: { alg: 'EdDSA' } })
    for (const [input, code] of [
      [h('{"alg":"EdDSA","alg":"none"}'), 'JSON_DUPLICATE_KEY'],
      [h('[1]'), 'JWS_MALFORMED'],
      [h('null'), 'JWS_MALFORMED'],
      [h('{'), 'JWS_MALFORMED'],
      ['.x.y', 'JWS_MALFORMED'],
      ['', 'JWS_MALFORMED'],
      ['abcde.x.y', 'JWS_MALFORMED'],
      ['ab+c.x.y', 'JWS_MALFORMED'],
    ] as const) {
      const r = decodeJwsHeader(input)
      expect('code' in r && r.code, input).toBe(code)
    }
  })

  it('never throws on random values, texts and JWS-shaped strings', () => {
    const jsonish = fc.string({
      unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', 'verifiableCredential', 'a', '.'),
      maxLength: 30,
    })
    const wrapped = fc
      .tuple(fc.anything(), fc.integer({ min: 0, max: 8 }))
      .map(([v, n]) => wrap(v, n))
    const jwsLike = fc
      .tuple(fc.jsonValue(), fc.jsonValue(), fc.string({ maxLength: 8 }))
      .map(([hh, p, s]) => `${b64(hh)}.${b64(p)}.${s}`)
    fc.assert(
      fc.property(fc.oneof(fc.anything(), jsonish, wrapped, jwsLike), (input) => {
        const r = unwrapCredential(input)
        expect(isUnwrapFailure(r) ? typeof r.code : typeof r.credential).toBe(
          isUnwrapFailure(r) ? 'string' : 'object',
        )
        if (typeof input === 'string') decodeJwsHeader(input)
      }),
      { numRuns: 3000 },
    )
  })
})
