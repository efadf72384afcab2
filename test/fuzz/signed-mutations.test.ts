/**
 * Fuzz: structure-aware mutations of the signed example passports, in both formats, through
 * verifyPassport and verifyCredential (issue 7 §5).
 *
 * Data Integrity (examples/signed/*.json: eddsa-rdfc-2022 and ecdsa-rdfc-2019): leaves changed
 * ("12.5" → "12.50", dates, IRIs, numbers, booleans), values retyped, members and items deleted,
 * added, duplicated, reordered, moved, copied and swapped, proof fields and proof sets altered, and
 * the result handed over as an object, as JSON text in other spellings (whitespace, `\u` escapes,
 * `1.0` for `1`), wrapped, with a repeated member, or cut short. vc+jwt (examples/signed/*.jwt:
 * EdDSA and ES256): bits flipped and characters inserted in any segment, segments swapped and
 * borrowed, header fields changed (alg, typ, cty, kid, crit, b64, jwk, …), header and payload
 * re-encoded (whitespace, escapes, a repeated member), payload mutated as above, JWT claims added,
 * the token re-signed with an attacker's key, and the token wrapped in its envelopes.
 *
 * For every case, both verifiers:
 * (a) return within the hang guard, never throw, and leave their input as it was;
 * (b) return a well-formed result (invariants.ts), with the same proof check;
 * (c) verify only what carries the signed content unchanged. What the signature covers:
 *     - Data Integrity: the RDF of the document without its proof (canonical N-Quads) and, per
 *       proof, the RDF of its options and its `proofValue`. Key order, JSON text spelling and the
 *       order of any array but `@context` (every array of these contexts is a set, none a `@list`)
 *       keep it: those must verify, exactly as the original. Anything else that verifies must be
 *       proved to keep it by an independent oracle (stock jsonld.js RDFC-1.0 canonicalization) and
 *       must decide every check as the original does.
 *     - vc+jwt: the exact characters of the compact JWS (a JWS signs the encoded header and
 *       payload, and a non-canonical base64url signature is refused): a token verifies only when it
 *       is the original one, bare, padded with whitespace (text input is trimmed) or in one of its
 *       envelopes;
 * (d) the unmutated input verifies (first test).
 * A repeated member in JSON text is refused (JSON_DUPLICATE_KEY) even with an equal value, and text
 * cut short is MALFORMED_JSON.
 */
import { createPrivateKey, sign as cryptoSign } from 'node:crypto'
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import jsonld from 'jsonld'
import { describe, expect, test } from 'vitest'
import { createDocumentLoader } from '../../src/context/loader.js'
import { generateKeyPair } from '../../src/keys/generate.js'
import type { KeyPair } from '../../src/keys/types.js'
import { issuePassport } from '../../src/passport/issue.js'
import type { VerificationResult } from '../../src/results.js'
import { issuerOf } from '../credential/fixtures.js'
import { exampleDidDocuments, exampleKey, signedExamples } from '../helpers/examples.js'
import { fuzzRuns } from '../helpers/fuzz.js'
import { verdicts, verifyBoth as verifyAll } from './invariants.js'
import {
  type Applied,
  type Donors,
  encodeSegment,
  headerVariants,
  isObject,
  type Json,
  type JwsDonors,
  type Keeps,
  mutateProof,
  type Op,
  SPACES,
  segmentJson,
  TOKEN_MUTATIONS,
  TREE_MUTATIONS,
  textStyle,
  writeJson,
} from './mutations.js'

/** After every example's proof `created` and `validFrom` (checked below); none has `validUntil`. */
const NOW = new Date('2027-01-01T00:00:00Z')
const didDocuments = exampleDidDocuments()
const options = { didDocuments, now: NOW }

interface Example {
  name: string
  di: Json
  jws: string
}
const committed: Example[] = signedExamples().map(({ name, di, jwt }) => ({ name, di, jws: jwt }))

/**
 * One more, signed here with the example key: the examples are ASCII, this one has accents, a
 * combining mark and astral characters, so that text spellings escape multi-byte characters and
 * split surrogate pairs (`\ud83d` escaped, its low half not).
 */
