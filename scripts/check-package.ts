/**
 * `npm run check:package`: the package as a user installs it, checked from its tarball. Packs once
 * (the `prepack` script builds), then:
 *
 *  1. contents: every `exports` and `bin` target is in the tarball, docs/ is, and no source map
 *     or generated API reference is;
 *  2. publint --strict and Are the Types Wrong (profile esm-only: the package has no CommonJS
 *     build, and Node ≥ 20.19 can `require()` it anyway);
 *  3. the tarball unpacked into a throwaway project outside the repository whose node_modules
 *     holds only the declared dependencies (linked from this repository's node_modules: no
 *     network), so an undeclared one fails to resolve as it would for a user;
 *  4. test-d/ compiled against the packed declarations with skipLibCheck false;
 *  5. every subpath imported with plain `node`, and the CLI's `--help` run through its `bin`, and
 *     its `verify` of the signed examples, on the calling thread and on a worker.
 *
 * The throwaway project and the tarball are removed afterwards, whatever happens.
 */
import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { isBuiltin } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../', import.meta.url))
const bin = (name: string) => join(root, 'node_modules', '.bin', name)

interface PackageJson {
  name: string
  exports: Record<string, string | Record<string, string>>
  bin: Record<string, string>
  dependencies: Record<string, string>
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson

/** Runs a command; on failure prints what it said and stops the check. */
function run(command: string, args: string[], cwd = root): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    throw new Error(`${[command, ...args].join(' ')} failed\n${stdout ?? ''}${stderr ?? ''}`)
  }
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message)
}

async function step(name: string, work: () => void | Promise<void>): Promise<void> {
  const start = performance.now()
  await work()
  console.log(`ok   ${name} (${((performance.now() - start) / 1000).toFixed(1)} s)`)
}

