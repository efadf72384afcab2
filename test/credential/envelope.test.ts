import { describe, expect, it } from 'vitest'
import { isUnwrapFailure, unwrapCredential } from '../../src/credential/envelope.js'

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
