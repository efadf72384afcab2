/**
 * The `issuer-binding` check: the key that signed is controlled by the issuer — its controller is
 * the issuer and the issuer's DID document lists it under `assertionMethod`.
 */

import {
  hasVerificationRelationship,
  type Resolver,
  type VerificationMethod,
} from '../../did/resolve.js'
import type { Finding } from '../../findings/finding.js'
import { issuerBindingCodes } from './issuer-binding.codes.js'

const { finding } = issuerBindingCodes

export async function issuerBindingFindings(
  issuer: string | undefined,
  verificationMethods: readonly VerificationMethod[],
  resolver: Resolver,
): Promise<Finding[]> {
  const findings: Finding[] = []
  // A proof set may carry proofs by others besides the issuer (a witness, a notary: VC Data
  // Integrity §2.1.1). When a proof by a key the issuer controls is among them, the others are
  // co-signatures, reported as such; without one, every proof must be the issuer's.
  const byIssuer = verificationMethods.some(
    (vm) => issuer !== undefined && vm.controller === issuer,
  )
  for (const vm of verificationMethods) {
    const controller = vm.controller
    if (byIssuer && controller !== issuer) {
      findings.push(
        finding(
          'PROOF_BY_OTHER_PARTY',
          '/proof',
          `a proof of the set is by ${vm.id}, controlled by ${JSON.stringify(controller)}, not by the issuer`,
        ),
      )
      continue
    }
    if (issuer === undefined || controller !== issuer) {
      findings.push(
        finding(
          'ISSUER_KEY_MISMATCH',
          '/issuer',
          `the key ${vm.id} is controlled by ${JSON.stringify(controller)}, not by the issuer ${JSON.stringify(issuer)}`,
        ),
      )
      continue
    }
    const doc = await resolver.controller(issuer)
    if (!doc) {
      findings.push(
        finding(
          'CONTROLLER_NOT_RESOLVED',
          '/issuer',
          `no DID document for ${issuer} (supply it in didDocuments)`,
        ),
      )
    } else if (!hasVerificationRelationship(doc, 'assertionMethod', vm.id)) {
      findings.push(
        finding(
          'KEY_NOT_AUTHORIZED',
          '/issuer',
          `${issuer} does not list ${vm.id} under assertionMethod`,
        ),
      )
    }
  }
  return findings
}
