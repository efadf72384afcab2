/**
 * `verifyPresentation`: verifies a VC 2.0 verifiable presentation secured with the holder's Data
 * Integrity proof (`authentication`) or as a vp+jwt, and every credential it carries (embedded,
 * or enveloped vc+jwt), each with the full `verifyCredential` pipeline. Never throws on untrusted
 * input, never fetches.
 *
 * Checks, in order: `syntax` (the VC 2.0 presentation model), `context` (the presentation's own
 * contexts and, for Data Integrity, its compact form: the holder read is the holder signed),
 * `proof` (signature, purpose, the caller's challenge and domain), `holder-binding` (the key is
 * the holder's and listed under `authentication`), `credentials` (one nested result each).
 */
import { defaultDocumentLoader } from '../../context/default-loader.js'
import type { DocumentLoader } from '../../context/loader.js'
import {
  createResolver,
  hasVerificationRelationship,
  type Resolver,
  type VerificationMethod,
} from '../../did/resolve.js'
import { commonCodes } from '../../findings/common.js'
import { combineCodes } from '../../findings/define.js'
import { pointer } from '../../findings/pointer.js'
import { describeError } from '../../guard.js'
import { isUnwrapFailure, looksLikeJws, unwrapCredential } from '../../input/envelope.js'
import { findDuplicateKey } from '../../input/json-keys.js'
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  illFormedFinding,
  inputCodes,
  inspectValue,
} from '../../input/read.js'
import { isObject, type Json } from '../../json.js'
import type {
  Check,
  CheckId,
  CredentialFormat,
  Finding,
  VerificationResult,
} from '../../results.js'
import { contextFindings } from '../checks/context.js'
import { readCompactForm, verifyDataIntegrity } from '../data-integrity/lazy.js'
import { dataIntegrityCodes } from '../data-integrity/verify.codes.js'
import { type JoseMedia, verifyVcJwt } from '../jose/verify.js'
import { verifyCodes } from '../verify.codes.js'
import {
  CHECK_ORDER,
  check,
  readVerifyOptions,
  runVerification,
  stoppedResult,
  type VerifyOptions,
} from '../verify.js'
import { presentationCodes } from './presentation.codes.js'
import {
  credentialEntries,
  DEFAULT_MAX_CREDENTIALS,
  holderId,
  presentationSyntaxFindings,
} from './syntax.js'

const { finding } = combineCodes(
  presentationCodes,
  verifyCodes,
  commonCodes,
  inputCodes,
  dataIntegrityCodes,
)

/**
 * Options of `verifyPresentation`: the verifier's `challenge` and `domain`, and every option of
 * `verifyCredential`, which also apply to each credential the presentation carries.
 */
export interface VerifyPresentationOptions extends VerifyOptions {
  /**
   * The challenge the verifier gave the holder. When given, the presentation must be signed and
   * its proof's `challenge` (vp+jwt: the `nonce` claim) must be exactly it.
   */
  challenge?: string
  /**
   * The verifier's domain. When given, the presentation must be signed and its proof's `domain`
   * (vp+jwt: the `aud` claim) must be it or a list that includes it.
   */
  domain?: string
  /** The most credentials a presentation may carry (`DEFAULT_MAX_CREDENTIALS`, 64). */
  maxCredentials?: number
}

/** What `verifyPresentation` returns; never thrown, whatever the input. */
export interface PresentationVerificationResult {
  /** True only when every check passed or was skipped for a stated reason, and none failed. */
  verified: boolean
  /** How the presentation was secured; undefined when it could not be read at all. */
  format: CredentialFormat | undefined
  /** The holder id as the presentation states it (`holder` or `holder.id`). */
  holder: string | undefined
  /** The presentation as decoded (for vp+jwt, the JWS payload). Untrusted unless `verified`. */
  presentation: Record<string, unknown> | undefined
  /** `syntax`, `context`, `proof`, `holder-binding`, `credentials`, in that order. */
  checks: Check[]
  /** One result per `verifiableCredential` entry, in order: what `verifyCredential` gives for it. */
  credentials: VerificationResult[]
  /** Every error-severity finding of the presentation's own checks (the credentials' are in `credentials`). */
  errors: Finding[]
}

/** The checks of `verifyPresentation`, in the order every result reports them. */
export const PRESENTATION_CHECK_ORDER: readonly CheckId[] = [
  'syntax',
  'context',
  'proof',
  'holder-binding',
  'credentials',
]

const VP_PREFIX = 'data:application/vp+jwt,'

