/** `io.catenax.pcf` 9.0.0 / 10.0.0 to a passport draft (what `fromCatenaX` reads for the PCF aspect). */
import { isObject, type Json } from '../../json.js'
import {
  at,
  draftCredential,
  draftResult,
  isIri,
  type Losses,
  reportUnknown,
  text,
} from '../source.js'
import type { ConversionResult, PassportCredentialDraft } from '../types.js'
import {
  CARBON_CONTENT_FIELDS,
  dec,
  emissionFactorSource,
  one,
  PRODUCTION_FIELDS,
} from './shared.js'

/** Our cross-sectoral standard codes (PACT v3) and the spellings Catena-X documents use. */
const STANDARD_SPELLINGS: Record<string, string> = {
  'iso 14067': 'ISO14067',
  'iso 14083': 'ISO14083',
  'iso 14044': 'ISO14040-44',
  'iso 14040-44': 'ISO14040-44',
  'iso 14040/44': 'ISO14040-44',
  'ghg protocol product standard': 'GHGP-Product',
  'ghg protocol product': 'GHGP-Product',
  'pas 2050': 'PAS2050',
}

const REGIONS_NOT_CARRIED = new Set(['Global', 'Several'])

/** The conversion of an `io.catenax.pcf` document already read (see `fromCatenaX`). */
export function fromPcf(doc: Json, losses: Losses): ConversionResult<PassportCredentialDraft> {
  reportUnknown(
    doc,
    '',
    [
      'general',
      'carbonContent',
      'attestationOfConformance',
      'productLifeCycleStagesAndEmissions',
      'pcfAssessmentAndMethodology',
      'scopeOfPcfForm',
      'companyAndProductInformation',
    ],
    losses,
    'A passport',
  )
  const credential = draftCredential()
  const fp: Json = {}
  const product: Json = {}
  const subject: Json = { type: 'CarbonPassport' }
  const take = (
    obj: Json,
    path: string,
    keys: readonly string[],
    into: Json,
    rename: Record<string, string> = {},
  ) => {
    for (const key of keys) {
      const d = dec(obj, key, path, losses)
      if (d !== undefined) into[rename[key] ?? key] = d
    }
  }

  const general = one(doc, 'general', '', losses)
  if (general) {
    reportUnknown(general.value, general.path, ['comment'], losses, 'A passport')
    if (typeof general.value.comment === 'string') fp.comment = general.value.comment
  }
  const carbon = one(doc, 'carbonContent', '', losses)
  if (carbon) {
    reportUnknown(carbon.value, carbon.path, CARBON_CONTENT_FIELDS, losses, 'A passport')
    take(carbon.value, carbon.path, CARBON_CONTENT_FIELDS, fp)
  }
  const attestation = one(doc, 'attestationOfConformance', '', losses)
  if (attestation) {
    const a = attestation.value
    reportUnknown(
      a,
      attestation.path,
      ['providerName', 'providerId', 'standardName', 'completedAt', 'attestationOfConformanceLink'],
      losses,
      'A passport verification',
    )
    const v: Json = {}
    if (typeof a.providerName === 'string') v.providerName = a.providerName
    if (isIri(a.providerId)) v.providerId = a.providerId
    else if (a.providerId !== undefined)
      losses.notCarried(
        at(attestation.path, 'providerId'),
        'providerId is not an IRI; it is not carried.',
      )
    if (typeof a.standardName === 'string') v.standardName = a.standardName
    if (typeof a.completedAt === 'string') v.completedAt = a.completedAt
    if (a.attestationOfConformanceLink !== undefined) {
      losses.notCarried(
        at(attestation.path, 'attestationOfConformanceLink'),
        "A passport links the verifier's attestation by id and digest; the Catena-X link has no digest, so it is not carried.",
      )
    }
    subject.verification = v
  }
  const life = one(doc, 'productLifeCycleStagesAndEmissions', '', losses)
  if (life) {
    reportUnknown(
      life.value,
      life.path,
      ['productionStage', 'packagingStage', 'distributionStage'],
      losses,
      'A passport',
    )
    const production = one(life.value, 'productionStage', life.path, losses)
    if (production) {
      reportUnknown(
        production.value,
        production.path,
        PRODUCTION_FIELDS,
        losses,
        'A passport footprint',
      )
      take(production.value, production.path, PRODUCTION_FIELDS, fp)
    }
    const packaging = one(life.value, 'packagingStage', life.path, losses)
    if (packaging) {
      reportUnknown(
        packaging.value,
        packaging.path,
        ['packagingEmissionsIncluded', 'packagingPcfExcludingBiogenicUptake'],
        losses,
        'A passport footprint',
      )
      if (typeof packaging.value.packagingEmissionsIncluded === 'boolean')
        fp.packagingEmissionsIncluded = packaging.value.packagingEmissionsIncluded
      take(packaging.value, packaging.path, ['packagingPcfExcludingBiogenicUptake'], fp, {
        packagingPcfExcludingBiogenicUptake: 'packagingGhgEmissions',
      })
    }
    const distribution = one(life.value, 'distributionStage', life.path, losses)
    if (distribution) {
      reportUnknown(
        distribution.value,
        distribution.path,
        ['distributionStagePcfExcludingBiogenicUptake', 'distributionStageIncluded'],
        losses,
        'A passport footprint',
      )
      take(
        distribution.value,
        distribution.path,
        ['distributionStagePcfExcludingBiogenicUptake'],
        fp,
        { distributionStagePcfExcludingBiogenicUptake: 'outboundLogisticsGhgEmissions' },
      )
      if (distribution.value.distributionStageIncluded === true) {
        losses.notCarried(
          at(distribution.path, 'distributionStageIncluded'),
          'The passport footprint is cradle to gate: that the PCF includes distribution is not carried.',
        )
      }
    }
  }
  const pam = one(doc, 'pcfAssessmentAndMethodology', '', losses)
  if (pam) {
    reportUnknown(
      pam.value,
      pam.path,
      ['dataSourcesAndQuality', 'pcfMethodology', 'pcfAssessmentInformation'],
      losses,
      'A passport',
    )
    const q = one(pam.value, 'dataSourcesAndQuality', pam.path, losses)
    if (q) readQuality(q.value, q.path, fp, losses)
    const m = one(pam.value, 'pcfMethodology', pam.path, losses)
    if (m) readMethodology(m.value, m.path, fp, losses)
    const info = one(pam.value, 'pcfAssessmentInformation', pam.path, losses)
    if (info) readAssessment(info.value, info.path, fp, subject, credential, losses)
  }
  const scope = one(doc, 'scopeOfPcfForm', '', losses)
  if (scope) {
    reportUnknown(scope.value, scope.path, ['partialFullPcf', 'specVersion'], losses, 'A passport')
    const p = scope.value.partialFullPcf
    if (p === 'Cradle-to-gate') fp.systemBoundary = 'cradle-to-gate'
    else if (p === 'Cradle-to-grave') fp.systemBoundary = 'cradle-to-grave'
    else if (p !== undefined)
      losses.invalid(
        at(scope.path, 'partialFullPcf'),
        'partialFullPcf is neither Cradle-to-gate nor Cradle-to-grave.',
        'warning',
      )
  }
  const cpi = one(doc, 'companyAndProductInformation', '', losses)
  if (cpi) {
    reportUnknown(
      cpi.value,
      cpi.path,
      ['productInformation', 'companyInformation'],
      losses,
      'A passport',
    )
    const pi = one(cpi.value, 'productInformation', cpi.path, losses)
    if (pi) {
      const p = pi.value
      reportUnknown(
        p,
        pi.path,
        [
          'declaredUnitOfMeasurement',
          'productNameCompany',
          'productIds',
          'declaredUnitAmount',
          'productMassPerDeclaredUnit',
          'productClassifications',
          'productDescription',
        ],
        losses,
        'A passport',
      )
      const unit = p.declaredUnitOfMeasurement
      if (unit === 'megabit' || unit === 'second') {
        losses.notCarried(
          at(pi.path, 'declaredUnitOfMeasurement'),
          `A passport has "megabit second" but no "${unit}"; the declared unit is not carried.`,
        )
      } else if (typeof unit === 'string') fp.declaredUnitOfMeasurement = unit
      take(p, pi.path, ['declaredUnitAmount', 'productMassPerDeclaredUnit'], fp)
      if (text(p.productNameCompany)) product.name = p.productNameCompany
      if (typeof p.productDescription === 'string') product.description = p.productDescription
      if (Array.isArray(p.productIds)) {
        const ids = p.productIds.filter(isIri)
        p.productIds.forEach((x, i) => {
          if (!isIri(x))
            losses.notCarried(
              at(pi.path, 'productIds', i),
              'A product id that is not an IRI is not carried.',
            )
        })
        if (ids.length > 0) {
          product.identifiers = ids
          subject.id = ids[0]
        }
      }
      if (Array.isArray(p.productClassifications)) {
        const out: Json[] = []
        p.productClassifications.forEach((c, i) => {
          const m =
            typeof c === 'string'
              ? /^urn:pact:productclassification:([a-z-]+):(.+)$/i.exec(c)
              : null
          if (
            m &&
            ['un-cpc', 'hs', 'cn', 'eclass', 'unspsc'].includes((m[1] as string).toLowerCase())
          ) {
            out.push({ scheme: (m[1] as string).toLowerCase(), code: m[2] })
          } else {
            losses.notCarried(
              at(pi.path, 'productClassifications', i),
              `The classification ${JSON.stringify(c)} is not of a scheme the passport knows (urn:pact:productclassification:un-cpc|hs|cn|eclass|unspsc:…).`,
            )
          }
        })
        if (out.length > 0) product.classifications = out
      }
    }
    const ci = one(cpi.value, 'companyInformation', cpi.path, losses)
    if (ci) {
      reportUnknown(ci.value, ci.path, ['companyName', 'companyIds'], losses, 'A passport')
      const m: Json = {}
      if (text(ci.value.companyName)) m.name = ci.value.companyName
      if (Array.isArray(ci.value.companyIds)) {
        ci.value.companyIds.forEach((x, i) => {
          const bpn = typeof x === 'string' ? /^urn:(?:.*:)?(BPN[LSA][A-Z0-9]{12})$/.exec(x) : null
          if (bpn && !isObject(m.partyIds)) m.partyIds = { bpn: bpn[1] }
          else if (isIri(x) && m.id === undefined && !bpn) m.id = x
          else
            losses.notCarried(
              at(ci.path, 'companyIds', i),
              'The manufacturer has one id and one BPN; this company id is not carried.',
            )
        })
      }
      product.manufacturer = m
    }
  }
  if (Object.keys(product).length > 0) subject.product = product
  if (Object.keys(fp).length > 0) subject.footprint = fp
  return draftResult(subject, losses, credential)
}

