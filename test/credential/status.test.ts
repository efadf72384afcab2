import { gzipSync } from 'node:zlib'
import { createList, decodeList } from '@digitalbazaar/vc-bitstring-status-list'
import fc from 'fast-check'
import { beforeAll, describe, expect, test } from 'vitest'
import { STATUS_REUSE_MS, statusFindings } from '../../src/credential/checks/status.js'
import { issueCredential } from '../../src/credential/issue.js'
import {
  createStatusEntry,
  createStatusList,
  decodeStatusList,
  MAX_ENCODED_STATUS_LIST_LENGTH,
  MAX_STATUS_LIST_LENGTH,
  MIN_STATUS_LIST_LENGTH,
  setStatus,
  statusBit,
} from '../../src/credential/status.js'
import { verifyCredential } from '../../src/credential/verify.js'
import { isCarbonPassportError } from '../../src/errors.js'
import { generateKeyPair } from '../../src/keys/generate.js'
import { issuePassport } from '../../src/passport/issue.js'
import { verifyPassport } from '../../src/passport/verify.js'
import type { VerificationResult } from '../../src/results.js'
import { exampleDidDocuments, exampleKey, validExample } from '../helpers/examples.js'
import { issuerOf, NOW } from './fixtures.js'

type Json = Record<string, unknown>
const example = validExample('ups-battery-module').doc as Json
const issuer = issuerOf(example)
const key = exampleKey(issuer)
const LIST = 'https://passports.voltguard-ups.example/status/1'
const codes = (r: VerificationResult) => r.errors.map((e) => e.code)
const statusCheck = (r: VerificationResult) => r.checks.find((c) => c.id === 'status')
const options = { didDocuments: exampleDidDocuments(), now: NOW }
/** When everything here is signed: before NOW (a proof is never created after the clock). */
const SIGNED = new Date(NOW.getTime() - 86_400_000)

let list: Json
let passport: Json
beforeAll(async () => {
  list = await issueCredential(
    (await createStatusList({
      id: LIST,
      issuer,
      validFrom: new Date('2026-01-01T00:00:00Z'),
    })) as unknown as Json,
    { key, created: SIGNED },
  )
  passport = await issuePassport(
    { ...example, credentialStatus: createStatusEntry({ statusListCredential: LIST, index: 42 }) },
    { key, created: SIGNED },
  )
})

