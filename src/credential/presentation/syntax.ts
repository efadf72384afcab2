/**
 * The VC 2.0 presentation data model (§4.13): `type` includes `VerifiablePresentation`, `id` and
 * `holder` are URLs (or `holder` an object with a URL `id`), and `verifiableCredential` holds only
 * objects. Used by issuing (refuse) and verifying (report); the credentials themselves are checked
 * by verifying each of them.
 */
import type { Finding } from '../../findings/finding.js'
import { pointer } from '../../findings/pointer.js'
import { isObject, type Json } from '../../json.js'
import { syntaxCodes } from '../checks/syntax.codes.js'
import { isAbsoluteUrl } from '../checks/syntax.js'
import { presentationCodes } from './presentation.codes.js'

/**
 * The most credentials one presentation may carry (`maxCredentials`); each is verified on its own,
 * so the work of a verification grows with their number.
 */
export const DEFAULT_MAX_CREDENTIALS = 64

/** The holder id (string holder or `holder.id`), if there is one. */
export function holderId(presentation: Json): string | undefined {
  const holder = presentation.holder
  if (typeof holder === 'string') return holder
  if (isObject(holder) && typeof holder.id === 'string') return holder.id
  return undefined
}

/** The entries of `verifiableCredential` (a single value is a list of one). */
export function credentialEntries(presentation: Json): unknown[] {
  const value = presentation.verifiableCredential
  return Array.isArray(value) ? value : value === undefined ? [] : [value]
}

/** Every VC 2.0 data-model finding for a presentation (an empty list when it is well formed). */
export function presentationSyntaxFindings(
  presentation: Json,
  maxCredentials: number = DEFAULT_MAX_CREDENTIALS,
): Finding[] {
  const findings: Finding[] = []
  if (presentation['@context'] === undefined) {
    findings.push(syntaxCodes.finding('FIELD_MISSING', '/@context', '`@context` is required'))
  }
  const type = presentation.type
  const typed =
    type === 'VerifiablePresentation' ||
    (Array.isArray(type) &&
      type.every((t) => typeof t === 'string') &&
      type.includes('VerifiablePresentation'))
  if (!typed) findings.push(presentationCodes.finding('PRESENTATION_TYPE_INVALID', '/type'))
  if (presentation.id !== undefined && !isAbsoluteUrl(presentation.id)) {
    findings.push(syntaxCodes.finding('ID_INVALID', '/id'))
  }
  const holder = presentation.holder
  if (holder !== undefined && !isAbsoluteUrl(holderId(presentation))) {
    findings.push(
      presentationCodes.finding('HOLDER_INVALID', isObject(holder) ? '/holder/id' : '/holder'),
    )
  }
  const value = presentation.verifiableCredential
  const entries = credentialEntries(presentation)
  if (entries.length > maxCredentials) {
    findings.push(
      presentationCodes.finding(
        'PRESENTATION_CREDENTIAL_INVALID',
        '/verifiableCredential',
        `the presentation carries ${entries.length} credentials; the cap is ${maxCredentials} (maxCredentials)`,
      ),
    )
    return findings
  }
  entries.forEach((entry, i) => {
    if (!isObject(entry)) {
      findings.push(
        presentationCodes.finding(
          'PRESENTATION_CREDENTIAL_INVALID',
          Array.isArray(value) ? pointer('verifiableCredential', i) : '/verifiableCredential',
          'each `verifiableCredential` entry must be an object (a credential or an EnvelopedVerifiableCredential)',
        ),
      )
    }
  })
  return findings
}
