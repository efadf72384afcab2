/**
 * Hostile Data Integrity input (issue 7): every one is decided quickly with a stable code, never by
 * decoding, canonicalizing or re-canonicalizing without bound, and the clock applies to proofs and
 * keys. The time guards are generous hang guards, not speed targets (those are in bench/).
 */
import { createRequire } from 'node:module'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import fc from 'fast-check'
import jsonld from 'jsonld'
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { createDocumentLoader, type DidDocument } from '../../../src/context/loader.js'
import {
  canonizeDocument,
  DEFAULT_MAX_BLANK_NODES,
  DEFAULT_MAX_QUADS,
} from '../../../src/credential/data-integrity/canonize.js'
import { FAST_PATHS_ENV } from '../../../src/credential/data-integrity/fast-paths.js'
import { Canonicalizer } from '../../../src/credential/data-integrity/rdfc.js'
import { signingSuite } from '../../../src/credential/data-integrity/suites.js'
import { DEFAULT_MAX_PROOFS } from '../../../src/credential/data-integrity/verify.js'
import { issueCredential } from '../../../src/credential/issue.js'
import { verifyCredential } from '../../../src/credential/verify.js'
import { generateKeyPair } from '../../../src/keys/generate.js'
import { base58btcDecode, base58btcEncode } from '../../../src/keys/multibase.js'
import type { VerificationResult } from '../../../src/results.js'
import { exampleDidDocuments, exampleKey } from '../../helpers/examples.js'
import { readJsonFile, readTextFile } from '../../helpers/files.js'
import { issuerOf, NOW } from '../fixtures.js'

type Json = Record<string, unknown>

const didDocuments = exampleDidDocuments()
const signed = readJsonFile('examples/signed/lfp-cell-280ah.json')
const proof = signed.proof as Json
const issuer = issuerOf(signed)
const key = exampleKey(issuer)
const options = { didDocuments, now: NOW }
const loader = createDocumentLoader()

/** The proof check of a verification (it runs whatever syntax and context say). */
const proofCheck = (r: VerificationResult) => r.checks.find((c) => c.id === 'proof')
const proofCodes = (r: VerificationResult) => proofCheck(r)?.findings.map((f) => f.code) ?? []

/** Runs f and returns its result and how long it took. */
async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const result = await f()
  return [result, performance.now() - start]
}

/** A generous hang guard: the slow behaviour took seconds; the fast one takes milliseconds. */
const HANG_GUARD_MS = 2000

const withProofValue = (proofValue: string): Json => ({
  ...structuredClone(signed),
  proof: { ...proof, proofValue },
})

describe('proofValue: refused by its length and encoding before any decoding', () => {
  test('an 80,000-character proofValue is PROOF_MALFORMED, quickly', async () => {
    const [result, ms] = await timed(() =>
      verifyCredential(withProofValue(`z${'2'.repeat(80_000)}`), options),
    )
    expect(proofCodes(result)).toEqual(['PROOF_MALFORMED'])
    expect(proofCheck(result)?.findings[0]?.path).toBe('/proof/proofValue')
    expect(ms).toBeLessThan(HANG_GUARD_MS)
  })

  test('the same signature re-encoded as base64url multibase (u…) is refused', async () => {
    const bytes = base58btcDecode(String(proof.proofValue).slice(1))
    const u = `u${Buffer.from(bytes).toString('base64url')}`
    const result = await verifyCredential(withProofValue(u), options)
    expect(result.verified).toBe(false)
    expect(proofCodes(result)).toEqual(['PROOF_MALFORMED'])
  })

  test('anything but z + base58btc of exactly 64 bytes is PROOF_MALFORMED; the original verifies', async () => {
    expect((await verifyCredential(signed, options)).verified).toBe(true)
    const notSignature = fc.oneof(
      fc.uint8Array({ maxLength: 100 }).filter((b) => b.length !== 64),
      fc.uint8Array({ minLength: 64, maxLength: 64 }).map((b) => b), // right size, wrong prefix below
    )
    await fc.assert(
      fc.asyncProperty(notSignature, fc.constantFrom('z', 'u', 'm', 'Z', ''), async (bytes, mb) => {
        if (mb === 'z' && bytes.length === 64) return // a well-formed (wrong) signature: PROOF_INVALID
        const value =
          mb === 'z'
            ? `z${base58btcEncode(bytes)}`
            : `${mb}${Buffer.from(bytes).toString(mb === 'm' ? 'base64' : 'base64url')}`
        const result = await verifyCredential(withProofValue(value), options)
        expect(proofCodes(result)).toEqual(['PROOF_MALFORMED'])
      }),
      { numRuns: 60 },
    )
  })

  test('a right-sized but wrong signature still reaches the cryptography (PROOF_INVALID)', async () => {
    const result = await verifyCredential(
      withProofValue(`z${base58btcEncode(new Uint8Array(64).fill(7))}`),
      options,
    )
    expect(proofCodes(result)).toEqual(['PROOF_INVALID'])
  })
})