async function nonAscii(): Promise<Example> {
  const base = committed.find((e) => e.name === 'lfp-cell-280ah') as Example
  const { proof, ...unsigned } = structuredClone(base.di)
  const product = (unsigned.credentialSubject as Json).product as Json
  product.name = 'HY-280E cellule LFP \u2014 Z\u00fcrich, e\u0301t\u00e9 \ud83d\udd0b \ud834\udd1e'
  const key = exampleKey(issuerOf(unsigned))
  const created = new Date(String((proof as Json).created))
  return {
    name: `${base.name} (non-ASCII)`,
    di: (await issuePassport(unsigned, { key, created })) as unknown as Json,
    jws: await issuePassport(unsigned, { key, format: 'vc-jose' }),
  }
}
const examples: Example[] = [...committed, await nonAscii()]

// The attacker holds keys of their own: did:key ids every verifier can resolve, controlled by no issuer.
const attacker: Record<'EdDSA' | 'ES256', KeyPair> = {
  EdDSA: generateKeyPair(),
  ES256: generateKeyPair({ algorithm: 'P-256' }),
}
const keyIdOf = (e: Example) => String((e.di.proof as Json).verificationMethod)
const diDonors = (e: Example): Donors => ({
  proofs: examples.filter((o) => o !== e).map((o) => o.di.proof as Json),
  keyIds: examples.map(keyIdOf),
  attackerKeyId: attacker.EdDSA.id,
})
const jwsDonors = (e: Example): JwsDonors => ({
  tokens: examples.filter((o) => o !== e).map((o) => o.jws),
  keyIds: examples.map(keyIdOf),
  attackerJwk: attacker.EdDSA.publicKeyJwk as unknown as Json,
  attackerKeyId: attacker.EdDSA.id,
})

const verifyBoth = (input: unknown, label: string) => verifyAll(input, label, options)

type Baseline = { passport: string[]; credential: string[] }
const baselines = new Map<string, Baseline>()
async function baseline(key: string, input: unknown): Promise<Baseline> {
  let known = baselines.get(key)
  if (!known) {
    const { passport, credential } = await verifyBoth(input, key)
    expect(passport.errors, key).toEqual([])
    expect(credential.errors, key).toEqual([])
    known = { passport: verdicts(passport), credential: verdicts(credential) }
    baselines.set(key, known)
  }
  return known
}

// ── the oracle: what a Data Integrity proof covers, by stock jsonld.js ─────────────────────────

const loader = createDocumentLoader()
const canonize = (doc: unknown): Promise<string> =>
  (jsonld.canonize as (doc: unknown, options: unknown) => Promise<string>)(doc, {
    algorithm: 'RDFC-1.0',
    format: 'application/n-quads',
    safe: true,
    base: null,
    rdfDirection: 'i18n-datatype',
    documentLoader: loader,
  })

/** The signed content: canonical RDF of the document, and per proof its options' RDF and value. */
async function signedContent(doc: Json): Promise<{ document: string; proofs: string[] } | string> {
  try {
    const { proof, ...unsigned } = doc
    const proofs: string[] = []
    for (const p of Array.isArray(proof) ? proof : [proof]) {
      if (!isObject(p)) return 'a proof is not an object'
      const { proofValue, ...config } = p
      const rdf = await canonize({ ...config, '@context': doc['@context'] })
      proofs.push(`${rdf}proofValue ${JSON.stringify(proofValue)}`)
    }
    return { document: await canonize(unsigned), proofs }
  } catch (err) {
    return `not canonicalizable: ${(err as Error).message}`
  }
}

const originalContent = new Map<Example, { document: string; proofs: string[] }>()
async function keepsSignedContent(e: Example, doc: Json): Promise<string | undefined> {
  let original = originalContent.get(e)
  if (!original) {
    const content = await signedContent(e.di)
    if (typeof content === 'string') throw new Error(`${e.name}: ${content}`)
    original = content
    originalContent.set(e, original)
  }
  const content = await signedContent(doc)
  if (typeof content === 'string') return content
  if (content.document !== original.document) return 'the document RDF differs'
  const [proof] = original.proofs
  if (content.proofs.length === 0 || content.proofs.some((p) => p !== proof))
    return 'a proof differs (options or value)'
  return undefined
}

