/**
 * Hostile inline contexts and presentations: each is decided quickly with a stable code, within
 * MAX_CONTEXTS, MAX_INLINE_CONTEXT_BYTES, the input caps and DEFAULT_MAX_CREDENTIALS. The time
 * guards are hang guards, not speed targets.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { MAX_INLINE_CONTEXT_BYTES } from '../../../src/credential/checks/context.js'
import { issueCredential } from '../../../src/credential/issue.js'
import { issuePresentation } from '../../../src/credential/presentation/issue.js'
import { DEFAULT_MAX_CREDENTIALS } from '../../../src/credential/presentation/syntax.js'
import { verifyPresentation } from '../../../src/credential/presentation/verify.js'
import { verifyCredential } from '../../../src/credential/verify.js'
import { generateKeyPair } from '../../../src/keys/generate.js'
import type { KeyPair } from '../../../src/keys/types.js'
import { decided } from '../../helpers/fuzz.js'

type Json = Record<string, unknown>
const V2 = 'https://www.w3.org/ns/credentials/v2'
let key: KeyPair
let signed: Json

beforeAll(async () => {
  key = generateKeyPair()
  signed = await issueCredential(
    {
      '@context': [V2, { '@vocab': 'https://example.org/vocab#' }],
      type: ['VerifiableCredential'],
      issuer: key.controller,
      credentialSubject: { id: 'did:example:s', colour: 'x' },
    },
    { key },
  )
})

describe('hostile inline contexts', () => {
  test('a context just under the byte cap, all scoped contexts nested to the depth cap, is decided', async () => {
    // Each term carries a scoped context that defines the next: as deep as the input depth allows.
    let scoped: Json = { leaf: 'https://example.org/leaf' }
    for (let i = 0; i < 25; i++)
      scoped = { [`t${i}`]: { '@id': `https://example.org/t${i}`, '@context': scoped } }
    const terms: Json = { '@vocab': 'https://example.org/other#', ...scoped }
    for (
      let i = 0;
      Buffer.byteLength(JSON.stringify(terms)) < MAX_INLINE_CONTEXT_BYTES - 200;
      i++
    ) {
      terms[`w${i}`] = {
        '@id': `https://example.org/w${i}`,
        '@context': { x: 'https://example.org/x' },
      }
    }
    const hostile = { ...signed, '@context': [V2, terms] }
    const result = await decided('hostile inline context', () => verifyCredential(hostile))
    expect(result.verified).toBe(false)
    expect(result.errors.map((e) => e.code)).toContain('PROOF_INVALID')
  })

  test('a context that imports or names URLs the loader does not serve is refused, not fetched', async () => {
    const remote = { ...signed, '@context': [V2, { '@import': 'https://attacker.example/ctx' }] }
    const result = await decided('remote import', () => verifyCredential(remote))
    expect(result.verified).toBe(false)
    const scopedRemote = {
      ...signed,
      '@context': [
        V2,
        { name: { '@id': 'https://example.org/n', '@context': 'https://attacker.example/c' } },
      ],
    }
    expect((await decided('remote scoped', () => verifyCredential(scopedRemote))).verified).toBe(
      false,
    )
  })
})

describe('hostile presentations', () => {
  test('a presentation with the most credentials allowed is decided; one more is refused before any work', async () => {
    const full = {
      '@context': [V2],
      type: ['VerifiablePresentation'],
      holder: key.controller,
      verifiableCredential: Array.from({ length: DEFAULT_MAX_CREDENTIALS }, () => signed),
    }
    const vp = await issuePresentation(full, { key })
    const result = await decided('64 credentials', () => verifyPresentation(vp), 20_000)
    expect(result.verified).toBe(true)
    expect(result.credentials).toHaveLength(DEFAULT_MAX_CREDENTIALS)
    const over = { ...full, verifiableCredential: [...full.verifiableCredential, signed] }
    const refused = await decided('65 credentials', () => verifyPresentation(over), 1_000)
    expect(refused.errors.map((e) => e.code)).toEqual(['PRESENTATION_CREDENTIAL_INVALID'])
    expect(refused.credentials).toEqual([])
  })

  test('deeply wrapped envelopes and oversized input are refused by the caps', async () => {
    let wrapped: unknown = signed
    for (let i = 0; i < 100; i++) wrapped = { verifiableCredential: wrapped }
    const deep = await verifyPresentation({
      '@context': [V2],
      type: ['VerifiablePresentation'],
      verifiableCredential: wrapped,
    })
    expect(deep.verified).toBe(false)
    const large = await verifyPresentation('x'.repeat(2 * 1024 * 1024))
    expect(large.errors.map((e) => e.code)).toEqual(['INPUT_TOO_LARGE'])
  })
})
