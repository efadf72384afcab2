/**
 * `service`: `carbon-passport serve` under load, on its worker pool (`--jobs`, the cores) and in
 * process (`--jobs 0`, on the event loop), for comparison. Each is started as its own process (the
 * built CLI, `dist/bundle/cli.js`, when there is one; the source under tsx otherwise) on loopback,
 * and driven from this process at concurrency 1, 8 and 64 over keep-alive connections (one per
 * concurrent client) with `POST /credentials/verify` of a vc+jwt passport (examples/signed).
 * Prints requests/s and p50/p99 latency per concurrency; the modes are interleaved at each
 * concurrency. `BENCH_SERVICE_SECONDS` (5 by default) is the time of each measurement.
 *
 * The client is node:http with a keep-alive Agent, not autocannon: no dependency to add, and the
 * client's own cost per request (a few tens of µs) is small next to a verification (~0.4 ms).
 * The client shares the machine's cores with the service: on 2 cores it takes some of their time.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'

const root = new URL('../', import.meta.url)
const SECONDS = Number(process.env.BENCH_SERVICE_SECONDS ?? 5)
const WARM_UP_MS = 1_000
const CONCURRENCY = [1, 8, 64] as const

const jwt = readFileSync(new URL('examples/signed/lfp-cell-280ah.jwt', root), 'utf8').trim()
const body = JSON.stringify({ verifiableCredential: jwt })
const dids = readdirSync(new URL('examples/keys/', root))
  .filter((f) => f.endsWith('.did.json'))
  .flatMap((f) => ['--did-document', fileURLToPath(new URL(`examples/keys/${f}`, root))])

const built = fileURLToPath(new URL('dist/bundle/cli.js', root))
const cli = existsSync(built)
  ? [built]
  : ['--import', 'tsx', fileURLToPath(new URL('src/cli/main.ts', root))]

interface Service {
  mode: string
  base: URL
  child: ChildProcess
}

async function start(mode: string, jobs: number): Promise<Service> {
  const child = spawn(
    process.execPath,
    [
      ...cli,
      'serve',
      '--port',
      '0',
      '--quiet',
      '--jobs',
      String(jobs),
      '--concurrency',
      '1000',
      ...dids,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const base = await new Promise<URL>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
      const found = /listening on (http:\/\/\S+)/.exec(out)
      if (found?.[1]) resolve(new URL(found[1]))
    })
    child.on('exit', (code) => reject(new Error(`serve exited (${code})`)))
  })
  return { mode, base, child }
}

function post(agent: Agent, base: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: 'POST',
        path: '/credentials/verify',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN

/** `concurrency` clients, each sending request after request for `ms`; latencies in ms. */
async function drive(service: Service, concurrency: number, ms: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  const latencies: number[] = []
  let failed = 0
  const end = performance.now() + ms
  const start = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t = performance.now()
        const status = await post(agent, service.base)
        latencies.push(performance.now() - t)
        if (status !== 200) failed++
      }
    }),
  )
  const elapsed = performance.now() - start
  agent.destroy()
  latencies.sort((a, b) => a - b)
  return {
    'req/s': Math.round((latencies.length / elapsed) * 1000),
    'p50 ms': Math.round(quantile(latencies, 0.5) * 100) / 100,
    'p99 ms': Math.round(quantile(latencies, 0.99) * 100) / 100,
    'not 200': failed,
  }
}

const jobs = availableParallelism()
const services = [
  await start(`pool (--jobs ${jobs})`, jobs),
  await start('in-process (--jobs 0)', 0),
]
try {
  console.log(
    `POST /credentials/verify, a vc+jwt passport (${Math.round(body.length / 1024)} KiB body), keep-alive, ${SECONDS} s per row after ${WARM_UP_MS} ms of warm-up (${cli[0] === built ? 'dist/' : 'source under tsx'}):`,
  )
  const rows: Record<string, string | number>[] = []
  for (const concurrency of CONCURRENCY) {
    for (const service of services) {
      await drive(service, concurrency, WARM_UP_MS)
      rows.push({
        mode: service.mode,
        concurrency,
        ...(await drive(service, concurrency, SECONDS * 1000)),
      })
    }
  }
  console.table(rows)
} finally {
  for (const { child } of services) child.kill('SIGTERM')
}
