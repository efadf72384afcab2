/**
 * `verifyMany` (issue 13, batch verification): the same verdicts as `verifyPassport` one by one, on
 * this thread and on 1 and 2 workers, in order and as completed; bounded read-ahead; cancellation;
 * progress counts; refused options; and a pool that shuts down (the process exits).
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { VerifierPool } from '../../src/batch/pool.js'
import {
  type BatchItem,
  type BatchProgress,
  verifyMany,
  verifyManyOn,
} from '../../src/batch/verify-many.js'
import { verifyCredential } from '../../src/credential/verify.js'
import { isCarbonPassportError } from '../../src/errors.js'
import { verifyPassport } from '../../src/passport/verify.js'
import type { VerificationResult } from '../../src/results.js'
import { clone, exampleDidDocuments, signedExamples } from '../helpers/examples.js'

const didDocuments = exampleDidDocuments()
const now = new Date('2026-11-01T00:00:00Z')
const options = { didDocuments, now }

/** Flips one character of a JWS payload, keeping it base64url. */
function tamperJwt(jwt: string): string {
  const [header, payload, signature] = jwt.split('.') as [string, string, string]
  const at = Math.floor(payload.length / 2)
  const flipped = payload[at] === 'A' ? 'B' : 'A'
  return [header, payload.slice(0, at) + flipped + payload.slice(at + 1), signature].join('.')
}

const examples = signedExamples()
/** The 8 signed examples both ways, junk, and tampered ones. */
const inputs: unknown[] = [
  ...examples.flatMap((e) => [e.di, e.jwt]),
  'not json',
  '{"unterminated":',
  42,
  null,
  {},
  [],
  'a.b.c',
  tamperJwt(examples[0]?.jwt ?? ''),
  (() => {
    const tampered = clone(examples[1]?.di ?? {}) as { credentialSubject?: { id?: string } }
    if (tampered.credentialSubject) tampered.credentialSubject.id = 'urn:example:tampered'
    return tampered
  })(),
  // Not structured-cloneable: verified on the calling thread instead of a worker.
  { verify: () => true },
]

const one = await Promise.all(inputs.map((input) => verifyPassport(input, options)))

/** What a comparison needs of a result: the verdict, each check's status and codes. */
const summary = (result: VerificationResult) => ({
  verified: result.verified,
  format: result.format,
  issuer: result.issuer,
  checks: result.checks.map((c) => `${c.id}:${c.status}:${c.findings.map((f) => f.code)}`),
  errors: result.errors.map((e) => `${e.code}@${e.path}`),
})

async function collect(source: Iterable<unknown> | AsyncIterable<unknown>, opts = {}) {
  const items: BatchItem[] = []
  for await (const item of verifyMany(source, { ...options, ...opts })) items.push(item)
  return items
}

