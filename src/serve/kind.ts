/**
 * Which verifier a credential goes to: a passport (its `@context` names the carbon-passport
 * context) to `verifyPassport`, anything else to `verifyCredential`. Only a routing hint, read from
 * untrusted data: the verifier then checks everything, the exact context allow-list included.
 */
import { PASSPORT_CONTEXT_URL } from '../context/bundled.js'
import { isRecord } from '../guard.js'

const VC_JWT_PREFIX = 'data:application/vc+jwt,'

/** The claims of a compact JWS (its middle part), or undefined when it is not one. */
function jwsPayload(text: string): unknown {
  const parts = text.trim().replace(VC_JWT_PREFIX, '').split('.')
  if (parts.length !== 3 || !parts[1]) return undefined
  try {
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
}

/** The credential a request carries, out of a vc+jwt or an EnvelopedVerifiableCredential. */
function credentialOf(input: unknown): unknown {
  if (typeof input === 'string') return jwsPayload(input)
  if (isRecord(input) && input.type === 'EnvelopedVerifiableCredential') {
    return typeof input.id === 'string' ? jwsPayload(input.id) : undefined
  }
  return input
}

/** True when the credential (object, vc+jwt or envelope) says it is a carbon passport. */
export function isPassport(input: unknown): boolean {
  const credential = credentialOf(input)
  if (!isRecord(credential)) return false
  const context = credential['@context']
  return Array.isArray(context) ? context.includes(PASSPORT_CONTEXT_URL) : false
}
