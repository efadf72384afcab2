/** The passport's `@context` is written once: the schema's `const` and the runtime list agree. */
import { describe, expect, test } from 'vitest'
import { isPassportContext, PASSPORT_CONTEXTS } from '../../src/passport/contexts.js'
import { PASSPORT_SCHEMA_ID, schemaDocuments } from '../../src/schema/registry.js'

describe('PASSPORT_CONTEXTS', () => {
  test('is the const of the passport schema’s @context', () => {
    const schema = schemaDocuments.get(PASSPORT_SCHEMA_ID) as {
      properties: { '@context': { const: unknown } }
    }
    expect(schema.properties['@context'].const).toEqual(PASSPORT_CONTEXTS)
  })

  test('isPassportContext accepts exactly that list', () => {
    expect(isPassportContext([...PASSPORT_CONTEXTS])).toBe(true)
    expect(isPassportContext([...PASSPORT_CONTEXTS].reverse())).toBe(false)
    expect(isPassportContext([PASSPORT_CONTEXTS[0]])).toBe(false)
    expect(isPassportContext([...PASSPORT_CONTEXTS, 'https://example.org/x'])).toBe(false)
    expect(isPassportContext(PASSPORT_CONTEXTS.join(' '))).toBe(false)
  })
})
