/**
 * Shared data of the credential tests: the clock they verify at and the issuer of a passport. The
 * examples, their keys and DID documents come from test/helpers/examples.ts.
 */

/** A clock after every example's validFrom. */
export const NOW = new Date('2026-11-01T00:00:00Z')

/** The issuer id of a passport, whether `issuer` is an IRI or an object. */
export const issuerOf = (passport: Record<string, unknown>): string => {
  const issuer = passport.issuer
  return typeof issuer === 'string' ? issuer : String((issuer as { id: string }).id)
}
