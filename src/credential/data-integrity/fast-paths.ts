/**
 * Whether the Data Integrity fast paths (fast-path-plugin.ts) run, and loading them. They are an
 * optional plug-in: imported on first use (dynamic `import()`, memoised), never at module load, and
 * only when all of these hold — otherwise every document takes the stock path, with the same
 * results (the tests prove fast == stock; the `stock-path` test project runs everything without
 * the plug-in):
 *
 * 1. **The switch is on.** `CARBON_PASSPORT_FAST_PATHS=off` in the environment (read once, at the
 *    first canonicalization or compact-form check) switches the fast paths off.
 * 2. **The copies are proven.** The plug-in reuses jsonld.js internals and is proven equal to the
 *    stock output on exactly the versions in PROVEN_VERSIONS, which package.json pins. So every copy
 *    of jsonld and rdf-canonize that the stock cryptosuites, `@digitalbazaar/data-integrity` and
 *    `@digitalbazaar/vc` load (resolved from each package's own location, through
 *    jsonld-signatures too) must be the one copy carbon-passport itself loads (the one the
 *    plug-in's internals come from: same real path), at the proven version. An override, a dedupe
 *    or a nested copy makes everything take the stock path instead of trusting internals nobody
 *    checked.
 * 3. **The internals are there.** jsonld-internals.ts finds every private function it needs.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describeError } from '../../guard.js'
import type { FastPaths } from './fast-path-plugin.js'
import { loadJsonldInternals } from './jsonld-internals.js'
import { reachableCopies, resolvePackageCopy } from './package-copies.js'

/** The environment variable whose value `off` switches the fast paths off. */
export const FAST_PATHS_ENV = 'CARBON_PASSPORT_FAST_PATHS'

/** The versions of jsonld and rdf-canonize the fast paths are proven on (pinned in package.json). */
export const PROVEN_VERSIONS = { jsonld: '9.0.0', 'rdf-canonize': '5.0.0' } as const

/** The stock signing stack: what loads jsonld and rdf-canonize when carbon-passport signs or verifies. */
const STOCK_STACK = [
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite',
  '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite',
  '@digitalbazaar/data-integrity',
  '@digitalbazaar/vc',
]
/** Packages of the stack that load jsonld and rdf-canonize on behalf of the others. */
const LOADED_THROUGH = ['jsonld-signatures']

/**
 * Why the jsonld and rdf-canonize copies of the stock signing stack are not the proven ones
 * (condition 2 of the module comment), or undefined when they are.
 */
export function unprovenCopies(): string | undefined {
  const here = fileURLToPath(import.meta.url)
  const from = [here]
  for (const name of STOCK_STACK) {
    const copy = resolvePackageCopy(here, name)
    if (!copy) return `${name} cannot be resolved`
    from.push(join(copy.dir, 'package.json'))
  }
  const copies = reachableCopies(from, Object.keys(PROVEN_VERSIONS), LOADED_THROUGH)
  for (const [name, proven] of Object.entries(PROVEN_VERSIONS)) {
    const found = copies.filter((copy) => copy.name === name)
    if (found.length !== 1) {
      return `${found.length} copies of ${name} are loaded (${found.map((c) => c.dir).join(', ')})`
    }
    const version = found[0]?.version
    if (version !== proven)
      return `${name} ${version} is installed; the proven version is ${proven}`
  }
  return undefined
}

/** Where the decision stands (for diagnostics and tests). */
export interface FastPathsStatus {
  state: 'undecided' | 'switched-off' | 'unproven' | 'unavailable' | 'enabled'
  /** Why the fast paths are not enabled, when they are not. */
  detail?: string
  /** Whether the plug-in module has been imported (only loadFastPaths imports it). */
  pluginImported: boolean
}

let status: FastPathsStatus = { state: 'undecided', pluginImported: false }

/** Where the decision stands: undecided until the first loadFastPaths. */
export const fastPathsStatus = (): FastPathsStatus => ({ ...status })

const switchedOff = (): boolean => process.env[FAST_PATHS_ENV]?.trim().toLowerCase() === 'off'

async function decide(): Promise<FastPaths | undefined> {
  if (switchedOff()) {
    status = { state: 'switched-off', detail: `${FAST_PATHS_ENV}=off`, pluginImported: false }
    return undefined
  }
  let unproven: string | undefined
  try {
    unproven = unprovenCopies()
  } catch (err) {
    unproven = `the installed packages could not be read (${describeError(err)})`
  }
  if (unproven !== undefined) {
    status = { state: 'unproven', detail: unproven, pluginImported: false }
    return undefined
  }
  try {
    const jsonld = await loadJsonldInternals()
    status = { state: 'undecided', pluginImported: true }
    const { createFastPaths } = await import('./fast-path-plugin.js')
    const fastPaths = createFastPaths(jsonld)
    status = { state: 'enabled', pluginImported: true }
    return fastPaths
  } catch (err) {
    const detail = describeError(err)
    status = { state: 'unavailable', detail, pluginImported: status.pluginImported }
    return undefined
  }
}

let decision: Promise<FastPaths | undefined> | undefined

/**
 * The fast-path plug-in when the fast paths are enabled (see the module comment), else undefined.
 * Decided and loaded on the first call; every later call gives the same answer.
 */
export function loadFastPaths(): Promise<FastPaths | undefined> {
  decision ??= decide()
  return decision
}
