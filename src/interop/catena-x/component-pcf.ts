/** Import of a Catena-X `pcf_for_battery_component_supplier` 1.0.0 document. */
import { add, formatDecimal, parseDecimal, ZERO } from '../../decimal/core.js'
import { isObject, type Json } from '../../json.js'
import type { LifecycleStage } from '../../model/types.js'
import { at, decimalOf, draftResult, isIri, type Losses, text } from '../source.js'
import type { ConversionResult, PassportCredentialDraft } from '../types.js'
import { emissionFactorSource, readAndConvert } from './shared.js'

const COMPONENT_STAGES: Record<string, LifecycleStage | 'total'> = {
  stage1RawMaterialAquisitionPreProcessing: 'raw-material-acquisition',
  stage1RawMaterialAcquisitionPreProcessing: 'raw-material-acquisition',
  stage2MainProductProduction: 'main-production',
  stage3Distribution: 'distribution',
  stage4EndOfLifeRecycling: 'end-of-life',
  absPcfValue: 'total',
}

/**
 * Imports a Catena-X `pcf_for_battery_component_supplier` 1.0.0 document into an unsigned
 * passport credential draft. The stage values (`…sharesPerStage.stage1…stage4`, each a
 * `stageValue`) and `absPcfValue` are absolute, per declared unit (`CO2KG/KG` → kilogram,
 * `CO2KG/piece` → piece, amount 1): they become an `other-framework` battery declaration whose
 * functional unit is the declared unit, the footprint's gate stages, and `lifeCycleTotals` (cradle
 * to grave excluding use). DQRs, primary data share, emission factor sources, performance class,
 * study link and BPNL / BPNS ids are read wherever they sit in the document (the nesting of 1.0.0
 * could not be confirmed); every other leaf is FIELD_NOT_CARRIED. Never throws.
 */
export function fromCatenaXBatteryComponentPcf(
  doc: unknown,
): ConversionResult<PassportCredentialDraft> {
  return readAndConvert(
    doc,
    'Catena-X pcf_for_battery_component_supplier document',
    fromComponentPcf,
  )
}

