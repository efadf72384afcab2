/**
 * The `third-party-verification` check of `verifyPassport`: a trusted verifier's attestation
 * covers this exact passport (its digest) and its figures.
 */
import { schemaCheckFindings } from '../credential/checks/schema.js'
import { runVerification, type VerifyOptions } from '../credential/verify.js'
import { describeError, isRecord } from '../guard.js'
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, readInput } from '../input/read.js'
import type { Check, Finding, VerificationResult } from '../results.js'
import { schemaIds } from '../schema/registry.js'
import {
  defaultFigurePointers,
  figureAt,
  isMemberPointer,
  passportDigest,
  sameFigure,
} from './figures.js'
import { attestationCodes } from './verify.codes.js'

const { finding } = attestationCodes

/** The most attestations `verifyPassport` reads (`attestations` past it fail the check). */
export const MAX_ATTESTATIONS = 64

/** A verifier you trust: its DID, and optionally the accreditation number it must state. */
export interface TrustedVerifier {
  /** The verifier's DID (the attestation's issuer). */
  id: string
  /** The accreditation number the attestation must state (`accreditation.accreditationNumber`). */
  accreditation?: string
}

/** The options of the `third-party-verification` check, as `verifyPassport` takes them. */
export interface AttestationOptions {
  /**
   * Attestations (`attestPassport`) you hold: objects, vc+jwt or envelopes, at most
   * `MAX_ATTESTATIONS`. Those about other passports (by id and digest) are passed over.
   */
  attestations?: readonly unknown[]
  /** The verifiers whose attestations count: DIDs, or `{ id, accreditation }`. */
  trustedVerifiers?: readonly (string | TrustedVerifier)[]
}

type Trusted = ReadonlyMap<string, string | undefined>

/** The trusted verifiers by DID, or undefined when the option is not what it must be. */
function readTrusted(value: unknown): Trusted | undefined {
  if (value === undefined) return new Map()
  if (!Array.isArray(value) || value.length > 10_000) return undefined
  const trusted = new Map<string, string | undefined>()
  for (const entry of value) {
    if (typeof entry === 'string' && entry !== '') {
      trusted.set(entry, undefined)
    } else if (isRecord(entry) && typeof entry.id === 'string' && entry.id !== '') {
      const accreditation = entry.accreditation
      if (accreditation !== undefined && typeof accreditation !== 'string') return undefined
      trusted.set(entry.id, accreditation)
    } else {
      return undefined
    }
  }
  return trusted
}

/** What the check found about one attestation. */
interface Outcome {
  /** Whether the attestation is about this passport (by id or digest). */
  applicable: boolean
  findings: Finding[]
}

const codesOf = (checks: readonly Check[], ids: readonly string[]): string[] =>
  checks
    .filter((c) => ids.includes(c.id) && c.status === 'fail')
    .flatMap((c) => c.findings.filter((f) => f.severity === 'error').map((f) => f.code))

const named = (index: number, id: unknown) =>
  `attestation ${index}${typeof id === 'string' ? ` (${id})` : ''}`