function readQuality(q: Json, path: string, fp: Json, losses: Losses): void {
  reportUnknown(
    q,
    path,
    [
      'primaryDataShare',
      'secondaryEmissionFactorSources',
      'technologicalDQR',
      'geographicalDQR',
      'temporalDQR',
    ],
    losses,
    'A passport',
  )
  const share = dec(q, 'primaryDataShare', path, losses)
  if (share !== undefined) fp.primaryDataShare = share
  const dqi: Json = {}
  for (const key of ['technologicalDQR', 'geographicalDQR', 'temporalDQR']) {
    const d = dec(q, key, path, losses)
    if (d !== undefined) dqi[key] = d
  }
  if (Object.keys(dqi).length === 3) fp.dqi = dqi
  else if (Object.keys(dqi).length > 0)
    losses.notCarried(
      path,
      'A passport carries the three DQRs together or none; the partial ratings are not carried.',
    )
  if (Array.isArray(q.secondaryEmissionFactorSources)) {
    fp.secondaryEmissionFactorSources = q.secondaryEmissionFactorSources.flatMap((s, i) => {
      const p = at(path, 'secondaryEmissionFactorSources', i)
      if (!text(s)) {
        losses.notCarried(
          p,
          'An emission factor source that is not a non-empty string is not carried.',
        )
        return []
      }
      return [emissionFactorSource(s as string, p, losses)]
    })
  }
}

