/**
 * `pact-v3`: the PACT Technical Specifications v3 SHALL fields and rules (wbcsd/data-exchange-protocol
 * spec/v3/openapi.yaml; research/pcf-models.md §A). The cross-field rules of §A.3 are in `core`.
 */

import { add, approxEqual, compare, decimalOf, formatDecimal, ZERO } from '../../decimal/core.js'
import { defineCodes } from '../../findings/define.js'
import { arr, obj, type RuleContext } from '../context.js'
import { PACT } from '../rules/sources.js'
import { pactCompanyIds, pactProductIds } from './pact-ids.js'

/** The codes these rules report. */
export const pactCodes = defineCodes({
  PACT_FIELD_REQUIRED: {
    severity: 'error',
    profiles: ['pact-v3'],
    title:
      'The fields PACT v3 makes mandatory (schema `required` or x-rule SHALL) are present: packagingEmissionsIncluded, ccsTechnologicalCO2CaptureIncluded, primaryDataShare, product identifiers (productIds), description, manufacturer id (companyIds); dqi when the reference period reaches 2027.',
    message: 'PACT v3 requires "{field}" ({detail}).',
    source: `${PACT} §ProductFootprint, §CarbonFootprint (x-rule SHALL, SHALL-2027)`,
  },
  PACT_ID_NOT_URN: {
    severity: 'warning',
    profiles: ['pact-v3'],
    title:
      'The product and the manufacturer can be named by PACT URNs (productIds, companyIds: RFC 8141). Mapping (pact-ids.ts): a URN stays as it is; a GS1 Digital Link GTIN (AI 01) becomes urn:gtin:{GTIN-13}; a party GLN (AI 417 or partyIds.gln) urn:pact:gs1.org:gln:{gln}; partyIds lei, uscc, eori, duns, bpn become urn:pact:gleif.org:lei:, urn:pact:samr.gov.cn:uscc:, urn:pact:taxation-customs.ec.europa.eu:eori:, urn:pact:dnb.com:duns:, urn:pact:catena-x.net:bpn: and the value (PACT v3 urn:pact:$domain-of-issuer$:$identifier-type$:$id$). A DID maps to nothing.',
    message:
      'PACT v3 {field} are URNs, but {detail} gives none; add a URN or a typed identifier that maps to one.',
    source: `${PACT} (companyIds, productIds: Urn, pattern ^([uU][rR][nN]):); PACT v3 §Product Identification (product identifier URNs)`,
  },
  PACT_FIELD_RECOMMENDED: {
    severity: 'info',
    profiles: ['pact-v3'],
    title: 'The fields PACT v3 marks SHOULD are present.',
    message: 'PACT v3 recommends "{field}" ({detail}).',
    source: `${PACT} §CarbonFootprint (x-rule SHOULD)`,
  },
  PACT_EXEMPTED_EMISSIONS_ABOVE_LIMIT: {
    severity: 'warning',
    profiles: ['pact-v3'],
    title: 'Exempted emissions are at most 5 % of the footprint.',
    message: 'exemptedEmissionsPercent is {actual} %; the PACT methodology allows at most 5 %.',
    source: `${PACT} (exemptedEmissionsPercent); PACT Methodology v3 §4.3 (exemptions)`,
  },
  PACT_VALIDITY_TOO_LONG: {
    severity: 'warning',
    profiles: ['pact-v3'],
    title: 'The validity ends at most 3 years after the reference period ends.',
    message:
      'The passport is valid until {actual}, more than 3 years after its reference period ends ({expected}).',
    source: `${PACT} (validityPeriodEnd ≤ referencePeriodEnd + 3 years)`,
  },
  PACT_PRODUCT_MASS_INCONSISTENT: {
    severity: 'error',
    profiles: ['pact-v3'],
    title:
      'productMassPerDeclaredUnit is 0 for energy, logistics and service declared units, and above 0 for a piece.',
    message:
      'productMassPerDeclaredUnit is {actual} but must be {expected} for the declared unit "{field}".',
    source: `${PACT} (productMassPerDeclaredUnit)`,
  },
  PACT_BOUNDARY_NOT_CRADLE_TO_GATE: {
    severity: 'error',
    profiles: ['pact-v3'],
    title:
      'The footprint (the PACT block) is cradle-to-gate, and lists no stage beyond the gate; totals beyond it go in lifeCycleTotals or the battery declarations.',
    message:
      'A PACT footprint is cradle-to-gate, but {field} is "{actual}"; move what lies beyond the gate to lifeCycleTotals.',
    source: `${PACT} (CarbonFootprint: cradle-to-gate); PACT Methodology v3 §3.2.3 (boundary)`,
  },
  PACT_PCF_COMPONENTS_MISMATCH: {
    severity: 'error',
    profiles: ['pact-v3'],
    title:
      'pcfExcludingBiogenicUptake = fossilGhgEmissions + landUseChangeGhgEmissions + landManagementBiogenicCO2Emissions + landManagementBiogenicCO2Removals + biogenicNonCO2Emissions + ccsTechnologicalCO2Capture + technologicalCO2Removals (absent fields count as 0; land-management fossil emissions are part of fossilGhgEmissions).',
    message:
      'The components add up to {expected} kgCO2e, but pcfExcludingBiogenicUptake is {actual}.',
    source: `${PACT} (pcfExcludingBiogenicUptake, x-comment)`,
  },
  PACT_BIO_FIELD_REQUIRED: {
    severity: 'error',
    profiles: ['pact-v3'],
    title:
      'When biogenic carbon applies (biogenic carbon content, uptake, land use change, biogenic emissions or packaging biogenic carbon above 0), the x-rule BIO fields are given, 0 where not applicable: biogenicCarbonContent, landUseChangeGhgEmissions, biogenicNonCO2Emissions, biogenicCO2Uptake; from reference periods reaching 2027 also landManagementFossilGhgEmissions and landManagementBiogenicCO2Emissions (BIO-2027).',
    message: 'PACT v3 requires "{field}" ({detail}); give 0 if it does not apply.',
    source: `${PACT} (x-rule BIO, BIO-2027)`,
  },
  PACT_PCF_INCLUDING_BIOGENIC_MISMATCH: {
    severity: 'error',
    profiles: ['pact-v3'],
    title: 'pcfIncludingBiogenicUptake = pcfExcludingBiogenicUptake + biogenicCO2Uptake.',
    message:
      'pcfExcludingBiogenicUptake + biogenicCO2Uptake = {expected}, but pcfIncludingBiogenicUptake is {actual}.',
    source: `${PACT} (pcfIncludingBiogenicUptake)`,
  },
})

