/**
 * Bad input: every case must come back `verified: false` with a stable code, and nothing may throw.
 */
import { createHmac, sign as cryptoSign } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { createDocumentLoader } from '../../src/context/loader.js'
import { issueCredential } from '../../src/credential/issue.js'
import { verifyCredential } from '../../src/credential/verify.js'
import { isCarbonPassportError } from '../../src/errors.js'
import { generateKeyPair } from '../../src/keys/generate.js'
import { importKey } from '../../src/keys/import.js'
import { privateKeyObject } from '../../src/keys/key-objects.js'
import type { KeyPair } from '../../src/keys/types.js'
import { issuePassport } from '../../src/passport/issue.js'
import { verifyPassport } from '../../src/passport/verify.js'
import type { VerificationResult } from '../../src/results.js'
import { exampleDidDocuments, exampleKey, validExample } from '../helpers/examples.js'
import { readJsonFile } from '../helpers/files.js'
import { issuerOf, NOW } from './fixtures.js'

type Json = Record<string, unknown>
const example = validExample('lfp-cell-280ah').doc as Json
const issuer = issuerOf(example)
const key = exampleKey(issuer)
const didDocuments = exampleDidDocuments()
const options = { didDocuments, now: NOW }
/** Proofs are signed when the passport became valid: never after the verification clock NOW. */
const created = new Date(String(example.validFrom))
const codes = (r: VerificationResult) => r.errors.map((e) => e.code)
const status = (r: VerificationResult, id: string) => r.checks.find((c) => c.id === id)?.status

let di: Json
let jwt: string

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
/** A compact JWS with any header, signed with the key (or an arbitrary signature). */
function craftJws(
  header: Json,
  payload: Json,
  signer: KeyPair | ((input: string) => string) = key,
): string {
  const input = `${b64(header)}.${b64(payload)}`
  if (typeof signer === 'function') return `${input}.${signer(input)}`
  const signature =
    signer.algorithm === 'Ed25519'
      ? cryptoSign(null, Buffer.from(input), privateKeyObject(signer))
      : cryptoSign('sha256', Buffer.from(input), {
          key: privateKeyObject(signer),
          dsaEncoding: 'ieee-p1363',
        })
  return `${input}.${signature.toString('base64url')}`
}
const header = { alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: key.id }

/** Asserts the verdict is negative with the code, and returns the result. */
async function rejects(
  input: unknown,
  code: string,
  opts: Json = options,
): Promise<VerificationResult> {
  const result = await verifyPassport(input, opts)
  expect(result.verified).toBe(false)
  expect(codes(result)).toContain(code)
  return result
}

beforeAll(async () => {
  di = await issuePassport(example, { key, created })
  jwt = await issuePassport(example, { key, format: 'vc-jose' })
})

describe('good passports verify', () => {
  test('Data Integrity and vc+jwt, as object, text, envelope and {verifiableCredential}', async () => {
    const envelope = await issuePassport(example, { key, format: 'vc-jose', envelope: true })
    for (const input of [
      di,
      JSON.stringify(di),
      jwt,
      envelope,
      { verifiableCredential: envelope },
      { verifiableCredential: jwt },
    ]) {
      const result = await verifyPassport(input, options)
      expect(codes(result)).toEqual([])
      expect(result.verified).toBe(true)
      expect(result.issuer).toBe(issuer)
      expect(result.checks.map((c) => c.id)).toEqual([
        'syntax',
        'context',
        'proof',
        'issuer-binding',
        'validity',
        'status',
        'issuer-trust',
        'schema',
        'conformance',
      ])
      expect(result.conformance?.conforms).toBe(true)
    }
  })

  test('the format is reported', async () => {
    expect((await verifyPassport(di, options)).format).toBe('data-integrity')
    expect((await verifyPassport(jwt, options)).format).toBe('vc-jose')
  })

  test('trusted issuers: listed passes, unlisted fails with ISSUER_NOT_TRUSTED', async () => {
    expect(
      status(await verifyPassport(di, { ...options, trustedIssuers: [issuer] }), 'issuer-trust'),
    ).toBe('pass')
    await rejects(di, 'ISSUER_NOT_TRUSTED', {
      ...options,
      trustedIssuers: ['did:web:other.example'],
    })
  })

  test('a caller-supplied resolveDid is used for DIDs not supplied', async () => {
    const resolveDid = async (did: string) => didDocuments.find((d) => d.id === did)
    expect((await verifyPassport(jwt, { now: NOW, resolveDid })).verified).toBe(true)
    const failing = async () => {
      throw new Error('network down')
    }
    await rejects(jwt, 'KEY_NOT_RESOLVED', { now: NOW, resolveDid: failing })
  })
})

