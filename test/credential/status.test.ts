import { beforeAll, describe, expect, test } from 'vitest'
import { issueCredential } from '../../src/credential/issue.js'
import { generateKeyPair } from '../../src/credential/keys.js'
import { issuePassport, verifyPassport } from '../../src/credential/passport.js'
import { createStatusEntry, createStatusList, setStatus } from '../../src/credential/status.js'
import { isCarbonPassportError } from '../../src/errors.js'
import type { VerificationResult } from '../../src/results.js'
import { exampleDidDocuments, exampleKey, issuerOf, loadExamples, NOW } from './fixtures.js'

type Json = Record<string, unknown>
const example = loadExamples().find((e) => e.name === 'ups-battery-module')?.passport as Json
const issuer = issuerOf(example)
const key = exampleKey(issuer)
const LIST = 'https://passports.voltguard-ups.example/status/1'
const codes = (r: VerificationResult) => r.errors.map((e) => e.code)
const statusCheck = (r: VerificationResult) => r.checks.find((c) => c.id === 'status')
const options = { didDocuments: exampleDidDocuments(), now: NOW }

let list: Json
let passport: Json
beforeAll(async () => {
  list = await issueCredential(
    (await createStatusList({
      id: LIST,
      issuer,
      validFrom: new Date('2026-01-01T00:00:00Z'),
    })) as unknown as Json,
    { key },
  )
  passport = await issuePassport(
    { ...example, credentialStatus: createStatusEntry({ statusListCredential: LIST, index: 42 }) },
    { key },
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
      const signedList = await issueCredential(revoked as unknown as Json, { key, format })
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
      { key },
    )
    const signedList = await issueCredential(revoked as unknown as Json, { key })
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
      { key },
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
      { key },
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
    const p = await issueCredential({ ...example, credentialStatus: entry }, { key })
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
      { key: stranger },
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
      { key },
    )
    expect(codes(await verifyPassport(outside, { ...options, statusLists: [list] }))).toEqual([
      'STATUS_INDEX_INVALID',
    ])
  })

  test('a status entry of an unknown type: STATUS_TYPE_UNSUPPORTED', async () => {
    // (Data Integrity could not even sign it: the v2 context does not define the type.)
    const p = await issueCredential(
      { ...example, credentialStatus: { id: `${LIST}#1`, type: 'StatusList2021Entry' } },
      { key, format: 'vc-jose' },
    )
    expect(codes(await verifyPassport(p, { ...options, statusLists: [list] }))).toEqual([
      'STATUS_TYPE_UNSUPPORTED',
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
