/** The `schema` check: JSON Schema validation against the bundled schemas (never fetched). */

import { finding } from '../../findings/verification-codes.js'
import type { Json } from '../../json.js'
import type { Finding } from '../../results.js'
import {
  DEFAULT_MAX_SCHEMA_ERRORS,
  schemaDocuments,
  validateAgainstSchema,
} from '../../schema/registry.js'

/**
 * Findings of validating against one schema `$id`: one per schema error, at most
 * DEFAULT_MAX_SCHEMA_ERRORS of them, then one more saying the list stops there (the work on any
 * input is bounded: see src/schema/registry.ts).
 */
export function schemaFindings(credential: Json, schemaId: string): Finding[] {
  const { errors, truncated } = validateAgainstSchema(
    schemaId,
    credential,
    DEFAULT_MAX_SCHEMA_ERRORS,
  )
  const findings = errors.map((e) =>
    finding(
      'SCHEMA_VIOLATION',
      e.instancePath,
      `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`,
    ),
  )
  if (truncated) {
    findings.push(
      finding(
        'SCHEMA_VIOLATION',
        '',
        `more than ${DEFAULT_MAX_SCHEMA_ERRORS} schema errors; the first ${DEFAULT_MAX_SCHEMA_ERRORS} are listed`,
      ),
    )
  }
  return findings
}

/** The `$id`s of bundled schemas a credential names in `credentialSchema` (type JsonSchema). */
export function bundledSchemaIds(credential: Json): string[] {
  const raw = credential.credentialSchema
  const entries = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
  return entries
    .filter((e): e is Json => e !== null && typeof e === 'object')
    .filter((e) => e.type === 'JsonSchema' && typeof e.id === 'string' && schemaDocuments.has(e.id))
    .map((e) => e.id as string)
}
