/**
 * Integrity of related resources (VC 2.0 §5.3): each `relatedResource` whose bytes are known is
 * hashed and compared with its `digestSRI` and `digestMultibase`; a mismatch fails. Known bytes are
 * those the caller supplies (`relatedResources`, URL → bytes or UTF-8 text) and those of the
 * carbon-passport contexts, whose bundled files are the published ones. Nothing is fetched. A
 * resource whose bytes are not known is reported (info) and not checked: the contexts bundled from
 * other packages are parsed JSON, not the bytes their publishers serve, so no digest is claimed
 * for them.
 *
 * Digests: `digestSRI` is `sha256|sha384|sha512-<base64>` (W3C Subresource Integrity);
 * `digestMultibase` is `u` (base64url, no padding) or `z` (base58btc) of a multihash (sha2-256
 * `0x12`, sha2-384 `0x20`, sha2-512 `0x13`, with its length), or of a bare 32-, 48- or 64-byte
 * SHA-2 digest, as some issuers write it.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { PASSPORT_CONTEXT_URL, UNTP_EXTENSION_CONTEXT_URL } from '../../context/bundled.js'
import type { Finding } from '../../findings/finding.js'
import { pointer } from '../../findings/pointer.js'
import { isObject, type Json } from '../../json.js'
import { base58btcDecode } from '../../keys/multibase.js'
import { syntaxCodes } from './syntax.codes.js'
import { isAbsoluteUrl } from './syntax.js'

const { finding } = syntaxCodes

/** The bytes of related resources, by URL: what the caller holds (`Uint8Array`) or UTF-8 text. */
export type RelatedResources =
  | Readonly<Record<string, Uint8Array | string>>
  | ReadonlyMap<string, Uint8Array | string>

type Algorithm = 'sha256' | 'sha384' | 'sha512'

const BYTES: Record<Algorithm, number> = { sha256: 32, sha384: 48, sha512: 64 }
const MULTIHASH: Record<number, Algorithm> = { 18: 'sha256', 32: 'sha384', 19: 'sha512' }

let bundled: Map<string, Uint8Array> | undefined
/** The published bytes of the carbon-passport contexts, read once. */
function bundledResources(): Map<string, Uint8Array> {
  bundled ??= new Map([
    [PASSPORT_CONTEXT_URL, readFileSync(new URL('../../../contexts/v1.jsonld', import.meta.url))],
    [
      UNTP_EXTENSION_CONTEXT_URL,
      readFileSync(new URL('../../../contexts/untp-extension-v1.jsonld', import.meta.url)),
    ],
  ])
  return bundled
}

/** The bytes the caller gave for a URL, else the bundled ones, else undefined. */
function bytesOf(url: string, supplied: RelatedResources | undefined): Uint8Array | undefined {
  let value: unknown
  if (supplied instanceof Map) value = supplied.get(url)
  else if (isObject(supplied) && Object.hasOwn(supplied, url)) {
    value = (supplied as Record<string, unknown>)[url]
  }
  if (typeof value === 'string') return Buffer.from(value, 'utf8')
  if (value instanceof Uint8Array) return value
  return bundledResources().get(url)
}

/** The algorithm and expected digest of a `digestSRI`, or undefined when malformed. */
function readSri(value: string): { algorithm: Algorithm; digest: Buffer } | undefined {
  const match = /^(sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})$/.exec(value)
  if (!match) return undefined
  const algorithm = match[1] as Algorithm
  const digest = Buffer.from(match[2] as string, 'base64')
  return digest.length === BYTES[algorithm] ? { algorithm, digest } : undefined
}

/** The algorithm and expected digest of a `digestMultibase`, or undefined when unreadable. */
function readMultibase(value: string): { algorithm: Algorithm; digest: Uint8Array } | undefined {
  let bytes: Uint8Array
  const body = value.slice(1)
  if (value.startsWith('u') && /^[A-Za-z0-9_-]+$/.test(body) && body.length <= 100) {
    const decoded = Buffer.from(body, 'base64url')
    if (decoded.toString('base64url') !== body) return undefined
    bytes = decoded
  } else if (value.startsWith('z') && body.length <= 100) {
    try {
      bytes = base58btcDecode(body)
    } catch {
      return undefined
    }
  } else {
    return undefined
  }
  const code = bytes[0]
  const algorithm = code === undefined ? undefined : MULTIHASH[code]
  if (algorithm && bytes[1] === BYTES[algorithm] && bytes.length === BYTES[algorithm] + 2) {
    return { algorithm, digest: bytes.subarray(2) }
  }
  for (const bare of ['sha256', 'sha384', 'sha512'] as const) {
    if (bytes.length === BYTES[bare]) return { algorithm: bare, digest: bytes }
  }
  return undefined
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v])

/**
 * The digest findings of a credential's `relatedResource` entries (a malformed entry is the syntax
 * check's RELATED_RESOURCE_INVALID and is skipped here).
 */
export function relatedResourceFindings(
  credential: Json,
  supplied: RelatedResources | undefined,
): Finding[] {
  const findings: Finding[] = []
  const related = credential.relatedResource
  asList(related).forEach((entry, i) => {
    if (!isObject(entry) || !isAbsoluteUrl(entry.id)) return
    const path = Array.isArray(related) ? pointer('relatedResource', i) : '/relatedResource'
    const bytes = bytesOf(entry.id, supplied)
    if (bytes === undefined) {
      findings.push(
        finding(
          'RELATED_RESOURCE_NOT_CHECKED',
          path,
          `the bytes of ${entry.id} were not supplied (relatedResources); its digest was not checked`,
        ),
      )
      return
    }
    const hash = (algorithm: Algorithm) => createHash(algorithm).update(bytes).digest()
    for (const field of ['digestSRI', 'digestMultibase'] as const) {
      const value = entry[field]
      if (typeof value !== 'string') continue
      const expected = field === 'digestSRI' ? readSri(value) : readMultibase(value)
      if (!expected) {
        findings.push(
          finding('RELATED_RESOURCE_INVALID', `${path}/${field}`, `\`${field}\` cannot be read`),
        )
        continue
      }
      if (!hash(expected.algorithm).equals(expected.digest)) {
        findings.push(
          finding(
            'RELATED_RESOURCE_DIGEST_MISMATCH',
            `${path}/${field}`,
            `the ${expected.algorithm} digest of ${entry.id} is not the one the credential states`,
          ),
        )
      }
    }
  })
  return findings
}
