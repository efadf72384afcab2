/**
 * The `context` check: `@context` starts with VC 2.0, holds only context URLs the loader serves
 * (nothing is fetched), never the undefined-terms context, no nested contexts and, for passports,
 * exactly the allow-list. Generic credentials and presentations may also hold inline (object)
 * contexts after the first entry, within MAX_CONTEXTS and MAX_INLINE_CONTEXT_BYTES; they are
 * processed in safe mode like any other (a protected term redefined fails). Once they are in order, form.ts reads the document's terms.
 */
import {
  UNDEFINED_TERMS_CONTEXT_URL,
  VC_V1_CONTEXT_URL,
  VC_V2_CONTEXT_URL,
} from '../../context/bundled.js'
import type { DocumentLoader } from '../../context/loader.js'
import type { Finding } from '../../findings/finding.js'
import { pointer } from '../../findings/pointer.js'
import type { Json } from '../../json.js'
import { contextCodes } from './context.codes.js'

const { finding } = contextCodes

/** Paths of `@context` keys below the top level (inline contexts in nested objects). */
function nestedContexts(value: unknown, path: (string | number)[], out: string[]): void {
  if (value === null || typeof value !== 'object' || out.length > 20) return
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i)
      nestedContexts(value[i], path, out)
      path.pop()
    }
    return
  }
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue
    path.push(k)
    if (k === '@context') out.push(pointer(...path))
    else nestedContexts((value as Record<string, unknown>)[k], path, out)
    path.pop()
  }
}

/** The most entries of a top-level `@context` (URLs and inline contexts together). */
export const MAX_CONTEXTS = 16

/**
 * The most bytes (as JSON text, UTF-8) of all the inline contexts of one document together. A
 * context's processing cost grows with its size (terms, scoped contexts); 32 KiB holds several
 * hundred terms, far more than any inline context of the W3C examples and test suites.
 */
export const MAX_INLINE_CONTEXT_BYTES = 32 * 1024

export async function contextFindings(
  credential: Json,
  options: {
    documentLoader: DocumentLoader
    allowList?: readonly string[] | undefined
    /** false when the caller already knows there is no nested `@context` (readInput's walk). */
    nestedContext?: boolean
    /**
     * Accept inline (object) contexts after the first entry (generic credentials and
     * presentations; never passports), within MAX_CONTEXTS and MAX_INLINE_CONTEXT_BYTES.
     */
    inline?: boolean
    /**
     * With `inline`: accept a VC 1.1 credential (first context
     * `https://www.w3.org/2018/credentials/v1`), for generic credentials only.
     */
    vc1?: boolean
  },
): Promise<Finding[]> {
  const findings: Finding[] = []
  const raw = credential['@context']
  const contexts = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]
  const inline = options.inline === true && options.allowList === undefined
  if (contexts.length > MAX_CONTEXTS) {
    return [
      finding(
        'CONTEXT_TOO_LARGE',
        '/@context',
        `@context has ${contexts.length} entries; the cap is ${MAX_CONTEXTS}`,
      ),
    ]
  }
  let inlineBytes = 0
  const v1 = inline && options.vc1 === true && contexts[0] === VC_V1_CONTEXT_URL
  if (contexts[0] !== VC_V2_CONTEXT_URL && !v1) {
    findings.push(
      finding(
        'CONTEXT_MISSING',
        '/@context',
        'the first context must be https://www.w3.org/ns/credentials/v2',
      ),
    )
  }
  const allow = options.allowList
  for (const [i, ctx] of contexts.entries()) {
    const path = Array.isArray(raw) ? pointer('@context', i) : '/@context'
    if (typeof ctx !== 'string') {
      if (inline && i > 0 && ctx !== null && typeof ctx === 'object' && !Array.isArray(ctx)) {
        // Bounded before any JSON-LD processing: the document's depth is capped by readInput.
        inlineBytes += Buffer.byteLength(JSON.stringify(ctx) ?? '', 'utf8')
        if (inlineBytes > MAX_INLINE_CONTEXT_BYTES) {
          findings.push(
            finding(
              'CONTEXT_TOO_LARGE',
              path,
              `the inline contexts exceed ${MAX_INLINE_CONTEXT_BYTES} bytes as JSON`,
            ),
          )
        }
        continue
      }
      findings.push(finding('CONTEXT_INLINE', path))
      continue
    }
    if (ctx === UNDEFINED_TERMS_CONTEXT_URL) {
      findings.push(
        finding(
          'CONTEXT_NOT_ALLOWED',
          path,
          'the undefined-terms context would let unsigned properties in',
        ),
      )
      continue
    }
    if (allow && allow[i] !== ctx) {
      findings.push(
        finding(
          'CONTEXT_NOT_ALLOWED',
          path,
          `${ctx} is not allowed here; expected ${JSON.stringify(allow)}`,
        ),
      )
      continue
    }
    try {
      await options.documentLoader(ctx)
    } catch {
      findings.push(
        finding(
          'CONTEXT_UNKNOWN',
          path,
          `${ctx} is not bundled and was not supplied; it is never fetched`,
        ),
      )
    }
  }
  if (allow && contexts.length < allow.length) {
    findings.push(
      finding(
        'CONTEXT_NOT_ALLOWED',
        '/@context',
        `@context must be exactly ${JSON.stringify(allow)}`,
      ),
    )
  }
  const nested: string[] = []
  if (options.nestedContext !== false) {
    for (const [k, v] of Object.entries(credential)) {
      if (k !== '@context') nestedContexts(v, [k], nested)
    }
  }
  for (const path of nested) findings.push(finding('CONTEXT_INLINE', path))
  return findings
}
