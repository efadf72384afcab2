/**
 * The work a verifier pool does, the same code in a worker thread and on the calling thread (`jobs:
 * 0`, the service's in-process mode), so a verdict never depends on where it was reached:
 *
 * - `chunk`: several inputs of `verifyMany` at once (one message each way instead of one per
 *   input), each an object, JSON text, a compact JWS or an NDJSON line; back come compact
 *   outcomes, the decoded credential as JSON text (read lazily on the other side) or not at all;
 * - `credential` and `presentation`: one request of the verification service, answered with the
 *   VC-API summary (`verified`, `checks`, `warnings`, `errors`) only.
 *
 * Everything per input (NDJSON lines, JWS payloads, the passport-or-credential routing) happens
 * here, never on the thread that hands out the work.
 */
import { PASSPORT_CONTEXT_URL } from '../context/bundled.js'
import { verifyPresentation } from '../credential/presentation/verify.js'
import {
  checkIds,
  stoppedResult,
  type VerifyOptions,
  verifyCredential,
} from '../credential/verify.js'
import { commonCodes } from '../findings/common.js'
import { describeError, isRecord } from '../guard.js'
import { type VerifyPassportOptions, verifyPassport } from '../passport/verify.js'
import type { Check, Finding, VerificationResult } from '../results.js'

/** What every worker receives once, at start-up (`workerData`). */
export interface WorkerSetup {
  /** What `chunk` inputs are (`credential`: `verifyCredential`, without the passport options). */
  kind: 'passport' | 'credential'
  /** Whether `chunk` outcomes carry the decoded credential (see `includeCredential`). */
  includeCredential: boolean
  /** The verify options: plain data only (structured-cloneable). */
  options: VerifyPassportOptions
}

/** The passport-only options, left out for `verifyCredential` and `verifyPresentation`. */
const PASSPORT_ONLY = ['profiles', 'tolerance', 'attestations', 'trustedVerifiers'] as const

/**
 * Several inputs of a batch. `lines` are the positions of NDJSON lines, which travel as the bytes
 * read, all of a chunk in one transferred buffer (`lineBytes`, the i-th line ending at
 * `lineEnds[i]`), and are decoded here; `inputs` holds nothing at those positions.
 */
export interface ChunkTask {
  op: 'chunk'
  inputs: unknown[]
  lines?: number[]
  lineBytes?: ArrayBuffer
  lineEnds?: number[]
}

/** One credential of the service: a passport goes to `verifyPassport`, anything else to `verifyCredential`. */
export interface CredentialTask {
  op: 'credential'
  input: unknown
  now?: Date
}

/** One presentation of the service. */
export interface PresentationTask {
  op: 'presentation'
  input: unknown
  challenge?: string
  domain?: string
  now?: Date
}

export type Task = ChunkTask | CredentialTask | PresentationTask

/**
 * A verified input as it crosses back: its credential id and its result without the credential.
 * `credential` says where the sender finds it: `0`, the input object itself; `1`, decoded from the
 * input (JSON text or a JWS payload: `unwrapCredential`, the verifier's own reading, which is
 * deterministic); absent, none (or not asked for). A passport never crosses back.
 */
export interface WireOutcome {
  id?: string
  result: VerificationResult
  credential?: 0 | 1
}

/** The VC-API verification result: our checks and findings. */
export interface VerifyResponse {
  verified: boolean
  /** The checks that ran (passed or failed), in order; skipped ones are left out. */
  checks: string[]
  /** Every warning-severity finding, in check order. */
  warnings: Finding[]
  /** Every error-severity finding, in check order. */
  errors: Finding[]
}

/** `/presentations/verify`: the presentation's summary and one per credential. */
export interface PresentationResponse extends VerifyResponse {
  credentialResults: VerifyResponse[]
}

export function summary(
  verified: boolean,
  checks: readonly Check[],
  errors: Finding[],
): VerifyResponse {
  return {
    verified,
    checks: checks.filter((c) => c.status !== 'skip').map((c) => c.id),
    warnings: checks.flatMap((c) =>
      c.status === 'skip' ? [] : c.findings.filter((f) => f.severity === 'warning'),
    ),
    errors,
  }
}

/**
 * One NDJSON line as an input: a JSON string (a compact JWS) is decoded, anything else is passed on
 * as text for the verifier to parse (and to reject, when it is not JSON); `undefined` for a blank line.
 */
export function ndjsonInput(line: string): unknown {
  const text = line.trim()
  if (text === '') return undefined
  if (text.startsWith('"')) {
    try {
      return JSON.parse(text) as unknown
    } catch {
      return text
    }
  }
  return text
}

/**
 * The text of an NDJSON line's bytes: UTF-8, a bad byte read as U+FFFD, as a decoder of the whole
 * stream reads it (a line ends at a `\n` byte, which no multi-byte character contains).
 */
export const lineText = (line: Uint8Array): string =>
  Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString('utf8')

/** One NDJSON line's bytes as an input: its text, then `ndjsonInput`. */
export const lineInput = (line: Uint8Array): unknown => ndjsonInput(lineText(line))

const VC_JWT_PREFIX = 'data:application/vc+jwt,'