/** The conversion of a component PCF document already read (also reached through `fromCatenaX`). */
export function fromComponentPcf(
  doc: Json,
  losses: Losses,
): ConversionResult<PassportCredentialDraft> {
  const stages = new Map<LifecycleStage | 'total', string>()
  const fp: Json = {}
  const dqi: Json = {}
  const declaration: Json = {
    framework: 'other-framework',
    methodology: { name: 'Catena-X pcf_for_battery_component_supplier', version: '1.0.0' },
    systemBoundary: 'cradle-to-grave-excluding-use',
  }
  const manufacturer: Json = {}
  const site: Json = {}
  const walk = (value: unknown, path: string, key: string, parentKey: string): void => {
    if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, at(path, k), k, key)
      return
    }
    const stageKey = COMPONENT_STAGES[key] ? key : key === 'stageValue' ? parentKey : undefined
    const stage = stageKey ? COMPONENT_STAGES[stageKey] : undefined
    if (stage !== undefined) {
      const v = decimalOf(value)
      if (v === undefined) {
        losses.invalid(path, 'The stage value is not a number; it is not carried.', 'warning')
        return
      }
      if (stages.has(stage)) {
        losses.notCarried(path, 'A second value of the stage is not carried.')
        return
      }
      stages.set(stage, v)
      return
    }
    switch (key) {
      case 'declaredUnit':
        if (value === 'CO2KG/KG') fp.declaredUnitOfMeasurement = 'kilogram'
        else if (value === 'CO2KG/piece') fp.declaredUnitOfMeasurement = 'piece'
        else {
          losses.invalid(
            path,
            `The declared unit ${JSON.stringify(value)} is neither CO2KG/KG nor CO2KG/piece.`,
          )
          return
        }
        fp.declaredUnitAmount = '1'
        return
      case 'pcfPerformanceClass':
        if (text(value)) declaration.performanceClass = value
        return
      case 'webLinkToCarbonFootPrintStudy':
        if (isIri(value)) declaration.studyUrl = value
        else losses.notCarried(path, 'The study link is not an absolute URI; it is not carried.')
        return
      case 'technologicalDQR':
      case 'geographicalDQR':
      case 'temporalDQR': {
        const v = decimalOf(value)
        if (v !== undefined) dqi[key] = v
        else losses.notCarried(path, 'The DQR is not a number; it is not carried.')
        return
      }
      case 'primaryDataShare': {
        const v = decimalOf(value)
        if (v !== undefined) fp.primaryDataShare = v
        else losses.notCarried(path, 'The primary data share is not a number; it is not carried.')
        return
      }
      case 'secondaryEmissionFactorSources':
        if (Array.isArray(value)) {
          fp.secondaryEmissionFactorSources = value.flatMap((s, i) =>
            text(s)
              ? [emissionFactorSource(s as string, at(path, i), losses)]
              : notCarriedNone(losses, at(path, i)),
          )
          return
        }
        break
      default:
        if (
          typeof value === 'string' &&
          /^BPNL[A-Z0-9]{12}$/.test(value) &&
          !isObject(manufacturer.partyIds)
        ) {
          manufacturer.partyIds = { bpn: value }
          return
        }
        if (
          typeof value === 'string' &&
          /^BPN[SA][A-Z0-9]{12}$/.test(value) &&
          !isObject(site.partyIds)
        ) {
          site.partyIds = { bpn: value }
          return
        }
    }
    losses.notCarried(path, `A passport has no place for \`${key}\`; it is not carried.`)
  }
  walk(doc, '', '', '')
  const order: LifecycleStage[] = [
    'raw-material-acquisition',
    'main-production',
    'distribution',
    'end-of-life',
  ]
  const present = order
    .filter((s) => stages.has(s))
    .map((s) => ({ stage: s, emissions: stages.get(s) as string }))
  let total = stages.get('total')
  if (total === undefined && present.length > 0) {
    total = formatDecimal(
      present.reduce((acc, s) => add(acc, parseDecimal(s.emissions) ?? ZERO), ZERO),
      1000,
    )
    losses.defaulted('', 'The document has no absPcfValue; the total is the sum of the stages.')
  }
  if (total === undefined) {
    losses.invalid('', 'No stage value or absPcfValue could be read.')
    return { losses: losses.list }
  }
  if (fp.declaredUnitOfMeasurement === undefined) {
    losses.invalid(
      '',
      'The declaredUnit (CO2KG/KG or CO2KG/piece) is missing; the values cannot be placed.',
    )
    return { losses: losses.list }
  }
  declaration.functionalUnit = {
    kind: 'declared-unit',
    quantity: '1',
    unit: fp.declaredUnitOfMeasurement === 'piece' ? 'H87' : 'KGM',
  }
  declaration.footprintPerFunctionalUnit = total
  declaration.lifecycleStagesPerFunctionalUnit = present
  declaration.totalFootprint = total
  const gate = present.filter(
    (s) => s.stage === 'raw-material-acquisition' || s.stage === 'main-production',
  )
  if (gate.length > 0) fp.lifecycleStages = gate
  if (Object.keys(dqi).length === 3) fp.dqi = dqi
  else if (Object.keys(dqi).length > 0)
    losses.notCarried(
      '',
      'A passport carries the three DQRs together or none; the partial ratings are not carried.',
    )
  const subject: Json = {
    type: 'CarbonPassport',
    footprint: fp,
    lifeCycleTotals: {
      systemBoundary: 'cradle-to-grave-excluding-use',
      totalFootprint: total,
      lifecycleStages: present,
    },
    battery: { declarations: [declaration] },
  }
  const product: Json = {}
  if (Object.keys(manufacturer).length > 0) product.manufacturer = manufacturer
  if (Object.keys(site).length > 0) product.manufacturingSite = site
  if (Object.keys(product).length > 0) subject.product = product
  return draftResult(subject, losses)
}

function notCarriedNone(losses: Losses, path: string): never[] {
  losses.notCarried(path, 'Not a non-empty string; not carried.')
  return []
}