const { report, reportAt } = pactCodes

const SHALL_FOOTPRINT: readonly [string, string][] = [
  ['packagingEmissionsIncluded', 'x-rule SHALL'],
  ['ccsTechnologicalCO2CaptureIncluded', 'x-rule SHALL'],
  ['primaryDataShare', 'x-rule SHALL'],
]

const SHOULD_FOOTPRINT: readonly [string, string][] = [
  ['boundaryProcessesDescription', 'x-rule SHOULD'],
  ['allocationRulesDescription', 'x-rule SHOULD'],
]

const YEAR_2027 = Date.UTC(2027, 0, 1)
const THREE_YEARS_MS = (3 * 365 + 1) * 86_400_000

/** Declared units of energy, logistics and services: the product mass per declared unit is 0. */
const MASSLESS_UNITS = new Set([
  'kilowatt hour',
  'megajoule',
  'ton kilometer',
  'hour',
  'megabit second',
])

export function pactRequiredFieldsRule(ctx: RuleContext): void {
  const f = obj(ctx.subject.footprint)
  const product = obj(ctx.subject.product)
  for (const [field, why] of SHALL_FOOTPRINT) {
    if (f[field] == null) {
      reportAt(ctx, 'PACT_FIELD_REQUIRED', `/footprint/${field}`, { field, detail: why })
    }
  }
  if (product.identifiers == null) {
    reportAt(ctx, 'PACT_FIELD_REQUIRED', '/product/identifiers', {
      field: 'identifiers',
      detail: 'productIds, mandatory',
    })
  }
  if (product.description == null) {
    reportAt(ctx, 'PACT_FIELD_REQUIRED', '/product/description', {
      field: 'description',
      detail: 'productDescription, mandatory',
    })
  }
  if (obj(product.manufacturer).id == null) {
    reportAt(ctx, 'PACT_FIELD_REQUIRED', '/product/manufacturer/id', {
      field: 'id',
      detail: 'companyIds, mandatory',
    })
  }
  const end = ctx.time(f.referencePeriodEnd)
  if (f.dqi == null) {
    if (end !== undefined && end > YEAR_2027) {
      reportAt(ctx, 'PACT_FIELD_REQUIRED', '/footprint/dqi', {
        field: 'dqi',
        detail: 'x-rule SHALL-2027: the reference period reaches into 2027',
      })
    } else {
      reportAt(ctx, 'PACT_FIELD_RECOMMENDED', '/footprint/dqi', {
        field: 'dqi',
        detail: 'x-rule SHALL-2027: mandatory for reference periods from 2027',
      })
    }
  }
  for (const [field, why] of SHOULD_FOOTPRINT) {
    if (f[field] == null) {
      reportAt(ctx, 'PACT_FIELD_RECOMMENDED', `/footprint/${field}`, { field, detail: why })
    }
  }
  if (f.packagingEmissionsIncluded === true && f.packagingGhgEmissions == null) {
    reportAt(ctx, 'PACT_FIELD_RECOMMENDED', '/footprint/packagingGhgEmissions', {
      field: 'packagingGhgEmissions',
      detail: 'x-rule SHOULD, as packaging emissions are included',
    })
  }
}

