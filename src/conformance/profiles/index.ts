/** The rules of each profile. `core` also runs the schema layer (see check.ts). */
import type { Rule } from '../context.js'
import { coreRules } from './core.js'
import { euBatteryRules } from './eu-battery.js'
import type { ProfileId } from './ids.js'
import { iec63369Rules } from './iec-63369-1.js'
import { iec63782Rules } from './iec-63782.js'
import { pactRules } from './pact-v3.js'

export const profileRules: Readonly<Record<ProfileId, readonly Rule[]>> = {
  core: coreRules,
  'pact-v3': pactRules,
  'iec-63782-digital-pcf': iec63782Rules,
  'iec-63369-1': iec63369Rules,
  'eu-battery-2023-1542': euBatteryRules,
}
