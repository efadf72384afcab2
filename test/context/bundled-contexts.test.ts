/**
 * The bundled contexts in two parts (start-up, issue 13): the core ones (bundled.ts: the VC
 * contexts and ours) served at once, the others (bundled-contexts.ts) loaded by the loader on the
 * first URL the core does not have. The loader serves exactly what it served from the one map.
 */
import { describe, expect, it } from 'vitest'
import { coreContexts } from '../../src/context/bundled.js'
import { bundledContexts } from '../../src/context/bundled-contexts.js'
import { createDocumentLoader } from '../../src/context/loader.js'

describe('bundled contexts', () => {
  it('the core ones are the very objects of bundledContexts, and no URL of either is a DID', () => {
    expect(coreContexts.size).toBeGreaterThanOrEqual(4)
    for (const [url, doc] of coreContexts) expect(bundledContexts.get(url)).toBe(doc)
    expect([...bundledContexts.keys()].filter((url) => url.startsWith('did:'))).toEqual([])
    expect(bundledContexts.size).toBe(coreContexts.size + 7)
  })

  it('the loader serves every one of them, the same objects, core or not', async () => {
    const loader = createDocumentLoader()
    for (const [url, doc] of bundledContexts) {
      expect((await loader(url)).document).toBe(doc)
    }
  })

  it("the caller's contexts and documents are served before the bundled ones", async () => {
    const mine = { '@context': { mine: 'https://example.com/mine' } }
    const url = 'https://www.w3.org/ns/credentials/v2'
    const other = 'https://w3id.org/security/multikey/v1'
    const loader = createDocumentLoader({ contexts: { [url]: mine }, documents: { [other]: mine } })
    expect((await loader(url)).document).toEqual(mine)
    expect((await loader(other)).document).toEqual(mine)
    await expect(loader('https://example.com/not-bundled')).rejects.toMatchObject({
      code: 'ERR_DOCUMENT_NOT_FOUND',
    })
  })
})
