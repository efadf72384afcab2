/**
 * The `status` check: Bitstring Status List entries, read from status list credentials the caller
 * supplies (nothing is fetched). A list must verify, come from the same issuer and have the same
 * purpose; a set bit for revocation or suspension fails the check.
 *
 * Versions. `statusLists` may hold several versions of one list (the same `id`). The versions that
 * count are those that verify as a BitstringStatusListCredential of the credential's issuer; of
 * these the newest by `validFrom` decides (a version without `validFrom` counts as the oldest).
 * When several tie for newest, all of them are read and a status set in any counts (fail closed).
 * Newer versions that do not count are reported as a warning; when no version counts, the entry
 * fails with STATUS_LIST_INVALID. A newest version that counts but has another purpose, cannot be
 * decoded or is too short or too long fails too: it never falls back to an older one.
 *
 * Work. The supplied lists are indexed by `id` once per `statusLists` array (again when the array
 * changed in place); a list is verified only when an entry names it, newest first, stopping at the
 * first version that counts (and its ties), and decoded once however many entries point into it.
 * Verifying many credentials with one `statusLists` array, what a list resolved to (verified and
 * decoded, or why not) is reused while everything its verification reads is the same
 * (`StatusOptions.reuse`): a batch from one issuer verifies and inflates its list once, not once a
 * credential.
 */

import { parseDateTime } from '../../date-time.js'
import { pointer } from '../../findings/pointer.js'
import { isUnwrapFailure, unwrapCredential } from '../../input/envelope.js'
import { type InputLimits, readInput } from '../../input/read.js'
import { isObject, type Json } from '../../json.js'
import type { Finding, VerificationResult } from '../../results.js'
import type { DecodedStatusList } from '../status.js'
import { statusCodes } from './status.codes.js'
import { issuerId } from './syntax.js'

const { finding } = statusCodes

export interface StatusOptions {
  statusLists: readonly unknown[]
  /** Verifies a status list credential (the caller's own options, without status lists). */
  verifyList: (input: unknown) => Promise<VerificationResult>
  /**
   * The caller's input caps, applied when indexing the supplied lists (a list over them is left
   * out of the index, and the entry that names it fails). Without them lists are only unwrapped;
   * `verifyList` applies the caps anyway before a list can count.
   */
  limits?: InputLimits
  /**
   * Lets what a list resolved to be reused by later calls with the same `statusLists` array:
   * `context` gives (only asked when a list is named) everything the list's verification reads besides the list (loader, keys, caps,
   * clock), compared entry by entry (identity); `liveClock` when the clock is the current time, and
   * then a resolution is reused for at most STATUS_REUSE_MS. Without it nothing is reused.
   */
  reuse?: { context: () => readonly unknown[]; now: number; liveClock: boolean }
}

/**
 * How long a status list resolved against the current time (no `now` given) is reused: a second,
 * far below the clock skew verification allows anyway (300 s by default).
 */
export const STATUS_REUSE_MS = 1000

export interface StatusOutcome {
  ran: boolean
  findings: Finding[]
}

const typesOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v])

/** A `type` as VC 2.0 requires one: a non-empty string or a non-empty list of them. */
const isTyped = (t: unknown): boolean =>
  typeof t === 'string'
    ? t !== ''
    : Array.isArray(t) && t.length > 0 && t.every((x) => typeof x === 'string' && x !== '')

/** One supplied version of a status list. */
interface Version {
  input: unknown
  credential: Json
  /** `validFrom` in ms since the epoch; -Infinity when absent or unreadable. */
  validFrom: number
}

/** What a list id resolves to: the newest counting versions, decoded, or why there are none. */
type Resolution =
  | { ok: false; message: string }
  | {
      ok: true
      versions: { credential: Json; subject: Json; list: DecodedStatusList }[]
      /** Why newer (or tied) supplied versions were passed over. */
      ignored: string[]
    }

function validFromOf(credential: Json): number {
  return parseDateTime(credential.validFrom) ?? Number.NEGATIVE_INFINITY
}