describe('DID-document keys: refused by length before decoding', () => {
  test('a 60,000-character publicKeyMultibase is not a key, quickly', async () => {
    const docs = structuredClone(didDocuments) as Json[]
    const doc = docs.find((d) => d.id === issuer) as Json
    ;(doc.verificationMethod as Json[])[0] = {
      ...(doc.verificationMethod as Json[])[0],
      publicKeyMultibase: `z${'2'.repeat(60_000)}`,
    }
    const [result, ms] = await timed(() =>
      verifyCredential(signed, { ...options, didDocuments: docs as unknown as DidDocument[] }),
    )
    expect(proofCodes(result)).toEqual(['KEY_TYPE_MISMATCH'])
    expect(ms).toBeLessThan(HANG_GUARD_MS)
  })
})

/** n blank nodes in a ring (`_:b0 → _:b1 → … → _:b0`): all look alike at first degree. */
const ring = (n: number): Json => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  issuer,
  credentialSubject: {
    id: 'urn:example:s',
    'https://example.org/ring': Array.from({ length: n }, (_, i) => ({
      id: `_:b${i}`,
      'https://example.org/next': { id: `_:b${(i + 1) % n}` },
    })),
  },
  proof,
})

/** Counts of the RDF dataset of a document, by jsonld.js itself. */
async function datasetCounts(doc: Json): Promise<{ quads: number; blankNodes: number }> {
  const { proof: _p, ...document } = doc
  const quads = (await jsonld.toRDF(document, {
    documentLoader: loader,
    safe: true,
    base: null,
  } as never)) as unknown as { subject: Json; object: Json; graph: Json }[]
  const blank = new Set<unknown>()
  for (const q of quads)
    for (const t of [q.subject, q.object, q.graph])
      if (t.termType === 'BlankNode') blank.add(t.value)
  return { quads: quads.length, blankNodes: blank.size }
}

