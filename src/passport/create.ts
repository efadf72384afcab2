/** Builds unsigned passport credentials from subject data. */
import { randomUUID } from 'node:crypto'
import { toDateTime } from '../date-time.js'
import { CarbonPassportError } from '../errors.js'
import {
  asCarbonPassportError,
  assertJson,
  isRecord,
  MAX_JSON_DEPTH,
  optionalDate,
  optionalString,
  readOptions,
} from '../guard.js'
import type { CarbonPassport, Issuer, PassportCredential } from '../model/types.js'
import { PASSPORT_SCHEMA_ID, schemaErrors } from '../schema/registry.js'
import { PASSPORT_CONTEXTS } from './contexts.js'

/** Options of `createPassport`: the credential-level members; the subject is its own argument. */
export interface CreatePassportOptions {
  /** The issuer: a DID or IRI, or `{ id, name }`. It must control the key that will sign. */
  issuer: string | Issuer
  /** The passport id; a new `urn:uuid:` by default. A new version of a passport gets a new id. */
  id?: string
  /** Start of validity; `now` by default. */
  validFrom?: Date
  /** End of validity; none by default. Must be after `validFrom`. */
  validUntil?: Date
  /** The clock, for reproducible output. */
  now?: Date
  /** VC 2.0 `name` of the credential (a plain string); none by default. */
  name?: string
  /** VC 2.0 `description` of the credential (a plain string); none by default. */
  description?: string
}

/** The subject as callers write it: `type` may be left out. */
export type PassportSubjectInput = Omit<CarbonPassport, 'type'> & {
  /** `CarbonPassport` if given; `createPassport` sets it either way. */
  type?: 'CarbonPassport'
}

/**
 * Builds an unsigned passport credential: `@context`, types, a `urn:uuid` id, validity dates and
 * `credentialSchema` filled in, then checks the result against the passport schema.
 *
 * @example
 * ```ts
 * const passport = createPassport(subject, { issuer: { id: 'did:web:cells.example', name: 'Cells Ltd' } })
 * ```
 * @throws CarbonPassportError `ERR_INVALID_ARGUMENT` for a missing issuer, dates that are not valid
 *   `Date`s, options of the wrong type, or a subject that is not JSON (a cycle, a BigInt, nesting
 *   deeper than 64 levels with the credential; `details.path` says where),
 *   `ERR_PASSPORT_INVALID` (with `details.errors`) when the result does not match the schema.
 */
export function createPassport(
  subject: PassportSubjectInput,
  options: CreatePassportOptions,
): PassportCredential {
  try {
    return buildPassport(subject, options)
  } catch (err) {
    throw asCarbonPassportError(err, 'ERR_INVALID_ARGUMENT', 'createPassport')
  }
}

const OPTION_KEYS = [
  'issuer',
  'id',
  'validFrom',
  'validUntil',
  'now',
  'name',
  'description',
] as const

function buildPassport(subject: unknown, options: unknown): PassportCredential {
  if (!isRecord(subject)) {
    throw new CarbonPassportError('ERR_INVALID_ARGUMENT', 'the passport subject must be an object')
  }
  const o = readOptions(options, OPTION_KEYS, 'options', true)
  const issuer = o.issuer
  const issuerId = typeof issuer === 'string' ? issuer : isRecord(issuer) ? issuer.id : undefined
  if (typeof issuerId !== 'string' || issuerId === '') {
    throw new CarbonPassportError(
      'ERR_INVALID_ARGUMENT',
      'options.issuer (a DID or IRI, or { id, name }) is required',
    )
  }
  const id = optionalString(o.id, 'options.id')
  const name = optionalString(o.name, 'options.name')
  const description = optionalString(o.description, 'options.description')
  const now = optionalDate(o.now, 'options.now')
  const validFrom = optionalDate(o.validFrom, 'options.validFrom') ?? now ?? new Date()
  const validUntil = optionalDate(o.validUntil, 'options.validUntil')
  if (validUntil && validUntil.getTime() <= validFrom.getTime()) {
    throw new CarbonPassportError('ERR_INVALID_ARGUMENT', 'validUntil must be after validFrom')
  }
  // Checked where they will sit in the credential, so paths and depth are the credential's.
  assertJson({ issuer, credentialSubject: subject }, 'ERR_INVALID_ARGUMENT', 'the passport', {
    maxDepth: MAX_JSON_DEPTH,
  })
  const { type: _ignored, ...rest } = structuredClone(subject)
  const credential: PassportCredential = {
    '@context': [...PASSPORT_CONTEXTS],
    id: id ?? `urn:uuid:${randomUUID()}`,
    type: ['VerifiableCredential', 'CarbonPassportCredential'],
    issuer: (typeof issuer === 'string' ? issuer : structuredClone(issuer)) as string | Issuer,
    ...(name === undefined ? {} : { name }),
    ...(description === undefined ? {} : { description }),
    validFrom: toDateTime(validFrom),
    ...(validUntil ? { validUntil: toDateTime(validUntil) } : {}),
    credentialSchema: { id: PASSPORT_SCHEMA_ID, type: 'JsonSchema' },
    credentialSubject: { ...rest, type: 'CarbonPassport' } as CarbonPassport,
  }
  assertPassportSchema(credential)
  return credential
}

/**
 * Throws `ERR_PASSPORT_INVALID` (with `details.errors`: path, keyword, message) when a passport does
 * not match the passport schema; the check every function that makes a passport runs.
 */
export function assertPassportSchema(passport: unknown): void {
  const errors = schemaErrors(PASSPORT_SCHEMA_ID, passport)
  if (errors.length === 0) return
  const list = errors.map((e) => ({ path: e.instancePath, keyword: e.keyword, message: e.message }))
  const summary = list
    .slice(0, 5)
    .map((e) => `${e.path || '/'} ${e.message}`)
    .join('; ')
  throw new CarbonPassportError(
    'ERR_PASSPORT_INVALID',
    `the passport does not match the schema: ${summary}`,
    { details: { errors: list } },
  )
}
