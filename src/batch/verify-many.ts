/**
 * `verifyMany`: verifies a stream of passports (or credentials) on a pool of warm worker threads
 * (piscina), with bounded read-ahead (back-pressure), results in input order or as completed,
 * cancellation by `AbortSignal` and a progress callback. The main thread hands the raw inputs to
 * the workers as they come (strings, objects): it parses nothing itself.
 */
import { availableParallelism } from 'node:os'
import type { DocumentLoader } from '../context/loader.js'
import { checkIds, stoppedResult, verifyCredential } from '../credential/verify.js'
import type { ResolveDid } from '../did/resolve.js'
import { commonCodes } from '../findings/common.js'
import {
  describeError,
  invalidArgument,
  optionalBoolean,
  optionalOneOf,
  readOptions,
} from '../guard.js'
import { type VerifyPassportOptions, verifyPassport } from '../passport/verify.js'
import type { VerificationResult } from '../results.js'

/** Options of `verifyMany`: how to run the batch, and the verify options applied to every input. */
export interface VerifyManyOptions extends VerifyPassportOptions {
  /**
   * `passport` (the default) verifies each input with `verifyPassport`; `credential` with
   * `verifyCredential` (the passport-only options `profiles`, `tolerance`, `attestations` and
   * `trustedVerifiers` are then not used).
   */
  kind?: 'passport' | 'credential'
  /**
   * Worker threads to verify on: a whole number ≥ 0, `os.availableParallelism()` by default. `0`
   * verifies on the calling thread (no worker is started); only then may `resolveDid` and
   * `documentLoader` be given.
   */
  jobs?: number
  /** Results in input order (`true`, the default), or as they complete (`false`). */
  ordered?: boolean
  /**
   * The most inputs read from the source and not yet handed to the consumer: `jobs × 8` by default
   * (16 when `jobs` is 0). Reading is pull-based: when the consumer stops pulling, reading stops,
   * so memory stays flat however long the source.
   */
  maxInFlight?: number
  /**
   * Stops the batch: no more input is read, work not yet delivered is discarded, the workers are
   * stopped and the iteration ends (without an error).
   */
  signal?: AbortSignal
  /**
   * Called after each input read and each result delivered. Errors it throws are ignored. The
   * counts add up: `read = done + inFlight`, `done = verified + failed`.
   */
  onProgress?: (progress: BatchProgress) => void
  /**
   * Whether each result carries the decoded credential (`result.credential`, `true` by default).
   * `false` leaves it out (the item's `id` is still given): a worker then sends back a few hundred
   * bytes instead of the whole passport, which is most of the main thread's cost per result.
   */
  includeCredential?: boolean
  /**
   * Your own DID resolver: a function, so it cannot be sent to worker threads. Only with
   * `jobs: 0`; with workers, pass the DID documents as `didDocuments` instead.
   */
  resolveDid?: ResolveDid
  /**
   * A document loader: a function, so it cannot be sent to worker threads. Only with `jobs: 0`;
   * with workers, pass DID documents as `didDocuments` (contexts are bundled).
   */
  documentLoader?: DocumentLoader
}

/** One verified input of a batch. */
export interface BatchItem {
  /** The position of the input in the source, from 0. */
  index: number
  /** The credential's `id`, when it could be read and is a string. */
  id?: string
  /** `result.verified`. */
  verified: boolean
  /** What `verifyPassport` (or `verifyCredential`) returned for the input. */
  result: VerificationResult
}

/** How far a batch has got (`onProgress`). */
export interface BatchProgress {
  /** Inputs read from the source. */
  read: number
  /** Results delivered to the consumer. */
  done: number
  /** Of those, verified. */
  verified: number
  /** Of those, not verified. */
  failed: number
  /** Read and not yet delivered (`read - done`), at most `maxInFlight`. */
  inFlight: number
}

/** What every worker receives once, at start-up (`workerData`). */
export interface WorkerSetup {
  kind: 'passport' | 'credential'
  /** Whether results keep the decoded credential (see `VerifyManyOptions.includeCredential`). */
  includeCredential: boolean
  /** The verify options: plain data only (structured-cloneable). */
  options: VerifyPassportOptions
}

/**
 * Every option of `verifyPassport`, by how it can travel: plain data sent to each worker once,
 * functions (only with `jobs: 0`), and the passport-only options. Typed against
 * `VerifyPassportOptions`, so a new option fails to compile until it is placed here.
 */
const VERIFY_OPTION_KINDS = {
  now: 'data',
  maxClockSkew: 'data',
  documentLoader: 'function',
  didDocuments: 'data',
  resolveDid: 'function',
  statusLists: 'data',
  relatedResources: 'data',
  trustedIssuers: 'data',
  maxBytes: 'data',
  maxDepth: 'data',
  maxProofs: 'data',
  maxBlankNodes: 'data',
  maxQuads: 'data',
  skipChecks: 'data',
  profiles: 'passport',
  tolerance: 'passport',
  attestations: 'passport',
  trustedVerifiers: 'passport',
} as const satisfies Record<keyof VerifyPassportOptions, 'data' | 'function' | 'passport'>