describe('Bitstring Status List', () => {
  test('a cleared bit passes the status check', async () => {
    const r = await verifyPassport(passport, { ...options, statusLists: [list] })
    expect(codes(r)).toEqual([])
    expect(statusCheck(r)?.status).toBe('pass')
  })

  test('revoked: REVOKED, with the list signed as Data Integrity or vc+jwt', async () => {
    const revoked = await setStatus(list, 42, true, { validFrom: new Date('2026-02-01T00:00:00Z') })
    for (const format of ['data-integrity', 'vc-jose'] as const) {
      const signedList = await issueCredential(revoked as unknown as Json, {
        key,
        format,
        created: SIGNED,
      })
      const r = await verifyPassport(passport, { ...options, statusLists: [signedList] })
      expect(r.verified).toBe(false)
      expect(codes(r)).toEqual(['REVOKED'])
    }
    // another index stays valid
    const other = await issuePassport(
      {
        ...example,
        credentialStatus: createStatusEntry({ statusListCredential: LIST, index: 43 }),
      },
      { key, created: SIGNED },
    )
    const signedList = await issueCredential(revoked as unknown as Json, { key, created: SIGNED })
    expect((await verifyPassport(other, { ...options, statusLists: [signedList] })).verified).toBe(
      true,
    )
  })

  test('suspended: SUSPENDED', async () => {
    const suspensionList = 'https://passports.voltguard-ups.example/status/s1'
    const created = await createStatusList({
      id: suspensionList,
      issuer,
      statusPurpose: 'suspension',
      validFrom: new Date('2026-01-01T00:00:00Z'),
    })
    const signedList = await issueCredential(
      (await setStatus(created, 7, true, {
        validFrom: new Date('2026-01-01T00:00:00Z'),
      })) as unknown as Json,
      { key, created: SIGNED },
    )
    const p = await issuePassport(
      {
        ...example,
        credentialStatus: createStatusEntry({
          statusListCredential: suspensionList,
          index: 7,
          statusPurpose: 'suspension',
        }),
      },
      { key, created: SIGNED },
    )
    expect(codes(await verifyPassport(p, { ...options, statusLists: [signedList] }))).toEqual([
      'SUSPENDED',
    ])
  })

  test('a referenced list that is not supplied: STATUS_LIST_MISSING (no fetch, no crash)', async () => {
    const r = await verifyPassport(passport, options)
    expect(r.verified).toBe(false)
    expect(codes(r)).toEqual(['STATUS_LIST_MISSING'])
  })

  test('a numeric statusListIndex is accepted with a STATUS_INDEX_NUMERIC warning', async () => {
    const entry = {
      ...createStatusEntry({ statusListCredential: LIST, index: 42 }),
      statusListIndex: 42,
    }
    const p = await issueCredential(
      { ...example, credentialStatus: entry },
      { key, created: SIGNED },
    )
    const r = await verifyPassport(p, { ...options, statusLists: [list] })
    expect(r.verified).toBe(true)
    expect(statusCheck(r)?.findings.map((f) => [f.code, f.severity])).toEqual([
      ['STATUS_INDEX_NUMERIC', 'warning'],
    ])
  })

  test('a list from another issuer, a tampered list, or an index outside the list: rejected', async () => {
    const stranger = generateKeyPair()
    const foreign = await issueCredential(
      (await createStatusList({
        id: LIST,
        issuer: stranger.controller,
        validFrom: new Date('2026-01-01T00:00:00Z'),
      })) as unknown as Json,
      { key: stranger, created: SIGNED },
    )
    expect(codes(await verifyPassport(passport, { ...options, statusLists: [foreign] }))).toEqual([
      'STATUS_LIST_INVALID',
    ])

    const tampered = structuredClone(list)
    const revokedSubject = ((await setStatus(list, 42, true)) as unknown as Json).credentialSubject
    tampered.credentialSubject = revokedSubject
    expect(codes(await verifyPassport(passport, { ...options, statusLists: [tampered] }))).toEqual([
      'STATUS_LIST_INVALID',
    ])

    const outside = await issueCredential(
      {
        ...example,
        credentialStatus: createStatusEntry({ statusListCredential: LIST, index: 10_000_000 }),
      },
      { key, created: SIGNED },
    )
    expect(codes(await verifyPassport(outside, { ...options, statusLists: [list] }))).toEqual([
      'STATUS_INDEX_INVALID',
    ])
  })

  test('a status entry of an unknown type warns (STATUS_TYPE_UNKNOWN); a malformed one fails', async () => {
    // The status check alone: issuing refuses such a credential (the v2 context does not define
    // the type), and verification stops it before status (JSONLD_KEY_NOT_A_TERM).
    const entries = [
      { id: `${LIST}#1`, type: 'StatusList2021Entry' },
      'not an object',
      { ...createStatusEntry({ statusListCredential: LIST, index: 1 }), statusSize: 2 },
    ]
    const outcome = await statusFindings(
      { ...example, credentialStatus: entries },
      { statusLists: [list], verifyList: (input) => verifyCredential(input, options) },
    )
    expect(outcome.findings.map((f) => [f.code, f.path])).toEqual([
      ['STATUS_TYPE_UNKNOWN', '/credentialStatus/0/type'],
      ['STATUS_TYPE_UNSUPPORTED', '/credentialStatus/1/type'],
      ['STATUS_TYPE_UNSUPPORTED', '/credentialStatus/2/statusSize'],
    ])
  })

  test('helpers refuse bad arguments with stable codes', async () => {
    await expect(createStatusList({ id: 'not a url', issuer })).rejects.toSatisfy((e) =>
      isCarbonPassportError(e, 'ERR_INVALID_ARGUMENT'),
    )
    await expect(createStatusList({ id: LIST, issuer, length: 8 })).rejects.toSatisfy((e) =>
      isCarbonPassportError(e, 'ERR_STATUS_LIST'),
    )
    await expect(setStatus(list, -1, true)).rejects.toSatisfy((e) =>
      isCarbonPassportError(e, 'ERR_STATUS_LIST'),
    )
    await expect(setStatus({ id: LIST }, 1, true)).rejects.toSatisfy((e) =>
      isCarbonPassportError(e, 'ERR_STATUS_LIST'),
    )
    expect(() => createStatusEntry({ statusListCredential: LIST, index: 1.5 })).toThrow()
  })
})

