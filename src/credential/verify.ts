/**
 * `verifyCredential`: verifies any VC 2.0 credential secured with Data Integrity or as a vc+jwt and
 * returns one result per check. It never throws on untrusted input and never fetches anything.
 */
import { defaultDocumentLoader } from '../context/default-loader.js'
import type { DidDocument, DocumentLoader } from '../context/loader.js'
import { createResolver, type ResolveDid, type VerificationMethod } from '../did/resolve.js'
import { commonCodes } from '../findings/common.js'
import { combineCodes } from '../findings/define.js'
import { describeError, isRecord } from '../guard.js'
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, readInput } from '../input/read.js'
import type {
  Check,
  CheckId,
  ConformanceReport,
  CredentialFormat,
  Finding,
  VerificationResult,
} from '../results.js'
import { contextFindings } from './checks/context.js'
import { issuerBindingFindings } from './checks/issuer-binding.js'
import { type RelatedResources, relatedResourceFindings } from './checks/related-resources.js'
import {
  asSchemaCheckFinding,
  credentialSchemaCheck,
  schemaCheckFindings,
} from './checks/schema.js'
import { statusFindings } from './checks/status.js'
import { credentialSyntaxFindings, issuerId } from './checks/syntax.js'
import { validityFindings } from './checks/validity.js'
import { readCompactForm, verifyDataIntegrity } from './data-integrity/lazy.js'
import { verifyVcJwt } from './jose/verify.js'
import { verifyCodes } from './verify.codes.js'

const { finding } = combineCodes(verifyCodes, commonCodes)

/**
 * Options of `verifyCredential` (and, through `VerifyPassportOptions`, of `verifyPassport`).
 * Everything the verification reads comes from here or is bundled: nothing is fetched.
 */
export interface VerifyOptions {
  /** The clock; the current time by default. */
  now?: Date
  /** Allowed clock skew in seconds for validity dates (300 by default); must be finite, >= 0. */
  maxClockSkew?: number
  /** The document loader for contexts; the strict offline loader by default. */
  documentLoader?: DocumentLoader
  /** DID documents (did:web and others, or controller documents of https issuers), by id. */
  didDocuments?: readonly DidDocument[]
  /** Your own DID resolver, asked for DIDs not in `didDocuments` (the library never fetches). */
  resolveDid?: ResolveDid
  /**
   * Bitstring Status List credentials you already hold (objects, vc+jwt or envelopes). Pass the
   * same array to many verifications: it is indexed once, and a list is verified and decoded once
   * and reused while the options its verification reads are the same (the DID documents, resolver,
   * loader, caps and a fixed `now`; with the current time, for at most a second). Changing the
   * array in place (a new version of a list) is seen by the next verification.
   */
  statusLists?: readonly unknown[]
  /**
   * The bytes of related resources you hold, by URL (`Uint8Array`, or a string as UTF-8 text): each
   * `relatedResource` with one of these URLs must match its `digestSRI`/`digestMultibase`
   * (RELATED_RESOURCE_DIGEST_MISMATCH). The carbon-passport contexts are known already; any other
   * resource is reported as not checked (RELATED_RESOURCE_NOT_CHECKED). Nothing is fetched.
   */
  relatedResources?: RelatedResources
  /** Issuer DIDs you trust; when given, any other issuer fails `issuer-trust`. */
  trustedIssuers?: readonly string[]
  /** Input size cap in bytes (1 MiB by default). */
  maxBytes?: number
  /** Input nesting cap (64 by default). */
  maxDepth?: number
  /**
   * Data Integrity: the most proofs a credential may carry (`DEFAULT_MAX_PROOFS`, 8); past it none is
   * verified (`PROOF_SET_TOO_LARGE`). For this and the two caps below, anything but a number ≥ 0
   * (`Infinity` lifts a cap) means the default.
   */
  maxProofs?: number
  /**
   * Data Integrity: the most blank nodes of an RDF dataset to canonicalize
   * (`DEFAULT_MAX_BLANK_NODES`, 448); past it, `CANONICALIZATION_INPUT_TOO_LARGE` before RDFC-1.0.
   * RDFC-1.0's cost on look-alike blank nodes grows with blank nodes × quads: raise with care.
   */
  maxBlankNodes?: number
  /**
   * Data Integrity: the most quads of an RDF dataset to canonicalize (`DEFAULT_MAX_QUADS`, 2560);
   * past it, `CANONICALIZATION_INPUT_TOO_LARGE` before RDFC-1.0.
   */
  maxQuads?: number
  /**
   * Data checks to leave out (reported as `skip`), for callers that run them elsewhere, for
   * example conformance at ingestion. The security checks always run.
   */
  skipChecks?: readonly ('schema' | 'conformance')[]
}

