/**
 * Whether `verify` verifies one input, as it always did, or a batch; kept apart from the batch so
 * that verifying one file loads none of it (start-up, issue 13).
 */
import type { BatchInput } from './batch-inputs.js'
import type { BatchCliOptions } from './commands/verify-batch.js'
import { isDirectory } from './io.js'

/** How to run: one input as `verify` always did (`single` holds standard input, read), or a batch. */
export type VerifyMode =
  | { batch: false; single?: string }
  | { batch: true; stdin?: AsyncGenerator<BatchInput> }

/**
 * A batch for more than one argument, a folder, an `.ndjson` file, `--ndjson`, `--summary-only` or
 * `--jobs`; and for `-` when standard input holds more than one line of inputs (one document on
 * standard input, pretty-printed or not, is verified as before).
 */
export async function verifyMode(
  files: readonly string[],
  opts: BatchCliOptions,
): Promise<VerifyMode> {
  const flagged = opts.ndjson === true || opts.summaryOnly === true || opts.jobs !== undefined
  if (flagged || files.length !== 1) return { batch: true }
  const [file = ''] = files
  if (file === '-') {
    const { peekStdin } = await import('./batch-inputs.js')
    const peeked = await peekStdin(true)
    return 'single' in peeked
      ? { batch: false, single: peeked.single }
      : { batch: true, stdin: peeked.lines }
  }
  return { batch: file.endsWith('.ndjson') || isDirectory(file) }
}
