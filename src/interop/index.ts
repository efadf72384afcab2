/**
 * Interoperability: converters between passports and what platforms already exchange (WBCSD PACT,
 * UNTP Digital Product Passports, Battery Pass, Catena-X PCF). Each returns `{ result, losses }`;
 * every `from*` returns a `PassportCredentialDraft` to complete and sign with `issuePassport`.
 * Re-exported by the main entry.
 */
export type { ConversionCode } from '../findings/catalogue.js'
export type {
  BatteryPassLifecycleStage,
  BatteryPassStageFootprint,
  CarbonFootprintForBatteries,
} from './battery-pass/index.js'
export { fromBatteryPass, toBatteryPass } from './battery-pass/index.js'
export type {
  CatenaXAspect,
  CatenaXPcf,
  CatenaXPcfVersion,
  ToCatenaXOptions,
} from './catena-x/index.js'
export {
  fromCatenaX,
  fromCatenaXBatteryComponentPcf,
  fromCatenaXBatteryPass,
  toCatenaX,
} from './catena-x/index.js'
export {
  type FromPactOptions,
  fromPact,
  type ProductFootprint,
  type ToPactOptions,
  toPact,
} from './pact/index.js'
export type { ConversionResult, Draft, PassportCredentialDraft } from './types.js'
/** UNTP Digital Product Passports: `toUntpDpp` (0.6.1, 0.7.0) and `fromUntpDpp`. */
export {
  fromUntpDpp,
  type ToUntpDppOptions,
  toUntpDpp,
  UNTP_CONTEXT_URLS,
  type UntpVersion,
} from './untp/index.js'
