/** The plain-JSON helpers every layer uses: the object type and its guard. */

/** A JSON object as parsed (values unknown until checked). */
export type Json = Record<string, unknown>

/** True for a non-null, non-array object. */
export const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
