/**
 * Multibase base58btc (`z…`) and the multicodec prefixes of the key types this library uses. Small
 * and dependency-free so key handling does not depend on a vendor encoder.
 */
import { CarbonPassportError } from '../errors.js'

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]))

/** Base58btc encoding (Bitcoin alphabet) of bytes, without the multibase `z`. */
export function base58btcEncode(bytes: Uint8Array): string {
  let zeros = 0
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++
  const digits: number[] = []
  for (let i = zeros; i < bytes.length; i++) {
    let carry = bytes[i] ?? 0
    for (let j = 0; j < digits.length; j++) {
      carry += (digits[j] ?? 0) << 8
      digits[j] = carry % 58
      carry = (carry / 58) | 0
    }
    while (carry > 0) {
      digits.push(carry % 58)
      carry = (carry / 58) | 0
    }
  }
  let out = '1'.repeat(zeros)
  for (let i = digits.length - 1; i >= 0; i--) out += ALPHABET[digits[i] ?? 0]
  return out
}

/** Decodes base58btc text (no multibase prefix); throws `ERR_KEY_INVALID` on a bad character. */
export function base58btcDecode(text: string): Uint8Array {
  let zeros = 0
  while (zeros < text.length && text[zeros] === '1') zeros++
  const bytes: number[] = []
  for (let i = zeros; i < text.length; i++) {
    const value = INDEX.get(text[i] ?? '')
    if (value === undefined) {
      throw new CarbonPassportError('ERR_KEY_INVALID', 'not a base58btc string')
    }
    let carry = value
    for (let j = 0; j < bytes.length; j++) {
      carry += (bytes[j] ?? 0) * 58
      bytes[j] = carry & 0xff
      carry >>= 8
    }
    while (carry > 0) {
      bytes.push(carry & 0xff)
      carry >>= 8
    }
  }
  const out = new Uint8Array(zeros + bytes.length)
  for (let i = 0; i < bytes.length; i++) out[out.length - 1 - i] = bytes[i] ?? 0
  return out
}

/** Multicodec varint prefixes (two bytes each) of the key types this library reads and writes. */
export const MULTICODEC = {
  ed25519Public: [0xed, 0x01],
  ed25519Private: [0x80, 0x26],
  p256Public: [0x80, 0x24],
  p256Private: [0x86, 0x26],
} as const

export type MulticodecName = keyof typeof MULTICODEC

/** `z` + base58btc of a multicodec prefix and key bytes. */
export function encodeMultikey(codec: MulticodecName, key: Uint8Array): string {
  const prefix = MULTICODEC[codec]
  const bytes = new Uint8Array(prefix.length + key.length)
  bytes.set(prefix, 0)
  bytes.set(key, prefix.length)
  return `z${base58btcEncode(bytes)}`
}

/** Reads a `z…` multikey value: which codec it is, and the key bytes after the prefix. */
export function decodeMultikey(value: string): { codec: MulticodecName; key: Uint8Array } {
  if (typeof value !== 'string' || !value.startsWith('z')) {
    throw new CarbonPassportError('ERR_KEY_INVALID', 'a multikey value must start with "z"')
  }
  const bytes = base58btcDecode(value.slice(1))
  for (const [name, prefix] of Object.entries(MULTICODEC) as [
    MulticodecName,
    readonly number[],
  ][]) {
    if (bytes[0] === prefix[0] && bytes[1] === prefix[1]) {
      return { codec: name, key: bytes.slice(prefix.length) }
    }
  }
  throw new CarbonPassportError(
    'ERR_KEY_INVALID',
    'unsupported multikey type (only Ed25519 and P-256 are supported)',
  )
}
