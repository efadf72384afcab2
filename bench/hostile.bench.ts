/**
 * `hostile`: how long `verifyCredential` takes to decide hostile Data Integrity input at and past
 * the caps of issue 7: a long `proofValue` and DID-document key (refused by length before the
 * quadratic base58 decoding), many proofs (`maxProofs`), graphs of look-alike blank nodes and large
 * datasets (`maxBlankNodes`, `maxQuads`, then RDFC-1.0's own work limit), and a lone surrogate.
 * Target: every row decided in under 100 ms on one core. Each row is the median (and the worst) of
 * sequential runs after a warm-up; the shapes at the caps are the costliest found for RDFC-1.0
 * within them (parallel edges around a ring cost about blank nodes × quads).
 *
 * Before issue 7 (same machine): the 80,000-character proofValue took ~3–4 s, the 60,000-character
 * key ~2–2.5 s, 2,501 proofs ~2.8 s (one canonicalization each), a ring of 3,000 blank nodes ~2–5 s
 * and +300–500 MB.
 */
import { readFileSync } from 'node:fs'
import type { DidDocument } from '../src/context/loader.js'
import {
  DEFAULT_MAX_BLANK_NODES,
  DEFAULT_MAX_QUADS,
} from '../src/credential/data-integrity/canonize.js'
import { DEFAULT_MAX_PROOFS } from '../src/credential/data-integrity/verify.js'
import { verifyCredential } from '../src/credential/verify.js'
import { base58btcEncode } from '../src/keys/multibase.js'

type Json = Record<string, unknown>
const root = new URL('../', import.meta.url)
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as Json

const signed = readJson('examples/signed/lfp-cell-280ah.json')
const proof = signed.proof as Json
const issuer = (signed.issuer as { id: string }).id
const didDocument = readJson(
  `examples/keys/${issuer.slice('did:web:'.length)}.did.json`,
) as DidDocument
const options = { didDocuments: [didDocument], now: new Date('2026-11-01T00:00:00Z') }

/** A credential with the VC 2.0 context only (its `@vocab` takes any property) and `subject`. */
const generic = (subject: Json): Json => ({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
  issuer,
  credentialSubject: { id: 'urn:example:s', ...subject },
  proof,
})
const EX = 'https://example.org/'
const ref = (i: number) => ({ id: `_:n${i}` })

/** n blank nodes in a ring, each linked to the next by `parallel` different properties. */
const ring = (n: number, parallel = 1): Json =>
  generic({
    [`${EX}ring`]: Array.from({ length: n }, (_, i) => {
      const node: Json = { id: `_:n${i}` }
      for (let p = 0; p < parallel; p++) node[`${EX}p${p}`] = ref((i + 1) % n)
      return node
    }),
  })

/** Two blank hubs linked to every leaf of a ring of blank nodes by `parallel` properties each. */
const hubs = (leaves: number, parallel: number): Json => {
  const hub = (h: number): Json => {
    const node: Json = { id: `_:h${h}` }
    for (let p = 0; p < parallel; p++)
      node[`${EX}h${p}`] = Array.from({ length: leaves }, (_, i) => ref(i))
    return node
  }
  return generic({
    [`${EX}hub`]: [hub(0), hub(1)],
    [`${EX}ring`]: Array.from({ length: leaves }, (_, i) => ({
      id: `_:n${i}`,
      [`${EX}next`]: ref((i + 1) % leaves),
    })),
  })
}

const B = DEFAULT_MAX_BLANK_NODES
const Q = DEFAULT_MAX_QUADS
// The credential has no id, so it is a blank node too: a graph at the cap has B − 1 of its own.
const atCap = B - 1
// The credential's own quads besides the graph (type, issuer, subject link): a few.
const OWN = 8
const parallelAtCaps = Math.floor((Q - atCap - OWN) / atCap)
// Each leaf has two quads besides the hub edges (its ring edge and the credential's link to it).
const hubParallel = Math.floor((Q - 2 * (atCap - 2) - OWN) / (2 * (atCap - 2)))

const docs = structuredClone([didDocument]) as unknown as Json[]
const vm = ((docs[0] as Json).verificationMethod as Json[])[0] as Json
vm.publicKeyMultibase = `z${'2'.repeat(60_000)}`

