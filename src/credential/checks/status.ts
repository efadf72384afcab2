/**
 * The `status` check: Bitstring Status List entries, read from status list credentials the caller
 * supplies (nothing is fetched). A list must verify, come from the same issuer and have the same
 * purpose; a set bit for revocation or suspension fails the check.
 */
import { decodeList } from '@digitalbazaar/vc-bitstring-status-list'
import type { Finding, VerificationResult } from '../../results.js'
import { finding, pointer } from '../codes.js'
import { isUnwrapFailure, unwrapCredential } from '../envelope.js'
import { issuerId } from './syntax.js'

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v)

export interface StatusOptions {
  statusLists: readonly unknown[]
  /** Verifies a status list credential (the caller's own options, without status lists). */
  verifyList: (input: unknown) => Promise<VerificationResult>
}

export interface StatusOutcome {
  ran: boolean
  findings: Finding[]
}

const typesOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v])

export async function statusFindings(
  credential: Json,
  options: StatusOptions,
): Promise<StatusOutcome> {
  const raw = credential.credentialStatus
  if (raw === undefined) return { ran: false, findings: [] }
  const findings: Finding[] = []
  const entries = Array.isArray(raw) ? raw : [raw]
  // Index the supplied lists by id (unwrapping vc+jwt and envelopes).
  const lists = new Map<string, { input: unknown; credential: Json }>()
  for (const input of options.statusLists) {
    const unwrapped = unwrapCredential(input)
    if (!isUnwrapFailure(unwrapped) && typeof unwrapped.credential.id === 'string') {
      lists.set(unwrapped.credential.id, { input, credential: unwrapped.credential })
    }
  }
  const verdicts = new Map<string, Promise<VerificationResult>>()
  for (const [i, entry] of entries.entries()) {
    const path = Array.isArray(raw) ? pointer('credentialStatus', i) : '/credentialStatus'
    if (!isObject(entry) || !typesOf(entry.type).includes('BitstringStatusListEntry')) {
      findings.push(finding('STATUS_TYPE_UNSUPPORTED', `${path}/type`))
      continue
    }
    if (entry.statusSize !== undefined && entry.statusSize !== 1 && entry.statusSize !== '1') {
      findings.push(
        finding(
          'STATUS_TYPE_UNSUPPORTED',
          `${path}/statusSize`,
          'only one-bit status entries are supported',
        ),
      )
      continue
    }
    const rawIndex = entry.statusListIndex
    let index: number | undefined
    if (typeof rawIndex === 'string' && /^(0|[1-9][0-9]*)$/.test(rawIndex)) index = Number(rawIndex)
    else if (typeof rawIndex === 'number' && Number.isSafeInteger(rawIndex) && rawIndex >= 0) {
      index = rawIndex
      findings.push(
        finding('STATUS_INDEX_NUMERIC', `${path}/statusListIndex`, undefined, 'warning'),
      )
    }
    if (index === undefined || !Number.isSafeInteger(index)) {
      findings.push(finding('STATUS_INDEX_INVALID', `${path}/statusListIndex`))
      continue
    }
    const purpose = entry.statusPurpose
    const listId = entry.statusListCredential
    if (typeof purpose !== 'string' || typeof listId !== 'string') {
      findings.push(
        finding(
          'STATUS_TYPE_UNSUPPORTED',
          path,
          'a BitstringStatusListEntry needs statusPurpose and statusListCredential',
        ),
      )
      continue
    }
    const list = lists.get(listId)
    if (!list) {
      findings.push(
        finding(
          'STATUS_LIST_MISSING',
          `${path}/statusListCredential`,
          `the status list ${listId} was not supplied (statusLists); it is never fetched`,
        ),
      )
      continue
    }
    let verdict = verdicts.get(listId)
    if (!verdict) {
      verdict = options.verifyList(list.input)
      verdicts.set(listId, verdict)
    }
    const result = await verdict
    if (!result.verified) {
      const codes = [...new Set(result.errors.map((e) => e.code))].join(', ')
      findings.push(
        finding(
          'STATUS_LIST_INVALID',
          `${path}/statusListCredential`,
          `the status list ${listId} does not verify (${codes})`,
        ),
      )
      continue
    }
    const listCredential = list.credential
    const subject = listCredential.credentialSubject
    if (
      !typesOf(listCredential.type).includes('BitstringStatusListCredential') ||
      !isObject(subject)
    ) {
      findings.push(
        finding(
          'STATUS_LIST_INVALID',
          `${path}/statusListCredential`,
          `${listId} is not a BitstringStatusListCredential`,
        ),
      )
      continue
    }
    if (issuerId(listCredential) !== issuerId(credential)) {
      findings.push(
        finding(
          'STATUS_LIST_INVALID',
          `${path}/statusListCredential`,
          `${listId} has another issuer than the credential`,
        ),
      )
      continue
    }
    if (!typesOf(subject.statusPurpose).includes(purpose)) {
      findings.push(
        finding(
          'STATUS_LIST_INVALID',
          `${path}/statusPurpose`,
          `${listId} is not a ${purpose} list`,
        ),
      )
      continue
    }
    let bit: boolean
    try {
      const decoded = await decodeList({ encodedList: String(subject.encodedList) })
      if (index >= decoded.length) {
        findings.push(
          finding(
            'STATUS_INDEX_INVALID',
            `${path}/statusListIndex`,
            `index ${index} is outside the list (${decoded.length} entries)`,
          ),
        )
        continue
      }
      bit = decoded.getStatus(index)
    } catch {
      findings.push(
        finding(
          'STATUS_LIST_INVALID',
          `${path}/statusListCredential`,
          `${listId} has an undecodable encodedList`,
        ),
      )
      continue
    }
    if (!bit) continue
    if (purpose === 'revocation')
      findings.push(finding('REVOKED', path, `revoked in ${listId} at index ${index}`))
    else if (purpose === 'suspension')
      findings.push(finding('SUSPENDED', path, `suspended in ${listId} at index ${index}`))
    else
      findings.push(
        finding('STATUS_MESSAGE', path, `status ${purpose} is set at index ${index}`, 'info'),
      )
  }
  return { ran: true, findings }
}
