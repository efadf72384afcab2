/** JSON value helpers the converters share. */
import { isDeepStrictEqual } from 'node:util'

/** Structural equality of two JSON values (member order does not matter). */
export const deepEqual = (a: unknown, b: unknown): boolean => isDeepStrictEqual(a, b)
