import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type ChainNode, verifyChain } from '../../src/supply-chain/chain.js'
import { computePassportDigest } from '../../src/supply-chain/digest.js'
import { exampleDidDocuments } from '../helpers/examples.js'
import { generatedNode, NOW, nodeId, sign } from './fixtures.js'

type Fault = 'none' | 'tamper' | 'missing' | 'wrong-digest' | 'expired'

/** A random DAG: node i may cite any node j > i (at most 3), each node with a fault or none. */
const dag = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    edges: fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.subarray(
          Array.from({ length: n - i - 1 }, (_, k) => i + 1 + k),
          { maxLength: Math.min(3, n - i - 1) },
        ),
      ),
    ),
    faults: fc.array(
      fc.constantFrom<Fault>(
        'none',
        'none',
        'none',
        'tamper',
        'missing',
        'wrong-digest',
        'expired',
      ),
      { minLength: n, maxLength: n },
    ),
  }),
)

/** Changes a compact JWS's payload, keeping its signature: it no longer verifies. */
function tamper(jws: string): string {
  const [h, p, s] = jws.split('.') as [string, string, string]
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'))
  payload.credentialSubject.footprint.comment = 'tampered'
  return [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.')
}

const nodesOf = (n: ChainNode): ChainNode[] => [n, ...n.components.flatMap(nodesOf)]

describe('verifyChain over random DAGs of generated passports (property)', () => {
  it('never throws, and the verdict is fail exactly when a reachable node fails', async () => {
    await fc.assert(
      fc.asyncProperty(dag, async ({ edges, faults }) => {
        const n = faults.length
        // The root is given, not resolved or cited: only tampering or expiry can break it.
        if (faults[0] === 'missing' || faults[0] === 'wrong-digest') faults[0] = 'none'
        const signed: string[] = []
        for (let i = n - 1; i >= 0; i--) {
          const doc = generatedNode(
            i,
            (edges[i] ?? []).map((j) => ({
              index: j,
              signed: signed[j],
              ...(faults[j] === 'wrong-digest' ? { digest: computePassportDigest({ j }) } : {}),
            })),
          )
          if (faults[i] === 'expired') doc.validUntil = '2026-10-01T00:00:00Z'
          const jws = (await sign(doc, 'vc-jose')) as string
          signed[i] = faults[i] === 'tamper' ? tamper(jws) : jws
        }
        const byId = new Map(
          signed
            .map((s, i) => [nodeId(i), s] as const)
            .filter(([, s], i) => faults[i] !== 'missing' && s),
        )
        const r = await verifyChain(signed[0], {
          didDocuments: exampleDidDocuments(),
          now: NOW,
          resolvePassport: (id) => byId.get(id),
        })
        // The model: every node reachable from the root is fault-free.
        const reachable = new Set<number>([0])
        for (let i = 0; i < n; i++) {
          if (!reachable.has(i)) continue
          for (const j of edges[i] ?? []) reachable.add(j)
        }
        const expected = [...reachable].every((i) => faults[i] === 'none')
        expect(r.verified).toBe(expected)
        // The verdict is fail iff some node of the tree fails, and each node's verdict likewise.
        const all = nodesOf(r.root)
        expect(r.verified).toBe(all.every((node) => node.verified))
        for (const node of all) {
          expect(node.verdict).toBe(
            node.verified && node.components.every((c) => c.verdict === 'pass') ? 'pass' : 'fail',
          )
        }
        // Each faulty node reached carries its finding.
        for (const node of all) {
          const i = signed.findIndex((_, k) => nodeId(k) === node.id)
          if (i <= 0 || faults[i] === 'none') continue
          const codes = node.findings.map((f) => f.code)
          const want = {
            tamper: 'CHAIN_UPSTREAM_NOT_VERIFIED',
            expired: 'CHAIN_UPSTREAM_NOT_VERIFIED',
            missing: 'CHAIN_UPSTREAM_MISSING',
            'wrong-digest': 'CHAIN_DIGEST_MISMATCH',
          }[faults[i] as Exclude<Fault, 'none'>]
          expect(codes).toContain(want)
        }
      }),
      { numRuns: 30 },
    )
  }, 120_000)

  it('never throws on junk from the resolver (property)', async () => {
    const root = (await sign(
      generatedNode(0, [{ index: 1, signed: null, digest: computePassportDigest({ x: 1 }) }]),
      'vc-jose',
    )) as string
    await fc.assert(
      fc.asyncProperty(fc.anything({ withBigInt: true, withMap: true }), async (junk) => {
        const r = await verifyChain(root, {
          didDocuments: exampleDidDocuments(),
          now: NOW,
          resolvePassport: () => junk,
        })
        expect(r.verified).toBe(false)
        expect(r.root.components).toHaveLength(1)
      }),
      { numRuns: 50 },
    )
  })
})
