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

/** The proof purpose of a presentation's proof: `authentication`, with the verifier's challenge and domain. */
function authenticationPurpose(challenge: string | undefined, domain: string | undefined) {
  return {
    term: 'authentication',
    async update(proof: Record<string, unknown>): Promise<Record<string, unknown>> {
      proof.proofPurpose = 'authentication'
      if (challenge !== undefined) proof.challenge = challenge
      if (domain !== undefined) proof.domain = domain
      return proof
    },
    async match(proof: Record<string, unknown>): Promise<boolean> {
      return proof.proofPurpose === 'authentication'
    },
  }
}

/**
 * Adds a holder's Data Integrity proof (`proofPurpose: authentication`, with `challenge` and
 * `domain` when given) to a (checked, well-formed) presentation; the input is not changed.
 */
export async function issueDataIntegrityPresentation(
  presentation: Record<string, unknown>,
  options: DataIntegrityIssueOptions & { challenge?: string; domain?: string },
): Promise<Record<string, unknown>> {
  const suite = signingSuite(
    options.cryptosuite,
    options.key,
    options.documentLoader,
    options.created,
  )
  try {
    return await vc.signPresentation({
      presentation: structuredClone(presentation),
      suite,
      purpose: authenticationPurpose(options.challenge, options.domain),
      documentLoader: options.documentLoader,
    })
  } catch (err) {
    const known = describeJsonLdError(err)
    throw new CarbonPassportError(
      'ERR_SIGNING_FAILED',
      `the presentation could not be signed: ${known ? `${known.code}: ${known.message}` : String((err as Error)?.message ?? err)}`,
      { cause: err, ...(known ? { details: { code: known.code } } : {}) },
    )
  }
}