/**
 * The 800-run Data Integrity property canonicalizes ~1,000 mutated passports: 15–18 s on the
 * 2-core machine with other work running (the stock path the slower), near the default 30 s when
 * the suite's other files share the cores; so it has a budget of its own.
 */
const FUZZ_TIMEOUT_MS = 120_000

describe('the oracle: stock RDFC-1.0 of the document and of each proof', () => {
  // ess-cabinet-215kwh: its issuer is also its product's manufacturer, described alike in both.
  const e = committed.find((x) => x.name === 'ess-cabinet-215kwh') as Example
  const subject = (doc: Json) => doc.credentialSubject as Json
  const proof = (doc: Json) => doc.proof as Json
  const cases: [string, boolean, (doc: Json) => void][] = [
    [
      'the proof as a set of one',
      true,
      (doc) => {
        doc.proof = [doc.proof]
      },
    ],
    [
      'the proof twice',
      true,
      (doc) => {
        doc.proof = [doc.proof, doc.proof]
      },
    ],
    [
      'a reordered list',
      true,
      (doc) => {
        ;(doc.type as unknown[]).reverse()
      },
    ],
    [
      'the verification method as a node',
      true,
      (doc) => {
        proof(doc).verificationMethod = { id: proof(doc).verificationMethod }
      },
    ],
    [
      'the issuer’s name deleted (the manufacturer, the same node, repeats it)',
      true,
      (doc) => {
        delete (doc.issuer as Json).name
      },
    ],
    [
      'a changed product name',
      false,
      (doc) => {
        ;(subject(doc).product as Json).name = 'x'
      },
    ],
    [
      'a decimal respelt ("39270.78320" for "39270.7832")',
      false,
      (doc) => {
        ;(subject(doc).footprint as Json).pcfExcludingBiogenicUptake = '39270.78320'
      },
    ],
    [
      'a proof a second later',
      false,
      (doc) => {
        proof(doc).created = '2026-03-15T00:00:01Z'
      },
    ],
    [
      'the issuer’s name deleted where the manufacturer says otherwise',
      false,
      (doc) => {
        delete (doc.issuer as Json).name
        ;((subject(doc).product as Json).manufacturer as Json).name = 'x'
      },
    ],
  ]

  test.each(cases)('%s: keeps the signed content: %s', async (label, keeps, mutate) => {
    const doc = structuredClone(e.di)
    mutate(doc)
    expect(await keepsSignedContent(e, doc), label).toEqual(keeps ? undefined : expect.any(String))
    const expected = await baseline(`${e.name}.json`, e.di)
    const results = await verifyBoth(doc, label)
    for (const [verifier, result] of Object.entries(results) as [
      keyof Baseline,
      VerificationResult,
    ][]) {
      if (!keeps) expect(result.verified, `${verifier}: ${label}`).toBe(false)
      else if (result.verified) expect(verdicts(result), label).toEqual(expected[verifier])
    }
  })
})

// ── Data Integrity ─────────────────────────────────────────────────────────────────────────

const nat = fc.nat()
const opOf = (kinds: readonly string[]) =>
  fc.record({ kind: fc.constantFrom(...kinds), a: nat, b: nat, c: nat })

type Form = 'object' | 'text' | 'wrapped' | 'wrapped-text' | 'duplicate' | 'truncate'
interface DiCase {
  example: number
  ops: Op[]
  form: { kind: Form; a: number; b: number; c: number }
}

const weakest = (a: Keeps, b: Keeps): Keeps =>
  a === 'none' || b === 'none' ? 'none' : a === 'rdf' || b === 'rdf' ? 'rdf' : 'json'

function applyDi(e: Example, ops: Op[]): { doc: Json; labels: string[]; keeps: Keeps } {
  const doc = structuredClone(e.di)
  const labels: string[] = []
  let keeps: Keeps = 'json'
  for (const { kind, a, b, c } of ops) {
    const applied: Applied | undefined =
      kind === 'proof'
        ? mutateProof(doc, a, b, c, diDonors(e))
        : TREE_MUTATIONS[kind]?.(doc, a, b, c)
    if (!applied) continue
    labels.push(applied.label)
    keeps = weakest(keeps, applied.keeps)
  }
  return { doc, labels, keeps }
}

