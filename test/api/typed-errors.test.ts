/**
 * Issue 7 §4: misuse of the public API ends in a CarbonPassportError with a code, never a raw
 * TypeError or RangeError; and the functions that judge untrusted input never throw at all.
 * Each case here was a reproduction of an untyped throw before the fix.
 */
import { describe, expect, it } from 'vitest'
import {
  type CarbonPassportErrorCode,
  checkConformance,
  createDidDocument,
  createDocumentLoader,
  createStatusList,
  formatFinding,
  formatReport,
  generateKeyPair,
  isCarbonPassportError,
  isSupportedDidKey,
  issueCredential,
  issuePassport,
  setStatus,
  statusLabel,
  toVerificationMethod,
  verifyCredential,
  verifyPassport,
} from '../../src/index.js'
import { NOW } from '../credential/fixtures.js'
import { validExample } from '../helpers/examples.js'
import {
  cyclic,
  deep,
  hostileProxy,
  outcome,
  revokedProxy,
  throwingGetters,
  undescribable,
  untypedReason,
} from '../helpers/hostile.js'

const passport = validExample('lfp-cell-280ah').doc
const issuer = (passport.issuer as { id: string }).id
const key = generateKeyPair({ controller: issuer, id: `${issuer}#key-1` })

async function codeOf(call: () => unknown): Promise<string> {
  const result = await outcome(call)
  if (!result.threw) return 'DID NOT THROW'
  const reason = untypedReason(result.error)
  return reason ?? (result.error as { code: string }).code
}

describe('issuePassport / issueCredential refuse what is not JSON', () => {
  const cases: [string, () => Record<string, unknown>][] = [
    ['a cycle', () => ({ ...structuredClone(passport), extra: cyclic() })],
    [
      'a BigInt',
      () => {
        const p = structuredClone(passport)
        ;(p.credentialSubject as Record<string, unknown>).x = 1n
        return p
      },
    ],
    ['10,000 levels', () => ({ ...structuredClone(passport), extra: deep() })],
    ['a function', () => ({ ...structuredClone(passport), extra: () => 1 })],
    ['NaN', () => ({ ...structuredClone(passport), extra: Number.NaN })],
  ]
  it.each(cases)(
    '%s: ERR_CREDENTIAL_MALFORMED, for both formats and both functions',
    async (_, make) => {
      for (const format of ['data-integrity', 'vc-jose'] as const) {
        expect(await codeOf(() => issuePassport(make(), { key, format }))).toBe(
          'ERR_CREDENTIAL_MALFORMED',
        )
        expect(await codeOf(() => issueCredential(make(), { key, format }))).toBe(
          'ERR_CREDENTIAL_MALFORMED',
        )
      }
    },
  )

  it('says where the offending value is', async () => {
    const p = structuredClone(passport)
    ;(p.credentialSubject as Record<string, unknown>).x = 1n
    const result = await outcome(() => issuePassport(p, { key }))
    expect(result.threw && (result.error as { details?: unknown }).details).toMatchObject({
      path: '/credentialSubject/x',
    })
  })
})

describe('issue options are checked before any work', () => {
  const cases: [string, unknown, CarbonPassportErrorCode][] = [
    ['null options', null, 'ERR_INVALID_ARGUMENT'],
    ['a string as created', { key, created: '2026-01-01' }, 'ERR_INVALID_ARGUMENT'],
    ['an invalid Date as created', { key, created: new Date('x') }, 'ERR_INVALID_ARGUMENT'],
    ['an unknown format', { key, format: 'pdf' }, 'ERR_INVALID_ARGUMENT'],
    [
      'a documentLoader that is not a function',
      { key, documentLoader: 42 },
      'ERR_INVALID_ARGUMENT',
    ],
    ['a throwing getter', throwingGetters(['key']), 'ERR_INVALID_ARGUMENT'],
    ['a hostile Proxy', hostileProxy(), 'ERR_INVALID_ARGUMENT'],
    ['a key that is junk', { key: 42 }, 'ERR_KEY_INVALID'],
  ]
  it.each(cases)('%s', async (_, options, code) => {
    expect(await codeOf(() => issuePassport(structuredClone(passport), options as never))).toBe(
      code,
    )
    expect(await codeOf(() => issueCredential(structuredClone(passport), options as never))).toBe(
      code,
    )
  })

  it('a hostile Proxy or revoked Proxy as the credential is malformed, not a TypeError', async () => {
    for (const credential of [hostileProxy(), revokedProxy(), hostileProxy(undescribable)]) {
      expect(await codeOf(() => issuePassport(credential, { key }))).toBe(
        'ERR_CREDENTIAL_MALFORMED',
      )
    }
  })
})

