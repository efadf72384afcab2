/**
 * Property: no JSON-LD re-spelling of a signed passport changes the verdict of a check. A
 * re-spelling is refused (the passport does not verify) or every check decides exactly as on the
 * passport as signed; an expired passport never verifies and its validity check never passes; a
 * passport that breaks a conformance rule never passes conformance.
 */
import fc from 'fast-check'
import jsonld from 'jsonld'
import { beforeAll, describe, expect, test } from 'vitest'
import { issueCredential } from '../../../src/credential/issue.js'
import { issuePassport } from '../../../src/passport/issue.js'
import { verifyPassport } from '../../../src/passport/verify.js'
import type { VerificationResult } from '../../../src/results.js'
import { exampleDidDocuments, exampleKey, validExample } from '../../helpers/examples.js'
import { readJsonFile } from '../../helpers/files.js'
import { fuzzRuns } from '../../helpers/fuzz.js'
import { issuerOf } from '../fixtures.js'

type Json = Record<string, unknown>
const didDocuments = exampleDidDocuments()
const NOW = new Date('2026-12-15T00:00:00Z')
const LATER = new Date('2027-06-01T00:00:00Z')
/** Proofs are dated before both clocks, so the tests do not depend on the day they run. */
const CREATED = new Date('2026-06-01T00:00:00Z')
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v)
const statuses = (r: VerificationResult) => r.checks.map((c) => `${c.id}:${c.status}`)
/** The checks that establish that the JSON read is the signed data passed. */
const signedViewRead = (r: VerificationResult) =>
  ['syntax', 'context', 'proof'].every((id) => r.checks.find((c) => c.id === id)?.status === 'pass')

/** Paths of every node object (JSON object that is not a value object) in a document. */
function nodePaths(
  value: unknown,
  path: (string | number)[] = [],
  out: (string | number)[][] = [],
) {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) nodePaths(value[i], [...path, i], out)
  } else if (isObject(value)) {
    out.push(path)
    for (const [k, v] of Object.entries(value))
      if (k !== '@context') nodePaths(v, [...path, k], out)
  }
  return out
}
const at = (doc: unknown, path: (string | number)[]): Json =>
  path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], doc) as Json

/** IRIs a term may stand for; the right one keeps the RDF, a wrong one changes it (both must fail). */
const IRI_BASES = [
  'https://www.w3.org/2018/credentials#',
  'https://w3id.org/carbon-passport/vocab#',
  'https://schema.org/',
  'https://w3id.org/security#',
]

type Mutation = (node: Json, key: string, pick: number) => void
const MUTATIONS: Record<string, Mutation> = {
  nest: (node, key) => {
    const value = node[key]
    delete node[key]
    node['@nest'] = { [key]: value }
  },
  iriKey: (node, key, pick) => {
    const value = node[key]
    delete node[key]
    node[`${IRI_BASES[pick % IRI_BASES.length]}${key}`] = value
  },
  valueObject: (node, key) => {
    if (typeof node[key] === 'string') node[key] = { '@value': node[key] }
  },
  included: (node, key) => {
    const value = node[key]
    delete node[key]
    node['@included'] = [{ ...(node.id === undefined ? {} : { id: node.id }), [key]: value }]
  },
  emptyList: (node, key) => {
    node[key] = []
  },
  addNull: (node) => {
    node.description = null
  },
  index: (node) => {
    node['@index'] = 'x'
  },
  reverse: (node, key) => {
    node['@reverse'] = { [`${IRI_BASES[0]}${key}`]: { id: 'did:example:attacker' } }
  },
  wrap: (node, key) => {
    if (!Array.isArray(node[key])) node[key] = [node[key]]
  },
  unwrap: (node, key) => {
    const value = node[key]
    if (Array.isArray(value) && value.length === 1) node[key] = value[0]
  },
  repeat: (node, key) => {
    const value = node[key]
    node[key] = Array.isArray(value) ? [...value, value[0]] : [value, value]
  },
  drop: (node, key) => {
    // Keeps the RDF only where another description of the same node repeats the property.
    delete node[key]
  },
  shuffle: (node, key, pick) => {
    const value = node[key]
    if (Array.isArray(value) && value.length > 1)
      node[key] = [...value.slice(pick % value.length), ...value.slice(0, pick % value.length)]
  },
}

