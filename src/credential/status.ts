/**
 * Bitstring Status List helpers for issuers: create a status list credential, flip a status bit,
 * and write the `credentialStatus` entry of a passport. Sign the list with `issueCredential` and
 * publish it; verifiers pass it to `verifyCredential` through `statusLists`.
 *
 * Also the one decoder of `encodedList` (verification and `setStatus`), with caps: a list is GZIP
 * (RFC 1952) in multibase base64url (`u…`, no padding), inflates to between MIN_STATUS_LIST_LENGTH
 * and MAX_STATUS_LIST_LENGTH bits, and its text is at most MAX_ENCODED_STATUS_LIST_LENGTH long.
 * Inflation stops at the cap (zlib `maxOutputLength`), so a GZIP bomb costs no more than a list at
 * the cap.
 */
import { promisify } from 'node:util'
import { gunzip, gzip } from 'node:zlib'
import { VC_V2_CONTEXT_URL } from '../context/bundled.js'
import { toDateTime } from '../date-time.js'
import { CarbonPassportError } from '../errors.js'
import {
  asCarbonPassportError,
  assertJson,
  invalidArgument,
  isRecord,
  optionalDate,
  optionalOneOf,
  readOptions,
} from '../guard.js'
import { isUnwrapFailure, unwrapCredential } from '../input/envelope.js'
import type { Issuer } from '../model/types.js'
import { isAbsoluteUrl } from './checks/syntax.js'

/**
 * The Bitstring Status List purposes this library writes: `revocation` (the spec makes it final)
 * or `suspension` (reversible). The spec's `refresh` and `message` are not written; verification
 * reports a set bit of those as `STATUS_MESSAGE`, for information only.
 */
export type StatusPurpose = 'revocation' | 'suspension'

/** Bitstring Status List §2.1: lists have at least 131,072 entries (16 KiB), for herd privacy. */
export const MIN_STATUS_LIST_LENGTH = 131_072

/**
 * The most entries a status list may have: 2^27 = 134,217,728 (16 MiB inflated), 1,024 times the
 * minimum. Inflation stops here; a longer list is refused (STATUS_LIST_INVALID, ERR_STATUS_LIST).
 */
export const MAX_STATUS_LIST_LENGTH = 2 ** 27

/**
 * The longest `encodedList` text read: 8 Mi characters (6 MiB of GZIP). Mostly-clear lists shrink
 * by two to three orders of magnitude, so real lists stay far below it; the 1 MiB default input cap
 * (`maxBytes`) of a status list credential binds long before it.
 */
export const MAX_ENCODED_STATUS_LIST_LENGTH = 8 * 1024 * 1024

/** A decoded status list: one bit per entry, entry 0 the most significant bit of byte 0. */
export interface DecodedStatusList {
  /** The number of entries (8 per byte). */
  length: number
  bits: Uint8Array
}

const gunzipAsync = promisify(gunzip)
const gzipAsync = promisify(gzip)
const ENCODED_LIST = /^u[A-Za-z0-9_-]*$/

/**
 * Decodes an `encodedList` (Bitstring Status List §2.1): multibase `u` + base64url without padding
 * of the GZIP-compressed bitstring, within the caps. Never throws: returns the reason on failure.
 */
