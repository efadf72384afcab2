/**
 * Digests of passports, for component references and attestations (docs/digests.md). The
 * `digestMultibase` of a passport is the base64url multibase (`u`) of the sha2-256 multihash
 * (`0x12 0x20` + the 32-byte hash) of the passport **as secured**:
 *
 * - a JSON credential (Data Integrity, or unsigned): the RFC 8785 (JCS) canonical JSON of the whole
 *   credential, its `proof` included, UTF-8 encoded;
 * - a vc+jwt: the exact bytes of the compact JWS (ASCII), as given alone, inside an
 *   `EnvelopedVerifiableCredential` (`data:application/vc+jwt,<jws>`) or as JSON text.
 *
 * The proof is part of what is digested so that the digest pins what a verifier resolves: a passport
 * whose proof was swapped (another key, another date, a proof set grown by one) no longer matches
 * the reference, just as a vc+jwt re-signed has other bytes. A JSON credential's digest does not
 * depend on key order or whitespace (JCS); a JWS's does not depend on surrounding whitespace, which
 * is no part of the compact serialization.
 */
import { createHash } from 'node:crypto'
import canonicalizeModule from 'canonicalize'
import { CarbonPassportError } from '../errors.js'
import { asCarbonPassportError, assertJson, isRecord, MAX_JSON_DEPTH } from '../guard.js'
import { isUnwrapFailure, unwrapCredential } from '../input/envelope.js'

type Canonicalize = (input: unknown) => string | undefined
// canonicalize is CommonJS; under NodeNext the callable default export may sit on `.default`.
const canonicalize = ((canonicalizeModule as unknown as { default?: Canonicalize }).default ??
  canonicalizeModule) as unknown as Canonicalize

const SHA2_256_MULTIHASH_PREFIX = Buffer.from([0x12, 0x20])

/** The `u` multibase of the sha2-256 multihash of `bytes`. */
export function sha256Multibase(bytes: string | Uint8Array): string {
  const hash = createHash('sha256')
    .update(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes)
    .digest()
  return `u${Buffer.concat([SHA2_256_MULTIHASH_PREFIX, hash]).toString('base64url')}`
}

/**
 * The `digestMultibase` of a passport (or of any VC 2.0 credential) as secured: over the RFC 8785
 * (JCS) form of a JSON credential, **proof included**, and over the exact bytes of the compact JWS
 * of a vc+jwt (docs/digests.md). Accepts what `verifyPassport` accepts: a credential object, a
 * compact JWS, an `EnvelopedVerifiableCredential` (its JWS is digested), a
 * `{ verifiableCredential }` wrapper, or JSON text of any of these.
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when the input is not a credential, or when
 *   RFC 8785 cannot canonicalize it: a cycle, a BigInt, a function, NaN or an infinity, a lone
 *   surrogate in a string or key, nesting deeper than 64 levels, or a member that cannot be read
 *   (`details.path` says where).
 *
 * @example
 * ```ts
 * const digestMultibase = computePassportDigest(signedCell) // 'uEiB…', 49 characters
 * computePassportDigest(cellJws) // the hash of the JWS bytes: another digest for the other form
 * ```
 */
export function computePassportDigest(credential: unknown): string {
  let unwrapped: ReturnType<typeof unwrapCredential>
  try {
    unwrapped = unwrapCredential(credential)
  } catch (err) {
    throw asCarbonPassportError(err, 'ERR_INVALID_ARGUMENT', 'the credential cannot be read')
  }
  if (isUnwrapFailure(unwrapped) || !isRecord(unwrapped.credential)) {
    throw new CarbonPassportError(
      'ERR_INVALID_ARGUMENT',
      `a digest is computed over a credential (an object, a compact JWS or an envelope)${isUnwrapFailure(unwrapped) ? `: ${unwrapped.message}` : ''}`,
    )
  }
  if (unwrapped.jws !== undefined) return sha256Multibase(unwrapped.jws)
  const content = unwrapped.credential
  let canonical: string | undefined
  try {
    assertJson(content, 'ERR_INVALID_ARGUMENT', 'the credential', {
      maxDepth: MAX_JSON_DEPTH,
      wellFormedStrings: true,
    })
    canonical = canonicalize(content)
  } catch (err) {
    throw asCarbonPassportError(
      err,
      'ERR_INVALID_ARGUMENT',
      'the credential cannot be canonicalized (RFC 8785)',
    )
  }
  if (canonical === undefined) {
    throw new CarbonPassportError('ERR_INVALID_ARGUMENT', 'the credential cannot be canonicalized')
  }
  return sha256Multibase(canonical)
}
