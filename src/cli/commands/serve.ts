/**
 * `carbon-passport serve`: the verification service (VC-API shapes) over HTTP. DID documents,
 * status lists and the issuing key are read from files once, at start-up; nothing is fetched.
 * Fastify is imported only when this command runs, so other commands do not pay for it.
 */
import { availableParallelism } from 'node:os'
import type { Command } from 'commander'
import { isProfileId, PROFILE_IDS, type ProfileId } from '../../conformance/profiles/ids.js'
import type { DidDocument } from '../../context/loader.js'
import { describeError } from '../../guard.js'
import { importKey } from '../../keys/import.js'
import { exitCodesHelp, fail, parseJson, readJson, readText } from '../io.js'

interface ServeCliOptions {
  port: string
  host: string
  key?: string
  didDocument: string[]
  statusList: string[]
  profile: string[]
  maxBody: string
  concurrency?: string
  jobs?: string
  timeout: string
  quiet?: boolean
}

const collect = (value: string, previous: string[]): string[] => [...previous, value]

/** A whole number within bounds, or a usage error naming the flag. */
function integer(text: string, flag: string, min: number, max: number): number {
  const n = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    fail(`${flag}: "${text}" is not a whole number from ${min} to ${max}`)
  }
  return n
}

/** The DID documents and status lists the flags name, read now (a CliError when one cannot be). */
function readTrust(opts: ServeCliOptions): { didDocuments: DidDocument[]; statusLists: unknown[] } {
  const didDocuments = opts.didDocument.map((f) => {
    const doc = readJson(f, '--did-document')
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
      fail(`--did-document ${f}: not a DID document (a JSON object)`)
    return doc as DidDocument
  })
  const statusLists = opts.statusList.map((f) => {
    const text = readText(f, '--status-list').trim()
    return text.startsWith('{') ? parseJson(text, f, '--status-list') : text
  })
  return { didDocuments, statusLists }
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'run the verification service (VC-API): POST /credentials/verify, /presentations/verify, /credentials/issue (with --key), GET /health',
    )
    .option('--port <n>', 'TCP port (0: any free port)', '8080')
    .option('--host <address>', 'address to listen on (0.0.0.0: every interface)', '127.0.0.1')
    .option('-k, --key <file>', 'private key file: enables POST /credentials/issue')
    .option(
      '-d, --did-document <file>',
      'a DID document to resolve keys from; repeatable',
      collect,
      [],
    )
    .option('-s, --status-list <file>', 'a status list credential; repeatable', collect, [])
    .option(
      '-p, --profile <id>',
      `conformance profile for passports, on top of core; repeatable (${PROFILE_IDS.filter((p) => p !== 'core').join(', ')})`,
      collect,
      [],
    )
    .option('--max-body <size>', 'largest request body (b, kb, mb); larger is 413', '1mb')
    .option('--concurrency <n>', 'requests verified at once; one more is 503 (default: the cores)')
    .option(
      '-j, --jobs <n>',
      'worker threads that verify (0: in this process, on the event loop; default: the cores)',
    )
    .option('--timeout <ms>', 'time limit of one request; longer is 503', '10000')
    .option('--quiet', 'no access logs (otherwise one JSON line per request on standard error)')
    .addHelpText(
      'after',
      exitCodesHelp({
        0: 'stopped by SIGTERM or SIGINT, after the requests in flight were answered',
        1: 'not used',
        2: 'bad usage, a file that cannot be read (--key, --did-document, --status-list), or the address cannot be listened on',
      }),
    )
    .action(async (opts: ServeCliOptions) => {
      const port = integer(opts.port, '--port', 0, 65535)
      for (const p of opts.profile) {
        if (!isProfileId(p)) fail(`unknown profile "${p}"; known: ${PROFILE_IDS.join(', ')}`)
      }
      const { createServer, parseByteSize } = await import('../../serve/index.js')
      const maxBodyBytes = parseByteSize(opts.maxBody)
      if (maxBodyBytes === undefined)
        fail(`--max-body: "${opts.maxBody}" is not a size (1mb, 512kb)`)
      const timeoutMs = integer(opts.timeout, '--timeout', 1, 3_600_000)
      const concurrency =
        opts.concurrency === undefined
          ? undefined
          : integer(opts.concurrency, '--concurrency', 1, 100_000)
      const jobs =
        opts.jobs === undefined ? availableParallelism() : integer(opts.jobs, '--jobs', 0, 1024)
      let key: ReturnType<typeof importKey> | undefined
      if (opts.key) {
        const jwk = readJson(opts.key, '--key')
        try {
          key = importKey(jwk)
        } catch (err) {
          fail(`--key ${opts.key}: not a usable key (${describeError(err)})`)
        }
      }
      const app = await createServer({
        ...readTrust(opts),
        profiles: opts.profile as ProfileId[],
        maxBodyBytes,
        timeoutMs,
        logs: opts.quiet !== true,
        jobs,
        ...(key ? { key } : {}),
        ...(concurrency === undefined ? {} : { concurrency }),
      })
      try {
        await app.listen({ port, host: opts.host })
      } catch (err) {
        fail(`cannot listen on ${opts.host}:${port} (${describeError(err)})`)
      }
      const address = app.server.address()
      const actual = typeof address === 'object' && address ? address.port : port
      const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host
      process.stdout.write(`listening on http://${host}:${actual}\n`)
      // A container stop (SIGTERM) or Ctrl-C: finish the requests in flight, then exit.
      const stop = () => {
        void app.close().then(() => process.exit(0))
      }
      process.once('SIGTERM', stop)
      process.once('SIGINT', stop)
      // SIGHUP: the --did-document and --status-list files read again and swapped in as a whole;
      // one that cannot be read (or is not JSON) keeps the previous ones, and says so.
      process.on('SIGHUP', () => {
        let trust: ReturnType<typeof readTrust>
        try {
          trust = readTrust(opts)
        } catch (err) {
          process.stderr.write(
            `carbon-passport serve: SIGHUP: ${describeError(err)}; kept the DID documents and status lists loaded before\n`,
          )
          return
        }
        app.reload(trust).then(
          () =>
            process.stderr.write(
              `carbon-passport serve: SIGHUP: reloaded ${trust.didDocuments.length} DID documents and ${trust.statusLists.length} status lists\n`,
            ),
          (err: unknown) =>
            process.stderr.write(
              `carbon-passport serve: SIGHUP: reloading failed (${describeError(err)}); kept the previous ones\n`,
            ),
        )
      })
    })
}