/** One attestation, checked against the passport. */
async function checkAttestation(
  attestation: unknown,
  index: number,
  passport: { id: unknown; digest: string; credential: Record<string, unknown> },
  trusted: Trusted,
  options: VerifyOptions,
): Promise<Outcome> {
  const read = readInput(attestation, {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
  })
  if (!read.ok) {
    const why = read.findings.map((f) => f.code).join(', ')
    return {
      applicable: true,
      findings: [
        finding('ATTESTATION_INVALID', '', `${named(index, undefined)} cannot be read (${why})`),
      ],
    }
  }
  const credential = read.unwrapped.credential
  const name = named(index, credential.id)
  const subject = credential.credentialSubject
  const subjectId = isRecord(subject) ? subject.id : undefined
  const subjectDigest = isRecord(subject) ? subject.digestMultibase : undefined
  const applicable =
    (typeof passport.id === 'string' && subjectId === passport.id) ||
    subjectDigest === passport.digest
  if (!applicable) return { applicable, findings: [] }

  const findings: Finding[] = []
  const types = credential.type
  if (!Array.isArray(types) || !types.includes('CarbonPassportAttestation')) {
    findings.push(finding('ATTESTATION_INVALID', '', `${name} is not a CarbonPassportAttestation`))
    return { applicable, findings }
  }
  // Its own verification, with the passport's keys, resolver, clock and status lists; trust is
  // `trustedVerifiers`', and the data checks are the attestation schema below.
  const { trustedIssuers: _t, skipChecks: _s, ...own } = options
  const result: VerificationResult = await runVerification(attestation, own, undefined)
  const broken = codesOf(result.checks, ['syntax', 'context', 'proof', 'issuer-binding'])
  if (broken.length > 0) {
    findings.push(
      finding('ATTESTATION_PROOF_INVALID', '', `${name} does not verify (${broken.join(', ')})`),
    )
  }
  const validity = codesOf(result.checks, ['validity'])
  if (validity.length > 0) {
    findings.push(
      finding('ATTESTATION_EXPIRED', '', `${name} is not valid now (${validity.join(', ')})`),
    )
  }
  const status = codesOf(result.checks, ['status'])
  if (status.length > 0) {
    findings.push(finding('ATTESTATION_REVOKED', '', `${name}: ${status.join(', ')}`))
  }
  const schema = schemaCheckFindings(credential, schemaIds.attestation).filter(
    (f) => f.severity === 'error',
  )
  if (schema.length > 0) {
    const where = schema
      .slice(0, 3)
      .map((f) => `${f.code} at ${f.path || '/'}`)
      .join('; ')
    findings.push(finding('ATTESTATION_INVALID', '', `${name} does not validate: ${where}`))
  }
  if (subjectDigest !== passport.digest) {
    findings.push(
      finding(
        'ATTESTATION_DIGEST_MISMATCH',
        '',
        `${name} attests the digest ${String(subjectDigest)}, not this passport's ${passport.digest}`,
      ),
    )
  }
  const issuer = result.issuer
  if (issuer === undefined || !trusted.has(issuer)) {
    findings.push(
      finding(
        'VERIFIER_NOT_TRUSTED',
        '',
        `${name} is issued by ${issuer ?? 'an unknown issuer'}, not a trusted verifier`,
      ),
    )
  } else {
    const required = trusted.get(issuer)
    const stated =
      isRecord(subject) && isRecord(subject.accreditation)
        ? subject.accreditation.accreditationNumber
        : undefined
    if (required !== undefined && stated !== required) {
      findings.push(
        finding(
          'VERIFIER_ACCREDITATION_MISMATCH',
          '',
          `${name} states the accreditation ${stated === undefined ? 'of none' : JSON.stringify(stated)}; ${issuer} is trusted with ${JSON.stringify(required)}`,
        ),
      )
    }
  }
  if (isRecord(subject)) {
    if (subject.opinion === 'adverse' || subject.opinion === 'disclaimer') {
      findings.push(
        finding(
          'ATTESTATION_OPINION_ADVERSE',
          '',
          `${name} gives the opinion "${subject.opinion}"`,
        ),
      )
    } else if (subject.opinion === 'modified') {
      findings.push(finding('ATTESTATION_OPINION_MODIFIED', '', `${name} gives a modified opinion`))
    }
    findings.push(...figureFindings(subject.verifiedFigures, passport.credential, name))
  }
  return { applicable, findings }
}

/** The figures an attestation verified, against the passport's. */
function figureFindings(
  figures: unknown,
  passport: Record<string, unknown>,
  name: string,
): Finding[] {
  const findings: Finding[] = []
  const covered = new Set<string>()
  const list = Array.isArray(figures) ? figures.slice(0, 1000) : []
  for (const figure of list) {
    if (!isRecord(figure) || !isMemberPointer(figure.pointer)) continue
    const { pointer, verifiedValue } = figure
    covered.add(pointer)
    const actual = figureAt(passport, pointer)
    if (
      actual === undefined ||
      typeof verifiedValue !== 'string' ||
      !sameFigure(actual, verifiedValue)
    ) {
      findings.push(
        finding('ATTESTATION_FIGURES_DIFFER', pointer, {
          detail: `${name} verified ${JSON.stringify(verifiedValue)}`,
          expected: actual === undefined ? '(no figure)' : actual,
          actual: typeof verifiedValue === 'string' ? verifiedValue : String(verifiedValue),
        }),
      )
    }
  }
  for (const pointer of defaultFigurePointers(passport)) {
    if (!covered.has(pointer)) {
      findings.push(
        finding('ATTESTATION_FIGURES_INCOMPLETE', pointer, `${name} does not cover this figure`),
      )
    }
  }
  return findings
}

