/**
 * The verification service (VC-API shapes) on Fastify: `POST /credentials/verify`,
 * `POST /presentations/verify`, `POST /credentials/issue` (only with a key), `GET /health`.
 *
 * Stateless: every request is judged from its body and what was loaded at start-up (DID documents,
 * status lists, profiles, the key). Verification runs on the worker pool of `verifyMany`
 * (`jobs` > 0: src/batch/pool.ts) or in this process (`jobs: 0`), the same task code either way
 * (src/batch/tasks.ts: routing, verification and the VC-API summary, so only the summary crosses
 * back from a worker); issuance in this process. Limits: the body size (413), requests at once (503 with
 * Retry-After), the time one request may take (503), and malformed or invalid requests (400); every
 * error is an RFC 9457 problem body.
 */
import { availableParallelism } from 'node:os'
import {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  fastify,
  LogController,
} from 'fastify'
import { VerifierPool } from '../batch/pool.js'
import {
  isPassport,
  type PresentationResponse,
  TaskRunner,
  type WorkerSetup,
} from '../batch/tasks.js'
import type { ProfileId } from '../conformance/profiles/ids.js'
import type { DidDocument } from '../context/loader.js'
import { type IssueOptions, issueCredential } from '../credential/issue.js'
import { isCarbonPassportError } from '../errors.js'
import { describeError } from '../guard.js'
import { DEFAULT_MAX_BYTES } from '../input/read.js'
import { issuePassport } from '../passport/issue.js'
import type { VerifyPassportOptions } from '../passport/verify.js'
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  type Runner,
  type ServeOptions,
} from './options.js'
import { PROBLEM_MEDIA_TYPE, type Problem, problem } from './problem.js'

export type { VerifyResponse } from '../batch/tasks.js'

/** Raised when a request's work outlives the time limit. */
class Timeout extends Error {}

/** Raised when a request finds every slot taken. */
class Busy extends Error {}

const inProcess: Runner = (work) => work()

/**
 * Requests each worker holds at a time: one verifying, others queued in it, so that it never idles
 * between two (the `--concurrency` limit bounds them all).
 */
const TASKS_PER_WORKER = 4

/** What the service trusts, read from files: replaced as a whole by `reload`. */
export interface Trust {
  didDocuments: readonly DidDocument[]
  statusLists: readonly unknown[]
}

/** The service: a Fastify instance, and `reload`. */
export type Service = FastifyInstance & {
  /**
   * Replaces the DID documents and status lists (the CLI's SIGHUP): a new verifier (on the pool:
   * new workers, given the new options) is started and warmed aside, then swapped in at once; the
   * requests already handed to the old one finish there, then it is closed. Reloads run one at a time.
   */
  reload(trust: Trust): Promise<void>
}

/** Where requests are verified: one setup, on the pool or on this thread. */
interface Verifier extends Pick<VerifierPool, 'credential' | 'presentation'> {
  /** Waits for the requests handed to it, then stops its workers. */
  retire(): Promise<void>
}

async function startVerifier(
  trust: Trust,
  {
    jobs,
    profiles,
    maxBodyBytes,
  }: { jobs: number; profiles: readonly ProfileId[]; maxBodyBytes: number },
): Promise<Verifier> {
  // Indexed once: a DID is a Map look-up (in a worker: the DID documents, once per worker).
  const dids = new Map<string, DidDocument>()
  for (const doc of trust.didDocuments) {
    if (typeof doc.id === 'string') dids.set(doc.id, doc)
  }
  const options: VerifyPassportOptions = {
    statusLists: [...trust.statusLists],
    profiles,
    // The body limit decides what is too large; the verifier's own cap follows it upwards.
    ...(maxBodyBytes > DEFAULT_MAX_BYTES ? { maxBytes: maxBodyBytes } : {}),
  }
  const setup = (options: VerifyPassportOptions): WorkerSetup => ({
    kind: 'passport',
    includeCredential: false,
    options,
  })
  // The very code a worker runs, on this thread: the whole verifier with jobs 0, and with workers
  // the way out for a request that cannot be sent to one (a body nested too deep for the
  // serializer) or whose worker failed, so that it is judged as in-process, not answered 500.
  const runner = new TaskRunner(setup({ ...options, resolveDid: async (did) => dids.get(did) }))
  const here: Verifier = {
    credential: (task) => runner.credential({ op: 'credential', ...task }),
    presentation: (task) => runner.presentation({ op: 'presentation', ...task }),
    retire: () => Promise.resolve(),
  }
  if (jobs === 0) return here
  const pool = await VerifierPool.start({
    jobs,
    setup: setup({ ...options, didDocuments: [...dids.values()] }),
    tasksPerWorker: TASKS_PER_WORKER,
  })
  await pool.warm()
  let pending = 0
  let idle: (() => void) | undefined
  const track = <T>(work: Promise<T>): Promise<T> => {
    pending++
    return work.finally(() => {
      if (--pending === 0) idle?.()
    })
  }
  return {
    credential: (task) => track(pool.credential(task).catch(() => here.credential(task))),
    presentation: (task) => track(pool.presentation(task).catch(() => here.presentation(task))),
    async retire() {
      if (pending > 0) await new Promise<void>((resolve) => (idle = resolve))
      await pool.close()
    },
  }
}

