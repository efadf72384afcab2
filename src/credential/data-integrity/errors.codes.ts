import { defineCodes } from '../../findings/define.js'

/** The codes of the jsonld.js and rdf-canonize errors (./errors.ts): `proof` when verifying, `context` when reading the compacted form. */
export const jsonLdErrorCodes = defineCodes({
  UNDEFINED_TERM: {
    severity: 'error',
    checks: ['context', 'proof'],
    title:
      'A property or type is not defined by the contexts; safe-mode canonicalization refuses to drop it.',
    source: 'VC Data Integrity §2.4 (securing data losslessly)',
  },
  CONTEXT_PROTECTED_TERM: {
    severity: 'error',
    checks: ['context', 'proof'],
    title: 'A context tries to redefine a protected term.',
    source: 'JSON-LD 1.1 §4.1.11',
  },
  JSONLD_INVALID: {
    severity: 'error',
    checks: ['context', 'proof'],
    title: 'The credential is not valid JSON-LD (canonicalization refused it).',
    source: 'carbon-passport',
  },
  CANONICALIZATION_LIMIT: {
    severity: 'error',
    checks: ['context', 'proof'],
    title: 'RDF canonicalization stopped at its work limit (a poison graph); it fails closed.',
    source: 'RDF Dataset Canonicalization §4.4 (work limits)',
  },
  CANONICALIZATION_INPUT_TOO_LARGE: {
    severity: 'error',
    checks: ['context', 'proof'],
    title:
      'The RDF dataset to canonicalize (the document or the proof options) has more blank nodes than `maxBlankNodes` (448 by default) or more quads than `maxQuads` (2560 by default); refused before RDF canonicalization starts.',
    source: 'carbon-passport security defaults; RDF Dataset Canonicalization §4.4 (work limits)',
  },
})
