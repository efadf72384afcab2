/** Repository files read by tests, by path from the repository root. */
import { readFileSync } from 'node:fs'

const root = new URL('../../', import.meta.url)

/** The URL of a path from the repository root. */
export const repoUrl = (path: string): URL => new URL(path, root)

/** A JSON file, parsed afresh on every call, so a test may change what it gets. */
export const readJsonFile = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(repoUrl(path), 'utf8')) as Record<string, unknown>

/** A text file without its surrounding whitespace (a JWT with its final newline dropped). */
export const readTextFile = (path: string): string => readFileSync(repoUrl(path), 'utf8').trim()