/** The files of `exports` (no wildcard) and `bin`, without their `./`. */
function entryFiles(): string[] {
  const targets = Object.values(pkg.exports).flatMap((target) =>
    typeof target === 'string' ? [target] : Object.values(target),
  )
  return [...targets, ...Object.values(pkg.bin)]
    .filter((target) => !target.includes('*'))
    .map((target) => target.replace(/^\.\//, ''))
}

/** The JavaScript subpaths a user imports: `carbon-passport`, `carbon-passport/conformance`, … */
const jsSubpaths = Object.entries(pkg.exports)
  .filter(([subpath, target]) => !subpath.includes('*') && typeof target !== 'string')
  .map(([subpath]) => (subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`))

/** Package names (`jsonld`, `@digitalbazaar/vc`) that the JavaScript files under `dir` load. */
function loadedPackages(dir: string): Set<string> {
  // import/export statements, `import('…')`, and CommonJS loading: `require('…')`,
  // `createRequire(url)('…')` and `….resolve('…')`.
  const specifier =
    /(?:^(?:import|export)\b[^;'"]*?\bfrom\s*['"]|^import\s*['"]|\b(?:import|require)\(\s*['"]|\)\(\s*['"]|\.resolve\(\s*['"])([^'"./][^'"]*)['"]/gm
  const names = new Set<string>()
  const visit = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const file = join(path, entry.name)
      if (entry.isDirectory()) visit(file)
      else if (entry.name.endsWith('.js')) {
        for (const [, spec] of readFileSync(file, 'utf8').matchAll(specifier)) {
          const name = (spec as string)
            .split('/')
            .slice(0, spec?.startsWith('@') ? 2 : 1)
            .join('/')
          // `.resolve('…')` also meets path strings; only names of installed packages count.
          if (existsSync(join(root, 'node_modules', name, 'package.json')) || isBuiltin(name)) {
            names.add(name)
          }
        }
      }
    }
  }
  visit(dir)
  return names
}

const work = mkdtempSync(join(tmpdir(), 'carbon-passport-package-'))
const project = join(work, 'consumer')
const installed = join(project, 'node_modules', pkg.name)
try {
  let tarball = ''
  await step('npm pack', () => {
    const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work])) as {
      filename: string
      files: { path: string }[]
    }[]
    if (!packed) throw new Error('npm pack listed nothing')
    tarball = join(work, packed.filename)
    const files = new Set(packed.files.map((file) => file.path))
    for (const file of entryFiles()) check(files.has(file), `${file} is not in the tarball`)
    for (const file of ['CHANGELOG.md', 'LICENSE', 'README.md', 'docs/rules.md']) {
      check(files.has(file), `${file} is not in the tarball`)
    }
    const unwanted = [...files].filter((f) => f.endsWith('.map') || /^(src|docs\/api)\//.test(f))
    check(unwanted.length === 0, `the tarball holds ${unwanted.join(', ')}`)
  })

  await step('publint --strict', () => {
    run(bin('publint'), ['run', '--strict', tarball])
  })
  await step('attw --profile esm-only', () => {
    run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii'])
  })

  await step('unpack into a project with only the declared dependencies', () => {
    mkdirSync(installed, { recursive: true })
    run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'])
    writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "type": "module" }\n')
    // @types/node stands for the user's own devDependency, which test-d's tsconfig names.
    for (const name of [...Object.keys(pkg.dependencies), '@types/node']) {
      const link = join(project, 'node_modules', name)
      mkdirSync(dirname(link), { recursive: true })
      symlinkSync(join(root, 'node_modules', name), link, 'dir')
    }
    const undeclared = [...loadedPackages(join(installed, 'dist'))].filter(
      (name) => !isBuiltin(name) && !(name in pkg.dependencies),
    )
    check(undeclared.length === 0, `dist/ loads undeclared packages: ${undeclared.join(', ')}`)
  })

  await step('test-d against the packed declarations (skipLibCheck false)', () => {
    const typeTests = join(project, 'test-d')
    mkdirSync(typeTests)
    for (const file of readdirSync(join(root, 'test-d'))) {
      copyFileSync(join(root, 'test-d', file), join(typeTests, file))
    }
    run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', typeTests])
  })

  await step(`node imports ${jsSubpaths.join(', ')}`, () => {
    // Every subpath loads and exports something, each of its names the very value the main entry
    // exports (one module instance, not a copy), and the data subpaths resolve to files.
    const program = `
      import { existsSync } from 'node:fs'
      import { fileURLToPath } from 'node:url'
      const subpaths = ${JSON.stringify(jsSubpaths)}
      const main = await import(subpaths[0])
      for (const name of ['checkConformance', 'issuePassport', 'verifyPassport', 'generateKeyPair']) {
        if (typeof main[name] !== 'function') throw new Error(subpaths[0] + ' lacks ' + name)
      }
      for (const subpath of subpaths.slice(1)) {
        const module = await import(subpath)
        const names = Object.keys(module)
        if (names.length === 0) throw new Error(subpath + ' exports nothing')
        const strays = names.filter((name) => module[name] !== main[name])
        if (strays.length) throw new Error(subpath + ': not the main entry\\'s ' + strays.join(', '))
      }
      for (const data of ['contexts/v1.jsonld', 'schemas/v1/passport.schema.json', 'package.json']) {
        const file = fileURLToPath(import.meta.resolve('${pkg.name}/' + data))
        if (!existsSync(file)) throw new Error(data + ' does not resolve to a file')
      }
      const { checkConformance } = await import('${pkg.name}/conformance')
      if (checkConformance({}).status !== 'fail') throw new Error('an empty object conforms')
    `
    run(process.execPath, ['--input-type=module', '-e', program], project)
  })

  await step('carbon-passport --help through bin', () => {
    for (const [command, target] of Object.entries(pkg.bin)) {
      const script = join(installed, target)
      check(
        readFileSync(script, 'utf8').startsWith('#!/usr/bin/env node\n'),
        `${target} lacks its shebang`,
      )
      const help = run(process.execPath, [script, '--help'], project)
      check(help.includes(`Usage: ${command}`), `${command} --help printed:\n${help}`)
    }
  })

  await step('carbon-passport verify through bin, on the calling thread and a worker', () => {
    // The installed bundle finds its contexts, schemas, validators and worker where it is.
    const script = join(installed, pkg.bin['carbon-passport'] as string)
    const keys = join(root, 'examples', 'keys')
    const dids = readdirSync(keys)
      .filter((f) => f.endsWith('.did.json'))
      .flatMap((f) => ['--did', join(keys, f)])
    for (const jobs of ['0', '1']) {
      const args = [script, 'verify', join(root, 'examples', 'signed'), '--jobs', jobs, ...dids]
      const lines = run(process.execPath, [...args, '--ndjson'], project)
        .trim()
        .split('\n')
      const verified = lines.filter((line) => JSON.parse(line).verified === true)
      check(
        lines.length >= 10 && verified.length === lines.length,
        `verify --jobs ${jobs} printed:\n${lines.join('\n')}`,
      )
    }
  })
} catch (error) {
  console.error(`FAIL ${(error as Error).message}`)
  process.exitCode = 1
} finally {
  rmSync(work, { recursive: true, force: true })
}