export async function decodeStatusList(
  encodedList: unknown,
): Promise<{ list: DecodedStatusList } | { reason: string }> {
  if (typeof encodedList !== 'string') return { reason: 'the encodedList is not a string' }
  if (encodedList.length > MAX_ENCODED_STATUS_LIST_LENGTH) {
    return {
      reason: `the encodedList has ${encodedList.length} characters; the cap is ${MAX_ENCODED_STATUS_LIST_LENGTH}`,
    }
  }
  if (!ENCODED_LIST.test(encodedList) || encodedList.length % 4 === 2) {
    return { reason: 'the encodedList is not multibase base64url ("u" + base64url, no padding)' }
  }
  const maxBytes = MAX_STATUS_LIST_LENGTH / 8
  let bits: Buffer
  try {
    bits = await gunzipAsync(Buffer.from(encodedList.slice(1), 'base64url'), {
      maxOutputLength: maxBytes,
    })
  } catch (err) {
    if ((err as { code?: unknown })?.code === 'ERR_BUFFER_TOO_LARGE') {
      return {
        reason: `the encodedList inflates past ${MAX_STATUS_LIST_LENGTH} entries (the cap)`,
      }
    }
    return { reason: 'the encodedList is not GZIP data' }
  }
  const length = bits.length * 8
  if (length < MIN_STATUS_LIST_LENGTH) {
    return {
      reason: `the list has ${length} entries; Bitstring Status List §2.1 requires at least ${MIN_STATUS_LIST_LENGTH}`,
    }
  }
  return { list: { length, bits } }
}

/** The status bit at `index` (0 ≤ index < list.length). */
export function statusBit(list: DecodedStatusList, index: number): boolean {
  return ((list.bits[index >>> 3] ?? 0) & (0x80 >>> (index & 7))) !== 0
}

/** The `encodedList` of a bitstring: GZIP, base64url, multibase `u`. */
async function encodeStatusList(bits: Uint8Array): Promise<string> {
  return `u${(await gzipAsync(bits)).toString('base64url')}`
}

/** Options of `createStatusList`. */
export interface CreateStatusListOptions {
  /** The URL the status list credential is published at (its `id`). */
  id: string
  /** The issuer; must be the issuer of the passports that point to this list. */
  issuer: string | Issuer
  /** What a set bit means; `revocation` by default. Entries must state the same purpose. */
  statusPurpose?: StatusPurpose
  /** Number of entries (at least 131,072, the default). */
  length?: number
  /**
   * The list's `validFrom`; now by default. Of several versions of one list, verification reads the
   * newest by `validFrom`.
   */
  validFrom?: Date
  /** The list's `validUntil`; none by default. Past it the list no longer verifies. */
  validUntil?: Date
}

/** An unsigned BitstringStatusListCredential. */
export interface StatusListCredential {
  /** The VC 2.0 base context alone; it defines the Bitstring Status List terms too. */
  '@context': string[]
  /** The URL the list is published at; entries name it in `statusListCredential`. */
  id: string
  /** VC 2.0 `type`: a `BitstringStatusListCredential` (Bitstring Status List). */
  type: ['VerifiableCredential', 'BitstringStatusListCredential']
  /** VC 2.0 `issuer`: must be the issuer of the credentials whose status it holds. */
  issuer: string | Issuer
  /**
   * VC 2.0 `validFrom`, in UTC without milliseconds. `setStatus` sets it anew (now by default):
   * of several versions of a list, verification reads the newest.
   */
  validFrom: string
  /** VC 2.0 `validUntil`, in the same form; after it the list no longer verifies. */
  validUntil?: string
  /** The `BitstringStatusList` itself (Bitstring Status List). */
  credentialSubject: {
    /** The list's id: the credential's `id` + `#list`. */
    id: string
    /** The Bitstring Status List type of the subject. */
    type: 'BitstringStatusList'
    /** What a set bit means; an entry's `statusPurpose` must match it. */
    statusPurpose: StatusPurpose
    /**
     * The bitstring, entry 0 the most significant bit of byte 0: GZIP-compressed, then base64url
     * without padding behind the multibase prefix `u`. At least 16 KiB (131,072 entries) inflated.
     */
    encodedList: string
  }
}

