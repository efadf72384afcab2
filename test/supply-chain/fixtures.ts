/**
 * Chains for the supply-chain tests and the bench: the example chains (cabinet → cell, reader →
 * PCBA) re-signed so that each component cites the digest of the signed upstream form it is
 * verified with, and generated chains of cell-like passports (any shape, signed as vc+jwt).
 */
import { issuePassport } from '../../src/passport/issue.js'
import { computePassportDigest } from '../../src/supply-chain/digest.js'
import { clone, exampleKey, signedExamples, validExample } from '../helpers/examples.js'

// biome-ignore lint/suspicious/noExplicitAny: edits example JSON
export type Loose = Record<string, any>

/** The clock of these tests: after every example's validFrom. */
export const NOW = new Date('2026-11-01T00:00:00Z')

export type Form = 'data-integrity' | 'vc-jose'

export const issuerId = (doc: Loose): string =>
  typeof doc.issuer === 'string' ? doc.issuer : doc.issuer.id

/** The committed signed form of an example. */
export function signedForm(name: string, form: Form): Loose | string {
  const found = signedExamples().find((e) => e.name === name)
  if (!found) throw new Error(`examples/signed/${name} does not exist`)
  return form === 'data-integrity' ? found.di : found.jwt.trim()
}

/** Signs a passport with its example issuer's key, in `form`, created at its validFrom. */
export async function sign(
  doc: Loose,
  form: Form,
  allowNonConforming = false,
): Promise<Loose | string> {
  const key = exampleKey(issuerId(doc))
  return form === 'data-integrity'
    ? await issuePassport(doc, { key, created: new Date(doc.validFrom), allowNonConforming })
    : await issuePassport(doc, { key, format: 'vc-jose', allowNonConforming })
}

/**
 * The example `downstream`, its components citing `upstreams` (signed forms, by passport id),
 * signed in `form`. `edit` changes the unsigned passport first.
 */
export async function downstreamOf(
  name: string,
  upstreams: Record<string, unknown>,
  form: Form,
  edit: (doc: Loose) => void = () => {},
  allowNonConforming = false,
): Promise<Loose | string> {
  const doc: Loose = clone(validExample(name).doc)
  for (const c of doc.credentialSubject.components ?? []) {
    const upstream = upstreams[c.passport]
    if (upstream !== undefined) c.digestMultibase = computePassportDigest(upstream)
  }
  edit(doc)
  return sign(doc, form, allowNonConforming)
}

export const CELL = 'urn:uuid:76529d23-a5fa-4739-bd49-5ca5106a4315'
export const PCBA = 'urn:uuid:d4f44ff4-399e-4d47-9aa1-8e654cd9861a'

/** A resolver over a list of passports, by id (the first of an id wins). */
export function resolverOf(...passports: unknown[]): (id: string) => unknown {
  const byId = new Map<string, unknown>()
  for (const p of passports) {
    const doc =
      typeof p === 'string'
        ? JSON.parse(Buffer.from(p.split('.')[1] ?? '', 'base64url').toString('utf8'))
        : p
    if (!byId.has(doc.id)) byId.set(doc.id, p)
  }
  return (id) => byId.get(id)
}

/** The id of generated node `i`. */
export const nodeId = (i: number) =>
  `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`

/** The product id of generated node `i`. */
export const productId = (i: number) => `https://id.gs1.org/01/06931234000280/10/GEN-${i}`

/** How much of each upstream a generated node uses: 0.1 piece, so any 7 fit in category 1. */
export const GEN_QUANTITY = '0.1'

/**
 * The unsigned generated node `i`: the cell example under another id and product, citing each
 * `upstream` (its id, its signed form) for 0.1 piece at the cell's footprint.
 */
export function generatedNode(
  i: number,
  upstreams: readonly { index: number; signed: unknown; digest?: string }[],
): Loose {
  const doc: Loose = clone(validExample('lfp-cell-280ah').doc)
  doc.id = nodeId(i)
  const subject = doc.credentialSubject
  subject.id = productId(i)
  subject.product.identifiers = [productId(i)]
  subject.product.name = `Generated cell ${i}`
  const pcf = subject.footprint.pcfExcludingBiogenicUptake as string
  if (upstreams.length > 0) {
    subject.components = upstreams.map((u) => ({
      passport: nodeId(u.index),
      digestMultibase: u.digest ?? computePassportDigest(u.signed),
      product: { id: productId(u.index), name: `Generated cell ${u.index}` },
      quantity: GEN_QUANTITY,
      unit: 'H87',
      emissions: String(Number(pcf) / 10),
    }))
  }
  return doc
}
