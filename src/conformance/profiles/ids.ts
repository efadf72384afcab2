/** The conformance profiles. `core` (schema and semantic rules) is always applied. */
export const PROFILE_IDS = [
  'core',
  'pact-v3',
  'iec-63782-digital-pcf',
  'iec-63369-1',
  'eu-battery-2023-1542',
] as const

/** A conformance profile id. */
export type ProfileId = (typeof PROFILE_IDS)[number]

/** Whether a string names a known profile. */
export function isProfileId(value: unknown): value is ProfileId {
  return typeof value === 'string' && (PROFILE_IDS as readonly string[]).includes(value)
}
