/**
 * Bitstring Status List helpers for issuers: create a status list credential, flip a status bit,
 * and write the `credentialStatus` entry of a passport. Sign the list with `issueCredential` and
 * publish it; verifiers pass it to `verifyCredential` through `statusLists`.
 */
import { createList, decodeList } from '@digitalbazaar/vc-bitstring-status-list'
import { VC_V2_CONTEXT_URL } from '../context/bundled.js'
import { CarbonPassportError } from '../errors.js'
import type { Issuer } from '../model/types.js'
import { isAbsoluteUrl } from './checks/syntax.js'
import { toDateTime } from './create.js'
import { isUnwrapFailure, unwrapCredential } from './envelope.js'

export type StatusPurpose = 'revocation' | 'suspension'

/** Bitstring Status List §2.1: lists have at least 131,072 entries (16 KiB), for herd privacy. */
export const MIN_STATUS_LIST_LENGTH = 131_072

export interface CreateStatusListOptions {
  /** The URL the status list credential is published at (its `id`). */
  id: string
  /** The issuer; must be the issuer of the passports that point to this list. */
  issuer: string | Issuer
  statusPurpose?: StatusPurpose
  /** Number of entries (at least 131,072, the default). */
  length?: number
  validFrom?: Date
  validUntil?: Date
}

/** An unsigned BitstringStatusListCredential. */
export interface StatusListCredential {
  '@context': string[]
  id: string
  type: ['VerifiableCredential', 'BitstringStatusListCredential']
  issuer: string | Issuer
  validFrom: string
  validUntil?: string
  credentialSubject: {
    id: string
    type: 'BitstringStatusList'
    statusPurpose: StatusPurpose
    encodedList: string
  }
}

/** The `credentialStatus` entry for a passport. */
export interface BitstringStatusListEntry {
  id: string
  type: 'BitstringStatusListEntry'
  statusPurpose: StatusPurpose
  statusListIndex: string
  statusListCredential: string
}

/** Creates an unsigned status list credential with every status cleared. */
export async function createStatusList(
  options: CreateStatusListOptions,
): Promise<StatusListCredential> {
  if (!isAbsoluteUrl(options?.id)) {
    throw new CarbonPassportError(
      'ERR_INVALID_ARGUMENT',
      'options.id must be the URL of the status list',
    )
  }
  const length = options.length ?? MIN_STATUS_LIST_LENGTH
  if (!Number.isSafeInteger(length) || length < MIN_STATUS_LIST_LENGTH || length % 8 !== 0) {
    throw new CarbonPassportError(
      'ERR_STATUS_LIST',
      `length must be a multiple of 8 and at least ${MIN_STATUS_LIST_LENGTH}`,
    )
  }
  const list = await createList({ length })
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
      encodedList: await list.encode(),
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
  let list: Awaited<ReturnType<typeof decodeList>>
  try {
    list = await decodeList({ encodedList: subject.encodedList })
  } catch (err) {
    throw new CarbonPassportError('ERR_STATUS_LIST', 'the encodedList cannot be decoded', {
      cause: err,
    })
  }
  if (!Number.isSafeInteger(index) || index < 0 || index >= list.length) {
    throw new CarbonPassportError(
      'ERR_STATUS_LIST',
      `index must be an integer from 0 to ${list.length - 1}`,
    )
  }
  if (typeof status !== 'boolean') {
    throw new CarbonPassportError('ERR_INVALID_ARGUMENT', 'status must be a boolean')
  }
  list.setStatus(index, status)
  return {
    ...(credential as unknown as StatusListCredential),
    validFrom: toDateTime(options.validFrom ?? new Date()),
    credentialSubject: {
      ...(subject as StatusListCredential['credentialSubject']),
      encodedList: await list.encode(),
    },
  }
}

/** The `credentialStatus` entry pointing at `index` of a status list. */
export function createStatusEntry(options: {
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
