/**
 * Entry `carbon-passport/keys`: generate, import and export signing keys and turn them into
 * verification methods, with node:crypto only (no JSON-LD or JOSE package), for key tooling that
 * neither signs nor verifies credentials. Re-exports only; every name here is also exported,
 * unchanged, by `carbon-passport`.
 *
 * @module carbon-passport/keys
 */

export {
  CarbonPassportError,
  type CarbonPassportErrorCode,
  isCarbonPassportError,
} from '../errors.js'
export { exportKey } from './export.js'
export { generateKeyPair } from './generate.js'
export { importKey } from './import.js'
export type {
  ExportKeyOptions,
  GenerateKeyPairOptions,
  ImportKeyOptions,
  KeyAlgorithm,
  KeyPair,
  MultikeyDocument,
  PrivateJwk,
  PublicJwk,
} from './types.js'
export { toVerificationMethod } from './verification-method.js'
