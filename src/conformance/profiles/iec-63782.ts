/**
 * `iec-63782-digital-pcf`: the mandatory digital fields named in the announcements of the IEC digital
 * product carbon footprint project (IEC 63782, in development). This is our reading: activity data
 * lines (a summary passport without them conforms under core only), their granularity and temporal
 * resolution (required by the schema), emission-factor provenance and metadata (CO2-only factors and
 * transport factors that are not well-to-wheel warn, ISO 14083), scope 3
 * categories 1 and 4, a resolvable (preferably GS1 Digital Link) product identifier, a versioned
 * passport and, when presented as signed, a signature.
 */

import { defineCodes } from '../../findings/define.js'
import { arr, obj, type RuleContext } from '../context.js'
import { factorGasesRule } from '../rules/factors.js'
import { IEC63782 } from '../rules/sources.js'

/** The codes these rules report. */
export const iec63782Codes = defineCodes({
  ACTIVITY_DATA_MISSING: {
    severity: 'error',
    profiles: ['iec-63782-digital-pcf'],
    title:
      'The passport carries its activity data lines: a summary passport without them conforms under core only.',
    message:
      'The passport has no activity data lines; the digital PCF exchanges the activity data behind the footprint.',
    source: `${IEC63782}: activity-data granularity and temporal resolution`,
  },
  EMISSION_FACTOR_PROVENANCE_INCOMPLETE: {
    severity: 'error',
    profiles: ['iec-63782-digital-pcf'],
    title:
      'Every emission factor names its source and version, or is primary data (provenance "primary").',
    message:
      'The emission factor from "{actual}" has no source version; give the database version, or mark it as primary data.',
    source: `${IEC63782}: emission-factor provenance`,
  },
  SCOPE3_CATEGORY_MISSING: {
    severity: 'error',
    profiles: ['iec-63782-digital-pcf'],
    title: 'Every scope 3 activity data line names its scope 3 category.',
    message: 'This scope 3 activity data line has no scope3Category.',
    source: `${IEC63782}: scope 3 categories; GHG Protocol Scope 3 Standard`,
  },
  SCOPE3_CATEGORY_NOT_REPORTED: {
    severity: 'error',
    profiles: ['iec-63782-digital-pcf'],
    title:
      'The scope breakdown reports scope 3 category 1 (purchased goods and services) and 4 (upstream transportation), even when 0.',
    message: 'The scope breakdown does not report scope 3 category {expected}.',
    source: `${IEC63782}: scope 3 category 1 and 4`,
  },
  PRODUCT_IDENTIFIER_NOT_RESOLVABLE: {
    severity: 'error',
    profiles: ['iec-63782-digital-pcf'],
    title:
      'The product has a resolvable identifier (an http(s) IRI: the subject id or one of product.identifiers).',
    message: 'The product has no resolvable (http or https) identifier; found {actual}.',
    source: `${IEC63782}: product identification; ISO/IEC 18975 (resolvable identifiers)`,
  },
  PRODUCT_IDENTIFIER_NOT_GS1: {
    severity: 'warning',
    profiles: ['iec-63782-digital-pcf'],
    title: 'The product identifier is a GS1 Digital Link URI (preferred).',
    message:
      'The product identifiers are resolvable but none is a GS1 Digital Link URI ({actual}).',
    source: `${IEC63782}: product identification; GS1 Digital Link URI Syntax 1.4`,
  },
  PASSPORT_NOT_VERSIONED: {
    severity: 'error',
    profiles: ['iec-63782-digital-pcf'],
    title:
      'The passport has an id of its own (not the product id), so each version can be told apart and replaced through precedingPassports.',
    message: '{detail}',
    source: `${IEC63782}: versioning`,
  },
  TRANSPORT_FACTOR_NOT_WELL_TO_WHEEL: {
    severity: 'warning',
    profiles: ['iec-63782-digital-pcf'],
    title:
      'A transport line uses a well-to-wheel emission factor (fuel supply included), as ISO 14083 requires.',
    message:
      'This transport line uses a factor whose life-cycle scope is {actual}; ISO 14083 transport emissions are well-to-wheel (set emissionFactor.lifeCycleScope to well-to-wheel with a WTW factor).',
    source: `${IEC63782}: emission factors; ISO 14083:2023 §5 (well-to-wheel GHG emissions)`,
  },
  PASSPORT_NOT_SIGNED: {
    severity: 'error',
    profiles: ['iec-63782-digital-pcf'],
    title:
      'A passport presented as signed carries a signature: a proof with a proofValue, or a JWS with a signature.',
    message: '{detail}',
    source: `${IEC63782}: integrity; VC Data Integrity 1.0 §2.1; VC-JOSE-COSE §3.1.1`,
  },
})

const { report, reportAt } = iec63782Codes

export function activityDataRule(ctx: RuleContext): void {
  const lines = ctx.subject.activityData
  if (lines === undefined) reportAt(ctx, 'ACTIVITY_DATA_MISSING', '/activityData')
}

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

export function transportWellToWheelRule(ctx: RuleContext): void {
  const lines = arr(ctx.subject.activityData)
  for (let i = 0; i < lines.length; i++) {
    const line = obj(lines[i])
    if (line.activityType !== 'transport') continue
    const scope = obj(line.emissionFactor).lifeCycleScope
    if (scope === 'well-to-wheel') continue
    reportAt(
      ctx,
      'TRANSPORT_FACTOR_NOT_WELL_TO_WHEEL',
      `/activityData/${i}/emissionFactor/lifeCycleScope`,
      { actual: typeof scope === 'string' ? scope : 'not stated' },
    )
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
  activityDataRule,
  emissionFactorProvenanceRule,
  factorGasesRule,
  transportWellToWheelRule,
  scope3CategoriesRule,
  productIdentifierRule,
  versioningRule,
  signatureRule,
] as const