const rows: { name: string; input: unknown; options?: object; expect: string }[] = [
  {
    name: 'proofValue of 80,000 characters',
    input: { ...signed, proof: { ...proof, proofValue: `z${'2'.repeat(80_000)}` } },
    expect: 'PROOF_MALFORMED',
  },
  {
    name: 'proofValue at its length cap (88 base58 chars), wrong',
    input: {
      ...signed,
      proof: { ...proof, proofValue: `z${base58btcEncode(new Uint8Array(64).fill(0xff))}` },
    },
    expect: 'PROOF_INVALID',
  },
  {
    name: 'DID-document publicKeyMultibase of 60,000 characters',
    input: signed,
    options: { didDocuments: docs as unknown as DidDocument[] },
    expect: 'KEY_TYPE_MISMATCH',
  },
  {
    name: '2,501 proofs',
    input: { ...signed, proof: Array.from({ length: 2501 }, () => proof) },
    expect: 'PROOF_SET_TOO_LARGE',
  },
  {
    name: `${DEFAULT_MAX_PROOFS} valid proofs (maxProofs): one canonicalization`,
    input: { ...signed, proof: Array.from({ length: DEFAULT_MAX_PROOFS }, () => proof) },
    expect: '',
  },
  {
    name: 'ring of 3,000 blank nodes (past maxBlankNodes)',
    input: ring(3000),
    expect: 'CANONICALIZATION_INPUT_TOO_LARGE',
  },
  {
    name: `ring of ${atCap} blank nodes (at maxBlankNodes)`,
    input: ring(atCap),
    expect: 'CANONICALIZATION_LIMIT',
  },
  {
    name: `ring of ${atCap} blank nodes × ${parallelAtCaps} parallel edges (at both caps)`,
    input: ring(atCap, parallelAtCaps),
    expect: 'CANONICALIZATION_LIMIT',
  },
  {
    name: `two blank hubs × ${atCap - 2} leaves × ${hubParallel} edges (at both caps)`,
    input: hubs(atCap - 2, hubParallel),
    expect: 'CANONICALIZATION_LIMIT',
  },
  {
    name: `${Q + 1} quads, no blank nodes (past maxQuads)`,
    input: generic(Object.fromEntries(Array.from({ length: Q + 1 }, (_, i) => [`${EX}p${i}`, i]))),
    expect: 'CANONICALIZATION_INPUT_TOO_LARGE',
  },
  {
    name: '20,000 values of one property (jsonld.js node map is quadratic)',
    input: generic({ [`${EX}v`]: Array.from({ length: 20_000 }, (_, i) => i) }),
    expect: 'CANONICALIZATION_INPUT_TOO_LARGE',
  },
  {
    name: 'a lone surrogate (refused at input)',
    input: {
      ...signed,
      credentialSubject: { ...(signed.credentialSubject as Json), name: '\ud800' },
    },
    expect: 'STRING_NOT_WELL_FORMED',
  },
]

const TARGET_MS = 100
const RUNS = 7
console.log(
  `verifyCredential on hostile Data Integrity input, one thread (Node ${process.version}); caps:`,
  `maxProofs ${DEFAULT_MAX_PROOFS}, maxBlankNodes ${B}, maxQuads ${Q}\n`,
)
console.log('| input | decided as | median ms | worst ms |')
console.log('|---|---|---:|---:|')
let misses = 0
for (const row of rows) {
  const opts = { ...options, ...row.options }
  const first = await verifyCredential(row.input, opts) // warm-up, and the code it is decided with
  const codes: string[] = first.errors.map((e) => e.code)
  const decided = codes.length === 0 ? 'verified' : [...new Set(codes)].join(', ')
  if (row.expect === '' ? !first.verified : !codes.includes(row.expect)) {
    throw new Error(`${row.name}: expected ${row.expect || 'verified'}, got ${decided}`)
  }
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now()
    await verifyCredential(row.input, opts)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const median = times[RUNS >> 1] as number
  const worst = times[RUNS - 1] as number
  if (median >= TARGET_MS) misses++
  console.log(`| ${row.name} | ${decided} | ${median.toFixed(1)} | ${worst.toFixed(1)} |`)
}
console.log(
  `\n${misses === 0 ? 'meets' : `MISSES (${misses} rows)`} the target: every hostile input decided in under ${TARGET_MS} ms (median)`,
)
