/** Passport → UNTP Digital Product Passport (0.6.1 or 0.7.0). */
import type { Finding } from '../../findings/finding.js'
import type { Json } from '../../json.js'
import { PASSPORT_CONTEXTS } from '../../passport/contexts.js'
import { conversionCodes } from '../codes.js'
import { convertSafely, type Losses, readCredential } from '../source.js'
import type { ConversionResult } from '../types.js'
import {
  addDays,
  BATTERY_METRIC_IRI,
  CLAIM_FRAGMENT,
  CLASSIFICATION_SCHEME_IRIS,
  carriedPaths,
  copy,
  DCC_LINK_TYPE,
  DECLARED_UNIT_REC20,
  DEFAULTS_TERM,
  dateOf,
  decimalToNumber,
  EXTENSION_TERM,
  GHG_TOPIC_IRI,
  gtinOf,
  isJson,
  KNOWN_STANDARDS,
  multibaseSha256Hex,
  PRODUCT_METRIC_IRI,
  prune,
  shiftDecimal,
  UNTP_CONTEXT_URLS,
  UNTP_EXTENSION_CONTEXT_URL,
  type UntpVersion,
  VC_V2_CONTEXT_URL,
} from './shared.js'

/** Options of `toUntpDpp`. */
export interface ToUntpDppOptions {
  /** The UNTP version to write: `0.6.1` (emissions scorecard) or `0.7.0` (performance claim). */
  version: UntpVersion
  /** The DPP's issuer (a DID and a name); by default the passport's issuer. */
  issuer?: {
    /** The issuer's DID or IRI. */
    id: string
    /** The issuer's name. */
    name: string
  }
  /** The DPP credential's id; by default the passport's id. */
  id?: string
  /** The DPP's `validFrom`; by default the passport's. */
  validFrom?: string
  /** The DPP's `name` (required by 0.7.0); by default `Carbon passport: <product name>`. */
  name?: string
}

const DEFAULT_SCHEMA_ID = 'https://w3id.org/carbon-passport/schemas/v1/passport.schema.json'

/** The default name of a DPP written from a passport (recognised, and dropped, on the way back). */
export const defaultDppName = (productName: unknown): string =>
  `Carbon passport: ${typeof productName === 'string' ? productName : 'product'}`

const { finding } = conversionCodes

interface Ctx {
  losses: Finding[]
  /** UNTP pointers the conversion filled with a default. */
  defaults: string[]
  residual: Json
}

/**
 * Converts a carbon passport into an unsigned UNTP Digital Product Passport credential.
 *
 * - **0.6.1**: the subject is a `ProductPassport` with the `product`, the footprint in
 *   `emissionsScorecard` (kgCO2e per Rec 20 declared unit, operational scope, primary-sourced
 *   ratio) and one `conformityClaim` (topic `environment.emissions`) that declares the footprint
 *   (and each battery declaration) and links the verifier's attestation.
 * - **0.7.0**: the subject is the `Product`; the footprint is one `performanceClaim` with the
 *   greenhouse-gas conformity topic, the battery carbon footprint metric for batteries and the
 *   product carbon footprint metric otherwise, and an `evidence` link carrying `digestMultibase`
 *   to the verifier's attestation when the passport references one.
 *
 * What UNTP has no field for (activity lines, stages, scopes, battery declarations, components,
 * exact Decimal forms, …) goes into the carbon-passport UNTP extension context
 * (`https://w3id.org/carbon-passport/untp-extension/v1`, bundled): the subject's `carbonPassport`
 * holds it as a partial passport subject, read with the passport v1 terms, so the DPP still
 * expands in JSON-LD safe mode and `fromUntpDpp` gives the passport back. Each carried block is an
 * `EXTENSION_CARRIED` info; fields with no place at all (`credentialStatus`, `proof`, …) are
 * `FIELD_NOT_CARRIED`; required UNTP fields the passport has no value for are
 * `TARGET_FIELD_DEFAULTED`. Never throws: an unreadable passport gives `SOURCE_UNREADABLE`.
 *
 * @example
 * ```ts
 * const { result, losses } = toUntpDpp(passport, { version: '0.7.0' })
 * ```
 */
