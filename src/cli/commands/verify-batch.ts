/**
 * `carbon-passport verify` with many inputs: several files, folders (recursively), NDJSON files and
 * NDJSON on standard input (`-`), verified by `verifyMany` (a worker pool, `--jobs`). One result
 * per input, as text lines in input order, NDJSON as they complete (`--ndjson`) or one JSON
 * document in input order (`--json`), then a summary; one input that cannot be read or
 * verified is one failed result, never an aborted run. Exit code 0 when every input verified, 1
 * when one did not.
 */
import { verifyMany } from '../../batch/verify-many.js'
import type { ProfileId } from '../../conformance/profiles/ids.js'
import type { DidDocument, DocumentLoader } from '../../context/loader.js'
import { type BatchInput, batchInputs } from '../batch-inputs.js'
import { createProgress } from '../batch-progress.js'
import {
  type BatchRecord,
  FILE_UNREADABLE,
  formatRecord,
  formatSummary,
  SummaryBuilder,
} from '../batch-report.js'
import { EXIT, fail, json } from '../io.js'

/** The options of `verify` that choose and shape a many-inputs run. */
export interface BatchCliOptions {
  jobs?: string
  ndjson?: boolean
  json?: boolean
  summaryOnly?: boolean
}

/** What `verifyMany` gets from the command line, besides the inputs. */
export interface BatchVerifyOptions {
  kind: 'passport' | 'credential'
  didDocuments: DidDocument[]
  statusLists: unknown[]
  profiles: ProfileId[]
  trustedIssuers?: string[]
  now?: Date
  /** Extra contexts (`--context`): only on this thread, so with `jobs: 0`. */
  documentLoader?: DocumentLoader
  jobs?: number
}

/** `--jobs`: a whole number ≥ 0 (0: verify on this thread). */
function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) fail(`--jobs: "${value}" is not a whole number ≥ 0`)
  return Number(value)
}

/** Standard output has taken in what was written (or has closed). */
const drained = () =>
  new Promise<void>((resolve) => {
    const done = () => {
      process.stdout.off('drain', done)
      process.stdout.off('close', done)
      process.stdout.off('error', done)
      resolve()
    }
    process.stdout.on('drain', done)
    process.stdout.on('close', done)
    process.stdout.on('error', done)
  })

/** Runs the batch and returns the exit code. */
export async function runVerifyBatch(
  files: readonly string[],
  opts: BatchCliOptions,
  options: BatchVerifyOptions,
  stdin?: AsyncGenerator<BatchInput>,
): Promise<number> {
  if (opts.ndjson && opts.json) fail('--ndjson and --json: choose one')
  const jobs = parseJobs(opts.jobs)
  const textLines = !opts.ndjson && !opts.json && !opts.summaryOnly
  // On one terminal, result lines go above the bar (through it) so that they do not tear it.
  const progress = createProgress(!opts.ndjson || process.stdout.isTTY !== true)
  const throughBar = textLines && process.stdout.isTTY === true
  const labels = new Map<number, BatchInput>()
  let read = 0
  async function* source(): AsyncGenerator<unknown> {
    for await (const item of batchInputs(files, stdin, true)) {
      labels.set(read++, item)
      // An input that could not be read still takes its place (and its index): its result is
      // replaced by the reason below.
      yield item.unreadable === undefined ? item.input : ''
    }
  }

  const summary = new SummaryBuilder()
  const records: BatchRecord[] = []
  let last = performance.now()
  for await (const r of verifyMany(source(), {
    ...options,
    ...(jobs === undefined ? {} : { jobs }),
    // Text lines in input order, for a reader; NDJSON as the results complete (each carries its
    // index), JSON sorted at the end. An input's time is the gap between results, closer to its
    // own cost in completion order (in input order a slow input hides the gaps of those after it).
    ordered: textLines,
    // The report needs the verdict, the id and the findings, not the credential itself.
    includeCredential: false,
    onProgress: (p) => progress.update(p),
  })) {
    const now = performance.now()
    const item = labels.get(r.index)
    labels.delete(r.index)
    const record: BatchRecord =
      item?.unreadable !== undefined
        ? {
            index: r.index,
            file: item.label,
            verified: false,
            errors: [{ code: item.code ?? FILE_UNREADABLE, path: '', message: item.unreadable }],
            ms: now - last,
          }
        : {
            index: r.index,
            file: item?.label ?? `#${r.index}`,
            ...(r.id === undefined ? {} : { id: r.id }),
            verified: r.verified,
            errors: r.result.errors.map(({ code, path, message }) => ({ code, path, message })),
            ...(r.result.issuer === undefined ? {} : { issuer: r.result.issuer }),
            ...(r.result.conformance ? { profiles: r.result.conformance.profiles } : {}),
            ms: now - last,
          }
    last = now
    summary.add(record)
    let flowing = true
    if (opts.ndjson) {
      const { index, file, id, verified, errors } = record
      flowing = process.stdout.write(`${JSON.stringify({ index, file, id, verified, errors })}\n`)
    } else if (opts.json) {
      records.push({ ...record, ms: Math.round(record.ms) })
    } else if (textLines) {
      if (throughBar) progress.log(formatRecord(record))
      else flowing = process.stdout.write(`${formatRecord(record)}\n`)
    }
    // A reader slower than the workers: wait for it, so that output does not pile up in memory
    // (reading stops too: verifyMany reads only while its results are taken).
    if (!flowing) await drained()
  }
  progress.stop()
  const result = summary.summary()
  if (result.total === 0) {
    fail('nothing to verify: no input (folders: no .json, .jwt, .jsonld or .ndjson file)')
  }
  if (opts.json) {
    records.sort((a, b) => a.index - b.index)
    process.stdout.write(json({ results: records, summary: result }))
  } else process.stderr.write(formatSummary(result))
  return result.failed === 0 ? EXIT.positive : EXIT.negative
}
