/** UNTP Digital Product Passport (0.6.x or 0.7.0) → passport. */
import type { Finding } from '../../findings/finding.js'
import type { Json } from '../../json.js'
import { PASSPORT_CONTEXTS } from '../../passport/contexts.js'
import { conversionCodes } from '../codes.js'
import { convertSafely, type Losses, readCredential } from '../source.js'
import { type ConversionResult, finish, type PassportCredentialDraft } from '../types.js'
import {
  addDays,
  CLAIM_FRAGMENT,
  CLASSIFICATION_SCHEME_IRIS,
  DECLARED_UNIT_REC20,
  DEFAULTS_TERM,
  EXTENSION_TERM,
  isJson,
  KNOWN_STANDARDS,
  mergeOver,
  numberToDecimal,
  sha256HexToMultibase,
  shiftDecimal,
  token,
} from './shared.js'
import { defaultDppName } from './to-untp.js'

const { finding } = conversionCodes

/**
 * Converts a UNTP Digital Product Passport (0.6.x with `emissionsScorecard`, or 0.7.0 with a
 * greenhouse-gas `performanceClaim`; told apart by the UNTP context URL, then by the subject's
 * shape) into a carbon passport credential.
 *
 * Accepts the unsigned credential (object or JSON text), the enveloped `vc+jwt` form
 * (`EnvelopedVerifiableCredential` with a `data:application/vc+jwt,` id, or the bare compact JWS)
 * and the `{ "verifiableCredential": … }` wrapper. **Signatures are not verified here**: the JWS
 * payload is read as it is; use `verifyCredential` to check the proof first.
 *
 * The carbon-passport UNTP extension (`credentialSubject.carbonPassport`, written by
 * `toUntpDpp`) is merged back, so passport → UNTP → passport is lossless for what UNTP and the
 * extension carry. Every UNTP field with no place in a passport is a `FIELD_NOT_CARRIED` loss at its
 * pointer; every required passport field the DPP has no value for is `TARGET_FIELD_DEFAULTED`.
 * Never throws: an input that is not JSON, too large (1 MiB) or too deep (64), or not a
 * `DigitalProductPassport`, gives `SOURCE_UNREADABLE` and no result.
 *
 * @example
 * ```ts
 * const { result, losses } = fromUntpDpp(dppJsonText)
 * ```
 */
export function fromUntpDpp(dpp: unknown): ConversionResult<PassportCredentialDraft> {
  return convertSafely('the DPP could not be converted', (losses) => convert(dpp, losses))
}

interface Ctx {
  losses: Finding[]
  /** Pointers (into the source) read by the conversion; the rest are losses. */
  used: Set<string>
  /** Pointers the writer filled with defaults: ignored. */
  defaults: Set<string>
}

const use = (ctx: Ctx, ...paths: string[]) => {
  for (const p of paths) ctx.used.add(p)
}

/** A string at `path` of `root` (marked as used when present and not a default). */
function str(ctx: Ctx, root: unknown, path: string): string | undefined {
  if (ctx.defaults.has(path)) {
    ctx.used.add(path)
    return undefined
  }
  const v = get(root, path)
  if (typeof v === 'string') {
    ctx.used.add(path)
    return v
  }
  return undefined
}

/** The value at JSON Pointer `path` of `root`. */
function get(root: unknown, path: string): unknown {
  let v: unknown = root
  for (const k of path.split('/').slice(1))
    v = isJson(v)
      ? v[k.replaceAll('~1', '/').replaceAll('~0', '~')]
      : Array.isArray(v)
        ? v[Number(k)]
        : undefined
  return v
}

