/** Writes docs/rules.md from the rule catalogue (part of `npm run generate`). */
import { writeFileSync } from 'node:fs'
import { renderRulesDoc } from './rules-doc.js'

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc())
console.log('wrote docs/rules.md')