/** The input for a form, and what it must do: verify as the document, or fail with a code. */
function encodeDi(
  doc: Json,
  form: DiCase['form'],
): { input: unknown; refusal?: 'JSON_DUPLICATE_KEY' | 'MALFORMED_JSON' } {
  const style = textStyle(form.a, form.b, form.c)
  switch (form.kind) {
    case 'object':
      return { input: doc }
    case 'text':
      return { input: writeJson(doc, style) }
    case 'wrapped':
      return { input: { verifiableCredential: doc } }
    case 'wrapped-text':
      return { input: writeJson({ verifiableCredential: doc }, style) }
    case 'duplicate':
      return {
        input: writeJson(doc, textStyle(form.a, form.b, form.c, true)),
        refusal: 'JSON_DUPLICATE_KEY',
      }
    case 'truncate': {
      const text = writeJson(doc, style)
      const cut = text.slice(0, form.c % text.length)
      // Cut inside the trailing whitespace, it is still the whole text.
      return cut.trim() === text.trim() ? { input: cut } : { input: cut, refusal: 'MALFORMED_JSON' }
    }
  }
}

async function checkDiCase({ example, ops, form }: DiCase) {
  const e = examples[example] as Example
  const { doc, labels, keeps } = applyDi(e, ops)
  const { input, refusal } = encodeDi(doc, form)
  const label = `${e.name}.json: ${labels.join('; ') || 'unchanged'} [${form.kind}]`
  const results = await verifyBoth(input, label)
  const expected = await baseline(`${e.name}.json`, e.di)
  for (const [verifier, result] of Object.entries(results) as [
    keyof Baseline,
    VerificationResult,
  ][]) {
    const where = `${verifier}: ${label}`
    if (refusal) {
      expect(result.verified, where).toBe(false)
      expect(
        result.errors.map((f) => f.code),
        where,
      ).toEqual([refusal])
      continue
    }
    if (keeps !== 'none' || isDeepStrictEqual(doc, e.di)) {
      // Key order, array order (sets) and JSON spelling keep the signed content and the meaning.
      expect(result.errors, where).toEqual([])
      expect(verdicts(result), where).toEqual(expected[verifier])
    } else if (result.verified) {
      // Anything else may verify only if the oracle shows it signs what the original signs.
      expect(await keepsSignedContent(e, doc), `${where}: verified, but`).toBeUndefined()
      expect(verdicts(result), where).toEqual(expected[verifier])
    }
  }
}

const TREE_KINDS = Object.keys(TREE_MUTATIONS)
const DI_KINDS = [...TREE_KINDS, 'leaf', 'leaf', 'delete', 'proof', 'proof', 'proof', 'proof']
const FORMS: Form[] = ['object', 'object', 'object', 'object', 'text', 'wrapped', 'wrapped-text']
const formOf = (kinds: readonly Form[]) =>
  fc.record({ kind: fc.constantFrom(...kinds), a: nat, b: nat, c: nat })
const exampleIndex = fc.nat(examples.length - 1)

describe('the signed examples (committed, and one signed here)', () => {
  test.each(examples)('$name: both formats verify at NOW, with both verifiers', async (e) => {
    const proof = e.di.proof as Json
    expect(new Date(String(proof.created)).getTime()).toBeLessThan(NOW.getTime())
    expect(new Date(String(e.di.validFrom)).getTime()).toBeLessThan(NOW.getTime())
    expect(e.di.validUntil).toBeUndefined()
    await baseline(`${e.name}.json`, e.di)
    await baseline(`${e.name}.jwt`, e.jws)
  })

  test('the signing algorithms are all here: eddsa-rdfc-2022, ecdsa-rdfc-2019, EdDSA, ES256', () => {
    const suites = new Set(examples.map((e) => (e.di.proof as Json).cryptosuite))
    const algs = new Set(examples.map((e) => segmentJson(e.jws, 0)?.alg))
    expect([...suites].sort()).toEqual(['ecdsa-rdfc-2019', 'eddsa-rdfc-2022'])
    expect([...algs].sort()).toEqual(['ES256', 'EdDSA'])
  })
})

