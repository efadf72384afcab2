/**
 * What every verification result must look like, whatever the input: the checks in their fixed
 * order, each once; statuses pass/fail/skip; `verified` exactly when no check failed; `errors` the
 * error findings in check order; every finding with a code documented for the check that reports
 * it and a JSON Pointer path; for a passport, each problem once (the `schema` and `conformance`
 * checks together are the conformance report). And no crash: `INTERNAL_ERROR` and
 * `CONFORMANCE_UNAVAILABLE` are documented, but they report an exception caught inside the library,
 * which JSON input never should cause.
 */
import { isDeepStrictEqual } from 'node:util'
import { expect } from 'vitest'
import { catalogue } from '../../src/conformance/catalogue.js'
import { type VerifyOptions, verifyCredential } from '../../src/credential/verify.js'
import { findingCatalogue } from '../../src/findings/catalogue.js'
import { verifyPassport } from '../../src/passport/verify.js'
import type { ConformanceReport, Finding, VerificationResult } from '../../src/results.js'
import { decided } from '../helpers/fuzz.js'

export const CREDENTIAL_CHECKS = [
  'syntax',
  'context',
  'proof',
  'issuer-binding',
  'validity',
  'status',
  'issuer-trust',
  'schema',
]
export const PASSPORT_CHECKS = [...CREDENTIAL_CHECKS, 'conformance']

/** RFC 6901: `''` or a sequence of `/`-prefixed reference tokens with `~` only as `~0`/`~1`. */
export const JSON_POINTER = /^(\/([^~/]|~[01])*)*$/

const conformanceCodes = new Set(Object.keys(catalogue))

/** The codes a check may report: those declaring it, and for `conformance` every conformance code. */
const codesOf = (checkId: string): Set<string> =>
  new Set(
    Object.entries(findingCatalogue)
      .filter(([, d]) => (d.checks as readonly string[] | undefined)?.includes(checkId))
      .map(([code]) => code)
      .concat(checkId === 'conformance' ? [...conformanceCodes] : []),
  )
const checkCodes = new Map(PASSPORT_CHECKS.map((id) => [id, codesOf(id)]))

/** Codes that report an exception caught inside the library. */
const CRASHES = new Set(['INTERNAL_ERROR', 'CONFORMANCE_UNAVAILABLE'])

function expectFinding(f: Finding, where: string, codes: Set<string>) {
  expect(codes.has(f.code), `${where}: undocumented code ${f.code}`).toBe(true)
  expect(CRASHES.has(f.code), `${where}: ${f.code} ${f.path}: ${f.message}`).toBe(false)
  expect(['error', 'warning', 'info'], `${where}: severity of ${f.code}`).toContain(f.severity)
  expect(typeof f.path === 'string' && JSON_POINTER.test(f.path), `${where}: path ${f.path}`).toBe(
    true,
  )
  expect(typeof f.message === 'string' && f.message.length > 0, `${where}: message`).toBe(true)
  expect(typeof f.rule === 'string' && f.rule.length > 0, `${where}: rule`).toBe(true)
}

/** A conformance report: documented codes, JSON Pointers, `conforms`/`status` from the severities. */
export function expectWellFormedReport(report: ConformanceReport, where = 'conformance') {
  for (const f of report.findings) expectFinding(f, where, conformanceCodes)
  const errors = report.findings.some((f) => f.severity === 'error')
  const warnings = report.findings.some((f) => f.severity === 'warning')
  expect(report.conforms, `${where}: conforms`).toBe(!errors)
  expect(report.status, `${where}: status`).toBe(errors ? 'fail' : warnings ? 'warn' : 'pass')
  expect(report.profiles, `${where}: profiles`).toContain('core')
}

