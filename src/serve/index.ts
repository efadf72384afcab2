/**
 * The verification service (`carbon-passport serve`): CLI-internal, not a package entry, so that
 * no library import pays for Fastify.
 */
export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  parseByteSize,
  type Runner,
  type ServeOptions,
} from './options.js'
export type { Problem } from './problem.js'
export { createServer, type Service, type Trust, type VerifyResponse } from './server.js'
