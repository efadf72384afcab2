/** Signing with Data Integrity (eddsa-rdfc-2022, ecdsa-rdfc-2019) through `@digitalbazaar/vc`. */
import * as vc from '@digitalbazaar/vc'
import type { DocumentLoader } from '../../context/loader.js'
import { CarbonPassportError } from '../../errors.js'
import type { KeyPair } from '../../keys/types.js'
import { describeJsonLdError } from './errors.js'
import { type CryptosuiteName, signingSuite } from './suites.js'

export interface DataIntegrityIssueOptions {
  key: KeyPair
  cryptosuite: CryptosuiteName
  documentLoader: DocumentLoader
  created?: Date
}

/** Adds a Data Integrity proof to a (checked, well-formed) credential; the input is not changed. */
export async function issueDataIntegrity(
  credential: Record<string, unknown>,
  options: DataIntegrityIssueOptions,
): Promise<Record<string, unknown>> {
  const suite = signingSuite(
    options.cryptosuite,
    options.key,
    options.documentLoader,
    options.created,
  )
  try {
    return await vc.issue({
      credential: structuredClone(credential),
      suite,
      documentLoader: options.documentLoader,
    })
  } catch (err) {
    const known = describeJsonLdError(err)
    throw new CarbonPassportError(
      'ERR_SIGNING_FAILED',
      `the credential could not be signed: ${known ? `${known.code}: ${known.message}` : String((err as Error)?.message ?? err)}`,
      { cause: err, ...(known ? { details: { code: known.code } } : {}) },
    )
  }
}
