/** Writes contexts/v1.jsonld, contexts/vocab.jsonld and docs/vocabulary.md from the vocabulary source. */
import { writeFileSync } from 'node:fs'
import { renderContext, renderVocabulary, renderVocabularyMarkdown } from './vocabulary.js'

const root = new URL('../', import.meta.url)
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`
writeFileSync(new URL('contexts/v1.jsonld', root), json(renderContext()))
writeFileSync(new URL('contexts/vocab.jsonld', root), json(renderVocabulary()))
writeFileSync(new URL('docs/vocabulary.md', root), renderVocabularyMarkdown())
console.log('wrote contexts/v1.jsonld, contexts/vocab.jsonld, docs/vocabulary.md')
