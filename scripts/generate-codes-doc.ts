/** Writes docs/rules.md, docs/verification.md and docs/generation.md from the catalogue (part of `npm run generate`). */
import { writeFileSync } from 'node:fs'
import {
  renderConversionDoc,
  renderGenerationDoc,
  renderRulesDoc,
  renderVerificationDoc,
} from './codes-doc.js'

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc())
writeFileSync(new URL('../docs/verification.md', import.meta.url), renderVerificationDoc())
writeFileSync(new URL('../docs/generation.md', import.meta.url), renderGenerationDoc())
writeFileSync(new URL('../docs/conversion.md', import.meta.url), renderConversionDoc())
console.log('wrote docs/rules.md, docs/verification.md, docs/generation.md, docs/conversion.md')
