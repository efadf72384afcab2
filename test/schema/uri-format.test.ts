/**
 * The `uri` format's shortcut for plain IRIs (src/schema/uri-format.ts) gives ajv-formats' own
 * verdicts: on strings built to look like URIs (plain ones, and ones with queries, ports,
 * %-escapes, IP literals), on any string, and on every IRI of the examples.
 */
import { createRequire } from 'node:module'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isPlainUri, withPlainUriShortcut } from '../../src/schema/uri-format.js'
import { invalidExamples, validExamples } from '../helpers/examples.js'

const { fullFormats } = createRequire(import.meta.url)('ajv-formats/dist/formats.js') as {
  fullFormats: { uri: (value: string) => boolean }
}
const full = fullFormats.uri
const uri = withPlainUriShortcut(full)
const runs = Number(process.env.FUZZ_RUNS ?? 2000)

const chars = (alphabet: string, min = 0, max = 12) =>
  fc
    .array(fc.constantFrom(...alphabet.split('')), { minLength: min, maxLength: max })
    .map((a) => a.join(''))
const ALPHA = 'abcxyzABCXYZ'
const UNRESERVED = `${ALPHA}0189-._~`
const OTHERS = "!$&'()*+,;=:@/?#%[]Eé \t"
const uriLike = fc
  .tuple(
    chars(ALPHA, 1, 3),
    chars(`${ALPHA}09+-.`, 0, 4),
    fc.constantFrom(':', '://', ':/', '', '//'),
    fc.array(chars(UNRESERVED + OTHERS, 0, 8), { maxLength: 4 }),
  )
  .map(([head, tail, sep, parts]) => `${head}${tail}${sep}${parts.join('/')}`)

/** Strings mostly of the shortcut's own alphabet: most of them plain URIs. */
const plainLike = fc
  .tuple(
    chars(ALPHA, 1, 3),
    chars(`${ALPHA}09+-.`, 0, 4),
    fc.constantFrom(':', '://'),
    fc.array(chars(`${UNRESERVED}:@`, 0, 8), { maxLength: 4 }),
  )
  .map(([head, tail, sep, parts]) => `${head}${tail}${sep}${parts.join('/')}`)

describe('the uri format shortcut', () => {
  it('takes only URIs that ajv-formats takes', () => {
    const sample = fc.sample(plainLike, { numRuns: runs * 5, seed: 2 })
    expect(sample.filter(isPlainUri).length).toBeGreaterThan(sample.length / 2)
    expect(sample.filter((value) => isPlainUri(value) && !full(value))).toEqual([])
  })

  it('gives the verdicts of ajv-formats on URI-like strings, many of them plain', () => {
    fc.assert(
      fc.property(uriLike, (value) => uri(value) === full(value)),
      { numRuns: runs * 5 },
    )
    const sample = fc.sample(uriLike, { numRuns: 2000, seed: 1 })
    const plain = sample.filter(isPlainUri)
    expect(plain.length).toBeGreaterThan(50)
    expect(plain.filter((value) => !full(value))).toEqual([])
  })

  it('gives the verdicts of ajv-formats on any string', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        (value) => uri(value) === full(value),
      ),
      { numRuns: runs },
    )
  })

  it('gives the verdicts of ajv-formats on these, and on every string of the examples', () => {
    const strings = new Set([
      'https://w3id.org/carbon-passport/v1',
      'did:web:passports.example',
      'urn:uuid:6456204a-5488-4d91-98e7-d717b1a9252d',
      'https://id.gs1.org/01/09506000134352?linkType=all#x',
      'http://[::1]:8080/a',
      'a://',
      'a:',
      'a',
      '//host',
      'https://host/%20',
      'https://ex ample',
      'HTTPS://HOST/A',
      '1a:b',
    ])
    const collect = (value: unknown): void => {
      if (typeof value === 'string') strings.add(value)
      else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect)
    }
    for (const { doc } of [...validExamples(), ...invalidExamples()]) collect(doc)
    expect(strings.size).toBeGreaterThan(500)
    const differ = [...strings].filter((value) => uri(value) !== full(value))
    expect(differ).toEqual([])
  })
})
