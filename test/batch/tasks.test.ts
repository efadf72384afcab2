/**
 * The pool's task runner (src/batch/tasks.ts): chunks handed to one worker run one after another,
 * never interleaved at each `await` (a worker given its next chunk early would otherwise finish
 * both together and then wait idle for more), and each still gets its own verdicts.
 */
import { describe, expect, it } from 'vitest'
import { TaskRunner } from '../../src/batch/tasks.js'
import type { DidDocument } from '../../src/context/loader.js'
import { exampleDidDocuments, signedExamples } from '../helpers/examples.js'

const now = new Date('2026-11-01T00:00:00Z')
const documents = new Map(exampleDidDocuments().map((d) => [d.id, d]))

describe('TaskRunner', () => {
  it('runs the chunks it is given one after another, in the order given', async () => {
    const examples = signedExamples()
    // Every verification asks the resolver for its issuer's DID document: the log shows the order.
    const asked: string[] = []
    const runner = new TaskRunner({
      kind: 'passport',
      includeCredential: false,
      options: {
        now,
        resolveDid: async (did: string): Promise<DidDocument | undefined> => {
          if (asked.at(-1) !== did) asked.push(did)
          return documents.get(did)
        },
      },
    })
    const chunks = [examples.slice(0, 3), examples.slice(3, 6)].map((part) =>
      part.map((e) => e.jwt),
    )
    const issuers = chunks.map((part) =>
      part.map((jwt) => {
        const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString())
        return typeof payload.issuer === 'string' ? payload.issuer : payload.issuer.id
      }),
    )
    // Consecutive passports of one issuer would merge in the log: the examples have distinct ones.
    expect(new Set(issuers.flat()).size).toBe(6)
    const results = (await Promise.all(
      chunks.map((inputs) => runner.run({ op: 'chunk', inputs })),
    )) as { result: { verified: boolean } }[][]
    expect(asked).toEqual(issuers.flat())
    expect(results.flat().map((o) => o.result.verified)).toEqual(Array(6).fill(true))
  })
})
