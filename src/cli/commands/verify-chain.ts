/**
 * `carbon-passport verify --chain <bundle|passport> [--upstream files…]`: verifies a passport and
 * its supply chain (`verifyChain`) from a bundle and/or upstream files, and prints the tree with a
 * mark per node. Registered by verify.ts; nothing is fetched.
 */
import { verifyPresentation } from '../../credential/presentation/verify.js'
import type { VerifyPassportOptions } from '../../passport/verify.js'
import { resolveFromBundle } from '../../supply-chain/bundle.js'
import { type ChainNode, type ChainReport, verifyChain } from '../../supply-chain/chain.js'
import { color, EXIT, json, writeOutput } from '../io.js'
import { readCredentialFile } from './bundle.js'

/** Whether the input (JSON text or a compact JWS) is a presentation rather than a credential. */
export function isPresentation(text: string): boolean {
  const trimmed = text.trim()
  try {
    if (trimmed.startsWith('{')) {
      const value = JSON.parse(trimmed) as { type?: unknown }
      const types = Array.isArray(value.type) ? value.type : [value.type]
      return (
        types.includes('VerifiablePresentation') ||
        types.includes('EnvelopedVerifiablePresentation')
      )
    }
    if (trimmed.startsWith('data:application/vp+jwt,')) return true
    const header = JSON.parse(Buffer.from(trimmed.split('.')[0] ?? '', 'base64url').toString())
    return typeof header.typ === 'string' && header.typ.includes('vp+jwt')
  } catch {
    return false
  }
}

const mark = (node: ChainNode): string => (node.verified ? color.green('✓') : color.red('✗'))

/** The codes of the presentation's own checks (its unsigned warning included), for its line. */
const codes = (checks: readonly { findings: readonly { code: string; severity: string }[] }[]) => {
  const list = [
    ...new Set(
      checks.flatMap((c) => c.findings.filter((f) => f.severity !== 'info').map((f) => f.code)),
    ),
  ]
  return list.length > 0 ? `  ${color.red(list.join(', '))}` : ''
}

/** The codes of a node: its chain findings, then its verification errors. */
const codesOf = (node: ChainNode): string[] => [
  ...new Set([
    ...node.findings.filter((f) => f.severity !== 'info').map((f) => f.code),
    ...(node.result?.errors ?? []).map((f) => f.code),
  ]),
]

/** The readable tree: one line per passport with its mark and codes, findings under it. */
export function formatChain(file: string, report: ChainReport): string {
  const lines = [
    `${report.verified ? color.green('CHAIN VERIFIED') : color.red('CHAIN NOT VERIFIED')}  ${file}` +
      color.dim(`  (${report.nodes} node${report.nodes === 1 ? '' : 's'})`),
  ]
  const walk = (node: ChainNode, indent: string) => {
    const credential = node.result?.credential
    const subject = credential?.credentialSubject as { product?: { name?: unknown } } | undefined
    const name = typeof subject?.product?.name === 'string' ? ` ${subject.product.name}` : ''
    const codes = codesOf(node)
    const below = node.verified && node.verdict === 'fail' ? color.dim('  (an upstream fails)') : ''
    const contribution =
      node.contribution === undefined ? '' : color.dim(`  ${node.contribution} kgCO2e`)
    lines.push(
      `${indent}${mark(node)} ${node.id ?? '(no id)'}${color.dim(name)}${contribution}${codes.length > 0 ? `  ${color.red(codes.join(', '))}` : ''}${below}`,
    )
    for (const f of node.findings) {
      if (f.severity === 'info') continue
      lines.push(`${indent}    ${f.severity} ${f.code} ${color.dim(f.path || '/')}  ${f.message}`)
    }
    for (const c of node.components) walk(c, `${indent}  `)
  }
  walk(report.root, '')
  return lines.join('\n')
}

/**
 * Runs the chain mode of `verify`: reads the bundle or passport (`input`, the text of `file`) and
 * the upstream files, verifies the chain, prints it, and returns the exit code (0 verified, 1 not).
 */
export async function runChainVerification(
  file: string,
  input: string,
  upstreamFiles: readonly string[],
  options: VerifyPassportOptions,
  output: { json: boolean; bundleProof: boolean },
): Promise<number> {
  const upstreams = upstreamFiles.map((f) => readCredentialFile(f, '--upstream'))
  const bundled = isPresentation(input)
  const fromBundle = bundled ? resolveFromBundle(input) : undefined
  const root = fromBundle ? fromBundle.root : input
  const all = resolveFromBundle({
    verifiableCredential: [...(fromBundle?.passports ?? [root]), ...upstreams],
  })
  let bundleLine: string | undefined
  let bundleVerified = true
  if (output.bundleProof) {
    const presentation = bundled ? await verifyPresentation(input, options) : undefined
    // Asked for the holder's proof: an unsigned bundle (a warning to verifyPresentation) fails.
    bundleVerified =
      presentation?.verified === true &&
      presentation.checks.some((c) => c.id === 'proof' && c.status === 'pass') &&
      !presentation.checks.some((c) => c.findings.some((f) => f.code === 'PRESENTATION_UNSIGNED'))
    bundleLine = presentation
      ? `${bundleVerified ? color.green('✓') : color.red('✗')} bundle ${presentation.format ?? ''} holder ${presentation.holder ?? '(none)'}${codes(presentation.checks)}`
      : `${color.red('✗')} bundle: ${file} is a passport, not a bundle (--bundle-proof)`
  }
  const report = await verifyChain(root, { ...options, ...all.chain })
  if (output.json)
    writeOutput(json(bundleLine === undefined ? report : { bundleVerified, ...report }))
  else writeOutput([...(bundleLine ? [bundleLine] : []), formatChain(file, report)].join('\n'))
  return report.verified && bundleVerified ? EXIT.positive : EXIT.negative
}
