/**
 * The VC 2.0 data-model rules a credential must follow before it is signed or trusted, including
 * those `@digitalbazaar/vc` does not check (types on `credentialSchema` and friends, well-formed
 * `relatedResource`, `validUntil` after `validFrom`). Used by issuing (refuse) and verifying (report).
 */

import { VC_V1_CONTEXT_URL } from '../../context/bundled.js'
import { isDateTimeStamp, timeOfDateTimeStamp } from '../../date-time.js'
import type { Finding } from '../../findings/finding.js'
import { pointer } from '../../findings/pointer.js'
import { isObject, type Json } from '../../json.js'
import { syntaxCodes } from './syntax.codes.js'

const { finding } = syntaxCodes

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/

/** Whether a value is an absolute URL (any scheme: https, did, urn, …). */
export function isAbsoluteUrl(value: unknown): value is string {
  return typeof value === 'string' && SCHEME.test(value) && URL.canParse(value)
}

/** The issuer id (string issuer or `issuer.id`), if there is one. */
export function issuerId(credential: Json): string | undefined {
  const issuer = credential.issuer
  if (typeof issuer === 'string') return issuer
  if (isObject(issuer) && typeof issuer.id === 'string') return issuer.id
  return undefined
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v])

/** Every VC 2.0 data-model finding for a credential (an empty list when it is well formed). */
/** Whether a credential is VC 1.1 (its first context is the VC 1.1 base context). */
export function isVc1(credential: Json): boolean {
  const context = credential['@context']
  return (Array.isArray(context) ? context[0] : context) === VC_V1_CONTEXT_URL
}

export function credentialSyntaxFindings(credential: Json): Finding[] {
  const findings: Finding[] = []
  const v1 = isVc1(credential)
  const required = ['@context', 'type', 'issuer', 'credentialSubject']
  // VC 1.1 §4.6: `issuanceDate` is required; `expirationDate` is optional (both xsd:dateTime).
  if (v1) required.push('issuanceDate')
  for (const field of v1 ? ['issuanceDate', 'expirationDate'] : []) {
    if (credential[field] !== undefined && !isDateTimeStamp(credential[field])) {
      findings.push(
        finding('DATE_INVALID', pointer(field), `\`${field}\` must be a dateTime with a time zone`),
      )
    }
  }
  for (const field of required) {
    if (credential[field] === undefined) {
      findings.push(finding('FIELD_MISSING', pointer(field), `\`${field}\` is required`))
    }
  }

  const type = credential.type
  if (
    type !== undefined &&
    !(
      (Array.isArray(type) &&
        type.every((t) => typeof t === 'string') &&
        type.includes('VerifiableCredential')) ||
      type === 'VerifiableCredential'
    )
  ) {
    findings.push(finding('TYPE_INVALID', '/type'))
  }

  if (credential.id !== undefined && !isAbsoluteUrl(credential.id)) {
    findings.push(finding('ID_INVALID', '/id'))
  }

  const issuer = credential.issuer
  if (issuer !== undefined) {
    const id = issuerId(credential)
    if (!isAbsoluteUrl(id))
      findings.push(finding('ISSUER_INVALID', isObject(issuer) ? '/issuer/id' : '/issuer'))
  }

  const subject = credential.credentialSubject
  if (subject !== undefined) {
    const subjects = asList(subject)
    if (subjects.length === 0 || !subjects.every(isObject)) {
      findings.push(finding('SUBJECT_INVALID', '/credentialSubject'))
    } else {
      subjects.forEach((s, i) => {
        if (s.id !== undefined && !isAbsoluteUrl(s.id)) {
          findings.push(
            finding(
              'ID_INVALID',
              Array.isArray(subject)
                ? pointer('credentialSubject', i, 'id')
                : '/credentialSubject/id',
            ),
          )
        }
      })
    }
  }

  for (const field of ['validFrom', 'validUntil']) {
    if (credential[field] !== undefined && !isDateTimeStamp(credential[field])) {
      findings.push(finding('DATE_INVALID', pointer(field), `\`${field}\` must be a dateTimeStamp`))
    }
  }
  const validFrom = timeOfDateTimeStamp(credential.validFrom)
  const validUntil = timeOfDateTimeStamp(credential.validUntil)
  if (validFrom !== undefined && validUntil !== undefined && validUntil <= validFrom) {
    findings.push(finding('VALIDITY_RANGE_INVALID', '/validUntil'))
  }

  for (const field of [
    'credentialSchema',
    'credentialStatus',
    'refreshService',
    'evidence',
    'termsOfUse',
  ]) {
    const value = credential[field]
    asList(value).forEach((entry, i) => {
      const path = Array.isArray(value) ? pointer(field, i) : pointer(field)
      if (!isObject(entry)) {
        findings.push(
          finding(
            'TYPE_REQUIRED',
            path,
            `each \`${field}\` entry must be an object with a \`type\``,
          ),
        )
        return
      }
      const t = entry.type
      const typed =
        typeof t === 'string'
          ? t !== ''
          : Array.isArray(t) && t.length > 0 && t.every((x) => typeof x === 'string')
      if (!typed)
        findings.push(
          finding('TYPE_REQUIRED', `${path}/type`, `each \`${field}\` entry needs a \`type\``),
        )
      else if (field === 'termsOfUse' || field === 'evidence' || field === 'refreshService') {
        findings.push(
          finding(
            'EXTENSION_NOT_PROCESSED',
            path,
            `\`${field}\` of type ${JSON.stringify(t)} is reported, not processed`,
          ),
        )
      }
      if (
        (field === 'credentialSchema' || field === 'refreshService') &&
        !isAbsoluteUrl(entry.id)
      ) {
        findings.push(
          finding('ID_INVALID', `${path}/id`, `each \`${field}\` entry needs a URL \`id\``),
        )
      }
      if (field === 'credentialStatus' && entry.id !== undefined && !isAbsoluteUrl(entry.id)) {
        findings.push(finding('ID_INVALID', `${path}/id`))
      }
    })
  }

  const related = credential.relatedResource
  if (related !== undefined) {
    const seen = new Set<string>()
    asList(related).forEach((entry, i) => {
      const path = Array.isArray(related) ? pointer('relatedResource', i) : '/relatedResource'
      if (!isObject(entry) || !isAbsoluteUrl(entry.id)) {
        findings.push(
          finding('RELATED_RESOURCE_INVALID', path, 'each related resource needs a URL `id`'),
        )
        return
      }
      if (seen.has(entry.id)) {
        findings.push(
          finding(
            'RELATED_RESOURCE_INVALID',
            `${path}/id`,
            `the related resource ${entry.id} is listed twice`,
          ),
        )
      }
      seen.add(entry.id)
      const sri = entry.digestSRI
      const multibase = entry.digestMultibase
      const goodSri = typeof sri === 'string' && /^sha(256|384|512)-[A-Za-z0-9+/]+={0,2}$/.test(sri)
      const goodMultibase =
        typeof multibase === 'string' && /^[uzmMfF][A-Za-z0-9_+/=-]+$/.test(multibase)
      if (
        (sri === undefined && multibase === undefined) ||
        (sri !== undefined && !goodSri) ||
        (multibase !== undefined && !goodMultibase)
      ) {
        findings.push(
          finding(
            'RELATED_RESOURCE_INVALID',
            path,
            'a related resource needs a well-formed `digestSRI` or `digestMultibase`',
          ),
        )
      }
    })
  }
  return findings
}
