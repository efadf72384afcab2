/**
 * The verification methods of a DID (controller) document: every one it lists or embeds under
 * `verificationMethod`, `assertionMethod` and `authentication`, with ids made absolute.
 */
import { isObject, type Json } from '../json.js'

/** A verification method with its absolute id. */
export type VerificationMethod = Json & { id: string }

/** The absolute form of an id: `#fragment` ids are relative to the document's id. */
export const absoluteId = (base: string, id: unknown): string | undefined =>
  typeof id !== 'string' ? undefined : id.startsWith('#') ? `${base}${id}` : id

const RELATIONS = ['verificationMethod', 'assertionMethod', 'authentication'] as const

/** Every verification method a document lists, embedded ones included, with absolute ids. */
export function verificationMethodsOf(doc: Json): VerificationMethod[] {
  const base = typeof doc.id === 'string' ? doc.id : ''
  const out: VerificationMethod[] = []
  for (const relation of RELATIONS) {
    const list = doc[relation]
    for (const entry of Array.isArray(list) ? list : list === undefined ? [] : [list]) {
      if (!isObject(entry)) continue
      const id = absoluteId(base, entry.id)
      if (id) out.push({ ...entry, id })
    }
  }
  return out
}

/** The first verification method of a document with this absolute id, or undefined. */
export function verificationMethodIn(doc: Json, id: string): VerificationMethod | undefined {
  return verificationMethodsOf(doc).find((vm) => vm.id === id)
}

/** The JWK `kid` of a verification method, when it has a string one. */
export const jwkKidOf = (vm: Json): string | undefined =>
  isObject(vm.publicKeyJwk) && typeof vm.publicKeyJwk.kid === 'string'
    ? vm.publicKeyJwk.kid
    : undefined

/**
 * The first verification method of a document a JOSE `kid` names: its id ends in `#<kid>`, or its
 * JWK's `kid` is `kid`. Undefined when none does.
 */
export function verificationMethodByKid(doc: Json, kid: string): VerificationMethod | undefined {
  return verificationMethodsOf(doc).find((vm) => vm.id.endsWith(`#${kid}`) || jwkKidOf(vm) === kid)
}