/** The `credentialStatus` entry for a passport. */
export interface BitstringStatusListEntry {
  /** The entry's id: `<statusListCredential>#<index>`. */
  id: string
  /** The Bitstring Status List type of a status entry. */
  type: 'BitstringStatusListEntry'
  /** What the bit means; it must be the list's `statusPurpose`. `revocation` by default. */
  statusPurpose: StatusPurpose
  /**
   * The bit's position in the list, 0 for the first, as a base-10 string: Bitstring Status List
   * requires a string (verification accepts a JSON number with a `STATUS_INDEX_NUMERIC` warning).
   */
  statusListIndex: string
  /** The URL of the status list credential (its `id`); verifiers are given it, never fetch it. */
  statusListCredential: string
}

/** Creates an unsigned status list credential with every status cleared. */
export async function createStatusList(
  options: CreateStatusListOptions,
): Promise<StatusListCredential> {
  try {
    return await newStatusList(statusListOptions(options))
  } catch (err) {
    throw asCarbonPassportError(err, 'ERR_INVALID_ARGUMENT', 'createStatusList')
  }
}

/** The options of `createStatusList`, read once; issuer, purpose and dates checked. */
function statusListOptions(options: unknown): CreateStatusListOptions {
  const o = readOptions(
    options,
    ['id', 'issuer', 'statusPurpose', 'length', 'validFrom', 'validUntil'],
    'options',
    true,
  )
  const issuer = o.issuer
  const issuerId = typeof issuer === 'string' ? issuer : isRecord(issuer) ? issuer.id : undefined
  if (typeof issuerId !== 'string' || issuerId === '') {
    throw invalidArgument('options.issuer (a DID or IRI, or { id, name }) is required')
  }
  assertJson(issuer, 'ERR_INVALID_ARGUMENT', 'options.issuer')
  const statusPurpose = optionalOneOf(
    o.statusPurpose,
    ['revocation', 'suspension'] as const,
    'options.statusPurpose',
  )
  const validFrom = optionalDate(o.validFrom, 'options.validFrom')
  const validUntil = optionalDate(o.validUntil, 'options.validUntil')
  return {
    id: o.id as string,
    issuer: (typeof issuer === 'string' ? issuer : structuredClone(issuer)) as string | Issuer,
    ...(o.length === undefined ? {} : { length: o.length as number }),
    ...(statusPurpose === undefined ? {} : { statusPurpose }),
    ...(validFrom === undefined ? {} : { validFrom }),
    ...(validUntil === undefined ? {} : { validUntil }),
  }
}

