/**
 * Argument guards of the public API, so that misuse ends in a CarbonPassportError with a code and
 * never in a raw TypeError or RangeError: reading options once (a throwing getter or a hostile Proxy
 * is an invalid argument, not a crash), type checks of option values, and a check that a value is
 * JSON (no cycles, BigInts, functions or symbols, not nested too deep) before it reaches recursive
 * code such as structuredClone, JSON-LD or RFC 8785 canonicalization.
 */
import { timeOfDate } from './date-time.js'
import {
  CarbonPassportError,
  type CarbonPassportErrorCode,
  isCarbonPassportError,
} from './errors.js'
import { escapePointer } from './findings/pointer.js'

/**
 * The deepest nesting (objects and arrays, the outermost counting as 1) accepted in a credential
 * handed to a function that builds, signs or digests one: the verifier's default `maxDepth`
 * (DEFAULT_MAX_DEPTH, kept equal by a test), so nothing is made that could not be verified with the
 * default options. A literal, so that this module imports only leaf modules (errors, date-time).
 */
export const MAX_JSON_DEPTH = 64

/** A thrown value in words. Never throws, whatever was thrown (a Proxy, a null-prototype object). */
export function describeError(err: unknown): string {
  try {
    const message = err instanceof Error ? err.message : undefined
    return typeof message === 'string' ? message : String(err)
  } catch {
    return 'an error that cannot be described'
  }
}

/**
 * `err` itself when it is a CarbonPassportError; otherwise a CarbonPassportError with `code`, a
 * message saying what failed (`context`) and why, and `err` as its cause.
 */
export function asCarbonPassportError(
  err: unknown,
  code: CarbonPassportErrorCode,
  context: string,
): CarbonPassportError {
  if (isCarbonPassportError(err)) return err
  return new CarbonPassportError(code, `${context}: ${describeError(err)}`, { cause: err })
}

export const invalidArgument = (
  message: string,
  details?: Record<string, unknown>,
): CarbonPassportError =>
  new CarbonPassportError('ERR_INVALID_ARGUMENT', message, details ? { details } : {})

/** Whether a value is a non-null, non-array object. Never throws (a revoked Proxy is not one). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  try {
    return !Array.isArray(value)
  } catch {
    return false
  }
}

/**
 * Reads the listed members of an options object once, into a plain object, so later code never
 * runs the caller's getters again. `undefined` options read as `{}` unless `required`.
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when the options are not an object or a member
 *   cannot be read.
 */
export function readOptions<K extends string>(
  options: unknown,
  keys: readonly K[],
  label = 'options',
  required = false,
): { [P in K]?: unknown } {
  if (options === undefined && !required) return {}
  if (!isRecord(options)) throw invalidArgument(`${label} must be an object`)
  const read: { [P in K]?: unknown } = {}
  for (const key of keys) {
    let value: unknown
    try {
      value = options[key]
    } catch (err) {
      throw new CarbonPassportError(
        'ERR_INVALID_ARGUMENT',
        `${label}.${key} cannot be read: ${describeError(err)}`,
        { cause: err },
      )
    }
    if (value !== undefined) read[key] = value
  }
  return read
}

/** `undefined`, or a string. */
export function optionalString(value: unknown, label: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value
  throw invalidArgument(`${label} must be a string`)
}

/** `undefined`, or a non-empty string. */
export function optionalNonEmptyString(value: unknown, label: string): string | undefined {
  if (value === undefined || (typeof value === 'string' && value !== '')) return value
  throw invalidArgument(`${label} must be a non-empty string`)
}

/** `undefined`, or a boolean. */
export function optionalBoolean(value: unknown, label: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value
  throw invalidArgument(`${label} must be a boolean`)
}

/** `undefined`, or one of the allowed strings. */
export function optionalOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  label: string,
): T | undefined {
  if (value === undefined || (allowed as readonly unknown[]).includes(value)) return value as T
  throw invalidArgument(`${label} must be ${allowed.map((a) => `"${a}"`).join(' or ')}`)
}

