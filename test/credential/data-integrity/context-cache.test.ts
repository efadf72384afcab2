/**
 * The private context cache: processed contexts are frozen and their clones behave as independent
 * snapshots (what jsonld.js's deep copy guarantees), checked on the objects jsonld.js would store.
 */
import { describe, expect, test } from 'vitest'
import { createContextCache } from '../../../src/credential/data-integrity/context-cache.js'

type Ctx = {
  mappings: Map<string, unknown>
  protected: Record<string, boolean>
  clone: () => Ctx
  previousContext?: Ctx
  [k: string]: unknown
}

/** Stores a processed context through the cache the way jsonld.js's ContextResolver does. */
function processed(entries: [string, unknown][]): Ctx {
  const cache = createContextCache()
  const stored: { context?: Ctx } = {}
  const resolved = {
    setProcessed(_active: unknown, p: { context: Ctx }) {
      stored.context = p.context
    },
  }
  cache.set('https://example.org/ctx', new Map())
  ;(cache.get('https://example.org/ctx') as Map<string, unknown>).set('static', [resolved])
  const context: Ctx = {
    mappings: new Map(entries),
    protected: { a: true },
    clone: () => {
      throw new Error('the original clone must be replaced')
    },
    '@vocab': 'urn:vocab:',
  }
  resolved.setProcessed({}, { context })
  return stored.context as Ctx
}

describe('createContextCache', () => {
  test('a cached context is frozen: changing it throws (fails closed)', () => {
    const root = processed([['a', { '@id': 'urn:a' }]])
    expect(() => root.mappings.set('b', {})).toThrow(TypeError)
    expect(() => root.mappings.delete('a')).toThrow(TypeError)
    expect(() => {
      ;(root.mappings.get('a') as Record<string, unknown>)['@id'] = 'urn:changed'
    }).toThrow(TypeError)
    expect(() => {
      root.protected.b = true
    }).toThrow(TypeError)
  })

  test('clones see the parent’s definitions and keep their own changes to themselves', () => {
    const root = processed([['a', { '@id': 'urn:a' }]])
    const child = root.clone()
    expect(child.mappings.get('a')).toEqual({ '@id': 'urn:a' })
    expect(child['@vocab']).toBe('urn:vocab:')
    child.mappings.set('b', { '@id': 'urn:b' })
    child.mappings.delete('a')
    child.protected.b = true
    expect([...child.mappings.keys()]).toEqual(['b'])
    expect([...root.mappings.keys()]).toEqual(['a'])
    expect(root.protected).toEqual({ a: true })
  })

  test('a clone is a snapshot: later changes to its parent do not reach it', () => {
    const parent = processed([['a', 1]]).clone()
    parent.mappings.set('b', 2)
    const snapshot = parent.clone()
    parent.mappings.set('c', 3)
    parent.mappings.delete('a')
    expect([...snapshot.mappings.entries()]).toEqual([
      ['a', 1],
      ['b', 2],
    ])
    expect(snapshot.mappings.size).toBe(2)
    expect(snapshot.mappings.has('c')).toBe(false)
    const seen: string[] = []
    snapshot.mappings.forEach((_v, k) => {
      seen.push(k)
    })
    expect(seen).toEqual(['a', 'b'])
  })

  test('previous contexts are cloned along', () => {
    const root = processed([['a', 1]])
    const child = root.clone()
    child.previousContext = root
    const grandchild = child.clone()
    expect(grandchild.previousContext).not.toBe(root)
    expect(grandchild.previousContext?.mappings.get('a')).toBe(1)
  })
})
