/**
 * Catena-X `io.catenax.pcf` 9.0.0 and 10.0.0 to and from passports, and import of the carbon
 * footprint of Catena-X `battery_pass` 6.x and `pcf_for_battery_component_supplier` 1.0.0.
 * docs/interop.md has the mapping tables and what could not be confirmed.
 */
import { isObject, type Json } from '../../json.js'
import type { ConversionResult, PassportCredentialDraft } from '../types.js'
import { fromBatteryPassDoc } from './battery-pass-6.js'
import { fromComponentPcf } from './component-pcf.js'
import { fromPcf } from './from-pcf.js'
import { type ReadConversion, readAndConvert } from './shared.js'

export { fromCatenaXBatteryPass } from './battery-pass-6.js'
export { fromCatenaXBatteryComponentPcf } from './component-pcf.js'
export { stageOfCatenaX } from './shared.js'
export {
  type CatenaXPcf,
  type CatenaXPcfVersion,
  type ToCatenaXOptions,
  toCatenaX,
} from './to-pcf.js'

/** Which Catena-X aspect a document is, by its shape. */
export type CatenaXAspect = 'pcf' | 'battery-pass' | 'battery-component-pcf'

/** The aspect of a parsed document, or undefined (see {@link fromCatenaX}). */
export function catenaXAspectOf(doc: Json): CatenaXAspect | undefined {
  if (
    doc.pcfAssessmentAndMethodology !== undefined ||
    doc.productLifeCycleStagesAndEmissions !== undefined ||
    doc.scopeOfPcfForm !== undefined ||
    doc.companyAndProductInformation !== undefined
  ) {
    return 'pcf'
  }
  if (doc.pcfValues !== undefined) return 'battery-component-pcf'
  if (isObject(doc.sustainability) || Array.isArray(doc.carbonFootprint)) return 'battery-pass'
  return undefined
}

/**
 * Converts a Catena-X document into an unsigned passport credential draft (see
 * `PassportCredentialDraft`), telling the aspect by its shape: `io.catenax.pcf` 9.0.0 / 10.0.0
 * (`pcfAssessmentAndMethodology`, `productLifeCycleStagesAndEmissions`, `scopeOfPcfForm` or
 * `companyAndProductInformation`), `pcf_for_battery_component_supplier` (`pcfValues`:
 * {@link fromCatenaXBatteryComponentPcf}) or `battery_pass` 6.x (`sustainability` or a top-level
 * `carbonFootprint` list: {@link fromCatenaXBatteryPass}). Any other shape, including the flat
 * `io.catenax.pcf` 7.x / 8.x, is SOURCE_UNREADABLE. The source may be a parsed value, JSON text or
 * bytes (UTF-8 / UTF-16 with a byte order mark). Never throws.
 */
export function fromCatenaX(pcf: unknown): ConversionResult<PassportCredentialDraft> {
  return readAndConvert(pcf, 'Catena-X document', (doc, losses) => {
    const aspect = catenaXAspectOf(doc)
    if (aspect) return CONVERSIONS[aspect](doc, losses)
    losses.unreadable(
      '',
      'The document is none of io.catenax.pcf 9.0.0 / 10.0.0, battery_pass 6.x (sustainability.carbonFootprint) or pcf_for_battery_component_supplier 1.0.0 (pcfValues); the flat io.catenax.pcf 7.x and 8.x are not read.',
    )
    return { losses: losses.list }
  })
}

/** The conversion of each aspect, once its document is read. */
const CONVERSIONS: Readonly<Record<CatenaXAspect, ReadConversion>> = {
  pcf: fromPcf,
  'battery-pass': fromBatteryPassDoc,
  'battery-component-pcf': fromComponentPcf,
}
