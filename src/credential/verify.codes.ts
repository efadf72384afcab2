import { defineCodes } from '../findings/define.js'

/** The codes of the verification pipeline itself (./verify.ts): its options, `issuer-trust` and `conformance`. */
export const verifyCodes = defineCodes({
  OPTION_INVALID: {
    severity: 'error',
    checks: ['syntax'],
    title:
      'A verification option is invalid (`now` not a valid Date, `maxClockSkew` not a finite number >= 0, a cap such as `maxBytes` or `maxQuads` not a number > 0); verification fails closed.',
    source: 'carbon-passport',
  },
  ISSUER_NOT_TRUSTED: {
    severity: 'error',
    checks: ['issuer-trust'],
    title: 'The issuer is not in `trustedIssuers`.',
    source: 'carbon-passport',
  },
  CONFORMANCE_UNAVAILABLE: {
    severity: 'error',
    checks: ['conformance'],
    title: 'The conformance checker failed to run.',
    source: 'carbon-passport',
  },
})