describe('canonicalization input caps (blank nodes, quads) before RDFC-1.0', () => {
  test('the defaults leave headroom over the largest example passport', async () => {
    let most = { quads: 0, blankNodes: 0 }
    for (const name of ['ess-cabinet-215kwh', 'ev-nmc-pack', 'ups-battery-module']) {
      const counts = await datasetCounts(readJsonFile(`examples/signed/${name}.json`))
      most = {
        quads: Math.max(most.quads, counts.quads),
        blankNodes: Math.max(most.blankNodes, counts.blankNodes),
      }
    }
    expect(DEFAULT_MAX_BLANK_NODES).toBeGreaterThanOrEqual(4 * most.blankNodes)
    expect(DEFAULT_MAX_QUADS).toBeGreaterThanOrEqual(4 * most.quads)
  })

  test('a ring of 3,000 blank nodes is CANONICALIZATION_INPUT_TOO_LARGE, quickly', async () => {
    const [result, ms] = await timed(() => verifyCredential(ring(3000), options))
    expect(proofCodes(result)).toEqual(['CANONICALIZATION_INPUT_TOO_LARGE'])
    expect(ms).toBeLessThan(HANG_GUARD_MS)
  })

  test('a small ring under the caps still meets the RDFC-1.0 work limit (safe defaults)', async () => {
    const result = await verifyCredential(ring(64), options)
    expect(proofCodes(result)).toEqual(['CANONICALIZATION_LIMIT'])
  })

  test('no canonicalize option can raise the RDFC-1.0 work limit', async () => {
    const { proof: _p, ...doc } = ring(16)
    const limits = { maxBlankNodes: DEFAULT_MAX_BLANK_NODES, maxQuads: DEFAULT_MAX_QUADS }
    for (const raise of [{ maxWorkFactor: Number.POSITIVE_INFINITY }, { maxDeepIterations: 1e9 }]) {
      await expect(
        canonizeDocument(eddsaRdfc2022.canonize, doc, loader, raise, limits),
      ).rejects.toThrow(/Maximum deep iterations exceeded/)
    }
  })

  test('many quads and no blank nodes: refused by the quad cap (stock path)', async () => {
    const doc = ring(0)
    doc.credentialSubject = Object.fromEntries([
      ['id', 'urn:example:s'],
      ...Array.from({ length: DEFAULT_MAX_QUADS + 1 }, (_, i) => [`https://example.org/p${i}`, i]),
    ])
    const result = await verifyCredential(doc, options)
    expect(proofCodes(result)).toEqual(['CANONICALIZATION_INPUT_TOO_LARGE'])
  })

  describe('a signed passport past the caps (direct RDF path)', () => {
    // Many distinct activity entries: valid, signed, and over the default blank-node cap.
    let bigSigned: Json
    let counts: { quads: number; blankNodes: number }
    beforeAll(async () => {
      const big = structuredClone(signed) as Json
      delete big.proof
      const subject = big.credentialSubject as Json
      const activity = (subject.activityData as Json[])[0] as Json
      subject.activityData = Array.from({ length: 120 }, (_, i) => ({
        ...structuredClone(activity),
        activity: `${String(activity.activity)} #${i}`,
      }))
      bigSigned = await issueCredential(big, { key, created: new Date(String(proof.created)) })
      counts = await datasetCounts(bigSigned)
    })

    test('is refused with the defaults and verifies once the caps are raised', async () => {
      expect(counts.blankNodes).toBeGreaterThan(DEFAULT_MAX_BLANK_NODES)
      const refused = await verifyCredential(bigSigned, options)
      expect(proofCodes(refused)).toEqual(['CANONICALIZATION_INPUT_TOO_LARGE'])
      const raised = await verifyCredential(bigSigned, {
        ...options,
        maxBlankNodes: counts.blankNodes,
        maxQuads: counts.quads,
      })
      expect(proofCheck(raised)?.status).toBe('pass')
    })

    test('the caps are exact: it verifies iff both counts are within them', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: -2, max: 2 }),
          fc.integer({ min: -2, max: 2 }),
          async (db, dq) => {
            const result = await verifyCredential(bigSigned, {
              ...options,
              maxBlankNodes: counts.blankNodes + db,
              maxQuads: counts.quads + dq,
            })
            const within = db >= 0 && dq >= 0
            expect(proofCodes(result)).toEqual(within ? [] : ['CANONICALIZATION_INPUT_TOO_LARGE'])
          },
        ),
        { numRuns: 25 },
      )
    })
  })
})

