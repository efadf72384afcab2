/** The PACT v3 cross-field rules no schema expresses (research/pcf-models.md §A.3). */

import { defineCodes } from '../../findings/define.js'
import { arr, obj, type RuleContext } from '../context.js'
import { PACT } from './sources.js'

/** The codes these rules report. */
export const pactCrossFieldCodes = defineCodes({
  GEOGRAPHY_CONFLICT: {
    severity: 'error',
    profiles: ['core'],
    title:
      'At most one of geographyRegionOrSubregion, geographyCountry, geographyCountrySubdivision is given.',
    message: 'Only one geography field may be given; found {actual}.',
    source: `${PACT} (CarbonFootprint geography fields)`,
  },
  PACKAGING_EMISSIONS_WITHOUT_FLAG: {
    severity: 'error',
    profiles: ['core'],
    title: 'packagingGhgEmissions is absent when packagingEmissionsIncluded is false.',
    message:
      'packagingGhgEmissions is given although packagingEmissionsIncluded is false; remove it or set the flag.',
    source: `${PACT} (packagingGhgEmissions)`,
  },
  CCS_FIELDS_WITHOUT_FLAG: {
    severity: 'error',
    profiles: ['core'],
    title:
      'The carbon capture and storage fields are absent when ccsTechnologicalCO2CaptureIncluded is false.',
    message:
      '{field} is given although ccsTechnologicalCO2CaptureIncluded is false; remove it or set the flag.',
    source: `${PACT} (ccsTechnologicalCO2CaptureIncluded)`,
  },
  OTHER_OPERATOR_NAME_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title: 'otherOperatorName is given if and only if the rule operator is "Other".',
    message: '{detail}',
    source: `${PACT} (ProductOrSectorSpecificRule)`,
  },
})

const { reportAt } = pactCrossFieldCodes

const GEOGRAPHY = ['geographyRegionOrSubregion', 'geographyCountry', 'geographyCountrySubdivision']

/** At most one geography field; all absent means global. */
export function geographyRule(ctx: RuleContext): void {
  const f = obj(ctx.subject.footprint)
  const present = GEOGRAPHY.filter((g) => f[g] !== undefined && f[g] !== null)
  if (present.length > 1) {
    reportAt(ctx, 'GEOGRAPHY_CONFLICT', `/footprint/${present[1]}`, { actual: present.join(', ') })
  }
}

/** packagingGhgEmissions is undefined when packagingEmissionsIncluded is false. */
export function packagingRule(ctx: RuleContext): void {
  const f = obj(ctx.subject.footprint)
  if (f.packagingEmissionsIncluded === false && f.packagingGhgEmissions != null) {
    reportAt(ctx, 'PACKAGING_EMISSIONS_WITHOUT_FLAG', '/footprint/packagingGhgEmissions')
  }
}

const CCS_FIELDS = [
  'ccsTechnologicalCO2Capture',
  'technologicalCO2Removals',
  'technologicalCO2CaptureOrigin',
]

/**
 * "If false, ccsTechnologicalCO2Capture, technologicalCO2Removals and technologicalCO2CaptureOrigin
 * shall be undefined" (PACT v3, ccsTechnologicalCO2CaptureIncluded).
 */
export function ccsRule(ctx: RuleContext): void {
  const f = obj(ctx.subject.footprint)
  if (f.ccsTechnologicalCO2CaptureIncluded !== false) return
  for (const field of CCS_FIELDS) {
    if (f[field] != null) reportAt(ctx, 'CCS_FIELDS_WITHOUT_FLAG', `/footprint/${field}`, { field })
  }
}

/** otherOperatorName iff operator is Other. */
export function operatorRule(ctx: RuleContext): void {
  const rules = arr(obj(ctx.subject.footprint).productOrSectorSpecificRules)
  for (let i = 0; i < rules.length; i++) {
    const r = obj(rules[i])
    const path = `/footprint/productOrSectorSpecificRules/${i}/otherOperatorName`
    if (r.operator === 'Other' && r.otherOperatorName == null) {
      reportAt(ctx, 'OTHER_OPERATOR_NAME_MISMATCH', path, {
        detail: 'The rule operator is "Other", so otherOperatorName must name it.',
      })
    } else if (r.operator !== 'Other' && r.operator !== undefined && r.otherOperatorName != null) {
      reportAt(ctx, 'OTHER_OPERATOR_NAME_MISMATCH', path, {
        detail: `otherOperatorName is only allowed when the operator is "Other", not "${String(r.operator)}".`,
      })
    }
  }
}
