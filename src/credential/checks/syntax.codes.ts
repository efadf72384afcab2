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
  RELATED_RESOURCE_DIGEST_MISMATCH: {
    severity: 'error',
    checks: ['syntax'],
    title:
      'A `relatedResource` digest (`digestSRI` or `digestMultibase`) does not match the bytes of the resource (supplied in `relatedResources`, or a bundled carbon-passport context).',
    source: 'VC 2.0 §5.3',
  },
  RELATED_RESOURCE_NOT_CHECKED: {
    severity: 'info',
    checks: ['syntax'],
    title:
      'The bytes of a `relatedResource` were not supplied (`relatedResources`) and are not bundled; its digest was not checked (nothing is fetched).',
    source: 'VC 2.0 §5.3',
  },
  EXTENSION_NOT_PROCESSED: {
    severity: 'info',
    checks: ['syntax'],
    title:
      '`termsOfUse`, `evidence` or `refreshService` is present and well formed; this library reports it but does not process it (it does not fail the credential).',
    source: 'VC 2.0 §5.4–5.6',
  },
  RELATED_RESOURCE_INVALID: {
    severity: 'error',
    checks: ['syntax'],
    title:
      'A `relatedResource` is not an object, lacks a URL `id` or a digest (`digestSRI`/`digestMultibase`), has a digest that cannot be read, or repeats an id.',
    source: 'VC 2.0 §5.3',
  },
})
