/**
 * Run counts, replay and a hang guard for the property (fuzz) tests.
 *
 * - `FUZZ_RUNS=<n>` (a positive integer) runs every property that asks `fuzzRuns` n times instead of
 *   its default; `npm run fuzz` sets it high for the long run.
 * - `FUZZ_SEED=<seed>` makes fast-check start every property of the test files that import this
 *   module from that seed. A failing property prints its seed (`{ seed: …, path: … }`); running the
 *   same file with that seed and the same `FUZZ_RUNS` replays the failure (add `-t '<test name>'`
 *   to run that property alone).
 */
import fc from 'fast-check'

/** A positive integer from the environment, or undefined when unset; anything else is an error. */
function fromEnvironment(name: string, { signed = false } = {}): number | undefined {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return undefined
  const value = Number(raw)
  const ok = Number.isSafeInteger(value) && (signed || value > 0)
  // A typo must not silently fall back to the short default (or to a random seed).
  if (!ok)
    throw new Error(`${name} must be ${signed ? 'an integer' : 'a positive integer'}: ${raw}`)
  return value
}

/** The number of runs of a property: `FUZZ_RUNS` when set, else the property's own default. */
export function fuzzRuns(defaultRuns: number): number {
  return fromEnvironment('FUZZ_RUNS') ?? defaultRuns
}

const seed = fromEnvironment('FUZZ_SEED', { signed: true })
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed })

/** How long one verification may take before it counts as a hang (generous: not a speed target). */
export const HANG_GUARD_MS = 5_000

/**
 * The value of `run()`, failing if it is not decided within `ms`: a pending promise is cut off by a
 * timer, and a synchronous stall (which blocks the timer too) is caught by the clock afterwards.
 */
export async function decided<T>(
  what: string,
  run: () => Promise<T>,
  ms = HANG_GUARD_MS,
): Promise<T> {
  const start = performance.now()
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not decided within ${ms} ms`)), ms)
  })
  try {
    const value = await Promise.race([run(), hang])
    const elapsed = performance.now() - start
    if (elapsed > ms)
      throw new Error(`${what}: took ${Math.round(elapsed)} ms (hang guard ${ms} ms)`)
    return value
  } finally {
    clearTimeout(timer)
  }
}
