/**
 * `carbon-passport verify <file>`: verifies a passport (Data Integrity, vc+jwt, enveloped) and
 * prints the verdict with each check, or JSON with `--json`. Exits 0 only when verified. Nothing
 * is fetched: DID documents, status lists and extra contexts come from files.
 */
import type { Command } from 'commander'
import { isProfileId, PROFILE_IDS, type ProfileId } from '../../conformance/profiles/ids.js'
import {
  createDocumentLoader,
  type DidDocument,
  type DocumentLoader,
} from '../../context/loader.js'
import { verifyCredential } from '../../credential/verify.js'
import { verifyPassport } from '../../passport/verify.js'
import type { VerificationResult } from '../../results.js'
import {
  color,
  exitCodesHelp,
  fail,
  json,
  parseJson,
  readJson,
  readText,
  writeOutput,
} from '../io.js'
import { verifyMode } from '../verify-mode.js'
import type { BatchCliOptions } from './verify-batch.js'

interface VerifyCliOptions extends BatchCliOptions {
  did: string[]
  statusList: string[]
  trustedIssuer: string[]
  attestation: string[]
  trustedVerifier: string[]
  context: string[]
  profile: string[]
  now?: string
  credential?: boolean
  chain?: boolean
  upstream: string[]
  bundleProof?: boolean
  json?: boolean
}

const collect = (value: string, previous: string[]): string[] => [...previous, value]

/** A loader with extra contexts given as `url=file`. */
export function loaderFromOptions(contexts: readonly string[]): DocumentLoader {
  const entries: Record<string, unknown> = {}
  for (const spec of contexts) {
    const at = spec.indexOf('=')
    if (at <= 0) fail(`--context: "${spec}" is not url=file`)
    entries[spec.slice(0, at)] = readJson(spec.slice(at + 1), '--context')
  }
  return createDocumentLoader({ contexts: entries })
}

