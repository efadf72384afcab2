/**
 * Which copies of a package a set of modules loads: resolved the way Node resolves them from each
 * module's own location (createRequire on that module's file), so that a nested or deduped copy a
 * dependency gets is found too. fast-paths.ts uses it to find every jsonld and rdf-canonize the
 * stock signing stack runs with.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** One installed copy of a package. */
export interface PackageCopy {
  name: string
  /** The real path of its directory (symlinks resolved), which tells copies apart. */
  dir: string
  /** Its package.json `version`, if it has one. */
  version: string | undefined
}

const readManifest = (dir: string): { name?: unknown; version?: unknown } | undefined => {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  } catch {
    return undefined
  }
}

/** The copy of `name` that code in the file `from` loads, or undefined when it resolves none. */
export function resolvePackageCopy(from: string, name: string): PackageCopy | undefined {
  const require = createRequire(from)
  let entry: string
  try {
    entry = require.resolve(`${name}/package.json`)
  } catch {
    try {
      // A package whose `exports` hides its package.json: start from its main entry.
      entry = require.resolve(name)
    } catch {
      return undefined
    }
  }
  // The nearest directory up from the entry whose package.json names the package.
  for (let dir = dirname(entry); ; dir = dirname(dir)) {
    const manifest = existsSync(join(dir, 'package.json')) ? readManifest(dir) : undefined
    if (manifest?.name === name) {
      const version = typeof manifest.version === 'string' ? manifest.version : undefined
      return { name, dir: realpathSync(dir), version }
    }
    if (dirname(dir) === dir) return undefined
  }
}

/**
 * Every copy of the `targets` packages loaded from the files `from`, directly or through the
 * `via` packages and the targets themselves (each copy found is resolved from in turn). A name a
 * package cannot resolve is skipped: it cannot load it either.
 */
export function reachableCopies(
  from: readonly string[],
  targets: readonly string[],
  via: readonly string[],
): PackageCopy[] {
  const found = new Map<string, PackageCopy>()
  const visited = new Set<string>()
  const pending = [...from]
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    for (const name of [...via, ...targets]) {
      const copy = resolvePackageCopy(file, name)
      if (!copy || visited.has(copy.dir)) continue
      visited.add(copy.dir)
      if (targets.includes(name)) found.set(copy.dir, copy)
      pending.push(join(copy.dir, 'package.json'))
    }
  }
  return [...found.values()]
}
