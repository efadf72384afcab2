/**
 * `attestPassport`: a verifier's attestation of a passport, a `CarbonPassportAttestation`
 * credential signed by the verification body whose subject is the passport (its id and digest) and
 * the figures verified.
 */
import { randomUUID } from 'node:crypto'
import { VC_V2_CONTEXT_URL } from '../context/bundled.js'
import type { DocumentLoader } from '../context/loader.js'
import {
  type EnvelopedCredential,
  type IssueOptions,
  issueCredential,
  type SignedCredential,
} from '../credential/issue.js'
import { toDateTime } from '../date-time.js'
import { CarbonPassportError } from '../errors.js'
import {
  asCarbonPassportError,
  invalidArgument,
  isRecord,
  optionalDate,
  optionalNonEmptyString,
  optionalOneOf,
  optionalString,
  readOptions,
} from '../guard.js'
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, readInput } from '../input/read.js'
import { importKey } from '../keys/import.js'
import type { KeyPair } from '../keys/types.js'
import { VERIFICATION_LEVELS, VERIFICATION_OPINIONS } from '../model/enums.js'
import { CONTEXT_V1_URL } from '../model/iris.js'
import { schemaIds, validateAgainstSchema } from '../schema/registry.js'
import {
  defaultFigurePointers,
  figureAt,
  isMemberPointer,
  passportDigest,
  sameFigure,
  type VerifiedFigure,
} from './figures.js'

/** The assurance level of a verification (ISO 14064-3): `limited` or `reasonable`. */
export type AttestationLevel = (typeof VERIFICATION_LEVELS)[number]

/**
 * The opinion of a verifier (ISO 14064-3:2019): `unmodified`, `modified` (fairly stated except
 * for the matters described), `adverse`, or `disclaimer` (no opinion, for lack of evidence).
 */
export type AttestationOpinion = (typeof VERIFICATION_OPINIONS)[number]

/** The verification body's accreditation (ISO 14065:2020, ISO/IEC 17029:2019). */
export interface Accreditation {
  /** The accreditation body (e.g. `SWEDAC`, `DAkkS`, `UKAS`). */
  body: string
  /** The verifier's accreditation number with that body; `trustedVerifiers` may require it. */
  number: string
  /** The standard the accreditation is under (`ISO 14065:2020`, `ISO/IEC 17029:2019`, …). */
  scheme?: string
}

/**
 * A figure to attest: a JSON Pointer into the passport credential (its value is read from the
 * passport), or a pointer with the value the verifier verified, which must be the passport's.
 */
export type AttestedFigure =
  | string
  | {
      /** JSON Pointer (RFC 6901) of the figure in the passport credential. */
      pointer: string
      /** The value the verifier verified: the passport's value at `pointer` (as a number if a Decimal). */
      value: string
    }

/** Options of `attestPassport`. */
export interface AttestOptions {
  /** The verifier's signing key (with its private part); its controller is the attestation's issuer. */
  key: KeyPair
  /** The verification standard: `ISO 14064-3:2019`, `ISO 14067:2018`, … */
  standard: string
  /** The assurance level (ISO 14064-3); leave it out where there is none (an EU notified body). */
  level?: AttestationLevel
  /** What was verified: boundary, period, sites, the figures covered. */
  scope: string
  /** The opinion (ISO 14064-3:2019). */
  opinion: AttestationOpinion
  /** The materiality threshold, a percentage as a Decimal string (`'5'`). */
  materiality?: string
  /** The verification body's accreditation. */
  accreditation?: Accreditation
  /** The verification statement's text, or a summary of it. */
  statement?: string
  /** When the verification was completed. */
  completedAt?: Date
  /**
   * The figures attested; by default the PCF (excluding and, when stated, including biogenic
   * uptake), the declared unit and amount, and each battery declaration's per-FU value.
   */
  figures?: readonly AttestedFigure[]
  /** The verification body's name, written as `issuer.name`. */
  issuerName?: string
  /** The attestation's id; a random `urn:uuid:` by default. */
  id?: string
  /** The attestation's `validFrom`; `created`, or now, by default. */
  validFrom?: Date
  /** The attestation's `validUntil`, if it expires. */
  validUntil?: Date
  /** A `credentialStatus` (e.g. from `createStatusEntry`), so that the attestation can be revoked. */
  credentialStatus?: object
  /** `data-integrity` (default) or `vc-jose`. */
  format?: 'data-integrity' | 'vc-jose'
  /** Data Integrity cryptosuite (the key's by default). */
  cryptosuite?: IssueOptions['cryptosuite']
  /** The proof's `created`; now by default. */
  created?: Date
  /** The document loader for contexts. */
  documentLoader?: DocumentLoader
  /** vc-jose only: an `EnvelopedVerifiableCredential` instead of the compact JWS. */
  envelope?: boolean
}