async function newStatusList(options: CreateStatusListOptions): Promise<StatusListCredential> {
  if (!isAbsoluteUrl(options?.id)) {
    throw new CarbonPassportError(
      'ERR_INVALID_ARGUMENT',
      'options.id must be the URL of the status list',
    )
  }
  const length = options.length ?? MIN_STATUS_LIST_LENGTH
  if (
    !Number.isSafeInteger(length) ||
    length < MIN_STATUS_LIST_LENGTH ||
    length > MAX_STATUS_LIST_LENGTH ||
    length % 8 !== 0
  ) {
    throw new CarbonPassportError(
      'ERR_STATUS_LIST',
      `length must be a multiple of 8 from ${MIN_STATUS_LIST_LENGTH} to ${MAX_STATUS_LIST_LENGTH}`,
    )
  }
  const validFrom = options.validFrom ?? new Date()
  return {
    '@context': [VC_V2_CONTEXT_URL],
    id: options.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: options.issuer,
    validFrom: toDateTime(validFrom),
    ...(options.validUntil ? { validUntil: toDateTime(options.validUntil) } : {}),
    credentialSubject: {
      id: `${options.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: options.statusPurpose ?? 'revocation',
      encodedList: await encodeStatusList(new Uint8Array(length / 8)),
    },
  }
}

/**
 * Returns a copy of a status list credential (signed or not; object, vc+jwt or envelope) with the
 * status at `index` set or cleared, unsigned: sign it again with `issueCredential` and republish.
 */
export async function setStatus(
  statusList: unknown,
  index: number,
  status: boolean,
  options: { validFrom?: Date } = {},
): Promise<StatusListCredential> {
  try {
    const validFrom = optionalDate(
      readOptions(options, ['validFrom']).validFrom,
      'options.validFrom',
    )
    return await setStatusOf(statusList, index, status, validFrom ? { validFrom } : {})
  } catch (err) {
    throw asCarbonPassportError(err, 'ERR_INVALID_ARGUMENT', 'setStatus')
  }
}

async function setStatusOf(
  statusList: unknown,
  index: number,
  status: boolean,
  options: { validFrom?: Date },
): Promise<StatusListCredential> {
  const unwrapped = unwrapCredential(statusList)
  if (isUnwrapFailure(unwrapped)) {
    throw new CarbonPassportError(
      'ERR_STATUS_LIST',
      `not a status list credential: ${unwrapped.message}`,
    )
  }
  const { proof: _proof, ...credential } = unwrapped.credential
  const subject = credential.credentialSubject as Record<string, unknown> | undefined
  if (typeof subject?.encodedList !== 'string') {
    throw new CarbonPassportError(
      'ERR_STATUS_LIST',
      'the credential has no credentialSubject.encodedList',
    )
  }
  const decoded = await decodeStatusList(subject.encodedList)
  if ('reason' in decoded) {
    throw new CarbonPassportError(
      'ERR_STATUS_LIST',
      `the encodedList cannot be decoded: ${decoded.reason}`,
    )
  }
  const list = decoded.list
  if (!Number.isSafeInteger(index) || index < 0 || index >= list.length) {
    throw new CarbonPassportError(
      'ERR_STATUS_LIST',
      `index must be an integer from 0 to ${list.length - 1}`,
    )
  }
  if (typeof status !== 'boolean') {
    throw new CarbonPassportError('ERR_INVALID_ARGUMENT', 'status must be a boolean')
  }
  const bits = Uint8Array.from(list.bits)
  const mask = 0x80 >>> (index & 7)
  bits[index >>> 3] = status ? (bits[index >>> 3] ?? 0) | mask : (bits[index >>> 3] ?? 0) & ~mask
  return {
    ...(credential as unknown as StatusListCredential),
    validFrom: toDateTime(options.validFrom ?? new Date()),
    credentialSubject: {
      ...(subject as StatusListCredential['credentialSubject']),
      encodedList: await encodeStatusList(bits),
    },
  }
}

/** The `credentialStatus` entry pointing at `index` of a status list. */
export function createStatusEntry(options: {
  statusListCredential: string
  index: number
  statusPurpose?: StatusPurpose
}): BitstringStatusListEntry {
  try {
    const o = readOptions(
      options,
      ['statusListCredential', 'index', 'statusPurpose'],
      'options',
      true,
    )
    const statusPurpose = optionalOneOf(
      o.statusPurpose,
      ['revocation', 'suspension'] as const,
      'options.statusPurpose',
    )
    return statusEntryOf({
      statusListCredential: o.statusListCredential as string,
      index: o.index as number,
      ...(statusPurpose === undefined ? {} : { statusPurpose }),
    })
  } catch (err) {
    throw asCarbonPassportError(err, 'ERR_INVALID_ARGUMENT', 'createStatusEntry')
  }
}

function statusEntryOf(options: {
  statusListCredential: string
  index: number
  statusPurpose?: StatusPurpose
}): BitstringStatusListEntry {
  if (!isAbsoluteUrl(options?.statusListCredential)) {
    throw new CarbonPassportError('ERR_INVALID_ARGUMENT', 'statusListCredential must be a URL')
  }
  if (!Number.isSafeInteger(options.index) || options.index < 0) {
    throw new CarbonPassportError('ERR_INVALID_ARGUMENT', 'index must be a non-negative integer')
  }
  return {
    id: `${options.statusListCredential}#${options.index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: options.statusPurpose ?? 'revocation',
    statusListIndex: String(options.index),
    statusListCredential: options.statusListCredential,
  }
}
