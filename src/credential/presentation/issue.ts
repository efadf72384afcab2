/**
 * `issuePresentation`: signs a VC 2.0 verifiable presentation as its holder, with a Data Integrity
 * proof (`proofPurpose: authentication`, the verifier's `challenge` and `domain`) or as a vp+jwt
 * (`nonce` and `aud` claims). The credentials it carries are signed already and are not changed.
 */
import { VC_V2_CONTEXT_URL } from '../../context/bundled.js'
import { defaultDocumentLoader } from '../../context/default-loader.js'
import type { DocumentLoader } from '../../context/loader.js'
import { CarbonPassportError } from '../../errors.js'
import {
  asCarbonPassportError,
  assertJson,
  invalidArgument,
  optionalBoolean,
  optionalDate,
  optionalOneOf,
  readOptions,
} from '../../guard.js'
import { DEFAULT_MAX_DEPTH, illFormedFinding, inspectValue } from '../../input/read.js'
import { KEY_ALGORITHMS } from '../../keys/algorithms.js'
import { importKey } from '../../keys/import.js'
import type { KeyPair } from '../../keys/types.js'
import { contextFindings } from '../checks/context.js'
import {
  CRYPTOSUITE_ALGORITHM,
  isCryptosuiteName,
  issueDataIntegrityPresentation,
  readCompactForm,
} from '../data-integrity/lazy.js'
import type { CryptosuiteName } from '../data-integrity/suites.js'
import { issueCodes } from '../issue.codes.js'
import { signJws } from '../jose/sign.js'
import { presentationSyntaxFindings } from './syntax.js'

/** Options of `issuePresentation`. */
export interface IssuePresentationOptions {
  /** The holder's signing key (with its private part); its id becomes the verification method / `kid`. */
  key: KeyPair
  /** The verifier's challenge (a nonce against replay): the proof's `challenge`, or the vp+jwt `nonce`. */
  challenge?: string
  /** The verifier's domain (who the presentation is for): the proof's `domain`, or the vp+jwt `aud`. */
  domain?: string
  /** `data-integrity` (default) or `vc-jose` (a `vp+jwt`). */
  format?: 'data-integrity' | 'vc-jose'
  /** Data Integrity cryptosuite; by default eddsa-rdfc-2022 for Ed25519 and ecdsa-rdfc-2019 for P-256 keys. */
  cryptosuite?: CryptosuiteName
  /** The proof's `created` (Data Integrity) or the `iat` claim (vc-jose); now by default. */
  created?: Date
  /** The document loader for contexts (extra contexts come in through `createDocumentLoader`). */
  documentLoader?: DocumentLoader
  /** vc-jose only: return an `EnvelopedVerifiablePresentation` instead of the compact JWS. */
  envelope?: boolean
}

/** A presentation with the holder's Data Integrity proof. */
export type SignedPresentation = Record<string, unknown> & {
  /** The `DataIntegrityProof`, `proofPurpose: authentication`, with `challenge`/`domain` when given. */
  proof: Record<string, unknown>
}

/** A vp+jwt wrapped as an object (`id: data:application/vp+jwt,<jws>`). */
export interface EnvelopedPresentation {
  /** The VC 2.0 base context, `https://www.w3.org/ns/credentials/v2`, alone. */
  '@context': string[]
  /** The presentation itself, as a data URL: `data:application/vp+jwt,<compact JWS>`. */
  id: string
  /** The type VC 2.0 gives an enveloped verifiable presentation. */
  type: 'EnvelopedVerifiablePresentation'
}

const OPTION_KEYS = [
  'key',
  'challenge',
  'domain',
  'format',
  'cryptosuite',
  'created',
  'documentLoader',
  'envelope',
] as const

/**
 * Refuses what could never verify (the rules of `issueCredential`, for a presentation): options of
 * the wrong type `ERR_INVALID_ARGUMENT`, a presentation that is not JSON or not a well-formed VC
 * 2.0 presentation `ERR_CREDENTIAL_MALFORMED` (with `details.findings`).
 */
async function checkPresentation(
  presentation: unknown,
  options: IssuePresentationOptions,
): Promise<KeyPair> {
  const o = readOptions(options, OPTION_KEYS, 'options', true)
  if (o.key === undefined) {
    throw new CarbonPassportError('ERR_INVALID_ARGUMENT', 'options.key is required')
  }
  for (const name of ['challenge', 'domain'] as const) {
    const value = o[name]
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      throw invalidArgument(`options.${name} must be a non-empty string`)
    }
  }
  optionalOneOf(o.format, ['data-integrity', 'vc-jose'] as const, 'options.format')
  if (o.cryptosuite !== undefined && !isCryptosuiteName(o.cryptosuite)) {
    throw invalidArgument('options.cryptosuite must be eddsa-rdfc-2022 or ecdsa-rdfc-2019')
  }
  optionalDate(o.created, 'options.created')
  optionalBoolean(o.envelope, 'options.envelope')
  if (o.documentLoader !== undefined && typeof o.documentLoader !== 'function') {
    throw invalidArgument('options.documentLoader must be a function (see createDocumentLoader)')
  }
  const key = importKey(o.key)
  if (!key.privateKeyJwk) {
    throw new CarbonPassportError('ERR_KEY_INVALID', 'the key has no private part; it cannot sign')
  }
  if (presentation === null || typeof presentation !== 'object') {
    throw new CarbonPassportError(
      'ERR_CREDENTIAL_MALFORMED',
      'a presentation must be a JSON object',
    )
  }
  assertJson(presentation, 'ERR_CREDENTIAL_MALFORMED', 'the presentation')
  if (Array.isArray(presentation)) {
    throw new CarbonPassportError(
      'ERR_CREDENTIAL_MALFORMED',
      'a presentation must be a JSON object',
    )
  }
  const record = presentation as Record<string, unknown>
  const findings = presentationSyntaxFindings(record)
  if (record.proof !== undefined) findings.push(issueCodes.finding('ALREADY_SIGNED', '/proof'))
  const illFormed = illFormedFinding(inspectValue(record, DEFAULT_MAX_DEPTH))
  if (illFormed) findings.push(illFormed)
  const documentLoader = (o.documentLoader as DocumentLoader | undefined) ?? defaultDocumentLoader()
  // The credentials carry their own contexts (and are signed already): only the presentation's
  // own top level is read here.
  const context = await contextFindings(record, {
    documentLoader,
    nestedContext: false,
    inline: true,
  })
  findings.push(...context)
  if (context.length === 0) {
    const { verifiableCredential: _credentials, ...own } = record
    findings.push(...(await readCompactForm(own, { documentLoader })).findings)
  }
  const errors = findings.filter((f) => f.severity === 'error')
  if (errors.length > 0) {
    throw new CarbonPassportError(
      'ERR_CREDENTIAL_MALFORMED',
      `the presentation is not a well-formed VC 2.0 presentation: ${errors
        .slice(0, 5)
        .map((f) => `${f.code} at ${f.path || '/'}`)
        .join('; ')}`,
      { details: { findings: errors } },
    )
  }
  return key
}