function convert(input: unknown, losses: Losses): ConversionResult<PassportCredentialDraft> {
  const vc = readCredential(input, 'DPP', losses, 'the DPP is unreadable: ')
  if (!vc) return { losses: losses.list }
  const types = Array.isArray(vc.type) ? vc.type : [vc.type]
  const subject = vc.credentialSubject
  if (!types.includes('DigitalProductPassport') || !isJson(subject)) {
    return {
      losses: [
        finding('SOURCE_UNREADABLE', '/type', {
          detail:
            'not a UNTP Digital Product Passport: type DigitalProductPassport and a credentialSubject object are expected',
        }),
      ],
    }
  }
  const contexts = Array.isArray(vc['@context'])
    ? vc['@context'].map(String)
    : [String(vc['@context'])]
  const v06 = contexts.some((c) => /\/untp\/dpp\/0\.[0-6]\.\d+[^/]*\/?$/.test(c))
  const v07 = contexts.some((c) => /\/untp\/0\.7\.\d+\/context\/?$/.test(c))
  const version: '0.6' | '0.7' = v06 ? '0.6' : v07 ? '0.7' : isJson(subject.product) ? '0.6' : '0.7'
  const ctx: Ctx = { losses: [], used: new Set(), defaults: new Set() }
  use(ctx, '/@context', '/type', '/credentialSubject/type', '/credentialSubject/id')
  const defaults = subject[DEFAULTS_TERM]
  if (Array.isArray(defaults)) {
    for (const d of defaults) if (typeof d === 'string') ctx.defaults.add(d)
    use(ctx, `/credentialSubject/${DEFAULTS_TERM}`)
  }
  const extension = isJson(subject[EXTENSION_TERM]) ? subject[EXTENSION_TERM] : undefined
  if (extension) use(ctx, `/credentialSubject/${EXTENSION_TERM}`)

  const native = version === '0.6' ? subject06(vc, subject, ctx) : subject07(vc, subject, ctx)
  const merged = (extension ? mergeOver(native, extension) : native) as Json

  // Envelope.
  const out: Json = { '@context': [...PASSPORT_CONTEXTS], id: vc.id }
  use(ctx, '/id')
  if (typeof vc.id !== 'string') {
    ctx.losses.push(finding('SOURCE_FIELD_INVALID', '/id', { detail: 'the DPP has no id' }))
  }
  out.type = ['VerifiableCredential', 'CarbonPassportCredential']
  types.forEach((t, i) => {
    if (t !== 'DigitalProductPassport' && t !== 'VerifiableCredential')
      ctx.losses.push(finding('FIELD_NOT_CARRIED', `/type/${i}`, { detail: `type ${String(t)}` }))
  })
  const issuer = vc.issuer
  if (isJson(issuer)) {
    const name = str(ctx, vc, '/issuer/name')
    out.issuer = name === undefined ? { id: issuer.id } : { id: issuer.id, name }
    use(ctx, '/issuer/id', '/issuer/type')
  } else {
    out.issuer = issuer
    use(ctx, '/issuer')
  }
  const validFrom = str(ctx, vc, '/validFrom')
  if (validFrom === undefined) {
    ctx.losses.push(
      finding('SOURCE_FIELD_INVALID', '/validFrom', { detail: 'a passport needs validFrom' }),
    )
  }
  out.validFrom = validFrom
  const validUntil = str(ctx, vc, '/validUntil')
  if (validUntil !== undefined) out.validUntil = validUntil
  const name = str(ctx, vc, '/name')
  const productName = isJson(merged.product) ? merged.product.name : undefined
  if (name !== undefined && name !== defaultDppName(productName)) out.name = name
  const description = str(ctx, vc, '/description')
  if (description !== undefined) out.description = description
  out.credentialSchema = {
    id: 'https://w3id.org/carbon-passport/schemas/v1/passport.schema.json',
    type: 'JsonSchema',
  }
  fillRequired(merged, vc, ctx, version)
  out.credentialSubject = { id: subject.id, type: 'CarbonPassport', ...withoutIdType(merged) }
  const cs = out.credentialSubject as Json
  if (typeof cs.id !== 'string') {
    const productId = version === '0.6' && isJson(subject.product) ? subject.product.id : undefined
    if (typeof productId === 'string') cs.id = productId
    else
      ctx.losses.push(
        finding('SOURCE_FIELD_INVALID', '/credentialSubject/id', {
          detail: 'the product has no id',
        }),
      )
  }
  reportUnused(vc, '', ctx)
  return finish(out as PassportCredentialDraft, ctx.losses)
}

