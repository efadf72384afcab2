/**
 * The `proof` check for Data Integrity: does each proof's signature verify with the key it names,
 * at the verification clock? Whether the issuer controls the key is the issuer-binding check.
 *
 * Bounded work on hostile input: at most `maxProofs` proofs; a `proofValue` is refused unless it is
 * `z` + base58btc of a 64-byte signature (checked by length before it is decoded); the document is
 * canonicalized once per verification whatever the number of proofs, and every dataset handed to
 * RDFC-1.0 is within `maxBlankNodes` and `maxQuads` (canonize.ts).
 */
import type { DocumentLoader, RemoteDocument } from '../../context/loader.js'
import { isDateTimeStamp, parseDateTime } from '../../date-time.js'
import { keyLifecycleFinding, type Resolver, type VerificationMethod } from '../../did/resolve.js'
import { combineCodes } from '../../findings/define.js'
import { pointer } from '../../findings/pointer.js'
import { isObject, type Json } from '../../json.js'
import { algorithmOfPublicJwk } from '../../keys/algorithms.js'
import { decodeBase58Multibase } from '../../keys/multibase.js'
import { publicJwkOfVerificationMethod } from '../../keys/verification-method.js'
import type { Finding } from '../../results.js'
import { contextCodes } from '../checks/context.codes.js'
import { presentationCodes } from '../presentation/presentation.codes.js'
import { proofCodes } from '../proof.codes.js'
import {
  type CanonicalizationLimits,
  DEFAULT_MAX_BLANK_NODES,
  DEFAULT_MAX_QUADS,
} from './canonize.js'
import { jsonLdErrorCodes } from './errors.codes.js'
import { describeJsonLdError } from './errors.js'
import { CRYPTOSUITE_ALGORITHM, isCryptosuiteName, verificationSuite } from './suites.js'
import { dataIntegrityCodes } from './verify.codes.js'

const { finding } = combineCodes(
  dataIntegrityCodes,
  proofCodes,
  jsonLdErrorCodes,
  contextCodes,
  presentationCodes,
)

/**
 * The most proofs a credential may carry before none is verified (`maxProofs`). Each proof costs a
 * key lookup and a signature check; a passport has one, a proof set a few.
 */
export const DEFAULT_MAX_PROOFS = 8

/** The signature size of both cryptosuites: Ed25519, and P-256 as IEEE P1363 `r‖s`. */
const SIGNATURE_BYTES = 64

export interface DataIntegrityVerifyOptions {
  documentLoader: DocumentLoader
  resolver: Resolver
  /** The verification clock (the `now` of VerifyOptions). */
  now: Date
  /** Allowed clock skew in seconds (the `maxClockSkew` of VerifyOptions). */
  maxClockSkew: number
  /** At most this many proofs (DEFAULT_MAX_PROOFS). */
  maxProofs?: number | undefined
  /** At most this many blank nodes in a dataset to canonicalize (DEFAULT_MAX_BLANK_NODES). */
  maxBlankNodes?: number | undefined
  /** At most this many quads in a dataset to canonicalize (DEFAULT_MAX_QUADS). */
  maxQuads?: number | undefined
  /** The proof purpose every proof must have: `assertionMethod` (credentials, the default) or `authentication` (presentations). */
  proofPurpose?: 'assertionMethod' | 'authentication'
}

/** A cap option: a number ≥ 0 (Infinity allowed), else the default. */
const capOf = (value: unknown, fallback: number): number =>
  typeof value === 'number' && value >= 0 ? value : fallback

interface ProofContext {
  documentLoader: DocumentLoader
  resolver: Resolver
  now: number
  skew: number
  limits: CanonicalizationLimits
  /** The canonical N-Quads of each input canonicalized in this verification (the document once). */
  canonical: WeakMap<object, Promise<string>>
  proofPurpose: 'assertionMethod' | 'authentication'
}

export interface DataIntegrityProofResult {
  findings: Finding[]
  /** The verification methods of the proofs that verified. */
  verificationMethods: VerificationMethod[]
}