describe('proof sets', () => {
  const rdfCanonize = createRequire(createRequire(import.meta.url).resolve('jsonld'))(
    'rdf-canonize',
  ) as { canonize: (...args: unknown[]) => Promise<string> }
  afterEach(() => vi.restoreAllMocks())
  /**
   * The sizes of the datasets handed to RDFC-1.0 while `run` runs: rdf-canonize's, and the fast
   * path's port of it (rdfc.ts) on the passport datasets it builds.
   */
  async function datasetsCanonicalized(run: () => Promise<void>): Promise<number[]> {
    const spy = vi.spyOn(rdfCanonize, 'canonize')
    const direct = vi.spyOn(Canonicalizer.prototype, 'main')
    await run()
    return [
      ...spy.mock.calls.map(([dataset]) => (dataset as unknown[]).length),
      ...direct.mock.contexts.map((c) => (c as Canonicalizer).ds.subjects.length),
    ]
  }
  /** A proof configuration is five quads; the document is hundreds. */
  const documentsIn = (sizes: number[]) => sizes.filter((quads) => quads > 5)
  /**
   * With the fast paths on, proof configurations come from their template (no RDFC-1.0 run); off
   * (the stock-path project), each is canonicalized the stock way.
   */
  const expectedRuns = (proofs: number) => (process.env[FAST_PATHS_ENV] === 'off' ? 1 + proofs : 1)

  test('2,501 junk proofs: PROOF_SET_TOO_LARGE, quickly, with nothing verified', async () => {
    const junk = { ...structuredClone(signed), proof: Array.from({ length: 2501 }, () => proof) }
    const [result, ms] = await timed(() => verifyCredential(junk, options))
    expect(proofCodes(result)).toEqual(['PROOF_SET_TOO_LARGE'])
    expect(ms).toBeLessThan(HANG_GUARD_MS)
  })

  test('the cap is maxProofs (default 8)', async () => {
    const copies = (n: number) => ({
      ...structuredClone(signed),
      proof: Array.from({ length: n }, () => proof),
    })
    expect(DEFAULT_MAX_PROOFS).toBe(8)
    expect((await verifyCredential(copies(8), options)).verified).toBe(true)
    expect(proofCodes(await verifyCredential(copies(9), options))).toEqual(['PROOF_SET_TOO_LARGE'])
    expect((await verifyCredential(copies(9), { ...options, maxProofs: 9 })).verified).toBe(true)
  })

  test('an eddsa-rdfc-2022 and an ecdsa-rdfc-2019 proof share the one canonicalization', async () => {
    const p256 = generateKeyPair({ algorithm: 'P-256' })
    const { proof: _p, ...unsigned } = structuredClone(signed)
    const other = await issueCredential(unsigned, {
      key: p256,
      created: new Date(String(proof.created)),
    })
    const both = { ...structuredClone(signed), proof: [proof, other.proof] }
    await verifyCredential(both, options) // warm
    const sizes = await datasetsCanonicalized(async () => {
      expect(proofCheck(await verifyCredential(both, options))?.status).toBe('pass')
    })
    expect(documentsIn(sizes)).toHaveLength(1)
    expect(sizes).toHaveLength(expectedRuns(2))
  })

  test('the document is canonicalized once per verification, not once per proof', async () => {
    const eight = { ...structuredClone(signed), proof: Array.from({ length: 8 }, () => proof) }
    await verifyCredential(eight, options) // warm: contexts and proof templates
    const sizes = await datasetsCanonicalized(async () => {
      expect((await verifyCredential(eight, options)).verified).toBe(true)
    })
    expect(documentsIn(sizes)).toHaveLength(1)
    expect(sizes).toHaveLength(expectedRuns(8))
  })
})

