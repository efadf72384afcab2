import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { issueCredential } from '../../src/credential/issue.js'
import { createStatusEntry, createStatusList, setStatus } from '../../src/credential/status.js'
import { findingCatalogue } from '../../src/findings/catalogue.js'
import { chainCodes } from '../../src/supply-chain/chain.codes.js'
import {
  type ChainNode,
  type ChainReport,
  DEFAULT_MAX_CHAIN_DEPTH,
  DEFAULT_MAX_CHAIN_NODES,
  decodeDigest,
  verifyChain,
} from '../../src/supply-chain/chain.js'
import { computePassportDigest } from '../../src/supply-chain/digest.js'
import { clone, exampleDidDocuments, exampleKey, validExample } from '../helpers/examples.js'
import {
  CELL,
  downstreamOf,
  type Form,
  generatedNode,
  type Loose,
  NOW,
  nodeId,
  PCBA,
  resolverOf,
  sign,
  signedForm,
} from './fixtures.js'

const didDocuments = exampleDidDocuments()
const base = { didDocuments, now: NOW }

/** Every node of the tree, depth-first. */
const nodesOf = (n: ChainNode): ChainNode[] => [n, ...n.components.flatMap(nodesOf)]
/** The chain codes of each node, by passport id. */
const chainFindings = (r: ChainReport) =>
  nodesOf(r.root)
    .filter((n) => n.findings.length > 0)
    .map((n) => [n.id, n.findings.map((f) => f.code)])

describe.each<Form>(['data-integrity', 'vc-jose'])('the example chains as %s', (form) => {
  it('cabinet → cell verifies: digest, unit, contribution, category 1', async () => {
    const cell = signedForm('lfp-cell-280ah', form)
    const cabinet = await downstreamOf('ess-cabinet-215kwh', { [CELL]: cell }, form)
    const r = await verifyChain(cabinet, { ...base, resolvePassport: resolverOf(cell) })
    expect(chainFindings(r)).toEqual([])
    expect(r.verified).toBe(true)
    expect(r.verdict).toBe('pass')
    expect(r.nodes).toBe(2)
    const [node] = r.root.components
    expect(node?.id).toBe(CELL)
    expect(node?.result?.verified).toBe(true)
    expect(node?.result?.format).toBe(form)
    expect(node?.digest).toBe(computePassportDigest(cell))
    expect(node?.contribution).toBe('14918.6112')
    expect(node?.path).toBe('/credentialSubject/components/0')
  })

  it('reader → PCBA verifies', async () => {
    const pcba = signedForm('pcba-access-controller', form)
    const reader = await downstreamOf('biometric-access-reader', { [PCBA]: pcba }, form)
    const r = await verifyChain(reader, { ...base, resolvePassport: resolverOf(pcba) })
    expect(chainFindings(r)).toEqual([])
    expect(r.verified).toBe(true)
    expect(r.root.components[0]?.contribution).toBe('5.459003')
  })

  it('the other form of the same upstream does not match the digest', async () => {
    const cell = signedForm('lfp-cell-280ah', form)
    const other = signedForm('lfp-cell-280ah', form === 'vc-jose' ? 'data-integrity' : 'vc-jose')
    const cabinet = await downstreamOf('ess-cabinet-215kwh', { [CELL]: cell }, form)
    const r = await verifyChain(cabinet, { ...base, resolvePassport: resolverOf(other) })
    expect(chainFindings(r)).toEqual([[CELL, ['CHAIN_DIGEST_MISMATCH']]])
    expect(r.root.components[0]?.result?.verified).toBe(true)
    expect(r.verified).toBe(false)
  })
})

