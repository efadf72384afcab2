/**
 * Battery Pass `CarbonFootprintForBatteries` 1.2.0 (`urn:samm:io.BatteryPass.CarbonFootprint:1.2.0`)
 * to and from passports. The aspect is the EU 2023/1542 Art. 7 declaration: values per kWh of the
 * total energy over the service life, per Annex II stage. docs/interop.md has the mapping table.
 */
export { fromBatteryPass } from './from-battery-pass.js'
export {
  type BatteryPassLifecycleStage,
  type BatteryPassStageFootprint,
  type CarbonFootprintForBatteries,
  stageOfBatteryPass,
} from './shared.js'
export { toBatteryPass } from './to-battery-pass.js'
