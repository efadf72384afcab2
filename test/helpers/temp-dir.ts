/** Temporary directories for tests that write files, removed when the test file is done. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

const made: string[] = []
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A new empty directory under the OS temporary directory, named `carbon-passport-<prefix>-…`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `carbon-passport-${prefix}-`))
  made.push(dir)
  return dir
}