/** Indexes the supplied lists by `id`; an input that cannot be read is left out. */
function indexLists(statusLists: readonly unknown[], limits: InputLimits | undefined) {
  const index = new Map<string, Version[]>()
  let unreadable = 0
  for (const input of Array.isArray(statusLists) ? statusLists : []) {
    let version: Version | undefined
    let id: unknown
    try {
      let credential: Json | undefined
      if (limits) {
        const read = readInput(input, limits)
        credential = read.ok ? read.unwrapped.credential : undefined
      } else {
        const unwrapped = unwrapCredential(input)
        credential = isUnwrapFailure(unwrapped) ? undefined : unwrapped.credential
      }
      id = credential?.id
      if (credential) version = { input, credential, validFrom: validFromOf(credential) }
    } catch {
      version = undefined // a hostile object (a throwing getter, a proxy): not a list
    }
    if (version === undefined || typeof id !== 'string') {
      unreadable++
      continue
    }
    const versions = index.get(id)
    if (versions) versions.push(version)
    else index.set(id, [version])
  }
  return { index, unreadable }
}

/** One `statusLists` array as last seen: its entries, its index, and the lists resolved so far. */
interface SharedLists {
  entries: readonly unknown[]
  limits: InputLimits | undefined
  index: Map<string, Version[]>
  unreadable: number
  resolved?: {
    context: readonly unknown[]
    until: number
    /** By list id and the credential's issuer. */
    byList: Map<string, Promise<Resolution>>
  }
}

const sharedLists = new WeakMap<readonly unknown[], SharedLists>()

const sameEntries = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i])

/** The index of a `statusLists` array: built once per array, again when it changed in place. */
function sharedIndex(
  statusLists: readonly unknown[],
  limits: InputLimits | undefined,
): SharedLists {
  // Not an array (misuse): an empty index, never kept.
  if (!Array.isArray(statusLists)) return { entries: [], limits, ...indexLists([], limits) }
  const known = sharedLists.get(statusLists)
  if (
    known &&
    sameEntries(known.entries, statusLists) &&
    known.limits?.maxBytes === limits?.maxBytes &&
    known.limits?.maxDepth === limits?.maxDepth
  ) {
    return known
  }
  const shared: SharedLists = {
    entries: [...statusLists],
    limits,
    ...indexLists(statusLists, limits),
  }
  sharedLists.set(statusLists, shared)
  return shared
}

/** The resolutions of this call: shared with earlier calls when `reuse` allows, else its own. */
function resolutionsFor(
  shared: SharedLists,
  reuse: StatusOptions['reuse'],
): Map<string, Promise<Resolution>> {
  if (!reuse) return new Map()
  const context = reuse.context()
  const resolved = shared.resolved
  if (resolved && reuse.now <= resolved.until && sameEntries(resolved.context, context)) {
    return resolved.byList
  }
  const byList = new Map<string, Promise<Resolution>>()
  shared.resolved = {
    context,
    until: reuse.liveClock ? reuse.now + STATUS_REUSE_MS : Number.POSITIVE_INFINITY,
    byList,
  }
  return byList
}

/**
 * The status list codec (it loads node:zlib), on the first credential with a status entry: most
 * credentials have none, and a verification without one need not load it (start-up, issue 13).
 */
const statusListCodec = () => import('../status.js')

async function resolveList(
  listId: string,
  versions: readonly Version[],
  issuer: string | undefined,
  verifyList: StatusOptions['verifyList'],
): Promise<Resolution> {
  // Newest first; stable, so equal dates keep the order they were supplied in. (No subtraction:
  // -Infinity - -Infinity is NaN.)
  const ordered = [...versions].sort((a, b) =>
    a.validFrom === b.validFrom ? 0 : a.validFrom < b.validFrom ? 1 : -1,
  )
  const counting: { validFrom: number; credential: Json }[] = []
  const ignored: string[] = []
  for (const version of ordered) {
    const newest = counting[0]
    if (newest !== undefined && version.validFrom < newest.validFrom) break
    const verdict = await countingCredential(version, issuer, verifyList)
    if (typeof verdict === 'string') ignored.push(verdict)
    else counting.push({ validFrom: version.validFrom, credential: verdict })
  }
  if (counting.length === 0) {
    const reasons = [...new Set(ignored)]
    return { ok: false, message: `the status list ${listId} ${reasons.join('; ')}` }
  }
  const { decodeStatusList } = await statusListCodec()
  const decoded: { credential: Json; subject: Json; list: DecodedStatusList }[] = []
  for (const version of counting) {
    const subject = version.credential.credentialSubject as Json
    const result = await decodeStatusList(subject.encodedList)
    if ('reason' in result) {
      return { ok: false, message: `the status list ${listId} cannot be used: ${result.reason}` }
    }
    decoded.push({ credential: version.credential, subject, list: result.list })
  }
  return { ok: true, versions: decoded, ignored }
}

/**
 * The credential of a version that counts, as its verification read it (the data the proof
 * backs), or why it does not count.
 */
