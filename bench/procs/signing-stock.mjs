/**
 * The stock side of bench/signing.bench.ts: `@digitalbazaar/vc` with the Data Integrity
 * cryptosuites, as their READMEs show, issuing and verifying `eddsa` or `ecdsa` on the examples.
 * Its document loader serves the same bundled contexts and the issuers' keys as Multikey.
 */
import { readFileSync } from 'node:fs'
import { DataIntegrityProof } from '@digitalbazaar/data-integrity'
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey'
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite'
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey'
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite'
import * as vc from '@digitalbazaar/vc'
import { createDocumentLoader } from '../../dist/context/loader.js'
import { mustVerify, serveOperations } from '../lib/child.mjs'

serveOperations(async ({ inputsFile, format }) => {
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'))
  const eddsa = format === 'eddsa'
  const examples = inputs.examples.filter((e) => e.algorithm === (eddsa ? 'Ed25519' : 'P-256'))
  const documentLoader = createDocumentLoader({ didDocuments: inputs.multikeyDidDocuments })
  const now = new Date(inputs.now)
  const cryptosuite = eddsa ? eddsaRdfc2022 : ecdsaRdfc2019
  for (const e of examples) {
    const key = await (eddsa ? Ed25519Multikey : EcdsaMultikey).from(e.multikey)
    e.suite = () => new DataIntegrityProof({ signer: key.signer(), cryptosuite })
  }
  const issue = (e) =>
    vc.issue({ credential: structuredClone(e.passport), suite: e.suite(), documentLoader })
  const signed = []
  for (const e of examples) signed.push({ name: e.name, credential: await issue(e) })
  const suite = [new DataIntegrityProof({ cryptosuite })]
  const verify = async (s) =>
    mustVerify(await vc.verifyCredential({ credential: s.credential, suite, documentLoader, now }))
  const ops = new Map([
    ['issue', { items: examples, run: issue }],
    ['verify', { items: signed, run: verify }],
  ])
  for (const s of signed) ops.set(`verify@${s.name}`, { items: [s], run: verify, warm: false })
  for (const op of ops.values()) await op.run(op.items[0])
  return ops
})
