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
export {
  createDocumentLoader,
  type DidDocument,
  type DocumentLoader,
  type DocumentLoaderOptions,
  type RemoteDocument,
} from './context/loader.js'
export {
  type CryptosuiteName,
  type EnvelopedCredential,
  type IssueOptions,
  issueCredential,
  type SignedCredential,
} from './credential/issue.js'
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
export { isSupportedDidKey } from './did/did-key.js'
export { type CreateDidDocumentOptions, createDidDocument } from './did/document.js'
export type { ResolveDid } from './did/resolve.js'
export {
  CarbonPassportError,
  type CarbonPassportErrorCode,
  isCarbonPassportError,
} from './errors.js'
export {
  type FindingCode,
  findingCatalogue,
  VERIFICATION_CODES,
  type VerificationCode,
} from './findings/catalogue.js'
export type { CodeDefinition } from './findings/define.js'
export { exportKey } from './keys/export.js'
export { generateKeyPair } from './keys/generate.js'
export { importKey } from './keys/import.js'
export type {
  ExportKeyOptions,
  GenerateKeyPairOptions,
  ImportKeyOptions,
  KeyAlgorithm,
  KeyPair,
  MultikeyDocument,
  PrivateJwk,
  PublicJwk,
} from './keys/types.js'
export { toVerificationMethod } from './keys/verification-method.js'
export { CONTEXT_V1_URL, VOCAB_IRI } from './model/iris.js'
export type * from './model/types.js'
export { PASSPORT_CONTEXTS } from './passport/contexts.js'
export {
  type CreatePassportOptions,
  createPassport,
  type PassportSubjectInput,
} from './passport/create.js'
export { issuePassport } from './passport/issue.js'
export { type VerifyPassportOptions, verifyPassport } from './passport/verify.js'
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
