/**
 * What the verification service needs to start: read once, at start-up, from files (nothing is
 * fetched, then or later). The CLI (`carbon-passport serve`) builds these from its flags; tests
 * build them directly.
 */
import type { ProfileId } from '../conformance/profiles/ids.js'
import type { DidDocument } from '../context/loader.js'
import type { KeyPair } from '../keys/types.js'

/** Options of `createServer`. */
export interface ServeOptions {
  /** DID documents that keys are resolved from, indexed by `id` once at start-up. */
  didDocuments?: readonly DidDocument[]
  /** Bitstring Status List credentials (objects, vc+jwt or envelopes) the `status` check reads. */
  statusLists?: readonly unknown[]
  /** Conformance profiles on top of `core`, for passports (verify and issue). */
  profiles?: readonly ProfileId[]
  /** The issuing key. Without it `POST /credentials/issue` is not served (404). */
  key?: KeyPair
  /** The largest request body in bytes (1 MiB by default); larger is 413. */
  maxBodyBytes?: number
  /** Requests verified or issued at once (the cores by default); one more is 503. */
  concurrency?: number
  /** Milliseconds a verification or issuance may take (10 000 by default); longer is 503. */
  timeoutMs?: number
  /** Access logs: one JSON line per request on standard error. On by default. */
  logs?: boolean
  /** Where the access logs go: standard error by default. */
  logStream?: { write(line: string): void }
  /** The clock of every verification (the current time by default): for tests and replays. */
  now?: () => Date
  /**
   * Worker threads that verify (`verifyMany`'s pool, src/batch/pool.ts): `0` (the default here;
   * the CLI's is the cores) verifies in this process, on the event loop. Issuance is always
   * in this process (the key stays on this thread).
   */
  jobs?: number
  /**
   * Wraps the work of one request (verify or issue), wherever it runs: `run(() => work())`. Tests
   * use it to make a request slow deterministically.
   */
  runner?: Runner
}

/** One unit of work of the service and how it is run: `run(() => verify(…))`. */
export type Runner = <T>(work: () => Promise<T>) => Promise<T>

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024
export const DEFAULT_TIMEOUT_MS = 10_000

/** `1mb`, `512kb`, `2048` (bytes): a body size; undefined when it is not one. */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(text)
  if (!match) return undefined
  const unit = (match[2] ?? 'b').toLowerCase()[0] as 'b' | 'k' | 'm' | 'g'
  const factor = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[unit]
  const bytes = Math.floor(Number(match[1]) * factor)
  return bytes > 0 ? bytes : undefined
}