function withoutIdType(o: Json): Json {
  const { id: _id, type: _type, ...rest } = o
  return rest
}

function party(ctx: Ctx, root: Json, path: string): Json | undefined {
  const id = str(ctx, root, `${path}/id`)
  const name = str(ctx, root, `${path}/name`)
  if (name === undefined) return undefined
  return id === undefined ? { name } : { id, name }
}

function classifications(
  ctx: Ctx,
  root: Json,
  path: string,
  schemeKey: string,
): Json[] | undefined {
  const list = get(root, path)
  if (!Array.isArray(list)) return undefined
  use(ctx, path)
  const out: Json[] = []
  list.forEach((c, i) => {
    const scheme = Object.entries(CLASSIFICATION_SCHEME_IRIS).find(
      ([, v]) => isJson(c) && v.id === c[schemeKey],
    )?.[0]
    const code = isJson(c) ? c.code : undefined
    if (!scheme || typeof code !== 'string') {
      ctx.losses.push(
        finding('FIELD_NOT_CARRIED', `${path}/${i}`, {
          detail: 'a classification outside UN CPC, HS, CN, ECLASS and UNSPSC, or without a code',
        }),
      )
      return
    }
    use(
      ctx,
      `${path}/${i}/code`,
      `${path}/${i}/${schemeKey}`,
      `${path}/${i}/schemeName`,
      `${path}/${i}/type`,
      `${path}/${i}/id`,
    )
    use(ctx, `${path}/${i}/name`)
    out.push({ scheme, code })
  })
  return out
}

const UNIT_OF_REC20 = Object.fromEntries(
  Object.entries(DECLARED_UNIT_REC20).map(([k, v]) => [v, k]),
)

function footprintFromNumber(ctx: Ctx, value: unknown, path: string): string | undefined {
  if (typeof value !== 'number') return undefined
  use(ctx, path)
  return numberToDecimal(value)
}

