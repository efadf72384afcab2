/** The package's JavaScript entries, read from package.json `exports`, with their source files. */
import { readFileSync } from 'node:fs'

interface Exports {
  exports: Record<string, string | { types?: string; default?: string }>
}

export interface PackageEntry {
  /** What a user imports: `carbon-passport`, `carbon-passport/conformance`, … */
  specifier: string
  /** Its source module, relative to src/: `index.ts`, `conformance/index.ts`, … */
  source: string
}

const pkg = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as Exports

/** Every subpath of `exports` whose target is built JavaScript (not `./contexts/*` and the like). */
export const packageEntries: PackageEntry[] = Object.entries(pkg.exports).flatMap(
  ([subpath, target]) => {
    const file = typeof target === 'string' ? undefined : target.default
    if (!file?.startsWith('./dist/')) return []
    const specifier = subpath === '.' ? 'carbon-passport' : `carbon-passport/${subpath.slice(2)}`
    return [{ specifier, source: file.slice('./dist/'.length).replace(/\.js$/, '.ts') }]
  },
)