describe('the clock applies to proofs and verification methods', () => {
  const DAY = 86_400_000
  /** The example signed again with `created` and, optionally, `expires` on the proof. */
  async function signWith(created: Date, expires?: Date): Promise<Json> {
    const { proof: _p, ...unsigned } = structuredClone(signed)
    const vc = await import('@digitalbazaar/vc')
    const suite = signingSuite('eddsa-rdfc-2022', key, loader, created)
    if (expires) (suite as unknown as { proof: Json }).proof = { expires: expires.toISOString() }
    return (await vc.issue({ credential: unsigned, suite, documentLoader: loader })) as Json
  }

  test('a proof past its expires is PROOF_EXPIRED; before it, it verifies', async () => {
    const expires = new Date(NOW.getTime() - DAY)
    const withExpiry = await signWith(new Date(NOW.getTime() - 30 * DAY), expires)
    const past = await verifyCredential(withExpiry, options)
    expect(proofCodes(past)).toEqual(['PROOF_EXPIRED'])
    expect(proofCheck(past)?.findings[0]?.path).toBe('/proof/expires')
    const before = await verifyCredential(withExpiry, {
      ...options,
      now: new Date(expires.getTime() - DAY),
    })
    expect(before.verified).toBe(true)
  })

  test('expires and created against now ± maxClockSkew, exactly', async () => {
    const created = new Date(NOW.getTime() - 30 * DAY)
    const expires = new Date(NOW.getTime() - DAY)
    const doc = await signWith(created, expires)
    const skew = 300
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -40 * DAY, max: 10 * DAY }), async (offset) => {
        const now = new Date(expires.getTime() + offset)
        const codes = proofCodes(
          await verifyCredential(doc, { ...options, now, maxClockSkew: skew }),
        )
        const expected: string[] = []
        if (created.getTime() - skew * 1000 > now.getTime())
          expected.push('PROOF_CREATED_IN_FUTURE')
        else if (expires.getTime() + skew * 1000 <= now.getTime()) expected.push('PROOF_EXPIRED')
        expect(codes).toEqual(expected)
      }),
      { numRuns: 40 },
    )
  })

  test('a proof created beyond the clock skew in the future is PROOF_CREATED_IN_FUTURE', async () => {
    const future = await signWith(new Date(NOW.getTime() + 3_600_000))
    const result = await verifyCredential(future, options)
    expect(proofCodes(result)).toEqual(['PROOF_CREATED_IN_FUTURE'])
    expect(proofCheck(result)?.findings[0]?.path).toBe('/proof/created')
    // Within the skew it verifies.
    const near = await signWith(new Date(NOW.getTime() + 60_000))
    expect((await verifyCredential(near, options)).verified).toBe(true)
  })

  test('a verification method past its expires is KEY_EXPIRED (both formats); a malformed expires too', async () => {
    const withVm = (vm: Json) => {
      const docs = structuredClone(didDocuments) as Json[]
      const doc = docs.find((d) => d.id === issuer) as Json
      const list = doc.verificationMethod as Json[]
      list[0] = { ...list[0], ...vm }
      return docs as unknown as DidDocument[]
    }
    const past = await verifyCredential(signed, {
      ...options,
      didDocuments: withVm({ expires: '2026-01-01T00:00:00Z' }),
    })
    expect(proofCodes(past)).toEqual(['KEY_EXPIRED'])
    const malformed = await verifyCredential(signed, {
      ...options,
      didDocuments: withVm({ expires: 'next year' }),
    })
    expect(proofCodes(malformed)).toEqual(['KEY_EXPIRED'])
    const future = await verifyCredential(signed, {
      ...options,
      didDocuments: withVm({ expires: '2030-01-01T00:00:00Z' }),
    })
    expect(future.verified).toBe(true)
    // The same lifecycle rule for a vc+jwt signed with that key.
    const jwt = readTextFile('examples/signed/lfp-cell-280ah.jwt')
    const jose = await verifyCredential(jwt, {
      ...options,
      didDocuments: withVm({ expires: '2026-01-01T00:00:00Z' }),
    })
    expect(proofCodes(jose)).toEqual(['KEY_EXPIRED'])
    const revoked = await verifyCredential(jwt, {
      ...options,
      didDocuments: withVm({ revoked: '2026-01-01T00:00:00Z' }),
    })
    expect(proofCodes(revoked)).toEqual(['KEY_REVOKED'])
  })
})