/** The encodedList of these bytes: GZIP, base64url, multibase `u`. */
const encode = (bytes: Uint8Array) => `u${gzipSync(bytes).toString('base64url')}`
const findingsOf = (r: VerificationResult) =>
  statusCheck(r)?.findings.map((f) => [f.code, f.severity]) ?? []

/** A signed version of the list LIST: its validFrom, the indices set, and optionally its bits. */
async function listVersion(
  validFrom: string,
  revoked: number[],
  options: { encodedList?: string; signer?: ReturnType<typeof generateKeyPair> } = {},
): Promise<Json> {
  const signer = options.signer
  let created = (await createStatusList({
    id: LIST,
    issuer: signer ? signer.controller : issuer,
    validFrom: new Date(validFrom),
  })) as unknown as Json
  for (const index of revoked) {
    created = (await setStatus(created, index, true, {
      validFrom: new Date(validFrom),
    })) as unknown as Json
  }
  if (options.encodedList !== undefined) {
    created = {
      ...created,
      credentialSubject: {
        ...(created.credentialSubject as Json),
        encodedList: options.encodedList,
      },
    }
  }
  return issueCredential(created, { key: signer ?? key, created: SIGNED })
}

describe('several versions of one status list', () => {
  test('the newest valid version decides, whatever the order supplied (was: the last one)', async () => {
    const january = await listVersion('2026-01-01T00:00:00Z', [])
    const february = await listVersion('2026-02-01T00:00:00Z', [42])
    for (const statusLists of [
      [february, january],
      [january, february],
    ]) {
      const r = await verifyPassport(passport, { ...options, statusLists })
      expect(codes(r)).toEqual(['REVOKED'])
    }
    // Reinstated in March: the newest says clear, so it is clear.
    const march = await listVersion('2026-03-01T00:00:00Z', [])
    const r = await verifyPassport(passport, { ...options, statusLists: [march, february] })
    expect(codes(r)).toEqual([])
  })

  test('versions tied for newest are all read: a status set in any counts (fail closed)', async () => {
    const clear = await listVersion('2026-02-01T00:00:00Z', [])
    const revoked = await listVersion('2026-02-01T00:00:00Z', [42])
    for (const statusLists of [
      [clear, revoked],
      [revoked, clear],
    ]) {
      expect(codes(await verifyPassport(passport, { ...options, statusLists }))).toEqual([
        'REVOKED',
      ])
    }
  })

  test('a newer version that does not verify, or is from another issuer, is ignored with a warning', async () => {
    const genuine = await listVersion('2026-01-01T00:00:00Z', [42])
    // A newer version with a changed date: its proof no longer verifies.
    const tampered = structuredClone(await listVersion('2026-03-01T00:00:00Z', []))
    tampered.validFrom = '2026-04-01T00:00:00Z'
    const stranger = generateKeyPair()
    const foreign = await listVersion('2026-05-01T00:00:00Z', [], { signer: stranger })
    const r = await verifyPassport(passport, {
      ...options,
      statusLists: [foreign, tampered, genuine],
    })
    expect(codes(r)).toEqual(['REVOKED'])
    const warning = statusCheck(r)?.findings.find((f) => f.severity === 'warning')
    expect(warning?.code).toBe('STATUS_LIST_INVALID')
    expect(warning?.message).toMatch(/another issuer/)
    expect(warning?.message).toMatch(/does not verify/)
  })

  test('no version counts: STATUS_LIST_INVALID naming every reason', async () => {
    const stranger = generateKeyPair()
    const foreign = await listVersion('2026-05-01T00:00:00Z', [], { signer: stranger })
    const tampered = structuredClone(await listVersion('2026-03-01T00:00:00Z', []))
    tampered.validFrom = '2026-04-01T00:00:00Z'
    const r = await verifyPassport(passport, { ...options, statusLists: [tampered, foreign] })
    expect(codes(r)).toEqual(['STATUS_LIST_INVALID'])
    expect(r.errors[0]?.message).toMatch(
      /another issuer.*does not verify|does not verify.*another issuer/,
    )
  })

  test('the newest counting version is never passed over for an older one when it is unusable', async () => {
    const older = await listVersion('2026-01-01T00:00:00Z', [])
    const short = await listVersion('2026-02-01T00:00:00Z', [], {
      encodedList: encode(new Uint8Array(1024)),
    })
    const r = await verifyPassport(passport, { ...options, statusLists: [older, short] })
    expect(codes(r)).toEqual(['STATUS_LIST_INVALID'])
  })

  test('each list is verified once per verification, newest first, only when named', async () => {
    const lists = [
      await listVersion('2026-01-01T00:00:00Z', []),
      await listVersion('2026-02-01T00:00:00Z', []),
      await listVersion('2026-03-01T00:00:00Z', [7]),
      { ...(await createStatusList({ id: `${LIST}-unrelated`, issuer })) },
    ]
    const entries = [42, 7, 43].map((index) =>
      createStatusEntry({ statusListCredential: LIST, index }),
    )
    const credential = { ...example, credentialStatus: entries }
    const verified: unknown[] = []
    const outcome = await statusFindings(credential, {
      statusLists: lists,
      verifyList: (input) => {
        verified.push(input)
        return verifyCredential(input, options)
      },
    })
    expect(verified).toEqual([lists[2]])
    expect(outcome.findings.map((f) => [f.code, f.path])).toEqual([
      ['REVOKED', '/credentialStatus/1'],
    ])
  })
})

