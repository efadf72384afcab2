/** The one error every key module throws for key material it cannot use. */
import { CarbonPassportError } from '../errors.js'

/** An `ERR_KEY_INVALID` error, with the underlying error as its cause when there is one. */
export const invalidKey = (message: string, cause?: unknown): CarbonPassportError =>
  new CarbonPassportError('ERR_KEY_INVALID', message, cause === undefined ? {} : { cause })
