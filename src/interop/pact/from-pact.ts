/** `fromPact`: a WBCSD PACT ProductFootprint (v3.0 or v2.x) as an unsigned passport credential draft. */

import { PACT_PARTY_ID_URN_PREFIXES } from '../../conformance/profiles/pact-ids.js'
import { isDecimalString } from '../../decimal/core.js'
import type { Finding } from '../../findings/finding.js'
import { CLASSIFICATION_SCHEMES, PARTY_IDENTIFIER_SCHEMES } from '../../model/enums.js'
import { PASSPORT_CONTEXTS } from '../../passport/contexts.js'
import { PASSPORT_SCHEMA_ID } from '../../schema/registry.js'
import type { ConversionResult, PassportCredentialDraft } from '../types.js'
import {
  deepEqual,
  finish,
  isObject,
  type Json,
  loss,
  ptr,
  readSource,
  SPEC_VERSION,
  UUID,
} from './common.js'
import {
  DECIMAL_FIELDS,
  V2_NUMBERS,
  V2_ONLY_PCF,
  V2_STANDARDS,
  V2_TO_V3_PCF,
  V2_TOP,
  V3_PCF,
  V3_TOP,
} from './fields.js'
import { convertToPact } from './to-pact.js'

/** Options of `fromPact`: the credential-level members PACT does not give. */
export interface FromPactOptions {
  /** The issuer (a DID or IRI); the first PACT company id (a URN) by default. */
  issuer?: string
  /** The passport id; `urn:uuid:` and the PACT `id` by default. */
  id?: string
  /** Start of validity (RFC 3339); the PACT `created` by default. */
  validFrom?: string
}

const RULE_MEMBERS = new Set(['operator', 'ruleNames', 'otherOperatorName'])

