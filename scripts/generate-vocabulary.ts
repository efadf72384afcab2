/**
 * `npm run generate`: writes every generated file from its source: contexts/v1.jsonld,
 * contexts/vocab.jsonld and docs/vocabulary.md from scripts/vocabulary-table.ts, and the typed examples
 * used by the type-agreement test from examples/valid/.
 */
import { writeFileSync } from 'node:fs'
import { renderExampleTypes } from './example-types.js'
import { renderContext, renderVocabulary, renderVocabularyMarkdown } from './vocabulary.js'

const root = new URL('../', import.meta.url)
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`
writeFileSync(new URL('contexts/v1.jsonld', root), json(renderContext()))
writeFileSync(new URL('contexts/vocab.jsonld', root), json(renderVocabulary()))
writeFileSync(new URL('docs/vocabulary.md', root), renderVocabularyMarkdown())
writeFileSync(new URL('test/model/examples.generated.ts', root), renderExampleTypes())
console.log(
  'wrote contexts/v1.jsonld, contexts/vocab.jsonld, docs/vocabulary.md, test/model/examples.generated.ts',
)