/**
 * The conformance of a passport: the full report, and its findings split by layer so that each
 * problem is reported once, the schema layer's in the `schema` check, the others in `conformance`.
 */
export interface PassportConformance {
  /** The report, as `checkConformance` returns it for the credential (the schema layer's first). */
  report: ConformanceReport
  /** The findings of the schema layer. */
  schema: readonly Finding[]
  /** Every other finding of the report. */
  rules: readonly Finding[]
}

/** Passport-specific rules, set by verifyPassport. */
export interface PassportRules {
  contextAllowList: readonly string[]
  /** The schema of the `schema` check when conformance does not run (it validates the same one). */
  schemaId: string
  conformance?: (
    credential: Record<string, unknown>,
    read: CredentialRead,
  ) => PassportConformance | Promise<PassportConformance>
}

/** How the credential was read: its format and, for a string input, the input's length. */
export interface CredentialRead {
  format: CredentialFormat
  /** The input's length in UTF-16 units, when the input was a string (JSON text, a JWS). */
  textLength?: number
}

/** Seconds of clock skew allowed by default when comparing validity dates. */
export const DEFAULT_MAX_CLOCK_SKEW = 300

const loaderOf = (options: VerifyOptions): DocumentLoader =>
  options.documentLoader ?? defaultDocumentLoader()

/** A check's result: `skip` when it did not run, else `fail` when a finding is an error. */
export const check = (id: CheckId, findings: Finding[], ran = true): Check => ({
  id,
  status: !ran ? 'skip' : findings.some((f) => f.severity === 'error') ? 'fail' : 'pass',
  findings,
})

function assemble(
  checks: Check[],
  rest: Pick<VerificationResult, 'format' | 'issuer' | 'credential'> & {
    conformance?: ConformanceReport
  },
): VerificationResult {
  const errors = checks.flatMap((c) => c.findings.filter((f) => f.severity === 'error'))
  return {
    verified: !checks.some((c) => c.status === 'fail'),
    format: rest.format,
    issuer: rest.issuer,
    credential: rest.credential,
    checks,
    ...(rest.conformance ? { conformance: rest.conformance } : {}),
    errors,
  }
}

/** The checks of `verifyCredential`, in the order every result reports them. */
export const CHECK_ORDER: readonly CheckId[] = [
  'syntax',
  'context',
  'proof',
  'issuer-binding',
  'validity',
  'status',
  'issuer-trust',
  'schema',
]

/** The check ids of a verification: a passport's add `conformance`. */
export const checkIds = (passport: boolean): CheckId[] =>
  passport ? [...CHECK_ORDER, 'conformance'] : [...CHECK_ORDER]

/** The result of a verification that stopped before any check ran: `findings` under `syntax`. */
export function stoppedResult(ids: readonly CheckId[], findings: Finding[]): VerificationResult {
  return assemble(
    ids.map((id, i) => check(id, i === 0 ? findings : [], i === 0)),
    { format: undefined, issuer: undefined, credential: undefined },
  )
}

/**
 * Verifies a credential: a JSON object or text, a compact JWS (`vc+jwt`), an
 * `EnvelopedVerifiableCredential`, or `{ "verifiableCredential": … }`.
 *
 * Checks, in order: `syntax`, `context`, `proof` (cryptographic only; runs even when syntax or
 * context fail), `issuer-binding`, `validity`, `status`, `issuer-trust`, `schema`. Finding codes
 * are documented in `VERIFICATION_CODES`.
 *
 * @example
 * ```ts
 * const result = await verifyCredential(jws, { didDocuments: [issuerDidDocument] })
 * if (!result.verified) console.log(result.errors.map((e) => e.code))
 * ```
 */
export async function verifyCredential(
  input: unknown,
  options: VerifyOptions = {},
): Promise<VerificationResult> {
  return runVerification(input, options, undefined)
}

/** The shared verification pipeline; never throws. */
export async function runVerification(
  input: unknown,
  options: VerifyOptions,
  passport: PassportRules | undefined,
): Promise<VerificationResult> {
  const ids = checkIds(passport !== undefined)
  try {
    return await pipeline(input, options ?? {}, passport, ids)
  } catch (err) {
    const f = finding('INTERNAL_ERROR', '', `verification stopped: ${describeError(err)}`)
    return stoppedResult(ids, [f])
  }
}

/**
 * The clock and cap options, checked: a misspelt clock or cap must not make an expired credential
 * verify or lift a bound, so an invalid one fails verification (a message) instead of being
 * ignored. Caps are numbers > 0 (`Infinity` lifts one); the skew is a finite number >= 0.
 */