function subject06(vc: Json, s: Json, ctx: Ctx): Json {
  const base = '/credentialSubject'
  const product: Json = {}
  const p = isJson(s.product) ? s.product : {}
  const pp = `${base}/product`
  if (isJson(s.product)) use(ctx, `${pp}/type`)
  for (const k of ['name', 'description', 'batchNumber', 'serialNumber', 'countryOfProduction']) {
    const v = str(ctx, vc, `${pp}/${k}`)
    if (v !== undefined) product[k] = v
  }
  if (typeof p.id === 'string' && p.id === s.id) use(ctx, `${pp}/id`)
  else if (typeof p.id === 'string') {
    use(ctx, `${pp}/id`)
    product.identifiers = [p.id]
  }
  use(ctx, `${pp}/registeredId`, `${pp}/idScheme`)
  const cats = classifications(ctx, vc, `${pp}/productCategory`, 'schemeID')
  if (cats && cats.length > 0) product.classifications = cats
  const m = party(ctx, vc, `${pp}/producedByParty`)
  if (m) product.manufacturer = m
  const site = party(ctx, vc, `${pp}/producedAtFacility`)
  if (site) product.manufacturingSite = site
  const g = str(ctx, vc, `${base}/granularityLevel`)
  if (g !== undefined) product.granularity = g
  const out: Json = { product }
  const footprint: Json = {}
  const sc = `${base}/emissionsScorecard`
  const card = isJson(s.emissionsScorecard) ? s.emissionsScorecard : undefined
  if (card) {
    use(ctx, `${sc}/type`)
    const pcf = footprintFromNumber(ctx, card.carbonFootprint, `${sc}/carbonFootprint`)
    if (pcf !== undefined) footprint.pcfExcludingBiogenicUptake = pcf
    const unit = str(ctx, vc, `${sc}/declaredUnit`)
    if (unit !== undefined) {
      const ours = UNIT_OF_REC20[unit]
      if (ours) footprint.declaredUnitOfMeasurement = ours
      else
        ctx.losses.push(
          finding('VALUE_CHANGED', `${sc}/declaredUnit`, {
            detail: `no passport declared unit for Rec 20 ${unit}: piece is used`,
          }),
        )
    }
    const scope = str(ctx, vc, `${sc}/operationalScope`)
    if (scope === 'CradleToGate') footprint.systemBoundary = 'cradle-to-gate'
    else if (scope === 'CradleToGrave') footprint.systemBoundary = 'cradle-to-grave'
    else if (scope === 'None') {
      footprint.systemBoundary = 'gate-to-gate'
      ctx.losses.push(
        finding('VALUE_CHANGED', `${sc}/operationalScope`, {
          detail: 'operational scope None (scopes 1 and 2 only) is read as gate-to-gate',
        }),
      )
    }
    const ratioPath = `${sc}/primarySourcedRatio`
    if (ctx.defaults.has(ratioPath)) use(ctx, ratioPath)
    else if (typeof card.primarySourcedRatio === 'number') {
      use(ctx, ratioPath)
      const r = numberToDecimal(card.primarySourcedRatio)
      const pct = r === undefined ? undefined : shiftDecimal(r, -2)
      if (pct !== undefined) footprint.primaryDataShare = pct
    }
    const std = card.reportingStandard
    if (isJson(std)) {
      const known = Object.entries(KNOWN_STANDARDS).find(([, v]) => v.id === std.id)?.[0]
      if (known) {
        use(ctx, `${sc}/reportingStandard`)
        footprint.crossSectoralStandards = [known]
      } else if (typeof std.name === 'string') {
        use(ctx, `${sc}/reportingStandard`)
        footprint.crossSectoralStandards = [std.name]
        ctx.losses.push(
          finding('VALUE_CHANGED', `${sc}/reportingStandard`, {
            detail: 'the reporting standard is kept by its name only',
          }),
        )
      }
    }
  }
  const claims = Array.isArray(s.conformityClaim) ? s.conformityClaim : []
  claims.forEach((c, i) => {
    if (isJson(c) && typeof c.id === 'string' && c.id === `${String(vc.id)}${CLAIM_FRAGMENT}`) {
      // Our own claim: a projection of the footprint and the attestation.
      use(ctx, `${base}/conformityClaim/${i}`)
      const ev = c.conformityEvidence
      if (isJson(ev) && typeof ev.linkURL === 'string') {
        const digest = sha256HexToMultibase(ev.hashDigest)
        if (digest) out.verification = { attestation: { id: ev.linkURL, digestMultibase: digest } }
      }
    }
  })
  out.footprint = footprint
  return out
}

