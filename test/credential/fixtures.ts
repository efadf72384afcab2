/** Shared test data: the example passports, their committed example keys and DID documents. */
import { readdirSync, readFileSync } from 'node:fs'
import type { DidDocument } from '../../src/context/loader.js'
import { importKey, type KeyPair } from '../../src/keys/keys.js'

const root = new URL('../../', import.meta.url)
export const readJsonFile = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(path, root), 'utf8')) as Record<string, unknown>
export const readTextFile = (path: string): string =>
  readFileSync(new URL(path, root), 'utf8').trim()

/** A clock after every example's validFrom. */
export const NOW = new Date('2026-11-01T00:00:00Z')

export interface Example {
  name: string
  passport: Record<string, unknown>
}

export function loadExamples(): Example[] {
  return readdirSync(new URL('examples/valid/', root))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), passport: readJsonFile(`examples/valid/${f}`) }))
}

const hostOf = (did: string) => did.replace(/^did:web:/, '')

/** The committed example key of an example issuer (did:web). */
export function exampleKey(did: string): KeyPair {
  return importKey(readJsonFile(`examples/keys/${hostOf(did)}.private.jwk.json`))
}

export function exampleDidDocuments(): DidDocument[] {
  return readdirSync(new URL('examples/keys/', root))
    .filter((f) => f.endsWith('.did.json'))
    .map((f) => readJsonFile(`examples/keys/${f}`) as DidDocument)
}

export const issuerOf = (passport: Record<string, unknown>): string => {
  const issuer = passport.issuer
  return typeof issuer === 'string' ? issuer : String((issuer as { id: string }).id)
}

/** A passport built with createPassport-style data for an issuer (for tests that need their own key). */
export function withIssuer(passport: Record<string, unknown>, id: string): Record<string, unknown> {
  const copy = structuredClone(passport)
  copy.issuer = typeof copy.issuer === 'string' ? id : { ...(copy.issuer as object), id }
  return copy
}