export function toUntpDpp(
  passport: unknown,
  options: ToUntpDppOptions,
): ConversionResult<Record<string, unknown>> {
  return convertSafely('the passport could not be converted', (losses) =>
    convert(passport, options, losses),
  )
}

function convert(
  input: unknown,
  options: ToUntpDppOptions,
  losses: Losses,
): ConversionResult<Record<string, unknown>> {
  const version = isJson(options) ? options.version : undefined
  if (version !== '0.6.1' && version !== '0.7.0') {
    return {
      losses: [
        finding('SOURCE_UNREADABLE', '', {
          detail: `options.version must be '0.6.1' or '0.7.0', not ${JSON.stringify(version)}`,
        }),
      ],
    }
  }
  const vc = readCredential(input, 'passport', losses, 'the passport is unreadable: ')
  if (!vc) return { losses: losses.list }
  const subject = vc.credentialSubject
  const types = Array.isArray(vc.type) ? vc.type : [vc.type]
  if (
    !types.includes('CarbonPassportCredential') ||
    !isJson(subject) ||
    !isJson(subject.product) ||
    !isJson(subject.footprint)
  ) {
    return {
      losses: [
        finding('SOURCE_UNREADABLE', '', {
          detail:
            'not a carbon passport: a CarbonPassportCredential with a credentialSubject holding product and footprint is expected',
        }),
      ],
    }
  }
  const ctx: Ctx = { losses: [], defaults: [], residual: copy(subject) }
  const envelope = convertEnvelope(vc, options, version, ctx)
  const product = subject.product
  const footprint = subject.footprint
  const credentialSubject =
    version === '0.6.1'
      ? subject061(subject, product, footprint, String(envelope.id), ctx)
      : subject070(subject, product, footprint, String(envelope.id), String(vc.validFrom), ctx)

  prune(ctx.residual, ['id'])
  prune(ctx.residual, ['type'])
  if (Object.keys(ctx.residual).length > 0) {
    for (const path of carriedPaths(subject, ctx.residual, '/credentialSubject')) {
      ctx.losses.push(
        finding('EXTENSION_CARRIED', path, {
          detail: `carried in the carbon-passport UNTP extension (credentialSubject.${EXTENSION_TERM})`,
        }),
      )
    }
    credentialSubject[EXTENSION_TERM] = ctx.residual
  }
  if (ctx.defaults.length > 0) credentialSubject[DEFAULTS_TERM] = ctx.defaults
  const result: Record<string, unknown> = { ...envelope, credentialSubject }
  return { result, losses: ctx.losses }
}

