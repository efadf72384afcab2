/** `toPact`: a passport as a WBCSD PACT ProductFootprint, v3.0 or v2.3. */
import { createHash } from 'node:crypto'
import { isPactUrn, pactCompanyIds, pactProductIds } from '../../conformance/profiles/pact-ids.js'
import { isDecimalString, parseDecimal, sign, ZERO } from '../../decimal/core.js'
import type { Finding } from '../../findings/finding.js'
import type { ConversionResult } from '../types.js'
import { batteryPerPiece } from './battery-per-piece.js'
import { deepEqual, finish, isObject, type Json, loss, ptr, readSource, UUID } from './common.js'
import {
  CLASSIFICATION_URN,
  V2_DECLARED_UNITS,
  V2_NUMBERS,
  V2_ONLY_PCF,
  V2_STANDARDS,
  V2_TO_V3_PCF,
  V2_TOP,
  V3_PCF,
  V3_PCF_IN_FOOTPRINT,
  V3_TOP,
} from './fields.js'

/** Options of `toPact`. */
export interface ToPactOptions {
  /** The PACT Technical Specifications version to write: `3.0` (v3.0.3) or `2.3` (v2.3.3). */
  version: '3.0' | '2.3'
}

/** A PACT ProductFootprint (v3.0 or v2.3) as `toPact` writes it: a JSON object. */
export type ProductFootprint = Record<string, unknown>

const SUBJECT = '/credentialSubject'
const FOOTPRINT = `${SUBJECT}/footprint`

/** Passport members PACT has no field for (one loss each, at the member). */
const SUBJECT_NOT_CARRIED = [
  'lifeCycleTotals',
  'claims',
  'activityData',
  'components',
  'battery',
  'customs',
] as const
const FOOTPRINT_OURS = [
  'endOfLifeModelling',
  'circularFootprintFormula',
  'lifecycleStages',
  'scopeBreakdown',
] as const
const PRODUCT_NOT_CARRIED = [
  'manufacturingSite',
  'countryOfProduction',
  'granularity',
  'modelNumber',
  'batchNumber',
  'serialNumber',
] as const
const V3_ONLY_FOOTPRINT = V3_PCF_IN_FOOTPRINT.filter(
  (f) => !Object.values(V2_TO_V3_PCF).includes(f),
)
const V3_TO_V2_PCF = Object.fromEntries(Object.entries(V2_TO_V3_PCF).map(([v2, v3]) => [v3, v2]))

