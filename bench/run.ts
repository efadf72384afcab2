/**
 * `npm run bench`: runs every `bench/*.bench.ts` in name order. Each file measures one area
 * (signing, conformance, …) and prints its own table; see each file for what it compares against.
 */
import { readdirSync } from 'node:fs'

const dir = new URL('./', import.meta.url)
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
for (const file of files) {
  console.log(`\n## ${file}\n`)
  await import(new URL(file, dir).href)
}
