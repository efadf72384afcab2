/**
 * The contexts served offline: their URLs, and the core of them, the VC contexts and ours (all a
 * passport's `@context` may name). Each comes from the package that publishes it (or, for ours,
 * from `contexts/v1.jsonld`), and every entry is deep-frozen so no caller can alter what others
 * verify against. The others (Data Integrity, Multikey, Security, DID, status list: ~20 modules)
 * are in bundled-contexts.ts, loaded only by what needs them (start-up, issue 13).
 */
import { readFileSync } from 'node:fs'
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context'
import { CONTEXT_V1_URL } from '../model/iris.js'

export const VC_V2_CONTEXT_URL = 'https://www.w3.org/ns/credentials/v2'
export const VC_V1_CONTEXT_URL = 'https://www.w3.org/2018/credentials/v1'
export const UNDEFINED_TERMS_CONTEXT_URL = 'https://www.w3.org/ns/credentials/undefined-terms/v2'
export const DID_V1_CONTEXT_URL = 'https://www.w3.org/ns/did/v1'
export const MULTIKEY_V1_CONTEXT_URL = 'https://w3id.org/security/multikey/v1'
export const PASSPORT_CONTEXT_URL = CONTEXT_V1_URL
/**
 * The carbon-passport extension context of UNTP Digital Product Passports
 * (`contexts/untp-extension-v1.jsonld`): the one term `carbonPassport`, whose value is read with
 * the passport v1 context, so what UNTP has no field for expands in safe mode.
 */
export const UNTP_EXTENSION_CONTEXT_URL = 'https://w3id.org/carbon-passport/untp-extension/v1'

/** Freezes a JSON value and everything inside it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

const passportContext: unknown = JSON.parse(
  readFileSync(new URL('../../contexts/v1.jsonld', import.meta.url), 'utf8'),
)

const untpExtensionContext: unknown = JSON.parse(
  readFileSync(new URL('../../contexts/untp-extension-v1.jsonld', import.meta.url), 'utf8'),
)

/** A context package's contexts, each copied and deep-frozen, URL → document. */
export function frozenCopies(source: ReadonlyMap<string, unknown>): [string, unknown][] {
  return [...source].map(([url, doc]) => [url, deepFreeze(structuredClone(doc))])
}

/**
 * URL → context document for the VC contexts (v1, v2) and ours: the part of `bundledContexts`
 * (bundled-contexts.ts, the same objects) that the loader serves without loading the rest.
 */
export const coreContexts: ReadonlyMap<string, unknown> = (() => {
  const map = new Map(frozenCopies(credentialsContexts))
  // The undefined-terms context turns every undefined term into an issuer-dependent IRI, which defeats
  // the safe-mode check that keeps unsigned properties out of a signed passport: never serve it by default.
  map.delete(UNDEFINED_TERMS_CONTEXT_URL)
  map.set(PASSPORT_CONTEXT_URL, deepFreeze(passportContext))
  map.set(UNTP_EXTENSION_CONTEXT_URL, deepFreeze(untpExtensionContext))
  return map
})()