type VerifyKey = keyof typeof VERIFY_OPTION_KINDS
const VERIFY_KEYS = Object.keys(VERIFY_OPTION_KINDS) as VerifyKey[]
const BATCH_KEYS = [
  'kind',
  'jobs',
  'ordered',
  'maxInFlight',
  'signal',
  'onProgress',
  'includeCredential',
] as const

/** The worker module: `worker.js` next to this one in the package, `worker.ts` under a TS runner. */
const SOURCE_IS_TS = import.meta.url.endsWith('.ts')
const WORKER_URL = new URL(SOURCE_IS_TS ? './worker.ts' : './worker.js', import.meta.url)

/** Tasks handed to each worker at a time (see `startPool`). */
const TASKS_PER_WORKER = 4

/** tsx's ESM API: a development dependency, only asked for when this module runs as TypeScript. */
const TSX_ESM_API = 'tsx/esm/api'

/**
 * Under a TypeScript runner (vitest, tsx: the tests and the benchmarks), the worker is `worker.ts`:
 * each worker registers tsx's loader first (a `--import` of a data: URL, because Node 20 does not
 * run tsx's own `--import tsx` registration in worker threads).
 */
function tsxBootstrap(): string {
  const api = import.meta.resolve(TSX_ESM_API)
  const code = `import { register } from ${JSON.stringify(api)}; register()`
  return `data:text/javascript,${encodeURIComponent(code)}`
}

interface Config {
  kind: 'passport' | 'credential'
  includeCredential: boolean
  jobs: number
  ordered: boolean
  maxInFlight: number
  signal: AbortSignal | undefined
  onProgress: ((progress: BatchProgress) => void) | undefined
  /** The options for verifying on this thread (functions included when `jobs` is 0). */
  localOptions: VerifyPassportOptions
}

/**
 * Verifies many passports (or credentials): `source` is an iterable or async iterable of inputs,
 * each anything `verifyPassport` accepts (an object, JSON text, a compact JWS, an enveloped
 * credential); the result is an async iterable of one `BatchItem` per input.
 *
 * - Workers: `jobs` worker threads (all cores by default) are started when the iteration starts,
 *   each given the options once (so `didDocuments` are indexed once per worker), and stopped when it
 *   ends, however it ends (`break`, `signal`, the source exhausted). `jobs: 0` verifies on the
 *   calling thread.
 * - Order: results in input order by default; `ordered: false` gives them as they complete.
 * - Back-pressure: at most `maxInFlight` inputs are read ahead of the consumer; reading happens only
 *   while the consumer pulls.
 * - Never throws while iterating: an input that cannot be read or verified is an item with
 *   `verified: false` whose result says why; an input that cannot be sent to a worker (not
 *   structured-cloneable, a Proxy, too deep), or whose worker fails, is verified on the calling
 *   thread with the same options, so the verdicts never depend on `jobs`; a source that throws gives one last failed item (`INTERNAL_ERROR`,
 *   "reading the source failed") and the iteration then ends. `signal` ends the iteration early,
 *   without an error.
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT`, at once, when `source` is not an iterable (or is
 *   a string), an option has the wrong type, or, with `jobs` > 0, a function option (`resolveDid`,
 *   `documentLoader`) is given or an option cannot be sent to a worker thread (not
 *   structured-cloneable): use `jobs: 0` for those, or pass the DID documents as `didDocuments`.
 *
 * @example
 * ```ts
 * for await (const item of verifyMany(jwts, { didDocuments, jobs: 4 })) {
 *   if (!item.verified) console.log(item.index, item.id, item.result.errors.map((e) => e.code))
 * }
 * ```
 */
export function verifyMany(
  source: Iterable<unknown> | AsyncIterable<unknown>,
  options?: VerifyManyOptions,
): AsyncIterable<BatchItem> {
  assertSource(source)
  const config = readConfig(options)
  return runBatch(source, config)
}

function assertSource(source: unknown): void {
  if (typeof source === 'string')
    throw invalidArgument('source must be an iterable of inputs, not a string: pass [text]')
  let iterable = false
  try {
    iterable =
      source !== null &&
      typeof source === 'object' &&
      (typeof (source as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function' ||
        typeof (source as Iterable<unknown>)[Symbol.iterator] === 'function')
  } catch {
    iterable = false
  }
  if (!iterable) throw invalidArgument('source must be an iterable or an async iterable of inputs')
}

const wholeNumber = (value: unknown, min: number, label: string): number | undefined => {
  if (value === undefined) return undefined
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min) return value
  throw invalidArgument(`${label} must be a whole number ≥ ${min}`)
}

