/**
 * Syntax trees of repository files, from the TypeScript compiler API (TypeScript 7's
 * `typescript/unstable/sync`, which parses in a tsgo child process). For tests that hold source
 * files to rules the type checker does not enforce, such as doc comments.
 */
import { fileURLToPath } from 'node:url'
import type { SourceFile } from 'typescript/unstable/ast'
import { API } from 'typescript/unstable/sync'

const root = fileURLToPath(new URL('../../', import.meta.url))
const tsconfig = `${root}tsconfig.json`

/** The parsed files, by repository-relative path; each must be part of tsconfig.json. */
export function parseSourceFiles(paths: readonly string[]): SourceFile[] {
  const api = new API({ cwd: root })
  try {
    const program = api.updateSnapshot({ openProjects: [tsconfig] }).getProject(tsconfig)?.program
    return paths.map((path) => {
      const file = program?.getSourceFile(`${root}${path}`)
      if (!file) throw new Error(`${path} is not part of tsconfig.json`)
      return file
    })
  } finally {
    // The trees are decoded already and stay usable; the compiler process is not needed any more.
    api.close()
  }
}