function subject07(vc: Json, s: Json, ctx: Ctx): Json {
  const base = '/credentialSubject'
  const product: Json = {}
  for (const k of ['name', 'description', 'modelNumber', 'batchNumber']) {
    const v = str(ctx, vc, `${base}/${k}`)
    if (v !== undefined) product[k] = v
  }
  const item = str(ctx, vc, `${base}/itemNumber`)
  if (item !== undefined) product.serialNumber = item
  const g = str(ctx, vc, `${base}/idGranularity`)
  if (g !== undefined) product.granularity = g
  use(ctx, `${base}/idScheme`)
  const cats = classifications(ctx, vc, `${base}/productCategory`, 'schemeId')
  if (cats && cats.length > 0) product.classifications = cats
  const country = str(ctx, vc, `${base}/countryOfProduction/countryCode`)
  if (country !== undefined) {
    product.countryOfProduction = country
    use(ctx, `${base}/countryOfProduction`)
  } else if (ctx.defaults.has(`${base}/countryOfProduction`))
    use(ctx, `${base}/countryOfProduction`)
  const parties = Array.isArray(s.relatedParty) ? s.relatedParty : []
  parties.forEach((r, i) => {
    if (!isJson(r) || r.role !== 'manufacturer' || product.manufacturer) return
    const path = `${base}/relatedParty/${i}`
    const m = party(ctx, vc, `${path}/party`)
    if (!m) return
    const c = str(ctx, vc, `${path}/party/registrationCountry/countryCode`)
    if (c !== undefined) m.country = c
    use(ctx, `${path}/role`, `${path}/party/type`, `${path}/party/registrationCountry`)
    product.manufacturer = m
  })
  if (ctx.defaults.has(`${base}/producedAtFacility`)) use(ctx, `${base}/producedAtFacility`)
  else {
    const site = party(ctx, vc, `${base}/producedAtFacility`)
    if (site) {
      use(ctx, `${base}/producedAtFacility/type`)
      product.manufacturingSite = site
    }
  }
  const out: Json = { product }
  const footprint: Json = {}
  const claims = Array.isArray(s.performanceClaim) ? s.performanceClaim : []
  const ghg = claims.findIndex(
    (c) =>
      isJson(c) &&
      Array.isArray(c.conformityTopic) &&
      c.conformityTopic.some(
        (t) => isJson(t) && typeof t.id === 'string' && t.id.endsWith('/greenhouse-gas-emissions'),
      ),
  )
  if (ghg >= 0) {
    const cp = `${base}/performanceClaim/${ghg}`
    const claim = claims[ghg] as Json
    const ours = claim.id === `${String(vc.id)}${CLAIM_FRAGMENT}`
    if (ours) use(ctx, cp)
    else
      use(ctx, `${cp}/type`, `${cp}/id`, `${cp}/name`, `${cp}/conformityTopic`, `${cp}/claimDate`)
    const perf = Array.isArray(claim.claimedPerformance) ? claim.claimedPerformance : []
    const first = perf.findIndex(
      (p) => isJson(p) && isJson(p.measure) && typeof p.measure.value === 'number',
    )
    if (first >= 0) {
      const pcf = footprintFromNumber(
        ctx,
        ((perf[first] as Json).measure as Json).value,
        `${cp}/claimedPerformance/${first}/measure/value`,
      )
      if (pcf !== undefined) footprint.pcfExcludingBiogenicUptake = pcf
      use(ctx, `${cp}/claimedPerformance/${first}`)
      const name = ((perf[first] as Json).metric as Json | undefined)?.name
      const unit =
        typeof name === 'string'
          ? /per ([0-9A-Z]{2,3}) \(declared unit\)/.exec(name)?.[1]
          : undefined
      if (unit && UNIT_OF_REC20[unit]) footprint.declaredUnitOfMeasurement = UNIT_OF_REC20[unit]
    }
    const period = claim.applicablePeriod
    if (
      isJson(period) &&
      typeof period.startDate === 'string' &&
      typeof period.endDate === 'string'
    ) {
      use(ctx, `${cp}/applicablePeriod`)
      const end = addDays(period.endDate, 1)
      footprint.referencePeriodStart = `${period.startDate}T00:00:00Z`
      if (end) footprint.referencePeriodEnd = `${end}T00:00:00Z`
    }
    const evidence = Array.isArray(claim.evidence) ? claim.evidence : []
    evidence.forEach((e, i) => {
      if (
        out.verification ||
        !isJson(e) ||
        typeof e.linkURL !== 'string' ||
        typeof e.digestMultibase !== 'string'
      )
        return
      use(ctx, `${cp}/evidence/${i}`)
      out.verification = { attestation: { id: e.linkURL, digestMultibase: e.digestMultibase } }
    })
    const standards = Array.isArray(claim.referenceStandard) ? claim.referenceStandard : []
    const known = standards
      .map((st, i) => {
        const k = isJson(st)
          ? Object.entries(KNOWN_STANDARDS).find(([, v]) => v.id === st.id)?.[0]
          : undefined
        if (k) use(ctx, `${cp}/referenceStandard/${i}`)
        return k
      })
      .filter((k): k is string => k !== undefined)
    if (known.length > 0) footprint.crossSectoralStandards = known
  }
  out.footprint = footprint
  return out
}