/** `undefined`, or a valid Date (returned as a copy, so a later read cannot differ). */
export function optionalDate(value: unknown, label: string): Date | undefined {
  if (value === undefined) return undefined
  const time = timeOfDate(value)
  if (Number.isNaN(time)) throw invalidArgument(`${label} must be a valid Date`)
  return new Date(time)
}

/** Where a value stops being JSON, and why. */
export interface JsonProblem {
  /** JSON Pointer (RFC 6901) of the offending value. */
  path: string
  reason: string
}

export interface JsonCheckOptions {
  /** Deepest nesting accepted (the outermost object or array counts as 1). */
  maxDepth: number
  /** Also refuse lone surrogates, which RFC 8785 (JCS) cannot encode. */
  wellFormedStrings?: boolean
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const pointer = (path: string, key: string | number) => `${path}/${escapePointer(String(key))}`

/**
 * The first place where `value` is not JSON: a cycle, a BigInt, a function, a symbol, NaN or an
 * infinity, nesting deeper than `maxDepth`, (optionally) a lone surrogate, or a member that cannot be
 * read (a throwing getter, a revoked Proxy). `undefined` members are allowed (JSON leaves them out).
 * Never throws; recursion is bounded by `maxDepth`.
 */
export function jsonProblem(value: unknown, options: JsonCheckOptions): JsonProblem | undefined {
  const ancestors = new Set<object>()
  let at = ''
  const visit = (v: unknown, path: string, depth: number): JsonProblem | undefined => {
    at = path
    switch (typeof v) {
      case 'bigint':
        return { path, reason: 'a BigInt is not JSON' }
      case 'function':
        return { path, reason: 'a function is not JSON' }
      case 'symbol':
        return { path, reason: 'a symbol is not JSON' }
      case 'number':
        return Number.isFinite(v) ? undefined : { path, reason: `${v} is not a JSON number` }
      case 'string':
        return options.wellFormedStrings && LONE_SURROGATE.test(v)
          ? { path, reason: 'a string with a lone surrogate is not Unicode text' }
          : undefined
      case 'object':
        break
      default:
        return undefined
    }
    if (v === null) return undefined
    if (ancestors.has(v)) return { path, reason: 'a cycle (the value contains itself)' }
    if (depth + 1 > options.maxDepth) {
      return { path, reason: `it nests deeper than ${options.maxDepth} levels` }
    }
    ancestors.add(v)
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        at = pointer(path, i)
        const problem = visit(v[i], at, depth + 1)
        if (problem) return problem
      }
    } else {
      for (const key of Object.keys(v)) {
        const child = pointer(path, key)
        if (options.wellFormedStrings && LONE_SURROGATE.test(key)) {
          return { path: child, reason: 'a key with a lone surrogate is not Unicode text' }
        }
        at = child
        const problem = visit((v as Record<string, unknown>)[key], child, depth + 1)
        if (problem) return problem
      }
    }
    ancestors.delete(v)
    return undefined
  }
  try {
    return visit(value, '', 0)
  } catch (err) {
    return { path: at, reason: `it cannot be read (${describeError(err)})` }
  }
}

/**
 * Throws a CarbonPassportError with `code` (and `details.path`) when `value` is not JSON; see
 * `jsonProblem`. `what` names the value in the message ("the credential", "options.issuer").
 */
export function assertJson(
  value: unknown,
  code: CarbonPassportErrorCode,
  what: string,
  options: JsonCheckOptions = { maxDepth: MAX_JSON_DEPTH },
): void {
  const problem = jsonProblem(value, options)
  if (problem) {
    throw new CarbonPassportError(
      code,
      `${what} is not JSON at ${problem.path || '/'}: ${problem.reason}`,
      { details: { path: problem.path, reason: problem.reason } },
    )
  }
}