/** The readable verdict: one line per check, findings under failed or noteworthy checks. */
export function formatVerification(file: string, result: VerificationResult): string {
  const lines = [
    `${result.verified ? color.green('VERIFIED') : color.red('NOT VERIFIED')}  ${file}` +
      color.dim(
        `  (${result.format ?? 'unreadable'}${result.issuer ? `, issuer ${result.issuer}` : ''})`,
      ),
  ]
  for (const check of result.checks) {
    const mark =
      check.status === 'pass'
        ? color.green('✓')
        : check.status === 'fail'
          ? color.red('✗')
          : color.dim('-')
    lines.push(
      `  ${mark} ${check.id.padEnd(15)} ${check.status === 'skip' ? color.dim('skipped') : check.status}`,
    )
    for (const f of check.findings) {
      if (check.status === 'skip' && f.severity === 'info') continue
      const sev =
        f.severity === 'error'
          ? color.red(f.severity)
          : f.severity === 'warning'
            ? color.yellow(f.severity)
            : color.dim(f.severity)
      lines.push(`      ${sev} ${f.code} ${color.dim(f.path || '/')}  ${f.message}`)
    }
  }
  return lines.join('\n')
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(
      'verify a signed passport (signature, issuer key, dates, status, schema, conformance)',
    )
    .argument(
      '<file...>',
      'signed passports: JSON with a proof, a vc+jwt, or an enveloped credential; folders (read recursively: .json, .jwt, .jsonld, .ndjson); - for stdin (one document, or NDJSON: one per line)',
    )
    .option(
      '-d, --did <file>',
      'a DID document (did:web, …) to resolve keys from; repeatable',
      collect,
      [],
    )
    .option(
      '-s, --status-list <file>',
      'a status list credential you hold; repeatable',
      collect,
      [],
    )
    .option('-t, --trusted-issuer <did>', 'trust only these issuers; repeatable', collect, [])
    .option(
      '--attestation <file>',
      'a verifier’s attestation of the passport (carbon-passport attest); repeatable; adds the third-party-verification check',
      collect,
      [],
    )
    .option(
      '--trusted-verifier <did[=accreditation]>',
      'a verifier whose attestations count (optionally: the accreditation number it must state); repeatable',
      collect,
      [],
    )
    .option('--context <url=file>', 'an extra JSON-LD context to load (repeatable)', collect, [])
    .option(
      '-p, --profile <id>',
      `conformance profile on top of core; repeatable (${PROFILE_IDS.filter((p) => p !== 'core').join(', ')})`,
      collect,
      [],
    )
    .option('--now <date>', 'verify as of this date (default: now)')
    .option('--credential', 'verify any VC 2.0 credential, without the passport rules')
    .option(
      '--chain',
      'verify the supply chain: <file> is a bundle (carbon-passport bundle) or a passport; prints the tree',
    )
    .option('-u, --upstream <file>', 'with --chain: an upstream passport; repeatable', collect, [])
    .option('--bundle-proof', "with --chain: also verify the bundle's own proof (its holder)")
    .option('--json', 'print the verification result as JSON (many inputs: { results, summary })')
    .option('--ndjson', 'many inputs: one JSON result per line on stdout, as each completes')
    .option('--summary-only', 'many inputs: print only the summary, not a line per input')
    .option('-j, --jobs <n>', 'many inputs: worker threads (0: this thread; default: the cores)')
    .addHelpText(
      'after',
      exitCodesHelp({
        0: 'verified',
        1: 'not verified (the failed checks say why; also for input that is not a credential); many inputs: one did not verify or could not be read',
        2: 'bad usage, or a file that cannot be read (the passport, --did, --status-list, --context, --attestation); nothing was verified',
      }),
    )
    .action(async (files: string[], opts: VerifyCliOptions) => {
      for (const p of opts.profile)
        if (!isProfileId(p)) fail(`unknown profile "${p}"; known: ${PROFILE_IDS.join(', ')}`)
      let now: Date | undefined
      if (opts.now) {
        now = new Date(opts.now)
        if (Number.isNaN(now.getTime())) fail(`--now: "${opts.now}" is not a date`)
      }
      const mode = await verifyMode(files, opts)
      const file = files[0] ?? '-'
      const input = mode.batch ? '' : (mode.single ?? readText(file))
      const statusLists = opts.statusList.map((f) => {
        const text = readText(f, '--status-list').trim()
        return text.startsWith('{') ? parseJson(text, f, '--status-list') : text
      })
      const options = {
        didDocuments: opts.did.map((f) => readJson(f, '--did') as DidDocument),
        statusLists,
        documentLoader: loaderFromOptions(opts.context),
        ...(opts.trustedIssuer.length > 0 ? { trustedIssuers: opts.trustedIssuer } : {}),
        ...(now ? { now } : {}),
      }
      const attestations = opts.attestation.map((f) => {
        const text = readText(f, '--attestation').trim()
        return text.startsWith('{') ? parseJson(text, f, '--attestation') : text
      })
      const trustedVerifiers = opts.trustedVerifier.map((spec) => {
        const at = spec.indexOf('=')
        return at < 0 ? spec : { id: spec.slice(0, at), accreditation: spec.slice(at + 1) }
      })
      const thirdParty =
        attestations.length > 0 || trustedVerifiers.length > 0
          ? { attestations, trustedVerifiers }
          : {}
      if (opts.credential && (attestations.length > 0 || trustedVerifiers.length > 0)) {
        fail('--attestation and --trusted-verifier are for passports, not with --credential')
      }
      if (mode.batch) {
        if (
          opts.chain ||
          opts.upstream.length > 0 ||
          opts.bundleProof ||
          'attestations' in thirdParty
        )
          fail('--chain, --attestation and --trusted-verifier take one passport, not many inputs')
        // A document loader is a function: it cannot go to worker threads.
        if (opts.context.length > 0 && (opts.jobs ?? '0') !== '0')
          fail('--context with many inputs verifies on this thread: give --jobs 0')
        const { runVerifyBatch } = await import('./verify-batch.js')
        process.exitCode = await runVerifyBatch(
          files,
          opts,
          {
            didDocuments: options.didDocuments,
            ...(opts.context.length > 0 ? { documentLoader: options.documentLoader, jobs: 0 } : {}),
            statusLists,
            ...(opts.trustedIssuer.length > 0 ? { trustedIssuers: opts.trustedIssuer } : {}),
            ...(now ? { now } : {}),
            kind: opts.credential ? 'credential' : 'passport',
            profiles: opts.profile as ProfileId[],
          },
          mode.stdin,
        )
        return
      }
      if (opts.chain || opts.upstream.length > 0 || opts.bundleProof) {
        if (!opts.chain) fail('--upstream and --bundle-proof go with --chain')
        if (opts.credential) fail('--chain verifies passports, not with --credential')
        // Loaded only for --chain: presentations, bundles and chains are not needed otherwise.
        const { runChainVerification } = await import('./verify-chain.js')
        process.exitCode = await runChainVerification(
          file,
          input,
          opts.upstream,
          { ...options, ...thirdParty, profiles: opts.profile as ProfileId[] },
          { json: opts.json === true, bundleProof: opts.bundleProof === true },
        )
        return
      }
      const result = opts.credential
        ? await verifyCredential(input, options)
        : await verifyPassport(input, {
            ...options,
            ...thirdParty,
            profiles: opts.profile as ProfileId[],
          })
      writeOutput(opts.json ? json(result) : formatVerification(file, result))
      process.exitCode = result.verified ? 0 : 1
    })
}