function convertEnvelope(
  vc: Json,
  options: ToUntpDppOptions,
  version: UntpVersion,
  ctx: Ctx,
): Json {
  const out: Json = {
    '@context': [VC_V2_CONTEXT_URL, UNTP_CONTEXT_URLS[version], UNTP_EXTENSION_CONTEXT_URL],
    type: ['DigitalProductPassport', 'VerifiableCredential'],
  }
  const context = vc['@context']
  if (
    !Array.isArray(context) ||
    context.length !== PASSPORT_CONTEXTS.length ||
    context.some((c, i) => c !== PASSPORT_CONTEXTS[i])
  ) {
    ctx.losses.push(
      finding('VALUE_CHANGED', '/@context', {
        detail: 'the DPP names the VC 2.0, UNTP and carbon-passport UNTP extension contexts',
      }),
    )
  }
  out.id = typeof options.id === 'string' ? options.id : vc.id
  if (typeof options.id === 'string' && options.id !== vc.id)
    ctx.losses.push(finding('VALUE_CHANGED', '/id', { detail: `the DPP's id is ${options.id}` }))
  const types = Array.isArray(vc.type) ? vc.type : []
  types.forEach((t, i) => {
    if (t !== 'VerifiableCredential' && t !== 'CarbonPassportCredential')
      ctx.losses.push(finding('FIELD_NOT_CARRIED', `/type/${i}`, { detail: `type ${String(t)}` }))
  })
  const issuer = vc.issuer
  const issuerId = isJson(issuer) ? issuer.id : issuer
  const issuerName = isJson(issuer) ? issuer.name : undefined
  if (isJson(options.issuer)) {
    out.issuer = { type: ['CredentialIssuer'], id: options.issuer.id, name: options.issuer.name }
    if (options.issuer.id !== issuerId)
      ctx.losses.push(
        finding('VALUE_CHANGED', '/issuer', { detail: `the DPP's issuer is ${options.issuer.id}` }),
      )
  } else {
    let name = issuerName
    if (typeof name !== 'string') {
      const manufacturer = (vc.credentialSubject as Json).product as Json
      const m = isJson(manufacturer.manufacturer) ? manufacturer.manufacturer.name : undefined
      name = typeof m === 'string' ? m : String(issuerId)
      ctx.defaults.push('/issuer/name')
      ctx.losses.push(
        finding('TARGET_FIELD_DEFAULTED', '/issuer', {
          detail: `UNTP requires the issuer's name: "${name}" (the manufacturer's) is used`,
        }),
      )
    }
    out.issuer = { type: ['CredentialIssuer'], id: issuerId, name }
  }
  out.validFrom = typeof options.validFrom === 'string' ? options.validFrom : vc.validFrom
  if (vc.validUntil !== undefined) out.validUntil = vc.validUntil
  const productName = ((vc.credentialSubject as Json).product as Json).name
  if (typeof options.name === 'string') out.name = options.name
  else if (typeof vc.name === 'string') out.name = vc.name
  else if (version === '0.7.0') out.name = defaultDppName(productName)
  if (vc.description !== undefined) out.description = vc.description
  const schema = vc.credentialSchema
  const schemaIsDefault =
    isJson(schema) && schema.id === DEFAULT_SCHEMA_ID && Object.keys(schema).length === 2
  if (schema !== undefined && !schemaIsDefault)
    ctx.losses.push(
      finding('FIELD_NOT_CARRIED', '/credentialSchema', {
        detail: 'the DPP conforms to the UNTP schema, not the passport schema',
      }),
    )
  for (const key of ['credentialStatus', 'proof']) {
    if (vc[key] !== undefined)
      ctx.losses.push(
        finding('FIELD_NOT_CARRIED', `/${key}`, {
          detail: `${key} belongs to the passport credential, not to the DPP (sign the DPP anew)`,
        }),
      )
  }
  for (const key of Object.keys(vc)) {
    if (
      ![
        '@context',
        'id',
        'type',
        'issuer',
        'validFrom',
        'validUntil',
        'name',
        'description',
        'credentialSchema',
        'credentialStatus',
        'proof',
        'credentialSubject',
      ].includes(key)
    )
      ctx.losses.push(finding('FIELD_NOT_CARRIED', `/${key}`, { detail: `unknown field ${key}` }))
  }
  return out
}

/** The UNTP classification list of the passport's classifications; pruned from the residual. */
function categories(product: Json, version: UntpVersion, ctx: Ctx): Json[] {
  const list = Array.isArray(product.classifications) ? product.classifications : []
  const out: Json[] = []
  let exact = true
  list.forEach((c, i) => {
    const scheme =
      isJson(c) && typeof c.scheme === 'string' ? CLASSIFICATION_SCHEME_IRIS[c.scheme] : undefined
    if (!isJson(c) || !scheme || typeof c.code !== 'string' || Object.keys(c).length !== 2) {
      exact = false
      return
    }
    const name = `${scheme.name} ${c.code}`
    ctx.defaults.push(
      version === '0.6.1'
        ? `/credentialSubject/product/productCategory/${out.length}/name`
        : `/credentialSubject/productCategory/${out.length}/name`,
    )
    if (version === '0.6.1')
      out.push({
        type: ['Classification'],
        id: `${scheme.id}${encodeURIComponent(c.code)}`,
        code: c.code,
        name,
        schemeID: scheme.id,
        schemeName: scheme.name,
      })
    else out.push({ code: c.code, name, schemeId: scheme.id, schemeName: scheme.name })
    void i
  })
  if (exact) prune(ctx.residual, ['product', 'classifications'])
  else ctx.defaults.length -= out.length
  return exact ? out : []
}