describe('verifyMany gives the verdicts of verifyPassport one by one', () => {
  it('the fixtures: every example verifies, every junk and tampered input does not', () => {
    expect(examples).toHaveLength(8)
    expect(one.slice(0, 16).every((r) => r.verified)).toBe(true)
    expect(one.slice(16).some((r) => r.verified)).toBe(false)
  })

  for (const jobs of [0, 1, 2]) {
    it(`jobs ${jobs}, in input order`, async () => {
      const items = await collect(inputs, { jobs })
      expect(items.map((i) => i.index)).toEqual(inputs.map((_, i) => i))
      expect(items.map((i) => summary(i.result))).toEqual(one.map(summary))
      expect(items.map((i) => i.verified)).toEqual(one.map((r) => r.verified))
      expect(items.map((i) => i.id)).toEqual(
        one.map((r) => (typeof r.credential?.id === 'string' ? r.credential.id : undefined)),
      )
      expect(items.filter((i) => i.id !== undefined).length).toBeGreaterThanOrEqual(16)
    })

    it(`jobs ${jobs}, as completed: a permutation with the same verdicts`, async () => {
      const items = await collect(inputs, { jobs, ordered: false })
      expect(items.map((i) => i.index).sort((a, b) => a - b)).toEqual(inputs.map((_, i) => i))
      for (const item of items) {
        const expected = one[item.index]
        expect(expected && summary(item.result)).toEqual(expected && summary(expected))
      }
    })
  }

  it('an async source of the same inputs, on 2 workers', async () => {
    async function* source() {
      for (const input of inputs) {
        await new Promise((resolve) => setTimeout(resolve, 1))
        yield input
      }
    }
    const items = await collect(source(), { jobs: 2, maxInFlight: 3 })
    expect(items.map((i) => summary(i.result))).toEqual(one.map(summary))
  })

  it('an async source faster than the workers goes in full chunks, not a task per input', async () => {
    const jwts = Array.from({ length: 160 }, (_, i) => examples[i % examples.length]?.jwt)
    async function* source() {
      for (const jwt of jwts) {
        await Promise.resolve()
        yield jwt
      }
    }
    const pool = await VerifierPool.start({
      jobs: 1,
      setup: { kind: 'passport', includeCredential: false, options },
    })
    try {
      await pool.warm()
      const warmTasks = pool.tasksSent
      let verified = 0
      for await (const item of verifyManyOn(pool, source())) if (item.verified) verified++
      expect(verified).toBe(jwts.length)
      // 10 chunks of 16, and a few smaller ones while the worker had nothing queued (one task
      // per input before: the loop sent what it had each time it waited for the source).
      expect(pool.tasksSent - warmTasks).toBeLessThanOrEqual(16)
    } finally {
      await pool.close()
    }
  })

  it('a source that stalls: what was read is verified without waiting for more', async () => {
    async function* stalling() {
      for (const example of examples.slice(0, 3)) yield example.jwt
      await new Promise(() => undefined)
    }
    const items: BatchItem[] = []
    for await (const item of verifyMany(stalling(), { ...options, jobs: 1 })) {
      items.push(item)
      if (items.length === 3) break
    }
    expect(items.map((i) => i.verified)).toEqual([true, true, true])
  })

  it('kind credential verifies with verifyCredential', async () => {
    const jwts = examples.map((e) => e.jwt)
    const expected = await Promise.all(jwts.map((jwt) => verifyCredential(jwt, options)))
    for (const jobs of [0, 1]) {
      const items = await collect(jwts, { jobs, kind: 'credential' })
      expect(items.map((i) => summary(i.result))).toEqual(expected.map(summary))
      expect(items[0]?.result.checks.some((c) => c.id === 'conformance')).toBe(false)
    }
  })

  it('includeCredential false: the same verdicts and ids, no credential in the results', async () => {
    for (const jobs of [0, 2]) {
      const items = await collect(inputs, { jobs, includeCredential: false })
      expect(items.map((i) => summary(i.result))).toEqual(one.map(summary))
      expect(items.map((i) => i.id)).toEqual(
        one.map((r) => (typeof r.credential?.id === 'string' ? r.credential.id : undefined)),
      )
      expect(items.every((i) => i.result.credential === undefined)).toBe(true)
    }
    const kept = await collect(inputs.slice(0, 1), { jobs: 0 })
    expect(kept[0]?.result.credential).toBeDefined()
  })

  it('on workers, result.credential is what verifying here gives (decoded when read)', async () => {
    const here = await collect(inputs, { jobs: 0 })
    const there = await collect(inputs, { jobs: 2 })
    expect(there.map((i) => i.result.credential)).toEqual(here.map((i) => i.result.credential))
    expect(there.filter((i) => i.result.credential !== undefined).length).toBeGreaterThanOrEqual(16)
    // An object input is its own credential, as on this thread.
    const di = inputs[0]
    const [item] = await collect([di], { jobs: 1 })
    expect(item?.result.credential).toBe(di)
  })

  it('an empty source gives no items', async () => {
    expect(await collect([], { jobs: 1 })).toEqual([])
    expect(await collect([], { jobs: 0 })).toEqual([])
  })
})

describe('bounded read-ahead (back-pressure)', () => {
  for (const jobs of [0, 1, 2]) {
    it(`jobs ${jobs}: a consumer that takes 50 items of an endless source and breaks`, async () => {
      const maxInFlight = 8
      let reads = 0
      let closed = false
      async function* endless() {
        try {
          for (;;) {
            reads++
            yield examples[reads % examples.length]?.jwt
          }
        } finally {
          closed = true
        }
      }
      let taken = 0
      for await (const item of verifyMany(endless(), { ...options, jobs, maxInFlight })) {
        expect(item.index).toBe(taken)
        expect(item.verified).toBe(true)
        if (++taken === 50) break
      }
      expect(taken).toBe(50)
      expect(reads).toBeLessThanOrEqual(50 + maxInFlight)
      expect(closed).toBe(true)
    })
  }

  it('a consumer that stops pulling stops the reading (a sync endless source)', async () => {
    let reads = 0
    function* endless() {
      for (;;) {
        reads++
        yield 'junk'
      }
    }
    const iterator = verifyMany(endless(), { jobs: 0, maxInFlight: 5 })[Symbol.asyncIterator]()
    for (let i = 0; i < 10; i++) expect((await iterator.next()).done).toBe(false)
    const readAfterTen = reads
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(reads).toBe(readAfterTen)
    expect(reads).toBeLessThanOrEqual(10 + 5)
    await iterator.return?.()
  })
})

describe('cancellation by AbortSignal', () => {
  for (const jobs of [0, 2]) {
    it(`jobs ${jobs}: aborting ends the iteration without an error`, async () => {
      const controller = new AbortController()
      let reads = 0
      async function* endless() {
        for (;;) {
          reads++
          yield examples[0]?.jwt
        }
      }
      const items: BatchItem[] = []
      for await (const item of verifyMany(endless(), {
        ...options,
        jobs,
        maxInFlight: 4,
        signal: controller.signal,
      })) {
        items.push(item)
        if (items.length === 5) controller.abort()
      }
      expect(items).toHaveLength(5)
      expect(reads).toBeLessThanOrEqual(5 + 4 + 1)
    })
  }

  it('aborting while the consumer waits on a stalled source ends the iteration', async () => {
    const controller = new AbortController()
    async function* stalled() {
      yield 'junk'
      await new Promise(() => undefined)
    }
    const items: BatchItem[] = []
    setTimeout(() => controller.abort(), 50)
    for await (const item of verifyMany(stalled(), { jobs: 0, signal: controller.signal }))
      items.push(item)
    expect(items).toHaveLength(1)
  })

  it('an already aborted signal reads nothing', async () => {
    let reads = 0
    function* source() {
      reads++
      yield 'junk'
    }
    const items = await collect(source(), { jobs: 2, signal: AbortSignal.abort() })
    expect(items).toEqual([])
    expect(reads).toBe(0)
  })
})