export function convertFromPact(
  input: unknown,
  options: unknown,
): ConversionResult<PassportCredentialDraft> {
  const read = readSource(input, 'PACT ProductFootprint')
  if (!read.ok) return { losses: read.losses }
  const src = read.doc
  const o = isObject(options) ? options : {}
  const losses: Finding[] = []
  const invalid = (path: string, detail: string) =>
    losses.push(loss('SOURCE_FIELD_INVALID', path, detail))
  const pcfIn = src.pcf
  if (!isObject(pcfIn))
    return {
      losses: [
        loss(
          'SOURCE_FIELD_INVALID',
          '/pcf',
          'pcf (the CarbonFootprint) is required and must be an object',
        ),
      ],
    }
  const specVersion = src.specVersion
  const v2Names = [
    'pCfExcludingBiogenic',
    'declaredUnit',
    'unitaryProductAmount',
    'crossSectoralStandardsUsed',
  ].some((k) => k in pcfIn)
  const v2 =
    typeof specVersion === 'string' && SPEC_VERSION.test(specVersion)
      ? specVersion.startsWith('2.') || (!specVersion.startsWith('3.') && v2Names)
      : v2Names
  if (typeof specVersion !== 'string' || !SPEC_VERSION.test(specVersion))
    invalid('/specVersion', 'specVersion is required: major.minor.patch')
  if (typeof src.id !== 'string' || !UUID.test(src.id)) invalid('/id', 'id is required: a UUID')
  if (typeof src.created !== 'string') invalid('/created', 'created is required: a date-time')
  for (const k of ['companyName', 'productNameCompany'] as const) {
    if (typeof src[k] !== 'string' || src[k] === '')
      invalid(`/${k}`, `${k} is required: a non-empty string`)
  }
  for (const k of ['companyIds', 'productIds'] as const) {
    const list = src[k]
    if (!Array.isArray(list) || list.length === 0 || !list.every((u) => typeof u === 'string'))
      invalid(`/${k}`, `${k} is required: a non-empty list of URNs`)
  }
  const verbatim: Json = {}
  const verbatimPcf: Json = {}
  const topNames: readonly string[] = v2 ? V2_TOP : V3_TOP
  const pactNames = new Set<string>([
    ...V2_TOP,
    ...V3_TOP,
    ...V3_PCF,
    ...Object.keys(V2_TO_V3_PCF),
    ...V2_ONLY_PCF,
    ...RULE_MEMBERS,
  ])
  for (const k of Object.keys(src)) {
    if (topNames.includes(k)) continue
    if (pactNames.has(k)) {
      verbatim[k] = src[k]
      losses.push(
        loss(
          'EXTENSION_CARRIED',
          ptr(k),
          `${k} is not a ProductFootprint member of PACT ${String(specVersion)}; kept verbatim in pact.verbatim`,
        ),
      )
    } else losses.push(loss('FIELD_NOT_CARRIED', ptr(k), `unknown member ${k} is not carried`))
  }

  // footprint
  const footprint: Json = {}
  const pcfNames: readonly string[] = v2 ? [...Object.keys(V2_TO_V3_PCF), ...V2_ONLY_PCF] : V3_PCF
  for (const [k, value] of Object.entries(pcfIn)) {
    const at = ptr('pcf', k)
    if (value === null) continue
    if (!pcfNames.includes(k)) {
      if (pactNames.has(k)) {
        verbatimPcf[k] = value
        losses.push(
          loss(
            'EXTENSION_CARRIED',
            at,
            `${k} is not a CarbonFootprint member in the PACT schema; kept verbatim in pact.verbatim.pcf`,
          ),
        )
      } else losses.push(loss('FIELD_NOT_CARRIED', at, `unknown member ${k} is not carried`))
      continue
    }
    if (v2 && (V2_ONLY_PCF as readonly string[]).includes(k)) {
      verbatimPcf[k] = value
      continue
    }
    if (k === 'verification') continue
    const name = v2 ? (V2_TO_V3_PCF[k] as string) : k
    let v = value
    if (v2 && V2_NUMBERS.has(k)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        invalid(at, `${k} must be a number in PACT v2`)
        continue
      }
      v = String(value)
    }
    if (DECIMAL_FIELDS.has(name) && !isDecimalString(v)) {
      invalid(at, `${k} must be a Decimal string`)
      continue
    }
    footprint[name] = v
  }
  if (
    v2 &&
    footprint.crossSectoralStandards === undefined &&
    Array.isArray(pcfIn.crossSectoralStandardsUsed)
  ) {
    const mapped = pcfIn.crossSectoralStandardsUsed
      .map((s) => V2_STANDARDS[String(s)])
      .filter((s) => s !== undefined)
    if (mapped.length > 0) footprint.crossSectoralStandards = mapped
    if (mapped.length !== pcfIn.crossSectoralStandardsUsed.length) {
      losses.push(
        loss(
          'VALUE_CHANGED',
          '/pcf/crossSectoralStandardsUsed',
          'only the v2 standards with a v3 name are in crossSectoralStandards; the v2 list is kept verbatim',
        ),
      )
    }
  }
  for (const req of [
    'declaredUnitOfMeasurement',
    'pcfExcludingBiogenicUptake',
    'referencePeriodStart',
    'referencePeriodEnd',
  ]) {
    if (footprint[req] === undefined && !losses.some((l) => l.severity === 'error')) {
      invalid(
        ptr(
          'pcf',
          v2 ? (Object.entries(V2_TO_V3_PCF).find(([, v3]) => v3 === req)?.[0] ?? req) : req,
        ),
        `${req} is required`,
      )
    }
  }
  if (typeof src.comment === 'string') footprint.comment = src.comment
  footprint.systemBoundary = 'cradle-to-gate'
  losses.push(
    loss(
      'TARGET_FIELD_DEFAULTED',
      '/pcf',
      'systemBoundary set to cradle-to-gate (a PACT footprint is cradle to gate); lifecycleStages and scopeBreakdown, which the passport requires, are not in PACT and must be added before signing',
    ),
  )

  // verification
  let verification: Json | undefined
  const ver = v2 ? pcfIn.assurance : pcfIn.verification
  if (isObject(ver)) {
    const ok =
      ['providerName', 'standardName', 'completedAt'].every(
        (k) => typeof ver[k] === 'string' && ver[k] !== '',
      ) &&
      (!v2 || ver.assurance === true)
    if (ok) {
      verification = {
        providerName: ver.providerName,
        standardName: ver.standardName,
        completedAt: ver.completedAt,
      }
      if (typeof ver.comments === 'string') verification.comment = ver.comments
      if (v2 && (ver.level === 'limited' || ver.level === 'reasonable'))
        verification.level = ver.level
    }
    if (!v2) verbatimPcf.verification = ver
  }

  // product
  const companyIds = (Array.isArray(src.companyIds) ? src.companyIds : []).filter(
    (u): u is string => typeof u === 'string',
  )
  const manufacturer: Json = {
    ...(companyIds[0] ? { id: companyIds[0] } : {}),
    name: src.companyName,
  }
  const partyIds: Json = {}
  for (const u of companyIds.slice(1)) {
    for (const scheme of PARTY_IDENTIFIER_SCHEMES) {
      const prefix = PACT_PARTY_ID_URN_PREFIXES[scheme]
      if (u.startsWith(prefix) && partyIds[scheme] === undefined)
        partyIds[scheme] = u.slice(prefix.length)
    }
  }
  if (Object.keys(partyIds).length > 0) manufacturer.partyIds = partyIds
  const classifications: Json[] = []
  if (Array.isArray(src.productClassifications)) {
    for (const urn of src.productClassifications) {
      const m =
        typeof urn === 'string'
          ? /^urn:pact:productclassification:([a-z-]+):(.+)$/i.exec(urn)
          : null
      if (m && (CLASSIFICATION_SCHEMES as readonly string[]).includes(m[1] ?? ''))
        classifications.push({ scheme: m[1], code: m[2] })
    }
  }
  if (v2 && typeof src.productCategoryCpc === 'string') {
    verbatim.productCategoryCpc = src.productCategoryCpc
    if (
      src.productCategoryCpc !== '' &&
      !classifications.some((c) => c.scheme === 'un-cpc' && c.code === src.productCategoryCpc)
    ) {
      classifications.push({ scheme: 'un-cpc', code: src.productCategoryCpc })
    }
  }
  const productIds = (Array.isArray(src.productIds) ? src.productIds : []).filter(
    (u): u is string => typeof u === 'string',
  )
  const product: Json = {
    name: src.productNameCompany,
    ...(typeof src.productDescription === 'string' ? { description: src.productDescription } : {}),
    ...(productIds.length > 0 ? { identifiers: productIds } : {}),
    ...(classifications.length > 0 ? { classifications } : {}),
    manufacturer,
    granularity: 'model',
  }
  losses.push(
    loss(
      'TARGET_FIELD_DEFAULTED',
      '/productIds',
      'product.granularity set to model: a PACT footprint is for a product, not one item or batch',
    ),
  )

  // the PACT record
  const pact: Json = { specVersion }
  for (const k of [
    'status',
    'validityPeriodStart',
    'validityPeriodEnd',
    ...(v2 ? ['version', 'updated', 'statusComment'] : []),
  ]) {
    if (src[k] !== undefined && src[k] !== null) pact[k] = src[k]
  }
  if (src.extensions !== undefined && src.extensions !== null) {
    const ext = src.extensions
    if (
      Array.isArray(ext) &&
      ext.every(
        (e) =>
          isObject(e) &&
          typeof e.specVersion === 'string' &&
          typeof e.dataSchema === 'string' &&
          isObject(e.data),
      )
    ) {
      if (ext.length > 0) pact.extensions = ext
    } else invalid('/extensions', 'extensions must be a list of { specVersion, dataSchema, data }')
  }
  const precedingPfIds = Array.isArray(src.precedingPfIds) ? src.precedingPfIds : []
  const subject: Json = {
    id: productIds[0] ?? `urn:uuid:${String(src.id)}`,
    type: 'CarbonPassport',
    ...(precedingPfIds.length > 0
      ? { precedingPassports: precedingPfIds.map((u) => `urn:uuid:${String(u)}`) }
      : {}),
    product,
    footprint,
    ...(verification ? { verification } : {}),
    pact,
  }
  const credential: Json = {
    '@context': [...PASSPORT_CONTEXTS],
    id: typeof o.id === 'string' ? o.id : `urn:uuid:${String(src.id)}`,
    type: ['VerifiableCredential', 'CarbonPassportCredential'],
    issuer: typeof o.issuer === 'string' ? o.issuer : (companyIds[0] ?? ''),
    validFrom: typeof o.validFrom === 'string' ? o.validFrom : src.created,
    credentialSchema: { id: PASSPORT_SCHEMA_ID, type: 'JsonSchema' },
    credentialSubject: subject,
  }
  if (losses.some((l) => l.severity === 'error')) return { losses }

  // What the export would not give back as it was is kept verbatim, so the round trip is exact.
  if (Object.keys(verbatimPcf).length > 0) verbatim.pcf = verbatimPcf
  if (Object.keys(verbatim).length > 0) pact.verbatim = verbatim
  const back = convertToPact(credential, { version: v2 ? '2.3' : '3.0' }).result
  if (back) {
    for (const k of topNames) {
      if (k === 'pcf' || k === 'id' || k === 'created' || src[k] === undefined || src[k] === null)
        continue
      if (!deepEqual(back[k], src[k])) verbatim[k] = src[k]
    }
    const backPcf = isObject(back.pcf) ? back.pcf : {}
    for (const k of pcfNames) {
      if (pcfIn[k] === undefined || pcfIn[k] === null) continue
      if (!deepEqual(backPcf[k], pcfIn[k])) verbatimPcf[k] = pcfIn[k]
    }
    if (Object.keys(verbatimPcf).length > 0) verbatim.pcf = verbatimPcf
    if (Object.keys(verbatim).length > 0) pact.verbatim = verbatim
  }
  return finish(credential as PassportCredentialDraft, losses)
}
