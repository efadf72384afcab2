/**
 * The last step of `npm run build`: bundles the CLI (`dist/cli/main.js`, the package's `bin`) and
 * the verifier pool's worker (`dist/batch/worker.js`) into `dist/bundle/` with esbuild, so that a
 * CLI run or a worker thread loads a few dozen files instead of ~90 modules (issue 13: Node's ES
 * module loader spent ~90 ms of a 176 ms `verify` resolving, reading and linking them).
 *
 * - Code splitting keeps every dynamic `import()` lazy: a command, a profile, the Data Integrity
 *   stack is still loaded only when it is used (test/package/bundle.test.ts compares what the
 *   bundle and the unbundled build load).
 * - Dependencies stay external (`packages: 'external'`): they load from node_modules as before, so
 *   the CLI's stand-in for jsonld.js's platform module and the stock-stack checks still see the
 *   installed copies.
 * - Each module keeps its own `import.meta.url`: the files it reads beside it (contexts, schemas,
 *   the precompiled validators) and the packages it resolves are where they were, relative to its
 *   place in dist/, whichever chunk its code ends up in.
 * - `sideEffects` in package.json is honoured: the one module imported for its effect
 *   (`cli/last-resort.js`) is listed there.
 *
 *   tsx scripts/bundle-cli.ts      (needs dist/: npm run build runs it after tsc)
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'esbuild'

const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const outdir = `${dist}bundle`
const entryPoints = { cli: `${dist}cli/main.js`, worker: `${dist}batch/worker.js` }
for (const file of Object.values(entryPoints)) {
  if (!existsSync(file)) {
    console.error(`${file} is missing: run tsc -p tsconfig.build.json first`)
    process.exit(2)
  }
}

/**
 * Rewrites `import.meta.url` in each module of dist/ to that module's own URL, computed from the
 * chunk's: every chunk is written to `outdir` itself, so the relative path is the same whichever
 * chunk holds the module.
 */
const ownImportMetaUrl: Plugin = {
  name: 'own-import-meta-url',
  setup(bundle) {
    bundle.onLoad({ filter: /\.js$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8')
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'js' }
      const own = `new URL(${JSON.stringify(relative(outdir, path))}, import.meta.url).href`
      return { contents: text.replaceAll('import.meta.url', own), loader: 'js' }
    })
  },
}

await build({
  entryPoints,
  outdir,
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  plugins: [ownImportMetaUrl],
  logLevel: 'warning',
  legalComments: 'none',
})