const FIVE = decimalOf(5n)

export function pactExemptedEmissionsRule(ctx: RuleContext): void {
  const value = obj(ctx.subject.footprint).exemptedEmissionsPercent
  const d = ctx.dec(value)
  if (d && compare(d, FIVE) > 0) {
    reportAt(ctx, 'PACT_EXEMPTED_EMISSIONS_ABOVE_LIMIT', '/footprint/exemptedEmissionsPercent', {
      expected: '5',
      actual: String(value),
    })
  }
}

export function pactValidityRule(ctx: RuleContext): void {
  const until = ctx.time(ctx.credential?.validUntil)
  const f = obj(ctx.subject.footprint)
  const end = ctx.time(f.referencePeriodEnd)
  if (until !== undefined && end !== undefined && until > end + THREE_YEARS_MS) {
    report(ctx.findings, 'PACT_VALIDITY_TOO_LONG', '/validUntil', {
      expected: String(f.referencePeriodEnd),
      actual: String(ctx.credential?.validUntil),
    })
  }
}

export function pactProductMassRule(ctx: RuleContext): void {
  const f = obj(ctx.subject.footprint)
  const unit = f.declaredUnitOfMeasurement
  const mass = ctx.dec(f.productMassPerDeclaredUnit)
  if (typeof unit !== 'string' || !mass) return
  const zero = compare(mass, ZERO) === 0
  if (MASSLESS_UNITS.has(unit) && !zero) {
    reportAt(ctx, 'PACT_PRODUCT_MASS_INCONSISTENT', '/footprint/productMassPerDeclaredUnit', {
      field: unit,
      expected: '0',
      actual: String(f.productMassPerDeclaredUnit),
    })
  } else if (unit === 'piece' && zero) {
    reportAt(ctx, 'PACT_PRODUCT_MASS_INCONSISTENT', '/footprint/productMassPerDeclaredUnit', {
      field: unit,
      expected: 'the mass of one piece in kg (above 0)',
      actual: String(f.productMassPerDeclaredUnit),
    })
  }
}

export function pactBiogenicRule(ctx: RuleContext): void {
  const f = obj(ctx.subject.footprint)
  const excluding = ctx.dec(f.pcfExcludingBiogenicUptake)
  const including = ctx.dec(f.pcfIncludingBiogenicUptake)
  const uptake = f.biogenicCO2Uptake == null ? ZERO : ctx.dec(f.biogenicCO2Uptake)
  if (!excluding || !including || !uptake) return
  const expected = add(excluding, uptake)
  if (!approxEqual(including, expected, ctx.tolerance)) {
    reportAt(ctx, 'PACT_PCF_INCLUDING_BIOGENIC_MISMATCH', '/footprint/pcfIncludingBiogenicUptake', {
      expected: formatDecimal(expected),
      actual: formatDecimal(including),
    })
  }
}

const BEYOND_GATE = new Set(['distribution', 'use', 'end-of-life'])

export function pactBoundaryRule(ctx: RuleContext): void {
  const f = obj(ctx.subject.footprint)
  const boundary = f.systemBoundary
  if (typeof boundary === 'string' && boundary !== 'cradle-to-gate') {
    reportAt(ctx, 'PACT_BOUNDARY_NOT_CRADLE_TO_GATE', '/footprint/systemBoundary', {
      field: 'systemBoundary',
      actual: boundary,
    })
    return
  }
  const stages = arr(f.lifecycleStages)
  for (let i = 0; i < stages.length; i++) {
    const stage = obj(stages[i]).stage
    if (typeof stage === 'string' && BEYOND_GATE.has(stage)) {
      reportAt(ctx, 'PACT_BOUNDARY_NOT_CRADLE_TO_GATE', `/footprint/lifecycleStages/${i}/stage`, {
        field: 'a life-cycle stage',
        actual: stage,
      })
    }
  }
}

