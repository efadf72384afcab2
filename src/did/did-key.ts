/**
 * did:key documents derived locally from the key itself, so verifying a did:key-signed passport
 * needs no resolver and no network.
 */

import { DID_V1_CONTEXT_URL, MULTIKEY_V1_CONTEXT_URL } from '../context/bundled.js'
import { CarbonPassportError } from '../errors.js'

// Multibase base58btc of the multicodec-prefixed public key: 0xed01 (Ed25519) gives "z6Mk" and
// 48 characters; 0x1200 (P-256, compressed) gives "zDn" and 49 characters.
const DID_KEY = /^did:key:(z6Mk[1-9A-HJ-NP-Za-km-z]{44}|zDn[1-9A-HJ-NP-Za-km-z]{46})$/

/** Whether a string is a did:key for an Ed25519 or P-256 key this library can use. */
export function isSupportedDidKey(did: string): boolean {
  return typeof did === 'string' && DID_KEY.test(did)
}

/** The DID document of a did:key (Ed25519 or P-256), built without any lookup. */
export function didKeyDocument(did: string): Record<string, unknown> {
  const match = DID_KEY.exec(did)
  if (!match?.[1]) {
    throw new CarbonPassportError(
      'ERR_DID_NOT_RESOLVED',
      `"${did}" is not a did:key for an Ed25519 or P-256 key`,
      { details: { did } },
    )
  }
  const multibase = match[1]
  const vmId = `${did}#${multibase}`
  return {
    '@context': [DID_V1_CONTEXT_URL, MULTIKEY_V1_CONTEXT_URL],
    id: did,
    verificationMethod: [
      { id: vmId, type: 'Multikey', controller: did, publicKeyMultibase: multibase },
    ],
    authentication: [vmId],
    assertionMethod: [vmId],
    capabilityDelegation: [vmId],
    capabilityInvocation: [vmId],
  }
}
