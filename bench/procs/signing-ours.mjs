/**
 * carbon-passport's side of bench/signing.bench.ts, on the built package (dist): issue and verify
 * one format (`eddsa`, `ecdsa`, `jwt-ed`, `jwt-es`) on the example passports it is given.
 */
import { readFileSync } from 'node:fs'
import { issueCredential, verifyCredential, verifyPassport } from '../../dist/index.js'
import { readInput } from '../../dist/input/read.js'
import { importKey } from '../../dist/keys/index.js'
import { getValidator, schemaIds } from '../../dist/schema/registry.js'
import { mustVerify, serveOperations } from '../lib/child.mjs'

serveOperations(async ({ inputsFile, format }) => {
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'))
  const algorithm = format === 'eddsa' || format === 'jwt-ed' ? 'Ed25519' : 'P-256'
  const jose = format.startsWith('jwt')
  const now = new Date(inputs.now)
  const created = new Date(inputs.created)
  const examples = inputs.examples
    .filter((e) => e.algorithm === algorithm)
    .map((e) => ({ ...e, key: importKey(e.privateJwk) }))
  const issue = (e) =>
    issueCredential(e.passport, jose ? { key: e.key, format: 'vc-jose' } : { key: e.key, created })
  const signed = []
  for (const e of examples) signed.push({ name: e.name, credential: await issue(e) })
  const options = { didDocuments: inputs.didDocuments, now }
  const vc20 = { ...options, skipChecks: ['schema', 'conformance'] }
  const verify = async (s) => mustVerify(await verifyCredential(s.credential, vc20))
  const ops = new Map([
    ['issue', { items: examples, run: issue }],
    ['verify', { items: signed, run: verify }],
    [
      'verify+schema',
      {
        items: signed,
        run: async (s) => mustVerify(await verifyCredential(s.credential, options)),
      },
    ],
    [
      'verifyPassport',
      { items: signed, run: async (s) => mustVerify(await verifyPassport(s.credential, options)) },
    ],
  ])
  for (const s of signed) ops.set(`verify@${s.name}`, { items: [s], run: verify, warm: false })
  if (jose) {
    // Where a vc+jwt verification's time goes, step by step (internal modules of the build).
    const limits = { maxBytes: 1 << 20, maxDepth: 64 }
    const payloads = signed.map((s) =>
      Buffer.from(s.credential.split('.')[1], 'base64url').toString('utf8'),
    )
    const validate = getValidator(schemaIds.passport)
    ops.set('step:read', { items: signed, run: (s) => readInput(s.credential, limits) })
    ops.set('step:parse', { items: payloads, run: (t) => JSON.parse(t) })
    const parsed = payloads.map((t) => JSON.parse(t))
    ops.set('step:schema', { items: parsed, run: (c) => validate(c) })
  }
  for (const op of ops.values()) await op.run(op.items[0])
  return ops
})
