/** The `schema` check: JSON Schema validation against the bundled schemas (never fetched). */
import type { Finding } from '../../results.js'
import { schemaDocuments, schemaErrors } from '../../schema/registry.js'
import { finding } from '../codes.js'

type Json = Record<string, unknown>

/** Findings of validating against one schema `$id`. */
export function schemaFindings(credential: Json, schemaId: string): Finding[] {
  return schemaErrors(schemaId, credential).map((e) =>
    finding(
      'SCHEMA_VIOLATION',
      e.instancePath,
      `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`,
    ),
  )
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
