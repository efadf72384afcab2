/**
 * `issueCredential`: signs any well-formed VC 2.0 credential with Data Integrity (eddsa-rdfc-2022 by
 * default, or ecdsa-rdfc-2019) or as a vc+jwt, and refuses a malformed one.
 */
import { VC_V2_CONTEXT_URL } from '../context/bundled.js'
import { defaultDocumentLoader } from '../context/default-loader.js'
import type { DocumentLoader } from '../context/loader.js'
import { CarbonPassportError } from '../errors.js'
import {
  asCarbonPassportError,
  assertJson,
  invalidArgument,
  isRecord,
  optionalBoolean,
  optionalDate,
  optionalOneOf,
  readOptions,
} from '../guard.js'
import { DEFAULT_MAX_DEPTH, illFormedFinding, inspectValue } from '../input/read.js'
import { KEY_ALGORITHMS } from '../keys/algorithms.js'
import { importKey } from '../keys/import.js'
import type { KeyPair } from '../keys/types.js'
import { contextFindings } from './checks/context.js'
import { type RelatedResources, relatedResourceFindings } from './checks/related-resources.js'
import { credentialSyntaxFindings } from './checks/syntax.js'
import {
  CRYPTOSUITE_ALGORITHM,
  isCryptosuiteName,
  issueDataIntegrity,
  readCompactForm,
} from './data-integrity/lazy.js'
import type { CryptosuiteName } from './data-integrity/suites.js'
import { issueCodes } from './issue.codes.js'
import { signVcJwt } from './jose/sign.js'

const { finding } = issueCodes

export type { CryptosuiteName } from './data-integrity/suites.js'

/** Options of `issueCredential` and `issuePassport`. */
export interface IssueOptions {
  /** The signing key (with its private part); its id becomes the verification method / `kid`. */
  key: KeyPair
  /** `data-integrity` (default) or `vc-jose`. */
  format?: 'data-integrity' | 'vc-jose'
  /** Data Integrity cryptosuite; by default eddsa-rdfc-2022 for Ed25519 and ecdsa-rdfc-2019 for P-256 keys. */
  cryptosuite?: CryptosuiteName
  /** The proof's `created`; now by default. */
  created?: Date
  /** The document loader for contexts (extra contexts come in through `createDocumentLoader`). */
  documentLoader?: DocumentLoader
  /** vc-jose only: return an `EnvelopedVerifiableCredential` instead of the compact JWS. */
  envelope?: boolean
  /**
   * The bytes of related resources you hold, by URL (as for `verifyCredential`): a
   * `relatedResource` whose digest does not match them is refused. Nothing is fetched.
   */
  relatedResources?: RelatedResources
}

/** A credential with a Data Integrity proof. */
export type SignedCredential = Record<string, unknown> & {
  /** The `DataIntegrityProof`: `cryptosuite`, `created`, `verificationMethod`, `proofValue`, … */
  proof: Record<string, unknown>
}

/** A vc+jwt wrapped for embedding (`id: data:application/vc+jwt,<jws>`). */
export interface EnvelopedCredential {
  /** The VC 2.0 base context, `https://www.w3.org/ns/credentials/v2`, alone. */
  '@context': string[]
  /** The credential itself, as a data URL: `data:application/vc+jwt,<compact JWS>`. */
  id: string
  /** The type VC 2.0 gives an enveloped verifiable credential. */
  type: 'EnvelopedVerifiableCredential'
}

const ISSUE_OPTION_KEYS = [
  'key',
  'format',
  'cryptosuite',
  'created',
  'documentLoader',
  'envelope',
  'relatedResources',
] as const

/**
 * Refuses what could never verify; returns the checked key and the view of the credential a Data
 * Integrity verifier's data checks read (checks/form.ts: nodes described in several places merged).
 * Options of the wrong type are `ERR_INVALID_ARGUMENT`, a credential that is not JSON (a cycle, a
 * BigInt, nesting deeper than 64, a member that cannot be read) `ERR_CREDENTIAL_MALFORMED`, before
 * any JSON-LD work. Inline (object) contexts are refused unless `rules.inlineContexts`.
 */