const ATTEST_OPTION_KEYS = [
  'key',
  'standard',
  'level',
  'scope',
  'opinion',
  'materiality',
  'accreditation',
  'statement',
  'completedAt',
  'figures',
  'issuerName',
  'id',
  'validFrom',
  'validUntil',
  'credentialStatus',
  'format',
  'cryptosuite',
  'created',
  'documentLoader',
  'envelope',
] as const

/** The most figures one attestation covers (the schema's `maxItems`). */
const MAX_FIGURES = 1000

/**
 * Attests a passport: issues a `CarbonPassportAttestation` credential signed by the verifier's
 * key, whose subject is the passport credential (its `id` and `digestMultibase`, by
 * `computePassportDigest`) with the standard, level, scope, opinion, materiality, accreditation,
 * statement and the figures verified, each a JSON Pointer into the passport with its value as a
 * string. The passport is read like verification reads it (an object, JSON text, a vc+jwt or an
 * envelope), but its proof is not verified here: verify it first. Attest the passport as it is
 * secured and handed on: the digest covers its proof (or, for a vc+jwt, the JWS bytes; see
 * docs/digests.md), so an attestation of a draft, or of the other signed form, does not cover it.
 * The attestation is validated against schemas/v1/attestation.schema.json before it is signed.
 *
 * @example
 * ```ts
 * const attestation = await attestPassport(signedPassport, {
 *   key: verifierKey, standard: 'ISO 14064-3:2019', level: 'limited', opinion: 'unmodified',
 *   scope: 'Cradle-to-gate PCF of the NG-215L cabinet, reference period 2025-03 to 2026-02',
 * })
 * ```
 * @throws CarbonPassportError `ERR_ATTESTATION_FIGURES_DIFFER` (with `details.figures`) when a
 *   figure given differs from the passport's or the passport has none at its pointer;
 *   `ERR_INVALID_ARGUMENT` for options of the wrong type, a passport that cannot be read or has no
 *   id, or an attestation that does not validate (`details.errors`); `ERR_KEY_INVALID`, and what
 *   `issueCredential` throws; nothing that is not a CarbonPassportError.
 */
export async function attestPassport(
  passport: unknown,
  options: AttestOptions & { format: 'vc-jose'; envelope: true },
): Promise<EnvelopedCredential>
export async function attestPassport(
  passport: unknown,
  options: AttestOptions & { format: 'vc-jose' },
): Promise<string>
export async function attestPassport(
  passport: unknown,
  options: AttestOptions & { format?: 'data-integrity' },
): Promise<SignedCredential>
export async function attestPassport(
  passport: unknown,
  options: AttestOptions,
): Promise<SignedCredential | string | EnvelopedCredential>
export async function attestPassport(
  passport: unknown,
  options: AttestOptions,
): Promise<SignedCredential | string | EnvelopedCredential> {
  try {
    return await attest(passport, options)
  } catch (err) {
    throw asCarbonPassportError(err, 'ERR_INVALID_ARGUMENT', 'attestPassport')
  }
}

function requiredString(value: unknown, label: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalidArgument(`${label} is required: a non-empty string`)
  }
  return value
}

