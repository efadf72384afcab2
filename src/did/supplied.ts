/**
 * The DID documents a caller supplies (`didDocuments` of createDocumentLoader, verifyCredential and
 * verifyPassport), owned in one place: read once into an index by id (and by JOSE key id, built on
 * the first lookup by one), which the document loader and the resolver both read. A list of
 * thousands of documents is indexed once, not scanned on every verification:
 *
 * - createDocumentLoader checks its list (it throws on junk), copies and freezes the documents, and
 *   indexes them once; the index is registered under the loader, so the resolver of a verification
 *   that uses the loader sees the same documents without calling it.
 * - verifyCredential / verifyPassport take the list as given (entries without a string id are
 *   skipped, as they always were) and index it once per array, cached by the array's identity.
 *   The array is compared entry by entry with the indexed copy on each use (pointer comparisons,
 *   about 8 µs for 5,000 documents against about 1 ms to index them), so an array changed in place
 *   (a document added, removed or replaced) is indexed again rather than read stale. Documents themselves are read live (a key revoked or changed in place
 *   is seen); only a JOSE key id added to a document in place is not found until the array changes.
 */

import { deepFreeze } from '../context/bundled.js'
import type { DidDocument, DocumentLoader } from '../context/loader.js'
import { assertJson, invalidArgument, isRecord } from '../guard.js'
import { isObject } from '../json.js'
import {
  jwkKidOf,
  type VerificationMethod,
  verificationMethodByKid,
  verificationMethodIn,
  verificationMethodsOf,
} from './verification-methods.js'

/** Supplied DID documents, indexed. */
export interface SuppliedDidDocuments {
  /** The supplied document with this id (of several with one id, the last), or undefined. */
  document(id: string): DidDocument | undefined
  /** The verification method with this absolute id, from the supplied document of its DID. */
  verificationMethod(id: string): VerificationMethod | undefined
  /**
   * The first verification method, in supplied order, that a JOSE `kid` names (its id ends in
   * `#<kid>`, or its JWK's `kid` is `kid`), or undefined.
   */
  byKid(kid: string): VerificationMethod | undefined
}

/** An index of no documents. */
export const NO_DID_DOCUMENTS: SuppliedDidDocuments = {
  document: () => undefined,
  verificationMethod: () => undefined,
  byKid: () => undefined,
}

/** Indexes documents that each have a string id (the caller has filtered or checked them). */
function indexDocuments(documents: Iterable<DidDocument>): SuppliedDidDocuments {
  const byId = new Map<string, DidDocument>()
  for (const doc of documents) byId.set(doc.id, doc)
  // kid → the first document (in the order of byId) with a method it names, built on first use
  // (only a JOSE kid that is not a URL needs it). A kid containing `#` is never a key here (an
  // id's suffixes after each `#` would be quadratic in its length): it is searched instead.
  let byKid: Map<string, DidDocument> | undefined
  const kidIndex = (): Map<string, DidDocument> => {
    if (byKid) return byKid
    const index = new Map<string, DidDocument>()
    const add = (kid: string | undefined, doc: DidDocument) => {
      if (kid !== undefined && !kid.includes('#') && !index.has(kid)) index.set(kid, doc)
    }
    for (const doc of byId.values()) {
      for (const vm of verificationMethodsOf(doc)) {
        const hash = vm.id.lastIndexOf('#')
        add(hash >= 0 ? vm.id.slice(hash + 1) : undefined, doc)
        add(jwkKidOf(vm), doc)
      }
    }
    byKid = index
    return index
  }
  const search = (kid: string): VerificationMethod | undefined => {
    for (const doc of byId.values()) {
      const vm = verificationMethodByKid(doc, kid)
      if (vm) return vm
    }
    return undefined
  }
  return {
    document: (id) => byId.get(id),
    verificationMethod: (id) => {
      const hash = id.indexOf('#')
      const doc = byId.get(hash === -1 ? id : id.slice(0, hash))
      return doc && verificationMethodIn(doc, id)
    },
    byKid: (kid) => {
      if (kid.includes('#')) return search(kid)
      const doc = kidIndex().get(kid)
      // Read from the document itself; a document changed in place since is searched afresh.
      return (doc && verificationMethodByKid(doc, kid)) ?? (doc ? search(kid) : undefined)
    },
  }
}

/**
 * Reads the `didDocuments` option of createDocumentLoader: an array of JSON objects with string
 * ids, each copied and deep-frozen (later changes by the caller do not reach the loader), indexed.
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` for a value that is not an array, a document
 *   without a string id, or one that is not JSON (a cycle, a BigInt, nesting deeper than 64).
 */
export function readDidDocuments(value: unknown): SuppliedDidDocuments {
  if (value === undefined) return NO_DID_DOCUMENTS
  if (!Array.isArray(value)) {
    throw invalidArgument('options.didDocuments must be an array of DID documents')
  }
  const copies: DidDocument[] = []
  for (const doc of value as unknown[]) {
    if (!isRecord(doc) || typeof doc.id !== 'string') {
      throw invalidArgument('every DID document needs a string id')
    }
    assertJson(doc, 'ERR_INVALID_ARGUMENT', `the DID document ${doc.id}`)
    copies.push(deepFreeze(structuredClone(doc)) as DidDocument)
  }
  return indexDocuments(copies)
}

const indexedLists = new WeakMap<object, { entries: unknown[]; index: SuppliedDidDocuments }>()

function sameEntries(list: readonly unknown[], entries: readonly unknown[]): boolean {
  if (list.length !== entries.length) return false
  for (let i = 0; i < entries.length; i++) if (list[i] !== entries[i]) return false
  return true
}

/**
 * The index of the `didDocuments` option of a verification, as given (never copied): entries that
 * are not objects with a string id are skipped. Indexed once per array (cached by its identity,
 * and again when the array has changed in place); any other iterable is indexed on each call.
 *
 * @throws TypeError for a value that is not iterable (the verification reports INTERNAL_ERROR).
 */
export function suppliedDidDocuments(
  list: Iterable<unknown> | null | undefined,
): SuppliedDidDocuments {
  if (list === undefined || list === null) return NO_DID_DOCUMENTS
  const cached = Array.isArray(list) ? indexedLists.get(list) : undefined
  if (cached && sameEntries(list as unknown[], cached.entries)) return cached.index
  const entries = [...list]
  const index = indexDocuments(
    entries.filter((doc): doc is DidDocument => isObject(doc) && typeof doc.id === 'string'),
  )
  if (Array.isArray(list)) indexedLists.set(list, { entries, index })
  return index
}

const loaderDocuments = new WeakMap<DocumentLoader, SuppliedDidDocuments>()

/** Records the DID documents a loader serves, so a resolver using the loader reads the same ones. */
export function registerLoaderDidDocuments(
  loader: DocumentLoader,
  documents: SuppliedDidDocuments,
): void {
  loaderDocuments.set(loader, documents)
}

/** The DID documents a loader of createDocumentLoader was given; none for any other loader. */
export const didDocumentsOfLoader = (loader: DocumentLoader): SuppliedDidDocuments =>
  loaderDocuments.get(loader) ?? NO_DID_DOCUMENTS