export async function checkIssuable(
  credential: unknown,
  options: IssueOptions,
  rules: { inlineContexts?: boolean } = {},
): Promise<{ key: KeyPair; view: Record<string, unknown> }> {
  const o = readOptions(options, ISSUE_OPTION_KEYS, 'options', true)
  if (o.key === undefined) {
    throw new CarbonPassportError('ERR_INVALID_ARGUMENT', 'options.key is required')
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
  if (credential === null || typeof credential !== 'object') {
    throw new CarbonPassportError('ERR_CREDENTIAL_MALFORMED', 'a credential must be a JSON object')
  }
  assertJson(credential, 'ERR_CREDENTIAL_MALFORMED', 'the credential')
  if (Array.isArray(credential)) {
    throw new CarbonPassportError('ERR_CREDENTIAL_MALFORMED', 'a credential must be a JSON object')
  }
  const record = credential as Record<string, unknown>
  const findings = credentialSyntaxFindings(record)
  if (record.proof !== undefined) findings.push(finding('ALREADY_SIGNED', '/proof'))
  const resources = o.relatedResources
  if (resources !== undefined && !(resources instanceof Map || isRecord(resources))) {
    throw invalidArgument('options.relatedResources must be an object or a Map of URL → bytes')
  }
  findings.push(...relatedResourceFindings(record, resources as RelatedResources | undefined))
  // A lone surrogate is signed as U+FFFD, so a verifier would accept other text in its place.
  // (assertJson has refused anything deeper than DEFAULT_MAX_DEPTH, so every string is reached.)
  const illFormed = illFormedFinding(inspectValue(record, DEFAULT_MAX_DEPTH))
  if (illFormed) findings.push(illFormed)
  const documentLoader = (o.documentLoader as DocumentLoader | undefined) ?? defaultDocumentLoader()
  const context = await contextFindings(record, {
    documentLoader,
    inline: rules.inlineContexts === true,
    // VC 1.1 only with Data Integrity: VC-JOSE-COSE secures VC 2.0 credentials only.
    vc1: rules.inlineContexts === true && o.format !== 'vc-jose',
  })
  findings.push(...context)
  // What is signed must be what a verifier's checks read (checks/form.ts). A generic vc+jwt signs
  // its JSON bytes, which are what verifyCredential's checks read, so it needs no compact form
  // (UNTP DPPs, for one, are not in it and sign as vc+jwt); a passport is held to it in both forms,
  // and issuePassport reads the view with every node's descriptions merged (a vc+jwt's JSON too).
  let view = record
  const jsonSigned = o.format === 'vc-jose' && rules.inlineContexts === true
  if (context.length === 0 && !jsonSigned) {
    const form = await readCompactForm(record, { documentLoader })
    findings.push(...form.findings)
    view = form.view
  }
  const errors = findings.filter((f) => f.severity === 'error')
  if (errors.length > 0) {
    throw new CarbonPassportError(
      'ERR_CREDENTIAL_MALFORMED',
      `the credential is not a well-formed VC 2.0 credential: ${errors
        .slice(0, 5)
        .map((f) => `${f.code} at ${f.path || '/'}`)
        .join('; ')}`,
      { details: { findings: errors } },
    )
  }
  return { key, view }
}

/**
 * Signs a credential. Data Integrity returns the credential with a `proof`; vc-jose returns the
 * compact JWS (or, with `envelope`, an EnvelopedVerifiableCredential).
 *
 * @example
 * ```ts
 * const signed = await issueCredential(credential, { key })                      // eddsa-rdfc-2022
 * const jwt = await issueCredential(credential, { key, format: 'vc-jose' })      // vc+jwt
 * ```
 * @throws CarbonPassportError `ERR_CREDENTIAL_MALFORMED` (with `details.findings`, or `details.path`
 *   for a credential that is not JSON), `ERR_KEY_INVALID`, `ERR_INVALID_ARGUMENT` (options of the
 *   wrong type or that cannot be read), `ERR_SIGNING_FAILED`. Nothing else.
 */
export async function issueCredential(
  credential: object,
  options: IssueOptions & { format: 'vc-jose'; envelope: true },
): Promise<EnvelopedCredential>
export async function issueCredential(
  credential: object,
  options: IssueOptions & { format: 'vc-jose' },
): Promise<string>
export async function issueCredential(
  credential: object,
  options: IssueOptions & { format?: 'data-integrity' },
): Promise<SignedCredential>
export async function issueCredential(
  credential: object,
  options: IssueOptions,
): Promise<SignedCredential | string | EnvelopedCredential>
export async function issueCredential(
  credential: object,
  options: IssueOptions,
): Promise<SignedCredential | string | EnvelopedCredential> {
  try {
    return await signCredential(credential, options)
  } catch (err) {
    throw asCarbonPassportError(err, 'ERR_INVALID_ARGUMENT', 'issueCredential')
  }
}

async function signCredential(
  credential: object,
  options: IssueOptions,
): Promise<SignedCredential | string | EnvelopedCredential> {
  // Generic credentials may carry inline contexts (passports never: issuePassport's own call).
  const { key } = await checkIssuable(credential, options, { inlineContexts: true })
  const record = credential as Record<string, unknown>
  const format = options.format ?? 'data-integrity'
  if (format === 'vc-jose') {
    const jws = await signVcJwt(record, key)
    return options.envelope
      ? {
          '@context': [VC_V2_CONTEXT_URL],
          id: `data:application/vc+jwt,${jws}`,
          type: 'EnvelopedVerifiableCredential',
        }
      : jws
  }
  if (format !== 'data-integrity') {
    throw new CarbonPassportError(
      'ERR_INVALID_ARGUMENT',
      'format must be "data-integrity" or "vc-jose"',
    )
  }
  const cryptosuite = options.cryptosuite ?? KEY_ALGORITHMS[key.algorithm].cryptosuite
  if (!isCryptosuiteName(cryptosuite)) {
    throw new CarbonPassportError(
      'ERR_INVALID_ARGUMENT',
      'cryptosuite must be eddsa-rdfc-2022 or ecdsa-rdfc-2019',
    )
  }
  if (CRYPTOSUITE_ALGORITHM[cryptosuite] !== key.algorithm) {
    throw new CarbonPassportError(
      'ERR_KEY_INVALID',
      `${cryptosuite} needs an ${CRYPTOSUITE_ALGORITHM[cryptosuite]} key`,
    )
  }
  return (await issueDataIntegrity(record, {
    key,
    cryptosuite,
    documentLoader: options.documentLoader ?? defaultDocumentLoader(),
    ...(options.created ? { created: options.created } : {}),
  })) as SignedCredential
}
