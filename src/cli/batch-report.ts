/**
 * The records and the summary of a many-inputs `verify`: one record per input, and, at the end,
 * counts of verified and failed inputs, of error findings by code, of inputs by issuer and by
 * profile, and the slowest inputs. An input's time is the time between its result and the one
 * before it (what one thread spent on it; with workers, its share of the run), since the results
 * come back from the pool without a start time of their own.
 */
import { color } from './io.js'

/** A finding as the batch output states it. */
export interface BatchError {
  code: string
  path: string
  message: string
}

/** One input's verdict. */
export interface BatchRecord {
  index: number
  /** The file, `file:line` for a line of NDJSON, `-:line` for standard input. */
  file: string
  id?: string
  verified: boolean
  /** Every error finding; for a file that cannot be read, one `FILE_UNREADABLE`. */
  errors: BatchError[]
  issuer?: string
  /** The profiles applied (core and those asked for); none for `--credential`. */
  profiles?: string[]
  /** Milliseconds since the previous result (see the module comment). */
  ms: number
}

/** Verified and failed inputs of one issuer or one profile. */
export interface Tally {
  verified: number
  failed: number
}

export interface BatchSummary {
  total: number
  verified: number
  failed: number
  /** Inputs that could not be read (files, folders), among `failed`. */
  unreadable: number
  seconds: number
  perSecond: number
  /** Error findings by code, most frequent first. */
  byCode: Record<string, number>
  byIssuer: Record<string, Tally>
  byProfile: Record<string, Tally>
  /** The five slowest inputs, slowest first; `ms` as in `BatchRecord`. */
  slowest: { index: number; file: string; ms: number }[]
}

/** The code of the failed result of an input the CLI could not read (not a library finding). */
export const FILE_UNREADABLE = 'FILE_UNREADABLE'

const SLOWEST = 5

const tally = (table: Map<string, Tally>, key: string, verified: boolean) => {
  let t = table.get(key)
  if (!t) {
    t = { verified: 0, failed: 0 }
    table.set(key, t)
  }
  if (verified) t.verified++
  else t.failed++
}

const byCount = (entries: Iterable<[string, number]>) =>
  Object.fromEntries([...entries].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))

const byKey = (table: Map<string, Tally>) =>
  Object.fromEntries([...table].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)))

/** Adds records up as they come; memory grows with the distinct codes, issuers and profiles only. */
export class SummaryBuilder {
  #total = 0
  #verified = 0
  #unreadable = 0
  readonly #codes = new Map<string, number>()
  readonly #issuers = new Map<string, Tally>()
  readonly #profiles = new Map<string, Tally>()
  #slowest: BatchSummary['slowest'] = []
  readonly #started = performance.now()

  add(record: BatchRecord): void {
    this.#total++
    if (record.verified) this.#verified++
    const codes = new Set<string>()
    for (const e of record.errors) codes.add(e.code)
    for (const code of codes) this.#codes.set(code, (this.#codes.get(code) ?? 0) + 1)
    if (codes.has(FILE_UNREADABLE)) this.#unreadable++
    tally(this.#issuers, record.issuer ?? '(none)', record.verified)
    for (const p of record.profiles ?? []) tally(this.#profiles, p, record.verified)
    const last = this.#slowest[SLOWEST - 1]
    if (this.#slowest.length < SLOWEST || (last && record.ms > last.ms)) {
      this.#slowest.push({ index: record.index, file: record.file, ms: Math.round(record.ms) })
      this.#slowest.sort((a, b) => b.ms - a.ms)
      this.#slowest = this.#slowest.slice(0, SLOWEST)
    }
  }

  summary(): BatchSummary {
    const seconds = (performance.now() - this.#started) / 1000
    return {
      total: this.#total,
      verified: this.#verified,
      failed: this.#total - this.#verified,
      unreadable: this.#unreadable,
      seconds: Math.round(seconds * 1000) / 1000,
      perSecond: seconds > 0 ? Math.round((this.#total / seconds) * 10) / 10 : 0,
      byCode: byCount(this.#codes),
      byIssuer: byKey(this.#issuers),
      byProfile: byKey(this.#profiles),
      slowest: this.#slowest,
    }
  }
}

const tallies = (table: Record<string, Tally>) =>
  Object.entries(table).map(
    ([key, t]) => `  ${key}: ${t.verified} verified${t.failed > 0 ? `, ${t.failed} failed` : ''}`,
  )

/** The summary in words, for standard error. */
export function formatSummary(s: BatchSummary): string {
  const head =
    s.failed === 0
      ? color.green(`verified ${s.verified}, failed 0`)
      : color.red(`verified ${s.verified}, failed ${s.failed}`)
  const lines = [
    `${head} of ${s.total}${s.unreadable > 0 ? ` (${s.unreadable} unreadable)` : ''}` +
      color.dim(`  in ${s.seconds.toFixed(1)} s, ${s.perSecond}/s`),
  ]
  const codes = Object.entries(s.byCode)
  if (codes.length > 0) {
    lines.push('errors by code:', ...codes.map(([code, n]) => `  ${code}: ${n}`))
  }
  if (Object.keys(s.byIssuer).length > 0) lines.push('by issuer:', ...tallies(s.byIssuer))
  if (Object.keys(s.byProfile).length > 0) lines.push('by profile:', ...tallies(s.byProfile))
  if (s.slowest.length > 0) {
    lines.push(
      'slowest (time since the previous result):',
      ...s.slowest.map((x) => `  ${String(x.ms).padStart(6)} ms  ${x.file}`),
    )
  }
  return `${lines.join('\n')}\n`
}

/** One input in one line: ✓ or ✗, the file, its id, and the first error codes. */
export function formatRecord(r: BatchRecord): string {
  const codes = [...new Set(r.errors.map((e) => e.code))]
  const shown = codes.slice(0, 3).join(', ') + (codes.length > 3 ? `, +${codes.length - 3}` : '')
  return [
    r.verified ? color.green('✓') : color.red('✗'),
    r.file,
    ...(r.id ? [color.dim(r.id)] : []),
    ...(shown ? [color.red(shown)] : []),
  ].join('  ')
}