const PRESENTATION_MEDIA: JoseMedia = {
  typ: ['vp+jwt', 'application/vp+jwt'],
  cty: ['vp', 'application/vp'],
  signer: holderId,
}

function assemble(
  checks: Check[],
  rest: Omit<PresentationVerificationResult, 'verified' | 'checks' | 'errors'>,
): PresentationVerificationResult {
  return {
    verified: !checks.some((c) => c.status === 'fail'),
    ...rest,
    checks,
    errors: checks.flatMap((c) => c.findings.filter((f) => f.severity === 'error')),
  }
}

function stopped(findings: Finding[]): PresentationVerificationResult {
  return assemble(
    PRESENTATION_CHECK_ORDER.map((id, i) => check(id, i === 0 ? findings : [], i === 0)),
    { format: undefined, holder: undefined, presentation: undefined, credentials: [] },
  )
}

/**
 * Verifies a presentation: an object or JSON text, a compact JWS (`vp+jwt`), an
 * `EnvelopedVerifiablePresentation` or its `data:application/vp+jwt,…` URL.
 *
 * An unsigned presentation is accepted with a `PRESENTATION_UNSIGNED` warning (its credentials
 * still verify on their own proofs) unless `challenge` or `domain` is given; the holder is then
 * not bound (`holder-binding` skipped). Each credential gets the same options (clock, keys, status
 * lists, trusted issuers, caps), and any credential that fails makes `credentials` fail.
 *
 * @example
 * ```ts
 * const result = await verifyPresentation(vp, { challenge: 'c0ffee', domain: 'https://customs.example' })
 * if (!result.verified) console.log(result.errors, result.credentials.map((c) => c.errors))
 * ```
 */
export async function verifyPresentation(
  input: unknown,
  options: VerifyPresentationOptions = {},
): Promise<PresentationVerificationResult> {
  try {
    return await pipeline(input, options ?? {})
  } catch (err) {
    return stopped([finding('INTERNAL_ERROR', '', `verification stopped: ${describeError(err)}`)])
  }
}

interface ReadPresentation {
  format: CredentialFormat
  presentation: Record<string, unknown>
  jws?: string
}

/**
 * The presentation out of the forms it travels in, within the size and depth caps. Unlike a
 * credential, a `{ verifiableCredential }` object is never unwrapped: it is the presentation.
 */
function readPresentation(
  input: unknown,
  limits: { maxBytes: number; maxDepth: number },
): ReadPresentation | Finding {
  let value = input
  if (isObject(value) && isEnvelopedPresentation(value)) value = value.id
  if (typeof value === 'string') {
    const bytes = Buffer.byteLength(value, 'utf8')
    if (bytes > limits.maxBytes) {
      return finding('INPUT_TOO_LARGE', '', {
        expected: String(limits.maxBytes),
        actual: String(bytes),
      })
    }
    let text = value.trim()
    if (text.startsWith(VP_PREFIX)) text = text.slice(VP_PREFIX.length)
    if (looksLikeJws(text)) {
      const unwrapped = unwrapCredential(text)
      if (isUnwrapFailure(unwrapped)) {
        return finding(unwrapped.code, 'path' in unwrapped ? unwrapped.path : '', unwrapped.message)
      }
      return withinDepth(
        { format: 'vc-jose', presentation: unwrapped.credential, jws: text },
        limits,
      )
    }
    try {
      value = JSON.parse(text)
    } catch {
      return finding('MALFORMED_JSON', '', 'the input is neither JSON nor a compact JWS')
    }
    const duplicate = findDuplicateKey(text, value)
    if (duplicate) {
      return finding(
        'JSON_DUPLICATE_KEY',
        duplicate.path,
        `the JSON input repeats the member name ${JSON.stringify(duplicate.key)}`,
      )
    }
    if (isObject(value) && isEnvelopedPresentation(value)) {
      return readPresentation(value.id, limits)
    }
  } else if (value !== null && typeof value === 'object') {
    const shape = inspectValue(value, limits.maxDepth)
    if (shape.depth > limits.maxDepth) {
      return finding('INPUT_TOO_DEEP', '', { expected: String(limits.maxDepth) })
    }
    const illFormed = illFormedFinding(shape)
    if (illFormed) return illFormed
    let text: string | undefined
    try {
      text = JSON.stringify(value)
    } catch {
      return finding('NOT_AN_OBJECT', '', 'the input is not JSON (a cycle or a BigInt)')
    }
    const bytes = Buffer.byteLength(text ?? '', 'utf8')
    if (bytes > limits.maxBytes) {
      return finding('INPUT_TOO_LARGE', '', {
        expected: String(limits.maxBytes),
        actual: String(bytes),
      })
    }
  }
  if (!isObject(value)) return finding('NOT_AN_OBJECT', '', 'a presentation must be a JSON object')
  return withinDepth({ format: 'data-integrity', presentation: value }, limits)
}

