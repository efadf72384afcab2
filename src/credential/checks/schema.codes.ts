import { defineCodes } from '../../findings/define.js'

/** The code of the `schema` check of its own (./schema.ts); the schema findings are layer 1's (src/conformance/rules/schema.ts). */
export const schemaCheckCodes = defineCodes({
  SCHEMA_NOT_AVAILABLE: {
    severity: 'info',
    checks: ['schema'],
    title: 'The credential names no schema this library bundles; schema validation was skipped.',
    source: 'carbon-passport',
  },
})
