/**
 * PACT v3 identifiers from a passport's data. PACT's `companyIds` and `productIds` are RFC 8141
 * URNs (OpenAPI `Urn`: pattern `^([uU][rR][nN]):`); a passport names its manufacturer by a DID and
 * its product by GS1 Digital Link URIs, so the URNs are derived, never stored twice. The `pact-v3`
 * profile warns when none can be derived (`PACT_ID_NOT_URN`), and the PACT converter uses the same
 * functions.
 *
 * The mapping follows PACT v3 §Product Identification (wbcsd/data-exchange-protocol spec/v3): an
 * IANA-registered or widely used URN namespace where one applies (`urn:gtin:`, as PACT's own
 * examples write GTINs), otherwise `urn:pact:$domain-of-issuer$:$identifier-type$:$id$`, with the
 * domain of the body that issues the identifier. PACT v3 sets no pattern for company ids, so the
 * same rule is applied to them:
 *
 * | Passport data                                         | PACT URN                             |
 * | ----------------------------------------------------- | ------------------------------------ |
 * | an id or product identifier that is a URN             | itself                               |
 * | GS1 Digital Link with AI 01 (`…/01/05901234567831/…`) | `urn:gtin:5901234567831` (GTIN-13 when the GTIN-14 starts with 0) |
 * | GS1 Digital Link with AI 417 (party GLN), company id  | `urn:pact:gs1.org:gln:{gln}`         |
 * | `partyIds.gln`                                        | `urn:pact:gs1.org:gln:{gln}`         |
 * | `partyIds.lei`                                        | `urn:pact:gleif.org:lei:{lei}`       |
 * | `partyIds.uscc`                                       | `urn:pact:samr.gov.cn:uscc:{uscc}`   |
 * | `partyIds.eori`                                       | `urn:pact:taxation-customs.ec.europa.eu:eori:{eori}` |
 * | `partyIds.duns`                                       | `urn:pact:dnb.com:duns:{duns}`       |
 * | `partyIds.bpn`                                        | `urn:pact:catena-x.net:bpn:{bpn}`    |
 *
 * A DID (`did:web:…`) is not a URN and maps to nothing. Values are taken as they are (the schema
 * checks their formats; `core` their check characters).
 */

import { PARTY_IDENTIFIER_SCHEMES } from '../../model/enums.js'

/** `urn:pact:` prefixes of the typed party identifiers: the issuing body's domain and the type. */
export const PACT_PARTY_ID_URN_PREFIXES: Readonly<
  Record<(typeof PARTY_IDENTIFIER_SCHEMES)[number], string>
> = {
  gln: 'urn:pact:gs1.org:gln:',
  lei: 'urn:pact:gleif.org:lei:',
  uscc: 'urn:pact:samr.gov.cn:uscc:',
  eori: 'urn:pact:taxation-customs.ec.europa.eu:eori:',
  duns: 'urn:pact:dnb.com:duns:',
  bpn: 'urn:pact:catena-x.net:bpn:',
}

/** An RFC 8141 URN: `urn:`, a namespace id of 2 to 32 characters, `:`, a non-empty rest. */
const URN = /^urn:[a-z0-9][a-z0-9-]{0,30}[a-z0-9]:[^\s]+$/i
/** A GS1 Digital Link URI: an http(s) URI whose path holds `/<AI>/<value>` pairs. */
const DIGITAL_LINK = /^https?:\/\/[^/?#]+(\/[^?#]*)$/i

/** Whether a string is a URN in PACT's sense (RFC 8141). */
export function isPactUrn(value: unknown): value is string {
  return typeof value === 'string' && URN.test(value)
}

/** The value of a GS1 application identifier in a Digital Link URI's path. */
function digitalLinkValue(uri: string, ai: string, digits: number): string | undefined {
  const path = DIGITAL_LINK.exec(uri)?.[1]
  if (path === undefined) return undefined
  const parts = path.split('/')
  for (let i = 0; i + 1 < parts.length; i++) {
    const value = parts[i + 1] ?? ''
    if (parts[i] === ai && new RegExp(`^[0-9]{${digits}}$`).test(value)) return value
  }
  return undefined
}

const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}

const unique = (values: string[]): string[] => [...new Set(values)]

/** The PACT `companyIds` of an organisation (its `id` and `partyIds`), in a stable order. */
export function pactCompanyIds(organization: {
  readonly id?: unknown
  readonly partyIds?: unknown
}): string[] {
  const urns: string[] = []
  const id = organization.id
  if (isPactUrn(id)) urns.push(id)
  else if (typeof id === 'string') {
    const gln = digitalLinkValue(id, '417', 13)
    if (gln) urns.push(`${PACT_PARTY_ID_URN_PREFIXES.gln}${gln}`)
  }
  const partyIds = record(organization.partyIds)
  for (const scheme of PARTY_IDENTIFIER_SCHEMES) {
    const value = partyIds[scheme]
    if (typeof value === 'string' && value !== '' && !/\s/.test(value)) {
      urns.push(`${PACT_PARTY_ID_URN_PREFIXES[scheme]}${value}`)
    }
  }
  return unique(urns)
}

/** The PACT `productIds` of a product (its `identifiers`), in their order. */
export function pactProductIds(product: { readonly identifiers?: unknown }): string[] {
  const urns: string[] = []
  const identifiers = Array.isArray(product.identifiers) ? product.identifiers : []
  for (const identifier of identifiers) {
    if (isPactUrn(identifier)) {
      urns.push(identifier)
      continue
    }
    if (typeof identifier !== 'string') continue
    const gtin = digitalLinkValue(identifier, '01', 14)
    if (gtin) urns.push(`urn:gtin:${gtin.startsWith('0') ? gtin.slice(1) : gtin}`)
  }
  return unique(urns)
}
