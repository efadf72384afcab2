/**
 * What a run of the built package loads, watched in a fresh process: an ESM resolve hook reports
 * every module URL, and the CommonJS module cache is read at exit.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../../', import.meta.url))

/** Registers a resolve hook reporting every module URL, and prints them all (CJS too) at exit. */
const WATCH = `data:text/javascript,${encodeURIComponent(`
import { createRequire, register } from 'node:module'
import { MessageChannel } from 'node:worker_threads'
import { pathToFileURL } from 'node:url'
const { port1, port2 } = new MessageChannel()
const seen = new Set()
port1.on('message', (url) => seen.add(url))
port1.unref()
const hooks = 'let port; export function initialize(data) { port = data.port }' +
  ' export async function resolve(specifier, context, next) {' +
  ' const result = await next(specifier, context); port.postMessage(result.url); return result }'
register('data:text/javascript,' + encodeURIComponent(hooks), { data: { port: port2 }, transferList: [port2] })
process.on('exit', () => {
  for (const file of Object.keys(createRequire(process.cwd() + '/').cache)) seen.add(pathToFileURL(file).href)
  process.stderr.write('\\nLOADED ' + JSON.stringify([...seen]) + '\\n')
})
`)}`

/**
 * The package names (`jsonld`, `@digitalbazaar/vc`) and files of every module a run of `node args`
 * (in the repository) loads, with its exit status and output.
 */
export interface Loaded {
  packages: Set<string>
  files: string[]
  status: number | null
  stdout: string
}

export function loadedBy(args: readonly string[]): Loaded {
  const run = spawnSync(process.execPath, ['--import', WATCH, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  })
  const line = run.stderr.split('\n').find((l) => l.startsWith('LOADED '))
  if (!line) throw new Error(`no module list (exit ${run.status}): ${run.stderr}`)
  const files = (JSON.parse(line.slice('LOADED '.length)) as string[])
    .map((url) => (url.startsWith('file:') ? fileURLToPath(url) : url))
    // The CLI's stand-in for it (credential/data-integrity/jsonld-offline.ts) is in the module
    // cache before any of jsonld.js loads; jsonld.js's own files tell whether it did.
    .filter((file) => !file.endsWith('node_modules/jsonld/lib/platform.js'))
  // The package a file belongs to: the name after its last node_modules/.
  const packages = new Set(
    files.flatMap((file) => /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? []),
  )
  return { packages, files, status: run.status, stdout: run.stdout }
}
