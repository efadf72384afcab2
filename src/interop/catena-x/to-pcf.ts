/** `toCatenaX`: a passport as an `io.catenax.pcf` 9.0.0 or 10.0.0 document. */
import { createHash } from 'node:crypto'
import { isObject } from '../../json.js'
import { at, convertSafely, type Losses, numberOf, readPassport } from '../source.js'
import type { ConversionResult } from '../types.js'
import { CARBON_CONTENT_FIELDS, FAILURE, PRODUCTION_FIELDS } from './shared.js'

/** The `io.catenax.pcf` versions `toCatenaX` writes. */
export type CatenaXPcfVersion = '9.0.0' | '10.0.0'

/** Options of {@link toCatenaX}. */
export interface ToCatenaXOptions {
  /** The `io.catenax.pcf` version to write. */
  version: CatenaXPcfVersion
}

/**
 * An `io.catenax.pcf` 9.0.0 / 10.0.0 document as `toCatenaX` writes it: every group is a list of
 * one object, as the SAMM model has it; numbers are JSON numbers.
 */
export interface CatenaXPcf {
  /** The PCF's comment and legal statement. */
  general?: {
    /** Free text. */
    comment?: string
    /** The legal statement of the PCF. */
    pcfLegalStatement?: string
  }[]
  /** Fossil, biogenic and recycled carbon content (kg C per declared unit). */
  carbonContent: Record<string, number>[]
  /** The attestation of conformance (10.0.0): its type and link, from the passport's verification. */
  attestationOfConformance?: Record<string, string>[]
  /** The emissions by life-cycle stage. */
  productLifeCycleStagesAndEmissions: {
    /** Cradle-to-gate emissions and their fossil, biogenic and land-use parts (PACT names). */
    productionStage: Record<string, number>[]
    /** Packaging emissions and whether they are included. */
    packagingStage?: Record<string, number | boolean>[]
    /** Distribution (outbound logistics) emissions and whether they are included. */
    distributionStage?: Record<string, number | boolean>[]
  }[]
  /** How the PCF was assessed. */
  pcfAssessmentAndMethodology: {
    /** Data quality ratings and the primary data share. */
    dataSourcesAndQuality?: Record<string, number | string[]>[]
    /** Standards, product rules, characterization factors, allocation and exemptions. */
    pcfMethodology: Record<string, Record<string, unknown>[]>[]
    /** The declared unit, reference period and geography. */
    pcfAssessmentInformation: Record<string, Record<string, unknown>[]>[]
  }[]
  /** What the PCF covers and the specification version. */
  scopeOfPcfForm: {
    /** The boundary. */
    partialFullPcf: 'Cradle-to-gate' | 'Cradle-to-grave'
    /** The Catena-X PCF specification version(s). */
    specVersion: string | string[]
  }[]
  /** The product and the company that made it. */
  companyAndProductInformation: {
    /** Product ids, name, description and classifications. */
    productInformation: Record<string, unknown>[]
    /** The company. */
    companyInformation: {
      /** The company's name. */
      companyName: string
      /** The company's ids (URNs: BPN, PACT). */
      companyIds: string[]
    }[]
  }[]
}

const TARGET = 'Catena-X io.catenax.pcf'

/** Passport footprint members `toCatenaX` carries. */
const FOOTPRINT_CARRIED = new Set<string>([
  ...PRODUCTION_FIELDS,
  ...CARBON_CONTENT_FIELDS,
  'declaredUnitOfMeasurement',
  'declaredUnitAmount',
  'productMassPerDeclaredUnit',
  'referencePeriodStart',
  'referencePeriodEnd',
  'geographyRegionOrSubregion',
  'geographyCountry',
  'geographyCountrySubdivision',
  'boundaryProcessesDescription',
  'packagingEmissionsIncluded',
  'packagingGhgEmissions',
  'outboundLogisticsGhgEmissions',
  'ccsTechnologicalCO2CaptureIncluded',
  'ipccCharacterizationFactors',
  'crossSectoralStandards',
  'productOrSectorSpecificRules',
  'secondaryEmissionFactorSources',
  'exemptedEmissionsPercent',
  'exemptedEmissionsDescription',
  'allocationRulesDescription',
  'primaryDataShare',
  'dqi',
  'systemBoundary',
  'comment',
])
const PRODUCT_CARRIED = new Set([
  'name',
  'description',
  'identifiers',
  'classifications',
  'manufacturer',
])
const SUBJECT_CARRIED = new Set([
  'id',
  'type',
  'product',
  'footprint',
  'precedingPassports',
  'verification',
])
const CREDENTIAL_CARRIED = new Set([
  '@context',
  'type',
  'credentialSchema',
  'credentialSubject',
  'id',
  'validFrom',
  'validUntil',
])