const requestOptions = {
  type: 'object',
  properties: {},
  additionalProperties: true,
} as const

/** A credential: an object (Data Integrity, or an EnvelopedVerifiableCredential) or a vc+jwt. */
const credentialValue = { anyOf: [{ type: 'object' }, { type: 'string' }] } as const

const verifyCredentialSchema = {
  body: {
    type: 'object',
    required: ['verifiableCredential'],
    properties: { verifiableCredential: credentialValue, options: requestOptions },
  },
} as const

const verifyPresentationSchema = {
  body: {
    type: 'object',
    required: ['verifiablePresentation'],
    properties: {
      verifiablePresentation: credentialValue,
      options: {
        type: 'object',
        properties: { challenge: { type: 'string' }, domain: { type: 'string' } },
        additionalProperties: true,
      },
    },
  },
} as const

const issueSchema = {
  body: {
    type: 'object',
    required: ['credential'],
    properties: {
      credential: { type: 'object' },
      options: {
        type: 'object',
        properties: { format: { enum: ['data-integrity', 'vc-jose'] } },
        additionalProperties: true,
      },
    },
  },
} as const

interface VerifyCredentialBody {
  verifiableCredential: unknown
  options?: Record<string, unknown>
}
interface VerifyPresentationBody {
  verifiablePresentation: unknown
  options?: { challenge?: string; domain?: string }
}
interface IssueBody {
  credential: Record<string, unknown>
  options?: { format?: 'data-integrity' | 'vc-jose' }
}

/**
 * The service, ready to `listen` (or to `inject` requests into). Close it with `close()`.
 *
 * @example
 * ```ts
 * const app = await createServer({ didDocuments, logs: false })
 * await app.listen({ port: 0, host: '127.0.0.1' })
 * ```
 */