export function readVerifyOptions(
  options: VerifyOptions,
): { now: Date; maxClockSkew: number } | string {
  const now = options.now ?? new Date()
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    return '`now` must be a valid Date'
  }
  const maxClockSkew = options.maxClockSkew ?? DEFAULT_MAX_CLOCK_SKEW
  if (typeof maxClockSkew !== 'number' || !Number.isFinite(maxClockSkew) || maxClockSkew < 0) {
    return '`maxClockSkew` must be a finite number of seconds, 0 or more'
  }
  const resources = options.relatedResources
  if (resources !== undefined && !(resources instanceof Map || isRecord(resources))) {
    return '`relatedResources` must be an object or a Map of URL → bytes'
  }
  for (const cap of ['maxBytes', 'maxDepth', 'maxProofs', 'maxBlankNodes', 'maxQuads'] as const) {
    const value = options[cap]
    if (value !== undefined && !(typeof value === 'number' && value > 0)) {
      return `\`${cap}\` must be a number greater than 0`
    }
  }
  return { now, maxClockSkew }
}

async function pipeline(
  input: unknown,
  options: VerifyOptions,
  passport: PassportRules | undefined,
  ids: CheckId[],
): Promise<VerificationResult> {
  const checked = readVerifyOptions(options)
  if (typeof checked === 'string') {
    return stoppedResult(ids, [finding('OPTION_INVALID', '', checked)])
  }
  const { now, maxClockSkew } = checked
  const read = readInput(input, {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
  })
  if (!read.ok) {
    return stoppedResult(ids, read.findings)
  }
  const { format, credential: signed, jws } = read.unwrapped
  const documentLoader = loaderOf(options)
  const resolver = createResolver({
    didDocuments: options.didDocuments,
    resolveDid: options.resolveDid,
    documentLoader,
  })

  const context = await contextFindings(signed, {
    documentLoader,
    allowList: passport?.contextAllowList,
    nestedContext: read.nestedContext,
    inline: passport === undefined,
    // VC 1.1 only with Data Integrity: VC-JOSE-COSE secures VC 2.0 credentials only.
    vc1: passport === undefined && format === 'data-integrity',
  })
  // Every check but the proof reads `credential`. A vc+jwt signs its JSON bytes, so the JSON is the
  // signed view. A Data Integrity proof signs RDF, which JSON-LD can spell without the keys the
  // checks read, so the credential must be the compacted form of its RDF (checks/form.ts; a node
  // described in several places is read with all of it at each). When it is not, or the contexts
  // are not in order, the checks that judge the data are not run on a view the signature does not
  // back. The result carries the credential as given, so that its digest is the issuer's.
  let credential = signed
  if (context.length === 0 && format === 'data-integrity') {
    const form = await readCompactForm(signed, { documentLoader })
    context.push(...form.findings)
    credential = form.view
  }
  const readable = !context.some((f) => f.severity === 'error')
  const issuer = issuerId(credential)
  const syntax = credentialSyntaxFindings(credential)
  // Digests are judged on the signed view only (for Data Integrity, once the form check holds).
  if (readable) syntax.push(...relatedResourceFindings(credential, options.relatedResources))
  let proof: Finding[]
  const validity: Finding[] = []
  let verificationMethods: VerificationMethod[] = []
  if (format === 'vc-jose' && jws !== undefined) {
    const jose = await verifyVcJwt(jws, signed, { resolver, now, maxClockSkew })
    proof = jose.proof
    syntax.push(...jose.syntax)
    validity.push(...jose.validity)
    if (jose.verificationMethod) verificationMethods = [jose.verificationMethod]
  } else {
    const di = await verifyDataIntegrity(signed, {
      documentLoader,
      resolver,
      now,
      maxClockSkew,
      maxProofs: options.maxProofs,
      maxBlankNodes: options.maxBlankNodes,
      maxQuads: options.maxQuads,
    })
    proof = di.findings
    verificationMethods = di.verificationMethods
  }
  const proofOk = !proof.some((f) => f.severity === 'error') && verificationMethods.length > 0
  const binding = proofOk ? await issuerBindingFindings(issuer, verificationMethods, resolver) : []
  const checks: Check[] = [
    check('syntax', syntax),
    check('context', context),
    check('proof', proof),
    check('issuer-binding', binding, proofOk),
  ]
  const skip = new Set(options.skipChecks ?? [])
  const dataIds: CheckId[] = ['validity', 'status', 'issuer-trust', 'schema']
  if (passport) dataIds.push('conformance')
  if (!readable) {
    for (const id of dataIds) checks.push(check(id, [], false))
    return assemble(checks, { format, issuer, credential: signed })
  }

  validity.push(...validityFindings(credential, { now, maxClockSkew }))
  checks.push(check('validity', validity))

  // A status list is verified with the same keys and clock, but its own status and trust are not asked.
  const { statusLists = [], trustedIssuers: _trusted, ...listOptions } = options
  const status = await statusFindings(credential, {
    statusLists,
    verifyList: (list) => runVerification(list, listOptions, undefined),
    limits: {
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    },
    reuse: {
      context: () => listVerificationContext(listOptions),
      now: now.getTime(),
      liveClock: options.now === undefined,
    },
  })
  checks.push(check('status', status.findings, status.ran))

  const trust = options.trustedIssuers
  const trustFindings =
    trust && !(issuer !== undefined && trust.includes(issuer))
      ? [
          finding(
            'ISSUER_NOT_TRUSTED',
            '/issuer',
            `${issuer ?? 'the issuer'} is not a trusted issuer`,
          ),
        ]
      : []
  checks.push(check('issuer-trust', trustFindings, trust !== undefined))

  // A field the VC 2.0 syntax check already found missing or wrong is not reported again by the
  // schema (FIELD_MISSING and FIELD_REQUIRED at one pointer are one problem).
  const syntaxErrorPaths = new Set(syntax.filter((f) => f.severity === 'error').map((f) => f.path))
  const notYetReported = (f: Finding) => !syntaxErrorPaths.has(f.path)
  let conformance: ConformanceReport | undefined
  if (passport) {
    const read: CredentialRead =
      typeof input === 'string' ? { format, textLength: input.length } : { format }
    const data = await passportDataChecks(credential, read, passport, skip, notYetReported)
    checks.push(...data.checks)
    conformance = data.conformance
  } else if (skip.has('schema')) {
    checks.push(check('schema', [], false))
  } else {
    const schema = credentialSchemaCheck(credential)
    checks.push(check('schema', schema.findings.filter(notYetReported), schema.ran))
  }
  return assemble(checks, {
    format,
    issuer,
    credential: signed,
    ...(conformance ? { conformance } : {}),
  })
}

