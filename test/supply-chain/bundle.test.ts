import { describe, expect, it } from 'vitest'
import { verifyPresentation } from '../../src/credential/presentation/verify.js'
import { generateKeyPair } from '../../src/keys/generate.js'
import { type Bundle, createBundle, resolveFromBundle } from '../../src/supply-chain/bundle.js'
import { verifyChain } from '../../src/supply-chain/chain.js'
import { computePassportDigest } from '../../src/supply-chain/digest.js'
import { clone, exampleDidDocuments } from '../helpers/examples.js'
import {
  CELL,
  downstreamOf,
  type Form,
  issuerId,
  type Loose,
  NOW,
  sign,
  signedForm,
} from './fixtures.js'

const didDocuments = exampleDidDocuments()
const base = { didDocuments, now: NOW }

describe.each<Form>(['data-integrity', 'vc-jose'])('a bundle of %s passports', (form) => {
  it('carries the passport first and each credential unchanged (same digest)', async () => {
    const cell = signedForm('lfp-cell-280ah', form)
    const cabinet = await downstreamOf('ess-cabinet-215kwh', { [CELL]: cell }, form)
    const bundle = (await createBundle([cabinet, cell])) as Bundle
    expect(bundle.type).toEqual(['VerifiablePresentation'])
    expect(bundle.verifiableCredential).toHaveLength(2)
    if (form === 'vc-jose') {
      expect(bundle.verifiableCredential[0]).toMatchObject({
        type: 'EnvelopedVerifiableCredential',
        id: `data:application/vc+jwt,${cabinet}`,
      })
    } else {
      expect(bundle.verifiableCredential[0]).toEqual(cabinet)
    }
    const resolver = resolveFromBundle(bundle)
    expect(computePassportDigest(resolver.root)).toBe(computePassportDigest(cabinet))
    expect(computePassportDigest(resolver(CELL))).toBe(computePassportDigest(cell))
    expect(resolver('urn:uuid:nope')).toBeUndefined()
    const r = await verifyChain(resolver.root, { ...base, ...resolver.chain })
    expect(r.verified).toBe(true)
    expect(r.nodes).toBe(2)
  })

  it('signed by its holder: verifyPresentation checks the bundle, verifyChain the chain', async () => {
    const cell = signedForm('lfp-cell-280ah', form)
    const cabinet = (await downstreamOf('ess-cabinet-215kwh', { [CELL]: cell }, form)) as Loose
    // A did:key holder: its DID document is the key itself, so it can authenticate.
    const holderKey = generateKeyPair()
    const holder = holderKey.controller
    const signed = await createBundle([cabinet, cell], {
      holderKey,
      challenge: 'c0ffee',
      domain: 'https://customs.example',
      format: form,
    })
    if (form === 'vc-jose') expect(typeof signed).toBe('string')
    else expect((signed as Bundle).proof).toBeDefined()
    const presentation = await verifyPresentation(signed, {
      didDocuments,
      challenge: 'c0ffee',
      domain: 'https://customs.example',
    })
    expect(presentation.errors).toEqual([])
    expect(presentation.verified).toBe(true)
    const resolver = resolveFromBundle(signed)
    expect(resolver.holder).toBe(holder)
    const r = await verifyChain(resolver.root, { ...base, ...resolver.chain })
    expect(r.verified).toBe(true)
  })
})

describe('resolveFromBundle', () => {
  it('of two versions of one id, resolves the one whose digest the reference states', async () => {
    const form: Form = 'data-integrity'
    const cell = signedForm('lfp-cell-280ah', form) as Loose
    const { proof: _p, ...doc } = clone(cell)
    doc.credentialSubject.footprint.comment = 'another issue of the same id'
    const twin = await sign(doc, form)
    const cabinet = await downstreamOf('ess-cabinet-215kwh', { [CELL]: cell }, form)
    const resolver = resolveFromBundle(await createBundle([cabinet, twin, cell]))
    const reference = { digestMultibase: computePassportDigest(cell) }
    expect(resolver(CELL, reference)).toEqual(cell)
    expect(resolver(CELL)).toEqual(twin)
    expect((await verifyChain(resolver.root, { ...base, ...resolver.chain })).verified).toBe(true)
  })

  it('a newer version in the bundle marks the cited one superseded', async () => {
    const form: Form = 'data-integrity'
    const cell = signedForm('lfp-cell-280ah', form) as Loose
    const { proof: _p, ...doc } = clone(cell)
    doc.id = 'urn:uuid:76529d23-a5fa-4739-bd49-5ca5106a4399'
    doc.credentialSubject.precedingPassports = [CELL]
    const newer = await sign(doc, form)
    const cabinet = await downstreamOf('ess-cabinet-215kwh', { [CELL]: cell }, form)
    const resolver = resolveFromBundle(await createBundle([cabinet, cell, newer]))
    const r = await verifyChain(resolver.root, { ...base, ...resolver.chain })
    expect(r.root.components[0]?.findings.map((f) => f.code)).toEqual(['CHAIN_UPSTREAM_SUPERSEDED'])
  })

  it('reads JSON text, vp+jwt and envelopes; junk resolves nothing and never throws', async () => {
    const cell = signedForm('lfp-cell-280ah', 'vc-jose')
    const bundle = await createBundle([cell])
    expect(computePassportDigest(resolveFromBundle(JSON.stringify(bundle)).root)).toBe(
      computePassportDigest(cell),
    )
    for (const junk of [undefined, null, 1, 'x', 'a.b.c', [], {}, { verifiableCredential: 'x' }]) {
      const resolver = resolveFromBundle(junk)
      expect(resolver.root === undefined || typeof resolver.root === 'string').toBe(true)
      expect(resolver(CELL)).toBeUndefined()
    }
  })

  it('keeps attestations apart from passports', async () => {
    const cell = signedForm('lfp-cell-280ah', 'data-integrity') as Loose
    const attestation = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: 'urn:uuid:attestation',
      type: ['VerifiableCredential', 'CarbonPassportAttestation'],
      issuer: issuerId(cell),
      credentialSubject: { id: CELL },
    }
    const resolver = resolveFromBundle(await createBundle([cell], { attestations: [attestation] }))
    expect(resolver.passports).toHaveLength(1)
    expect(resolver.attestations).toEqual([attestation])
  })

  it('createBundle refuses no passports, or one that is not a credential', async () => {
    await expect(createBundle([])).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' })
    await expect(createBundle(['not a credential'])).rejects.toMatchObject({
      code: 'ERR_INVALID_ARGUMENT',
    })
  })
})
