/**
 * `../shared/reference` beside the checkout: the official PACT and UNTP schemas, contexts and
 * examples. Tests read them there and never copy them into the project. CI always has the folder
 * (`.ci/run` sets CARBON_PASSPORT_REFERENCE=required); locally its absence fails those tests too,
 * with this message, unless CARBON_PASSPORT_REFERENCE=optional says to leave them out.
 */
import { existsSync, readFileSync } from 'node:fs'

const root = new URL('../../../shared/reference/', import.meta.url)

/** Whether the reference folder is there. */
export const referenceAvailable = existsSync(root)

/** Whether tests that read the reference folder are defined (always, unless opted out and absent). */
export const referenceTestsEnabled =
  referenceAvailable || process.env.CARBON_PASSPORT_REFERENCE !== 'optional'

/** The URL of a file of the reference folder (`pact/pact-v3-example-2.json`). */
export function referenceUrl(path: string): URL {
  if (!referenceAvailable) {
    throw new Error(
      `../shared/reference is missing (looked for ${root.pathname}); CI has it beside the checkout. Set CARBON_PASSPORT_REFERENCE=optional to leave out the tests that read it.`,
    )
  }
  return new URL(path, root)
}

/** The text of a reference file. */
export const readReference = (path: string): string => readFileSync(referenceUrl(path), 'utf8')

/** A reference JSON file, parsed. */
export const readReferenceJson = (path: string): unknown => JSON.parse(readReference(path))
