import { defineCodes } from '../findings/define.js'

/** The codes issuing reports besides the `syntax` and `context` findings it checks first (./issue.ts). */
export const issueCodes = defineCodes({
  ALREADY_SIGNED: {
    severity: 'error',
    checks: ['syntax'],
    title: 'The credential handed to an issuing function already has a proof.',
    source: 'carbon-passport',
  },
})