/** A verification result of verifyCredential (`passport: false`) or verifyPassport. */
export function expectWellFormed(result: VerificationResult, passport: boolean, label: string) {
  const ids = passport ? PASSPORT_CHECKS : CREDENTIAL_CHECKS
  expect(
    result.checks.map((c) => c.id),
    `${label}: check ids`,
  ).toEqual(ids)
  for (const check of result.checks) {
    const where = `${label}: ${check.id}`
    expect(['pass', 'fail', 'skip'], `${where}: status`).toContain(check.status)
    const failed = check.findings.some((f) => f.severity === 'error')
    expect(check.status === 'fail', `${where}: fails exactly with an error finding`).toBe(failed)
    const codes = checkCodes.get(check.id) ?? new Set()
    for (const f of check.findings) expectFinding(f, where, codes)
  }
  if (passport) expectEachProblemOnce(result, label)
  expect(result.verified, `${label}: verified = no check failed`).toBe(
    !result.checks.some((c) => c.status === 'fail'),
  )
  expect(result.errors, `${label}: errors`).toEqual(
    result.checks.flatMap((c) => c.findings.filter((f) => f.severity === 'error')),
  )
  expect([undefined, 'data-integrity', 'vc-jose'], `${label}: format`).toContain(result.format)
  if (result.conformance) {
    expect(passport, `${label}: a conformance report from verifyCredential`).toBe(true)
    expectWellFormedReport(result.conformance, `${label}: conformance report`)
  }
}

/**
 * A passport's `schema` and `conformance` checks, when both ran on a conformance report, are that
 * report split in two (an unknown property an error in the `schema` check): nothing is reported
 * twice, and nothing of the report is lost but what the syntax check already reported as an error
 * at the same pointer.
 */
function expectEachProblemOnce(result: VerificationResult, label: string) {
  const schema = result.checks.find((c) => c.id === 'schema')
  const conformance = result.checks.find((c) => c.id === 'conformance')
  if (!result.conformance || schema?.status === 'skip' || conformance?.status === 'skip') return
  const syntax = result.checks.find((c) => c.id === 'syntax')
  const syntaxErrorPaths = new Set(
    syntax?.findings.filter((f) => f.severity === 'error').map((f) => f.path),
  )
  const asReported = result.conformance.findings.map((f) =>
    f.code === 'UNKNOWN_PROPERTY' && schema?.findings.includes(f) === false
      ? { ...f, severity: 'error' }
      : f,
  )
  const checked = [...(schema?.findings ?? []), ...(conformance?.findings ?? [])]
  // `checked` is `asReported` in order, less findings at a pointer the syntax check reported.
  let next = 0
  for (const f of asReported) {
    if (next < checked.length && isDeepStrictEqual(checked[next], f)) next++
    else expect(syntaxErrorPaths.has(f.path), `${label}: ${f.code} at ${f.path} lost`).toBe(true)
  }
  expect(next, `${label}: the schema and conformance checks are the conformance report`).toBe(
    checked.length,
  )
}

/** The verdict of each check with its finding codes, sorted (what a re-spelling must not change). */
export const verdicts = (r: VerificationResult) =>
  r.checks.map((c) => `${c.id}:${c.status}:${c.findings.map((f) => f.code).sort()}`)

/**
 * Both verifiers on one input: each decided within the hang guard (never a throw), the input left as
 * it was, both results well-formed, and the same proof check (it reads nothing passport-specific).
 */
export async function verifyBoth(input: unknown, label: string, options: VerifyOptions) {
  const before = structuredClone(input)
  const passport = await decided(`verifyPassport: ${label}`, () => verifyPassport(input, options))
  const credential = await decided(`verifyCredential: ${label}`, () =>
    verifyCredential(input, options),
  )
  expect(isDeepStrictEqual(input, before), `${label}: the input was modified`).toBe(true)
  expectWellFormed(passport, true, `verifyPassport: ${label}`)
  expectWellFormed(credential, false, `verifyCredential: ${label}`)
  const proofCheck = (r: VerificationResult) => r.checks.find((c) => c.id === 'proof')
  expect(proofCheck(passport), `${label}: proof check`).toEqual(proofCheck(credential))
  return { passport, credential }
}