describe('status lists shared by many verifications', () => {
  const counting = (reuse?: { context: () => unknown[]; now: number; liveClock: boolean }) => {
    const verified: unknown[] = []
    return {
      verified,
      run: (credential: Json, statusLists: unknown[]) =>
        statusFindings(credential, {
          statusLists,
          verifyList: (input) => {
            verified.push(input)
            return verifyCredential(input, options)
          },
          ...(reuse ? { reuse } : {}),
        }),
    }
  }
  const credential = () => ({
    ...example,
    credentialStatus: createStatusEntry({ statusListCredential: LIST, index: 42 }),
  })

  test('one statusLists array and one context: the list is verified once for every credential', async () => {
    const lists = [list]
    const { verified, run } = counting({
      context: () => ['same'],
      now: NOW.getTime(),
      liveClock: false,
    })
    for (let i = 0; i < 5; i++) expect((await run(credential(), lists)).findings).toEqual([])
    expect(verified).toHaveLength(1)
  })

  test('without reuse, or with another context or array, it is verified again', async () => {
    const lists = [list]
    const none = counting()
    await none.run(credential(), lists)
    await none.run(credential(), lists)
    expect(none.verified).toHaveLength(2)
    const at = NOW.getTime()
    const first = counting({ context: () => ['a'], now: at, liveClock: false })
    await first.run(credential(), lists)
    const other = counting({ context: () => ['b'], now: at, liveClock: false })
    await other.run(credential(), lists)
    await other.run(credential(), [list])
    expect(other.verified).toHaveLength(2)
  })

  test('a live clock reuses a resolution for STATUS_REUSE_MS at most', async () => {
    const lists = [list]
    const at = NOW.getTime()
    const { verified, run } = counting({ context: () => ['live'], now: at, liveClock: true })
    await run(credential(), lists)
    const later = counting({
      context: () => ['live'],
      now: at + STATUS_REUSE_MS - 1,
      liveClock: true,
    })
    await later.run(credential(), lists)
    expect(later.verified).toHaveLength(0)
    const past = counting({
      context: () => ['live'],
      now: at + STATUS_REUSE_MS + 1,
      liveClock: true,
    })
    await past.run(credential(), lists)
    expect(verified.length + past.verified.length).toBe(2)
  })

  test('verifyPassport: a list replaced in the same array is read again (revocation seen at once)', async () => {
    const lists: unknown[] = [list]
    const shared = { ...options, statusLists: lists }
    expect(codes(await verifyPassport(passport, shared))).toEqual([])
    const revoked = await issueCredential(
      (await setStatus(list, 42, true, {
        validFrom: new Date('2026-02-01T00:00:00Z'),
      })) as unknown as Json,
      { key, created: SIGNED },
    )
    lists[0] = revoked
    expect(codes(await verifyPassport(passport, shared))).toEqual(['REVOKED'])
    // Another clock is another verification of the list: an expired list fails there.
    const { proof: _proof, ...unsigned } = list
    const expiring = await issueCredential(
      { ...unsigned, validUntil: '2026-12-31T00:00:00Z' },
      { key, created: SIGNED },
    )
    const lists2 = [expiring]
    expect(codes(await verifyPassport(passport, { ...options, statusLists: lists2 }))).toEqual([])
    const after = { ...options, now: new Date('2027-06-01T00:00:00Z'), statusLists: lists2 }
    expect(codes(await verifyPassport(passport, after))).toContain('STATUS_LIST_INVALID')
  })

  test('verifyPassport with one options object verifies the list once (keys from a counted resolver)', async () => {
    const documents = new Map(exampleDidDocuments().map((d) => [d.id as string, d]))
    let resolved = 0
    const resolveDid = async (did: string) => {
      resolved++
      return documents.get(did)
    }
    const shared = { now: NOW, resolveDid, statusLists: [list] }
    for (let i = 0; i < 4; i++) expect(codes(await verifyPassport(passport, shared))).toEqual([])
    // One resolution a passport (its own key), and one for the list, once.
    expect(resolved).toBe(5)
  })
})

