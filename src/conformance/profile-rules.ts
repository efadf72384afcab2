/**
 * The rules of the profiles a verification asks for, loaded then: `core` is always applied, the
 * others only on request, and their modules are a good part of what a verification would load
 * otherwise (start-up, issue 13). check.ts, synchronous, loads every profile up front instead.
 */
import type { Rule } from './context.js'
import type { ProfileRules } from './layers.js'
import { coreRules } from './profiles/core.js'
import { PROFILE_IDS, type ProfileId } from './profiles/ids.js'

const load: Record<Exclude<ProfileId, 'core'>, () => Promise<readonly Rule[]>> = {
  'pact-v3': async () => (await import('./profiles/pact-v3.js')).pactRules,
  'iec-63782-digital-pcf': async () => (await import('./profiles/iec-63782.js')).iec63782Rules,
  'iec-63369-1': async () => (await import('./profiles/iec-63369-1.js')).iec63369Rules,
  'eu-battery-2023-1542': async () => (await import('./profiles/eu-battery.js')).euBatteryRules,
}

/** The known profiles, besides `core`, that `requested` names; every one when it cannot be read. */
function named(requested: unknown): Exclude<ProfileId, 'core'>[] {
  const others = PROFILE_IDS.filter((p) => p !== 'core')
  try {
    if (requested === undefined) return []
    // Anything else the check refuses (ERR_INVALID_ARGUMENT): nothing more to load for it.
    if (!Array.isArray(requested)) return []
    return others.filter((p) => requested.includes(p))
  } catch {
    // A throwing getter or a revoked Proxy: the check reads it again and reports it.
    return others
  }
}

/** The rules of `core` and of every profile `requested` (verifyPassport's `profiles`) names. */
export async function profileRulesFor(requested: unknown): Promise<ProfileRules> {
  const rules: Partial<Record<ProfileId, readonly Rule[]>> = { core: coreRules }
  await Promise.all(
    named(requested).map(async (profile) => {
      rules[profile] = await load[profile]()
    }),
  )
  return rules
}
