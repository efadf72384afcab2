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

/**
 * The longest base58btc text of `byteLength` bytes (the length of n bytes of 0xff): each leading
 * zero byte is one `1`, every other byte needs log(256)/log(58) ≈ 1.37 digits. Decoding base58btc
 * is quadratic in the text's length, so untrusted text longer than this for the bytes expected is
 * refused before it is decoded.
 */
export function maxBase58Length(byteLength: number): number {
  let digits = maxLengths[byteLength]
  if (digits !== undefined) return digits
  // ceil(n · 8 / log2(58)), in integers: the digits that 256^n − 1 needs in base 58.
  digits = 0
  let value = 1n << BigInt(8 * byteLength)
  while (value > 1n) {
    value = (value + 57n) / 58n
    digits++
  }
  if (Number.isInteger(byteLength) && byteLength >= 0 && byteLength <= 1024) {
    maxLengths[byteLength] = digits
  }
  return digits
}
const maxLengths: number[] = []

/**
 * Decodes base58btc text (no multibase prefix); throws `ERR_KEY_INVALID` on a bad character. Its
 * time is quadratic in the length: bound untrusted text first (maxBase58Length).
 */
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

/**
 * The bytes of a multibase base58btc value (`z…`) that encodes exactly `byteLength` bytes, or
 * undefined for anything else: another multibase prefix (base64url `u…` included), a character
 * outside the alphabet, or another length. A text longer than any encoding of `byteLength` bytes is
 * refused before it is decoded, so the time is bounded whatever the input.
 */
export function decodeBase58Multibase(value: unknown, byteLength: number): Uint8Array | undefined {
  if (typeof value !== 'string' || value[0] !== 'z') return undefined
  if (value.length - 1 > maxBase58Length(byteLength)) return undefined
  let bytes: Uint8Array
  try {
    bytes = base58btcDecode(value.slice(1))
  } catch {
    return undefined
  }
  return bytes.length === byteLength ? bytes : undefined
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

/**
 * The longest multikey value this library reads, in bytes: a two-byte prefix and a 64-byte Ed25519
 * secret (seed and public key). Public keys are 34 (Ed25519) or 35 (compressed P-256) bytes.
 */
export const MAX_MULTIKEY_BYTES = 2 + 64
const MAX_MULTIKEY_LENGTH = 1 + maxBase58Length(MAX_MULTIKEY_BYTES)

/**
 * Reads a `z…` multikey value: which codec it is, and the key bytes after the prefix. A value
 * longer than any multikey (MAX_MULTIKEY_BYTES) is refused before it is decoded.
 */
export function decodeMultikey(value: string): { codec: MulticodecName; key: Uint8Array } {
  if (typeof value !== 'string' || !value.startsWith('z')) {
    throw new CarbonPassportError('ERR_KEY_INVALID', 'a multikey value must start with "z"')
  }
  if (value.length > MAX_MULTIKEY_LENGTH) {
    throw new CarbonPassportError(
      'ERR_KEY_INVALID',
      `a multikey value has at most ${MAX_MULTIKEY_LENGTH} characters; this one has ${value.length}`,
    )
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