describe('what breaks a chain, each a finding on its node that fails every node downstream', () => {
  const form: Form = 'data-integrity'
  let cell: Loose
  let cabinet: Loose | string
  beforeAll(async () => {
    cell = signedForm('lfp-cell-280ah', form) as Loose
    cabinet = await downstreamOf('ess-cabinet-215kwh', { [CELL]: cell }, form)
  })

  it('a tampered upstream: its proof fails and its digest no longer matches', async () => {
    const tampered = clone(cell)
    tampered.credentialSubject.footprint.comment = 'changed after signing'
    const r = await verifyChain(cabinet, { ...base, resolvePassport: resolverOf(tampered) })
    expect(chainFindings(r)).toEqual([
      [CELL, ['CHAIN_UPSTREAM_NOT_VERIFIED', 'CHAIN_DIGEST_MISMATCH']],
    ])
    const node = r.root.components[0] as ChainNode
    expect(node.result?.checks.find((c) => c.id === 'proof')?.status).toBe('fail')
    expect(node.verdict).toBe('fail')
    expect(r.root.verified).toBe(true)
    expect(r.root.verdict).toBe('fail')
    expect(r.verified).toBe(false)
  })

  it('a swapped proof (the same data re-signed another day) does not pass unnoticed', async () => {
    const { proof: _proof, ...unsigned } = clone(cell)
    const resigned = await sign(unsigned, form)
    const swapped = { ...clone(cell), proof: (resigned as Loose).proof }
    expect((resigned as Loose).proof.proofValue).toBe(cell.proof.proofValue) // eddsa is deterministic
    const other = await (async () => {
      const key = exampleKey(unsigned.issuer.id)
      const { issuePassport } = await import('../../src/passport/issue.js')
      return issuePassport(unsigned, { key, created: new Date('2026-05-01T00:00:00Z') })
    })()
    expect(swapped.proof).toEqual(cell.proof)
    const r = await verifyChain(cabinet, { ...base, resolvePassport: resolverOf(other) })
    expect(r.root.components[0]?.result?.verified).toBe(true)
    expect(chainFindings(r)).toEqual([[CELL, ['CHAIN_DIGEST_MISMATCH']]])
  })

  it('a wrong digest in the reference', async () => {
    const wrong = await downstreamOf('ess-cabinet-215kwh', {}, form, (doc) => {
      doc.credentialSubject.components[0].digestMultibase = computePassportDigest({ other: 1 })
    })
    const r = await verifyChain(wrong, { ...base, resolvePassport: resolverOf(cell) })
    expect(r.root.verified).toBe(true)
    expect(chainFindings(r)).toEqual([[CELL, ['CHAIN_DIGEST_MISMATCH']]])
    const f = r.root.components[0]?.findings[0]
    expect(f?.path).toBe('/credentialSubject/components/0/digestMultibase')
    expect(f?.actual).toBe(computePassportDigest(cell))
  })

  it('a digest that is no sha2-256 multihash; a base58btc one is read', async () => {
    const bad = await downstreamOf('ess-cabinet-215kwh', {}, form, (doc) => {
      doc.credentialSubject.components[0].digestMultibase = 'uAAAA'
    })
    const r = await verifyChain(bad, { ...base, resolvePassport: resolverOf(cell) })
    expect(chainFindings(r)).toEqual([[CELL, ['CHAIN_DIGEST_UNSUPPORTED']]])
    const bytes = decodeDigest(computePassportDigest(cell)) as Buffer
    const z = `z${base58(bytes)}`
    expect(decodeDigest(z)?.equals(bytes)).toBe(true)
    const zed = await downstreamOf('ess-cabinet-215kwh', {}, form, (doc) => {
      doc.credentialSubject.components[0].digestMultibase = z
    })
    const ok = await verifyChain(zed, { ...base, resolvePassport: resolverOf(cell) })
    expect(chainFindings(ok)).toEqual([])
    expect(decodeDigest('u!!')).toBeUndefined()
    expect(decodeDigest('z0OIl')).toBeUndefined()
    expect(decodeDigest('mEiB')).toBeUndefined()
  })

  it('a contribution that does not match the upstream footprint', async () => {
    // 250 cells at 62.16088 kgCO2e are 15540.22, but the component states 240 cells' 14918.6112.
    const off = await downstreamOf('ess-cabinet-215kwh', { [CELL]: cell }, form, (doc) => {
      doc.credentialSubject.components[0].quantity = '250'
    })
    const r = await verifyChain(off, { ...base, resolvePassport: resolverOf(cell) })
    expect(chainFindings(r)).toEqual([[CELL, ['CHAIN_CONTRIBUTION_MISMATCH']]])
    const f = r.root.components[0]?.findings[0]
    expect(f?.path).toBe('/credentialSubject/components/0/emissions')
    expect(f?.expected).toBe('15540.22')
    expect(f?.actual).toBe('14918.6112')
    // Within the tolerance it holds: 0.05 relative covers 4 %.
    const loose = await verifyChain(off, {
      ...base,
      tolerance: 0.05,
      resolvePassport: resolverOf(cell),
    })
    expect(chainFindings(loose)).toEqual([])
  })

  it('a unit that does not convert to the upstream declared unit', async () => {
    const kg = await downstreamOf('ess-cabinet-215kwh', { [CELL]: cell }, form, (doc) => {
      doc.credentialSubject.components[0].unit = 'KGM'
    })
    const r = await verifyChain(kg, {
      ...base,
      skipChecks: ['conformance'],
      resolvePassport: resolverOf(cell),
    })
    expect(chainFindings(r)).toEqual([[CELL, ['CHAIN_UNIT_INCOMPATIBLE']]])
  })

  it('components that exceed scope 3 category 1', async () => {
    // 400 cells: 24864.352 kgCO2e, more than the cabinet's category 1 (18974.8112).
    const over = await downstreamOf(
      'ess-cabinet-215kwh',
      { [CELL]: cell },
      form,
      (doc) => {
        const c = doc.credentialSubject.components[0]
        c.quantity = '400'
        c.emissions = '24864.352'
      },
      true,
    )
    const r = await verifyChain(over, {
      ...base,
      skipChecks: ['conformance'],
      resolvePassport: resolverOf(cell),
    })
    expect(chainFindings(r)).toEqual([[r.root.id, ['CHAIN_CATEGORY_EXCEEDED']]])
    const f = r.root.findings[0]
    expect(f?.path).toBe('/credentialSubject/footprint/scopeBreakdown/scope3')
    expect(f?.actual).toBe('24864.352')
    expect(r.root.verified).toBe(false)
    expect(r.root.components[0]?.verdict).toBe('pass')
  })

  it('a missing upstream, and a resolver that throws or rejects', async () => {
    for (const resolvePassport of [
      () => undefined,
      () => null,
      () => {
        throw new Error('no such file')
      },
      async () => Promise.reject(new Error('offline')),
    ]) {
      const r = await verifyChain(cabinet, { ...base, resolvePassport })
      expect(chainFindings(r)).toEqual([[CELL, ['CHAIN_UPSTREAM_MISSING']]])
      expect(r.root.components[0]?.result).toBeUndefined()
      expect(r.verified).toBe(false)
    }
  })

  it('a resolver that gives another passport than the one named', async () => {
    const pcba = signedForm('pcba-access-controller', form)
    const r = await verifyChain(cabinet, { ...base, resolvePassport: () => pcba })
    const codes = r.root.components[0]?.findings.map((f) => f.code)
    expect(codes?.slice(0, 3)).toEqual([
      'CHAIN_UPSTREAM_ID_MISMATCH',
      'CHAIN_UPSTREAM_ID_MISMATCH',
      'CHAIN_DIGEST_MISMATCH',
    ])
    expect(r.verified).toBe(false)
  })

  it('an expired upstream', async () => {
    const { proof: _p, ...doc } = clone(cell)
    doc.validUntil = '2026-10-01T00:00:00Z'
    const expired = await sign(doc, form)
    const down = await downstreamOf('ess-cabinet-215kwh', { [CELL]: expired }, form)
    const r = await verifyChain(down, { ...base, resolvePassport: resolverOf(expired) })
    expect(chainFindings(r)).toEqual([[CELL, ['CHAIN_UPSTREAM_NOT_VERIFIED']]])
    const node = r.root.components[0] as ChainNode
    expect(node.result?.checks.find((c) => c.id === 'validity')?.status).toBe('fail')
    expect(node.findings[0]?.message).toMatch(/validity/)
  })

  it('a revoked upstream (Bitstring Status List)', async () => {
    const { proof: _p, ...doc } = clone(cell)
    const issuer = doc.issuer.id as string
    const key = exampleKey(issuer)
    const LIST = 'https://passports.huayang-cells.example/status/1'
    doc.credentialStatus = createStatusEntry({ statusListCredential: LIST, index: 7 })
    const withStatus = await sign(doc, form)
    const down = await downstreamOf('ess-cabinet-215kwh', { [CELL]: withStatus }, form)
    const list = await createStatusList({
      id: LIST,
      issuer,
      validFrom: new Date('2026-06-01T00:00:00Z'),
    })
    const signedAt = new Date('2026-06-01T00:00:00Z')
    const cleared = await issueCredential(list as unknown as Loose, { key, created: signedAt })
    const revokedList = await issueCredential(
      (await setStatus(list, 7, true, { validFrom: signedAt })) as unknown as Loose,
      { key, created: signedAt },
    )
    const good = await verifyChain(down, {
      ...base,
      statusLists: [cleared],
      resolvePassport: resolverOf(withStatus),
    })
    expect(chainFindings(good)).toEqual([])
    const r = await verifyChain(down, {
      ...base,
      statusLists: [revokedList],
      resolvePassport: resolverOf(withStatus),
    })
    expect(chainFindings(r)).toEqual([[CELL, ['CHAIN_UPSTREAM_NOT_VERIFIED']]])
    const node = r.root.components[0] as ChainNode
    expect(node.result?.checks.find((c) => c.id === 'status')?.status).toBe('fail')
    expect(r.verified).toBe(false)
  })

  it('a superseded upstream: a newer version of the same issuer names it', async () => {
    const { proof: _p, ...doc } = clone(cell)
    doc.id = 'urn:uuid:76529d23-a5fa-4739-bd49-5ca5106a4399'
    doc.credentialSubject.precedingPassports = [CELL]
    const newer = await sign(doc, form)
    const r = await verifyChain(cabinet, {
      ...base,
      resolvePassport: resolverOf(cell),
      passports: [newer],
    })
    expect(chainFindings(r)).toEqual([[CELL, ['CHAIN_UPSTREAM_SUPERSEDED']]])
    expect(r.root.components[0]?.findings[0]?.message).toContain(doc.id)
    // A "newer version" by another issuer does not count.
    const { proof: _q, ...foreign } = clone(signedForm('pcba-access-controller', form) as Loose)
    foreign.credentialSubject.precedingPassports = [CELL]
    const r2 = await verifyChain(cabinet, {
      ...base,
      resolvePassport: resolverOf(cell),
      passports: [await sign(foreign, form)],
    })
    expect(chainFindings(r2)).toEqual([])
  })
})