describe('keys and issuers', () => {
  test('a wrong key under the issuer’s key id: PROOF_INVALID', async () => {
    const wrong = { ...generateKeyPair(), id: key.id, controller: issuer }
    await rejects(await issuePassport(example, { key: wrong }), 'PROOF_INVALID')
    await rejects(await issuePassport(example, { key: wrong, format: 'vc-jose' }), 'PROOF_INVALID')
  })

  test('an issuer that does not control the key: ISSUER_KEY_MISMATCH, and issuePassport refuses', async () => {
    const other = generateKeyPair()
    const r = await rejects(
      await issueCredential(example, { key: other, created }),
      'ISSUER_KEY_MISMATCH',
    )
    expect(status(r, 'proof')).toBe('pass')
    await rejects(
      await issueCredential(example, { key: other, format: 'vc-jose' }),
      'ISSUER_KEY_MISMATCH',
    )
    await expect(issuePassport(example, { key: other })).rejects.toSatisfy((e) =>
      isCarbonPassportError(e, 'ERR_KEY_NOT_CONTROLLED_BY_ISSUER'),
    )
  })

  test('a key not listed under assertionMethod: KEY_NOT_AUTHORIZED', async () => {
    const docs = didDocuments.map((d) => (d.id === issuer ? { ...d, assertionMethod: [] } : d))
    await rejects(di, 'KEY_NOT_AUTHORIZED', { didDocuments: docs, now: NOW })
  })

  test('no DID document for a did:web: KEY_NOT_RESOLVED', async () => {
    await rejects(di, 'KEY_NOT_RESOLVED', { now: NOW })
    await rejects(jwt, 'KEY_NOT_RESOLVED', { now: NOW })
  })

  test('a P-256 key cannot carry an eddsa proof: KEY_TYPE_MISMATCH', async () => {
    const signed = structuredClone(di)
    ;(signed.proof as Json).cryptosuite = 'ecdsa-rdfc-2019'
    await rejects(signed, 'KEY_TYPE_MISMATCH')
  })
})

describe('dates', () => {
  test('expired: EXPIRED', async () => {
    const passport = { ...example, validUntil: '2026-06-01T00:00:00Z' }
    await rejects(await issuePassport(passport, { key }), 'EXPIRED')
    await rejects(await issuePassport(passport, { key, format: 'vc-jose' }), 'EXPIRED')
  })

  test('not yet valid: NOT_YET_VALID (clock skew honoured)', async () => {
    await rejects(di, 'NOT_YET_VALID', { ...options, now: new Date('2026-01-01T00:00:00Z') })
    const justBefore = new Date(Date.parse(String(example.validFrom)) - 60_000)
    expect((await verifyPassport(di, { ...options, now: justBefore })).verified).toBe(true)
    await rejects(di, 'NOT_YET_VALID', { ...options, now: justBefore, maxClockSkew: 0 })
  })

  test('a JWT exp in the past: EXPIRED', async () => {
    await rejects(
      craftJws(header, { ...example, exp: Math.floor(NOW.getTime() / 1000) - 3600 }),
      'EXPIRED',
    )
  })
})

