/**
 * `npm run measure:imports`: the cold import time of each package entry, read from the built
 * `dist/` through package.json `exports`. Every sample is a fresh `node` process (nothing cached
 * in memory), which times only the `import()` itself, so Node's own start-up is not counted; the
 * table gives the median and the range of the samples.
 *
 *   npm run measure:imports [-- samples]      (default 9, at least 5; builds first)
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = new URL('../', import.meta.url)
const samples = Math.max(5, Number(process.argv[2] ?? 9) || 9)

interface Entry {
  subpath: string
  file: string
}

/** The JavaScript entries of package.json `exports` (not the `./contexts/*`-style data paths). */
function entries(): Entry[] {
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
    exports: Record<string, string | { default?: string }>
  }
  return Object.entries(pkg.exports).flatMap(([subpath, target]) => {
    const file = typeof target === 'string' ? target : target.default
    return file?.endsWith('.js') && !subpath.includes('*') ? [{ subpath, file }] : []
  })
}

/** One cold import in a new process; milliseconds from before `import()` to its settling. */
function sample(url: string): number {
  const program = `const t = performance.now(); await import(${JSON.stringify(url)}); process.stdout.write(String(performance.now() - t))`
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', program], {
    encoding: 'utf8',
  })
  return Number(out)
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

const measured = entries().map(({ subpath, file }) => {
  const url = new URL(file, root)
  if (!existsSync(url)) {
    console.error(`${fileURLToPath(url)} is missing: run \`npm run build\` first`)
    process.exit(2)
  }
  // One unmeasured import first, so every measured sample reads the files from the OS page cache.
  sample(url.href)
  return { subpath, file, url: url.href, times: [] as number[] }
})
// Entries take turns, sample by sample, so a change in machine load weighs on all of them alike.
for (let round = 0; round < samples; round++) {
  for (const entry of measured) entry.times.push(sample(entry.url))
}
const rows = measured.map(({ subpath, file, times }) => [
  subpath === '.' ? 'carbon-passport' : `carbon-passport/${subpath.slice(2)}`,
  file.slice(2),
  median(times).toFixed(0),
  `${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)}`,
])

const header = ['entry', 'file', 'median ms', 'range ms']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)))
const line = (cells: string[]) =>
  `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`
console.log(`Cold import time, ${samples} samples each, node ${process.version}\n`)
console.log(line(header))
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
for (const row of rows) console.log(line(row))