/** `instanceof`, which a hostile Proxy can make throw, answered false instead. */
const isAbortSignal = (value: unknown): boolean => {
  try {
    return value instanceof AbortSignal
  } catch {
    return false
  }
}

function readConfig(options: unknown): Config {
  const read = readOptions(options, [...BATCH_KEYS, ...VERIFY_KEYS])
  const kind = optionalOneOf(read.kind, ['passport', 'credential'], 'options.kind') ?? 'passport'
  const jobs = wholeNumber(read.jobs, 0, 'options.jobs') ?? availableParallelism()
  const ordered = optionalBoolean(read.ordered, 'options.ordered') ?? true
  const includeCredential =
    optionalBoolean(read.includeCredential, 'options.includeCredential') ?? true
  const maxInFlight =
    wholeNumber(read.maxInFlight, 1, 'options.maxInFlight') ?? (jobs === 0 ? 16 : jobs * 8)
  const { signal, onProgress } = read
  if (signal !== undefined && !isAbortSignal(signal))
    throw invalidArgument('options.signal must be an AbortSignal')
  if (onProgress !== undefined && typeof onProgress !== 'function')
    throw invalidArgument('options.onProgress must be a function')

  const verifyOptions: Record<string, unknown> = {}
  for (const key of VERIFY_KEYS) {
    const value = read[key]
    if (value === undefined) continue
    if (kind === 'credential' && VERIFY_OPTION_KINDS[key] === 'passport') continue
    if (jobs > 0) {
      if (VERIFY_OPTION_KINDS[key] === 'function' || typeof value === 'function')
        throw invalidArgument(
          `options.${key} is a function, which cannot be sent to worker threads: use jobs: 0 to verify on this thread, or pass the DID documents as didDocuments`,
          { option: key },
        )
      try {
        structuredClone(value)
      } catch (err) {
        throw invalidArgument(
          `options.${key} cannot be sent to worker threads (${describeError(err)}): use jobs: 0 to verify on this thread`,
          { option: key },
        )
      }
    }
    verifyOptions[key] = value
  }
  return {
    kind,
    includeCredential,
    jobs,
    ordered,
    maxInFlight,
    signal: signal as AbortSignal | undefined,
    onProgress: onProgress as ((progress: BatchProgress) => void) | undefined,
    localOptions: verifyOptions as VerifyPassportOptions,
  }
}

/** A verified input: its credential id, and its result (without the credential when asked). */
export interface Outcome {
  id?: string
  result: VerificationResult
}

/** The outcome of a result: the id read off the credential, which is dropped unless `include`. */
export function outcomeOf(result: VerificationResult, include: boolean): Outcome {
  const id = result.credential?.id
  return {
    ...(typeof id === 'string' ? { id } : {}),
    result: include ? result : { ...result, credential: undefined },
  }
}

/** Where inputs are verified: this thread, or the pool. `verify` never rejects. */
interface Executor {
  verify(input: unknown): Promise<Outcome>
  close(): Promise<void>
}

const internalError = (kind: Config['kind'], detail: string): VerificationResult =>
  stoppedResult(checkIds(kind === 'passport'), [
    commonCodes.finding('INTERNAL_ERROR', '', `verification stopped: ${detail}`),
  ])

function verifyHere(config: Config, input: unknown): Promise<Outcome> {
  const verify = config.kind === 'credential' ? verifyCredential : verifyPassport
  return verify(input, config.localOptions)
    .catch((err: unknown) => internalError(config.kind, describeError(err)))
    .then((result) => outcomeOf(result, config.includeCredential))
}

const localExecutor = (config: Config): Executor => ({
  verify: (input) => verifyHere(config, input),
  close: () => Promise.resolve(),
})

async function startPool(config: Config): Promise<Executor> {
  const { Piscina } = await import('piscina')
  const workerData: WorkerSetup = {
    kind: config.kind,
    includeCredential: config.includeCredential,
    options: config.localOptions,
  }
  const pool = new Piscina<unknown, Outcome>({
    filename: WORKER_URL.href,
    minThreads: config.jobs,
    maxThreads: config.jobs,
    // A few tasks queued in each worker, so that it never idles waiting for the next one while
    // this thread takes in a result (measured on 2 cores: 1.3× the throughput of one task at a
    // time on one worker, 2.3× on two).
    concurrentTasksPerWorker: TASKS_PER_WORKER,
    workerData,
    ...(SOURCE_IS_TS ? { execArgv: ['--import', tsxBootstrap()] } : {}),
  })
  // A worker that dies is reported on its task (or replaced when idle); never an unhandled event.
  pool.on('error', () => undefined)
  let closing: Promise<void> | undefined
  return {
    async verify(input) {
      try {
        return await pool.run(input)
      } catch (err) {
        if (closing) {
          const detail = `the batch was stopped (${describeError(err)})`
          return outcomeOf(internalError(config.kind, detail), config.includeCredential)
        }
        // An input (or a result) that cannot be sent (not structured-cloneable, or too deep for
        // the serializer), or a worker that died: verify it here instead, with the same options.
        return verifyHere(config, input)
      }
    },
    close() {
      closing ??= pool.destroy().catch(() => undefined)
      return closing
    },
  }
}