function readAccreditation(value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined
  const o = readOptions(value, ['body', 'number', 'scheme'] as const, 'options.accreditation', true)
  const scheme = optionalNonEmptyString(o.scheme, 'options.accreditation.scheme')
  return {
    accreditationBody: requiredString(o.body, 'options.accreditation.body'),
    accreditationNumber: requiredString(o.number, 'options.accreditation.number'),
    ...(scheme === undefined ? {} : { accreditationScheme: scheme }),
  }
}

/** The figures to attest, each checked against the passport. */
function readFigures(value: unknown, passport: Record<string, unknown>): VerifiedFigure[] {
  const requested: { pointer: string; value?: string }[] = []
  if (value === undefined) {
    for (const pointer of defaultFigurePointers(passport)) requested.push({ pointer })
  } else {
    if (!Array.isArray(value)) throw invalidArgument('options.figures must be an array')
    if (value.length > MAX_FIGURES) {
      throw invalidArgument(`options.figures: at most ${MAX_FIGURES} figures`)
    }
    for (const [i, item] of value.entries()) {
      if (typeof item === 'string') {
        requested.push({ pointer: item })
        continue
      }
      const o = readOptions(item, ['pointer', 'value'] as const, `options.figures[${i}]`, true)
      if (typeof o.value !== 'string') {
        throw invalidArgument(`options.figures[${i}].value must be a string`)
      }
      requested.push({ pointer: o.pointer as string, value: o.value })
    }
  }
  const figures: VerifiedFigure[] = []
  const differ: { pointer: string; passport: string | undefined; given: string | undefined }[] = []
  const seen = new Set<string>()
  for (const [i, { pointer, value: given }] of requested.entries()) {
    if (!isMemberPointer(pointer)) {
      throw invalidArgument(`options.figures[${i}]: the pointer must be a JSON Pointer`)
    }
    if (seen.has(pointer)) continue
    seen.add(pointer)
    const actual = figureAt(passport, pointer)
    if (actual === undefined || (given !== undefined && !sameFigure(actual, given))) {
      differ.push({ pointer, passport: actual, given })
      continue
    }
    figures.push({ pointer, verifiedValue: actual })
  }
  if (differ.length > 0) {
    throw new CarbonPassportError(
      'ERR_ATTESTATION_FIGURES_DIFFER',
      `the figures to attest are not the passport's: ${differ
        .slice(0, 5)
        .map(
          (d) =>
            `${d.pointer} is ${d.passport === undefined ? 'not a figure of the passport' : JSON.stringify(d.passport)}${d.given === undefined ? '' : `, not ${JSON.stringify(d.given)}`}`,
        )
        .join('; ')}`,
      { details: { figures: differ } },
    )
  }
  if (figures.length === 0) {
    throw invalidArgument(
      'the passport states no figure to attest (no footprint PCF, declared unit or battery declaration)',
    )
  }
  return figures
}

/** The passport as verification reads it, with its compact JWS for a vc+jwt. */
function readPassport(passport: unknown): { credential: Record<string, unknown>; jws?: string } {
  const read = readInput(passport, { maxBytes: DEFAULT_MAX_BYTES, maxDepth: DEFAULT_MAX_DEPTH })
  if (!read.ok) {
    throw invalidArgument(
      `the passport cannot be read: ${read.findings.map((f) => `${f.code} (${f.message})`).join('; ')}`,
    )
  }
  const { credential, jws } = read.unwrapped
  const types = credential.type
  if (!Array.isArray(types) || !types.includes('CarbonPassportCredential')) {
    throw invalidArgument('the passport is not a CarbonPassportCredential')
  }
  if (typeof credential.id !== 'string' || credential.id === '') {
    throw invalidArgument('the passport has no id: an attestation names the passport by its id')
  }
  return jws === undefined ? { credential } : { credential, jws }
}

