/**
 * The `schema` check: JSON Schema validation against the bundled schemas (never fetched). Its
 * findings are those of conformance's schema layer (src/conformance/rules/schema.ts: the missing
 * field's own pointer, one code per kind of problem), read as verification must read them.
 */

import { schemaLayer } from '../../conformance/rules/schema.js'
import type { Finding } from '../../findings/finding.js'
import type { Json } from '../../json.js'
import { DEFAULT_MAX_SCHEMA_ERRORS, schemaDocuments } from '../../schema/registry.js'
import { schemaCheckCodes } from './schema.codes.js'

/**
 * A schema finding as the `schema` check reports it. An unknown property, only a warning in
 * conformance, fails verification: no context a verifier accepts defines another term, and a
 * vc+jwt (read without JSON-LD) would otherwise carry claims no check reads.
 */
export function asSchemaCheckFinding(f: Finding): Finding {
  return f.code === 'UNKNOWN_PROPERTY' && f.severity !== 'error' ? { ...f, severity: 'error' } : f
}

/**
 * The `schema` check's findings for one schema `$id`: at most DEFAULT_MAX_SCHEMA_ERRORS of them,
 * then FINDINGS_TRUNCATED (the work on any input is bounded: see src/schema/registry.ts).
 */
export function schemaCheckFindings(credential: Json, schemaId: string): Finding[] {
  const findings: Finding[] = []
  schemaLayer(credential, schemaId, DEFAULT_MAX_SCHEMA_ERRORS, findings)
  return findings.map(asSchemaCheckFinding)
}

/**
 * Whether a `type` value names JsonSchema: the string, or a list holding it, which JSON-LD reads as
 * the same RDF (a Data Integrity proof cannot tell the two spellings apart, so neither may we).
 */
const isJsonSchema = (type: unknown): boolean =>
  type === 'JsonSchema' || (Array.isArray(type) && type.includes('JsonSchema'))

/** The `$id`s of bundled schemas a credential names in `credentialSchema` (type JsonSchema). */
export function bundledSchemaIds(credential: Json): string[] {
  const raw = credential.credentialSchema
  const entries = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
  return entries
    .filter((e): e is Json => e !== null && typeof e === 'object')
    .filter((e) => isJsonSchema(e.type) && typeof e.id === 'string' && schemaDocuments.has(e.id))
    .map((e) => e.id as string)
}

/**
 * The `schema` check of a credential that is not a passport: validated against each bundled schema
 * it names; `ran: false` with an info SCHEMA_NOT_AVAILABLE when it names none.
 */
export function credentialSchemaCheck(credential: Json): { ran: boolean; findings: Finding[] } {
  const ids = bundledSchemaIds(credential)
  if (ids.length === 0) {
    return {
      ran: false,
      findings: [schemaCheckCodes.finding('SCHEMA_NOT_AVAILABLE', '/credentialSchema')],
    }
  }
  return { ran: true, findings: ids.flatMap((id) => schemaCheckFindings(credential, id)) }
}
