/**
 * The `proof` check for Data Integrity: does each proof's signature verify with the key it names?
 * Purely cryptographic; whether the issuer controls the key is the issuer-binding check.
 */
import type { DocumentLoader, RemoteDocument } from '../../context/loader.js'
import type { Finding } from '../../results.js'
import { isDateTimeStamp } from '../checks/syntax.js'
import { finding, pointer } from '../codes.js'
import { publicJwkOfVerificationMethod } from '../keys.js'
import type { Resolver, VerificationMethod } from '../resolve.js'
import { describeJsonLdError } from './errors.js'
import { CRYPTOSUITE_ALGORITHM, isCryptosuiteName, verificationSuite } from './suites.js'

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v)

export interface DataIntegrityProofResult {
  findings: Finding[]
  /** The verification methods of the proofs that verified. */
  verificationMethods: VerificationMethod[]
}

/** Verifies every Data Integrity proof of a credential; never throws. */
export async function verifyDataIntegrity(
  credential: Json,
  options: { documentLoader: DocumentLoader; resolver: Resolver },
): Promise<DataIntegrityProofResult> {
  const findings: Finding[] = []
  const verificationMethods: VerificationMethod[] = []
  const proofValue = credential.proof
  if (proofValue === undefined) {
    return { findings: [finding('PROOF_MISSING', '/proof')], verificationMethods }
  }
  const proofs = Array.isArray(proofValue) ? proofValue : [proofValue]
  if (proofs.length === 0) {
    return { findings: [finding('PROOF_MISSING', '/proof')], verificationMethods }
  }
  const { proof: _proof, ...document } = credential
  for (const [i, proof] of proofs.entries()) {
    const path = Array.isArray(proofValue) ? pointer('proof', i) : '/proof'
    const result = await verifyOne(proof, path, document, options)
    findings.push(...result.findings)
    if (result.verificationMethod) verificationMethods.push(result.verificationMethod)
  }
  return { findings, verificationMethods }
}

async function verifyOne(
  proof: unknown,
  path: string,
  document: Json,
  options: { documentLoader: DocumentLoader; resolver: Resolver },
): Promise<{ findings: Finding[]; verificationMethod?: VerificationMethod }> {
  const fail = (f: Finding) => ({ findings: [f] })
  if (!isObject(proof)) return fail(finding('PROOF_MALFORMED', path, 'a proof must be an object'))
  if (proof.type !== 'DataIntegrityProof' || !isCryptosuiteName(proof.cryptosuite)) {
    return fail(
      finding(
        'PROOF_CRYPTOSUITE_UNSUPPORTED',
        `${path}/cryptosuite`,
        `unsupported proof ${JSON.stringify(proof.type)} / ${JSON.stringify(proof.cryptosuite)}; supported: DataIntegrityProof with eddsa-rdfc-2022 or ecdsa-rdfc-2019`,
      ),
    )
  }
  if (proof.proofPurpose !== 'assertionMethod') {
    return fail(finding('PROOF_PURPOSE_INVALID', `${path}/proofPurpose`))
  }
  const vmRef = isObject(proof.verificationMethod)
    ? proof.verificationMethod.id
    : proof.verificationMethod
  if (typeof vmRef !== 'string' || vmRef === '') {
    return fail(
      finding(
        'PROOF_MALFORMED',
        `${path}/verificationMethod`,
        'the proof names no verification method',
      ),
    )
  }
  if (typeof proof.proofValue !== 'string' || !/^[zu]/.test(proof.proofValue)) {
    return fail(
      finding('PROOF_MALFORMED', `${path}/proofValue`, 'the proof has no multibase `proofValue`'),
    )
  }
  for (const field of ['created', 'expires']) {
    if (proof[field] !== undefined && !isDateTimeStamp(proof[field])) {
      return fail(
        finding('PROOF_MALFORMED', `${path}/${field}`, `\`${field}\` must be a dateTimeStamp`),
      )
    }
  }
  const vm = await options.resolver.verificationMethod(vmRef)
  if (!vm) {
    return fail(
      finding(
        'KEY_NOT_RESOLVED',
        `${path}/verificationMethod`,
        `the verification method ${vmRef} was not found (supply its DID document)`,
      ),
    )
  }
  if (vm.revoked !== undefined) {
    return fail(finding('KEY_REVOKED', `${path}/verificationMethod`))
  }
  const jwk = publicJwkOfVerificationMethod(vm)
  const needed = CRYPTOSUITE_ALGORITHM[proof.cryptosuite]
  if (!jwk || (jwk.crv === 'Ed25519' ? 'Ed25519' : 'P-256') !== needed) {
    return fail(
      finding(
        'KEY_TYPE_MISMATCH',
        `${path}/verificationMethod`,
        `${proof.cryptosuite} needs an ${needed} key`,
      ),
    )
  }

  // The stock DataIntegrityProof verification, with the verification method served from `vm`.
  const suite = verificationSuite(proof.cryptosuite, options.documentLoader)
  const documentLoader = async (url: string): Promise<RemoteDocument> =>
    url === vmRef
      ? { contextUrl: null, documentUrl: url, document: vm }
      : options.documentLoader(url)
  let result: { verified: boolean; error?: unknown }
  try {
    result = await suite.verifyProof({ proof, document, documentLoader })
  } catch (err) {
    result = { verified: false, error: err }
  }
  if (result.verified) return { findings: [], verificationMethod: vm }
  const known = describeJsonLdError(result.error)
  if (known)
    return fail(finding(known.code, known.code === 'UNDEFINED_TERM' ? '' : path, known.message))
  const message = String((result.error as Error | undefined)?.message ?? 'invalid signature')
  return fail(
    finding(
      'PROOF_INVALID',
      `${path}/proofValue`,
      message === 'Invalid signature.' ? undefined : message,
    ),
  )
}
