/** `fromBatteryPass`: a Battery Pass carbon footprint (and general information) as a passport draft. */
import { isObject, type Json } from '../../json.js'
import {
  at,
  convertSafely,
  decimalOf,
  draftResult,
  isIri,
  Losses,
  readSource,
  reportUnknown,
  text,
} from '../source.js'
import type { ConversionResult, PassportCredentialDraft } from '../types.js'
import { FAILURE, STAGE_TO_BP, stageOfBatteryPass } from './shared.js'

const CF_KEYS = [
  'batteryCarbonFootprint',
  'carbonFootprintPerLifecycleStage',
  'carbonFootprintPerformanceClass',
  'carbonFootprintStudy',
  'absoluteCarbonFootprint',
]

const GPI_KEYS = [
  'productIdentifier',
  'batteryPassportIdentifier',
  'batteryCategory',
  'manufacturerInformation',
  'manufacturingDate',
  'batteryStatus',
  'batteryMass',
  'manufacturingPlace',
  'operatorInformation',
  'puttingIntoService',
  'warrentyPeriod',
]

const CATEGORY: Record<string, string> = {
  ev: 'EV',
  lmt: 'LMT',
  industrial: 'industrial',
}

/**
 * Converts a Battery Pass `CarbonFootprintForBatteries` 1.2.0 payload (and, optionally, the
 * battery's `GeneralProductInformation` 1.2.0 payload) into an unsigned passport credential draft
 * whose `battery.declarations[0]` is the `eu-2023-1542` declaration: framework `eu-2023-1542`,
 * boundary `cradle-to-grave-excluding-use`, functional unit `lifetime-energy` in `KWH` (what the
 * aspect means; its quantity is not in the aspect), the per-kWh total and stages, the performance
 * class, the study link and, from `absoluteCarbonFootprint`, `totalFootprint` (per battery: the
 * passport's declared unit is then one piece).
 *
 * Each source may be a parsed value, JSON text or bytes: UTF-8, or UTF-8 / UTF-16LE / UTF-16BE
 * with a byte order mark (the aspect's generated payloads are UTF-16LE with a BOM). Numbers become
 * Decimal strings (their shortest round-trip form). Fields with no place in a passport are
 * FIELD_NOT_CARRIED losses at their pointer; losses about `generalInfo` have pointers into it and
 * say so. Never throws.
 *
 * @example
 * ```ts
 * const { result, losses } = fromBatteryPass(readFileSync('CarbonFootprintForBatteries-payload.json'))
 * result?.credentialSubject?.battery?.declarations?.[0]?.footprintPerFunctionalUnit // '0.017527'
 * ```
 */
export function fromBatteryPass(
  carbonFootprintForBatteries: unknown,
  generalInfo?: unknown,
): ConversionResult<PassportCredentialDraft> {
  return convertSafely(FAILURE, (losses) => {
    const cf = readSource(
      carbonFootprintForBatteries,
      'CarbonFootprintForBatteries document',
      losses,
    )
    if (!cf) return { losses: losses.list }
    reportUnknown(cf, '', CF_KEYS, losses, 'A passport')
    const declaration: Json = {
      framework: 'eu-2023-1542',
      systemBoundary: 'cradle-to-grave-excluding-use',
      functionalUnit: { kind: 'lifetime-energy', unit: 'KWH' },
    }
    const total = decimalOf(cf.batteryCarbonFootprint)
    if (total === undefined) {
      losses.invalid(
        '/batteryCarbonFootprint',
        cf.batteryCarbonFootprint === undefined
          ? 'The mandatory batteryCarbonFootprint (kgCO2e per kWh) is missing.'
          : 'batteryCarbonFootprint is not a number (or is a placeholder such as -1.797E308).',
      )
    } else {
      declaration.footprintPerFunctionalUnit = total
    }
    const stages = readStages(cf.carbonFootprintPerLifecycleStage, losses)
    if (stages) declaration.lifecycleStagesPerFunctionalUnit = stages
    const performanceClass = cf.carbonFootprintPerformanceClass
    if (text(performanceClass)) declaration.performanceClass = performanceClass
    else if (performanceClass !== undefined) {
      losses.invalid(
        '/carbonFootprintPerformanceClass',
        'carbonFootprintPerformanceClass is not a non-empty string; it is not carried.',
        'warning',
      )
    }
    if (isIri(cf.carbonFootprintStudy)) declaration.studyUrl = cf.carbonFootprintStudy
    else if (cf.carbonFootprintStudy !== undefined) {
      losses.invalid(
        '/carbonFootprintStudy',
        'carbonFootprintStudy is not an absolute URI; it is not carried.',
        'warning',
      )
    }
    if (cf.absoluteCarbonFootprint !== undefined) {
      const absolute = decimalOf(cf.absoluteCarbonFootprint)
      if (absolute === undefined) {
        losses.invalid(
          '/absoluteCarbonFootprint',
          'absoluteCarbonFootprint is not a number (or is a placeholder); it is not carried.',
          'warning',
        )
      } else declaration.totalFootprint = absolute
    }
    const subject: Json = { type: 'CarbonPassport', battery: { declarations: [declaration] } }
    if (generalInfo !== undefined) {
      const gpiLosses = new Losses()
      const gpi = readSource(generalInfo, 'GeneralProductInformation document', gpiLosses)
      if (gpi) readGeneralInfo(gpi, subject, gpiLosses)
      for (const f of gpiLosses.list) {
        losses.list.push({ ...f, message: `GeneralProductInformation: ${f.message}` })
      }
    }
    return draftResult(subject, losses)
  })
}

