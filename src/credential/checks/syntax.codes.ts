import { defineCodes } from '../../findings/define.js'

/** The codes of the `syntax` check: the VC 2.0 data model (./syntax.ts). */
export const syntaxCodes = defineCodes({
  FIELD_MISSING: {
    severity: 'error',
    checks: ['syntax'],
    title:
      'A property VC 2.0 requires (`@context`, `type`, `issuer`, `credentialSubject`) is missing.',
    source: 'VC 2.0 §4',
  },
  TYPE_INVALID: {
    severity: 'error',
    checks: ['syntax'],
    title: '`type` is not a list of strings that includes `VerifiableCredential`.',
    source: 'VC 2.0 §4.5',
  },
  ID_INVALID: {
    severity: 'error',
    checks: ['syntax'],
    title: 'An `id` is not an absolute URL.',
    source: 'VC 2.0 §4.4',
  },
  ISSUER_INVALID: {
    severity: 'error',
    checks: ['syntax'],
    title: '`issuer` is neither a URL nor an object with a URL `id`.',
    source: 'VC 2.0 §4.7',
  },
  SUBJECT_INVALID: {
    severity: 'error',
    checks: ['syntax'],
    title: '`credentialSubject` is not an object (or a non-empty list of objects).',
    source: 'VC 2.0 §4.8',
  },
  DATE_INVALID: {
    severity: 'error',
    checks: ['syntax'],
    title: '`validFrom`/`validUntil` is not an XML Schema dateTimeStamp (with a time zone).',
    source: 'VC 2.0 §4.9',
  },
  VALIDITY_RANGE_INVALID: {
    severity: 'error',
    checks: ['syntax'],
    title: '`validUntil` is not after `validFrom`.',
    source: 'VC 2.0 §4.9',
  },
  TYPE_REQUIRED: {
    severity: 'error',
    checks: ['syntax'],
    title:
      'An entry of `credentialSchema`, `credentialStatus`, `refreshService`, `evidence` or `termsOfUse` has no `type`.',
    source: 'VC 2.0 §4.10–4.12, §5.4, §5.6',
  },
  RELATED_RESOURCE_INVALID: {
    severity: 'error',
    checks: ['syntax'],
    title:
      'A `relatedResource` lacks an `id` or a digest (`digestSRI`/`digestMultibase`), or repeats an id.',
    source: 'VC 2.0 §5.3',
  },
})