/**
 * The findings of the `third-party-verification` check for a passport read as `credential` (with
 * its compact JWS for a vc+jwt). It passes only when an attestation about the passport verifies
 * (its own proof, validity and status, with the same options), is issued by a trusted verifier
 * (with the accreditation number required of it), names the passport's digest, gives no adverse
 * opinion and covers the passport's figures with their values. When one does, the problems of the
 * others about this passport are warnings. Never throws.
 */
export async function thirdPartyVerificationFindings(
  credential: Record<string, unknown>,
  jws: string | undefined,
  attestationOptions: { attestations: unknown; trustedVerifiers: unknown },
  options: VerifyOptions,
): Promise<Finding[]> {
  let attestations: unknown[]
  let trusted: Trusted | undefined
  try {
    // Read once into plain values: a throwing getter or a revoked Proxy is an invalid option.
    const given = attestationOptions.attestations ?? []
    trusted = readTrusted(attestationOptions.trustedVerifiers)
    attestations = Array.isArray(given) && given.length <= MAX_ATTESTATIONS ? Array.from(given) : []
    if (!trusted || attestations.length !== (given as unknown[]).length) trusted = undefined
  } catch {
    trusted = undefined
    attestations = []
  }
  if (!trusted) {
    return [
      finding(
        'ATTESTATION_OPTION_INVALID',
        '',
        `attestations must be an array of at most ${MAX_ATTESTATIONS}, trustedVerifiers an array of DIDs or { id, accreditation }`,
      ),
    ]
  }
  try {
    const passport = { id: credential.id, digest: passportDigest(credential, jws), credential }
    const outcomes: Outcome[] = []
    for (const [i, attestation] of attestations.entries()) {
      outcomes.push(await checkAttestation(attestation, i, passport, trusted, options))
    }
    const relevant = outcomes.filter((o) => o.applicable)
    const covers = relevant.some((o) => !o.findings.some((f) => f.severity === 'error'))
    const findings = relevant.flatMap((o) => o.findings)
    if (covers) {
      return findings.map((f) => (f.severity === 'error' ? { ...f, severity: 'warning' } : f))
    }
    if (relevant.length === 0) {
      findings.unshift(
        finding(
          'ATTESTATION_MISSING',
          '',
          `no attestation is about this passport (${String(passport.id)}, ${passport.digest})`,
        ),
      )
    }
    return findings
  } catch (err) {
    return [finding('ATTESTATION_CHECK_FAILED', '', describeError(err))]
  }
}

/**
 * `result` with the `third-party-verification` check appended (skipped when the passport could not
 * be read or its contexts failed, as the data checks are) and `verified` and `errors` updated.
 */
export async function withThirdPartyVerification(
  input: unknown,
  result: VerificationResult,
  attestationOptions: { attestations: unknown; trustedVerifiers: unknown },
  options: VerifyOptions,
): Promise<VerificationResult> {
  let check: Check
  const contextFailed = result.checks.some((c) => c.id === 'context' && c.status === 'fail')
  if (result.credential === undefined || contextFailed) {
    check = { id: 'third-party-verification', status: 'skip', findings: [] }
  } else {
    let jws: string | undefined
    if (result.format === 'vc-jose') {
      const read = readInput(input, {
        maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
        maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
      })
      if (read.ok) jws = read.unwrapped.jws
    }
    const findings = await thirdPartyVerificationFindings(
      result.credential,
      jws,
      attestationOptions,
      options,
    )
    check = {
      id: 'third-party-verification',
      status: findings.some((f) => f.severity === 'error') ? 'fail' : 'pass',
      findings,
    }
  }
  const checks = [...result.checks, check]
  return {
    ...result,
    verified: !checks.some((c) => c.status === 'fail'),
    checks,
    errors: checks.flatMap((c) => c.findings.filter((f) => f.severity === 'error')),
  }
}