describe('progress', () => {
  for (const jobs of [0, 2]) {
    it(`jobs ${jobs}: the counts add up, and the last call counts everything`, async () => {
      const calls: BatchProgress[] = []
      const maxInFlight = 4
      const items = await collect(inputs, {
        jobs,
        maxInFlight,
        onProgress: (p: BatchProgress) => calls.push({ ...p }),
      })
      expect(calls.length).toBeGreaterThanOrEqual(inputs.length * 2)
      for (const p of calls) {
        expect(p.read).toBe(p.done + p.inFlight)
        expect(p.done).toBe(p.verified + p.failed)
        expect(p.inFlight).toBeLessThanOrEqual(maxInFlight)
      }
      const verified = items.filter((i) => i.verified).length
      expect(calls.at(-1)).toEqual({
        read: inputs.length,
        done: inputs.length,
        verified,
        failed: inputs.length - verified,
        inFlight: 0,
      })
    })
  }

  it('a throwing callback does not end the batch', async () => {
    const items = await collect(['junk', 'junk'], {
      jobs: 0,
      onProgress: () => {
        throw new Error('boom')
      },
    })
    expect(items).toHaveLength(2)
  })
})

describe('failures are items, never throws', () => {
  it('a source that throws gives one last failed item', async () => {
    for (const jobs of [0, 1]) {
      async function* failing() {
        yield examples[0]?.jwt
        throw new Error('disk on fire')
      }
      const items = await collect(failing(), { jobs })
      expect(items.map((i) => i.verified)).toEqual([true, false])
      expect(items[1]?.result.errors[0]?.code).toBe('INTERNAL_ERROR')
      expect(items[1]?.result.errors[0]?.message).toContain('disk on fire')
    }
  })
})

describe('refused arguments', () => {
  const refused = (run: () => unknown, pattern: RegExp) => {
    let thrown: unknown
    try {
      run()
    } catch (err) {
      thrown = err
    }
    expect(isCarbonPassportError(thrown, 'ERR_INVALID_ARGUMENT')).toBe(true)
    expect((thrown as Error).message).toMatch(pattern)
  }

  it('a function option with workers, naming it and the way out', () => {
    const resolveDid = async () => undefined
    const documentLoader = async (url: string) => ({
      contextUrl: null,
      documentUrl: url,
      document: {},
    })
    refused(() => verifyMany([], { jobs: 1, resolveDid }), /resolveDid.*jobs: 0.*didDocuments/)
    refused(() => verifyMany([], { jobs: 2, documentLoader }), /documentLoader.*jobs: 0/)
    refused(() => verifyMany([], { resolveDid }), /resolveDid/)
  })

  it('a function option on this thread (jobs 0) is used', async () => {
    const byId = new Map(didDocuments.map((d) => [d.id, d]))
    const resolveDid = async (did: string) => byId.get(did)
    const items: BatchItem[] = []
    for await (const item of verifyMany([examples[0]?.jwt], { jobs: 0, resolveDid, now }))
      items.push(item)
    expect(items.map((i) => i.verified)).toEqual([true])
  })

  it('options that cannot be sent to a worker, and wrong types', () => {
    refused(
      () => verifyMany([], { jobs: 1, statusLists: [{ f: () => 1 }] }),
      /statusLists cannot be sent/,
    )
    refused(() => verifyMany([], { jobs: -1 }), /jobs/)
    refused(() => verifyMany([], { jobs: 1.5 }), /jobs/)
    refused(() => verifyMany([], { maxInFlight: 0 }), /maxInFlight/)
    refused(() => verifyMany([], { ordered: 'yes' as never }), /ordered/)
    refused(() => verifyMany([], { kind: 'presentation' as never }), /kind/)
    refused(() => verifyMany([], { signal: {} as never }), /signal/)
    refused(() => verifyMany([], { onProgress: 1 as never }), /onProgress/)
    refused(() => verifyMany('text' as never), /not a string/)
    refused(() => verifyMany(42 as never), /iterable/)
    refused(() => verifyMany([], 'options' as never), /options/)
  })
})

describe('the pool shuts down: the process exits', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url))
  const run = (entry: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'test/batch/exit-fixture.ts', entry], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    })

  it('from source (worker.ts under tsx) and from the built package (dist/)', () => {
    for (const entry of ['../../src/index.ts', 'carbon-passport']) {
      const child = run(entry)
      expect(child.stderr).toBe('')
      expect(child.status).toBe(0)
      expect(JSON.parse(child.stdout)).toEqual({ full: [true, true, false], early: 1 })
    }
  })
})
