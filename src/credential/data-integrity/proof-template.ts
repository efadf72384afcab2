/**
 * The canonical proof configuration by template (part of the fast-path plug-in).
 *
 * The proof options (`type`, `cryptosuite`, `created`, `verificationMethod`, `proofPurpose`)
 * canonicalize to five quads whose shape depends only on the context list. For each context list,
 * the stock canonicalization of a sentinel proof is computed once; a proof of the same shape whose
 * values need no N-Quads escaping is then produced by substituting its values into that template.
 * Anything else is left to the stock path. test/credential/data-integrity/canonize.test.ts proves
 * both equal on the W3C vector and random inputs.
 */

const PROOF_KEYS = ['type', 'cryptosuite', 'created', 'verificationMethod', 'proofPurpose']
const CREATED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/
// IRIs that N-Quads writes verbatim (no characters that would need escaping), with their scheme.
const IRI = /^(did|https|http|urn):[A-Za-z0-9._~:/?#[\]@!$&'()*+,;=%-]+$/
const SENTINEL_CREATED = '1999-12-31T23:59:59Z'
const sentinelIri = (scheme: string) =>
  scheme === 'did' || scheme === 'urn'
    ? `${scheme}:x-carbon-passport-sentinel:7f3a9c`
    : `${scheme}://x-carbon-passport-sentinel.invalid/7f3a9c`

/** Templates by context list and proof shape (undefined: that shape is not eligible). */
export type ProofTemplates = Map<string, string | undefined>

/**
 * The canonical proof configuration by template substitution, or undefined when the proof is not
 * of the eligible shape. `canonizeStock` canonicalizes a sentinel proof the stock way (once per
 * shape; the result is kept in `templates`).
 */
export async function canonizeProofByTemplate(
  proofConfig: Record<string, unknown>,
  templates: ProofTemplates,
  canonizeStock: (sentinel: Record<string, unknown>) => Promise<string>,
): Promise<string | undefined> {
  const keys = Object.keys(proofConfig).filter((k) => k !== '@context')
  const context = proofConfig['@context']
  const { type, cryptosuite, created, verificationMethod, proofPurpose } = proofConfig
  if (
    !keys.every((k) => PROOF_KEYS.includes(k)) ||
    !Array.isArray(context) ||
    !context.every((c) => typeof c === 'string') ||
    type !== 'DataIntegrityProof' ||
    typeof cryptosuite !== 'string' ||
    !/^[a-z0-9-]+$/.test(cryptosuite) ||
    proofPurpose !== 'assertionMethod' ||
    typeof verificationMethod !== 'string' ||
    !IRI.test(verificationMethod) ||
    (created !== undefined && (typeof created !== 'string' || !CREATED.test(created)))
  ) {
    return undefined
  }
  const scheme = verificationMethod.slice(0, verificationMethod.indexOf(':'))
  const key = JSON.stringify([context, cryptosuite, scheme, created !== undefined])
  let template = templates.get(key)
  if (!templates.has(key)) {
    template = await buildTemplate(canonizeStock, {
      '@context': context,
      type,
      cryptosuite,
      ...(created === undefined ? {} : { created: SENTINEL_CREATED }),
      verificationMethod: sentinelIri(scheme),
      proofPurpose,
    })
    templates.set(key, template)
  }
  if (template === undefined) return undefined
  // Created first: a real `created` cannot contain the IRI sentinel, so each replacement is unique.
  // Function replacements, so `$` in an IRI is taken literally.
  let out = template
  if (created !== undefined) out = out.replace(`"${SENTINEL_CREATED}"^^`, () => `"${created}"^^`)
  out = out.replace(`<${sentinelIri(scheme)}>`, () => `<${verificationMethod}>`)
  return sortLines(out)
}

const sortLines = (nquads: string): string => {
  const lines = nquads.split('\n').filter((l) => l !== '')
  lines.sort()
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`
}

/** The stock canonical form of a sentinel proof, if every sentinel value appears exactly once. */
async function buildTemplate(
  canonizeStock: (sentinel: Record<string, unknown>) => Promise<string>,
  sentinel: Record<string, unknown>,
): Promise<string | undefined> {
  let canonical: string
  try {
    canonical = await canonizeStock(sentinel)
  } catch {
    return undefined
  }
  const once = (needle: string) => canonical.split(needle).length === 2
  const vm = sentinel.verificationMethod as string
  if (!once(`<${vm}>`)) return undefined
  if (sentinel.created !== undefined && !once(`"${SENTINEL_CREATED}"^^`)) return undefined
  return canonical
}
