/**
 * The static import graph of src/, read from the import and export statements of each module.
 * `import type` and `export type` are erased by the compiler, so they are kept apart from what
 * runs; `import { type A }` is not erased (under verbatimModuleSyntax it still loads the module).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const SRC = fileURLToPath(new URL('../../src/', import.meta.url))

export interface ModuleImports {
  /** src-relative paths (`conformance/check.ts`) of the modules it loads. */
  modules: string[]
  /** src-relative paths of the modules it imports types from only (nothing loaded at run time). */
  typeModules: string[]
  /** Package specifiers it loads (`jsonld`, `node:fs`, `ajv/dist/2020.js`). */
  packages: string[]
  /** Relative specifiers that name no file (the compiler reports them too). */
  unresolved: string[]
}

// A statement at the start of a line: `import … from '…'`, `export … from '…'` or `import '…'`.
// The clause between keyword and `from` never holds a quote or a semicolon.
const STATEMENT = /^(import|export)(\s+type\b)?([^;'"]*?\bfrom\s*|\s*)['"]([^'"]+)['"]/gm
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g
// CommonJS loading from ESM: `require('x')`, `createRequire(url)('x')`, `….resolve('x')`.
const REQUIRE =
  /\b(?:require|createRequire\((?:[^()]|\([^()]*\))*\))(?:\.resolve)?\(\s*['"]([^'"]+)['"]\s*\)/g

export interface ImportSpecifier {
  specifier: string
  typeOnly: boolean
}

/** The import specifiers of one TypeScript source text, in order of appearance by kind. */
export function importSpecifiers(source: string): ImportSpecifier[] {
  const found: ImportSpecifier[] = []
  for (const [, , typeOnly, , specifier] of source.matchAll(STATEMENT)) {
    found.push({ specifier: specifier as string, typeOnly: typeOnly !== undefined })
  }
  for (const pattern of [DYNAMIC, REQUIRE]) {
    for (const [, specifier] of source.matchAll(pattern)) {
      found.push({ specifier: specifier as string, typeOnly: false })
    }
  }
  return found
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

/** The `.ts` file a relative specifier names (NodeNext: the source says `.js`), if there is one. */
function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '')
  const target = [`${base}.ts`, `${base}.d.ts`].find((file) => existsSync(file))
  return target && relative(SRC, target)
}

/** Every module of src/ with what it loads, keyed by its src-relative path. */
export function srcImportGraph(): Map<string, ModuleImports> {
  const graph = new Map<string, ModuleImports>()
  for (const file of sourceFiles(SRC)) {
    const imports: ModuleImports = { modules: [], typeModules: [], packages: [], unresolved: [] }
    for (const { specifier, typeOnly } of importSpecifiers(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        if (!typeOnly) imports.packages.push(specifier)
        continue
      }
      const module = resolveRelative(file, specifier)
      if (module === undefined) imports.unresolved.push(specifier)
      else (typeOnly ? imports.typeModules : imports.modules).push(module)
    }
    graph.set(relative(SRC, file), imports)
  }
  return graph
}

/** The modules `entry` loads, itself included, following relative imports. */
export function reachableFrom(graph: Map<string, ModuleImports>, entry: string): Set<string> {
  const seen = new Set<string>()
  const pending = [entry]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (seen.has(next)) continue
    seen.add(next)
    pending.push(...(graph.get(next)?.modules ?? []))
  }
  return seen
}

/** Every import cycle, each as the path of modules that closes it (`a → b → a`). */
export function findCycles(graph: Map<string, ModuleImports>): string[][] {
  const cycles: string[][] = []
  const done = new Set<string>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const visit = (module: string): void => {
    if (onStack.has(module)) {
      cycles.push([...stack.slice(stack.indexOf(module)), module])
      return
    }
    if (done.has(module)) return
    stack.push(module)
    onStack.add(module)
    for (const dependency of graph.get(module)?.modules ?? []) visit(dependency)
    stack.pop()
    onStack.delete(module)
    done.add(module)
  }
  for (const module of [...graph.keys()].sort()) visit(module)
  return cycles
}