describe('cycles, caps and options', () => {
  const form: Form = 'vc-jose'
  /** A line of generated nodes 0 → 1 → … → n-1, signed from the end. */
  async function line(n: number): Promise<string[]> {
    const signed: string[] = []
    for (let i = n - 1; i >= 0; i--) {
      const up = i + 1 < n ? [{ index: i + 1, signed: signed[0] }] : []
      signed.unshift((await sign(generatedNode(i, up), form)) as string)
    }
    return signed
  }

  it('a cycle: node 1 cites node 0 again, which is not followed', async () => {
    const one = (await sign(
      generatedNode(1, [{ index: 0, signed: null, digest: computePassportDigest({ x: 1 }) }]),
      form,
    )) as string
    const zero = (await sign(generatedNode(0, [{ index: 1, signed: one }]), form)) as string
    const r = await verifyChain(zero, { ...base, resolvePassport: resolverOf(zero, one) })
    expect(chainFindings(r)).toEqual([[nodeId(0), ['CHAIN_CYCLE']]])
    expect(r.root.components[0]?.components[0]?.result).toBeUndefined()
    expect(r.root.components[0]?.verdict).toBe('fail')
    expect(r.verified).toBe(false)
  })

  it('the depth cap', async () => {
    const chain = await line(5)
    const all = await verifyChain(chain[0], { ...base, resolvePassport: resolverOf(...chain) })
    expect(chainFindings(all)).toEqual([])
    expect(all.verified).toBe(true)
    expect(all.nodes).toBe(5)
    const r = await verifyChain(chain[0], {
      ...base,
      maxDepth: 2,
      resolvePassport: resolverOf(...chain),
    })
    expect(chainFindings(r)).toEqual([[nodeId(3), ['CHAIN_DEPTH_LIMIT']]])
    expect(r.nodes).toBe(4)
    expect(r.verified).toBe(false)
    expect(DEFAULT_MAX_CHAIN_DEPTH).toBe(8)
    const deep = await line(10)
    const d = await verifyChain(deep[0], { ...base, resolvePassport: resolverOf(...deep) })
    expect(chainFindings(d)).toEqual([[nodeId(9), ['CHAIN_DEPTH_LIMIT']]])
  })

  it('the node cap', async () => {
    const leaves = await Promise.all([1, 2, 3].map((i) => sign(generatedNode(i, []), form)))
    const root = await sign(
      generatedNode(
        0,
        leaves.map((signed, i) => ({ index: i + 1, signed })),
      ),
      form,
    )
    const resolvePassport = resolverOf(...leaves)
    expect((await verifyChain(root, { ...base, resolvePassport })).verified).toBe(true)
    const r = await verifyChain(root, { ...base, maxNodes: 3, resolvePassport })
    expect(chainFindings(r)).toEqual([[nodeId(3), ['CHAIN_NODE_LIMIT']]])
    expect(r.verifiedPassports).toBe(3)
    expect(DEFAULT_MAX_CHAIN_NODES).toBe(1000)
  })

  it('transport components count against scope 3 category 4, goods against category 1', async () => {
    // A freight passport per tonne-kilometre (its PCF 62.16088 per t·km, for the test).
    const freightDoc = generatedNode(2, [])
    freightDoc.credentialSubject.footprint.declaredUnitOfMeasurement = 'ton kilometer'
    const freight = await sign(freightDoc, form, true)
    const goods = await sign(generatedNode(1, []), form)
    const build = async (tkm: string, emissions: string) => {
      const doc = generatedNode(0, [
        { index: 1, signed: goods },
        { index: 2, signed: freight },
      ])
      Object.assign(doc.credentialSubject.components[1], { quantity: tkm, unit: 'TKM', emissions })
      return sign(doc, form, true)
    }
    const options = {
      ...base,
      skipChecks: ['schema', 'conformance'] as ('schema' | 'conformance')[],
      resolvePassport: resolverOf(goods, freight),
    }
    // 0.005 t·km: 0.3108044 kgCO2e, within the cell's category 4 (0.42838).
    const within = await verifyChain(await build('0.005', '0.3108044'), options)
    expect(chainFindings(within)).toEqual([])
    expect(within.root.components[1]?.contribution).toBe('0.3108044')
    // 0.01 t·km: 0.6216088, more than category 4, though far less than category 1.
    const over = await verifyChain(await build('0.01', '0.6216088'), options)
    expect(chainFindings(over)).toEqual([[nodeId(0), ['CHAIN_CATEGORY_EXCEEDED']]])
    expect(over.root.findings[0]?.message).toContain('category 4')
  })

  it('a passport cited twice (a diamond) is verified once and is no cycle', async () => {
    const shared = (await sign(generatedNode(3, []), form)) as string
    const left = await sign(generatedNode(1, [{ index: 3, signed: shared }]), form)
    const right = await sign(generatedNode(2, [{ index: 3, signed: shared }]), form)
    const root = await sign(
      generatedNode(0, [
        { index: 1, signed: left },
        { index: 2, signed: right },
      ]),
      form,
    )
    const r = await verifyChain(root, { ...base, resolvePassport: resolverOf(left, right, shared) })
    expect(r.verified).toBe(true)
    expect(r.nodes).toBe(5)
    expect(r.verifiedPassports).toBe(4)
  })

  it('invalid options fail closed, never throw', async () => {
    const cell = signedForm('lfp-cell-280ah', form)
    for (const options of [
      undefined,
      {},
      { resolvePassport: 'map' },
      { resolvePassport: () => undefined, maxDepth: 0 },
      { resolvePassport: () => undefined, maxNodes: 1.5 },
      { resolvePassport: () => undefined, passports: 'x' },
      { resolvePassport: () => undefined, tolerance: -1 },
      Object.defineProperty({}, 'resolvePassport', {
        enumerable: true,
        get() {
          throw new Error('getter')
        },
      }),
    ]) {
      // biome-ignore lint/suspicious/noExplicitAny: junk on purpose
      const r = await verifyChain(cell, options as any)
      expect(r.verified).toBe(false)
      expect(r.root.findings.map((f) => f.code)).toEqual(['CHAIN_OPTION_INVALID'])
    }
  })

  it('junk as the root passport fails, never throws', async () => {
    for (const junk of [undefined, null, 1, 'x', [], {}, { id: 1 }]) {
      const r = await verifyChain(junk, { ...base, resolvePassport: () => undefined })
      expect(r.verified).toBe(false)
    }
  })
})