/** Verifies every Data Integrity proof of a credential; never throws. */
export async function verifyDataIntegrity(
  credential: Json,
  options: DataIntegrityVerifyOptions,
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
  const maxProofs = capOf(options.maxProofs, DEFAULT_MAX_PROOFS)
  if (proofs.length > maxProofs) {
    return {
      findings: [
        finding(
          'PROOF_SET_TOO_LARGE',
          '/proof',
          `the credential has ${proofs.length} proofs; the cap is ${maxProofs} (maxProofs)`,
        ),
      ],
      verificationMethods,
    }
  }
  const context: ProofContext = {
    documentLoader: options.documentLoader,
    resolver: options.resolver,
    now: options.now.getTime(),
    skew: options.maxClockSkew * 1000,
    limits: {
      maxBlankNodes: capOf(options.maxBlankNodes, DEFAULT_MAX_BLANK_NODES),
      maxQuads: capOf(options.maxQuads, DEFAULT_MAX_QUADS),
    },
    canonical: new WeakMap(),
    proofPurpose: options.proofPurpose ?? 'assertionMethod',
  }
  const { proof: _proof, ...document } = credential
  for (const [i, proof] of proofs.entries()) {
    const path = Array.isArray(proofValue) ? pointer('proof', i) : '/proof'
    // A proof chain (VC Data Integrity §4.5): a proof with `previousProof` signs the document
    // together with the proofs it names, which must all be in the set.
    const chained = chainedDocument(proof, proofs, document)
    if (typeof chained === 'string') {
      findings.push(finding('PROOF_MALFORMED', `${path}/previousProof`, chained))
      continue
    }
    const result = await verifyOne(proof, path, chained, context)
    findings.push(...result.findings)
    if (result.verificationMethod) verificationMethods.push(result.verificationMethod)
  }
  return { findings, verificationMethods }
}

/**
 * The document a proof signs: the unsecured document, plus (for a proof with `previousProof`) the
 * proofs it names as its `proof`. A message when `previousProof` is malformed or names a proof
 * that is not in the set.
 */
function chainedDocument(
  proof: unknown,
  proofs: readonly unknown[],
  document: Json,
): Json | string {
  if (!isObject(proof) || proof.previousProof === undefined) return document
  const previous = proof.previousProof
  const ids = typeof previous === 'string' ? [previous] : previous
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
    return '`previousProof` must be a proof id or a non-empty list of them'
  }
  const matching: Json[] = []
  for (const id of ids) {
    const found = proofs.find((p) => p !== proof && isObject(p) && p.id === id)
    if (!isObject(found)) return `the previous proof ${JSON.stringify(id)} is not in the proof set`
    matching.push(found)
  }
  return { ...document, proof: matching }
}

async function verifyOne(
  proof: unknown,
  path: string,
  document: Json,
  options: ProofContext,
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
  if (proof.proofPurpose !== options.proofPurpose) {
    return fail(
      finding(
        options.proofPurpose === 'authentication'
          ? 'PRESENTATION_PROOF_PURPOSE_INVALID'
          : 'PROOF_PURPOSE_INVALID',
        `${path}/proofPurpose`,
      ),
    )
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
  // Both cryptosuites encode proofValue as base58btc (`z`) of a 64-byte signature; the length is
  // checked before decoding (decoding is quadratic), and anything else is refused here.
  if (decodeBase58Multibase(proof.proofValue, SIGNATURE_BYTES) === undefined) {
    return fail(
      finding(
        'PROOF_MALFORMED',
        `${path}/proofValue`,
        `\`proofValue\` must be base58btc multibase (\`z…\`) of a ${SIGNATURE_BYTES}-byte signature`,
      ),
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
  const lifecycle = keyLifecycleFinding(vm, `${path}/verificationMethod`, options)
  if (lifecycle) return fail(lifecycle)
  const jwk = publicJwkOfVerificationMethod(vm)
  const needed = CRYPTOSUITE_ALGORITHM[proof.cryptosuite]
  if (!jwk || algorithmOfPublicJwk(jwk) !== needed) {
    return fail(
      finding(
        'KEY_TYPE_MISMATCH',
        `${path}/verificationMethod`,
        `${proof.cryptosuite} needs an ${needed} key`,
      ),
    )
  }

  // The stock DataIntegrityProof verification, with the verification method served from `vm`.
  const suite = verificationSuite(proof.cryptosuite, options.documentLoader, {
    limits: options.limits,
    canonical: options.canonical,
  })
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
  if (result.verified) {
    // The dates are signed: judged only once the signature holds (before it, they say nothing).
    const dates = proofDateFinding(proof, path, options)
    return dates ? fail(dates) : { findings: [], verificationMethod: vm }
  }
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

/** PROOF_CREATED_IN_FUTURE or PROOF_EXPIRED against the verification clock, or undefined. */
function proofDateFinding(proof: Json, path: string, options: ProofContext): Finding | undefined {
  const { created, expires } = proof
  const createdTime = parseDateTime(created)
  const expiresTime = parseDateTime(expires)
  if (createdTime !== undefined && createdTime - options.skew > options.now) {
    return finding(
      'PROOF_CREATED_IN_FUTURE',
      `${path}/created`,
      `the proof was created at ${created}, after the verification time (clock skew included)`,
    )
  }
  if (expiresTime !== undefined && expiresTime + options.skew <= options.now) {
    return finding('PROOF_EXPIRED', `${path}/expires`, `the proof expired at ${expires}`)
  }
  return undefined
}