export async function createServer(options: ServeOptions = {}): Promise<Service> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const concurrency = options.concurrency ?? availableParallelism()
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const runner = options.runner ?? inProcess
  const profiles: readonly ProfileId[] = options.profiles ?? []

  const jobs = options.jobs ?? 0
  let verifier = await startVerifier(
    { didDocuments: options.didDocuments ?? [], statusLists: options.statusLists ?? [] },
    { jobs, profiles, maxBodyBytes },
  )
  let reloading: Promise<void> = Promise.resolve()
  /** New DID documents and status lists: built aside, then swapped in; the old ones retire. */
  const reload = (trust: Trust): Promise<void> => {
    const next = reloading.then(async () => {
      const fresh = await startVerifier(trust, { jobs, profiles, maxBodyBytes })
      const previous = verifier
      verifier = fresh
      await previous.retire()
    })
    reloading = next.catch(() => undefined)
    return next
  }
  const clock = options.now
  const now = () => (clock ? { now: clock() } : {})

  // Work in flight, counted until it settles (even past its time limit: a verification cannot be
  // interrupted, so a slot is not freed before the work that holds it is done).
  let inFlight = 0
  async function limited<T>(work: () => Promise<T>): Promise<T> {
    if (inFlight >= concurrency) throw new Busy()
    inFlight++
    const running = runner(work).finally(() => {
      inFlight--
    })
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout()), timeoutMs)
    })
    try {
      return await Promise.race([running, expired])
    } finally {
      clearTimeout(timer)
      running.catch(() => {})
    }
  }

  const app = fastify({
    bodyLimit: maxBodyBytes,
    // Fastify's own two lines per request are replaced by one access-log line (onResponse below).
    logController: new LogController({ disableRequestLogging: true }),
    logger:
      options.logs === false
        ? false
        : { level: 'info', stream: options.logStream ?? process.stderr },
    // While closing (SIGTERM), new requests get 503 so that a load balancer sends them elsewhere.
    return503OnClosing: true,
  })
  // The pool ends with the server, after the requests in flight (Fastify closes them first).
  app.addHook('onClose', async () => {
    await reloading
    await verifier.retire()
  })

  // VC-API clients send JSON-LD as application/ld+json too: parsed like JSON.
  app.addContentTypeParser(
    ['application/ld+json', 'application/vc+ld+json', 'application/vp+ld+json'],
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  )

  // One access log line per request: method, url, status and milliseconds.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 100) / 100,
      },
      'request',
    )
  })

  const sendProblem = (reply: FastifyReply, body: Problem) =>
    reply.code(body.status).type(PROBLEM_MEDIA_TYPE).send(body)

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof Busy) {
      return sendProblem(
        reply.header('retry-after', '1'),
        problem(503, `the service is verifying ${concurrency} requests already; retry shortly`, {
          code: 'BUSY',
        }),
      )
    }
    if (error instanceof Timeout) {
      return sendProblem(
        reply,
        problem(503, `the request took longer than ${timeoutMs} ms and was abandoned`, {
          code: 'TIMEOUT',
        }),
      )
    }
    if (isCarbonPassportError(error)) {
      const findings = (error.details?.findings ?? error.details?.errors) as unknown
      return sendProblem(
        reply,
        problem(400, error.message, {
          code: error.code,
          ...(Array.isArray(findings) ? { errors: findings } : {}),
        }),
      )
    }
    if (error.validation) {
      return sendProblem(
        reply,
        problem(400, `invalid request: ${error.message}`, { code: 'FST_ERR_VALIDATION' }),
      )
    }
    const status =
      typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    return sendProblem(
      reply,
      problem(status, status >= 500 ? 'internal error' : describeError(error), {
        ...(error.code ? { code: error.code } : {}),
      }),
    )
  })

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      problem(404, `no route ${request.method} ${request.url.split('?')[0]}`, {
        code: 'NOT_FOUND',
      }),
    ),
  )

  app.get('/health', async () => ({ status: 'ok' }))

  // VC-API: a credential that does not verify is a 400 whose body is the verification result.
  app.post<{ Body: VerifyCredentialBody }>(
    '/credentials/verify',
    { schema: verifyCredentialSchema },
    async (request, reply) => {
      const input = request.body.verifiableCredential
      const result = await limited(() => verifier.credential({ input, ...now() }))
      return reply.code(result.verified ? 200 : 400).send(result)
    },
  )

  // VC-API: a presentation that was verified, whatever the verdict, is a 200 (the spec's wording).
  app.post<{ Body: VerifyPresentationBody }>(
    '/presentations/verify',
    { schema: verifyPresentationSchema },
    async (request) => {
      const { challenge, domain } = request.body.options ?? {}
      const result: PresentationResponse = await limited(() =>
        verifier.presentation({
          input: request.body.verifiablePresentation,
          ...now(),
          ...(challenge === undefined ? {} : { challenge }),
          ...(domain === undefined ? {} : { domain }),
        }),
      )
      return result
    },
  )

  const key = options.key
  if (key) {
    app.post<{ Body: IssueBody }>(
      '/credentials/issue',
      { schema: issueSchema },
      async (request, reply) => {
        const { credential } = request.body
        const format = request.body.options?.format ?? 'data-integrity'
        const issueOptions: IssueOptions =
          format === 'vc-jose' ? { key, format, envelope: true } : { key, format }
        const verifiableCredential = await limited(() =>
          isPassport(credential)
            ? issuePassport(credential, { ...issueOptions, profiles })
            : issueCredential(credential, issueOptions),
        )
        return reply.code(201).send({ verifiableCredential })
      },
    )
  }

  const service = app as unknown as Service
  service.reload = reload
  return service
}