/** Carries the product's plain fields shared by both versions; prunes them from the residual. */
function plainProduct(product: Json, target: Json, keys: readonly string[], ctx: Ctx): void {
  for (const key of keys) {
    if (typeof product[key] === 'string') {
      target[key] = product[key]
      prune(ctx.residual, ['product', key])
    }
  }
}

function manufacturerParty(product: Json, ctx: Ctx, withCountry: boolean): Json | undefined {
  const m = product.manufacturer
  if (!isJson(m) || typeof m.id !== 'string' || typeof m.name !== 'string') return undefined
  const party: Json = { id: m.id, name: m.name }
  prune(ctx.residual, ['product', 'manufacturer', 'id'])
  prune(ctx.residual, ['product', 'manufacturer', 'name'])
  if (withCountry && typeof m.country === 'string') {
    party.registrationCountry = { countryCode: m.country }
    prune(ctx.residual, ['product', 'manufacturer', 'country'])
  }
  return party
}

function facility(product: Json, ctx: Ctx): Json | undefined {
  const s = product.manufacturingSite
  if (!isJson(s) || typeof s.id !== 'string' || typeof s.name !== 'string') return undefined
  prune(ctx.residual, ['product', 'manufacturingSite', 'id'])
  prune(ctx.residual, ['product', 'manufacturingSite', 'name'])
  return { id: s.id, name: s.name }
}

/** The footprint per declared unit as a number; pruned from the residual when exact. */
function pcfNumber(footprint: Json, ctx: Ctx): number {
  const n = decimalToNumber(footprint.pcfExcludingBiogenicUptake)
  if (n?.exact) prune(ctx.residual, ['footprint', 'pcfExcludingBiogenicUptake'])
  return n?.value ?? 0
}

function rec20(footprint: Json, ctx: Ctx, path: string): string {
  const unit = DECLARED_UNIT_REC20[String(footprint.declaredUnitOfMeasurement)]
  if (unit) {
    prune(ctx.residual, ['footprint', 'declaredUnitOfMeasurement'])
    return unit
  }
  ctx.defaults.push(path)
  ctx.losses.push(
    finding('TARGET_FIELD_DEFAULTED', '/credentialSubject/footprint/declaredUnitOfMeasurement', {
      detail: 'no Rec 20 code for the declared unit: H87 (piece) is written',
    }),
  )
  return 'H87'
}

function attestationOf(subject: Json): { id: string; digestMultibase: string } | undefined {
  const v = subject.verification
  const a = isJson(v) ? v.attestation : undefined
  return isJson(a) && typeof a.id === 'string' && typeof a.digestMultibase === 'string'
    ? { id: a.id, digestMultibase: a.digestMultibase }
    : undefined
}

function isBattery(subject: Json): boolean {
  return isJson(subject.battery)
}

function declarationPerformances(
  subject: Json,
): { name: string; value: number; unit: string; score?: string }[] {
  const battery = subject.battery
  const declarations =
    isJson(battery) && Array.isArray(battery.declarations) ? battery.declarations : []
  const out: { name: string; value: number; unit: string; score?: string }[] = []
  for (const d of declarations) {
    if (!isJson(d)) continue
    const n = decimalToNumber(d.footprintPerFunctionalUnit)
    const fu = isJson(d.functionalUnit) ? d.functionalUnit : {}
    if (!n) continue
    out.push({
      name: `Battery carbon footprint under ${String(d.framework)}, kgCO2e per ${String(fu.unit ?? 'functional unit')} of ${String(fu.kind ?? 'functional unit')}`,
      value: n.value,
      unit: 'KGM',
      ...(typeof d.performanceClass === 'string' ? { score: d.performanceClass } : {}),
    })
  }
  return out
}

