/**
 * The strict offline JSON-LD document loader. It serves bundled contexts, did:key documents derived
 * locally and the DID documents the caller supplies; every other URL is refused, never fetched.
 */

import { didKeyDocument } from '../did/did-key.js'
import {
  readDidDocuments,
  registerLoaderDidDocuments,
  type SuppliedDidDocuments,
} from '../did/supplied.js'
import { verificationMethodIn } from '../did/verification-methods.js'
import { CarbonPassportError } from '../errors.js'
import {
  asCarbonPassportError,
  assertJson,
  invalidArgument,
  isRecord,
  readOptions,
} from '../guard.js'
import { coreContexts, deepFreeze } from './bundled.js'

/** What a JSON-LD document loader returns (the shape jsonld.js expects). */
export interface RemoteDocument {
  /** Always null: nothing is fetched, so no HTTP `Link` header names a context. */
  contextUrl: null
  /** The URL asked for, as given (a DID URL with its fragment included). */
  documentUrl: string
  /** The document: a context, a DID document, a verification method or a supplied document. */
  document: unknown
}

/** A JSON-LD document loader: URL in, document out, or a thrown `ERR_DOCUMENT_NOT_FOUND`. */
export type DocumentLoader = (url: string) => Promise<RemoteDocument>

/** A DID document as the caller supplies it (for did:web and other methods). */
export interface DidDocument {
  /**
   * The JSON-LD context, usually `https://www.w3.org/ns/did/v1` and a key-type context. The
   * loader copies it onto each verification method it serves by DID URL, so the method expands.
   */
  '@context'?: unknown
  /** The DID (or https IRI) the document is about; it is served under this id. Required. */
  id: string
  /**
   * The keys, each with an `id` (absolute or `#fragment`), `type`, `controller` and its key
   * material (`publicKeyMultibase` or `publicKeyJwk`). Methods embedded under `assertionMethod`
   * and `authentication` are found too.
   */
  verificationMethod?: readonly Record<string, unknown>[]
  [key: string]: unknown
}

/** Options of `createDocumentLoader`: what it serves besides the bundled contexts and did:key. */
export interface DocumentLoaderOptions {
  /** Extra contexts, URL → document (for example for other credential types you accept). */
  contexts?: Readonly<Record<string, unknown>> | ReadonlyMap<string, unknown>
  /** DID documents to serve by DID, and their verification methods by DID URL. */
  didDocuments?: readonly DidDocument[]
  /**
   * Other documents to serve by URL: controller documents of https issuers, status list
   * credentials you already hold. Served as given (deep-frozen).
   */
  documents?: Readonly<Record<string, unknown>> | ReadonlyMap<string, unknown>
}

/**
 * Every bundled context (bundled-contexts.ts), loaded on the first URL that neither the caller's
 * documents nor the core contexts have: a vc+jwt passport's contexts are all core, so its
 * verification never loads the ~20 modules of the others (start-up, issue 13).
 */
let allBundled: Promise<ReadonlyMap<string, unknown>> | undefined
const bundledContexts = () =>
  (allBundled ??= import('./bundled-contexts.js').then((m) => m.bundledContexts))

/** The URL → document entries of a `contexts` or `documents` option, each document checked and frozen. */
function documentEntries(source: unknown, label: string): [string, unknown][] {
  if (source === undefined) return []
  let list: [unknown, unknown][]
  if (source instanceof Map) list = [...source]
  else if (isRecord(source)) list = Object.entries(source)
  else throw invalidArgument(`${label} must be an object or a Map of URL → document`)
  return list.map(([url, doc]) => {
    if (typeof url !== 'string' || url === '')
      throw invalidArgument(`${label}: every URL must be a string`)
    assertJson(doc, 'ERR_INVALID_ARGUMENT', `${label}["${url}"]`)
    return [url, deepFreeze(structuredClone(doc))]
  })
}

/**
 * Creates the strict offline loader. Bundled: VC v1 and v2, Data Integrity v1/v2, Multikey v1,
 * DID v1, Security v1/v2, Bitstring Status List v1, the carbon-passport v1 context and its UNTP
 * extension context.
 *
 * @example
 * ```ts
 * const documentLoader = createDocumentLoader({ didDocuments: [issuerDidDocument] })
 * const { document } = await documentLoader('https://w3id.org/carbon-passport/v1')
 * ```
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when the options are not an object, a document
 *   is not JSON (a cycle, a BigInt, a function, nesting deeper than 64) or a DID document has no
 *   string id. The loader it returns throws `ERR_DOCUMENT_NOT_FOUND` for any URL it does not serve.
 */
export function createDocumentLoader(options: DocumentLoaderOptions = {}): DocumentLoader {
  // The caller's documents, served before the bundled contexts (they may replace one).
  const documents = new Map<string, unknown>()
  let dids: SuppliedDidDocuments
  try {
    const o = readOptions(options, ['contexts', 'documents', 'didDocuments'])
    for (const [url, doc] of documentEntries(o.contexts, 'options.contexts'))
      documents.set(url, doc)
    for (const [url, doc] of documentEntries(o.documents, 'options.documents'))
      documents.set(url, doc)
    dids = readDidDocuments(o.didDocuments)
  } catch (err) {
    throw asCarbonPassportError(err, 'ERR_INVALID_ARGUMENT', 'createDocumentLoader')
  }

  const didDocument = (did: string): DidDocument | undefined => {
    const supplied = dids.document(did)
    if (supplied) return supplied
    if (did.startsWith('did:key:')) return didKeyDocument(did) as DidDocument
    return undefined
  }

  const loader = async (url: string): Promise<RemoteDocument> => {
    if (typeof url !== 'string') {
      throw new CarbonPassportError('ERR_DOCUMENT_NOT_FOUND', 'document URL must be a string')
    }
    // No bundled context has a DID for its URL: a DID is never looked up among them.
    const known = documents.has(url)
      ? documents.get(url)
      : (coreContexts.get(url) ??
        (url.startsWith('did:') ? undefined : (await bundledContexts()).get(url)))
    if (known !== undefined) return { contextUrl: null, documentUrl: url, document: known }
    if (url.startsWith('did:')) {
      const [did = '', fragment] = url.split('#', 2)
      const doc = didDocument(did)
      if (doc && fragment === undefined)
        return { contextUrl: null, documentUrl: url, document: doc }
      const vm = doc && verificationMethodIn(doc, url)
      if (doc && vm) {
        const document = { '@context': doc['@context'], ...vm }
        return { contextUrl: null, documentUrl: url, document }
      }
      throw new CarbonPassportError(
        'ERR_DID_NOT_RESOLVED',
        `"${url}" is not a did:key and no DID document for it was supplied`,
        { details: { url } },
      )
    }
    throw new CarbonPassportError(
      'ERR_DOCUMENT_NOT_FOUND',
      `"${url}" is not bundled and was not supplied; the loader never fetches`,
      { details: { url } },
    )
  }
  // The resolver of a verification using this loader reads the same DID documents (did/supplied.ts).
  registerLoaderDidDocuments(loader, dids)
  return loader
}