async function countingCredential(
  version: Version,
  issuer: string | undefined,
  verifyList: StatusOptions['verifyList'],
): Promise<Json | string> {
  const result = await verifyList(version.input)
  if (!result.verified) {
    const codes = [...new Set(result.errors.map((e) => e.code))].join(', ')
    return `does not verify (${codes})`
  }
  const credential = isObject(result.credential) ? result.credential : version.credential
  if (
    !typesOf(credential.type).includes('BitstringStatusListCredential') ||
    !isObject(credential.credentialSubject)
  ) {
    return 'is not a BitstringStatusListCredential'
  }
  if (credential.id !== version.credential.id) return 'has another id once verified'
  if (issuerId(credential) !== issuer) return 'has another issuer than the credential'
  return credential
}

export async function statusFindings(
  credential: Json,
  options: StatusOptions,
): Promise<StatusOutcome> {
  const raw = credential.credentialStatus
  if (raw === undefined) return { ran: false, findings: [] }
  const { statusBit } = await statusListCodec()
  const findings: Finding[] = []
  const entries = Array.isArray(raw) ? raw : [raw]
  const shared = sharedIndex(options.statusLists, options.limits)
  const { index: lists, unreadable } = shared
  const issuer = issuerId(credential)
  const resolutions = resolutionsFor(
    shared,
    Array.isArray(options.statusLists) ? options.reuse : undefined,
  )
  const warned = new Set<string>()
  for (const [i, entry] of entries.entries()) {
    const path = Array.isArray(raw) ? pointer('credentialStatus', i) : '/credentialStatus'
    if (!isObject(entry) || !isTyped(entry.type)) {
      findings.push(finding('STATUS_TYPE_UNSUPPORTED', `${path}/type`))
      continue
    }
    if (!typesOf(entry.type).includes('BitstringStatusListEntry')) {
      // VC 2.0 §4.10: a status mechanism the verifier does not know is reported, not failed.
      findings.push(
        finding(
          'STATUS_TYPE_UNKNOWN',
          `${path}/type`,
          `the status entry of type ${JSON.stringify(entry.type)} was not checked`,
        ),
      )
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
      findings.push(finding('STATUS_INDEX_NUMERIC', `${path}/statusListIndex`))
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
    const versions = lists.get(listId)
    if (!versions) {
      const note = unreadable > 0 ? ` (${unreadable} supplied lists could not be read)` : ''
      findings.push(
        finding(
          'STATUS_LIST_MISSING',
          `${path}/statusListCredential`,
          `the status list ${listId} was not supplied (statusLists); it is never fetched${note}`,
        ),
      )
      continue
    }
    // The same list resolves differently for another issuer (it must be the credential's).
    const key = `${issuer ?? ''}\n${listId}`
    let resolution = resolutions.get(key)
    if (!resolution) {
      resolution = resolveList(listId, versions, issuer, options.verifyList)
      resolutions.set(key, resolution)
    }
    const resolved = await resolution
    if (!resolved.ok) {
      findings.push(
        finding('STATUS_LIST_INVALID', `${path}/statusListCredential`, resolved.message),
      )
      continue
    }
    if (resolved.ignored.length > 0 && !warned.has(listId)) {
      warned.add(listId)
      findings.push(
        finding(
          'STATUS_LIST_INVALID',
          `${path}/statusListCredential`,
          `other supplied versions of ${listId} were ignored: ${[...new Set(resolved.ignored)].join('; ')}`,
          'warning',
        ),
      )
    }
    if (resolved.versions.some((v) => !typesOf(v.subject.statusPurpose).includes(purpose))) {
      findings.push(
        finding(
          'STATUS_LIST_INVALID',
          `${path}/statusPurpose`,
          `${listId} is not a ${purpose} list`,
        ),
      )
      continue
    }
    const short = resolved.versions.find((v) => index >= v.list.length)
    if (short) {
      findings.push(
        finding(
          'STATUS_INDEX_INVALID',
          `${path}/statusListIndex`,
          `index ${index} is outside the list (${short.list.length} entries)`,
        ),
      )
      continue
    }
    if (!resolved.versions.some((v) => statusBit(v.list, index))) continue
    if (purpose === 'revocation')
      findings.push(finding('REVOKED', path, `revoked in ${listId} at index ${index}`))
    else if (purpose === 'suspension')
      findings.push(finding('SUSPENDED', path, `suspended in ${listId} at index ${index}`))
    else
      findings.push(finding('STATUS_MESSAGE', path, `status ${purpose} is set at index ${index}`))
  }
  return { ran: true, findings }
}