/**
 * Everything a status list's verification reads besides the list, for statusFindings to reuse a
 * list it already verified (compared entry by entry, so an array changed in place counts as
 * changed): the loader, the keys (each DID document), the resolver, the clock when fixed, the skew,
 * the caps, the related resources and the skipped checks.
 */
function listVerificationContext(o: VerifyOptions): unknown[] {
  // (Misuse, such as a non-array, is reported by the checks that read these; here it is one entry.)
  const didDocuments = Array.isArray(o.didDocuments) ? o.didDocuments : [o.didDocuments]
  const skip = Array.isArray(o.skipChecks) ? o.skipChecks : [o.skipChecks]
  return [
    o.documentLoader,
    o.resolveDid,
    o.now?.getTime(),
    o.maxClockSkew,
    o.maxBytes,
    o.maxDepth,
    o.maxProofs,
    o.maxBlankNodes,
    o.maxQuads,
    o.relatedResources,
    skip.length,
    ...skip,
    didDocuments.length,
    ...didDocuments,
  ]
}

/**
 * The `schema` and `conformance` checks of a passport. Conformance checks the schema too, so its
 * schema layer is the `schema` check and the `conformance` check carries the other findings: each
 * problem is reported once, while `conformance` (the report) is what `checkConformance` returns.
 * When `schema` is skipped, `conformance` carries the whole report; when conformance is skipped or
 * fails to run, the `schema` check validates on its own. Schema findings at a pointer the syntax
 * check has already reported are left out (`notYetReported`).
 */
async function passportDataChecks(
  credential: Record<string, unknown>,
  read: CredentialRead,
  passport: PassportRules,
  skip: ReadonlySet<string>,
  notYetReported: (f: Finding) => boolean,
): Promise<{ checks: Check[]; conformance?: ConformanceReport }> {
  let layers: PassportConformance | undefined
  let unavailable: Finding | undefined
  if (passport.conformance && !skip.has('conformance')) {
    try {
      layers = await passport.conformance(credential, read)
    } catch (err) {
      unavailable = finding('CONFORMANCE_UNAVAILABLE', '', String((err as Error)?.message ?? err))
    }
  }
  const schema = skip.has('schema')
    ? check('schema', [], false)
    : check(
        'schema',
        (layers
          ? layers.schema.map(asSchemaCheckFinding)
          : schemaCheckFindings(credential, passport.schemaId)
        ).filter(notYetReported),
      )
  const conformance = layers
    ? check('conformance', [...(skip.has('schema') ? layers.report.findings : layers.rules)])
    : unavailable
      ? check('conformance', [unavailable])
      : check('conformance', [], false)
  return { checks: [schema, conformance], ...(layers ? { conformance: layers.report } : {}) }
}
