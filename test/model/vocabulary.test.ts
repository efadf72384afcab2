import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderExampleTypes } from '../../scripts/example-types.js'
import {
  definedTerms,
  renderContext,
  renderVocabulary,
  renderVocabularyMarkdown,
} from '../../scripts/vocabulary.js'
import { properties } from '../../scripts/vocabulary-table.js'
import { schemaDocuments } from '../../src/schema/registry.js'

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

describe('generated vocabulary files', () => {
  it('contexts/v1.jsonld is what the vocabulary source generates', () => {
    expect(read('contexts/v1.jsonld')).toBe(json(renderContext()))
  })
  it('contexts/vocab.jsonld is what the vocabulary source generates', () => {
    expect(read('contexts/vocab.jsonld')).toBe(json(renderVocabulary()))
  })
  it('docs/vocabulary.md is what the vocabulary source generates', () => {
    expect(read('docs/vocabulary.md')).toBe(renderVocabularyMarkdown())
  })
  it('the typed examples are generated from examples/valid', () => {
    expect(read('test/model/examples.generated.ts')).toBe(renderExampleTypes())
  })
})

describe('vocabulary and schemas agree', () => {
  // Terms that come from the VC 2.0 context, which ours builds on.
  const vcTerms = new Set([
    '@context',
    'id',
    'type',
    'name',
    'description',
    'digestMultibase',
    'issuer',
    'validFrom',
    'validUntil',
    'credentialSchema',
    'credentialStatus',
    'credentialSubject',
    'proof',
  ])
  // The registered JWT claims a vc+jwt payload may carry (RFC 7519 §4.1): JOSE's, not JSON-LD terms.
  const jwtClaims = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'])
  const schemaPropertyNames = new Set<string>()
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk)
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>
      if (record.properties && typeof record.properties === 'object') {
        for (const key of Object.keys(record.properties)) schemaPropertyNames.add(key)
      }
      Object.values(record).forEach(walk)
    }
  }
  // The passport's schemas; the emission-factor set is input data for generation, never a
  // credential, so its own members (name, license, factors) are not terms.
  for (const [id, schema] of schemaDocuments) {
    if (!id.endsWith('/emission-factor-set.schema.json')) walk(schema)
  }

  it('every property a schema allows is a defined JSON-LD term', () => {
    const terms = new Set(definedTerms())
    const undefinedInContext = [...schemaPropertyNames].filter(
      (p) => !terms.has(p) && !vcTerms.has(p) && !jwtClaims.has(p),
    )
    expect(undefinedInContext).toEqual([])
  })

  it('every property term of the vocabulary is used by a schema', () => {
    // A property-scoped term (batteryLevel) is used under its key (`level` inside battery).
    const scopedUse = new Map(
      properties.flatMap((p) =>
        Object.entries(p.scoped ?? {}).map(([key, target]) => [target, key]),
      ),
    )
    const used = (t: string) =>
      schemaPropertyNames.has(t) || schemaPropertyNames.has(scopedUse.get(t) ?? '')
    const unused = properties.map((p) => p.term).filter((t) => !used(t))
    expect(unused).toEqual([])
  })

  it('the context defines no term twice and never uses @list', () => {
    expect(new Set(definedTerms()).size).toBe(definedTerms().length)
    expect(JSON.stringify(renderContext())).not.toContain('@list')
  })
})