/** The claims of a compact JWS (its middle part), or undefined when it is not one. */
function jwsPayload(text: string): unknown {
  const parts = text.trim().replace(VC_JWT_PREFIX, '').split('.')
  if (parts.length !== 3 || !parts[1]) return undefined
  try {
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
}

/** The credential a request carries, out of a vc+jwt or an EnvelopedVerifiableCredential. */
function credentialOf(input: unknown): unknown {
  if (typeof input === 'string') return jwsPayload(input)
  if (isRecord(input) && input.type === 'EnvelopedVerifiableCredential') {
    return typeof input.id === 'string' ? jwsPayload(input.id) : undefined
  }
  return input
}

/**
 * True when the credential (object, vc+jwt or envelope) says it is a carbon passport (its
 * `@context` names the carbon-passport context). Only a routing hint, read from untrusted data:
 * the verifier then checks everything, the exact context allow-list included.
 */
export function isPassport(input: unknown): boolean {
  const credential = credentialOf(input)
  if (!isRecord(credential)) return false
  const context = credential['@context']
  return Array.isArray(context) ? context.includes(PASSPORT_CONTEXT_URL) : false
}

export const internalError = (kind: WorkerSetup['kind'], detail: string): VerificationResult =>
  stoppedResult(checkIds(kind === 'passport'), [
    commonCodes.finding('INTERNAL_ERROR', '', `verification stopped: ${detail}`),
  ])

/**
 * Runs tasks under one setup: in a worker, the setup it was started with; on the calling thread,
 * options may hold functions too (`resolveDid`, `documentLoader`).
 */
export class TaskRunner {
  #setup!: WorkerSetup
  #passport!: VerifyPassportOptions
  #credential!: VerifyOptions

  constructor(setup: WorkerSetup) {
    this.reload(setup)
  }

  get setup(): WorkerSetup {
    return this.#setup
  }

  /** New options for every later task; the options objects are built once, so DID documents are indexed once. */
  reload(setup: WorkerSetup): void {
    const credential: Record<string, unknown> = { ...setup.options }
    for (const key of PASSPORT_ONLY) delete credential[key]
    this.#setup = setup
    this.#passport = setup.options
    this.#credential = credential as VerifyOptions
  }

  /** Verifies one input of a batch with the setup's kind; never rejects. */
  verifyOne(input: unknown): Promise<VerificationResult> {
    const { kind } = this.#setup
    const run =
      kind === 'credential'
        ? verifyCredential(input, this.#credential)
        : verifyPassport(input, this.#passport)
    return run.catch((err: unknown) => internalError(kind, describeError(err)))
  }

  /** The chunk running now and those queued behind it: see `run`. */
  #chunks: Promise<unknown> = Promise.resolve()

  /**
   * Runs a task. Chunks run one after another, not interleaved at each `await`: the pool hands a
   * worker its next chunk while it works on one, and the two would otherwise finish together,
   * leaving the worker idle until the calling thread sends more (on two busy cores, a wait of
   * ~5 % of the worker's time).
   */
  run(task: Task): Promise<unknown> {
    switch (task.op) {
      case 'chunk': {
        const run = this.#chunks.then(() => this.chunk(task))
        this.#chunks = run.catch(() => undefined)
        return run
      }
      case 'credential':
        return this.credential(task)
      case 'presentation':
        return this.presentation(task)
    }
  }

  async chunk(task: ChunkTask): Promise<WireOutcome[]> {
    const { inputs, lines, lineBytes, lineEnds } = task
    const include = this.#setup.includeCredential
    const out: WireOutcome[] = []
    let nextLine = 0
    for (let i = 0; i < inputs.length; i++) {
      let input = inputs[i]
      if (lines !== undefined && lines[nextLine] === i && lineBytes && lineEnds) {
        const start = nextLine === 0 ? 0 : (lineEnds[nextLine - 1] as number)
        input = lineInput(new Uint8Array(lineBytes, start, (lineEnds[nextLine] as number) - start))
        nextLine++
      }
      const result = await this.verifyOne(input)
      const credential = result.credential
      const id = credential?.id
      const wire: WireOutcome = {
        ...(typeof id === 'string' ? { id } : {}),
        result: credential === undefined ? result : { ...result, credential: undefined },
      }
      if (include && credential !== undefined) wire.credential = credential === input ? 0 : 1
      out.push(wire)
    }
    return out
  }

  async credential(task: CredentialTask): Promise<VerifyResponse> {
    const { input, now } = task
    const withNow = <T extends VerifyOptions>(options: T): T =>
      now === undefined ? options : { ...options, now }
    const result = isPassport(input)
      ? await verifyPassport(input, withNow(this.#passport))
      : await verifyCredential(input, withNow(this.#credential))
    return summary(result.verified, result.checks, result.errors)
  }

  async presentation(task: PresentationTask): Promise<PresentationResponse> {
    const { input, challenge, domain, now } = task
    const result = await verifyPresentation(input, {
      ...this.#credential,
      ...(now === undefined ? {} : { now }),
      ...(challenge === undefined ? {} : { challenge }),
      ...(domain === undefined ? {} : { domain }),
    })
    return {
      ...summary(result.verified, result.checks, result.errors),
      credentialResults: result.credentials.map((c) => summary(c.verified, c.checks, c.errors)),
    }
  }
}