function withinDepth(
  read: ReadPresentation,
  limits: { maxDepth: number },
): ReadPresentation | Finding {
  const shape = inspectValue(read.presentation, limits.maxDepth)
  if (shape.depth > limits.maxDepth) {
    return finding('INPUT_TOO_DEEP', '', { expected: String(limits.maxDepth) })
  }
  return illFormedFinding(shape) ?? read
}

function isEnvelopedPresentation(value: Json): value is Json & { id: string } {
  const type = value.type
  const enveloped =
    type === 'EnvelopedVerifiablePresentation' ||
    (Array.isArray(type) && type.includes('EnvelopedVerifiablePresentation'))
  return enveloped && typeof value.id === 'string' && value.id.startsWith(VP_PREFIX)
}

async function holderBindingFindings(
  holder: string | undefined,
  verificationMethods: readonly VerificationMethod[],
  resolver: Resolver,
): Promise<Finding[]> {
  const findings: Finding[] = []
  if (holder === undefined) return findings
  for (const vm of verificationMethods) {
    if (vm.controller !== holder) {
      findings.push(
        finding(
          'HOLDER_KEY_MISMATCH',
          '/holder',
          `the key ${vm.id} is controlled by ${JSON.stringify(vm.controller)}, not by the holder ${JSON.stringify(holder)}`,
        ),
      )
      continue
    }
    const doc = await resolver.controller(holder)
    if (!doc) {
      findings.push(
        finding(
          'HOLDER_NOT_RESOLVED',
          '/holder',
          `no DID document for ${holder} (supply it in didDocuments)`,
        ),
      )
    } else if (!hasVerificationRelationship(doc, 'authentication', vm.id)) {
      findings.push(
        finding(
          'HOLDER_KEY_MISMATCH',
          '/holder',
          `${holder} does not list ${vm.id} under authentication`,
        ),
      )
    }
  }
  return findings
}

/** The caller's challenge and domain against what the holder signed. */
function bindingFindings(
  signed: { challenge: unknown; domain: unknown; path: string; names: [string, string] },
  options: VerifyPresentationOptions,
): Finding[] {
  const findings: Finding[] = []
  const [challengeName, domainName] = signed.names
  if (options.challenge !== undefined && signed.challenge !== options.challenge) {
    findings.push(
      finding(
        'PRESENTATION_CHALLENGE_MISMATCH',
        `${signed.path}/${challengeName}`,
        `the signed ${challengeName} is ${JSON.stringify(signed.challenge) ?? 'missing'}, expected ${JSON.stringify(options.challenge)}`,
      ),
    )
  }
  const domain = signed.domain
  if (
    options.domain !== undefined &&
    !(domain === options.domain || (Array.isArray(domain) && domain.includes(options.domain)))
  ) {
    findings.push(
      finding(
        'PRESENTATION_DOMAIN_MISMATCH',
        `${signed.path}/${domainName}`,
        `the signed ${domainName} is ${JSON.stringify(domain) ?? 'missing'}, expected ${JSON.stringify(options.domain)}`,
      ),
    )
  }
  return findings
}

/** The presentation options, checked: a misspelt challenge must not make any proof acceptable. */
function presentationOptionProblem(options: VerifyPresentationOptions): string | undefined {
  for (const name of ['challenge', 'domain'] as const) {
    const value = options[name]
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      return `\`${name}\` must be a non-empty string`
    }
  }
  const max = options.maxCredentials
  if (max !== undefined && !(typeof max === 'number' && max >= 0)) {
    return '`maxCredentials` must be a number, 0 or more'
  }
  return undefined
}

