import { defineCodes } from '../../findings/define.js'

/** The codes of the compacted-form reading (./form.ts), reported in the `context` check. */
export const formCodes = defineCodes({
  JSONLD_KEYWORD_NOT_ALLOWED: {
    severity: 'error',
    checks: ['context'],
    title:
      'A JSON-LD keyword other than the top-level `@context` (`@nest`, `@included`, `@graph`, `@reverse`, `@index`, `@id`, `@type`, `@value`, …), a term standing for one, or a reverse property: the compacted VC 2.0 form has none, and the checks would not see what it signs.',
    source: 'VC 2.0 §4.1 (compacted form); VC Data Integrity §2.4',
  },
  JSONLD_KEY_NOT_A_TERM: {
    severity: 'error',
    checks: ['context'],
    title:
      'A key (or a `type`) is not a term of the contexts at its place: an absolute or compact IRI, an undefined name, or a second key with the same meaning. The checks read terms, so such a key would be signed but never checked.',
    source: 'VC 2.0 §4.1 (compacted form); VC Data Integrity §2.4',
  },
  JSONLD_VALUE_NOT_COMPACT: {
    severity: 'error',
    checks: ['context'],
    title:
      'A value is not in compacted form: `null`, an empty or nested list, a repeated value, a value object or number where a plain or typed string belongs, an IRI written as a compact IRI, a blank-node id or a term’s IRI, or a map container.',
    source: 'VC 2.0 §4.1 (compacted form); JSON-LD 1.1 API §6 (compaction)',
  },
  JSONLD_NODE_DESCRIBED_TWICE: {
    severity: 'error',
    checks: ['context'],
    title:
      'One node `id` is described in two places with different values of one property; RDF merges them into one node with both. (Descriptions that agree are merged, and the checks read each place with all of them.)',
    source: 'VC Data Integrity §2.4; JSON-LD 1.1 §4.3 (node objects)',
  },
})