describe('Data Integrity passports, mutated', () => {
  test(
    'any mutation verifies only if the oracle shows the signed RDF unchanged',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            example: exampleIndex,
            ops: fc.array(opOf(DI_KINDS), { minLength: 1, maxLength: 3 }),
            form: formOf([...FORMS, 'duplicate', 'truncate']),
          }),
          checkDiCase,
        ),
        { numRuns: fuzzRuns(800) },
      )
    },
    FUZZ_TIMEOUT_MS,
  )

  test('key order, array order and JSON text spelling verify exactly as the original', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          example: exampleIndex,
          ops: fc.array(opOf(['reorderKeys', 'reorderArray']), { maxLength: 4 }),
          form: formOf(FORMS),
        }),
        checkDiCase,
      ),
      { numRuns: fuzzRuns(200) },
    )
  })
})

// ── vc+jwt ─────────────────────────────────────────────────────────────────────────────────

type Wrap = 'bare' | 'padded' | 'data-url' | 'envelope' | 'vc' | 'vc-envelope' | 'envelope-text'
interface JwsCase {
  example: number
  ops: Op[]
  wrap: { kind: Wrap; a: number; b: number }
}

const signWith = (key: KeyPair, header: Json, payloadSegment: string) => {
  const input = `${encodeSegment(JSON.stringify(header))}.${payloadSegment}`
  const privateKey = createPrivateKey({ key: key.privateKeyJwk as never, format: 'jwk' })
  const signature =
    key.algorithm === 'P-256'
      ? cryptoSign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' })
      : cryptoSign(null, Buffer.from(input), privateKey)
  return `${input}.${signature.toString('base64url')}`
}

const CLAIMS: [string, (e: Example) => unknown][] = [
  ['iss', (e) => (e.di.issuer as Json).id],
  ['iss', () => 'did:web:attacker.example'],
  ['jti', (e) => e.di.id],
  ['jti', () => 'urn:uuid:00000000-0000-4000-8000-000000000000'],
  ['sub', (e) => (e.di.credentialSubject as Json).id],
  ['sub', () => 'did:web:attacker.example'],
  ['exp', () => 1],
  ['exp', () => 4102444800],
  ['nbf', () => 4102444800],
  ['iat', () => NOW.getTime() / 1000],
  ['iat', () => '2026-01-01T00:00:00Z'],
  ['vc', (e) => e.di],
  ['vp', () => ({})],
  ['aud', () => 'https://verifier.example'],
  ['cnf', () => ({ jwk: attacker.EdDSA.publicKeyJwk })],
]

/** One change of a token; a JSON-level one falls back to a flip when its segment is not JSON. */
function mutateToken(e: Example, token: string, { kind, a, b, c }: Op): [string, string] {
  const donors = jwsDonors(e)
  const [h = '', p = '', s = ''] = token.split('.')
  const header = segmentJson(token, 0)
  const payload = segmentJson(token, 1)
  if (kind === 'header' && header) {
    const variants = headerVariants(header, donors)
    const [field, value] = variants[a % variants.length] as [string, unknown]
    if (value === undefined) delete header[field]
    else header[field] = value
    const label = `header.${field} := ${value === undefined ? '(deleted)' : JSON.stringify(value)}`
    return [`${encodeSegment(JSON.stringify(header))}.${p}.${s}`, label]
  }
  if (kind === 'headerText' && header) {
    const style = textStyle(a, b, c, c % 3 === 0)
    return [
      `${encodeSegment(writeJson(header, style))}.${p}.${s}`,
      `header as ${JSON.stringify(style)}`,
    ]
  }
  if (kind === 'payload' && payload) {
    const mutation = TREE_KINDS[a % TREE_KINDS.length] as string
    const applied = TREE_MUTATIONS[mutation]?.(payload, b, c, a + b)
    return [
      `${h}.${encodeSegment(JSON.stringify(payload))}.${s}`,
      `payload: ${applied?.label ?? 'unchanged'}`,
    ]
  }
  if (kind === 'payloadText' && payload) {
    const style = textStyle(a, b, c, c % 3 === 0)
    return [
      `${h}.${encodeSegment(writeJson(payload, style))}.${s}`,
      `payload as ${JSON.stringify(style)}`,
    ]
  }
  if (kind === 'claims' && payload) {
    const [claim, value] = CLAIMS[a % CLAIMS.length] as [string, (e: Example) => unknown]
    payload[claim] = value(e)
    return [`${h}.${encodeSegment(JSON.stringify(payload))}.${s}`, `claim ${claim} added`]
  }
  if (kind === 'resign') {
    const key = b % 2 === 0 ? attacker.EdDSA : attacker.ES256
    const forged: Json = {
      ...(header ?? {}),
      alg: key.algorithm === 'P-256' ? 'ES256' : 'EdDSA',
      kid: c % 2 === 0 ? keyIdOf(e) : key.id,
      ...(c % 3 === 0 ? { jwk: key.publicKeyJwk } : {}),
    }
    return [signWith(key, forged, p), `re-signed by the attacker (${JSON.stringify(forged)})`]
  }
  const flip = TOKEN_MUTATIONS[kind] ?? TOKEN_MUTATIONS.flip
  const mutated = (flip as NonNullable<typeof flip>)(token, a, b, c, donors)
  return [mutated, `${kind in TOKEN_MUTATIONS ? kind : 'flip'}(${a}, ${b}, ${c})`]
}

