/** Writing a key out as a JWK or a Multikey verification method. */
import { CarbonPassportError } from '../errors.js'
import { invalidArgument, optionalBoolean, optionalOneOf, readOptions } from '../guard.js'
import { KEY_ALGORITHMS } from './algorithms.js'
import { secretMultibaseFromJwk } from './codecs.js'
import { invalidKey } from './errors.js'
import { importKey } from './import.js'
import type { ExportKeyOptions, KeyPair } from './types.js'

/**
 * Exports a key as a JWK (`kid` = the key id, `alg` = EdDSA or ES256) or a Multikey verification
 * method. The private part is left out unless `includePrivate` is set.
 *
 * @example
 * ```ts
 * const publicJwk = exportKey(key, { format: 'jwk' })
 * const backup = exportKey(key, { format: 'multikey', includePrivate: true })
 * ```
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` for options that are not an object, a format
 *   other than `jwk` or `multikey` or an `includePrivate` that is not a boolean; `ERR_KEY_INVALID`
 *   for a key that is not one, or has no private part to include.
 */
export function exportKey(key: KeyPair, options: ExportKeyOptions): Record<string, unknown> {
  const o = readOptions(options, ['format', 'includePrivate'], 'options', true)
  const format = optionalOneOf(o.format, ['jwk', 'multikey'] as const, 'options.format')
  if (format === undefined)
    throw invalidArgument('options.format ("jwk" or "multikey") is required')
  const includePrivate = optionalBoolean(o.includePrivate, 'options.includePrivate') === true
  const checked = importKey(key)
  const privateKeyJwk = includePrivate ? checked.privateKeyJwk : undefined
  if (includePrivate && !privateKeyJwk) {
    throw invalidKey('the key has no private part to export')
  }
  if (format === 'jwk') {
    return {
      ...checked.publicKeyJwk,
      ...(privateKeyJwk ? { d: privateKeyJwk.d } : {}),
      kid: checked.id,
      alg: KEY_ALGORITHMS[checked.algorithm].jwsAlg,
    }
  }
  if (format === 'multikey') {
    return {
      id: checked.id,
      type: 'Multikey',
      controller: checked.controller,
      publicKeyMultibase: checked.publicKeyMultibase,
      ...(privateKeyJwk
        ? { secretKeyMultibase: secretMultibaseFromJwk(checked.algorithm, privateKeyJwk) }
        : {}),
    }
  }
  throw new CarbonPassportError('ERR_INVALID_ARGUMENT', 'format must be "jwk" or "multikey"')
}
