/**
 * The two IRIs of the carbon-passport vocabulary that runtime code needs. The vocabulary table
 * (scripts/vocabulary-table.ts) is generator-only; it imports these so the generated context and
 * the library cannot name different IRIs.
 */

/** Namespace of every term: `<VOCAB_IRI><term>` is the IRI of `term`. */
export const VOCAB_IRI = 'https://w3id.org/carbon-passport/vocab#'

/** URL of the JSON-LD context every passport names second in `@context` (contexts/v1.jsonld). */
export const CONTEXT_V1_URL = 'https://w3id.org/carbon-passport/v1'
