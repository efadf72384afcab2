/** UNTP Digital Product Passport converters (0.6.1 and 0.7.0). */
export { fromUntpDpp } from './from-untp.js'
export { UNTP_CONTEXT_URLS, type UntpVersion } from './shared.js'
export { type ToUntpDppOptions, toUntpDpp } from './to-untp.js'
