/**
 * The verifier pool: `jobs` warm worker threads (piscina) that run `tasks.ts`, shared by
 * `verifyMany` (chunks of inputs) and the verification service (one request per task). The options
 * travel once, at start-up; a new setup means a new pool (see `reload` in the service).
 */
import type { Piscina } from 'piscina'
import type {
  CredentialTask,
  PresentationResponse,
  PresentationTask,
  Task,
  VerifyResponse,
  WireOutcome,
  WorkerSetup,
} from './tasks.js'

/**
 * The worker module: in the package, the bundled worker (`dist/bundle/worker.js`, made by
 * scripts/bundle-cli.ts from `worker.js` next to this one: a worker thread loads a few files, not
 * ~70 modules); `worker.ts` under a TS runner.
 */
const SOURCE_IS_TS = import.meta.url.endsWith('.ts')
export const WORKER_URL = new URL(
  SOURCE_IS_TS ? './worker.ts' : '../bundle/worker.js',
  import.meta.url,
)

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

export interface PoolOptions {
  /** Worker threads, ≥ 1. */
  jobs: number
  /** What every worker gets once (must be structured-cloneable). */
  setup: WorkerSetup
  /**
   * Tasks handed to each worker at a time: a few, so that a worker never idles waiting for the
   * next one while the calling thread takes in a result (2 by default).
   */
  tasksPerWorker?: number
}

/**
 * Each worker's young generation, in MiB: V8's default lets each isolate's grow to ~48 MiB; a
 * smaller one costs more (cheap) scavenges and keeps a long stream within its memory budget.
 */
const YOUNG_GENERATION_MB = 16

/**
 * Each worker's old generation cap, in MiB. Left to itself, V8 lets a busy isolate's old
 * generation grow long after what it holds stopped growing (a 1,000,000-line stream: worker RSS
 * up ~75 MiB, none of it live), so RSS creeps up however flat the work is; the cap makes it
 * collect instead. 64 MiB holds any input within the default caps many times over; an input that
 * still runs a worker out of memory fails that worker's task, and verifyMany verifies it again on
 * the calling thread.
 */
const OLD_GENERATION_MB = 64

/** A pool of warm verifier threads. `close` lets the tasks in flight finish (or fail) and ends it. */
export class VerifierPool {
  readonly jobs: number
  readonly setup: WorkerSetup
  readonly #pool: Piscina<Task, unknown>
  #closing: Promise<void> | undefined

  private constructor(pool: Piscina<Task, unknown>, options: PoolOptions) {
    this.#pool = pool
    this.jobs = options.jobs
    this.setup = options.setup
  }

  /** Starts the threads (piscina is loaded on first use: no library import pays for it). */
  static async start(options: PoolOptions): Promise<VerifierPool> {
    const { Piscina } = await import('piscina')
    const pool = new Piscina<Task, unknown>({
      filename: WORKER_URL.href,
      minThreads: options.jobs,
      maxThreads: options.jobs,
      concurrentTasksPerWorker: options.tasksPerWorker ?? 2,
      // Tasks wait in piscina's queue, never refused: the callers bound what they hand over.
      maxQueue: Number.POSITIVE_INFINITY,
      workerData: options.setup,
      resourceLimits: {
        maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
        maxOldGenerationSizeMb: OLD_GENERATION_MB,
      },
      ...(SOURCE_IS_TS ? { execArgv: ['--import', tsxBootstrap()] } : {}),
    })
    // A worker that dies is reported on its task (or replaced when idle); never an unhandled event.
    pool.on('error', () => undefined)
    return new VerifierPool(pool, options)
  }

  /** True once `close` was called. */
  get closed(): boolean {
    return this.#closing !== undefined
  }

  /** Tasks handed to the pool and not settled yet (queued or running). */
  get pending(): number {
    return this.#running
  }

  /** Tasks handed to the pool so far: how many messages the inputs took (one per chunk). */
  get tasksSent(): number {
    return this.#sent
  }

  #running = 0
  #sent = 0

  #run<T>(task: Task, transferList?: ArrayBuffer[]): Promise<T> {
    this.#running++
    this.#sent++
    const run = this.#pool.run(task, transferList ? { transferList } : {}) as Promise<T>
    return run.finally(() => {
      this.#running--
    })
  }

  /**
   * Verifies several batch inputs in one task; rejects when one cannot be sent (or its worker
   * dies). At the positions `lines`, `inputs` holds NDJSON lines as bytes: they are copied into
   * one buffer, which is moved to the worker rather than cloned (`ChunkTask`).
   */
  chunk(inputs: unknown[], lines?: number[]): Promise<WireOutcome[]> {
    if (!lines?.length) return this.#run({ op: 'chunk', inputs })
    const bytes = lines.map((i) => inputs[i] as Uint8Array)
    const lineBytes = new ArrayBuffer(bytes.reduce((n, line) => n + line.byteLength, 0))
    const into = new Uint8Array(lineBytes)
    const lineEnds: number[] = []
    let end = 0
    for (const line of bytes) {
      into.set(line, end)
      end += line.byteLength
      lineEnds.push(end)
    }
    const rest = inputs.map((input, i) => (lines.includes(i) ? null : input))
    return this.#run({ op: 'chunk', inputs: rest, lines, lineBytes, lineEnds }, [lineBytes])
  }

  /** One request of the service: a credential (a passport or any other). */
  credential(task: Omit<CredentialTask, 'op'>): Promise<VerifyResponse> {
    return this.#run({ op: 'credential', ...task })
  }

  /** One request of the service: a presentation. */
  presentation(task: Omit<PresentationTask, 'op'>): Promise<PresentationResponse> {
    return this.#run({ op: 'presentation', ...task })
  }

  /** Waits until every thread has started and loaded the verifier (a task through each). */
  async warm(): Promise<void> {
    await Promise.all(
      Array.from({ length: this.jobs * (this.#pool.options.concurrentTasksPerWorker ?? 1) }, () =>
        this.chunk(['']).catch(() => undefined),
      ),
    )
  }

  close(): Promise<void> {
    this.#closing ??= this.#pool.destroy().catch(() => undefined)
    return this.#closing
  }
}
