import { defineCodes } from '../findings/define.js'

/** The codes of a verification method that cannot be used any more (./resolve.ts), in the `proof` check. */
export const keyLifecycleCodes = defineCodes({
  KEY_REVOKED: {
    severity: 'error',
    checks: ['proof'],
    title: 'The verification method is marked revoked.',
    source: 'carbon-passport',
  },
  KEY_EXPIRED: {
    severity: 'error',
    checks: ['proof'],
    title:
      'The verification method’s `expires` is at or before the verification time (`now`) minus `maxClockSkew`, or is not a dateTimeStamp (refused: it cannot be honoured).',
    source: 'Controlled Identifiers §2.2 (verification method expires)',
  },
})
