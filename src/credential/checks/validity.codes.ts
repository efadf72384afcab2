import { defineCodes } from '../../findings/define.js'

/** The codes of the `validity` check (./validity.ts; a vc+jwt's `exp` and `nbf` too). */
export const validityCodes = defineCodes({
  EXPIRED: {
    severity: 'error',
    checks: ['validity'],
    title: '`validUntil` (or JWT `exp`) is in the past.',
    source: 'VC 2.0 §4.9',
  },
  NOT_YET_VALID: {
    severity: 'error',
    checks: ['validity'],
    title: '`validFrom` (or JWT `nbf`) is in the future.',
    source: 'VC 2.0 §4.9',
  },
})