async function attest(
  passport: unknown,
  options: AttestOptions,
): Promise<SignedCredential | string | EnvelopedCredential> {
  const o = readOptions(options, ATTEST_OPTION_KEYS, 'options', true)
  if (o.key === undefined) throw invalidArgument('options.key is required')
  const key = importKey(o.key)
  const standard = requiredString(o.standard, 'options.standard')
  const scope = requiredString(o.scope, 'options.scope')
  const opinion = optionalOneOf(o.opinion, VERIFICATION_OPINIONS, 'options.opinion')
  if (opinion === undefined) {
    throw invalidArgument(`options.opinion is required: ${VERIFICATION_OPINIONS.join(', ')}`)
  }
  const level = optionalOneOf(o.level, VERIFICATION_LEVELS, 'options.level')
  const materiality = optionalString(o.materiality, 'options.materiality')
  const statement = optionalString(o.statement, 'options.statement')
  const issuerName = optionalNonEmptyString(o.issuerName, 'options.issuerName')
  const id = optionalNonEmptyString(o.id, 'options.id') ?? `urn:uuid:${randomUUID()}`
  const completedAt = optionalDate(o.completedAt, 'options.completedAt')
  const created = optionalDate(o.created, 'options.created')
  const validFrom = optionalDate(o.validFrom, 'options.validFrom') ?? created ?? new Date()
  const validUntil = optionalDate(o.validUntil, 'options.validUntil')
  const accreditation = readAccreditation(o.accreditation)
  if (o.credentialStatus !== undefined && !isRecord(o.credentialStatus)) {
    throw invalidArgument('options.credentialStatus must be an object')
  }
  const { credential: read, jws } = readPassport(passport)
  const figures = readFigures(o.figures, read)
  const attestation: Record<string, unknown> = {
    '@context': [VC_V2_CONTEXT_URL, CONTEXT_V1_URL],
    id,
    type: ['VerifiableCredential', 'CarbonPassportAttestation'],
    issuer: issuerName === undefined ? key.controller : { id: key.controller, name: issuerName },
    validFrom: toDateTime(validFrom),
    ...(validUntil === undefined ? {} : { validUntil: toDateTime(validUntil) }),
    credentialSchema: { id: schemaIds.attestation, type: 'JsonSchema' },
    ...(o.credentialStatus === undefined ? {} : { credentialStatus: o.credentialStatus }),
    credentialSubject: {
      id: read.id,
      digestMultibase: passportDigest(read, jws),
      standardName: standard,
      ...(level === undefined ? {} : { level }),
      opinion,
      verificationScope: scope,
      ...(materiality === undefined ? {} : { materialityPercent: materiality }),
      ...(statement === undefined ? {} : { verificationStatement: statement }),
      ...(completedAt === undefined ? {} : { completedAt: toDateTime(completedAt) }),
      ...(accreditation === undefined ? {} : { accreditation }),
      verifiedFigures: figures,
    },
  }
  const validation = validateAgainstSchema(schemaIds.attestation, attestation, 20)
  if (validation.errors.length > 0) {
    throw new CarbonPassportError(
      'ERR_INVALID_ARGUMENT',
      `the attestation does not validate (schemas/v1/attestation.schema.json): ${validation.errors
        .slice(0, 5)
        .map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`)
        .join('; ')}`,
      {
        details: {
          errors: validation.errors.map((e) => ({
            path: e.instancePath,
            keyword: e.keyword,
            message: e.message,
          })),
        },
      },
    )
  }
  const issueOptions: IssueOptions = {
    key,
    ...(o.format === undefined ? {} : { format: o.format as 'data-integrity' | 'vc-jose' }),
    ...(o.cryptosuite === undefined
      ? {}
      : { cryptosuite: o.cryptosuite as NonNullable<IssueOptions['cryptosuite']> }),
    ...(created === undefined ? {} : { created }),
    ...(o.documentLoader === undefined
      ? {}
      : { documentLoader: o.documentLoader as DocumentLoader }),
    ...(o.envelope === undefined ? {} : { envelope: o.envelope as boolean }),
  }
  return issueCredential(attestation, issueOptions)
}
