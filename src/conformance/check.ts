/**
 * `checkConformance`: field-level conformance of a carbon passport (schema, semantic rules and
 * regulatory profiles). Never throws on untrusted input.
 */
import { isUnwrapFailure, unwrapCredential } from '../credential/envelope.js'
import type { ConformanceReport, Finding } from '../results.js'
import { schemaErrors, schemaIds } from '../schema/registry.js'
import type { ProfileId } from './profiles/ids.js'

export interface CheckConformanceOptions {
  /** Profiles to apply on top of `core` (always applied). */
  profiles?: readonly ProfileId[]
  /** Relative tolerance for sums and products, default 0.001 (0.1 %). */
  tolerance?: number
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * Checks a passport (unsigned, Data Integrity, vc+jwt, enveloped) or a bare credential subject.
 */
export function checkConformance(
  input: unknown,
  options: CheckConformanceOptions = {},
): ConformanceReport {
  const profiles = ['core', ...(options.profiles ?? []).filter((p) => p !== 'core')]
  const findings: Finding[] = []
  try {
    let doc: unknown = input
    let schemaId: string = schemaIds.passport
    if (isObject(input) && !('@context' in input) && ('product' in input || 'footprint' in input)) {
      schemaId = schemaIds.carbonPassport
    } else {
      const unwrapped = unwrapCredential(input)
      if (isUnwrapFailure(unwrapped)) {
        findings.push({
          code: 'INPUT_UNREADABLE',
          severity: 'error',
          path: '',
          message: unwrapped.message,
          rule: 'VC 2.0',
        })
        return report(profiles, findings)
      }
      doc = unwrapped.credential
    }
    for (const e of schemaErrors(schemaId, doc)) {
      findings.push({
        code: 'SCHEMA_VIOLATION',
        severity: 'error',
        path: e.instancePath,
        message: e.message ?? e.keyword,
        rule: 'schema',
      })
    }
  } catch (err) {
    findings.push({
      code: 'INTERNAL_ERROR',
      severity: 'error',
      path: '',
      message: `the checker failed: ${(err as Error)?.message ?? String(err)}`,
      rule: 'carbon-passport',
    })
  }
  return report(profiles, findings)
}

function report(profiles: string[], findings: Finding[]): ConformanceReport {
  const hasError = findings.some((f) => f.severity === 'error')
  const hasWarning = findings.some((f) => f.severity === 'warning')
  return {
    conforms: !hasError,
    status: hasError ? 'fail' : hasWarning ? 'warn' : 'pass',
    profiles,
    findings,
  }
}
