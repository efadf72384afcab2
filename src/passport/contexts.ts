/** The passport's `@context`: written here once, read by creation, issuing, verification and the fast path. */
import { PASSPORT_CONTEXT_URL, VC_V2_CONTEXT_URL } from '../context/bundled.js'

/** The only `@context` a passport may have, in this order. */
export const PASSPORT_CONTEXTS = [VC_V2_CONTEXT_URL, PASSPORT_CONTEXT_URL] as const

/** True when `context` is exactly PASSPORT_CONTEXTS. */
export function isPassportContext(context: unknown): boolean {
  return (
    Array.isArray(context) &&
    context.length === PASSPORT_CONTEXTS.length &&
    context.every((c, i) => c === PASSPORT_CONTEXTS[i])
  )
}