function readMethodology(m: Json, path: string, fp: Json, losses: Losses): void {
  reportUnknown(
    m,
    path,
    ['standards', 'gwpCharacterizationFactorDetails', 'allocationInForeground'],
    losses,
    'A passport',
  )
  const s = one(m, 'standards', path, losses)
  if (s) {
    reportUnknown(
      s.value,
      s.path,
      ['crossSectoralStandards', 'productOrSectorSpecificRules'],
      losses,
      'A passport',
    )
    const css = s.value.crossSectoralStandards
    const list = typeof css === 'string' ? [css] : Array.isArray(css) ? css : []
    const out: string[] = []
    list.forEach((x, i) => {
      const p =
        typeof css === 'string'
          ? at(s.path, 'crossSectoralStandards')
          : at(s.path, 'crossSectoralStandards', i)
      if (!text(x)) {
        losses.notCarried(p, 'A standard that is not a non-empty string is not carried.')
        return
      }
      const code = STANDARD_SPELLINGS[(x as string).trim().toLowerCase()]
      if (code && code !== x)
        losses.changed(p, `"${String(x)}" was written as the PACT code ${code}.`)
      out.push(code ?? (x as string))
    })
    fp.crossSectoralStandards = out
    const rules = s.value.productOrSectorSpecificRules
    if (Array.isArray(rules)) {
      const names = rules.filter((r): r is string => typeof r === 'string' && r !== '')
      if (names.length > 0) {
        fp.productOrSectorSpecificRules = [{ operator: 'Other', ruleNames: names }]
        losses.defaulted(
          at(s.path, 'productOrSectorSpecificRules'),
          'Catena-X lists rule names without their operator; the passport rules have operator "Other" and no operator name.',
        )
      }
    }
  }
  const g = one(m, 'gwpCharacterizationFactorDetails', path, losses)
  if (g) {
    reportUnknown(g.value, g.path, ['ipccCharacterizationFactors'], losses, 'A passport')
    const f = g.value.ipccCharacterizationFactors
    const list = typeof f === 'string' ? [f] : Array.isArray(f) ? f : []
    const ars = list.filter((x): x is string => typeof x === 'string' && /^AR\d+$/.test(x))
    if (ars.length > 0) fp.ipccCharacterizationFactors = ars
    if (ars.length !== list.length)
      losses.notCarried(
        at(g.path, 'ipccCharacterizationFactors'),
        'An IPCC value that is not an assessment report (ARn), such as "unspecified", is not carried.',
      )
  }
  const a = one(m, 'allocationInForeground', path, losses)
  if (a) {
    reportUnknown(a.value, a.path, ['allocationRulesDescription'], losses, 'A passport')
    if (typeof a.value.allocationRulesDescription === 'string')
      fp.allocationRulesDescription = a.value.allocationRulesDescription
  }
}

