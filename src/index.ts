// Public API of carbon-passport: re-exports only.

export {
  type ConformanceCode,
  catalogue,
  profileCatalogue,
  type RuleDefinition,
} from './conformance/catalogue.js'
export {
  type CheckConformanceOptions,
  checkConformance,
  DEFAULT_TOLERANCE,
} from './conformance/check.js'
export { formatFinding, formatReport, statusLabel } from './conformance/format.js'
export { DEFAULT_MAX_FINDINGS } from './conformance/limits.js'
export { isProfileId, PROFILE_IDS, type ProfileId } from './conformance/profiles/ids.js'
export { bundledContexts } from './context/bundled.js'
export { isSupportedDidKey } from './context/did-key.js'
export {
  createDocumentLoader,
  type DidDocument,
  type DocumentLoader,
  type DocumentLoaderOptions,
  type RemoteDocument,
} from './context/loader.js'
export { VERIFICATION_CODES, type VerificationCode } from './credential/codes.js'
export {
  type CreatePassportOptions,
  createPassport,
  type PassportSubjectInput,
} from './credential/create.js'
export { type CreateDidDocumentOptions, createDidDocument } from './credential/did-document.js'
export {
  type CryptosuiteName,
  type EnvelopedCredential,
  type IssueOptions,
  issueCredential,
  type SignedCredential,
} from './credential/issue.js'
export {
  type ExportKeyOptions,
  exportKey,
  type GenerateKeyPairOptions,
  generateKeyPair,
  type ImportKeyOptions,
  importKey,
  type KeyAlgorithm,
  type KeyPair,
  type MultikeyDocument,
  type PrivateJwk,
  type PublicJwk,
  toVerificationMethod,
} from './credential/keys.js'
export {
  issuePassport,
  PASSPORT_CONTEXTS,
  type VerifyPassportOptions,
  verifyPassport,
} from './credential/passport.js'
export type { ResolveDid } from './credential/resolve.js'
export {
  type BitstringStatusListEntry,
  type CreateStatusListOptions,
  createStatusEntry,
  createStatusList,
  MAX_ENCODED_STATUS_LIST_LENGTH,
  MAX_STATUS_LIST_LENGTH,
  MIN_STATUS_LIST_LENGTH,
  type StatusListCredential,
  type StatusPurpose,
  setStatus,
} from './credential/status.js'
export { type VerifyOptions, verifyCredential } from './credential/verify.js'
export {
  CarbonPassportError,
  type CarbonPassportErrorCode,
  isCarbonPassportError,
} from './errors.js'
export type * from './model/types.js'
export { CONTEXT_V1_URL, VOCAB_IRI } from './model/vocabulary.js'
export type {
  Check,
  CheckId,
  ConformanceReport,
  ConformanceStatus,
  CredentialFormat,
  Finding,
  Severity,
  VerificationResult,
} from './results.js'
export {
  DEFAULT_MAX_SCHEMA_ERRORS,
  MAX_LINES,
  MAX_LIST_ITEMS,
  PASSPORT_SCHEMA_ID,
  type SchemaName,
  schemaIds,
} from './schema/registry.js'
export { computePassportDigest } from './supply-chain/digest.js'
