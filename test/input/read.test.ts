/**
 * readInput's single walk (inspectValue) must answer exactly as the two walks it replaces: the
 * depth of valueDepth, and whether the context check's own walk finds nested `@context` keys.
 */
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createDocumentLoader } from '../../src/context/loader.js'
import { contextFindings } from '../../src/credential/checks/context.js'
import { inspectValue, readInput, valueDepth } from '../../src/input/read.js'

const loader = createDocumentLoader()
const V2 = 'https://www.w3.org/ns/credentials/v2'

// JSON values where '@context' keys turn up often, at any depth, also inside the top-level context.
const key = fc.constantFrom('@context', 'a', 'b', 'id', 'type', '@context')
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(key, tie('node'), { maxKeys: 3 }),
  ),
})).node
const credential = fc
  .tuple(fc.dictionary(key, value, { maxKeys: 4 }), fc.option(value))
  .map(([rest, context]) => (context === null ? rest : { ...rest, '@context': [V2, context] }))

const inlinePaths = (findings: { code: string; path: string }[]) =>
  findings.filter((f) => f.code === 'CONTEXT_INLINE').map((f) => f.path)

describe('inspectValue', () => {
  test('depth equals valueDepth and nestedContext equals the context walk, on random JSON', async () => {
    await fc.assert(
      fc.asyncProperty(credential, fc.integer({ min: 1, max: 8 }), async (doc, limit) => {
        const shape = inspectValue(doc, limit)
        expect(shape.depth).toBe(valueDepth(doc, limit))
        // Told the text it was parsed from, the walk that looks at no string answers the same (the
        // key count is partial, walk by walk, once past the cap).
        const text = JSON.stringify(doc)
        const fromText = inspectValue(JSON.parse(text), limit, text)
        if (shape.depth > limit) expect(fromText.depth).toBe(shape.depth)
        else expect(fromText).toStrictEqual(shape)
        if (shape.depth > limit) return // readInput refuses it; the context check never runs
        const full = await contextFindings(doc, { documentLoader: loader })
        const told = await contextFindings(doc, {
          documentLoader: loader,
          nestedContext: shape.nestedContext,
        })
        expect(told).toStrictEqual(full)
        // The flag is exact, not merely safe: set only when the context walk finds something.
        const topLevel = (p: string) => p === '/@context' || p.startsWith('/@context/')
        expect(shape.nestedContext).toBe(inlinePaths(full).some((p) => !topLevel(p)))
      }),
      { numRuns: 2000 },
    )
  })

  test('readInput reports the flag for the unwrapped credential (object, JSON text, JWS)', () => {
    const doc = { '@context': [V2, { x: { '@context': {} } }], a: [{ b: { '@context': V2 } }] }
    const plain = { '@context': [V2, { x: { '@context': {} } }], a: [{ b: 1 }] }
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
    const limits = { maxBytes: 1 << 20, maxDepth: 64 }
    for (const [input, nested] of [
      [doc, true],
      [plain, false],
      [JSON.stringify(doc), true],
      [JSON.stringify(plain), false],
      [{ verifiableCredential: doc }, true],
      [{ verifiableCredential: plain }, false],
      [`${b64({ alg: 'EdDSA' })}.${b64(doc)}.c2ln`, true],
      [`${b64({ alg: 'EdDSA' })}.${b64(plain)}.c2ln`, false],
    ] as const) {
      const read = readInput(input, limits)
      expect(read.ok && read.nestedContext).toBe(nested)
    }
  })
})