/** A re-spelling: one mutation at a node, or the whole document in another JSON-LD form. */
const arbitraryRespelling = (doc: Json) => {
  const paths = nodePaths(doc)
  const local = fc
    .record({
      node: fc.nat(paths.length - 1),
      key: fc.nat(),
      pick: fc.nat(),
      mutation: fc.constantFrom(...Object.keys(MUTATIONS)),
      also: fc.option(fc.constantFrom(...Object.keys(MUTATIONS)), { nil: undefined }),
    })
    .map(({ node, key, pick, mutation, also }) => {
      const copy = structuredClone(doc)
      const target = at(copy, paths[node] as (string | number)[])
      const keys = Object.keys(target).filter((k) => k !== '@context')
      const name = keys[key % keys.length] as string
      MUTATIONS[mutation]?.(target, name, pick)
      if (also && also !== mutation && Object.hasOwn(target, name))
        MUTATIONS[also]?.(target, name, pick)
      return {
        label: `${mutation}${also ? `+${also}` : ''} at ${JSON.stringify(paths[node])}/${name}`,
        doc: copy,
      }
    })
  const whole = fc.constantFrom('expanded', 'flattened', 'graph').map((form) => ({
    label: form,
    doc: doc as Json,
    form,
    [fc.toStringMethod]: () => form,
  }))
  return fc.oneof({ arbitrary: local, weight: 9 }, { arbitrary: whole, weight: 1 })
}

async function wholeForm(doc: Json, form: string): Promise<Json> {
  const { proof, ...unsigned } = doc
  const context = doc['@context']
  const loader = (await import('../../../src/context/loader.js')).createDocumentLoader()
  const options = { documentLoader: loader, safe: true } as never
  if (form === 'expanded') {
    const expanded = (await jsonld.expand(unsigned as never, options)) as unknown as Json[]
    return { '@context': context, ...(expanded[0] as Json), proof }
  }
  if (form === 'flattened') {
    const flat = (await jsonld.flatten(
      unsigned as never,
      context as never,
      options,
    )) as unknown as Json
    return { ...flat, proof }
  }
  const { '@context': _c, ...rest } = doc
  return { '@context': context, '@graph': [rest] }
}

async function verifyRespelled(r: { doc: Json; form?: string }, now: Date) {
  const doc = r.form ? await wholeForm(r.doc, r.form) : r.doc
  return verifyPassport(JSON.parse(JSON.stringify(doc)), { didDocuments, now })
}

const ess = validExample('ess-cabinet-215kwh').doc as Json
const key = exampleKey(issuerOf(ess))
const RUNS = fuzzRuns(60)

describe('JSON-LD re-spellings of signed passports', () => {
  let valid: Json
  let expired: Json
  let nonConforming: Json
  let baseline: string[]
  beforeAll(async () => {
    valid = await issuePassport(ess, { key, created: CREATED })
    expired = await issuePassport(
      { ...ess, validUntil: '2027-01-01T00:00:00Z' },
      { key, created: CREATED },
    )
    // Signed as a plain credential: the passport rules would refuse to sign it.
    const broken = readJsonFile(
      'examples/invalid/BATTERY_STAGES_SUM_MISMATCH/distribution-stage-changed.json',
    ) as Json
    nonConforming = await issueCredential(broken, {
      key: exampleKey(issuerOf(broken)),
      created: CREATED,
    })
    baseline = statuses(await verifyPassport(valid, { didDocuments, now: NOW }))
  })

  test('the passports as signed: verified; EXPIRED; a conformance error', async () => {
    expect((await verifyPassport(valid, { didDocuments, now: NOW })).verified).toBe(true)
    expect(
      (await verifyPassport(expired, { didDocuments, now: LATER })).errors.map((e) => e.code),
    ).toEqual(['EXPIRED'])
    const broken = await verifyPassport(nonConforming, { didDocuments, now: NOW })
    expect(broken.checks.find((c) => c.id === 'conformance')?.status).toBe('fail')
  })

  test('a re-spelling is refused, or every check decides as before', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryRespelling(valid), async (r) => {
        const result = await verifyRespelled(r, NOW)
        if (result.verified) expect(statuses(result), r.label).toEqual(baseline)
      }),
      { numRuns: RUNS },
    )
  })

  test('an expired passport never verifies, and its validity check fails whenever the signed view is read', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryRespelling(expired), async (r) => {
        const result = await verifyRespelled(r, LATER)
        expect(result.verified, r.label).toBe(false)
        // Once the signed data is what was read (the syntax, context and proof checks pass), the
        // expiry is seen. (A re-spelling that changes the RDF fails the proof instead.)
        if (signedViewRead(result)) {
          expect(result.checks.find((c) => c.id === 'validity')?.status, r.label).toBe('fail')
        }
      }),
      { numRuns: RUNS },
    )
  })

  test('a passport breaking a rule never verifies, and fails conformance whenever the signed view is read', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryRespelling(nonConforming), async (r) => {
        const result = await verifyRespelled(r, NOW)
        expect(result.verified, r.label).toBe(false)
        if (signedViewRead(result)) {
          // The report fails; the schema check carries its schema layer (a subject re-spelled as a
          // list is a TYPE_MISMATCH there, and the rules do not run), the conformance check the rest.
          expect(result.conformance?.conforms, r.label).toBe(false)
          const failed = (id: string) => result.checks.find((c) => c.id === id)?.status === 'fail'
          expect(failed('schema') || failed('conformance'), r.label).toBe(true)
        }
      }),
      { numRuns: RUNS },
    )
  })
})