/** The parts of pcfExcludingBiogenicUptake (PACT v3 x-comment). */
const PCF_COMPONENTS = [
  'fossilGhgEmissions',
  'landUseChangeGhgEmissions',
  'landManagementBiogenicCO2Emissions',
  'landManagementBiogenicCO2Removals',
  'biogenicNonCO2Emissions',
  'ccsTechnologicalCO2Capture',
  'technologicalCO2Removals',
] as const

export function pactComponentsRule(ctx: RuleContext): void {
  const f = obj(ctx.subject.footprint)
  const pcf = ctx.dec(f.pcfExcludingBiogenicUptake)
  if (!pcf) return
  let total = ZERO
  for (const field of PCF_COMPONENTS) {
    if (f[field] == null) continue
    const d = ctx.dec(f[field])
    if (!d) return
    total = add(total, d)
  }
  if (!approxEqual(pcf, total, ctx.tolerance)) {
    reportAt(ctx, 'PACT_PCF_COMPONENTS_MISMATCH', '/footprint/pcfExcludingBiogenicUptake', {
      expected: formatDecimal(total),
      actual: formatDecimal(pcf),
    })
  }
}

/** Fields whose non-zero value means biogenic carbon applies. */
const BIO_SIGNALS = [
  'biogenicCarbonContent',
  'biogenicCO2Uptake',
  'landUseChangeGhgEmissions',
  'biogenicNonCO2Emissions',
  'landManagementBiogenicCO2Emissions',
  'landManagementBiogenicCO2Removals',
  'packagingBiogenicCarbonContent',
] as const
const BIO_FIELDS = [
  'biogenicCarbonContent',
  'landUseChangeGhgEmissions',
  'biogenicNonCO2Emissions',
  'biogenicCO2Uptake',
] as const
const BIO_2027_FIELDS = ['landManagementFossilGhgEmissions', 'landManagementBiogenicCO2Emissions']

export function pactBioFieldsRule(ctx: RuleContext): void {
  const f = obj(ctx.subject.footprint)
  const applies = BIO_SIGNALS.some((field) => {
    const d = f[field] == null ? undefined : ctx.dec(f[field])
    return d !== undefined && compare(d, ZERO) !== 0
  })
  if (!applies) return
  for (const field of BIO_FIELDS) {
    if (f[field] == null) {
      reportAt(ctx, 'PACT_BIO_FIELD_REQUIRED', `/footprint/${field}`, {
        field,
        detail: 'x-rule BIO: biogenic carbon applies',
      })
    }
  }
  const end = ctx.time(f.referencePeriodEnd)
  if (end === undefined || end <= YEAR_2027) return
  for (const field of BIO_2027_FIELDS) {
    if (f[field] == null) {
      reportAt(ctx, 'PACT_BIO_FIELD_REQUIRED', `/footprint/${field}`, {
        field,
        detail:
          'x-rule BIO-2027: biogenic carbon applies and the reference period reaches into 2027',
      })
    }
  }
}

/** The manufacturer and the product map to at least one PACT URN each (when they are given). */
export function pactIdsRule(ctx: RuleContext): void {
  const product = obj(ctx.subject.product)
  const manufacturer = obj(product.manufacturer)
  // Without an id or party ids, PACT_FIELD_REQUIRED has already reported the manufacturer id.
  if (
    (manufacturer.id != null || manufacturer.partyIds != null) &&
    pactCompanyIds(manufacturer).length === 0
  ) {
    const at = manufacturer.id != null ? 'id' : 'partyIds'
    reportAt(ctx, 'PACT_ID_NOT_URN', `/product/manufacturer/${at}`, {
      field: 'companyIds',
      detail: 'neither the manufacturer id nor its partyIds',
    })
  }
  if (product.identifiers != null && pactProductIds(product).length === 0) {
    reportAt(ctx, 'PACT_ID_NOT_URN', '/product/identifiers', {
      field: 'productIds',
      detail: 'no product identifier (a URN or a GS1 Digital Link GTIN)',
    })
  }
}

export const pactRules = [
  pactRequiredFieldsRule,
  pactIdsRule,
  pactExemptedEmissionsRule,
  pactValidityRule,
  pactProductMassRule,
  pactBiogenicRule,
  pactBoundaryRule,
  pactComponentsRule,
  pactBioFieldsRule,
] as const
