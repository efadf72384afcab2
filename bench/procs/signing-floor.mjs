/**
 * The floor of bench/signing.bench.ts: what any vc+jwt verification must do at the least, with
 * nothing but node:crypto: base64url-decode the payload, `JSON.parse` it, and verify the signature
 * over the signing input (Ed25519, or ES256 as IEEE P1363 r‖s), the key imported beforehand.
 */
import { createPublicKey, verify } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { serveOperations } from '../lib/child.mjs'

serveOperations(async ({ inputsFile, format }) => {
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'))
  const algorithm = format === 'ed' ? 'Ed25519' : 'P-256'
  const items = inputs.examples
    .filter((e) => e.algorithm === algorithm)
    .map((e) => {
      const jws = inputs.jws[e.name]
      const [h, p, s] = jws.split('.')
      const { d: _d, ...publicJwk } = e.privateJwk
      return {
        name: e.name,
        input: Buffer.from(`${h}.${p}`),
        signature: Buffer.from(s, 'base64url'),
        payload: p,
        key: createPublicKey({ key: publicJwk, format: 'jwk' }),
      }
    })
  const run =
    algorithm === 'Ed25519'
      ? (f) => {
          if (!verify(null, f.input, f.key, f.signature)) throw new Error('floor: bad signature')
          return JSON.parse(Buffer.from(f.payload, 'base64url').toString('utf8'))
        }
      : (f) => {
          const key = { key: f.key, dsaEncoding: 'ieee-p1363' }
          if (!verify('sha256', f.input, key, f.signature)) throw new Error('floor: bad signature')
          return JSON.parse(Buffer.from(f.payload, 'base64url').toString('utf8'))
        }
  const ops = new Map([['verify', { items, run }]])
  for (const f of items) ops.set(`verify@${f.name}`, { items: [f], run, warm: false })
  for (const op of ops.values()) op.run(op.items[0])
  return ops
})
