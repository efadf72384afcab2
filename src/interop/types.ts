/** The one result shape of every converter, and the draft every `from*` converter returns. */
import type { Finding } from '../findings/finding.js'
import type { PassportCredential } from '../model/types.js'

/**
 * A conversion's result and its losses. `result` is absent exactly when a loss is an `error` (a
 * source that cannot be read, or lacks what the target needs); `losses` are findings whose paths
 * point into the source: every field not carried, every value changed, every default filled in.
 */
export interface ConversionResult<T> {
  /** The converted document; absent when a loss is an error. */
  result?: T
  /** Everything not carried across or changed on the way, at its JSON Pointer in the source. */
  losses: Finding[]
}

/**
 * A value with every member optional, at every depth (arrays and tuples keep their shape): what a
 * source can fill of a passport.
 */
export type Draft<T> = T extends readonly unknown[]
  ? { [K in keyof T]: Draft<T[K]> }
  : T extends object
    ? { [K in keyof T]?: Draft<T[K]> }
    : T

/**
 * What every `from*` converter returns: an unsigned credential with everything the source carries
 * (the passport's `@context`, `type` and `credentialSchema`, and every source field that has a
 * place in a passport). A source format rarely carries everything a passport requires (PACT has no
 * `lifecycleStages` or `scopeBreakdown`, Battery Pass no product), so complete what it lacks
 * (issuer, required footprint fields: the losses say which) and sign it with `issuePassport`,
 * which checks schema and conformance.
 */
export type PassportCredentialDraft = Draft<PassportCredential>

/** `{ result, losses }`, without the result when a loss is an error. */
export function finish<T>(result: T, losses: Finding[]): ConversionResult<T> {
  return losses.some((l) => l.severity === 'error') ? { losses } : { result, losses }
}