describe('vc+jwt envelope', () => {
  test('alg none: JOSE_ALG_NOT_ALLOWED', async () => {
    await rejects(
      craftJws({ ...header, alg: 'none' }, example, () => ''),
      'JOSE_ALG_NOT_ALLOWED',
    )
  })

  test('HS256 with the public key as the secret: JOSE_ALG_NOT_ALLOWED', async () => {
    const secrets = [key.publicKeyJwk.x, JSON.stringify(key.publicKeyJwk), key.publicKeyMultibase]
    for (const secret of secrets) {
      const forged = craftJws({ ...header, alg: 'HS256' }, example, (input) =>
        createHmac('sha256', secret).update(input).digest('base64url'),
      )
      await rejects(forged, 'JOSE_ALG_NOT_ALLOWED')
    }
  })

  test('missing or wrong typ: JOSE_TYP_INVALID', async () => {
    const { typ: _t, ...noTyp } = header
    await rejects(craftJws(noTyp, example), 'JOSE_TYP_INVALID')
    await rejects(craftJws({ ...header, typ: 'JWT' }, example), 'JOSE_TYP_INVALID')
    await rejects(craftJws({ ...header, typ: 'vp+jwt' }, example), 'JOSE_TYP_INVALID')
  })

  test('vc and vp claims: JOSE_CLAIM_FORBIDDEN', async () => {
    await rejects(craftJws(header, { ...example, vc: example }), 'JOSE_CLAIM_FORBIDDEN')
    await rejects(craftJws(header, { ...example, vp: {} }), 'JOSE_CLAIM_FORBIDDEN')
  })

  test('iss that differs from issuer: JOSE_CLAIM_CONFLICT', async () => {
    await rejects(
      craftJws(header, { ...example, iss: 'did:web:evil.example' }),
      'JOSE_CLAIM_CONFLICT',
    )
    expect(
      (await verifyPassport(craftJws(header, { ...example, iss: issuer }), options)).verified,
    ).toBe(true)
  })

  test('a crit header and a missing kid are refused', async () => {
    await rejects(
      craftJws({ ...header, crit: ['b64'], b64: false }, example),
      'JOSE_CRIT_UNSUPPORTED',
    )
    const { kid: _k, ...noKid } = header
    await rejects(craftJws(noKid, example), 'JOSE_KID_MISSING')
  })

  test('a changed payload: PROOF_INVALID', async () => {
    const [h, , s] = jwt.split('.')
    await rejects(
      `${h}.${b64({ ...example, validFrom: '2026-03-02T00:00:00Z' })}.${s}`,
      'PROOF_INVALID',
    )
  })

  test('a mangled JWS: JWS_MALFORMED', async () => {
    await rejects(`${jwt.split('.')[0]}.%%%.x`, 'MALFORMED_JSON')
    await rejects(`eyJhbGciOiJFZERTQSJ9.bm90IGpzb24.AAAA`, 'JWS_MALFORMED')
  })
})

