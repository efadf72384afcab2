/**
 * `verifyMany` called with junk (the hostile values of test/api/junk-arguments.test.ts): it refuses
 * only with a CarbonPassportError that has a code, and iterating a source of junk inputs never
 * throws: one failed item per input, on this thread and on a worker (hostile inputs that cannot be
 * sent to a worker are verified on the calling thread).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type BatchItem, verifyMany } from '../../src/batch/verify-many.js'
import { fuzzRuns } from '../helpers/fuzz.js'
import {
  hostileFactories,
  junk,
  junkOptions,
  materialize,
  outcome,
  untypedReason,
} from '../helpers/hostile.js'

const batchOptions = {
  kind: fc.constantFrom('passport', 'credential'),
  jobs: fc.constantFrom(0, 1, 2, -1, 0.5),
  ordered: fc.boolean(),
  maxInFlight: fc.constantFrom(1, 4, 0),
  signal: fc.constant(new AbortController().signal),
  onProgress: fc.constant(() => undefined),
  resolveDid: fc.constant(async () => undefined),
  maxBytes: fc.constant(1_000_000),
  didDocuments: fc.constant([]),
}

async function drain(iterable: AsyncIterable<BatchItem>): Promise<BatchItem[]> {
  const items: BatchItem[] = []
  for await (const item of iterable) items.push(item)
  return items
}

describe('verifyMany with junk', () => {
  it('refuses junk arguments only with a typed CarbonPassportError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(junk, fc.array(junk, { maxLength: 3 })),
        junkOptions(batchOptions),
        async (source, options) => {
          const args = materialize([source, options]) as [never, never]
          // Not iterated: no pool is started, only the arguments are checked.
          const result = await outcome(() => verifyMany(...args))
          if (result.threw) expect(untypedReason(result.error)).toBeUndefined()
        },
      ),
      { numRuns: fuzzRuns(300) },
    )
  })

  it('never throws while iterating junk inputs on this thread', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(junk, { maxLength: 6 }), fc.boolean(), async (inputs, ordered) => {
        const source = materialize(inputs) as unknown[]
        const items = await drain(verifyMany(source, { jobs: 0, ordered, maxInFlight: 2 }))
        expect(items.map((i) => i.index).sort((a, b) => a - b)).toEqual(source.map((_, i) => i))
        for (const item of items) {
          expect(typeof item.verified).toBe('boolean')
          expect(Array.isArray(item.result.checks)).toBe(true)
        }
      }),
      { numRuns: fuzzRuns(100) },
    )
  })

  it('hostile inputs on a worker: one failed item each, the same as on this thread', async () => {
    const make = () => Object.values(hostileFactories).map((factory) => factory())
    const here = await drain(verifyMany(make(), { jobs: 0 }))
    const there = await drain(verifyMany(make(), { jobs: 1 }))
    expect(there).toHaveLength(Object.keys(hostileFactories).length)
    expect(there.map((i) => i.verified)).toEqual(here.map((i) => i.verified))
    expect(there.map((i) => i.result.errors.map((e) => e.code))).toEqual(
      here.map((i) => i.result.errors.map((e) => e.code)),
    )
    expect(there.some((i) => i.verified)).toBe(false)
  })
})