function subject061(
  subject: Json,
  product: Json,
  footprint: Json,
  credentialId: string,
  ctx: Ctx,
): Json {
  const p: Json = { type: ['Product'], id: subject.id, name: product.name }
  prune(ctx.residual, ['product', 'name'])
  plainProduct(
    product,
    p,
    ['description', 'batchNumber', 'serialNumber', 'countryOfProduction'],
    ctx,
  )
  const gtin = gtinOf(subject.id)
  if (gtin) {
    p.registeredId = gtin
    p.idScheme = {
      type: ['IdentifierScheme'],
      id: 'https://id.gs1.org/01/',
      name: 'Global Trade Item Number (GTIN)',
    }
  }
  const cats = categories(product, '0.6.1', ctx)
  if (cats.length > 0) p.productCategory = cats
  const party = manufacturerParty(product, ctx, false)
  if (party) p.producedByParty = party
  const site = facility(product, ctx)
  if (site) p.producedAtFacility = site
  const out: Json = { type: ['ProductPassport'], id: subject.id, product: p }
  if (typeof product.granularity === 'string') {
    out.granularityLevel = product.granularity
    prune(ctx.residual, ['product', 'granularity'])
  }
  const carbonFootprint = pcfNumber(footprint, ctx)
  const declaredUnit = rec20(footprint, ctx, '/credentialSubject/emissionsScorecard/declaredUnit')
  const scorecard: Json = { carbonFootprint, declaredUnit }
  const boundary = footprint.systemBoundary
  if (boundary === 'cradle-to-gate' || boundary === 'cradle-to-grave') {
    scorecard.operationalScope = boundary === 'cradle-to-gate' ? 'CradleToGate' : 'CradleToGrave'
    prune(ctx.residual, ['footprint', 'systemBoundary'])
  } else {
    scorecard.operationalScope = boundary === 'gate-to-gate' ? 'None' : 'CradleToGrave'
    ctx.losses.push(
      finding('VALUE_CHANGED', '/credentialSubject/footprint/systemBoundary', {
        detail: `UNTP has no ${String(boundary)} operational scope: ${String(scorecard.operationalScope)} is written (the exact boundary is in the extension)`,
      }),
    )
  }
  const share =
    typeof footprint.primaryDataShare === 'string'
      ? shiftDecimal(footprint.primaryDataShare, 2)
      : undefined
  const ratio = decimalToNumber(share)
  if (ratio && share !== undefined) {
    scorecard.primarySourcedRatio = ratio.value
    if (ratio.exact && shiftDecimal(share, -2) === footprint.primaryDataShare)
      prune(ctx.residual, ['footprint', 'primaryDataShare'])
  } else {
    scorecard.primarySourcedRatio = 0
    ctx.defaults.push('/credentialSubject/emissionsScorecard/primarySourcedRatio')
    ctx.losses.push(
      finding('TARGET_FIELD_DEFAULTED', '/credentialSubject/footprint', {
        detail:
          'UNTP requires primarySourcedRatio and the passport has no primaryDataShare: 0 is written',
      }),
    )
  }
  const standards = Array.isArray(footprint.crossSectoralStandards)
    ? footprint.crossSectoralStandards
    : []
  const known = standards.map((s) => KNOWN_STANDARDS[String(s)]).find((s) => s !== undefined)
  if (known)
    scorecard.reportingStandard = {
      type: ['Standard'],
      id: known.id,
      name: known.name,
      issuingParty: { id: known.issuer.id, name: known.issuer.name },
    }
  out.emissionsScorecard = scorecard

  const declared: Json[] = [
    {
      metricName: `Product carbon footprint excluding biogenic uptake, kgCO2e per ${declaredUnit} (declared unit)`,
      metricValue: { value: carbonFootprint, unit: 'KGM' },
    },
    ...declarationPerformances(subject).map((d) => ({
      metricName: d.name,
      metricValue: { value: d.value, unit: d.unit },
      ...(d.score ? { score: d.score } : {}),
    })),
  ]
  const claim: Json = {
    type: ['Claim', 'Declaration'],
    id: `${credentialId}${CLAIM_FRAGMENT}`,
    description: `Carbon footprint of ${String(product.name)}, declared in a carbon passport.`,
    conformityTopic: 'environment.emissions',
    conformance: true,
    declaredValue: declared,
  }
  ctx.defaults.push('/credentialSubject/conformityClaim/0/conformance')
  if (known) claim.referenceStandard = scorecard.reportingStandard
  const verification = subject.verification
  const assessed = isJson(verification) ? dateOf(verification.completedAt) : undefined
  if (assessed) claim.assessmentDate = assessed
  const attestation = attestationOf(subject)
  if (attestation) {
    const link: Json = {
      type: ['SecureLink', 'Link'],
      linkURL: attestation.id,
      linkName: 'Verification attestation of the carbon footprint',
      linkType: DCC_LINK_TYPE,
    }
    const hex = multibaseSha256Hex(attestation.digestMultibase)
    if (hex) {
      link.hashDigest = hex
      link.hashMethod = 'SHA-256'
    }
    claim.conformityEvidence = link
  }
  out.conformityClaim = [claim]
  return out
}

