/**
 * Raw signatures over node:crypto: the one place Data Integrity and JOSE sign and verify. Ed25519
 * is pure EdDSA; P-256 is ECDSA with SHA-256, encoded as IEEE P1363 `r‖s` (64 bytes), which is what
 * ecdsa-rdfc-2019 and JWS ES256 both use (node:crypto's default DER would not verify elsewhere).
 */
import { sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto'
import { KEY_ALGORITHMS } from './algorithms.js'
import type { KeyAlgorithm } from './types.js'

/** The size of every signature made or accepted here: Ed25519, and P-256 as `r‖s`. */
export const SIGNATURE_BYTES = 64

/**
 * Signs `data` with a node:crypto private key of `algorithm` (see key-objects.ts).
 *
 * @throws Error from node:crypto when the key is not a private key of `algorithm`.
 */
export function signBytes(
  algorithm: KeyAlgorithm,
  privateKey: KeyObject,
  data: Uint8Array,
): Uint8Array {
  const digest = KEY_ALGORITHMS[algorithm].digest
  return digest === null
    ? cryptoSign(null, data, privateKey)
    : cryptoSign(digest, data, { key: privateKey, dsaEncoding: 'ieee-p1363' })
}

/**
 * Whether `signature` is a valid signature of `data` by a node:crypto public key of `algorithm`.
 * Never throws: a signature of another length, or one node:crypto cannot read, is false.
 */
export function verifyBytes(
  algorithm: KeyAlgorithm,
  publicKey: KeyObject,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (signature.length !== SIGNATURE_BYTES) return false
  const digest = KEY_ALGORITHMS[algorithm].digest
  try {
    return digest === null
      ? cryptoVerify(null, data, publicKey, signature)
      : cryptoVerify(digest, data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature)
  } catch {
    return false
  }
}