/** A deterministic UUID (v8 layout) from a string that is not a `urn:uuid:`. */
function uuidFor(value: string): string {
  const h = createHash('sha256').update(value).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`
}

const uuidOf = (iri: unknown): string | undefined => {
  if (typeof iri !== 'string') return undefined
  const m = /^urn:uuid:(.+)$/i.exec(iri)
  return m?.[1] !== undefined && UUID.test(m[1]) ? m[1] : undefined
}

/** Whether `list` has every member of `derived`. */
const covers = (list: unknown, derived: unknown[]): list is unknown[] =>
  Array.isArray(list) && derived.every((d) => list.some((l) => deepEqual(l, d)))

/**
 * Converts a passport to a WBCSD PACT ProductFootprint of the given version. Never throws; see
 * `toPact` in ./index.ts for the contract.
 */
export function convertToPact(
  passport: unknown,
  options: unknown,
): ConversionResult<ProductFootprint> {
  const losses: Finding[] = []
  const version = isObject(options) ? options.version : undefined
  if (version !== '3.0' && version !== '2.3') {
    return { losses: [loss('SOURCE_UNREADABLE', '', "options.version must be '3.0' or '2.3'")] }
  }
  const read = readSource(passport, 'passport')
  if (!read.ok) return { losses: read.losses }
  const credential = read.doc
  const subject = credential.credentialSubject
  if (!isObject(subject) || !isObject(subject.footprint) || !isObject(subject.product)) {
    return {
      losses: [
        loss(
          'SOURCE_UNREADABLE',
          SUBJECT,
          'the passport has no credentialSubject with a product and a footprint',
        ),
      ],
    }
  }
  const v2 = version === '2.3'
  let footprint = subject.footprint
  const product = subject.product
  const manufacturer = isObject(product.manufacturer) ? product.manufacturer : {}
  const pact = isObject(subject.pact) ? subject.pact : {}
  const verbatim = isObject(pact.verbatim) ? pact.verbatim : {}
  const verbatimPcf = isObject(verbatim.pcf) ? verbatim.pcf : {}
  const sourceMajor =
    typeof pact.specVersion === 'string' ? pact.specVersion.split('.')[0] : undefined
  const sameFamily = sourceMajor === (v2 ? '2' : '3')
  const out: Json = {}

  // id and specVersion
  const id = uuidOf(credential.id)
  if (id) out.id = id
  else {
    out.id = uuidFor(String(credential.id))
    losses.push(
      loss(
        'VALUE_CHANGED',
        '/id',
        `the passport id is not a urn:uuid:; PACT id ${String(out.id)} is derived from it`,
      ),
    )
  }
  if (typeof pact.specVersion === 'string' && sameFamily) out.specVersion = pact.specVersion
  else {
    out.specVersion = v2 ? '2.3.0' : '3.0.0'
    if (typeof pact.specVersion === 'string') {
      losses.push(
        loss(
          'VALUE_CHANGED',
          `${SUBJECT}/pact/specVersion`,
          `PACT ${String(pact.specVersion)} written as ${String(out.specVersion)}`,
        ),
      )
    }
  }
  if (Array.isArray(subject.precedingPassports)) {
    const ids: string[] = []
    subject.precedingPassports.forEach((p, i) => {
      const u = uuidOf(p)
      if (u) ids.push(u)
      else
        losses.push(
          loss(
            'FIELD_NOT_CARRIED',
            ptr('credentialSubject', 'precedingPassports', i),
            'PACT precedingPfIds are UUIDs; this preceding passport id is not a urn:uuid:',
          ),
        )
    })
    if (ids.length > 0) out.precedingPfIds = ids
  }
  if (v2) {
    if (typeof pact.version === 'number') out.version = pact.version
    else {
      out.version = 0
      losses.push(
        loss('TARGET_FIELD_DEFAULTED', `${SUBJECT}/pact/version`, 'PACT v2 version set to 0'),
      )
    }
  }
  out.created = credential.validFrom
  if (v2 && typeof pact.updated === 'string') out.updated = pact.updated
  if (typeof pact.status === 'string') out.status = pact.status
  else {
    out.status = 'Active'
    losses.push(
      loss('TARGET_FIELD_DEFAULTED', `${SUBJECT}/pact/status`, 'PACT status set to Active'),
    )
  }
  if (v2 && typeof pact.statusComment === 'string') out.statusComment = pact.statusComment
  for (const k of ['validityPeriodStart', 'validityPeriodEnd'] as const) {
    if (typeof pact[k] === 'string') out[k] = pact[k]
  }
  if (!v2)
    for (const k of ['updated', 'statusComment', 'version'] as const) {
      if (pact[k] !== undefined)
        losses.push(loss('FIELD_NOT_CARRIED', `${SUBJECT}/pact/${k}`, `PACT v3 has no ${k}`))
    }

  // company
  out.companyName = manufacturer.name
  let companyIds: unknown[] = pactCompanyIds(manufacturer)
  if (covers(verbatim.companyIds, companyIds) && verbatim.companyIds.length > 0)
    companyIds = verbatim.companyIds
  else if (companyIds.length === 0) {
    const fallback = `urn:pact:carbon-passport:company:${encodeURIComponent(String(manufacturer.id ?? manufacturer.name ?? 'unknown'))}`
    companyIds = [fallback]
    losses.push(
      loss(
        'TARGET_FIELD_DEFAULTED',
        `${SUBJECT}/product/manufacturer`,
        `no PACT company URN derives from the manufacturer (a DID maps to none); companyIds set to ${fallback}`,
      ),
    )
  } else if (typeof manufacturer.id === 'string' && !isPactUrn(manufacturer.id)) {
    losses.push(
      loss(
        'VALUE_CHANGED',
        `${SUBJECT}/product/manufacturer/id`,
        `the manufacturer id is not a URN; companyIds are ${companyIds.join(', ')}`,
      ),
    )
  }
  out.companyIds = companyIds

  // product
  out.productDescription = typeof product.description === 'string' ? product.description : ''
  if (typeof product.description !== 'string') {
    losses.push(
      loss(
        'TARGET_FIELD_DEFAULTED',
        `${SUBJECT}/product/description`,
        'PACT productDescription set to the empty string',
      ),
    )
  }
  let productIds: unknown[] = pactProductIds(product)
  if (Array.isArray(product.identifiers)) {
    product.identifiers.forEach((iri, i) => {
      if (isPactUrn(iri)) return
      const derived = pactProductIds({ identifiers: [iri] })
      losses.push(
        derived.length > 0
          ? loss(
              'VALUE_CHANGED',
              ptr('credentialSubject', 'product', 'identifiers', i),
              `written as the PACT product URN ${derived[0]}`,
            )
          : loss(
              'FIELD_NOT_CARRIED',
              ptr('credentialSubject', 'product', 'identifiers', i),
              'no PACT product URN derives from this identifier',
            ),
      )
    })
  }
  if (covers(verbatim.productIds, productIds) && verbatim.productIds.length > 0)
    productIds = verbatim.productIds
  else if (productIds.length === 0) {
    const derived = pactProductIds({ identifiers: [subject.id] })
    productIds =
      derived.length > 0
        ? derived
        : [`urn:pact:carbon-passport:product:${encodeURIComponent(String(subject.id))}`]
    losses.push(
      loss(
        'TARGET_FIELD_DEFAULTED',
        `${SUBJECT}/id`,
        `PACT productIds set to ${productIds.join(', ')}`,
      ),
    )
  }
  out.productIds = productIds
  const categoryCpc =
    typeof verbatim.productCategoryCpc === 'string' ? verbatim.productCategoryCpc : undefined
  const classifications = Array.isArray(product.classifications)
    ? product.classifications.filter(isObject)
    : []
  let urns = classifications
    .filter((c) => !(v2 && sameFamily && c.scheme === 'un-cpc' && c.code === categoryCpc))
    .map((c) => `${CLASSIFICATION_URN}${String(c.scheme)}:${String(c.code)}`)
  if (sameFamily && covers(verbatim.productClassifications, urns))
    urns = verbatim.productClassifications as string[]
  if (urns.length > 0) out.productClassifications = urns
  if (v2) {
    const cpc = categoryCpc ?? classifications.find((c) => c.scheme === 'un-cpc')?.code
    out.productCategoryCpc = typeof cpc === 'string' ? cpc : ''
    if (typeof cpc !== 'string')
      losses.push(
        loss(
          'TARGET_FIELD_DEFAULTED',
          `${SUBJECT}/product/classifications`,
          'PACT v2 productCategoryCpc set to the empty string (no UN CPC classification)',
        ),
      )
  }
  out.productNameCompany = product.name
  if (typeof footprint.comment === 'string') out.comment = footprint.comment
  else if (v2) {
    out.comment = ''
    losses.push(
      loss(
        'TARGET_FIELD_DEFAULTED',
        `${FOOTPRINT}/comment`,
        'PACT v2 comment set to the empty string',
      ),
    )
  }
  for (const k of PRODUCT_NOT_CARRIED) {
    if (product[k] !== undefined)
      losses.push(
        loss('FIELD_NOT_CARRIED', `${SUBJECT}/product/${k}`, `PACT has no field for product.${k}`),
      )
  }
  for (const k of ['country', 'partyIds'] as const) {
    if (manufacturer[k] !== undefined && !(k === 'partyIds' && companyIds.length > 0)) {
      losses.push(
        loss(
          'FIELD_NOT_CARRIED',
          `${SUBJECT}/product/manufacturer/${k}`,
          `PACT has no field for manufacturer.${k}`,
        ),
      )
    }
  }

  // pcf
  const pcf: Json = {}
  const perKwhBattery =
    subject.battery !== undefined && footprint.declaredUnitOfMeasurement === 'kilowatt hour'
  const restated = perKwhBattery
    ? batteryPerPiece(footprint, subject.battery, FOOTPRINT, losses)
    : footprint
  // Refused (no ratedEnergy): the error is among the losses, so there will be no result.
  footprint = restated ?? footprint
  const unit = footprint.declaredUnitOfMeasurement
  for (const f of V3_PCF_IN_FOOTPRINT) {
    const value = footprint[f]
    if (value === undefined) continue
    if (v2) {
      const name = V3_TO_V2_PCF[f]
      if (name === undefined) {
        losses.push(loss('FIELD_NOT_CARRIED', `${FOOTPRINT}/${f}`, `PACT v2 has no ${f}`))
        continue
      }
      if (V2_NUMBERS.has(name) && isDecimalString(value)) pcf[name] = Number(value)
      else pcf[name] = value
    } else pcf[f] = value
  }
  if (v2 && typeof unit === 'string' && !V2_DECLARED_UNITS.has(unit)) {
    const mass = footprint.productMassPerDeclaredUnit
    if (unit === 'piece' && isDecimalString(mass) && sign(parseDecimal(mass) ?? ZERO) > 0) {
      pcf.declaredUnit = 'kilogram'
      pcf.unitaryProductAmount = mass
      losses.push(
        loss(
          'VALUE_CHANGED',
          `${FOOTPRINT}/declaredUnitOfMeasurement`,
          `PACT v2 has no piece: the declared unit is written as ${mass} kilogram (the mass of one declared unit), the values per declared unit unchanged`,
        ),
      )
    } else {
      losses.push(
        loss(
          'SOURCE_FIELD_INVALID',
          `${FOOTPRINT}/declaredUnitOfMeasurement`,
          `PACT v2 has no declared unit ${unit}`,
        ),
      )
    }
  }
  if (footprint.systemBoundary !== undefined && footprint.systemBoundary !== 'cradle-to-gate') {
    losses.push(
      loss(
        'FIELD_NOT_CARRIED',
        `${FOOTPRINT}/systemBoundary`,
        'a PACT footprint is cradle to gate; the passport footprint’s boundary is not carried',
      ),
    )
  }
  for (const k of FOOTPRINT_OURS) {
    if (footprint[k] !== undefined)
      losses.push(
        loss('FIELD_NOT_CARRIED', `${FOOTPRINT}/${k}`, `PACT has no field for footprint.${k}`),
      )
  }
  const verification = isObject(subject.verification) ? subject.verification : undefined
  if (verification) {
    if (v2) {
      pcf.assurance = {
        assurance: true,
        providerName: verification.providerName,
        ...(verification.level === undefined ? {} : { level: verification.level }),
        ...(verification.completedAt === undefined
          ? {}
          : { completedAt: verification.completedAt }),
        ...(verification.standardName === undefined
          ? {}
          : { standardName: verification.standardName }),
        ...(verification.comment === undefined ? {} : { comments: verification.comment }),
      }
    } else {
      pcf.verification = {
        providerName: verification.providerName,
        completedAt: verification.completedAt,
        standardName: verification.standardName,
        ...(verification.comment === undefined ? {} : { comments: verification.comment }),
      }
    }
    for (const k of [
      'providerId',
      'notifiedBodyId',
      'certificateReference',
      'attestation',
      ...(v2 ? [] : ['level']),
    ]) {
      if (verification[k] !== undefined)
        losses.push(
          loss(
            'FIELD_NOT_CARRIED',
            `${SUBJECT}/verification/${k}`,
            `PACT has no field for verification.${k}`,
          ),
        )
    }
  }
  if (v2) v2Defaults(pcf, footprint, verbatimPcf, sameFamily, losses)
  // the members kept verbatim, where the target version has them
  if (sameFamily) {
    for (const [k, v] of Object.entries(verbatimPcf)) pcf[k] = v
    for (const [k, v] of Object.entries(verbatim)) {
      if (k === 'pcf' || k === 'companyIds' || k === 'productIds' || k === 'productClassifications')
        continue
      out[k] = v
    }
  } else {
    for (const k of Object.keys(verbatimPcf))
      losses.push(
        loss(
          'FIELD_NOT_CARRIED',
          ptr('credentialSubject', 'pact', 'verbatim', 'pcf', k),
          `a PACT v${sourceMajor} value PACT ${version} has no field for`,
        ),
      )
    for (const k of Object.keys(verbatim))
      if (k !== 'pcf' && !(v2 ? V2_TOP : V3_TOP).includes(k as never))
        losses.push(
          loss(
            'FIELD_NOT_CARRIED',
            ptr('credentialSubject', 'pact', 'verbatim', k),
            `a PACT v${sourceMajor} value PACT ${version} has no field for`,
          ),
        )
  }
  out.pcf = v2 ? orderLike(pcf, Object.keys(V2_TO_V3_PCF)) : orderLike(pcf, [...V3_PCF])
  if (Array.isArray(pact.extensions) && pact.extensions.length > 0) out.extensions = pact.extensions
  for (const k of SUBJECT_NOT_CARRIED) {
    if (subject[k] !== undefined)
      losses.push(loss('FIELD_NOT_CARRIED', `${SUBJECT}/${k}`, `PACT has no field for ${k}`))
  }
  for (const k of ['validUntil', 'credentialStatus'] as const) {
    if (credential[k] !== undefined)
      losses.push(loss('FIELD_NOT_CARRIED', `/${k}`, `PACT has no field for the credential's ${k}`))
  }
  return finish(out, losses)
}