async function pipeline(
  input: unknown,
  options: VerifyPresentationOptions,
): Promise<PresentationVerificationResult> {
  const problem = presentationOptionProblem(options)
  if (problem !== undefined) return stopped([finding('OPTION_INVALID', '', problem)])
  const checked = readVerifyOptions(options)
  if (typeof checked === 'string') return stopped([finding('OPTION_INVALID', '', checked)])
  const { now, maxClockSkew } = checked
  const read = readPresentation(input, {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
  })
  if (!('presentation' in read)) return stopped([read])
  const { format, presentation, jws } = read
  const documentLoader: DocumentLoader = options.documentLoader ?? defaultDocumentLoader()
  const resolver = createResolver({
    didDocuments: options.didDocuments,
    resolveDid: options.resolveDid,
    documentLoader,
  })
  const holder = holderId(presentation)
  const maxCredentials = options.maxCredentials ?? DEFAULT_MAX_CREDENTIALS
  const syntax = presentationSyntaxFindings(presentation, maxCredentials)

  // The credentials carry their own contexts and are verified on their own: the presentation's
  // contexts are its top-level ones, and its compact form is read without them.
  const context = await contextFindings(presentation, {
    documentLoader,
    nestedContext: false,
    inline: true,
  })
  if (context.length === 0 && format === 'data-integrity') {
    const { verifiableCredential: _credentials, proof: _proof, ...own } = presentation
    context.push(...(await readCompactForm(own, { documentLoader })).findings)
  }

  const proof: Finding[] = []
  let verificationMethods: VerificationMethod[] = []
  let signed = true
  if (format === 'vc-jose' && jws !== undefined) {
    const jose = await verifyVcJwt(jws, presentation, {
      resolver,
      now,
      maxClockSkew,
      media: PRESENTATION_MEDIA,
    })
    proof.push(...jose.proof, ...jose.validity)
    syntax.push(...jose.syntax)
    if (jose.verificationMethod) verificationMethods = [jose.verificationMethod]
    proof.push(
      ...bindingFindings(
        {
          challenge: presentation.nonce,
          domain: presentation.aud,
          path: '',
          names: ['nonce', 'aud'],
        },
        options,
      ),
    )
  } else if (presentation.proof === undefined) {
    signed = false
    proof.push(
      options.challenge !== undefined || options.domain !== undefined
        ? finding(
            'PROOF_MISSING',
            '/proof',
            'the presentation has no proof, and a challenge or domain was asked for',
          )
        : finding('PRESENTATION_UNSIGNED', '/proof'),
    )
  } else {
    const di = await verifyDataIntegrity(presentation, {
      documentLoader,
      resolver,
      now,
      maxClockSkew,
      maxProofs: options.maxProofs,
      maxBlankNodes: options.maxBlankNodes,
      maxQuads: options.maxQuads,
      proofPurpose: 'authentication',
    })
    proof.push(...di.findings)
    verificationMethods = di.verificationMethods
    const proofValue = presentation.proof
    const proofs = Array.isArray(proofValue) ? proofValue : [proofValue]
    proofs.forEach((p, i) => {
      if (!isObject(p)) return
      const path = Array.isArray(proofValue) ? pointer('proof', i) : '/proof'
      proof.push(
        ...bindingFindings(
          { challenge: p.challenge, domain: p.domain, path, names: ['challenge', 'domain'] },
          options,
        ),
      )
    })
  }
  const proofOk =
    signed && !proof.some((f) => f.severity === 'error') && verificationMethods.length > 0
  const binding = proofOk ? await holderBindingFindings(holder, verificationMethods, resolver) : []

  // Each credential with the full pipeline and the caller's options (but not the presentation's).
  const {
    challenge: _challenge,
    domain: _domain,
    maxCredentials: _maxCredentials,
    ...credentialOptions
  } = options
  const entries = credentialEntries(presentation)
  const credentials: VerificationResult[] = []
  const credentialFindings: Finding[] = []
  if (entries.length <= maxCredentials) {
    const list = Array.isArray(presentation.verifiableCredential)
    for (const [i, entry] of entries.entries()) {
      const path = list ? pointer('verifiableCredential', i) : '/verifiableCredential'
      const result = isObject(entry)
        ? await runVerification(entry, credentialOptions, undefined)
        : stoppedResult(
            [...CHECK_ORDER],
            [finding('PRESENTATION_CREDENTIAL_INVALID', '', 'a credential must be an object')],
          )
      credentials.push(result)
      if (!result.verified) {
        const codes = [...new Set(result.errors.map((f) => f.code))].slice(0, 5).join(', ')
        credentialFindings.push(
          finding(
            'CREDENTIAL_NOT_VERIFIED',
            path,
            `the credential at ${path} did not verify: ${codes}`,
          ),
        )
      }
    }
  }
  const checks: Check[] = [
    check('syntax', syntax),
    check('context', context),
    check('proof', proof),
    check('holder-binding', binding, proofOk && holder !== undefined),
    check(
      'credentials',
      credentialFindings,
      entries.length > 0 && entries.length <= maxCredentials,
    ),
  ]
  return assemble(checks, { format, holder, presentation, credentials })
}
