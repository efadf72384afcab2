/**
 * `signing`: issue and verify throughput of eddsa-rdfc-2022, ecdsa-rdfc-2019, vc+jwt EdDSA and
 * vc+jwt ES256 on the example passports (and a small one: the cell passport without its activity
 * lines), side by side with
 *   (a) the stock `@digitalbazaar/vc` pipeline (`vc.issue` / `vc.verifyCredential`), and
 *   (b) the floor: raw node:crypto verify of the JWS plus `JSON.parse` of its payload.
 *
 * Measured as issue 13 asks: every side in its own process (bench/procs/*.mjs, plain `node` on the
 * built package, so nothing but that side's code runs there), each operation warmed (3,000 calls
 * or 5 s), then ≥ 7 rounds in which every process times one block (≥ 150 ms, whole passes) of each
 * operation in turn; ratios are taken per round and their median reported with their range.
 *
 * Rows: `verifyCredential` (VC 2.0: syntax, context, proof, issuer binding, validity, status —
 * `skipChecks: ['schema']`, what stock `vc.verifyCredential` does and what the floor is compared
 * with), the same with the credentialSchema check passports ask for (the default call), and
 * `verifyPassport` (+ passport schema, context allow-list, conformance). Targets (issue 13): Data
 * Integrity verify ≥ 8× stock and vc+jwt `verifyCredential` ≥ 0.9× the floor, on every example.
 *
 * Needs the build (`npm run bench` builds first). BENCH_ROUNDS sets the rounds (default 7).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { issueCredential } from '../src/credential/issue.js'
import { exportKey } from '../src/keys/export.js'
import { importKey } from '../src/keys/import.js'
import { toVerificationMethod } from '../src/keys/verification-method.js'
import {
  describeRatios,
  median,
  type Rounds,
  ratios,
  runRounds,
  type Side,
  startSide,
} from './lib/processes.js'

type Json = Record<string, unknown>
const root = new URL('../', import.meta.url)
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as Json
if (!existsSync(new URL('dist/index.js', root))) {
  throw new Error('bench/signing.bench.ts measures the build: run `npm run build` first')
}

// The inputs every process reads: the examples with their keys, the DID documents, and the vc+jwt
// of each example (for the floor, which must not load carbon-passport to sign them).
const examples = readdirSync(new URL('examples/valid/', root))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const passport = readJson(`examples/valid/${f}`)
    const did = (passport.issuer as { id: string }).id
    const privateJwk = readJson(`examples/keys/${did.slice('did:web:'.length)}.private.jwk.json`)
    return { name: f.replace(/\.json$/, ''), passport, privateJwk }
  })
// A small passport: the cell's summary, without the activity lines (it conforms under core).
const cell = examples.find((e) => e.name === 'lfp-cell-280ah')
if (!cell) throw new Error('the cell example is missing')
const summary = structuredClone(cell.passport) as { credentialSubject: Json }
delete summary.credentialSubject.activityData
examples.push({ ...cell, name: 'small (cell summary)', passport: summary })

const withKeys = examples.map((e) => {
  const key = importKey(e.privateJwk)
  return {
    ...e,
    key,
    algorithm: key.algorithm,
    multikey: exportKey(key, { format: 'multikey', includePrivate: true }),
  }
})
const jws: Record<string, string> = {}
for (const e of withKeys)
  jws[e.name] = await issueCredential(e.passport, { key: e.key, format: 'vc-jose' })
const inputs = {
  now: '2026-11-01T00:00:00Z',
  // Proofs are made before the verification clock (a later one is PROOF_CREATED_IN_FUTURE).
  created: '2026-03-15T00:00:00Z',
  examples: withKeys.map(({ key: _key, ...e }) => e),
  didDocuments: readdirSync(new URL('examples/keys/', root))
    .filter((f) => f.endsWith('.did.json'))
    .map((f) => readJson(`examples/keys/${f}`)),
  // The stock stack reads keys as Multikey.
  multikeyDidDocuments: withKeys.map(({ key }) => ({
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: key.controller,
    verificationMethod: [toVerificationMethod(key, 'Multikey')],
    assertionMethod: [key.id],
  })),
  jws,
}
const dir = mkdtempSync(join(tmpdir(), 'carbon-passport-bench-'))
const inputsFile = join(dir, 'inputs.json')
writeFileSync(inputsFile, JSON.stringify(inputs))

const proc = (name: string) => new URL(`procs/${name}.mjs`, import.meta.url)
const warmMs = 5000
const sides: Side[] = await Promise.all([
  startSide('ours-eddsa', proc('signing-ours'), { inputsFile, format: 'eddsa', warmMs }),
  startSide('stock-eddsa', proc('signing-stock'), { inputsFile, format: 'eddsa', warmMs }),
  startSide('ours-ecdsa', proc('signing-ours'), { inputsFile, format: 'ecdsa', warmMs }),
  startSide('stock-ecdsa', proc('signing-stock'), { inputsFile, format: 'ecdsa', warmMs }),
  startSide('ours-jwt-ed', proc('signing-ours'), { inputsFile, format: 'jwt-ed', warmMs }),
  startSide('floor-ed', proc('signing-floor'), { inputsFile, format: 'ed', warmMs }),
  startSide('ours-jwt-es', proc('signing-ours'), { inputsFile, format: 'jwt-es', warmMs }),
  startSide('floor-es', proc('signing-floor'), { inputsFile, format: 'es', warmMs }),
])
const rounds = Number(process.env.BENCH_ROUNDS ?? 7)
process.stderr.write(`signing: ${rounds} rounds `)
const timings: Rounds = await runRounds(sides, {
  rounds,
  blockMs: 150,
  onRound: () => process.stderr.write('.'),
})
process.stderr.write('\n')
await Promise.all(sides.map((s) => s.close()))
rmSync(dir, { recursive: true, force: true })

const fmt = (n: number) => Math.round(n).toLocaleString('en')
const opsPerSecond = (key: string) => 1e6 / median(timings.get(key) ?? [Number.POSITIVE_INFINITY])
const sizes = Object.values(jws).map((j) => j.length)
console.log(
  `${withKeys.length} passports (${withKeys.filter((e) => e.algorithm === 'Ed25519').length} Ed25519, ${withKeys.filter((e) => e.algorithm === 'P-256').length} P-256 issuers; ${Math.round(Math.min(...sizes) / 1024)}–${Math.round(Math.max(...sizes) / 1024)} KiB as vc+jwt), Node ${process.version}; each side in its own process on dist, warmed, ${rounds} interleaved rounds of ≥ 150 ms blocks; ratios per round: median (range).\n`,
)
console.log('| operation | carbon-passport ops/s | compared with | its ops/s | ratio per round |')
console.log('|---|---:|---|---:|---:|')
const row = (label: string, ours: string, other?: string, otherLabel = '') => {
  const r = other ? describeRatios(ratios(timings, ours, other)) : '–'
  console.log(
    `| ${label} | ${fmt(opsPerSecond(ours))} | ${otherLabel || '–'} | ${other ? fmt(opsPerSecond(other)) : '–'} | ${r} |`,
  )
}
for (const [label, side, stock] of [
  ['eddsa-rdfc-2022', 'ours-eddsa', 'stock-eddsa'],
  ['ecdsa-rdfc-2019', 'ours-ecdsa', 'stock-ecdsa'],
] as const) {
  row(`${label} issue`, `${side}/issue`, `${stock}/issue`, 'stock vc.issue')
  row(`${label} verifyCredential (VC 2.0)`, `${side}/verify`, `${stock}/verify`, 'stock')
  row(
    `${label} verifyCredential + credentialSchema`,
    `${side}/verify+schema`,
    `${stock}/verify`,
    'stock',
  )
  row(`${label} verifyPassport`, `${side}/verifyPassport`, `${stock}/verify`, 'stock')
}
for (const [label, side, floor] of [
  ['vc+jwt EdDSA', 'ours-jwt-ed', 'floor-ed'],
  ['vc+jwt ES256', 'ours-jwt-es', 'floor-es'],
] as const) {
  row(`${label} issue`, `${side}/issue`)
  row(`${label} verifyCredential (VC 2.0)`, `${side}/verify`, `${floor}/verify`, 'floor')
  row(
    `${label} verifyCredential + credentialSchema`,
    `${side}/verify+schema`,
    `${floor}/verify`,
    'floor',
  )
  row(`${label} verifyPassport`, `${side}/verifyPassport`, `${floor}/verify`, 'floor')
}

// Every example on its own: the targets hold "on every example".
const perExample = (side: string, other: string) =>
  [...timings.keys()]
    .filter((k) => k.startsWith(`${side}/verify@`))
    .map((k) => {
      const name = k.slice(`${side}/verify@`.length)
      return { name, r: ratios(timings, k, `${other}/verify@${name}`) }
    })
console.log('\nverifyCredential (VC 2.0), example by example: ratio per round, median (range)\n')
console.log(
  '| example | eddsa / stock | ecdsa / stock | vc+jwt EdDSA / floor | vc+jwt ES256 / floor |',
)
console.log('|---|---:|---:|---:|---:|')
const columns = [
  perExample('ours-eddsa', 'stock-eddsa'),
  perExample('ours-ecdsa', 'stock-ecdsa'),
  perExample('ours-jwt-ed', 'floor-ed'),
  perExample('ours-jwt-es', 'floor-es'),
]
for (const e of withKeys) {
  const cells = columns.map((c) => {
    const found = c.find((x) => x.name === e.name)
    return found ? describeRatios(found.r) : '–'
  })
  console.log(`| ${e.name} | ${cells.join(' | ')} |`)
}

const worst = (c: { r: number[] }[]) => Math.min(...c.map((x) => median(x.r)))
const verdict = (r: number, target: number) =>
  `${r.toFixed(2)}× (target ≥ ${target}×: ${r >= target ? 'met' : 'MISSED'})`
console.log(
  `\nData Integrity verifyCredential (VC 2.0) vs stock, the worst example of eddsa and ecdsa: ${verdict(Math.min(worst(columns[0] ?? []), worst(columns[1] ?? [])), 8)}`,
)
console.log(
  `vc+jwt verifyCredential (VC 2.0) vs the floor, the worst example of EdDSA and ES256: ${verdict(Math.min(worst(columns[2] ?? []), worst(columns[3] ?? [])), 0.9)}`,
)
const jwtRatio = (op: string) => median(ratios(timings, `ours-jwt-ed/${op}`, 'floor-ed/verify'))
console.log(
  `  vc+jwt EdDSA, all examples: + credentialSchema ${jwtRatio('verify+schema').toFixed(2)}× the floor (target 0.9×), verifyPassport ${jwtRatio('verifyPassport').toFixed(2)}× (target 0.8×)`,
)

console.log(
  '\nWhere a vc+jwt EdDSA verification goes (µs/op, median over the rounds, all examples):\n',
)
console.log('| step | µs |')
console.log('|---|---:|')
const us = (key: string) => median(timings.get(key) ?? [Number.NaN]).toFixed(0)
console.log(
  `| read the input: caps, base64url, strict UTF-8, JSON.parse, repeated names, depth walk | ${us('ours-jwt-ed/step:read')} |`,
)
console.log(`| of which JSON.parse of the payload | ${us('ours-jwt-ed/step:parse')} |`)
console.log(`| passport schema (Ajv) on the parsed payload | ${us('ours-jwt-ed/step:schema')} |`)
console.log(`| whole verifyCredential (VC 2.0) | ${us('ours-jwt-ed/verify')} |`)
console.log(`| whole verifyCredential + credentialSchema | ${us('ours-jwt-ed/verify+schema')} |`)
console.log(`| the floor: Ed25519 verify + base64url + JSON.parse | ${us('floor-ed/verify')} |`)