function readStages(value: unknown, losses: Losses): Json[] | undefined {
  const path = '/carbonFootprintPerLifecycleStage'
  if (value === undefined) return undefined
  if (!Array.isArray(value)) {
    losses.invalid(path, 'carbonFootprintPerLifecycleStage is not a list.')
    return undefined
  }
  const out: Json[] = []
  const seen = new Set<string>()
  value.forEach((entry, i) => {
    const p = at(path, i)
    if (!isObject(entry)) {
      losses.invalid(p, 'A life-cycle stage entry is not an object.')
      return
    }
    reportUnknown(entry, p, ['lifecycleStage', 'carbonFootprint'], losses, 'A passport stage')
    const stage = stageOfBatteryPass(entry.lifecycleStage)
    if (stage === undefined) {
      losses.notCarried(
        p,
        `The life-cycle stage ${JSON.stringify(entry.lifecycleStage)} is none of RawMaterialExtraction, MainProduction, Distribution, Recycling; its value is not carried.`,
      )
      return
    }
    if (seen.has(stage)) {
      losses.notCarried(
        p,
        `The stage ${String(entry.lifecycleStage)} is listed twice; the repeat is not carried.`,
      )
      return
    }
    const emissions = decimalOf(entry.carbonFootprint)
    if (emissions === undefined) {
      losses.invalid(
        at(p, 'carbonFootprint'),
        'The stage carbonFootprint is not a number (or is a placeholder).',
      )
      return
    }
    if (entry.lifecycleStage !== STAGE_TO_BP[stage]) {
      losses.changed(
        at(p, 'lifecycleStage'),
        `The stage name ${JSON.stringify(entry.lifecycleStage)} was read as ${STAGE_TO_BP[stage]} (${stage}).`,
      )
    }
    seen.add(stage)
    out.push({ stage, emissions })
  })
  return out
}

function readGeneralInfo(gpi: Json, subject: Json, losses: Losses): void {
  reportUnknown(gpi, '', GPI_KEYS, losses, 'A passport')
  const product: Json = {}
  const id = text(gpi.productIdentifier)
  if (id !== undefined) {
    if (isIri(id)) {
      product.identifiers = [id]
      subject.id = id
    } else {
      product.modelNumber = id
      losses.changed(
        '/productIdentifier',
        'productIdentifier is not an IRI, so it cannot be the passport subject id or a product identifier; it is carried as product.modelNumber.',
      )
    }
  }
  for (const key of [
    'batteryPassportIdentifier',
    'manufacturingDate',
    'batteryStatus',
    'operatorInformation',
    'puttingIntoService',
    'warrentyPeriod',
  ]) {
    if (gpi[key] !== undefined) {
      losses.notCarried(`/${key}`, `A passport has no place for \`${key}\`; it is not carried.`)
    }
  }
  const category = gpi.batteryCategory
  if (typeof category === 'string') {
    const mapped = CATEGORY[category.toLowerCase()]
    const battery = subject.battery as Json
    if (mapped) battery.category = mapped
    else if (category.toLowerCase() === 'stationary') {
      battery.category = 'industrial'
      losses.changed(
        '/batteryCategory',
        'The category "stationary" is an industrial battery under EU 2023/1542; it was mapped to `industrial` (a stationary storage battery with external storage is `industrial-external-storage`, which the aspect does not tell apart).',
      )
    } else
      losses.notCarried(
        '/batteryCategory',
        `The battery category ${JSON.stringify(category)} is not one the passport knows.`,
      )
  }
  const manufacturer = gpi.manufacturerInformation
  if (isObject(manufacturer)) {
    reportUnknown(
      manufacturer,
      '/manufacturerInformation',
      ['contactName', 'identifier', 'postalAddress'],
      losses,
      'A passport',
    )
    const m: Json = {}
    if (text(manufacturer.contactName)) m.name = manufacturer.contactName
    if (isIri(manufacturer.identifier)) m.id = manufacturer.identifier
    else if (manufacturer.identifier !== undefined) {
      losses.notCarried(
        '/manufacturerInformation/identifier',
        'The manufacturer identifier is not an IRI; it is not carried.',
      )
    }
    if (manufacturer.postalAddress !== undefined) {
      losses.notCarried(
        '/manufacturerInformation/postalAddress',
        "A passport has no place for the manufacturer's postal address; it is not carried.",
      )
    }
    product.manufacturer = m
  }
  const place = gpi.manufacturingPlace
  if (isObject(place)) {
    reportUnknown(
      place,
      '/manufacturingPlace',
      ['addressCountry', 'postalCode', 'streetAddress'],
      losses,
      'A passport',
    )
    const site: Json = {}
    const parts = [
      text(place.streetAddress),
      text(place.postalCode),
      text(place.addressCountry),
    ].filter((p): p is string => p !== undefined)
    if (parts.length > 0) site.address = parts.join(', ')
    if (typeof place.addressCountry === 'string' && /^[A-Z]{2}$/.test(place.addressCountry)) {
      site.country = place.addressCountry
    } else if (place.addressCountry !== undefined) {
      losses.changed(
        '/manufacturingPlace/addressCountry',
        'addressCountry is not an ISO 3166-1 alpha-2 code, so it is carried only in the site address; the site country is left for you to fill.',
      )
    }
    product.manufacturingSite = site
  }
  if (gpi.batteryMass !== undefined) {
    const mass = decimalOf(gpi.batteryMass)
    if (mass === undefined) {
      losses.invalid('/batteryMass', 'batteryMass is not a number; it is not carried.', 'warning')
    } else subject.footprint = { productMassPerDeclaredUnit: mass }
  }
  if (Object.keys(product).length > 0) subject.product = product
}
