/**
 * src/model/types.ts, read with the TypeScript compiler API: every exported declaration and field
 * has a doc comment, and no enumeration is spelled by hand (they derive from src/model/enums.ts).
 * The fixture proves each check finds what it should, so an empty result means something.
 */
import { describe, expect, it } from 'vitest'
import { parseSourceFiles } from '../helpers/syntax-tree.js'
import { handWrittenEnumerations, undocumented } from './source-checks.js'

const [types, fixture] = parseSourceFiles([
  'src/model/types.ts',
  'test/model/fixtures/undocumented-types.ts',
])
if (!types || !fixture) throw new Error('the compiler API returned no syntax tree')

describe('doc comments', () => {
  it('the check reports undocumented exported declarations and fields, nested ones too', () => {
    expect(undocumented(fixture)).toEqual([
      'Documented.b',
      'Documented.nested.y',
      'Undocumented',
      'Colour',
    ])
  })

  it('every exported interface, type alias and field of src/model/types.ts has one', () => {
    expect(undocumented(types)).toEqual([])
  })
})

describe('enumerations', () => {
  it('the check reports unions of literal types', () => {
    expect(handWrittenEnumerations(fixture)).toEqual(["Colour: 'red' | 'green'", 'Size: 1 | 2 | 3'])
  })

  it('src/model/types.ts spells none by hand', () => {
    expect(handWrittenEnumerations(types)).toEqual([])
  })
})
