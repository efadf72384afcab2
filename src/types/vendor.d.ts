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
