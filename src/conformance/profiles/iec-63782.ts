/**
 * `iec-63782-digital-pcf`: the mandatory digital fields named in the announcements of the IEC digital
 * product carbon footprint project (IEC 63782, in development). This is our reading: activity
 * granularity and temporal resolution (required by the schema), emission-factor provenance, scope 3
 * categories 1 and 4, a resolvable (preferably GS1 Digital Link) product identifier, a versioned
 * passport and, when presented as signed, a signature.
 */
import { arr, obj, type RuleContext, report, reportAt } from '../context.js'

export function emissionFactorProvenanceRule(ctx: RuleContext): void {
  const lines = arr(ctx.subject.activityData)
  for (let i = 0; i < lines.length; i++) {
    const ef = obj(obj(lines[i]).emissionFactor)
    if (ef.provenance === 'primary' || ef.provenance === undefined) continue
    const source = obj(ef.source)
    if (source.version == null && source.name !== undefined) {
      reportAt(
        ctx,
        'EMISSION_FACTOR_PROVENANCE_INCOMPLETE',
        `/activityData/${i}/emissionFactor/source/version`,
        {
          actual: String(source.name),
        },
      )
    }
  }
}

export function scope3CategoriesRule(ctx: RuleContext): void {
  const lines = arr(ctx.subject.activityData)
  for (let i = 0; i < lines.length; i++) {
    const line = obj(lines[i])
    if (line.scope === 3 && line.scope3Category == null) {
      reportAt(ctx, 'SCOPE3_CATEGORY_MISSING', `/activityData/${i}/scope3Category`)
    }
  }
  const sb = obj(ctx.subject.footprint).scopeBreakdown
  if (sb === undefined) return // FIELD_REQUIRED
  const reported = new Set(arr(obj(sb).scope3).map((c) => obj(c).category))
  for (const category of [1, 4]) {
    if (!reported.has(category)) {
      reportAt(ctx, 'SCOPE3_CATEGORY_NOT_REPORTED', '/footprint/scopeBreakdown/scope3', {
        expected: String(category),
      })
    }
  }
}

const RESOLVABLE = /^https?:\/\/[^/?#\s]+/i
/** A GS1 Digital Link URI: an http(s) URI whose path holds a GTIN (AI 01) or another primary key. */
const GS1_DIGITAL_LINK =
  /^https?:\/\/[^/?#\s]+(\/[^?#]*)?\/(01|00|253|255|401|402|414|417|8003|8004|8006|8010|8013|8017|8018)\/[0-9A-Za-z%-]+/

export function productIdentifierRule(ctx: RuleContext): void {
  const ids: string[] = []
  if (typeof ctx.subject.id === 'string') ids.push(ctx.subject.id)
  for (const id of arr(obj(ctx.subject.product).identifiers))
    if (typeof id === 'string') ids.push(id)
  if (ids.length === 0) return // FIELD_REQUIRED covers the subject id
  const resolvable = ids.filter((id) => RESOLVABLE.test(id))
  if (resolvable.length === 0) {
    reportAt(
      ctx,
      'PRODUCT_IDENTIFIER_NOT_RESOLVABLE',
      ctx.subject.id === undefined ? '/product/identifiers' : '/id',
      {
        actual: ids.join(', '),
      },
    )
  } else if (!resolvable.some((id) => GS1_DIGITAL_LINK.test(id))) {
    reportAt(ctx, 'PRODUCT_IDENTIFIER_NOT_GS1', '/id', { actual: resolvable.join(', ') })
  }
}

export function versioningRule(ctx: RuleContext): void {
  if (!ctx.credential) {
    report(ctx.findings, 'PASSPORT_NOT_VERSIONED', '', {
      detail:
        'A bare credential subject has no passport id; issue it as a passport credential (each version with its own id).',
    })
    return
  }
  const id = ctx.credential.id
  if (typeof id === 'string' && id === ctx.subject.id) {
    report(ctx.findings, 'PASSPORT_NOT_VERSIONED', '/id', {
      detail:
        'The passport id is the product id; give each passport version an id of its own (for example a urn:uuid) and list the versions it replaces in precedingPassports.',
    })
  }
}

export function signatureRule(ctx: RuleContext): void {
  const c = ctx.credential
  if (!c) return
  if (ctx.format === 'vc-jose') {
    const signature = ctx.jws?.split('.')[2] ?? ''
    if (signature === '') {
      report(ctx.findings, 'PASSPORT_NOT_SIGNED', '', {
        detail: 'The vc+jwt has an empty signature part (an unsecured JWS).',
      })
    }
    return
  }
  if (c.proof === undefined) return // an unsigned passport, not presented as signed
  const proofs = Array.isArray(c.proof) ? c.proof : [c.proof]
  for (let i = 0; i < proofs.length; i++) {
    const proof = obj(proofs[i])
    const value = proof.proofValue ?? proof.jws
    if (typeof value !== 'string' || value === '') {
      const path = Array.isArray(c.proof) ? `/proof/${i}/proofValue` : '/proof/proofValue'
      report(ctx.findings, 'PASSPORT_NOT_SIGNED', path, {
        detail:
          'The proof has no proofValue: the passport is presented as signed but carries no signature.',
      })
    }
  }
}

export const iec63782Rules = [
  emissionFactorProvenanceRule,
  scope3CategoriesRule,
  productIdentifierRule,
  versioningRule,
  signatureRule,
] as const
