/** Small I/O helpers shared by the CLI commands. */
import { readFileSync, writeFileSync } from 'node:fs'

/** Reads a file (or standard input for `-`) as UTF-8 text. */
export function readText(path: string): string {
  return readFileSync(path === '-' ? 0 : path, 'utf8')
}

/** Reads and parses a JSON file; exits with a readable message (code 2) when it is not JSON. */
export function readJson(path: string): unknown {
  const text = readText(path)
  try {
    return JSON.parse(text)
  } catch (err) {
    fail(`${path}: not valid JSON (${(err as Error).message})`)
  }
}

/** Writes text to a file, or to standard output when no path is given. */
export function writeOutput(text: string, path?: string): void {
  if (path) writeFileSync(path, text.endsWith('\n') ? text : `${text}\n`)
  else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
}

/** Pretty JSON with a trailing newline. */
export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

/** Prints a message to standard error and exits with code 2 (usage or input error). */
export function fail(message: string): never {
  process.stderr.write(`carbon-passport: ${message}\n`)
  process.exit(2)
}

/** Colours only on a terminal, so piped output stays plain. */
const tty = process.stdout.isTTY === true && !process.env.NO_COLOR
export const color = {
  green: (s: string) => (tty ? `\x1b[32m${s}\x1b[0m` : s),
  red: (s: string) => (tty ? `\x1b[31m${s}\x1b[0m` : s),
  yellow: (s: string) => (tty ? `\x1b[33m${s}\x1b[0m` : s),
  dim: (s: string) => (tty ? `\x1b[2m${s}\x1b[0m` : s),
  bold: (s: string) => (tty ? `\x1b[1m${s}\x1b[0m` : s),
}
