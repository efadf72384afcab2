/** Loads the example passports under examples/ as test fixtures (globbed, never listed by hand). */
import { readdirSync, readFileSync } from 'node:fs'

const root = new URL('../../', import.meta.url)

export interface ExampleFile {
  /** File name, e.g. `lfp-cell-280ah.json`. */
  name: string
  /** Path relative to the repository root. */
  path: string
  doc: Record<string, unknown>
}

/** Every `examples/<dir>/*.json` file, parsed, in name order. */
export function loadExamples(dir = 'valid'): ExampleFile[] {
  const url = new URL(`examples/${dir}/`, root)
  return readdirSync(url)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({
      name,
      path: `examples/${dir}/${name}`,
      doc: JSON.parse(readFileSync(new URL(name, url), 'utf8')) as Record<string, unknown>,
    }))
}

/** A deep copy, so a test can change an example without affecting others. */
export const clone = <T>(value: T): T => structuredClone(value)

/** The example with this file name; throws (failing the test file) when it does not exist. */
export function example(name: string, dir = 'valid'): ExampleFile {
  const found = loadExamples(dir).find((e) => e.name === name)
  if (!found) throw new Error(`examples/${dir}/${name} does not exist`)
  return found
}
