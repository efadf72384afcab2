/**
 * Run by verify-many.test.ts in a child process: `verifyMany` on 2 workers, once to the end and
 * once broken off early, then nothing: the process must exit by itself (no worker or handle left).
 * The argument is the module to take `verifyMany` from: the source, or the built package.
 */
import { readdirSync, readFileSync } from 'node:fs'

const entry = process.argv[2] ?? '../../src/index.ts'
const { verifyMany } = (await import(entry)) as typeof import('../../src/index.js')
const root = new URL('../../', import.meta.url)
const didDocuments = readdirSync(new URL('examples/keys/', root))
  .filter((f) => f.endsWith('.did.json'))
  .map((f) => JSON.parse(readFileSync(new URL(`examples/keys/${f}`, root), 'utf8')))
const jwt = (name: string) => readFileSync(new URL(`examples/signed/${name}.jwt`, root), 'utf8')
const options = { didDocuments, now: new Date('2026-11-01T00:00:00Z'), jobs: 2 }

const full: boolean[] = []
for await (const item of verifyMany([jwt('lfp-cell-280ah'), jwt('ev-nmc-pack'), 'junk'], options))
  full.push(item.verified)

let early = 0
for await (const _ of verifyMany(
  (function* () {
    for (;;) yield jwt('lfp-cell-280ah')
  })(),
  options,
)) {
  early++
  break
}
process.stdout.write(JSON.stringify({ full, early }))
