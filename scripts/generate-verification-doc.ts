/** Writes docs/verification.md (part of `npm run generate`). */
import { writeFileSync } from 'node:fs'
import { renderVerificationDoc } from './verification-doc.js'

writeFileSync(new URL('../docs/verification.md', import.meta.url), renderVerificationDoc())
console.log('wrote docs/verification.md')