describe('contexts and terms', () => {
  const resign = (change: (c: Json) => void) => {
    const copy = structuredClone(di)
    change(copy)
    return copy
  }

  test('an unknown or remote context: CONTEXT_UNKNOWN (credential), CONTEXT_NOT_ALLOWED (passport)', async () => {
    const remote = resign((c) => {
      ;(c['@context'] as unknown[]).push('https://evil.example/context.jsonld')
    })
    const r = await verifyCredential(remote, options)
    expect(r.verified).toBe(false)
    expect(codes(r)).toContain('CONTEXT_UNKNOWN')
    await rejects(remote, 'CONTEXT_NOT_ALLOWED')
  })

  test('an inline context, top level or nested: CONTEXT_INLINE', async () => {
    await rejects(
      resign((c) => {
        ;(c['@context'] as unknown[]).push({ extra: 'urn:x:extra' })
      }),
      'CONTEXT_INLINE',
    )
    const nested = resign((c) => {
      ;(c.credentialSubject as Json)['@context'] = { pcf: 'urn:x:pcf' }
    })
    await rejects(nested, 'CONTEXT_INLINE')
    const r = await verifyCredential(nested, options)
    expect(codes(r)).toContain('CONTEXT_INLINE')
  })

  test('an undefined term added after signing: JSONLD_KEY_NOT_A_TERM, and safe mode refuses it (Data Integrity)', async () => {
    const added = resign((c) => {
      ;(c.credentialSubject as Json).unsignedClaim = 'added later'
    })
    const r = await verifyCredential(added, options)
    expect(r.verified).toBe(false)
    expect(codes(r)).toEqual(expect.arrayContaining(['JSONLD_KEY_NOT_A_TERM', 'UNDEFINED_TERM']))
    expect(r.errors.find((e) => e.code === 'JSONLD_KEY_NOT_A_TERM')?.path).toBe(
      '/credentialSubject/unsignedClaim',
    )
    await rejects(added, 'UNDEFINED_TERM')
  })

  test('an undefined term in a vc+jwt passport: UNKNOWN_PROPERTY, an error in the schema check (the JWS signs the bytes, the schema closes the terms)', async () => {
    const extra = {
      ...example,
      credentialSubject: { ...(example.credentialSubject as Json), unsignedClaim: 'x' },
    }
    const r = await rejects(craftJws(header, extra), 'UNKNOWN_PROPERTY')
    expect(r.errors.filter((e) => e.code === 'UNKNOWN_PROPERTY')).toMatchObject([
      { path: '/credentialSubject/unsignedClaim', severity: 'error' },
    ])
    expect(r.checks.find((c) => c.id === 'schema')?.status).toBe('fail')
    // In the conformance report it stays what checkConformance says: a warning.
    expect(r.conformance?.findings.find((f) => f.code === 'UNKNOWN_PROPERTY')?.severity).toBe(
      'warning',
    )
    // No JSON-LD reading of a vc+jwt: its bytes are what is signed and what the checks read.
    expect(r.checks.find((c) => c.id === 'context')?.status).toBe('pass')
  })

  test('the undefined-terms context: CONTEXT_NOT_ALLOWED, and it cannot be issued', async () => {
    const undefinedTerms = 'https://www.w3.org/ns/credentials/undefined-terms/v2'
    await rejects(
      resign((c) => {
        ;(c['@context'] as unknown[]).push(undefinedTerms)
      }),
      'CONTEXT_NOT_ALLOWED',
    )
    const r = await verifyCredential(
      resign((c) => {
        ;(c['@context'] as unknown[]).push(undefinedTerms)
      }),
      options,
    )
    expect(codes(r)).toContain('CONTEXT_NOT_ALLOWED')
    const generic = {
      ...example,
      '@context': [...(example['@context'] as string[]), undefinedTerms],
    }
    await expect(issueCredential(generic, { key })).rejects.toSatisfy((e) =>
      isCarbonPassportError(e, 'ERR_CREDENTIAL_MALFORMED'),
    )
    await rejects(craftJws(header, generic), 'CONTEXT_NOT_ALLOWED')
  })

  test('a protected term redefined inline: CONTEXT_PROTECTED_TERM (inline contexts are otherwise allowed)', async () => {
    const r = await verifyCredential(
      resign((c) => {
        ;(c['@context'] as unknown[]).push({ pcfExcludingBiogenicUptake: 'urn:x:other' })
      }),
      options,
    )
    expect(r.verified).toBe(false)
    expect(codes(r)).toContain('CONTEXT_PROTECTED_TERM')
  })

  test('no proof: PROOF_MISSING; a bad proof shape: PROOF_MALFORMED, PROOF_PURPOSE_INVALID, PROOF_CRYPTOSUITE_UNSUPPORTED', async () => {
    const { proof: _p, ...unsigned } = di
    await rejects(unsigned, 'PROOF_MISSING')
    await rejects(
      resign((c) => {
        delete (c.proof as Json).proofValue
      }),
      'PROOF_MALFORMED',
    )
    await rejects(
      resign((c) => {
        ;(c.proof as Json).proofPurpose = 'authentication'
      }),
      'PROOF_PURPOSE_INVALID',
    )
    await rejects(
      resign((c) => {
        ;(c.proof as Json).cryptosuite = 'eddsa-jcs-2022'
      }),
      'PROOF_CRYPTOSUITE_UNSUPPORTED',
    )
  })
})