/**
 * Signs a presentation as its holder. Data Integrity returns the presentation with a proof whose
 * `proofPurpose` is `authentication` (and `challenge`, `domain` when given); vc-jose returns the
 * compact JWS (`typ: vp+jwt`, the presentation as payload, `nonce` = challenge, `aud` = domain,
 * `iat`), or with `envelope` an EnvelopedVerifiablePresentation. The key should be the holder's:
 * `verifyPresentation` checks that its controller is the `holder` and lists it under
 * `authentication`.
 *
 * @example
 * ```ts
 * const vp = await issuePresentation(
 *   { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'],
 *     holder: holderKey.controller, verifiableCredential: [signedPassport] },
 *   { key: holderKey, challenge: 'c0ffee', domain: 'https://customs.example' },
 * )
 * ```
 * @throws CarbonPassportError `ERR_CREDENTIAL_MALFORMED` (with `details.findings`, or `details.path`
 *   for a presentation that is not JSON), `ERR_KEY_INVALID`, `ERR_INVALID_ARGUMENT`,
 *   `ERR_SIGNING_FAILED`. Nothing else.
 */
export async function issuePresentation(
  presentation: object,
  options: IssuePresentationOptions & { format: 'vc-jose'; envelope: true },
): Promise<EnvelopedPresentation>
export async function issuePresentation(
  presentation: object,
  options: IssuePresentationOptions & { format: 'vc-jose' },
): Promise<string>
export async function issuePresentation(
  presentation: object,
  options: IssuePresentationOptions & { format?: 'data-integrity' },
): Promise<SignedPresentation>
export async function issuePresentation(
  presentation: object,
  options: IssuePresentationOptions,
): Promise<SignedPresentation | string | EnvelopedPresentation>
export async function issuePresentation(
  presentation: object,
  options: IssuePresentationOptions,
): Promise<SignedPresentation | string | EnvelopedPresentation> {
  try {
    return await signPresentation(presentation, options)
  } catch (err) {
    throw asCarbonPassportError(err, 'ERR_INVALID_ARGUMENT', 'issuePresentation')
  }
}

async function signPresentation(
  presentation: object,
  options: IssuePresentationOptions,
): Promise<SignedPresentation | string | EnvelopedPresentation> {
  const key = await checkPresentation(presentation, options)
  const record = presentation as Record<string, unknown>
  const format = options.format ?? 'data-integrity'
  if (format === 'vc-jose') {
    const payload: Record<string, unknown> = { ...record }
    const created = options.created ?? new Date()
    payload.iat = Math.floor(created.getTime() / 1000)
    if (options.challenge !== undefined) payload.nonce = options.challenge
    if (options.domain !== undefined) payload.aud = options.domain
    const jws = await signJws(payload, key, { typ: 'vp+jwt', cty: 'vp' })
    return options.envelope
      ? {
          '@context': [VC_V2_CONTEXT_URL],
          id: `data:application/vp+jwt,${jws}`,
          type: 'EnvelopedVerifiablePresentation',
        }
      : jws
  }
  const cryptosuite = options.cryptosuite ?? KEY_ALGORITHMS[key.algorithm].cryptosuite
  if (!isCryptosuiteName(cryptosuite)) {
    throw invalidArgument('cryptosuite must be eddsa-rdfc-2022 or ecdsa-rdfc-2019')
  }
  if (CRYPTOSUITE_ALGORITHM[cryptosuite] !== key.algorithm) {
    throw new CarbonPassportError(
      'ERR_KEY_INVALID',
      `${cryptosuite} needs an ${CRYPTOSUITE_ALGORITHM[cryptosuite]} key`,
    )
  }
  return (await issueDataIntegrityPresentation(record, {
    key,
    cryptosuite,
    documentLoader: options.documentLoader ?? defaultDocumentLoader(),
    ...(options.created ? { created: options.created } : {}),
    ...(options.challenge !== undefined ? { challenge: options.challenge } : {}),
    ...(options.domain !== undefined ? { domain: options.domain } : {}),
  })) as SignedPresentation
}
