/**
 * The committed example chains verify as a customs officer would check them: the signed
 * downstream passport, its upstream passports resolved from what the supplier handed over (here
 * examples/signed), the example DID documents, offline.
 */
import { describe, expect, it } from 'vitest'
import { verifyChain } from '../../src/supply-chain/chain.js'
import { exampleDidDocuments, signedExample, signedExamples } from '../helpers/examples.js'

const upstreams = new Map(signedExamples().map((e) => [String(e.di.id), e.di]))
const resolvePassport = (id: string) => upstreams.get(id)
const now = new Date('2026-12-01T00:00:00Z')

describe('the example chains', () => {
  it.each([
    ['ess-cabinet-215kwh', 'lfp-cell-280ah'],
    ['forklift-lfp-pack', 'lfp-cell-280ah'],
    ['biometric-access-reader', 'pcba-access-controller'],
  ])('%s and its upstream %s verify, as Data Integrity and as vc+jwt', async (name, upstream) => {
    for (const form of ['di', 'jwt'] as const) {
      const report = await verifyChain(signedExample(name)[form], {
        resolvePassport,
        didDocuments: exampleDidDocuments(),
        now,
      })
      expect(report.verdict, `${name} (${form})`).toBe('pass')
      expect(report.verifiedPassports).toBe(2)
      expect(report.root.components.map((c) => c.id)).toEqual([signedExample(upstream).di.id])
    }
  })

  it('a cabinet citing a re-signed cell fails: the digest pins the signed credential', async () => {
    const cell = structuredClone(signedExample('lfp-cell-280ah').di)
    cell.proof = { ...(cell.proof as object), created: '2026-04-16T00:00:00Z' }
    const report = await verifyChain(signedExample('ess-cabinet-215kwh').di, {
      resolvePassport: () => cell,
      didDocuments: exampleDidDocuments(),
      now,
    })
    expect(report.verdict).toBe('fail')
    expect(report.root.components[0]?.findings.map((f) => f.code)).toContain(
      'CHAIN_DIGEST_MISMATCH',
    )
  })
})
