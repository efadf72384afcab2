/** Writes docs/rules.md and docs/verification.md from the catalogue (part of `npm run generate`). */
import { writeFileSync } from 'node:fs'
import { renderRulesDoc, renderVerificationDoc } from './codes-doc.js'

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc())
writeFileSync(new URL('../docs/verification.md', import.meta.url), renderVerificationDoc())
console.log('wrote docs/rules.md, docs/verification.md')
