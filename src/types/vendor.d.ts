// The @digitalbazaar packages and did-context ship no TypeScript types. These declarations cover only
// what carbon-passport uses; vendor types never appear in the public API.
declare module '@digitalbazaar/credentials-context' {
  export const contexts: ReadonlyMap<string, unknown>
}
declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: ReadonlyMap<string, unknown>
}
declare module '@digitalbazaar/multikey-context' {
  export const contexts: ReadonlyMap<string, unknown>
}
declare module '@digitalbazaar/security-context' {
  export const contexts: ReadonlyMap<string, unknown>
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: ReadonlyMap<string, unknown>
}
declare module 'did-context' {
  export const contexts: ReadonlyMap<string, unknown>
}

// ---- signing stack (used only in src/credential/data-integrity, status.ts, tests and bench) ----
declare module '@digitalbazaar/vc' {
  export function signPresentation(options: {
    presentation: unknown
    suite: unknown
    purpose: unknown
    documentLoader?: unknown
  }): Promise<Record<string, unknown>>
  export function issue(options: {
    credential: unknown
    suite: unknown
    documentLoader?: unknown
    now?: Date | string
    purpose?: unknown
  }): Promise<Record<string, unknown>>
  export function verifyCredential(options: {
    credential: unknown
    suite: unknown
    documentLoader?: unknown
    now?: Date | string
    purpose?: unknown
    checkStatus?: unknown
  }): Promise<{
    verified: boolean
    error?: unknown
    results?: unknown[]
    statusResult?: {
      verified: boolean
      results?: { status: boolean; credentialStatus: Record<string, unknown> }[]
    }
  }>
}
declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: {
      signer?: unknown
      date?: unknown
      cryptosuite: unknown
      legacyContext?: boolean
    })
    type: string
    cryptosuite: string
    verifyProof(options: {
      proof: Record<string, unknown>
      proofSet?: unknown[]
      document: Record<string, unknown>
      documentLoader: unknown
      purpose?: unknown
    }): Promise<{ verified: boolean; verificationMethod?: unknown; error?: unknown }>
    canonizeProof(
      proof: Record<string, unknown>,
      options: { documentLoader: unknown; document: Record<string, unknown> },
    ): Promise<string>
    canonize(input: unknown, options: Record<string, unknown>): Promise<string>
  }
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: {
    name: string
    requiredAlgorithm: string | string[]
    canonize(input: unknown, options: Record<string, unknown>): Promise<string>
    createVerifier(options: { verificationMethod: unknown }): Promise<unknown>
    createVerifyData?: unknown
  }
}
declare module '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite' {
  export const cryptosuite: {
    name: string
    requiredAlgorithm: string | string[]
    canonize(input: unknown, options: Record<string, unknown>): Promise<string>
    createVerifier(options: { verificationMethod: unknown }): Promise<unknown>
    createVerifyData?: unknown
  }
}
declare module '@digitalbazaar/ed25519-multikey' {
  export function generate(options?: {
    id?: string
    controller?: string
  }): Promise<Record<string, unknown> & { publicKeyMultibase: string; signer(): unknown }>
  export function from(key: unknown): Promise<Record<string, unknown> & { signer(): unknown }>
}
declare module '@digitalbazaar/ecdsa-multikey' {
  export function generate(options: {
    curve: string
    id?: string
    controller?: string
  }): Promise<Record<string, unknown> & { publicKeyMultibase: string; signer(): unknown }>
  export function from(key: unknown): Promise<Record<string, unknown> & { signer(): unknown }>
}
declare module 'jsonld-signatures' {
  const jsigs: {
    verify(
      document: unknown,
      options: { suite: unknown; purpose: unknown; documentLoader: unknown },
    ): Promise<{ verified: boolean; error?: unknown }>
    purposes: { AssertionProofPurpose: new (options?: Record<string, unknown>) => unknown }
  }
  export default jsigs
}
declare module 'jsonld/lib/ContextResolver.js' {
  export default class ContextResolver {
    constructor(options: { sharedCache: Map<string, unknown> })
  }
}
declare module '@digitalbazaar/vc-bitstring-status-list' {
  export interface BitstringStatusList {
    length: number
    setStatus(index: number, status: boolean): void
    getStatus(index: number): boolean
    encode(): Promise<string>
  }
  export function createList(options: { length: number }): Promise<BitstringStatusList>
  export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>
}
// jsonld.js internals, loaded lazily and checked by src/credential/data-integrity/jsonld-internals.ts.
declare module 'jsonld/lib/context.js' {
  const api: {
    getInitialContext(options: Record<string, unknown>): unknown
    process(options: {
      activeCtx: unknown
      localCtx: unknown
      options: Record<string, unknown>
      propagate?: boolean
      overrideProtected?: boolean
    }): Promise<unknown>
    expandIri(
      activeCtx: unknown,
      value: string,
      relativeTo: { vocab?: boolean; base?: boolean },
      options: Record<string, unknown>,
    ): unknown
  }
  export default api
}
declare module 'jsonld/lib/types.js' {
  const api: { isDouble(value: unknown): boolean }
  export default api
}
declare module 'jsonld/lib/url.js' {
  const api: { isAbsolute(value: unknown): boolean }
  export default api
}
