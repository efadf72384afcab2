import { describe, expect, it } from 'vitest'
import { createDidDocument } from '../../src/did/document.js'
import { exportKey } from '../../src/keys/export.js'
import { generateKeyPair } from '../../src/keys/generate.js'
import type { CarbonPassport } from '../../src/model/types.js'
import { createPassport } from '../../src/passport/create.js'
import { issuePassport } from '../../src/passport/issue.js'
import { verifyPassport } from '../../src/passport/verify.js'
import { validExample } from '../helpers/examples.js'

const controller = 'did:web:passports.test.example'

describe('createDidDocument', () => {
  it('lists every key of one controller under assertionMethod, without private material', () => {
    const a = generateKeyPair({ controller, id: `${controller}#key-1` })
    const b = generateKeyPair({ algorithm: 'P-256', controller, id: `${controller}#key-2` })
    const doc = createDidDocument([a, b])
    expect(doc.id).toBe(controller)
    expect(doc.assertionMethod).toEqual([`${controller}#key-1`, `${controller}#key-2`])
    expect(doc.verificationMethod?.map((vm) => vm.type)).toEqual(['Multikey', 'Multikey'])
    const text = JSON.stringify(doc)
    const privateJwk = exportKey(a, { format: 'jwk', includePrivate: true }) as { d: string }
    expect(text).not.toContain(privateJwk.d)
    expect(text).not.toContain('secretKeyMultibase')
    const jwkDoc = createDidDocument(b, { type: 'JsonWebKey' })
    expect(jwkDoc.verificationMethod?.[0]).toMatchObject({ type: 'JsonWebKey', controller })
    expect(JSON.stringify(jwkDoc)).not.toContain('"d"')
  })

  it('is what a verifier needs to verify a passport signed with the key', async () => {
    const key = generateKeyPair({ controller, id: `${controller}#key-1` })
    const subject = validExample('pcba-access-controller').doc.credentialSubject as CarbonPassport
    const passport = createPassport(subject, {
      issuer: controller,
      validFrom: new Date('2026-03-01T00:00:00Z'),
    })
    const signed = await issuePassport(passport, { key })
    const withDoc = await verifyPassport(signed, { didDocuments: [createDidDocument(key)] })
    expect(withDoc.errors).toEqual([])
    expect(withDoc.verified).toBe(true)
    const without = await verifyPassport(signed)
    expect(without.verified).toBe(false)
    expect(without.errors.map((f) => f.code)).toContain('KEY_NOT_RESOLVED')
  })

  it('refuses no keys and keys of different controllers', () => {
    const a = generateKeyPair({ controller, id: `${controller}#key-1` })
    const other = generateKeyPair({ controller: 'did:web:other.example' })
    expect(() => createDidDocument([])).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
    expect(() => createDidDocument([a, other])).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })
})
