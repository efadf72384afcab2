/**
 * `verifyMany`: verifies a stream of passports (or credentials) on a pool of warm worker threads
 * (piscina), with bounded read-ahead (back-pressure), results in input order or as completed,
 * cancellation by `AbortSignal` and a progress callback. The main thread hands the raw inputs to
 * the workers in chunks (strings, objects, NDJSON lines undecoded) and gets back compact results
 * (no credential): it parses nothing itself, unless a consumer reads `result.credential`.
 */
import { availableParallelism } from 'node:os'
import type { DocumentLoader } from '../context/loader.js'
import type { ResolveDid } from '../did/resolve.js'
import {
  describeError,
  invalidArgument,
  optionalBoolean,
  optionalOneOf,
  readOptions,
} from '../guard.js'
import { isUnwrapFailure, unwrapCredential } from '../input/envelope.js'
import type { VerifyPassportOptions } from '../passport/verify.js'
import type { VerificationResult } from '../results.js'
import { VerifierPool } from './pool.js'
import { internalError, lineInput, TaskRunner, type WireOutcome } from './tasks.js'

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
   * The most inputs read from the source and not yet handed to the consumer: `jobs × 64` by default
   * (16 when `jobs` is 0). Workers get the inputs in chunks of up to 16 (`maxInFlight / (jobs × 4)`),
   * one message each way per chunk. Reading is pull-based: when the consumer stops pulling, reading stops,
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
   * `false` leaves it out (the item's `id` is still given). With workers, the credential never
   * crosses back from a worker: an object input is its own credential, and a string input (JSON
   * text, a JWS) is decoded again on this thread when `result.credential` is first read.
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

/** The most inputs sent to a worker in one task (see `chunkSizeOf`). */
const MAX_CHUNK = 16

/**
 * Inputs per task: enough to spread the cost of a message over several inputs, few enough that
 * every worker has work queued (`maxInFlight` holds about four chunks per worker).
 */
const chunkSizeOf = (config: Config) =>
  Math.max(1, Math.min(MAX_CHUNK, Math.floor(config.maxInFlight / (config.jobs * 4))))

/** Tasks each worker holds at a time (one running, one queued): a chunk is sent early below that. */
const TASKS_PER_WORKER = 2

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
    wholeNumber(read.maxInFlight, 1, 'options.maxInFlight') ?? (jobs === 0 ? 16 : jobs * 64)
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
interface Outcome {
  id?: string
  result: VerificationResult
}

/**
 * An NDJSON line for `runBatch` (the CLI), as the bytes read: decoded where it is verified (UTF-8,
 * then `ndjsonInput`: a JSON string is a compact JWS), so the thread that reads the lines decodes
 * and parses none of them, and holds no string of them on its heap. Not exported from the package:
 * a caller of `verifyMany` passes inputs.
 */
export class NdjsonLine {
  readonly bytes: Uint8Array
  constructor(bytes: Uint8Array) {
    this.bytes = bytes
  }
}

/**
 * Inputs read and not yet handed over: their indexes, and which of them are NDJSON lines (at those
 * positions, `inputs` holds the line's bytes).
 */
interface Chunk {
  indexes: number[]
  inputs: unknown[]
  lines: number[]
}

/** `instanceof`, which a hostile Proxy can make throw, answered false instead. */
const isNdjsonLine = (value: unknown): value is NdjsonLine => {
  try {
    return value instanceof NdjsonLine
  } catch {
    return false
  }
}

const newChunk = (): Chunk => ({ indexes: [], inputs: [], lines: [] })

/** Where inputs are verified: this thread, or the pool. `verify` never rejects. */
interface Executor {
  /** One outcome per input of the chunk, in its order. */
  verify(chunk: Chunk): Promise<Outcome[]>
  /** Chunks handed over and not settled. */
  pending(): number
  close(): Promise<void>
}

/** What a chunk position holds, an NDJSON line decoded (as a worker decodes it: `lineInput`). */
const inputAt = (chunk: Chunk, i: number): unknown => {
  const input = chunk.inputs[i]
  return chunk.lines.includes(i) && input instanceof Uint8Array ? lineInput(input) : input
}

function outcomeOf(result: VerificationResult, include: boolean): Outcome {
  const id = result.credential?.id
  return {
    ...(typeof id === 'string' ? { id } : {}),
    result: include ? result : { ...result, credential: undefined },
  }
}

const setCredential = (result: VerificationResult, value: unknown) =>
  Object.defineProperty(result, 'credential', {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  })

/**
 * A worker's outcome on this thread. The credential is the input object itself (`0`), or decoded
 * from the input when `result.credential` is first read (`1`: JSON text or a JWS payload, read by
 * `unwrapCredential` as the verifier read it). Most consumers never read it, and decoding (or
 * receiving) every passport on this thread is what kept it from keeping up with two workers.
 */
function fromWire(wire: WireOutcome, chunk: Chunk, i: number): Outcome {
  const { result } = wire
  const sent = chunk.inputs[i]
  if (wire.credential === 0) result.credential = sent as VerificationResult['credential']
  else if (wire.credential === 1) {
    const line = chunk.lines.includes(i)
    Object.defineProperty(result, 'credential', {
      enumerable: true,
      configurable: true,
      get() {
        let value: VerificationResult['credential']
        try {
          const input = line && sent instanceof Uint8Array ? lineInput(sent) : sent
          const unwrapped = unwrapCredential(input)
          if (!isUnwrapFailure(unwrapped)) value = unwrapped.credential
        } catch {
          value = undefined
        }
        setCredential(result, value)
        return value
      },
      set(value: unknown) {
        setCredential(result, value)
      },
    })
  }
  return { ...(wire.id === undefined ? {} : { id: wire.id }), result }
}

function localExecutor(config: Config): Executor {
  const runner = new TaskRunner({
    kind: config.kind,
    includeCredential: config.includeCredential,
    options: config.localOptions,
  })
  let pending = 0
  const verifyHere = (input: unknown) =>
    runner.verifyOne(input).then((result) => outcomeOf(result, config.includeCredential))
  return {
    verify(chunk) {
      pending++
      return Promise.all(chunk.inputs.map((_, i) => verifyHere(inputAt(chunk, i)))).finally(() => {
        pending--
      })
    },
    pending: () => pending,
    close: () => Promise.resolve(),
  }
}

function poolExecutor(config: Config, pool: VerifierPool, own: boolean): Executor {
  const here = localExecutor(config)
  const stopped = (err: unknown): Outcome =>
    outcomeOf(
      internalError(config.kind, `the batch was stopped (${describeError(err)})`),
      config.includeCredential,
    )
  let pending = 0
  let closing: Promise<void> | undefined
  const verify = async (chunk: Chunk): Promise<Outcome[]> => {
    try {
      const wires = await pool.chunk(chunk.inputs, chunk.lines)
      return wires.map((wire, i) => fromWire(wire, chunk, i))
    } catch (err) {
      if (closing || pool.closed) return chunk.inputs.map(() => stopped(err))
      // An input (or a result) that cannot be sent (not structured-cloneable, or too deep for the
      // serializer), or a worker that died: each input again on its own, and one that still
      // fails is verified here instead, with the same options.
      if (chunk.inputs.length === 1) return here.verify(chunk)
      const singles = chunk.inputs.map((input, i) =>
        verify({
          indexes: [chunk.indexes[i] as number],
          inputs: [input],
          lines: chunk.lines.includes(i) ? [0] : [],
        }),
      )
      return (await Promise.all(singles)).flat()
    }
  }
  return {
    verify(chunk) {
      pending++
      return verify(chunk).finally(() => {
        pending--
      })
    },
    pending: () => pending,
    close() {
      closing ??= own ? pool.close() : Promise.resolve()
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

/**
 * `verifyMany` on a pool the caller started (and closes): the benchmarks time a warm pool, and the
 * CLI hands NDJSON lines over undecoded (`NdjsonLine`). The pool's setup decides the verify
 * options; those of `options` are not used.
 */
export function verifyManyOn(
  pool: VerifierPool | undefined,
  source: Iterable<unknown> | AsyncIterable<unknown>,
  options?: VerifyManyOptions,
): AsyncIterable<BatchItem> {
  assertSource(source)
  const config = readConfig(pool ? { ...options, jobs: pool.jobs } : options)
  if (pool) {
    config.kind = pool.setup.kind
    config.includeCredential = pool.setup.includeCredential
    config.localOptions = pool.setup.options
  }
  return runBatch(source, config, pool)
}

async function* runBatch(
  source: Iterable<unknown> | AsyncIterable<unknown>,
  config: Config,
  external?: VerifierPool,
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
  /** Inputs read and not yet handed to the executor. */
  let chunk = newChunk()
  const chunkSize = config.jobs === 0 ? 1 : chunkSizeOf(config)
  const busy = config.jobs * TASKS_PER_WORKER
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
  /** Hands the inputs read so far to the executor. */
  const flush = () => {
    if (chunk.inputs.length === 0 || !executor) return
    const sent = chunk
    chunk = newChunk()
    executor.verify(sent).then((outcomes) => {
      for (let i = 0; i < sent.indexes.length; i++)
        settle(sent.indexes[i] as number, outcomes[i] as Outcome)
    })
  }
  /**
   * A chunk goes when it is full, when the source has ended, or when a worker would otherwise
   * wait for work; and whenever the consumer waits (below). Not when `maxInFlight` is reached:
   * then each result delivered would let one more input in, and go alone.
   */
  const flushIfDue = () => {
    if (chunk.inputs.length >= chunkSize || sourceDone || (executor?.pending() ?? 0) < busy) flush()
  }
  const sourceFailed = (err: unknown) => {
    sourceDone = true
    const index = read++
    progress()
    const detail = `reading the source failed: ${describeError(err)}`
    flush()
    settle(index, outcomeOf(internalError(config.kind, detail), config.includeCredential))
  }
  const take = (step: IteratorResult<unknown>) => {
    try {
      if (step.done) {
        sourceDone = true
        flush()
        return
      }
      const input = step.value
      const index = read++
      progress()
      chunk.indexes.push(index)
      if (isNdjsonLine(input)) {
        chunk.lines.push(chunk.inputs.length)
        chunk.inputs.push(input.bytes)
      } else chunk.inputs.push(input)
      flushIfDue()
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
    if (!sourceDone)
      executor = external
        ? poolExecutor(config, external, false)
        : config.jobs === 0
          ? localExecutor(config)
          : poolExecutor(config, await startPool(config), true)

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
      flushIfDue()

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
      // Nothing to deliver. What was read goes now if a worker would otherwise wait for it; while
      // every worker has work queued it waits to fill its chunk (a task of a line or two each
      // time the source is slower than the loop cost the calling thread a message per line): the
      // next result wakes us, and then it goes.
      flushIfDue()
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

function startPool(config: Config): Promise<VerifierPool> {
  return VerifierPool.start({
    jobs: config.jobs,
    setup: {
      kind: config.kind,
      includeCredential: config.includeCredential,
      options: config.localOptions,
    },
    tasksPerWorker: TASKS_PER_WORKER,
  })
}
