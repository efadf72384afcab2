import { describe, expect, it } from 'vitest'
import { bundledContexts } from '../../src/context/bundled-contexts.js'
import { createDocumentLoader } from '../../src/context/loader.js'
import { didKeyDocument, isSupportedDidKey } from '../../src/did/did-key.js'
import { isCarbonPassportError } from '../../src/errors.js'

const ED_DID = 'did:key:z6MkrUs9nhKFw5Ak6V6Lv9PZ5oG5FzNiDQ1vgagKqWbEgHvh'
const P256_DID = 'did:key:zDnaeb8RSZZbHhR3KCmtHwHXCatcwenyXabFz4MeZrpCPN7zK'

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
    return undefined
  } catch (err) {
    return isCarbonPassportError(err) ? err.code : 'NOT_A_CARBON_PASSPORT_ERROR'
  }
}

describe('createDocumentLoader', () => {
  const load = createDocumentLoader()

  it.each([
    'https://www.w3.org/ns/credentials/v2',
    'https://w3id.org/carbon-passport/v1',
    'https://w3id.org/security/data-integrity/v2',
    'https://w3id.org/security/multikey/v1',
    'https://www.w3.org/ns/did/v1',
    'https://w3id.org/security/v2',
    'https://w3id.org/carbon-passport/untp-extension/v1',
  ])('serves the bundled context %s, frozen', async (url) => {
    const { document, documentUrl, contextUrl } = await load(url)
    expect(documentUrl).toBe(url)
    expect(contextUrl).toBeNull()
    expect(document).toHaveProperty('@context')
    expect(Object.isFrozen(document)).toBe(true)
    expect(() => {
      ;(document as Record<string, unknown>)['@context'] = {}
    }).toThrow(TypeError)
  })

  it('refuses a remote URL instead of fetching it', async () => {
    expect(await codeOf(load('https://evil.example/context.jsonld'))).toBe('ERR_DOCUMENT_NOT_FOUND')
  })

  it('does not serve the undefined-terms context', async () => {
    expect(bundledContexts.has('https://www.w3.org/ns/credentials/undefined-terms/v2')).toBe(false)
    expect(await codeOf(load('https://www.w3.org/ns/credentials/undefined-terms/v2'))).toBe(
      'ERR_DOCUMENT_NOT_FOUND',
    )
  })

  it('derives did:key documents and their verification methods locally', async () => {
    for (const did of [ED_DID, P256_DID]) {
      const multibase = did.slice('did:key:'.length)
      const { document } = await load(did)
      const doc = document as Record<string, unknown>
      expect(doc.id).toBe(did)
      expect(doc.assertionMethod).toEqual([`${did}#${multibase}`])
      const vm = (await load(`${did}#${multibase}`)).document as Record<string, unknown>
      expect(vm).toMatchObject({ id: `${did}#${multibase}`, type: 'Multikey', controller: did })
      expect(vm.publicKeyMultibase).toBe(multibase)
    }
  })

  it('refuses malformed did:key values and unknown verification methods', async () => {
    expect(isSupportedDidKey(`${ED_DID}x`)).toBe(false)
    expect(() => didKeyDocument('did:key:z6Mkshort')).toThrow(
      expect.objectContaining({ code: 'ERR_DID_NOT_RESOLVED' }),
    )
    expect(await codeOf(load('did:key:zQ3notAKey'))).toBe('ERR_DID_NOT_RESOLVED')
    expect(await codeOf(load(`${ED_DID}#other`))).toBe('ERR_DID_NOT_RESOLVED')
    expect(await codeOf(load('did:web:unknown.example'))).toBe('ERR_DID_NOT_RESOLVED')
  })

  it('serves supplied DID documents, resolving relative verification method ids', async () => {
    const did = 'did:web:passports.example'
    const loader = createDocumentLoader({
      didDocuments: [
        {
          '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
          id: did,
          verificationMethod: [
            { id: '#key-1', type: 'Multikey', controller: did, publicKeyMultibase: 'z6Mkabc' },
          ],
          assertionMethod: ['#key-1'],
        },
      ],
    })
    expect(((await loader(did)).document as { id: string }).id).toBe(did)
    const vm = (await loader(`${did}#key-1`)).document as Record<string, unknown>
    expect(vm).toMatchObject({ id: `${did}#key-1`, publicKeyMultibase: 'z6Mkabc' })
    expect(vm['@context']).toEqual([
      'https://www.w3.org/ns/did/v1',
      'https://w3id.org/security/multikey/v1',
    ])
  })

  it('serves extra contexts and documents the caller supplies, as frozen copies', async () => {
    const extra = { '@context': { foo: 'https://example.org/foo' } }
    const loader = createDocumentLoader({ contexts: { 'https://example.org/ctx': extra } })
    const { document } = await loader('https://example.org/ctx')
    expect(document).toEqual(extra)
    expect(document).not.toBe(extra)
    expect(Object.isFrozen(document)).toBe(true)
    expect(await codeOf(createDocumentLoader()('https://example.org/ctx'))).toBe(
      'ERR_DOCUMENT_NOT_FOUND',
    )
  })

  it('rejects DID documents without an id', () => {
    expect(() => createDocumentLoader({ didDocuments: [{} as never] })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_ARGUMENT' }),
    )
  })
})