describe('status list size: at least 131,072 entries, at most MAX_STATUS_LIST_LENGTH', () => {
  test('a signed list below the minimum is refused (was: accepted)', async () => {
    const bytes = new Uint8Array(MIN_STATUS_LIST_LENGTH / 8 - 1)
    const small = await listVersion('2026-01-01T00:00:00Z', [], { encodedList: encode(bytes) })
    const r = await verifyPassport(passport, { ...options, statusLists: [small] })
    expect(codes(r)).toEqual(['STATUS_LIST_INVALID'])
    expect(r.errors[0]?.message).toContain(`131064 entries`)
    expect(r.errors[0]?.message).toContain(String(MIN_STATUS_LIST_LENGTH))
  })

  test('a signed list inflating to 64 MiB is refused, inflation stopping at the cap (was: decoded)', async () => {
    const bomb = encode(new Uint8Array(64 * 1024 * 1024))
    expect(bomb.length).toBeLessThan(100_000) // well inside the 1 MiB input cap
    const signed = await listVersion('2026-01-01T00:00:00Z', [], { encodedList: bomb })
    const r = await verifyPassport(passport, { ...options, statusLists: [signed] })
    expect(codes(r)).toEqual(['STATUS_LIST_INVALID'])
    expect(r.errors[0]?.message).toContain(`inflates past ${MAX_STATUS_LIST_LENGTH} entries`)
  })

  test('the caps are exact: MAX_STATUS_LIST_LENGTH entries decode, one more byte does not', async () => {
    const atCap = await decodeStatusList(encode(new Uint8Array(MAX_STATUS_LIST_LENGTH / 8)))
    expect('list' in atCap && atCap.list.length).toBe(MAX_STATUS_LIST_LENGTH)
    const over = await decodeStatusList(encode(new Uint8Array(MAX_STATUS_LIST_LENGTH / 8 + 1)))
    expect('reason' in over && over.reason).toMatch(/inflates past/)
    const atMin = await decodeStatusList(encode(new Uint8Array(MIN_STATUS_LIST_LENGTH / 8)))
    expect('list' in atMin && atMin.list.length).toBe(MIN_STATUS_LIST_LENGTH)
    const long = `u${'A'.repeat(MAX_ENCODED_STATUS_LIST_LENGTH)}`
    const tooLong = await decodeStatusList(long)
    expect('reason' in tooLong && tooLong.reason).toMatch(/characters; the cap is/)
  })

  test('the helpers keep to the caps too', async () => {
    await expect(
      createStatusList({ id: LIST, issuer, length: MAX_STATUS_LIST_LENGTH + 8 }),
    ).rejects.toSatisfy((e) => isCarbonPassportError(e, 'ERR_STATUS_LIST'))
    const small = { ...list, credentialSubject: { encodedList: encode(new Uint8Array(16)) } }
    await expect(setStatus(small, 1, true)).rejects.toSatisfy((e) =>
      isCarbonPassportError(e, 'ERR_STATUS_LIST'),
    )
  })
})