function wrapToken(token: string, { kind, a, b }: JwsCase['wrap']): unknown {
  const envelope = {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: 'EnvelopedVerifiableCredential',
    id: `data:application/vc+jwt,${token}`,
  }
  switch (kind) {
    case 'bare':
      return token
    case 'padded':
      return `${SPACES[a % SPACES.length]}${token}${SPACES[b % SPACES.length]}`
    case 'data-url':
      return envelope.id
    case 'envelope':
      return envelope
    case 'vc':
      return { verifiableCredential: token }
    case 'vc-envelope':
      return { verifiableCredential: envelope }
    case 'envelope-text':
      return writeJson(envelope, textStyle(a, b, 0))
  }
}

async function checkJwsCase({ example, ops, wrap }: JwsCase) {
  const e = examples[example] as Example
  let token = e.jws
  const labels: string[] = []
  for (const op of ops) {
    const [next, label] = mutateToken(e, token, op)
    token = next
    labels.push(label)
  }
  const label = `${e.name}.jwt: ${labels.join('; ') || 'unchanged'} [${wrap.kind}]`
  const results = await verifyBoth(wrapToken(token, wrap), label)
  const expected = await baseline(`${e.name}.jwt`, e.jws)
  for (const [verifier, result] of Object.entries(results) as [
    keyof Baseline,
    VerificationResult,
  ][]) {
    const where = `${verifier}: ${label}`
    // A JWS signs its exact header and payload characters: only the original token verifies. Text
    // input is trimmed (String.prototype.trim: also U+FEFF), so whitespace around it may verify.
    if (token === e.jws) expect(verdicts(result), where).toEqual(expected[verifier])
    else if (token.trim() !== e.jws)
      expect(result.verified, `${where}: a changed token verified`).toBe(false)
    else if (result.verified) expect(verdicts(result), where).toEqual(expected[verifier])
  }
}

const JWS_KINDS = [
  'flip',
  'flip',
  'char',
  'truncate',
  'segments',
  'header',
  'header',
  'headerText',
  'payload',
  'payload',
  'payloadText',
  'claims',
  'resign',
]
const WRAPS: Wrap[] = [
  'bare',
  'bare',
  'bare',
  'padded',
  'data-url',
  'envelope',
  'vc',
  'vc-envelope',
  'envelope-text',
]
const wrapOf = fc.record({ kind: fc.constantFrom(...WRAPS), a: nat, b: nat })

describe('vc+jwt passports, mutated', () => {
  test('any change to the token is refused; the original verifies in every envelope', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          example: exampleIndex,
          ops: fc.array(opOf(JWS_KINDS), { minLength: 1, maxLength: 2 }),
          wrap: wrapOf,
        }),
        checkJwsCase,
      ),
      { numRuns: fuzzRuns(800) },
    )
  })

  test('the original token, bare, padded or enveloped, verifies exactly as the original', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ example: exampleIndex, ops: fc.constant<Op[]>([]), wrap: wrapOf }),
        checkJwsCase,
      ),
      { numRuns: fuzzRuns(60) },
    )
  })
})