/** v2 required CarbonFootprint members the passport may lack. */
function v2Defaults(
  pcf: Json,
  footprint: Json,
  kept: Json,
  same: boolean,
  losses: Finding[],
): void {
  const fill = (name: string, value: unknown, why: string, at = `${FOOTPRINT}`) => {
    if (pcf[name] !== undefined || (same && kept[name] !== undefined)) return
    pcf[name] = value
    losses.push(
      loss('TARGET_FIELD_DEFAULTED', at, `PACT v2 ${name} set to ${JSON.stringify(value)}: ${why}`),
    )
  }
  const factors = Array.isArray(footprint.ipccCharacterizationFactors)
    ? footprint.ipccCharacterizationFactors
    : []
  if (!(same && kept.characterizationFactors !== undefined)) {
    pcf.characterizationFactors =
      factors.includes('AR5') && !factors.includes('AR6') ? 'AR5' : 'AR6'
  }
  const standards = Array.isArray(footprint.crossSectoralStandards)
    ? footprint.crossSectoralStandards
    : []
  const back = Object.fromEntries(Object.entries(V2_STANDARDS).map(([v2, v3]) => [v3, v2]))
  const used =
    same && Array.isArray(kept.crossSectoralStandardsUsed)
      ? kept.crossSectoralStandardsUsed
      : undefined
  if (used === undefined) {
    pcf.crossSectoralStandardsUsed = standards
      .map((s) => back[String(s)])
      .filter((s) => s !== undefined)
  } else if (
    deepEqual(
      used.map((s) => V2_STANDARDS[String(s)]).filter((s) => s !== undefined),
      standards,
    )
  ) {
    // the v3 list was derived from the v2 one on the way in: v2.0 to v2.2 documents have no crossSectoralStandards
    delete pcf.crossSectoralStandards
  }
  fill(
    'biogenicCarbonContent',
    '0',
    'the passport has no biogenic carbon content',
    `${FOOTPRINT}/biogenicCarbonContent`,
  )
  fill(
    'boundaryProcessesDescription',
    '',
    'required by PACT v2',
    `${FOOTPRINT}/boundaryProcessesDescription`,
  )
  fill(
    'exemptedEmissionsDescription',
    '',
    'required by PACT v2',
    `${FOOTPRINT}/exemptedEmissionsDescription`,
  )
  fill(
    'packagingEmissionsIncluded',
    false,
    'the passport does not say',
    `${FOOTPRINT}/packagingEmissionsIncluded`,
  )
  void V2_ONLY_PCF
}

/** `obj` with its members in `order` first (the rest after, in their order). */
function orderLike(obj: Json, order: readonly string[]): Json {
  const out: Json = {}
  for (const k of order) if (obj[k] !== undefined) out[k] = obj[k]
  for (const [k, v] of Object.entries(obj)) if (!(k in out)) out[k] = v
  return out
}

void V3_ONLY_FOOTPRINT
