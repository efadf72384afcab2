/** The passport's `@context`: written here once, read by creation, issuing, verification and the fast path. */
import { PASSPORT_CONTEXT_URL, VC_V2_CONTEXT_URL } from '../context/bundled.js'
import type { PassportContext } from '../model/types.js'

/**
 * The only `@context` a passport may have, in this order. Typed by the model's `PassportContext`,
 * so the two cannot differ; test/passport/contexts.test.ts holds the schema's `const` to it.
 */
export const PASSPORT_CONTEXTS: Readonly<PassportContext> = [
  VC_V2_CONTEXT_URL,
  PASSPORT_CONTEXT_URL,
]

/** True when `context` is exactly PASSPORT_CONTEXTS. */
export function isPassportContext(context: unknown): boolean {
  return (
    Array.isArray(context) &&
    context.length === PASSPORT_CONTEXTS.length &&
    context.every((c, i) => c === PASSPORT_CONTEXTS[i])
  )
}
