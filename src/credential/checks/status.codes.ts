import { defineCodes } from '../../findings/define.js'

/** The codes of the `status` check (./status.ts). */
export const statusCodes = defineCodes({
  REVOKED: {
    severity: 'error',
    checks: ['status'],
    title: 'The status list marks the credential revoked.',
    source: 'Bitstring Status List §3.2',
  },
  SUSPENDED: {
    severity: 'error',
    checks: ['status'],
    title: 'The status list marks the credential suspended.',
    source: 'Bitstring Status List §3.2',
  },
  STATUS_LIST_MISSING: {
    severity: 'error',
    checks: ['status'],
    title:
      'A status list the credential refers to was not supplied (`statusLists`); nothing is fetched.',
    source: 'Bitstring Status List §3.2',
  },
  STATUS_LIST_INVALID: {
    severity: 'error',
    checks: ['status'],
    title:
      'No supplied version of the status list verifies as a BitstringStatusListCredential of the credential’s issuer, or the newest one has another purpose, cannot be decoded, has fewer than 131,072 entries, or exceeds the caps (`MAX_STATUS_LIST_LENGTH` entries inflated, `MAX_ENCODED_STATUS_LIST_LENGTH` characters encoded). As a warning: other supplied versions of a list were ignored.',
    source: 'Bitstring Status List §2.1, §3.2',
  },
  STATUS_INDEX_INVALID: {
    severity: 'error',
    checks: ['status'],
    title: '`statusListIndex` is not a non-negative integer inside the list.',
    source: 'Bitstring Status List §2.1',
  },
  STATUS_INDEX_NUMERIC: {
    severity: 'warning',
    checks: ['status'],
    title: '`statusListIndex` is a JSON number; the spec wants a string (accepted).',
    source: 'Bitstring Status List §2.1',
  },
  STATUS_TYPE_UNSUPPORTED: {
    severity: 'error',
    checks: ['status'],
    title:
      'A `credentialStatus` entry is malformed: not an object, no `type`, or a BitstringStatusListEntry with a `statusSize` other than 1 or without `statusPurpose`/`statusListCredential`.',
    source: 'VC 2.0 §4.10; Bitstring Status List §2.1',
  },
  STATUS_TYPE_UNKNOWN: {
    severity: 'warning',
    checks: ['status'],
    title:
      'A `credentialStatus` entry has a type this library does not process (only BitstringStatusListEntry is); it is reported, not checked, and does not fail the credential.',
    source: 'VC 2.0 §4.10',
  },
  STATUS_MESSAGE: {
    severity: 'info',
    checks: ['status'],
    title: 'A status purpose other than revocation/suspension has its bit set (informational).',
    source: 'carbon-passport',
  },
})
