// Public API of carbon-passport: re-exports only.
export { bundledContexts } from './context/bundled.js'
export { isSupportedDidKey } from './context/did-key.js'
export {
  createDocumentLoader,
  type DidDocument,
  type DocumentLoader,
  type DocumentLoaderOptions,
  type RemoteDocument,
} from './context/loader.js'
export {
  type CreatePassportOptions,
  createPassport,
  type PassportSubjectInput,
} from './credential/create.js'
export {
  CarbonPassportError,
  type CarbonPassportErrorCode,
  isCarbonPassportError,
} from './errors.js'
export type * from './model/types.js'
export { CONTEXT_V1_URL, VOCAB_IRI } from './model/vocabulary.js'
export { PASSPORT_SCHEMA_ID, type SchemaName, schemaIds } from './schema/registry.js'