/** Fills the passport fields a passport requires and the DPP (with its extension) lacks. */
function fillRequired(merged: Json, vc: Json, ctx: Ctx, version: '0.6' | '0.7'): void {
  const where =
    version === '0.6'
      ? '/credentialSubject/emissionsScorecard'
      : '/credentialSubject/performanceClaim'
  const product = (isJson(merged.product) ? merged.product : {}) as Json
  merged.product = product
  const fill = (target: Json, key: string, value: unknown, path: string, why: string) => {
    if (target[key] !== undefined) return
    target[key] = value
    ctx.losses.push(finding('TARGET_FIELD_DEFAULTED', path, { detail: `${key}: ${why}` }))
  }
  fill(product, 'name', 'unnamed product', '/credentialSubject', 'the DPP names no product')
  if (!isJson(product.manufacturer)) {
    const issuer = vc.issuer
    const name = isJson(issuer) && typeof issuer.name === 'string' ? issuer.name : 'unknown'
    fill(
      product,
      'manufacturer',
      { name },
      '/credentialSubject',
      `the issuer's name, "${name}", is used`,
    )
  }
  fill(product, 'granularity', 'model', '/credentialSubject', 'model is assumed')
  const fp = merged.footprint
  if (!isJson(fp) || fp.pcfExcludingBiogenicUptake === undefined) {
    ctx.losses.push(
      finding('SOURCE_FIELD_INVALID', where, {
        detail:
          'the DPP declares no carbon footprint (emissionsScorecard.carbonFootprint or a greenhouse-gas performance claim)',
      }),
    )
    return
  }
  const pcf = fp.pcfExcludingBiogenicUptake
  const validFrom = typeof vc.validFrom === 'string' ? vc.validFrom : '1970-01-01T00:00:00Z'
  const end = `${validFrom.slice(0, 10)}T00:00:00Z`
  const start = `${addDays(validFrom.slice(0, 10), -365) ?? '1970-01-01'}T00:00:00Z`
  fill(fp, 'declaredUnitOfMeasurement', 'piece', where, 'piece is assumed')
  fill(fp, 'declaredUnitAmount', '1', where, '1 is assumed')
  fill(fp, 'productMassPerDeclaredUnit', '0', where, 'unknown, 0 is written')
  fill(fp, 'referencePeriodStart', start, where, 'the year before validFrom is assumed')
  fill(fp, 'referencePeriodEnd', end, where, 'validFrom is assumed')
  fill(fp, 'pcfIncludingBiogenicUptake', pcf, where, 'no biogenic uptake is assumed')
  fill(fp, 'fossilGhgEmissions', pcf, where, 'all emissions are assumed fossil')
  fill(fp, 'fossilCarbonContent', '0', where, 'unknown, 0 is written')
  fill(fp, 'ipccCharacterizationFactors', ['AR6'], where, 'AR6 is assumed')
  fill(fp, 'crossSectoralStandards', [], where, 'none named')
  fill(fp, 'exemptedEmissionsPercent', '0', where, 'unknown, 0 is written')
  fill(fp, 'systemBoundary', 'cradle-to-gate', where, 'cradle to gate is assumed')
  fill(fp, 'lifecycleStages', [], where, 'the DPP has no stage breakdown')
  fill(
    fp,
    'scopeBreakdown',
    { scope1: '0', scope2: '0', scope3: [] },
    where,
    'the DPP has no scope breakdown',
  )
}

/** Reports every source field the conversion did not read, at its smallest unread subtree. */
function reportUnused(value: unknown, path: string, ctx: Ctx): void {
  if (ctx.used.has(path) || ctx.defaults.has(path)) return
  const children = isJson(value)
    ? Object.entries(value)
    : Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : []
  const anyUsedBelow = [...ctx.used, ...ctx.defaults].some((u) => u.startsWith(`${path}/`))
  if (!anyUsedBelow || children.length === 0) {
    ctx.losses.push(finding('FIELD_NOT_CARRIED', path, { detail: 'no place in a carbon passport' }))
    return
  }
  for (const [k, v] of children) reportUnused(v, `${path}/${token(k)}`, ctx)
}
