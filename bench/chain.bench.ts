/**
 * `verifyChain`: a line of generated, signed passports (each the cell example under its own id,
 * citing the next one by id and digest, 0.1 piece of it), verified from its head: the cost per
 * node for chains of 10, 100 and 1,000 passports, which stays flat when the work grows linearly
 * with the chain (issue 12). The 1,000 passports are signed once (vc+jwt, Ed25519), and the shorter
 * chains are the line's tails, so all three verify the same kind of passport. Every node is a full
 * `verifyPassport` (signature, issuer key, dates, schema, conformance) plus the link checks; a
 * Data Integrity line costs what `verifyPassport` costs per Data Integrity passport on top (see
 * signing.bench.ts). Single thread.
 *
 * On the dev VM (Node 20, load average ~5.5 from other work, so take these as upper bounds; best
 * of 50, 10 and 3 runs): 10 nodes 5.9 ms (~595 µs a node), 100 nodes 66–91 ms (~660–910 µs a
 * node), 1,000 nodes 0.79–0.97 s (~790–970 µs a node): linear within the noise. Signing the 1,000
 * took ~4 s. Nearly all of a node is its `verifyPassport`; the path from the root is one shared set
 * (a copy per node made a line quadratic).
 */
import { readFileSync } from 'node:fs'
import { importKey } from '../src/keys/import.js'
import { issuePassport } from '../src/passport/issue.js'
import { verifyChain } from '../src/supply-chain/chain.js'
import { computePassportDigest } from '../src/supply-chain/digest.js'

const root = new URL('../', import.meta.url)
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'))

// biome-ignore lint/suspicious/noExplicitAny: edits example JSON
const cell: Record<string, any> = readJson('examples/valid/lfp-cell-280ah.json')
const key = importKey(readJson('examples/keys/passports.huayang-cells.example.private.jwk.json'))
const didDocuments = [readJson('examples/keys/passports.huayang-cells.example.did.json')]
const now = new Date('2026-11-01T00:00:00Z')

const id = (i: number) => `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
const product = (i: number) => `https://id.gs1.org/01/06931234000280/10/GEN-${i}`

const SIZE = 1000
const line: string[] = new Array(SIZE)
const signingStart = performance.now()
for (let i = SIZE - 1; i >= 0; i--) {
  const doc = structuredClone(cell)
  doc.id = id(i)
  doc.credentialSubject.id = product(i)
  doc.credentialSubject.product.identifiers = [product(i)]
  if (i + 1 < SIZE) {
    doc.credentialSubject.components = [
      {
        passport: id(i + 1),
        digestMultibase: computePassportDigest(line[i + 1]),
        product: { id: product(i + 1) },
        quantity: '0.1',
        unit: 'H87',
        emissions: '6.216088',
      },
    ]
  }
  line[i] = await issuePassport(doc, { key, format: 'vc-jose' })
}
console.log(
  `signed ${SIZE} passports in ${((performance.now() - signingStart) / 1000).toFixed(1)} s`,
)

const byId = new Map(line.map((p, i) => [id(i), p]))
const resolvePassport = (passportId: string) => byId.get(passportId)

console.log('| Nodes | Verified | ms per chain | µs per node |')
console.log('| ---: | --- | ---: | ---: |')
for (const n of [10, 100, 1000]) {
  const head = line[SIZE - n]
  const runs = n >= 1000 ? 3 : n >= 100 ? 10 : 50
  const options = { resolvePassport, didDocuments, now, maxDepth: SIZE, maxNodes: SIZE }
  const warm = await verifyChain(head, options)
  if (!warm.verified || warm.nodes !== n) throw new Error(`the chain of ${n} does not verify`)
  let best = Number.POSITIVE_INFINITY
  for (let r = 0; r < runs; r++) {
    const t = performance.now()
    await verifyChain(head, options)
    best = Math.min(best, performance.now() - t)
  }
  console.log(
    `| ${n} | ${warm.verified} | ${best.toFixed(1)} | ${((best * 1000) / n).toFixed(0)} |`,
  )
}