const CLASSIFICATION_URN = 'urn:pact:productclassification:'

/** A JSON number of a Decimal string for the target (VALUE_CHANGED when a double cannot hold it). */
function numOut(value: unknown, path: string, losses: Losses): number | undefined {
  if (typeof value !== 'string') return undefined
  const n = numberOf(value)
  if (!n) {
    losses.invalid(path, `${String(value)} is not a Decimal string; it is not carried.`, 'warning')
    return undefined
  }
  if (n.changed)
    losses.changed(path, `${value} has more digits than a JSON double holds; it became ${n.value}.`)
  return n.value
}

/** A deterministic `urn:uuid:` (v4 layout) of a value, for a document that has no id of its own. */
function uuidOf(value: unknown): string {
  const h = createHash('sha256').update(JSON.stringify(value)).digest('hex')
  const variant = ((Number.parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16)
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

const plusYears = (dateTime: string, years: number): string | undefined => {
  const d = new Date(dateTime)
  if (Number.isNaN(d.getTime())) return undefined
  d.setUTCFullYear(d.getUTCFullYear() + years)
  return d.toISOString().replace('.000Z', 'Z')
}

/**
 * Converts a passport (a credential, as object, JSON text or vc+jwt; or a bare credential subject)
 * into an `io.catenax.pcf` document of `options.version` (9.0.0 or 10.0.0). The footprint's PACT
 * fields go to their Catena-X groups as JSON numbers; the credential id, `validFrom` and
 * `validUntil` become the PCF id, `created` / `validityPeriodStart` and `validityPeriodEnd`; the
 * verification becomes `attestationOfConformance`. 10.0.0 differs in writing `specVersion`,
 * `crossSectoralStandards` (one string: the first standard; the others are FIELD_NOT_CARRIED) and
 * `precedingPfIds` (9.0.0 has no field to hold the ids). Required fields the passport lacks are
 * filled and reported as TARGET_FIELD_DEFAULTED (`retroOrProspectivePcfType`, a region when only a
 * country is known, the validity end); everything else is FIELD_NOT_CARRIED at its pointer.
 * Never throws.
 */
export function toCatenaX(
  passport: unknown,
  options: ToCatenaXOptions,
): ConversionResult<CatenaXPcf> {
  return convertSafely(FAILURE, (losses) => {
    const version = isObject(options) ? options.version : undefined
    if (version !== '9.0.0' && version !== '10.0.0') {
      losses.unreadable(
        '',
        `The version ${JSON.stringify(version)} is not one toCatenaX writes (9.0.0, 10.0.0).`,
      )
      return { losses: losses.list }
    }
    const source = readPassport(passport, losses)
    if (!source) return { losses: losses.list }
    const { credential, subject, base } = source
    if (credential) {
      for (const key of Object.keys(credential)) {
        if (!CREDENTIAL_CARRIED.has(key))
          losses.notCarried(`/${key}`, `${TARGET} has no place for the credential's \`${key}\`.`)
      }
    }
    for (const key of Object.keys(subject)) {
      if (!SUBJECT_CARRIED.has(key))
        losses.notCarried(at(base, key), `${TARGET} has no place for \`${key}\`.`)
    }
    const fp = isObject(subject.footprint) ? subject.footprint : undefined
    const product = isObject(subject.product) ? subject.product : undefined
    if (!fp || !product) {
      losses.invalid(
        at(base, fp ? 'product' : 'footprint'),
        `The passport has no ${fp ? 'product' : 'footprint'}; ${TARGET} needs one.`,
      )
      return { losses: losses.list }
    }
    const fpBase = at(base, 'footprint')
    for (const key of Object.keys(fp)) {
      if (!FOOTPRINT_CARRIED.has(key))
        losses.notCarried(at(fpBase, key), `${TARGET} has no place for \`${key}\`.`)
    }
    const n = (key: string): number | undefined => numOut(fp[key], at(fpBase, key), losses)

    // Production stage and carbon content.
    const production: Record<string, number> = {}
    for (const key of PRODUCTION_FIELDS) {
      const v = n(key)
      if (v !== undefined) production[key] = v
    }
    const carbon: Record<string, number> = {}
    for (const key of CARBON_CONTENT_FIELDS) {
      const v = n(key)
      if (v !== undefined) carbon[key] = v
    }
    const stages: CatenaXPcf['productLifeCycleStagesAndEmissions'][number] = {
      productionStage: [production],
    }
    if (typeof fp.packagingEmissionsIncluded === 'boolean') {
      const packaging: Record<string, number | boolean> = {
        packagingEmissionsIncluded: fp.packagingEmissionsIncluded,
      }
      const v = n('packagingGhgEmissions')
      if (v !== undefined) packaging.packagingPcfExcludingBiogenicUptake = v
      stages.packagingStage = [packaging]
    } else if (fp.packagingGhgEmissions !== undefined) {
      losses.notCarried(
        at(fpBase, 'packagingGhgEmissions'),
        'packagingGhgEmissions without packagingEmissionsIncluded is not carried.',
      )
    }
    const outbound = n('outboundLogisticsGhgEmissions')
    if (outbound !== undefined) {
      stages.distributionStage = [
        { distributionStagePcfExcludingBiogenicUptake: outbound, distributionStageIncluded: false },
      ]
    }

    // Methodology.
    const standards: Record<string, unknown> = {}
    const css = Array.isArray(fp.crossSectoralStandards)
      ? fp.crossSectoralStandards.filter((s): s is string => typeof s === 'string')
      : []
    if (version === '9.0.0') standards.crossSectoralStandards = css
    else {
      if (css[0] !== undefined) standards.crossSectoralStandards = css[0]
      css.slice(1).forEach((_, i) => {
        losses.notCarried(
          at(fpBase, 'crossSectoralStandards', i + 1),
          'io.catenax.pcf 10.0.0 holds one cross-sectoral standard; only the first is carried.',
        )
      })
    }
    const rules: string[] = []
    if (Array.isArray(fp.productOrSectorSpecificRules)) {
      fp.productOrSectorSpecificRules.forEach((r, i) => {
        if (!isObject(r)) return
        if (Array.isArray(r.ruleNames))
          rules.push(...r.ruleNames.filter((x): x is string => typeof x === 'string'))
        for (const key of ['operator', 'otherOperatorName']) {
          if (r[key] !== undefined) {
            losses.notCarried(
              at(fpBase, 'productOrSectorSpecificRules', i, key),
              `${TARGET} lists rule names only; \`${key}\` is not carried.`,
            )
          }
        }
      })
    }
    standards.productOrSectorSpecificRules = rules
    const methodology: Record<string, Record<string, unknown>[]> = { standards: [standards] }
    const ipcc = Array.isArray(fp.ipccCharacterizationFactors) ? fp.ipccCharacterizationFactors : []
    if (typeof ipcc[0] === 'string') {
      methodology.gwpCharacterizationFactorDetails = [{ ipccCharacterizationFactors: ipcc[0] }]
      ipcc.slice(1).forEach((_, i) => {
        losses.notCarried(
          at(fpBase, 'ipccCharacterizationFactors', i + 1),
          `${TARGET} holds one IPCC assessment report; only the first is carried.`,
        )
      })
    }
    if (typeof fp.allocationRulesDescription === 'string') {
      methodology.allocationInForeground = [
        { allocationRulesDescription: fp.allocationRulesDescription },
      ]
    }
    const quality: Record<string, number | string[]> = {}
    const share = n('primaryDataShare')
    if (share !== undefined) quality.primaryDataShare = share
    if (Array.isArray(fp.secondaryEmissionFactorSources)) {
      quality.secondaryEmissionFactorSources = fp.secondaryEmissionFactorSources
        .filter(isObject)
        .map((s) => [s.name, s.version].filter((x) => typeof x === 'string' && x !== '').join(' '))
    }
    if (isObject(fp.dqi)) {
      for (const key of ['technologicalDQR', 'geographicalDQR', 'temporalDQR']) {
        const v = numOut(fp.dqi[key], at(fpBase, 'dqi', key), losses)
        if (v !== undefined) quality[key] = v
      }
    }

    // Assessment information.
    const technology: Record<string, unknown> = {}
    if (typeof fp.ccsTechnologicalCO2CaptureIncluded === 'boolean') {
      technology.ccsTechnologicalCO2CaptureIncluded = fp.ccsTechnologicalCO2CaptureIncluded
    } else {
      technology.ccsTechnologicalCO2CaptureIncluded = false
      losses.defaulted(
        at(fpBase, 'ccsTechnologicalCO2CaptureIncluded'),
        `${TARGET} requires ccsTechnologicalCO2CaptureIncluded; false was written.`,
      )
    }
    if (typeof fp.boundaryProcessesDescription === 'string')
      technology.boundaryProcessesDescription = fp.boundaryProcessesDescription
    const boundary: Record<string, unknown> = {}
    const exempted = n('exemptedEmissionsPercent')
    if (exempted !== undefined) boundary.exemptedEmissionsPercent = exempted
    if (typeof fp.exemptedEmissionsDescription === 'string')
      boundary.exemptedEmissionsDescription = fp.exemptedEmissionsDescription
    const time: Record<string, unknown> = {
      referencePeriodStart: fp.referencePeriodStart,
      referencePeriodEnd: fp.referencePeriodEnd,
    }
    const validFrom =
      credential && typeof credential.validFrom === 'string' ? credential.validFrom : undefined
    if (validFrom) {
      time.created = validFrom
      time.validityPeriodStart = validFrom
    } else {
      time.created = fp.referencePeriodEnd
      losses.defaulted(
        at(fpBase, 'referencePeriodEnd'),
        `${TARGET} requires \`created\`; without a credential validFrom the reference period end was written.`,
      )
    }
    const validUntil =
      credential && typeof credential.validUntil === 'string' ? credential.validUntil : undefined
    if (validUntil) time.validityPeriodEnd = validUntil
    else {
      const end =
        typeof fp.referencePeriodEnd === 'string' ? plusYears(fp.referencePeriodEnd, 3) : undefined
      if (end) time.validityPeriodEnd = end
      losses.defaulted(
        credential ? '/validUntil' : at(fpBase, 'referencePeriodEnd'),
        `${TARGET} requires validityPeriodEnd; the passport has no validUntil, so the PACT default (reference period end + 3 years, ${String(end)}) was written.`,
      )
    }
    const geography: Record<string, unknown> = {}
    if (typeof fp.geographyRegionOrSubregion === 'string')
      geography.geographyRegionOrSubregion = fp.geographyRegionOrSubregion
    else {
      geography.geographyRegionOrSubregion = 'Global'
      losses.defaulted(
        fpBase,
        `${TARGET} requires geographyRegionOrSubregion; the footprint has none, so "Global" was written beside the country.`,
      )
    }
    if (typeof fp.geographyCountry === 'string') geography.geographyCountry = fp.geographyCountry
    if (typeof fp.geographyCountrySubdivision === 'string')
      geography.geographyCountrySubdivision = fp.geographyCountrySubdivision
    let id = credential && typeof credential.id === 'string' ? credential.id : undefined
    if (
      !id ||
      !/^(urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(
        id,
      )
    ) {
      const made = uuidOf(subject)
      losses.defaulted(
        credential ? '/id' : base,
        `${TARGET} requires a UUID id; ${id ? `${id} is not one, so` : 'there is none, so'} ${made} (derived from the subject) was written.`,
      )
      id = made
    }
    const idAndVersion: Record<string, unknown> = {
      id,
      version: 0,
      status: 'Active',
      retroOrProspectivePcfType: 'Retrospective PCF',
    }
    losses.defaulted(
      base || '/',
      `${TARGET} requires retroOrProspectivePcfType; a passport states a measured footprint, so "Retrospective PCF" was written.`,
    )
    if (Array.isArray(subject.precedingPassports) && subject.precedingPassports.length > 0) {
      if (version === '10.0.0') idAndVersion.precedingPfIds = subject.precedingPassports
      else
        losses.notCarried(
          at(base, 'precedingPassports'),
          'io.catenax.pcf 9.0.0 precedingPfIds entries have no id property; the preceding passports are not carried.',
        )
    }
    const assessment: Record<string, Record<string, unknown>[]> = {
      technology: [technology],
      boundarySpecifications: [boundary],
      time: [time],
      geography: [geography],
      idAndVersion: [idAndVersion],
    }

    // Scope.
    let partialFullPcf: 'Cradle-to-gate' | 'Cradle-to-grave' = 'Cradle-to-gate'
    if (fp.systemBoundary === 'cradle-to-grave') partialFullPcf = 'Cradle-to-grave'
    else if (fp.systemBoundary === 'cradle-to-grave-excluding-use') {
      partialFullPcf = 'Cradle-to-grave'
      losses.changed(
        at(fpBase, 'systemBoundary'),
        'cradle-to-grave-excluding-use was written as Cradle-to-grave, the nearest Catena-X has.',
      )
    } else if (fp.systemBoundary === 'gate-to-gate') {
      losses.changed(
        at(fpBase, 'systemBoundary'),
        'gate-to-gate was written as Cradle-to-gate, the nearest Catena-X has.',
      )
    }

    // Company and product.
    const pBase = at(base, 'product')
    for (const key of Object.keys(product)) {
      if (!PRODUCT_CARRIED.has(key))
        losses.notCarried(at(pBase, key), `${TARGET} has no place for \`${key}\`.`)
    }
    const unit = fp.declaredUnitOfMeasurement
    if (unit === 'megabit second') {
      losses.invalid(
        at(fpBase, 'declaredUnitOfMeasurement'),
        'Catena-X has "megabit" and "second" but no "megabit second".',
      )
    }
    const productInformation: Record<string, unknown> = {
      declaredUnitOfMeasurement: unit,
      productNameCompany: product.name,
      productIds:
        Array.isArray(product.identifiers) && product.identifiers.length > 0
          ? product.identifiers
          : [subject.id],
      declaredUnitAmount: n('declaredUnitAmount'),
      productMassPerDeclaredUnit: n('productMassPerDeclaredUnit'),
    }
    if (Array.isArray(product.classifications)) {
      productInformation.productClassifications = product.classifications
        .filter(isObject)
        .map((c) => `${CLASSIFICATION_URN}${String(c.scheme)}:${String(c.code)}`)
    }
    if (typeof product.description === 'string')
      productInformation.productDescription = product.description
    const manufacturer = isObject(product.manufacturer) ? product.manufacturer : {}
    const companyIds: string[] = []
    if (typeof manufacturer.id === 'string') companyIds.push(manufacturer.id)
    const partyIds = isObject(manufacturer.partyIds) ? manufacturer.partyIds : {}
    if (typeof partyIds.bpn === 'string') companyIds.push(`urn:${partyIds.bpn}`)
    for (const key of Object.keys(manufacturer)) {
      if (key !== 'id' && key !== 'name' && key !== 'partyIds')
        losses.notCarried(
          at(pBase, 'manufacturer', key),
          `${TARGET} has no place for the manufacturer's \`${key}\`.`,
        )
    }
    for (const key of Object.keys(partyIds)) {
      if (key !== 'bpn')
        losses.notCarried(
          at(pBase, 'manufacturer', 'partyIds', key),
          `${TARGET} company ids carry the BPNL only.`,
        )
    }
    if (companyIds.length === 0) {
      losses.invalid(
        at(pBase, 'manufacturer'),
        `${TARGET} requires company ids; the manufacturer has neither an id nor a BPN.`,
      )
    }

    // Verification.
    let attestation: Record<string, string>[] | undefined
    if (isObject(subject.verification)) {
      const v = subject.verification
      const vBase = at(base, 'verification')
      const a: Record<string, string> = { attestationType: 'Product Verification' }
      if (typeof v.providerName === 'string') a.providerName = v.providerName
      if (typeof v.providerId === 'string') a.providerId = v.providerId
      if (typeof v.standardName === 'string') a.standardName = v.standardName
      if (typeof v.completedAt === 'string') a.completedAt = v.completedAt
      if (isObject(v.attestation) && typeof v.attestation.id === 'string')
        a.attestationOfConformanceLink = v.attestation.id
      for (const key of Object.keys(v)) {
        if (
          !['providerName', 'providerId', 'standardName', 'completedAt', 'attestation'].includes(
            key,
          )
        ) {
          losses.notCarried(
            at(vBase, key),
            `${TARGET} attestationOfConformance has no place for \`${key}\`.`,
          )
        }
      }
      if (isObject(v.attestation) && v.attestation.digestMultibase !== undefined) {
        losses.notCarried(
          at(vBase, 'attestation', 'digestMultibase'),
          'attestationOfConformance links its attestation without a digest.',
        )
      }
      attestation = [a]
    }

    if (losses.failed) return { losses: losses.list }
    const general: { comment?: string }[] =
      typeof fp.comment === 'string' ? [{ comment: fp.comment }] : []
    const result: CatenaXPcf = {
      ...(general.length > 0 ? { general } : {}),
      carbonContent: [carbon],
      ...(attestation ? { attestationOfConformance: attestation } : {}),
      productLifeCycleStagesAndEmissions: [stages],
      pcfAssessmentAndMethodology: [
        {
          ...(Object.keys(quality).length > 0 ? { dataSourcesAndQuality: [quality] } : {}),
          pcfMethodology: [methodology],
          pcfAssessmentInformation: [assessment],
        },
      ],
      scopeOfPcfForm: [
        {
          partialFullPcf,
          specVersion:
            version === '9.0.0'
              ? ['urn:io.catenax.pcf:datamodel:version:9.0.0']
              : 'urn:io.catenax.pcf:datamodel:version:10.0.0',
        },
      ],
      companyAndProductInformation: [
        {
          productInformation: [productInformation],
          companyInformation: [{ companyName: String(manufacturer.name ?? ''), companyIds }],
        },
      ],
    }
    return { result, losses: losses.list }
  })
}
