/**
 * Finding keys and controller documents without the network: the DID documents the caller supplies
 * (to the verification or to its loader, did/supplied.ts), did:key documents derived locally, the
 * caller's own `resolveDid`, then the document loader (for controller documents of https issuers
 * the caller put into it). Never throws.
 */

import type { DidDocument, DocumentLoader } from '../context/loader.js'
import { timeOfDateTimeStamp } from '../date-time.js'
import { isObject, type Json } from '../json.js'
import type { Finding } from '../results.js'
import { didKeyDocument } from './did-key.js'
import { keyLifecycleCodes } from './resolve.codes.js'
import { didDocumentsOfLoader, suppliedDidDocuments } from './supplied.js'
import {
  absoluteId,
  type VerificationMethod,
  verificationMethodByKid,
  verificationMethodIn,
} from './verification-methods.js'

const { finding } = keyLifecycleCodes

export type { VerificationMethod } from './verification-methods.js'

/** An async DID resolver the caller supplies (it may fetch; the library never does). */
export type ResolveDid = (did: string) => Promise<DidDocument | null | undefined>

export interface ResolverOptions {
  didDocuments?: readonly DidDocument[] | undefined
  resolveDid?: ResolveDid | undefined
  documentLoader: DocumentLoader
}

export interface Resolver {
  /** The controller (DID) document for an id (no fragment), or undefined. */
  controller(id: string): Promise<Json | undefined>
  /** The verification method with this absolute id, or undefined. */
  verificationMethod(id: string): Promise<VerificationMethod | undefined>
  /**
   * A verification method by a JOSE `kid` that is not an absolute URL: `#fragment` relative to the
   * issuer, or a key id / JWK thumbprint found in the supplied or issuer documents.
   */
  byKid(kid: string, issuer: string | undefined): Promise<VerificationMethod | undefined>
}

/** The verification relationships a proof purpose needs (DID Core §5.3). */
export type VerificationRelationship = 'assertionMethod' | 'authentication'

/** Whether a controller document lists a verification method under `relationship`. */
export function hasVerificationRelationship(
  doc: Json,
  relationship: VerificationRelationship,
  vmId: string,
): boolean {
  const base = typeof doc.id === 'string' ? doc.id : ''
  const list = doc[relationship]
  for (const entry of Array.isArray(list) ? list : list === undefined ? [] : [list]) {
    const id =
      typeof entry === 'string'
        ? absoluteId(base, entry)
        : isObject(entry)
          ? absoluteId(base, entry.id)
          : undefined
    if (id === vmId) return true
  }
  return false
}

/**
 * A resolver for one verification. The DID documents it reads first are those of the options, then
 * those the document loader was created with (both indexed once, did/supplied.ts), so a document
 * given to either is found the same way.
 */
export function createResolver(options: ResolverOptions): Resolver {
  const supplied = suppliedDidDocuments(options.didDocuments)
  const served = didDocumentsOfLoader(options.documentLoader)
  const cache = new Map<string, Promise<Json | undefined>>()

  const load = async (id: string): Promise<Json | undefined> => {
    const given = supplied.document(id) ?? served.document(id)
    if (given) return given
    if (id.startsWith('did:key:')) {
      try {
        return didKeyDocument(id)
      } catch {
        return undefined
      }
    }
    if (id.startsWith('did:') && options.resolveDid) {
      try {
        const doc = await options.resolveDid(id)
        if (isObject(doc) && doc.id === id) return doc
      } catch {
        // a failing resolver is a key that cannot be found, reported by the caller
      }
      return undefined
    }
    try {
      const { document } = await options.documentLoader(id)
      if (isObject(document) && document.id === id) return document
    } catch {
      // not served
    }
    return undefined
  }

  const controller = (id: string): Promise<Json | undefined> => {
    let pending = cache.get(id)
    if (!pending) {
      pending = load(id)
      cache.set(id, pending)
    }
    return pending
  }

  const verificationMethod = async (id: string): Promise<VerificationMethod | undefined> => {
    if (typeof id !== 'string' || id === '') return undefined
    const hash = id.indexOf('#')
    const doc = await controller(hash === -1 ? id : id.slice(0, hash))
    const found = doc && verificationMethodIn(doc, id)
    if (found) return found
    // A verification method served on its own by the loader (as in the W3C test vectors).
    try {
      const { document } = await options.documentLoader(id)
      if (isObject(document) && document.id === id) return document as VerificationMethod
    } catch {
      // not served
    }
    return undefined
  }

  const byKid = async (kid: string, issuer: string | undefined) => {
    if (kid.startsWith('#') && issuer) return verificationMethod(`${issuer}${kid}`)
    const doc = issuer ? await controller(issuer) : undefined
    return (doc && verificationMethodByKid(doc, kid)) ?? supplied.byKid(kid) ?? served.byKid(kid)
  }

  return { controller, verificationMethod, byKid }
}

/**
 * Whether a verification method may still verify at `now` (ms): not `revoked`, not past its
 * `expires` (Controlled Identifiers §2.2). An `expires` that is not a dateTimeStamp cannot be
 * honoured, so the key is refused (fail closed). Returns the finding to report, or undefined.
 */
export function keyLifecycleFinding(
  vm: VerificationMethod,
  path: string,
  clock: { now: number; skew: number },
): Finding | undefined {
  if (vm.revoked !== undefined) return finding('KEY_REVOKED', path)
  if (vm.expires === undefined) return undefined
  const expires = timeOfDateTimeStamp(vm.expires)
  const valid = expires !== undefined
  if (valid && expires + clock.skew > clock.now) return undefined
  return finding(
    'KEY_EXPIRED',
    path,
    valid
      ? `the verification method ${vm.id} expired at ${vm.expires as string}`
      : `the verification method ${vm.id} has an \`expires\` that is not a dateTimeStamp`,
  )
}
