/** Import of the carbon footprint of a Catena-X `battery_pass` 6.x document. */
import { add, formatDecimal, parseDecimal, ZERO } from '../../decimal/core.js'
import { isObject, type Json } from '../../json.js'
import { at, decimalOf, draftResult, isIri, type Losses, reportUnknown, text } from '../source.js'
import type { ConversionResult, PassportCredentialDraft } from '../types.js'
import { readAndConvert, stageOfCatenaX } from './shared.js'

/**
 * Imports the carbon footprint of a Catena-X `battery_pass` 6.x document
 * (`sustainability.carbonFootprint[]`, or a document that is that list's parent) into an unsigned
 * passport credential draft: the `Climate Change Total` entries per kWh become an `eu-2023-1542`
 * declaration (lifetime energy, cradle to grave excluding use), read by their free-text
 * `lifecycle`; the performance class; the first declaration document's `content` link as the
 * study link; the first manufacturing plant's BPNA as the site's BPN. Other impact categories and
 * every other part of the battery passport are FIELD_NOT_CARRIED. Never throws.
 */
export function fromCatenaXBatteryPass(doc: unknown): ConversionResult<PassportCredentialDraft> {
  return readAndConvert(doc, 'Catena-X battery_pass document', fromBatteryPassDoc)
}

/** The conversion of a `battery_pass` document already read (also reached through `fromCatenaX`). */
export function fromBatteryPassDoc(
  doc: Json,
  losses: Losses,
): ConversionResult<PassportCredentialDraft> {
  let list: unknown
  let base: string
  if (isObject(doc.sustainability)) {
    reportUnknown(
      doc,
      '',
      ['sustainability'],
      losses,
      'A passport (only the carbon footprint is imported)',
    )
    reportUnknown(
      doc.sustainability,
      '/sustainability',
      ['carbonFootprint'],
      losses,
      'A passport (only the carbon footprint is imported)',
    )
    list = doc.sustainability.carbonFootprint
    base = '/sustainability/carbonFootprint'
  } else {
    reportUnknown(
      doc,
      '',
      ['carbonFootprint'],
      losses,
      'A passport (only the carbon footprint is imported)',
    )
    list = doc.carbonFootprint
    base = '/carbonFootprint'
  }
  if (!Array.isArray(list)) {
    losses.unreadable(base, 'The battery passport has no carbonFootprint list.')
    return { losses: losses.list }
  }
  const declaration: Json = {
    framework: 'eu-2023-1542',
    systemBoundary: 'cradle-to-grave-excluding-use',
    functionalUnit: { kind: 'lifetime-energy', unit: 'KWH' },
  }
  const stages: Json[] = []
  const seen = new Set<string>()
  const site: Json = {}
  list.forEach((entry, i) => {
    const p = at(base, i)
    if (!isObject(entry)) {
      losses.invalid(p, 'A carbonFootprint entry is not an object; it is not carried.', 'warning')
      return
    }
    reportUnknown(
      entry,
      p,
      [
        'value',
        'unit',
        'lifecycle',
        'type',
        'performanceClass',
        'manufacturingPlant',
        'declaration',
        'rulebook',
      ],
      losses,
      'A passport',
    )
    if (
      typeof entry.type !== 'string' ||
      entry.type.trim().toLowerCase() !== 'climate change total'
    ) {
      losses.notCarried(
        p,
        `A passport carries the climate change total only; the ${JSON.stringify(entry.type)} entry is not carried.`,
      )
      return
    }
    if (typeof entry.unit !== 'string' || !/kwh/i.test(entry.unit)) {
      losses.notCarried(
        p,
        `The entry's unit ${JSON.stringify(entry.unit)} is not per kWh; it is not carried.`,
      )
      return
    }
    const value = decimalOf(entry.value)
    if (value === undefined) {
      losses.invalid(at(p, 'value'), 'The value is not a number; it is not carried.', 'warning')
      return
    }
    const stage = stageOfCatenaX(entry.lifecycle)
    if (stage === undefined) {
      losses.notCarried(
        at(p, 'lifecycle'),
        `The life-cycle stage ${JSON.stringify(entry.lifecycle)} is not one the passport knows; its value is not carried.`,
      )
      return
    }
    if (seen.has(stage)) {
      losses.notCarried(p, `A second ${stage} value is not carried.`)
      return
    }
    seen.add(stage)
    if (stage === 'total') declaration.footprintPerFunctionalUnit = value
    else stages.push({ stage, emissions: value })
    if (text(entry.performanceClass)) {
      if (declaration.performanceClass === undefined)
        declaration.performanceClass = entry.performanceClass
      else if (declaration.performanceClass !== entry.performanceClass)
        losses.notCarried(
          at(p, 'performanceClass'),
          'A second, different performance class is not carried.',
        )
    }
    if (Array.isArray(entry.manufacturingPlant)) {
      entry.manufacturingPlant.forEach((m, j) => {
        const facility = isObject(m) ? m.facility : undefined
        if (
          typeof facility === 'string' &&
          /^BPN[ASL][A-Z0-9]{12}$/.test(facility) &&
          site.partyIds === undefined
        )
          site.partyIds = { bpn: facility }
        else if (
          !(
            typeof facility === 'string' &&
            isObject(site.partyIds) &&
            site.partyIds.bpn === facility
          )
        ) {
          losses.notCarried(
            at(p, 'manufacturingPlant', j),
            'The passport has one manufacturing site; this plant is not carried.',
          )
        }
      })
    }
    if (Array.isArray(entry.declaration)) {
      entry.declaration.forEach((doc, j) => {
        const link = isObject(doc) ? doc.content : undefined
        if (declaration.studyUrl === undefined && isIri(link)) declaration.studyUrl = link
        else if (!(isIri(link) && declaration.studyUrl === link))
          losses.notCarried(
            at(p, 'declaration', j),
            'Only the first declaration document link is carried, as the study link.',
          )
      })
    }
    if (entry.rulebook !== undefined)
      losses.notCarried(at(p, 'rulebook'), 'A passport has no place for the rulebook document.')
  })
  if (stages.length > 0) declaration.lifecycleStagesPerFunctionalUnit = stages
  if (declaration.footprintPerFunctionalUnit === undefined && stages.length > 0) {
    let sum = ZERO
    for (const s of stages) sum = add(sum, parseDecimal(s.emissions) ?? ZERO)
    declaration.footprintPerFunctionalUnit = formatDecimal(sum, 1000)
    losses.defaulted(
      base,
      'No entry gives the total per kWh; footprintPerFunctionalUnit is the sum of the stages.',
    )
  }
  if (declaration.footprintPerFunctionalUnit === undefined) {
    losses.invalid(base, 'No climate change total per kWh could be read.')
    return { losses: losses.list }
  }
  const subject: Json = { type: 'CarbonPassport', battery: { declarations: [declaration] } }
  if (Object.keys(site).length > 0) subject.product = { manufacturingSite: site }
  return draftResult(subject, losses)
}