const toItem = (index: number, { id, result }: Outcome): BatchItem => ({
  index,
  ...(id === undefined ? {} : { id }),
  verified: result.verified === true,
  result,
})

type SourceIterator =
  | { async: true; iterator: AsyncIterator<unknown> }
  | { async: false; iterator: Iterator<unknown> }

function openSource(source: Iterable<unknown> | AsyncIterable<unknown>): SourceIterator {
  const asyncMethod = (source as AsyncIterable<unknown>)[Symbol.asyncIterator]
  if (typeof asyncMethod === 'function')
    return { async: true, iterator: asyncMethod.call(source) as AsyncIterator<unknown> }
  const method = (source as Iterable<unknown>)[Symbol.iterator]
  return { async: false, iterator: method.call(source) as Iterator<unknown> }
}

async function* runBatch(
  source: Iterable<unknown> | AsyncIterable<unknown>,
  config: Config,
): AsyncGenerator<BatchItem, void, undefined> {
  const { signal, ordered, maxInFlight, onProgress } = config
  if (signal?.aborted) return

  let executor: Executor | undefined
  let opened: SourceIterator | undefined
  let sourceDone = false
  let pendingRead: Promise<void> | undefined
  let read = 0
  let done = 0
  let verified = 0
  let failed = 0
  /** Results not yet delivered, by index (insertion order: completion order). */
  const finished = new Map<number, BatchItem>()
  let wake: (() => void) | undefined
  const notify = () => {
    const resume = wake
    wake = undefined
    resume?.()
  }
  const onAbort = () => {
    void executor?.close()
    notify()
  }
  signal?.addEventListener('abort', onAbort, { once: true })

  const progress = () => {
    if (!onProgress) return
    try {
      onProgress({ read, done, verified, failed, inFlight: read - done })
    } catch {
      // The caller's callback failing must not end the batch.
    }
  }
  const settle = (index: number, outcome: Outcome) => {
    finished.set(index, toItem(index, outcome))
    notify()
  }
  const sourceFailed = (err: unknown) => {
    sourceDone = true
    const index = read++
    progress()
    const detail = `reading the source failed: ${describeError(err)}`
    settle(index, outcomeOf(internalError(config.kind, detail), config.includeCredential))
  }
  const take = (step: IteratorResult<unknown>) => {
    try {
      if (step.done) {
        sourceDone = true
        return
      }
      const input = step.value
      const index = read++
      progress()
      ;(executor as Executor).verify(input).then((outcome) => settle(index, outcome))
    } catch (err) {
      sourceFailed(err)
    }
  }

  try {
    try {
      opened = openSource(source)
    } catch (err) {
      sourceFailed(err)
    }
    if (!sourceDone) executor = config.jobs === 0 ? localExecutor(config) : await startPool(config)

    while (!signal?.aborted) {
      // Read ahead, up to maxInFlight inputs not yet delivered (a pending read holds a slot).
      while (opened && !sourceDone && pendingRead === undefined && read - done < maxInFlight) {
        if (opened.async) {
          const { iterator } = opened
          // Every callback runs after the assignment, so a settled read always clears the slot.
          pendingRead = Promise.resolve()
            .then(() => iterator.next())
            .then(
              (step) => {
                pendingRead = undefined
                take(step)
              },
              (err: unknown) => {
                pendingRead = undefined
                sourceFailed(err)
              },
            )
            .then(notify)
        } else {
          try {
            take(opened.iterator.next())
          } catch (err) {
            sourceFailed(err)
          }
        }
      }

      const item = ordered ? finished.get(done) : finished.values().next().value
      if (item !== undefined) {
        finished.delete(item.index)
        done++
        if (item.verified) verified++
        else failed++
        progress()
        yield item
        continue
      }
      if (sourceDone && pendingRead === undefined && done === read) return
      await new Promise<void>((resolve) => {
        wake = resolve
      })
    }
  } finally {
    signal?.removeEventListener('abort', onAbort)
    if (opened && !sourceDone) {
      try {
        const closing = opened.iterator.return?.()
        // A read still pending may never settle (an endless stream): do not wait for it then.
        if (pendingRead === undefined) await closing
        else void Promise.resolve(closing).catch(() => undefined)
      } catch {
        // A source that fails to close does not fail the batch.
      }
    }
    await executor?.close()
  }
}
