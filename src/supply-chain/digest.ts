/**
 * Digests of passports, for component references and attestations: `digestMultibase` is the
 * base64url multibase (`u`) of the sha2-256 multihash of the RFC 8785 (JCS) canonical JSON of the
 * credential without its `proof`. Leaving the proof out makes the digest the same whether the
 * upstream passport was secured with Data Integrity or as a vc+jwt.
 */
import { createHash } from 'node:crypto'
import canonicalizeModule from 'canonicalize'
import { CarbonPassportError } from '../errors.js'
import { asCarbonPassportError, assertJson, isRecord, MAX_JSON_DEPTH } from '../guard.js'

type Canonicalize = (input: unknown) => string | undefined
// canonicalize is CommonJS; under NodeNext the callable default export may sit on `.default`.
const canonicalize = ((canonicalizeModule as unknown as { default?: Canonicalize }).default ??
  canonicalizeModule) as unknown as Canonicalize

const SHA2_256_MULTIHASH_PREFIX = Buffer.from([0x12, 0x20])

/**
 * The `digestMultibase` of a passport (or any JSON credential), proof excluded.
 *
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` when the credential is not an object, or when
 *   RFC 8785 cannot canonicalize it: a cycle, a BigInt, a function, NaN or an infinity, a lone
 *   surrogate in a string or key, nesting deeper than 64 levels, or a member that cannot be read
 *   (`details.path` says where).
 */
export function computePassportDigest(credential: unknown): string {
  if (!isRecord(credential)) {
    throw new CarbonPassportError(
      'ERR_INVALID_ARGUMENT',
      'a digest is computed over a credential object',
    )
  }
  let canonical: string | undefined
  try {
    const { proof: _proof, ...content } = credential
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
  const hash = createHash('sha256').update(canonical, 'utf8').digest()
  return `u${Buffer.concat([SHA2_256_MULTIHASH_PREFIX, hash]).toString('base64url')}`
}
