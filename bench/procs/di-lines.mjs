/**
 * The child of bench/data-integrity.bench.ts: Data Integrity `verifyCredential` (VC 2.0 checks) of
 * passports of growing size, on the built package, with the canonicalization caps raised (the
 * defaults refuse passports past ~70 activity lines).
 */
import { readFileSync } from 'node:fs'
import { verifyCredential } from '../../dist/index.js'
import { mustVerify, serveOperations } from '../lib/child.mjs'

serveOperations(async ({ inputsFile }) => {
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'))
  const options = {
    didDocuments: inputs.didDocuments,
    now: new Date(inputs.now),
    skipChecks: ['schema', 'conformance'],
    maxQuads: 1_000_000,
    maxBlankNodes: 1_000_000,
    maxBytes: 64 << 20,
  }
  const ops = new Map()
  for (const { lines, credential } of inputs.passports) {
    const run = async (c) => mustVerify(await verifyCredential(c, options))
    await run(credential)
    ops.set(String(lines), { items: [credential], run })
  }
  return ops
})