describe('input caps and shapes', () => {
  test('oversized input (default 1 MiB, configurable): INPUT_TOO_LARGE', async () => {
    const big = { ...di, padding: 'x'.repeat(1024 * 1024) }
    await rejects(big, 'INPUT_TOO_LARGE')
    await rejects(JSON.stringify(big), 'INPUT_TOO_LARGE')
    await rejects(di, 'INPUT_TOO_LARGE', { ...options, maxBytes: 1000 })
    await rejects(jwt, 'INPUT_TOO_LARGE', { ...options, maxBytes: 1000 })
  })

  test('too deep nesting: INPUT_TOO_DEEP (objects, text and JWS payloads)', async () => {
    let deep: unknown = 'leaf'
    for (let i = 0; i < 200; i++) deep = { n: deep }
    await rejects({ ...di, deep }, 'INPUT_TOO_DEEP')
    await rejects(`{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'INPUT_TOO_DEEP')
    await rejects(craftJws(header, { ...example, deep }), 'INPUT_TOO_DEEP')
    await rejects(di, 'INPUT_TOO_DEEP', { ...options, maxDepth: 3 })
  })

  test('malformed JSON: MALFORMED_JSON; non-objects: NOT_AN_OBJECT', async () => {
    await rejects('{"@context": [', 'MALFORMED_JSON')
    for (const input of [42, null, undefined, [di], 'true', '"text"', true]) {
      const r = await verifyPassport(input, options)
      expect(r.verified).toBe(false)
      expect(r.format).toBeUndefined()
      expect(codes(r)).toContain('NOT_AN_OBJECT')
    }
  })

  test('a cyclic object does not throw', async () => {
    const cyclic: Json = { ...di }
    cyclic.self = cyclic
    const r = await verifyPassport(cyclic, options)
    expect(r.verified).toBe(false)
    expect(codes(r)).toContain('INPUT_TOO_DEEP')
  })

  test('a poison graph for canonicalization fails fast with CANONICALIZATION_LIMIT', async () => {
    const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2'
    const documentLoader = createDocumentLoader({
      contexts: {
        [EXAMPLES_V2]: readJsonFile('test/fixtures/vectors/credentials-examples-v2.json'),
      },
    })
    const other = generateKeyPair()
    const base = {
      '@context': ['https://www.w3.org/ns/credentials/v2', EXAMPLES_V2],
      type: ['VerifiableCredential'],
      issuer: other.controller,
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:s', name: 'poison' },
    }
    const signed = await issueCredential(base, { key: other, documentLoader })
    const n = 16
    const nodes = Array.from({ length: n }, (_, i) => ({
      id: `_:b${i}`,
      knows: Array.from({ length: n }, (_, j) => ({ id: `_:b${j}` })).filter((_, j) => j !== i),
    }))
    const poisoned = {
      ...signed,
      credentialSubject: { id: 'did:example:s', name: 'poison', knows: nodes },
    }
    const started = performance.now()
    const r = await verifyCredential(poisoned, { documentLoader, now: NOW })
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(r.verified).toBe(false)
    expect(codes(r)).toContain('CANONICALIZATION_LIMIT')
    await expect(
      issueCredential(
        { ...base, credentialSubject: poisoned.credentialSubject },
        { key: other, documentLoader },
      ),
    ).rejects.toSatisfy(
      // A cycle of blank nodes needs blank-node ids, which are not compacted form: refused before
      // any canonicalization.
      (e) =>
        isCarbonPassportError(e, 'ERR_CREDENTIAL_MALFORMED') &&
        (((e.details as Json | undefined)?.findings ?? []) as Json[]).some(
          (f) =>
            f.code === 'JSONLD_VALUE_NOT_COMPACT' && f.path === '/credentialSubject/knows/0/id',
        ),
    )
  })
})

describe('issuing refuses malformed credentials with ERR_CREDENTIAL_MALFORMED', () => {
  const base = () => ({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential'],
    issuer: 'did:example:issuer',
    credentialSubject: { id: 'did:example:subject' },
  })
  test.each([
    [
      'credentialSchema without type',
      { credentialSchema: { id: 'https://example.org/s.json' } },
      'TYPE_REQUIRED',
    ],
    [
      'credentialStatus without type',
      { credentialStatus: { id: 'https://example.org/status#1' } },
      'TYPE_REQUIRED',
    ],
    [
      'refreshService without type',
      { refreshService: { id: 'https://example.org/refresh' } },
      'TYPE_REQUIRED',
    ],
    [
      'relatedResource without digest',
      { relatedResource: [{ id: 'https://example.org/r' }] },
      'RELATED_RESOURCE_INVALID',
    ],
    [
      'relatedResource repeated',
      {
        relatedResource: [
          { id: 'https://example.org/r', digestSRI: 'sha384-AAAA' },
          { id: 'https://example.org/r', digestSRI: 'sha384-AAAA' },
        ],
      },
      'RELATED_RESOURCE_INVALID',
    ],
    [
      'validUntil before validFrom',
      { validFrom: '2026-01-02T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' },
      'VALIDITY_RANGE_INVALID',
    ],
    ['a date without time zone', { validFrom: '2026-01-02T00:00:00' }, 'DATE_INVALID'],
    ['no VerifiableCredential type', { type: ['Other'] }, 'TYPE_INVALID'],
    ['no issuer', { issuer: undefined }, 'FIELD_MISSING'],
    [
      'a VC 1.1 context without issuanceDate',
      { '@context': ['https://www.w3.org/2018/credentials/v1'] },
      'FIELD_MISSING',
    ],
    ['an already signed credential', { proof: { type: 'DataIntegrityProof' } }, 'ALREADY_SIGNED'],
  ])('%s', async (_name, change, code) => {
    const credential = { ...base(), ...change }
    for (const format of ['data-integrity', 'vc-jose'] as const) {
      const attempt = issueCredential(credential as Json, { key: generateKeyPair(), format })
      await expect(attempt).rejects.toSatisfy(
        (e) =>
          isCarbonPassportError(e, 'ERR_CREDENTIAL_MALFORMED') &&
          ((e.details?.findings ?? []) as { code: string }[]).some((f) => f.code === code),
      )
    }
  })

  test('a well-formed credential is signed even when its issuer does not control the key', async () => {
    const signed = await issueCredential(base(), { key: generateKeyPair() })
    expect(signed.proof.cryptosuite).toBe('eddsa-rdfc-2022')
  })

  test('a key without its private part cannot sign; a cryptosuite must fit the key', async () => {
    const pub = importKey({ publicKeyMultibase: key.publicKeyMultibase })
    await expect(issueCredential(base(), { key: pub })).rejects.toSatisfy((e) =>
      isCarbonPassportError(e, 'ERR_KEY_INVALID'),
    )
    await expect(
      issueCredential(base(), { key, cryptosuite: 'ecdsa-rdfc-2019' }),
    ).rejects.toSatisfy((e) => isCarbonPassportError(e, 'ERR_KEY_INVALID'))
  })

  test('issuePassport refuses a passport that fails the schema or the context allow-list', async () => {
    const noFootprint = structuredClone(example)
    delete (noFootprint.credentialSubject as Json).footprint
    await expect(issuePassport(noFootprint, { key })).rejects.toSatisfy((e) =>
      isCarbonPassportError(e, 'ERR_PASSPORT_INVALID'),
    )
    const extraContext = {
      ...example,
      '@context': [
        ...(example['@context'] as string[]),
        'https://w3id.org/security/data-integrity/v2',
      ],
    }
    await expect(issuePassport(extraContext, { key })).rejects.toSatisfy((e) =>
      isCarbonPassportError(e, 'ERR_PASSPORT_INVALID'),
    )
  })
})

describe('skipChecks', () => {
  test('schema and conformance can be skipped; the security checks still run', async () => {
    const r = await verifyPassport(jwt, { ...options, skipChecks: ['schema', 'conformance'] })
    expect(r.verified).toBe(true)
    expect(r.checks.filter((c) => c.status === 'skip').map((c) => c.id)).toEqual([
      'status',
      'issuer-trust',
      'schema',
      'conformance',
    ])
    expect(r.conformance).toBeUndefined()
    const [h, , s] = jwt.split('.')
    const forged = `${h}.${b64({ ...example, validFrom: '2026-03-02T00:00:00Z' })}.${s}`
    await rejects(forged, 'PROOF_INVALID', { ...options, skipChecks: ['schema', 'conformance'] })
  })
})
