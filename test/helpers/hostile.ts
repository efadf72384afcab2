/**
 * Hostile argument values for misuse tests: every one is made fresh on each call (some functions
 * freeze what they are given), and none of them is JSON.
 */
import fc from 'fast-check'
import { isCarbonPassportError } from '../../src/errors.js'

/** `{ a: 1, self: <itself> }`. */
export function cyclic(): Record<string, unknown> {
  const o: Record<string, unknown> = { a: 1 }
  o.self = o
  return o
}

/** An array that contains itself. */
export function cyclicArray(): unknown[] {
  const a: unknown[] = [1]
  a.push(a)
  return a
}

/** `{ d: { d: … } }`, `depth` objects deep (10,000 by default, far past any stack-safe recursion). */
export function deep(depth = 10_000): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true }
  for (let i = 1; i < depth; i++) value = { d: value }
  return value
}

/** An object whose every listed property is a getter that throws. */
export function throwingGetters(
  keys: readonly string[] = ['id', 'key', 'format', 'issuer', 'profiles', 'now', 'type'],
  thrown: () => unknown = () => new Error('getter says no'),
): Record<string, unknown> {
  const o: Record<string, unknown> = {}
  for (const key of keys) {
    Object.defineProperty(o, key, {
      enumerable: true,
      get() {
        throw thrown()
      },
    })
  }
  return o
}

/** A Proxy whose every trap throws (`instanceof`, `in`, spreading and property reads all fail). */
export function hostileProxy(thrown: () => unknown = () => new Error('proxy says no')): object {
  const no = () => {
    throw thrown()
  }
  return new Proxy(
    {},
    {
      get: no,
      has: no,
      ownKeys: no,
      getOwnPropertyDescriptor: no,
      getPrototypeOf: no,
      defineProperty: no,
      set: no,
      deleteProperty: no,
      isExtensible: no,
      preventExtensions: no,
    },
  )
}

/** A revoked Proxy: any operation on it is a TypeError. */
export function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

/**
 * A value that cannot even be described: no prototype (so `String(value)` throws) and a throwing
 * `message` getter. Thrown from getters, it tests that error reporting itself cannot throw.
 */
export function undescribable(): object {
  const o = Object.create(null) as object
  Object.defineProperty(o, 'message', {
    get() {
      throw new Error('message getter says no')
    },
  })
  return o
}

export const hostileFactories: Record<string, () => unknown> = {
  cyclic,
  cyclicArray,
  deep: () => deep(),
  deepArray: () => {
    let value: unknown[] = []
    for (let i = 0; i < 10_000; i++) value = [value]
    return value
  },
  throwingGetters: () => throwingGetters(),
  gettersThrowingTheUndescribable: () => throwingGetters(undefined, undescribable),
  hostileProxy: () => hostileProxy(),
  proxyThrowingTheUndescribable: () => hostileProxy(undescribable),
  revokedProxy,
  bigint: () => 10n ** 30n,
  objectWithBigInt: () => ({ id: 'urn:x', value: 1n }),
  symbol: () => Symbol('junk'),
  function: () => () => 'junk',
  invalidDate: () => new Date('not a date'),
  date: () => new Date('2026-01-01T00:00:00Z'),
  loneSurrogate: () => '\ud800',
  nan: () => Number.NaN,
  map: () => new Map([['a', 1]]),
}

/**
 * A stand-in for a hostile value. fast-check inspects and prints what it generates, which hostile
 * values do not survive, so generators produce markers and `materialize` swaps in fresh values.
 */
export class HostileMarker {
  readonly name: string
  constructor(name: string) {
    this.name = name
  }
  [fc.toStringMethod](): string {
    return `<${this.name}>`
  }
}

/** One hostile value (a marker; see `materialize`). */
export const hostile: fc.Arbitrary<unknown> = fc
  .constantFrom(...Object.keys(hostileFactories))
  .map((name) => new HostileMarker(name))

/** A copy of a generated value with every marker replaced by a freshly made hostile value. */
export function materialize(value: unknown): unknown {
  if (value instanceof HostileMarker) return (hostileFactories[value.name] as () => unknown)()
  if (Array.isArray(value)) return value.map(materialize)
  if (value === null || typeof value !== 'object') return value
  const proto = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return value
  const copy = Object.create(proto) as Record<string, unknown>
  for (const key of Object.keys(value)) {
    Object.defineProperty(copy, key, {
      value: materialize((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return copy
}

/** Anything: hostile values, primitives and fast-check's arbitrary objects. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostile },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 0, -1, '', 'x', true, [], {}) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
)

/** A copy of `base` with some of its fields (at any depth ≤ 3) replaced by junk, or `base` itself. */
export function sprinkled<T>(base: T): fc.Arbitrary<unknown> {
  const paths: string[][] = []
  const collect = (value: unknown, path: string[]) => {
    if (path.length > 0) paths.push(path)
    if (path.length >= 3 || value === null || typeof value !== 'object') return
    for (const key of Object.keys(value)) {
      collect((value as Record<string, unknown>)[key], [...path, key])
    }
  }
  collect(base, [])
  if (paths.length === 0) return fc.constant(base)
  return fc.oneof(
    fc.constant(null).map(() => structuredClone(base) as unknown),
    fc.tuple(fc.constantFrom(...paths), junk).map(([path, value]) => {
      const copy = structuredClone(base) as Record<string, unknown>
      let at = copy
      for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>
      at[path[path.length - 1] as string] = value
      return copy as unknown
    }),
  )
}

/** A record of some of `keys`, each either a plausible value (from `valid`) or junk. */
export function junkOptions(valid: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const fields = Object.fromEntries(
    Object.entries(valid).map(([key, arb]) => [key, fc.oneof(arb, junk)]),
  )
  return fc.oneof(
    { weight: 4, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    { weight: 1, arbitrary: junk },
  )
}

export type Outcome = { threw: false; value: unknown } | { threw: true; error: unknown }

/** Runs a call, sync or async, and says whether it threw (or rejected) and with what. */
export async function outcome(call: () => unknown): Promise<Outcome> {
  try {
    return { threw: false, value: await call() }
  } catch (error) {
    return { threw: true, error }
  }
}

/** Why an error is not a well-formed CarbonPassportError, or undefined when it is one. */
export function untypedReason(error: unknown): string | undefined {
  if (!isCarbonPassportError(error)) {
    let text: string
    try {
      text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    } catch {
      text = '(undescribable)'
    }
    return `not a CarbonPassportError: ${text}`
  }
  if (!/^ERR_[A-Z_]+$/.test(error.code)) return `bad code ${String(error.code)}`
  if (typeof error.message !== 'string' || error.message === '') return 'no message'
  return undefined
}
