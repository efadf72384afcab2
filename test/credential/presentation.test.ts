/**
 * verifyPresentation and issuePresentation: VC 2.0 presentations with the holder's Data Integrity
 * proof (authentication, challenge, domain) or as vp+jwt, credentials embedded or enveloped, one
 * nested result per credential, and junk that never throws.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, test } from 'vitest'
import { issueCredential } from '../../src/credential/issue.js'
import { issuePresentation } from '../../src/credential/presentation/issue.js'
import {
  type PresentationVerificationResult,
  verifyPresentation,
} from '../../src/credential/presentation/verify.js'
import { type CarbonPassportErrorCode, isCarbonPassportError } from '../../src/errors.js'
import { generateKeyPair } from '../../src/keys/generate.js'
import type { KeyPair } from '../../src/keys/types.js'
import { fuzzRuns } from '../helpers/fuzz.js'
import { hostile, materialize } from '../helpers/hostile.js'

type Json = Record<string, unknown>
const V2 = 'https://www.w3.org/ns/credentials/v2'
const CONTEXT = [V2, { '@vocab': 'https://example.org/vocab#' }]
const CHALLENGE = '8b6f1c0e-challenge'
const DOMAIN = 'https://verifier.example'

const codes = (r: PresentationVerificationResult) => r.errors.map((e) => e.code)
const status = (r: PresentationVerificationResult, id: string) =>
  r.checks.find((c) => c.id === id)?.status

let issuerKey: KeyPair
let holderKey: KeyPair
let credential: Json
let enveloped: Json
let presentation: Json

beforeAll(async () => {
  issuerKey = generateKeyPair({ algorithm: 'Ed25519' })
  holderKey = generateKeyPair({ algorithm: 'P-256' })
  credential = await issueCredential(
    {
      '@context': CONTEXT,
      type: ['VerifiableCredential', 'ExampleCredential'],
      issuer: issuerKey.controller,
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: { id: holderKey.controller, name: 'Cell 280 Ah' },
    },
    { key: issuerKey },
  )
  enveloped = (await issueCredential(
    {
      '@context': CONTEXT,
      type: ['VerifiableCredential'],
      issuer: issuerKey.controller,
      credentialSubject: { id: holderKey.controller, name: 'Reader' },
    },
    { key: issuerKey, format: 'vc-jose', envelope: true },
  )) as unknown as Json
  presentation = {
    '@context': [V2],
    type: ['VerifiablePresentation'],
    holder: holderKey.controller,
    verifiableCredential: [credential, enveloped],
  }
})

describe('Data Integrity presentations', () => {
  test('a valid presentation with challenge and domain verifies, with one result per credential', async () => {
    const vp = await issuePresentation(presentation, {
      key: holderKey,
      challenge: CHALLENGE,
      domain: DOMAIN,
    })
    expect(vp.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'ecdsa-rdfc-2019',
      proofPurpose: 'authentication',
      challenge: CHALLENGE,
      domain: DOMAIN,
    })
    const result = await verifyPresentation(vp, { challenge: CHALLENGE, domain: DOMAIN })
    expect(codes(result)).toEqual([])
    expect(result.verified).toBe(true)
    expect(result.format).toBe('data-integrity')
    expect(result.holder).toBe(holderKey.controller)
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ['syntax', 'pass'],
      ['context', 'pass'],
      ['proof', 'pass'],
      ['holder-binding', 'pass'],
      ['credentials', 'pass'],
    ])
    expect(result.credentials.map((c) => [c.verified, c.format])).toEqual([
      [true, 'data-integrity'],
      [true, 'vc-jose'],
    ])
    // Without a challenge or domain asked for, the signed ones are not judged.
    expect((await verifyPresentation(vp)).verified).toBe(true)
  })

  test('a wrong challenge or domain fails the proof check', async () => {
    const vp = await issuePresentation(presentation, {
      key: holderKey,
      challenge: CHALLENGE,
      domain: DOMAIN,
    })
    const wrongChallenge = await verifyPresentation(vp, { challenge: 'other', domain: DOMAIN })
    expect(codes(wrongChallenge)).toEqual(['PRESENTATION_CHALLENGE_MISMATCH'])
    expect(wrongChallenge.errors[0]?.path).toBe('/proof/challenge')
    const wrongDomain = await verifyPresentation(vp, {
      challenge: CHALLENGE,
      domain: 'https://other.example',
    })
    expect(codes(wrongDomain)).toEqual(['PRESENTATION_DOMAIN_MISMATCH'])
    // A proof without a challenge fails when one is asked for.
    const none = await issuePresentation(presentation, { key: holderKey })
    expect(codes(await verifyPresentation(none, { challenge: CHALLENGE }))).toEqual([
      'PRESENTATION_CHALLENGE_MISMATCH',
    ])
  })

  test('a missing proof: a warning alone, an error when a challenge or domain is asked for', async () => {
    const unsigned = await verifyPresentation(presentation)
    expect(unsigned.verified).toBe(true)
    expect(unsigned.checks.find((c) => c.id === 'proof')?.findings.map((f) => f.code)).toEqual([
      'PRESENTATION_UNSIGNED',
    ])
    expect(status(unsigned, 'holder-binding')).toBe('skip')
    const asked = await verifyPresentation(presentation, { challenge: CHALLENGE })
    expect(asked.verified).toBe(false)
    expect(codes(asked)).toEqual(['PROOF_MISSING'])
    expect(codes(await verifyPresentation(presentation, { domain: DOMAIN }))).toEqual([
      'PROOF_MISSING',
    ])
  })

  test('what is verified is what was signed: a changed holder or challenge fails the signature', async () => {
    const vp = await issuePresentation(presentation, { key: holderKey, challenge: CHALLENGE })
    const holder = { ...vp, holder: issuerKey.controller }
    expect(codes(await verifyPresentation(holder))).toContain('PROOF_INVALID')
    const challenge = { ...vp, proof: { ...vp.proof, challenge: 'other' } }
    expect(codes(await verifyPresentation(challenge, { challenge: 'other' }))).toEqual([
      'PROOF_INVALID',
    ])
    const dropped = { ...vp, verifiableCredential: [credential] }
    expect(codes(await verifyPresentation(dropped))).toEqual(['PROOF_INVALID'])
  })

  test('the proof must be the holder’s, for authentication', async () => {
    // Signed by the issuer's key, while the holder is someone else.
    const vp = await issuePresentation(presentation, { key: issuerKey })
    const result = await verifyPresentation(vp)
    expect(codes(result)).toEqual(['HOLDER_KEY_MISMATCH'])
    expect(status(result, 'holder-binding')).toBe('fail')
    // A credential proof (assertionMethod) is not a presentation proof.
    const signed = await issuePresentation(presentation, { key: holderKey })
    const purpose = { ...signed, proof: { ...signed.proof, proofPurpose: 'assertionMethod' } }
    expect(codes(await verifyPresentation(purpose))).toEqual(['PRESENTATION_PROOF_PURPOSE_INVALID'])
    // No holder: the signature is checked, the binding is not asked.
    const { holder: _holder, ...anonymous } = presentation
    const anon = await verifyPresentation(await issuePresentation(anonymous, { key: holderKey }))
    expect(anon.verified).toBe(true)
    expect(status(anon, 'holder-binding')).toBe('skip')
  })

  test('a tampered embedded credential fails inside, with its own result', async () => {
    const tampered = structuredClone(credential)
    ;(tampered.credentialSubject as Json).name = 'Cell 300 Ah'
    const vp = await issuePresentation(
      { ...presentation, verifiableCredential: [enveloped, tampered] },
      { key: holderKey, challenge: CHALLENGE },
    )
    const result = await verifyPresentation(vp, { challenge: CHALLENGE })
    expect(result.verified).toBe(false)
    expect(status(result, 'proof')).toBe('pass')
    expect(codes(result)).toEqual(['CREDENTIAL_NOT_VERIFIED'])
    expect(result.errors[0]?.path).toBe('/verifiableCredential/1')
    expect(result.credentials.map((c) => c.verified)).toEqual([true, false])
    expect(result.credentials[1]?.errors.map((e) => e.code)).toEqual(['PROOF_INVALID'])
  })

  test('malformed presentations: type, holder, credentials that are not objects, too many', async () => {
    const noType = await verifyPresentation({ ...presentation, type: ['VerifiableCredential'] })
    expect(codes(noType)).toContain('PRESENTATION_TYPE_INVALID')
    const holder = await verifyPresentation({ ...presentation, holder: 'not a url' })
    expect(codes(holder)).toContain('HOLDER_INVALID')
    const strings = await verifyPresentation({
      ...presentation,
      verifiableCredential: [credential, 'https://example.org/credential'],
    })
    expect(codes(strings)).toEqual(['PRESENTATION_CREDENTIAL_INVALID', 'CREDENTIAL_NOT_VERIFIED'])
    expect(strings.credentials).toHaveLength(2)
    const many = await verifyPresentation(presentation, { maxCredentials: 1 })
    expect(codes(many)).toEqual(['PRESENTATION_CREDENTIAL_INVALID'])
    expect(many.credentials).toEqual([])
    const noContext = await verifyPresentation({ ...presentation, '@context': undefined })
    expect(codes(noContext)).toContain('CONTEXT_MISSING')
    // A presentation is never unwrapped as a `{ verifiableCredential }` wrapper.
    const { '@context': _c, ...bare } = presentation
    expect(codes(await verifyPresentation(bare))).toContain('FIELD_MISSING')
  })

  test('issuePresentation refuses what could never verify', async () => {
    const refuses = async (vp: unknown, options: unknown, code: CarbonPassportErrorCode) =>
      expect(
        issuePresentation(vp as Json, options as Parameters<typeof issuePresentation>[1]),
      ).rejects.toSatisfy((e) => isCarbonPassportError(e, code))
    await refuses({ ...presentation, type: ['X'] }, { key: holderKey }, 'ERR_CREDENTIAL_MALFORMED')
    await refuses(
      await issuePresentation(presentation, { key: holderKey }),
      { key: holderKey },
      'ERR_CREDENTIAL_MALFORMED',
    )
    await refuses(presentation, { key: holderKey, challenge: 42 }, 'ERR_INVALID_ARGUMENT')
    await refuses(presentation, { key: holderKey, format: 'pdf' }, 'ERR_INVALID_ARGUMENT')
    await refuses(presentation, {}, 'ERR_INVALID_ARGUMENT')
    const { privateKeyJwk: _p, ...publicOnly } = holderKey
    await refuses(presentation, { key: publicOnly }, 'ERR_KEY_INVALID')
  })
})

describe('vp+jwt presentations', () => {
  test('a vp+jwt with nonce and aud verifies; a wrong nonce or aud fails', async () => {
    const jwt = await issuePresentation(presentation, {
      key: holderKey,
      format: 'vc-jose',
      challenge: CHALLENGE,
      domain: DOMAIN,
    })
    const header = JSON.parse(Buffer.from(jwt.split('.')[0] as string, 'base64url').toString())
    expect(header).toMatchObject({ typ: 'vp+jwt', cty: 'vp', alg: 'ES256', kid: holderKey.id })
    const result = await verifyPresentation(jwt, { challenge: CHALLENGE, domain: DOMAIN })
    expect(codes(result)).toEqual([])
    expect(result.format).toBe('vc-jose')
    expect(result.credentials.map((c) => c.verified)).toEqual([true, true])
    expect(codes(await verifyPresentation(jwt, { challenge: 'other' }))).toEqual([
      'PRESENTATION_CHALLENGE_MISMATCH',
    ])
    expect(codes(await verifyPresentation(jwt, { domain: 'https://other.example' }))).toEqual([
      'PRESENTATION_DOMAIN_MISMATCH',
    ])
  })

  test('enveloped presentations (object and data URL) verify; a tampered one does not', async () => {
    const envelope = await issuePresentation(presentation, {
      key: holderKey,
      format: 'vc-jose',
      envelope: true,
    })
    expect(envelope.type).toBe('EnvelopedVerifiablePresentation')
    expect((await verifyPresentation(envelope)).verified).toBe(true)
    expect((await verifyPresentation(envelope.id)).verified).toBe(true)
    const [h, p, s] = envelope.id.slice('data:application/vp+jwt,'.length).split('.')
    const payload = JSON.parse(Buffer.from(p as string, 'base64url').toString())
    payload.holder = issuerKey.controller
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`
    expect(codes(await verifyPresentation(forged))).toContain('PROOF_INVALID')
  })

  test('a vc+jwt is not a presentation', async () => {
    const vcJwt = (await issueCredential(presentation, {
      key: holderKey,
      format: 'vc-jose',
    }).catch(() => undefined)) as string | undefined
    expect(vcJwt).toBeUndefined()
    const credentialJwt = enveloped.id as string
    const result = await verifyPresentation(credentialJwt.slice('data:application/vc+jwt,'.length))
    expect(codes(result)).toEqual(
      expect.arrayContaining(['PRESENTATION_TYPE_INVALID', 'JOSE_TYP_INVALID']),
    )
  })
})

describe('junk', () => {
  test('verifyPresentation never throws and always answers with the result shape', async () => {
    const signed = await issuePresentation(presentation, { key: holderKey })
    const input = fc.oneof(
      hostile,
      fc.jsonValue(),
      fc.constant(signed),
      fc.record({ ...Object.fromEntries(Object.keys(signed).map((k) => [k, fc.jsonValue()])) }),
    )
    const options = fc.oneof(
      fc.constant(undefined),
      hostile,
      fc.record({
        challenge: fc.jsonValue(),
        domain: fc.jsonValue(),
        maxCredentials: fc.jsonValue(),
      }),
    )
    await fc.assert(
      fc.asyncProperty(input, options, async (i, o) => {
        const result = await verifyPresentation(materialize(i), materialize(o) as never)
        expect(typeof result.verified).toBe('boolean')
        expect(result.checks.map((c) => c.id)).toEqual([
          'syntax',
          'context',
          'proof',
          'holder-binding',
          'credentials',
        ])
        expect(Array.isArray(result.credentials) && Array.isArray(result.errors)).toBe(true)
      }),
      { numRuns: fuzzRuns(100) },
    )
  })
})
