/**
 * Finding keys and controller documents without the network: the DID documents the caller supplies,
 * did:key documents derived locally, the caller's own `resolveDid`, then the document loader (for
 * controller documents of https issuers the caller put into it). Never throws.
 */

import type { DidDocument, DocumentLoader } from '../context/loader.js'
import { isDateTimeStamp } from '../credential/checks/syntax.js'
import { finding } from '../findings/verification-codes.js'
import { isObject, type Json } from '../json.js'
import type { Finding } from '../results.js'
import { didKeyDocument } from './did-key.js'

/** An async DID resolver the caller supplies (it may fetch; the library never does). */
export type ResolveDid = (did: string) => Promise<DidDocument | null | undefined>

export interface ResolverOptions {
  didDocuments?: readonly DidDocument[] | undefined
  resolveDid?: ResolveDid | undefined
  documentLoader: DocumentLoader
}

/** A verification method with its absolute id. */
export type VerificationMethod = Json & { id: string }

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

const absolute = (base: string, id: unknown): string | undefined =>
  typeof id !== 'string' ? undefined : id.startsWith('#') ? `${base}${id}` : id

/** Every verification method a document lists, embedded ones included, with absolute ids. */
export function verificationMethodsOf(doc: Json): VerificationMethod[] {
  const base = typeof doc.id === 'string' ? doc.id : ''
  const out: VerificationMethod[] = []
  const relations = ['verificationMethod', 'assertionMethod', 'authentication']
  for (const relation of relations) {
    const list = doc[relation]
    for (const entry of Array.isArray(list) ? list : list === undefined ? [] : [list]) {
      if (!isObject(entry)) continue
      const id = absolute(base, entry.id)
      if (id) out.push({ ...entry, id })
    }
  }
  return out
}

/** Whether a controller document lists a verification method under `assertionMethod`. */
export function isAssertionMethod(doc: Json, vmId: string): boolean {
  const base = typeof doc.id === 'string' ? doc.id : ''
  const list = doc.assertionMethod
  for (const entry of Array.isArray(list) ? list : list === undefined ? [] : [list]) {
    const id =
      typeof entry === 'string'
        ? absolute(base, entry)
        : isObject(entry)
          ? absolute(base, entry.id)
          : undefined
    if (id === vmId) return true
  }
  return false
}

export function createResolver(options: ResolverOptions): Resolver {
  const supplied = new Map<string, Json>()
  for (const doc of options.didDocuments ?? []) {
    if (isObject(doc) && typeof doc.id === 'string') supplied.set(doc.id, doc)
  }
  const cache = new Map<string, Promise<Json | undefined>>()

  const load = async (id: string): Promise<Json | undefined> => {
    const given = supplied.get(id)
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
    const found = doc && verificationMethodsOf(doc).find((vm) => vm.id === id)
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
    const docs: Json[] = [...supplied.values()]
    if (issuer) {
      const doc = await controller(issuer)
      if (doc) docs.unshift(doc)
    }
    for (const doc of docs) {
      for (const vm of verificationMethodsOf(doc)) {
        const jwkKid = isObject(vm.publicKeyJwk) ? vm.publicKeyJwk.kid : undefined
        if (vm.id.endsWith(`#${kid}`) || jwkKid === kid) return vm
      }
    }
    return undefined
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
  const valid = isDateTimeStamp(vm.expires)
  if (valid && Date.parse(vm.expires as string) + clock.skew > clock.now) return undefined
  return finding(
    'KEY_EXPIRED',
    path,
    valid
      ? `the verification method ${vm.id} expired at ${vm.expires as string}`
      : `the verification method ${vm.id} has an \`expires\` that is not a dateTimeStamp`,
  )
}
