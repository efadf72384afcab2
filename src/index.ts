/**
 * Entry `carbon-passport`: everything: create, issue and verify passports and credentials (Data
 * Integrity and vc+jwt), status lists, DID documents, plus all of `carbon-passport/conformance` and
 * `carbon-passport/keys`. Re-exports only.
 *
 * @module carbon-passport
 */

export {
  type Accreditation,
  type AttestationLevel,
  type AttestationOpinion,
  type AttestedFigure,
  type AttestOptions,
  attestPassport,
} from './attestation/attest.js'
export type { VerifiedFigure } from './attestation/figures.js'
export { MAX_ATTESTATIONS, type TrustedVerifier } from './attestation/verify.js'
export {
  type BatchItem,
  type BatchProgress,
  type VerifyManyOptions,
  verifyMany,
} from './batch/verify-many.js'
export * from './conformance/index.js'
export { bundledContexts } from './context/bundled-contexts.js'
export {
  createDocumentLoader,
  type DidDocument,
  type DocumentLoader,
  type DocumentLoaderOptions,
  type RemoteDocument,
} from './context/loader.js'
export { MAX_CONTEXTS, MAX_INLINE_CONTEXT_BYTES } from './credential/checks/context.js'
export type { RelatedResources } from './credential/checks/related-resources.js'
export {
  type CryptosuiteName,
  type EnvelopedCredential,
  type IssueOptions,
  issueCredential,
  type SignedCredential,
} from './credential/issue.js'
export {
  type EnvelopedPresentation,
  type IssuePresentationOptions,
  issuePresentation,
  type SignedPresentation,
} from './credential/presentation/issue.js'
export { DEFAULT_MAX_CREDENTIALS } from './credential/presentation/syntax.js'
export {
  PRESENTATION_CHECK_ORDER,
  type PresentationVerificationResult,
  type VerifyPresentationOptions,
  verifyPresentation,
} from './credential/presentation/verify.js'
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
  type ChainCode,
  findingCatalogue,
  VERIFICATION_CODES,
  type VerificationCode,
} from './findings/catalogue.js'
export type {
  ChainTool,
  CodeDefinition,
  ConversionTool,
  GenerationTool,
} from './findings/define.js'
export * from './generate/index.js'
export * from './interop/index.js'
export * from './keys/index.js'
export { CONTEXT_V1_URL, VOCAB_IRI } from './model/iris.js'
export { PASSPORT_CONTEXTS } from './passport/contexts.js'
export {
  type CreatePassportOptions,
  createPassport,
  type PassportSubjectInput,
} from './passport/create.js'
export { type IssuePassportOptions, issuePassport } from './passport/issue.js'
export { type VerifyPassportOptions, verifyPassport } from './passport/verify.js'
export type { Check, CheckId, CredentialFormat, VerificationResult } from './results.js'
export {
  type Bundle,
  type BundleResolver,
  type CreateBundleOptions,
  createBundle,
  MAX_BUNDLE_CREDENTIALS,
  resolveFromBundle,
} from './supply-chain/bundle.js'
export {
  type ChainNode,
  type ChainReport,
  type ChainVerdict,
  DEFAULT_MAX_CHAIN_DEPTH,
  DEFAULT_MAX_CHAIN_NODES,
  type ResolvePassport,
  type VerifyChainOptions,
  verifyChain,
} from './supply-chain/chain.js'
export { computePassportDigest } from './supply-chain/digest.js'
