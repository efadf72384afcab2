/**
 * The progress bar of a many-inputs run, on standard error and only when it is a terminal (never
 * in a pipe, a log file or CI). Drawn by `cli-progress`: widely used and maintained, no
 * dependencies, redraws at a bounded rate, and can print lines above the bar without tearing it.
 */
import { createRequire } from 'node:module'

// Loaded only when a bar is drawn (CommonJS, so synchronously): a run that draws none, every
// single-file verify among them, does not pay for its ~20 modules (start-up, issue 13).
const require = createRequire(import.meta.url)

export interface Progress {
  /** The counts so far: inputs read (the bar's total, growing while a stream is read) and done. */
  update(p: { read: number; done: number; verified: number; failed: number }): void
  /** Prints a line above the bar (a result line, when standard output is the same terminal). */
  log(line: string): void
  stop(): void
}

const none: Progress = { update() {}, log() {}, stop() {} }

/** A bar on standard error when it is a terminal and `enabled`; otherwise nothing at all. */
export function createProgress(enabled: boolean): Progress {
  if (!enabled || process.stderr.isTTY !== true) return none
  const cliProgress = require('cli-progress') as typeof import('cli-progress')
  const multi = new cliProgress.MultiBar(
    {
      stream: process.stderr,
      format:
        ' {bar} {value}/{total} | verified {verified} | failed {failed} | {duration_formatted}',
      clearOnComplete: true,
      hideCursor: true,
      fps: 10,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  )
  const bar = multi.create(0, 0, { verified: 0, failed: 0 })
  return {
    update(p) {
      if (bar.getTotal() !== p.read) bar.setTotal(p.read)
      bar.update(p.done, { verified: p.verified, failed: p.failed })
    },
    log(line) {
      multi.log(`${line}\n`)
    },
    stop() {
      multi.update() // prints the lines logged since the last redraw
      multi.stop()
    },
  }
}