describe('decodeStatusList', () => {
  test('agrees with @digitalbazaar/vc-bitstring-status-list both ways', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: MIN_STATUS_LIST_LENGTH - 1 }), { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: MIN_STATUS_LIST_LENGTH - 1 }), { maxLength: 40 }),
        async (set, probes) => {
          const theirs = await createList({ length: MIN_STATUS_LIST_LENGTH })
          for (const i of set) theirs.setStatus(i, true)
          const ours = await decodeStatusList(await theirs.encode())
          if (!('list' in ours)) throw new Error(ours.reason)
          for (const i of [...set, ...probes])
            expect(statusBit(ours.list, i)).toBe(theirs.getStatus(i))
          // setStatus writes what they read.
          let credential = (await createStatusList({ id: LIST, issuer })) as unknown as Json
          for (const i of set)
            credential = (await setStatus(credential, i, true)) as unknown as Json
          const encoded = (credential.credentialSubject as Json).encodedList as string
          const back = await decodeList({ encodedList: encoded })
          for (const i of [...set, ...probes]) expect(back.getStatus(i)).toBe(set.includes(i))
        },
      ),
      { numRuns: 25 },
    )
  })

  test('hostile encodedList values: a reason, never a throw', async () => {
    const base64url = fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
      maxLength: 60,
    })
    const gz = fc.uint8Array({ maxLength: 64 }).map((b) => encode(b))
    const valid = encode(new Uint8Array(MIN_STATUS_LIST_LENGTH / 8))
    const arb = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      base64url.map((s) => `u${s}`),
      gz,
      fc.integer({ min: 0, max: valid.length }).map((n) => valid.slice(0, n)),
      fc.uint8Array({ maxLength: 60 }).map((b) => `u${Buffer.from(b).toString('base64url')}`),
      fc.anything(),
    )
    await fc.assert(
      fc.asyncProperty(arb, async (encodedList) => {
        const r = await decodeStatusList(encodedList)
        if ('list' in r) {
          expect(r.list.length).toBeGreaterThanOrEqual(MIN_STATUS_LIST_LENGTH)
          expect(r.list.length).toBeLessThanOrEqual(MAX_STATUS_LIST_LENGTH)
        } else expect(typeof r.reason).toBe('string')
      }),
      { numRuns: 500 },
    )
  })

  test('random credentialStatus entries and statusLists: findings with codes, never a throw', async () => {
    const entryArb = fc.oneof(
      fc.anything(),
      fc.record(
        {
          type: fc.oneof(fc.constant('BitstringStatusListEntry'), fc.anything()),
          statusPurpose: fc.oneof(
            fc.constantFrom('revocation', 'suspension', 'refresh'),
            fc.anything(),
          ),
          statusListIndex: fc.oneof(
            fc.nat({ max: MIN_STATUS_LIST_LENGTH + 10 }).map(String),
            fc.constantFrom('-1', '01', '1e3', ' 1', '9007199254740993'),
            fc.anything(),
          ),
          statusListCredential: fc.oneof(fc.constant(LIST), fc.webUrl(), fc.anything()),
          statusSize: fc.oneof(fc.constantFrom(1, '1', 2, '8'), fc.anything()),
        },
        { requiredKeys: [] },
      ),
    )
    const listsArb = fc.array(
      fc.oneof(
        fc.constant(list),
        fc.anything(),
        fc
          .string()
          .map((text) => ({ ...list, id: LIST, credentialSubject: { encodedList: text } })),
      ),
      { maxLength: 3 },
    )
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(entryArb, fc.array(entryArb, { maxLength: 3 })),
        listsArb,
        async (raw, statusLists) => {
          const outcome = await statusFindings(
            { ...example, credentialStatus: raw },
            { statusLists, verifyList: (input) => verifyCredential(input, options) },
          )
          expect(outcome.ran).toBe(raw !== undefined)
          for (const f of outcome.findings) expect(f.code).toMatch(/^(STATUS_|REVOKED|SUSPENDED)/)
        },
      ),
      { numRuns: 150 },
    )
  })

  test('hostile statusLists items never break verification', async () => {
    const cyclic: Json = {}
    cyclic.verifiableCredential = cyclic
    const throwing = {
      get id(): string {
        throw new Error('boom')
      },
    }
    let deep: unknown = { '@context': [] }
    for (let i = 0; i < 100_000; i++) deep = { verifiableCredential: deep }
    const prefixes = `${'data:application/vc+jwt,'.repeat(30_000)}{}`
    const junk = [cyclic, throwing, deep, prefixes, 'garbage', 42, null, undefined, [list]]
    const r = await verifyPassport(passport, { ...options, statusLists: junk })
    expect(codes(r)).toEqual(['STATUS_LIST_MISSING'])
    expect(r.errors[0]?.message).toMatch(/could not be read/)
    // and with the real list among them, it is found
    const ok = await verifyPassport(passport, { ...options, statusLists: [...junk, list] })
    expect(codes(ok)).toEqual([])
    expect(findingsOf(ok)).toEqual([])
  })
})