describe('chain codes', () => {
  it('are in the catalogue, each reported by verifyChain', () => {
    for (const [code, d] of Object.entries(chainCodes.definitions)) {
      expect(findingCatalogue[code as keyof typeof findingCatalogue]).toBe(d)
      expect(code).toMatch(/^CHAIN_/)
    }
  })

  it('docs/chain.md lists each with its severity and meaning', () => {
    const doc = readFileSync(new URL('../../docs/chain.md', import.meta.url), 'utf8')
    const rows = doc.split('\n').filter((l) => l.startsWith('| `CHAIN_'))
    expect(rows).toEqual(
      Object.entries(chainCodes.definitions).map(
        ([code, d]) =>
          `| \`${code}\` | ${d.severity} | ${d.tools.map((t) => `\`${t}\``).join(', ')} | ${d.title.replaceAll('|', '\\|')} |`,
      ),
    )
  })
})

function base58(bytes: Buffer): string {
  const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
  let n = BigInt(`0x${bytes.toString('hex')}`)
  let out = ''
  while (n > 0n) {
    out = ALPHABET[Number(n % 58n)] + out
    n /= 58n
  }
  for (const b of bytes) {
    if (b !== 0) break
    out = `1${out}`
  }
  return out
}

// The example passports themselves are untouched by these tests.
it('the examples are read fresh', () => {
  expect(validExample('lfp-cell-280ah').doc.id).toBe(CELL)
})
