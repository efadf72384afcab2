/**
 * Loading a generated CommonJS file through V8's code cache (start-up, issue 13). The precompiled
 * validators are ~500 KB of code: parsing them, then compiling the functions a first validation
 * runs, costs ~15 ms, about as much as the validation itself costs afterwards. The build compiles
 * each file once, runs it on the examples, and saves what V8 compiled (`Script.createCachedData`)
 * next to it; a run hands that back to V8, which takes it only when it was made by the same V8 with
 * the same flags from the same source. Otherwise (another Node, a file edited, no cache file) V8
 * compiles the source as `require` would: the code that runs is the same either way.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { Script } from 'node:vm'

/** Where the code cache of a generated file is kept: next to it. */
export const codeCacheFile = (file: string): string => `${file}.v8-cache`

/** What became of the code cache when a file was loaded. */
export type CodeCacheUse = 'accepted' | 'rejected' | 'none'

/** A file compiled as Node compiles a CommonJS module, with its cache when there is one. */
export function compileCommonJs(file: string, cachedData?: Buffer): Script {
  const source = readFileSync(file, 'utf8')
  // Node's own CommonJS wrapper, so the code sees what `require` would give it.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`
  return new Script(wrapped, { filename: file, ...(cachedData && { cachedData }) })
}

/**
 * Runs a script of `compileCommonJs` as the module `file`, and returns its exports. `modules` gives
 * the code its own exports for some module ids in place of what `require` would load.
 */
export function runCommonJs(
  script: Script,
  file: string,
  modules: Readonly<Record<string, unknown>> = {},
): unknown {
  const module = { exports: {} }
  const define = script.runInThisContext() as (...args: unknown[]) => void
  const load = createRequire(file)
  const require = (id: string): unknown => (Object.hasOwn(modules, id) ? modules[id] : load(id))
  define(module.exports, require, module, file, dirname(file))
  return module.exports
}

/**
 * Loads a generated CommonJS file with its code cache (if V8 takes it), as `require` would (with
 * `modules` as in runCommonJs: the code is the same, so is its cache).
 */
export function loadWithCodeCache(
  file: string,
  modules?: Readonly<Record<string, unknown>>,
): {
  exports: unknown
  cache: CodeCacheUse
  script: Script
} {
  const cacheFile = codeCacheFile(file)
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined
  const script = compileCommonJs(file, cachedData)
  const cache = !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted'
  return { exports: runCommonJs(script, file, modules), cache, script }
}
