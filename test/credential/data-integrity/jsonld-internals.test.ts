/**
 * The guard on jsonld.js's private functions (jsonld-internals.ts): the installed jsonld has them;
 * a jsonld lacking any of them is refused with JsonldInternalsUnavailable naming its version and
 * what is missing, never by a crash where the function is first called.
 */
import { describe, expect, test } from 'vitest'
import {
  JsonldInternalsUnavailable,
  jsonldInternalsFrom,
  loadJsonldInternals,
} from '../../../src/credential/data-integrity/jsonld-internals.js'

/** Module objects with every function the guard asks for (the shapes of jsonld.js 9). */
const complete = () => ({
  context: { default: { getInitialContext() {}, process() {}, expandIri() {} } },
  url: { default: { isAbsolute() {} } },
  types: { default: { isDouble() {} } },
  contextResolver: { default: class {} },
})

describe('loadJsonldInternals', () => {
  test('loads the installed jsonld.js, once', async () => {
    const internals = await loadJsonldInternals()
    expect(internals.version).toBe('9.0.0')
    expect(internals.isAbsolute('https://example.org/x')).toBe(true)
    expect(internals.isAbsolute('relative')).toBe(false)
    expect(internals.isDouble(1.5)).toBe(true)
    expect(internals.isDouble(2)).toBe(false)
    expect(await loadJsonldInternals()).toBe(internals)
  })
})

describe('jsonldInternalsFrom', () => {
  test('accepts modules with every function', () => {
    expect(jsonldInternalsFrom(complete(), '9.9.9').version).toBe('9.9.9')
  })

  test.each([
    ['context', 'process', /jsonld 9\.9\.9 lacks lib\/context\.js process\(\)/],
    ['context', 'expandIri', /lacks lib\/context\.js expandIri\(\)/],
    ['url', 'isAbsolute', /lacks lib\/url\.js isAbsolute\(\)/],
    ['types', 'isDouble', /lacks lib\/types\.js isDouble\(\)/],
  ] as const)('refuses a jsonld whose %s module has no %s', (module, name, message) => {
    const modules = complete()
    delete (modules[module].default as Record<string, unknown>)[name]
    expect(() => jsonldInternalsFrom(modules, '9.9.9')).toThrow(JsonldInternalsUnavailable)
    expect(() => jsonldInternalsFrom(modules, '9.9.9')).toThrow(message)
  })

  test('refuses a jsonld without the ContextResolver class, or with modules that are not objects', () => {
    expect(() =>
      jsonldInternalsFrom({ ...complete(), contextResolver: { default: {} } }, '9.9.9'),
    ).toThrow(/lacks the lib\/ContextResolver\.js class/)
    expect(() => jsonldInternalsFrom({ ...complete(), context: null }, '9.9.9')).toThrow(
      JsonldInternalsUnavailable,
    )
  })
})