function readAssessment(
  info: Json,
  path: string,
  fp: Json,
  subject: Json,
  credential: PassportCredentialDraft,
  losses: Losses,
): void {
  reportUnknown(
    info,
    path,
    ['technology', 'boundarySpecifications', 'time', 'geography', 'idAndVersion'],
    losses,
    'A passport',
  )
  const t = one(info, 'technology', path, losses)
  if (t) {
    reportUnknown(
      t.value,
      t.path,
      ['ccsTechnologicalCO2CaptureIncluded', 'boundaryProcessesDescription'],
      losses,
      'A passport',
    )
    if (typeof t.value.ccsTechnologicalCO2CaptureIncluded === 'boolean')
      fp.ccsTechnologicalCO2CaptureIncluded = t.value.ccsTechnologicalCO2CaptureIncluded
    if (typeof t.value.boundaryProcessesDescription === 'string')
      fp.boundaryProcessesDescription = t.value.boundaryProcessesDescription
  }
  const b = one(info, 'boundarySpecifications', path, losses)
  if (b) {
    reportUnknown(
      b.value,
      b.path,
      ['exemptedEmissionsPercent', 'exemptedEmissionsDescription'],
      losses,
      'A passport',
    )
    const d = dec(b.value, 'exemptedEmissionsPercent', b.path, losses)
    if (d !== undefined) fp.exemptedEmissionsPercent = d
    if (typeof b.value.exemptedEmissionsDescription === 'string')
      fp.exemptedEmissionsDescription = b.value.exemptedEmissionsDescription
  }
  const time = one(info, 'time', path, losses)
  if (time) {
    const v = time.value
    reportUnknown(
      v,
      time.path,
      [
        'referencePeriodStart',
        'referencePeriodEnd',
        'created',
        'validityPeriodStart',
        'validityPeriodEnd',
      ],
      losses,
      'A passport',
    )
    if (typeof v.referencePeriodStart === 'string') fp.referencePeriodStart = v.referencePeriodStart
    if (typeof v.referencePeriodEnd === 'string') fp.referencePeriodEnd = v.referencePeriodEnd
    const from =
      typeof v.validityPeriodStart === 'string'
        ? v.validityPeriodStart
        : typeof v.created === 'string'
          ? v.created
          : undefined
    if (from) credential.validFrom = from
    if (
      typeof v.created === 'string' &&
      typeof v.validityPeriodStart === 'string' &&
      v.created !== v.validityPeriodStart
    ) {
      losses.notCarried(
        at(time.path, 'created'),
        'The credential validFrom is the validity start; a different creation time is not carried.',
      )
    }
    if (typeof v.validityPeriodEnd === 'string') credential.validUntil = v.validityPeriodEnd
  }
  const g = one(info, 'geography', path, losses)
  if (g) {
    const v = g.value
    reportUnknown(
      v,
      g.path,
      ['geographyRegionOrSubregion', 'geographyCountry', 'geographyCountrySubdivision'],
      losses,
      'A passport',
    )
    // A passport footprint has at most one geography: the most specific one.
    const keys = [
      'geographyCountrySubdivision',
      'geographyCountry',
      'geographyRegionOrSubregion',
    ] as const
    let kept = false
    for (const key of keys) {
      const value = v[key]
      if (typeof value !== 'string' || value === '') continue
      if (!kept && !(key === 'geographyRegionOrSubregion' && REGIONS_NOT_CARRIED.has(value))) {
        fp[key] = value
        kept = true
      } else {
        losses.notCarried(
          at(g.path, key),
          `A passport footprint has one geography, the most specific; ${JSON.stringify(value)} is not carried.`,
        )
      }
    }
  }
  const idv = one(info, 'idAndVersion', path, losses)
  if (idv) {
    const v = idv.value
    reportUnknown(v, idv.path, ['id', 'version', 'status', 'precedingPfIds'], losses, 'A passport')
    if (typeof v.id === 'string') {
      if (/^urn:uuid:/i.test(v.id)) credential.id = v.id
      else if (/^[0-9a-fA-F-]{36}$/.test(v.id)) {
        credential.id = `urn:uuid:${v.id}`
        losses.changed(at(idv.path, 'id'), `The PCF id became the credential id urn:uuid:${v.id}.`)
      } else losses.notCarried(at(idv.path, 'id'), 'The PCF id is not a UUID; it is not carried.')
    }
    if (v.version !== undefined && v.version !== 0)
      losses.notCarried(
        at(idv.path, 'version'),
        'A passport has no version number (a new version is a new passport).',
      )
    if (v.status !== undefined && v.status !== 'Active')
      losses.notCarried(
        at(idv.path, 'status'),
        'A passport has no status field (credential status lists say whether it is revoked).',
      )
    if (Array.isArray(v.precedingPfIds)) {
      const ids: string[] = []
      v.precedingPfIds.forEach((x, i) => {
        if (typeof x === 'string' && /^(urn:uuid:)?[0-9a-fA-F-]{36}$/.test(x))
          ids.push(x.startsWith('urn:uuid:') ? x : `urn:uuid:${x}`)
        else
          losses.notCarried(
            at(idv.path, 'precedingPfIds', i),
            'A preceding PCF id that is not a UUID is not carried.',
          )
      })
      if (ids.length > 0) subject.precedingPassports = ids
    }
  }
}