function subject070(
  subject: Json,
  product: Json,
  footprint: Json,
  credentialId: string,
  validFrom: string,
  ctx: Ctx,
): Json {
  const out: Json = { type: ['Product'], id: subject.id, name: product.name }
  prune(ctx.residual, ['product', 'name'])
  plainProduct(product, out, ['description', 'modelNumber', 'batchNumber'], ctx)
  if (typeof product.serialNumber === 'string') {
    out.itemNumber = product.serialNumber
    prune(ctx.residual, ['product', 'serialNumber'])
  }
  const gtin = gtinOf(subject.id)
  if (gtin) {
    out.idScheme = {
      type: ['IdentifierScheme'],
      id: 'https://id.gs1.org/01/',
      name: 'Global Trade Item Number (GTIN)',
    }
  } else {
    out.idScheme = { type: ['IdentifierScheme'], id: String(subject.id), name: 'Product IRI' }
    ctx.defaults.push('/credentialSubject/idScheme')
    ctx.losses.push(
      finding('TARGET_FIELD_DEFAULTED', '/credentialSubject/id', {
        detail:
          'UNTP 0.7.0 requires idScheme: the product IRI is not a GS1 Digital Link, so the IRI itself is named as the scheme',
      }),
    )
  }
  if (typeof product.granularity === 'string') {
    out.idGranularity = product.granularity
    prune(ctx.residual, ['product', 'granularity'])
  }
  out.productCategory = categories(product, '0.7.0', ctx)
  if ((out.productCategory as Json[]).length === 0)
    ctx.losses.push(
      finding('TARGET_FIELD_DEFAULTED', '/credentialSubject/product', {
        detail: 'UNTP 0.7.0 requires productCategory: an empty list is written',
      }),
    )
  const party = manufacturerParty(product, ctx, true)
  if (party) out.relatedParty = [{ role: 'manufacturer', party: { type: ['Party'], ...party } }]
  const site = facility(product, ctx)
  if (site) out.producedAtFacility = { type: ['Facility'], ...site }
  else {
    const m = isJson(product.manufacturer) ? product.manufacturer : {}
    out.producedAtFacility = {
      type: ['Facility'],
      id: typeof m.id === 'string' ? m.id : String(subject.id),
      name: typeof m.name === 'string' ? m.name : 'unknown',
    }
    ctx.defaults.push('/credentialSubject/producedAtFacility')
    ctx.losses.push(
      finding('TARGET_FIELD_DEFAULTED', '/credentialSubject/product', {
        detail:
          'UNTP 0.7.0 requires producedAtFacility: the manufacturer is named instead of a site with an id and name',
      }),
    )
  }
  const country =
    typeof product.countryOfProduction === 'string'
      ? product.countryOfProduction
      : isJson(product.manufacturingSite) && typeof product.manufacturingSite.country === 'string'
        ? product.manufacturingSite.country
        : undefined
  if (typeof product.countryOfProduction === 'string')
    prune(ctx.residual, ['product', 'countryOfProduction'])
  else {
    ctx.defaults.push('/credentialSubject/countryOfProduction')
    ctx.losses.push(
      finding('TARGET_FIELD_DEFAULTED', '/credentialSubject/product', {
        detail: `UNTP 0.7.0 requires countryOfProduction: ${country ?? 'ZZ'} (the site's country or unknown) is written`,
      }),
    )
  }
  out.countryOfProduction = { countryCode: country ?? 'ZZ' }

  const battery = isBattery(subject)
  const value = pcfNumber(footprint, ctx)
  const unit = rec20(
    footprint,
    ctx,
    '/credentialSubject/performanceClaim/0/claimedPerformance/0/metric/name',
  )
  const metric = battery
    ? {
        type: ['PerformanceMetric'],
        id: BATTERY_METRIC_IRI,
        name: `Battery carbon footprint, kgCO2e per ${unit} (declared unit)`,
      }
    : {
        type: ['PerformanceMetric'],
        id: PRODUCT_METRIC_IRI,
        name: `Product carbon footprint, kgCO2e per ${unit} (declared unit)`,
      }
  const performances: Json[] = [{ metric, measure: { value, unit: 'KGM' } }]
  for (const d of declarationPerformances(subject)) {
    performances.push({
      metric: { type: ['PerformanceMetric'], id: BATTERY_METRIC_IRI, name: d.name },
      measure: { value: d.value, unit: d.unit },
      ...(d.score ? { score: { code: d.score } } : {}),
    })
  }
  const standards = Array.isArray(footprint.crossSectoralStandards)
    ? footprint.crossSectoralStandards
    : []
  const referenceStandard = standards
    .map((s) => KNOWN_STANDARDS[String(s)])
    .filter((s) => s !== undefined)
    .map((s) => ({ type: ['Standard'], id: s.id, name: s.name }))
  const claim: Json = {
    type: ['Claim'],
    id: `${credentialId}${CLAIM_FRAGMENT}`,
    name: battery ? 'Battery carbon footprint' : 'Product carbon footprint',
    referenceCriteria: [],
    ...(referenceStandard.length > 0 ? { referenceStandard } : {}),
    claimDate: dateOf(validFrom) ?? validFrom,
  }
  ctx.defaults.push('/credentialSubject/performanceClaim/0/referenceCriteria')
  const start = dateOf(footprint.referencePeriodStart)
  const endExclusive = dateOf(footprint.referencePeriodEnd)
  const end = endExclusive ? addDays(endExclusive, -1) : undefined
  if (start && end) {
    claim.applicablePeriod = { startDate: start, endDate: end }
    if (footprint.referencePeriodStart === `${start}T00:00:00Z`)
      prune(ctx.residual, ['footprint', 'referencePeriodStart'])
    if (footprint.referencePeriodEnd === `${endExclusive}T00:00:00Z`)
      prune(ctx.residual, ['footprint', 'referencePeriodEnd'])
  }
  claim.claimedPerformance = performances
  const attestation = attestationOf(subject)
  if (attestation) {
    claim.evidence = [
      {
        linkURL: attestation.id,
        linkName: 'Verification attestation of the carbon footprint',
        digestMultibase: attestation.digestMultibase,
        linkType: DCC_LINK_TYPE,
      },
    ]
    prune(ctx.residual, ['verification', 'attestation'])
  }
  claim.conformityTopic = [
    { type: ['ConformityTopic'], id: GHG_TOPIC_IRI, name: 'Greenhouse gas emissions' },
  ]
  out.performanceClaim = [claim]
  return out
}