describe('verifyPassport and verifyCredential never throw', () => {
  const hostileOptions: [string, () => unknown][] = [
    ['a throwing getter', () => throwingGetters(['now', 'profiles', 'didDocuments'])],
    ['a getter throwing something undescribable', () => throwingGetters(['now'], undescribable)],
    ['a hostile Proxy', () => hostileProxy()],
    ['a revoked Proxy', revokedProxy],
  ]
  it.each(hostileOptions)('%s in the options: a result with INTERNAL_ERROR', async (_, make) => {
    const normal = await verifyPassport(passport, { now: NOW })
    const result = await outcome(() => verifyPassport(passport, make() as never))
    expect(result.threw).toBe(false)
    const value = (result as { value: Awaited<ReturnType<typeof verifyPassport>> }).value
    expect(value.verified).toBe(false)
    expect(value.errors.map((e) => e.code)).toEqual(['INTERNAL_ERROR'])
    // The same checks, in the same order, as any other result.
    expect(value.checks.map((c) => c.id)).toEqual(normal.checks.map((c) => c.id))

    const generic = await outcome(() => verifyCredential(passport, make() as never))
    expect(generic.threw).toBe(false)
    expect((generic as { value: { verified: boolean } }).value.verified).toBe(false)
  })

  it('hostile input is a negative verdict', async () => {
    for (const input of [hostileProxy(), revokedProxy(), hostileProxy(undescribable), cyclic()]) {
      for (const verify of [verifyPassport, verifyCredential]) {
        const result = await outcome(() => verify(input))
        expect(result.threw).toBe(false)
        expect((result as { value: { verified: boolean } }).value.verified).toBe(false)
      }
    }
  })
})

describe('checkConformance', () => {
  it('never throws on hostile input', () => {
    for (const input of [hostileProxy(), revokedProxy(), hostileProxy(undescribable), deep()]) {
      expect(checkConformance(input).conforms).toBe(false)
    }
  })

  it('hostile options are misuse: ERR_INVALID_ARGUMENT, not the getter’s own error', async () => {
    for (const options of [throwingGetters(['profiles']), hostileProxy(), revokedProxy()]) {
      expect(await codeOf(() => checkConformance(passport, options as never))).toBe(
        'ERR_INVALID_ARGUMENT',
      )
    }
  })
})

describe('small functions refuse junk with ERR_INVALID_ARGUMENT', () => {
  const cases: [string, () => unknown][] = [
    ['createDocumentLoader(null)', () => createDocumentLoader(null as never)],
    ['createDocumentLoader({ contexts: 5 })', () => createDocumentLoader({ contexts: 5 as never })],
    [
      'createDocumentLoader({ didDocuments: {} })',
      () => createDocumentLoader({ didDocuments: {} as never }),
    ],
    [
      'createDocumentLoader with a function in a context',
      () => createDocumentLoader({ contexts: { 'https://x.example/c': { f: () => 1 } } }),
    ],
    [
      'createDocumentLoader with a throwing getter',
      () => createDocumentLoader(throwingGetters(['contexts']) as never),
    ],
    ['createDidDocument(key, null)', () => createDidDocument(key, null as never)],
    ['createDidDocument(key, { type: "X" })', () => createDidDocument(key, { type: 'X' as never })],
    ['toVerificationMethod(key, "X")', () => toVerificationMethod(key, 'X' as never)],
    ['generateKeyPair(null)', () => generateKeyPair(null as never)],
    ['generateKeyPair({ controller: 5 })', () => generateKeyPair({ controller: 5 as never })],
    ['formatReport(null)', () => formatReport(null as never)],
    ['formatFinding(null)', () => formatFinding(null as never)],
    ['statusLabel(null)', () => statusLabel(null as never)],
    [
      'setStatus(list, 1, true, null)',
      async () =>
        setStatus(
          await createStatusList({ id: 'https://x.example/list', issuer }),
          1,
          true,
          null as never,
        ),
    ],
    [
      'createStatusList with a string validFrom',
      () =>
        createStatusList({
          id: 'https://x.example/list',
          issuer,
          validFrom: '2026-01-01' as never,
        }),
    ],
  ]
  it.each(cases)('%s', async (_, call) => {
    expect(await codeOf(call)).toBe('ERR_INVALID_ARGUMENT')
  })
})

describe('what is not a key is ERR_KEY_INVALID', () => {
  const cases: [string, () => unknown][] = [
    ['createDidDocument([null])', () => createDidDocument([null] as never)],
    ['createDidDocument(proxy)', () => createDidDocument(hostileProxy() as never)],
    ['toVerificationMethod(null)', () => toVerificationMethod(null as never)],
    ['toVerificationMethod({})', () => toVerificationMethod({} as never)],
  ]
  it.each(cases)('%s', async (_, call) => {
    expect(await codeOf(call)).toBe('ERR_KEY_INVALID')
  })
})

describe('predicates answer false instead of throwing', () => {
  it('isCarbonPassportError on a Proxy whose getPrototypeOf throws', () => {
    expect(isCarbonPassportError(hostileProxy())).toBe(false)
    expect(isCarbonPassportError(revokedProxy())).toBe(false)
  })

  it('isSupportedDidKey on a Symbol or an object', () => {
    expect(isSupportedDidKey(Symbol('x') as never)).toBe(false)
    expect(isSupportedDidKey(hostileProxy() as never)).toBe(false)
  })
})
