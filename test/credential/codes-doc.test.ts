import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderVerificationDoc } from '../../scripts/verification-doc.js'
import { VERIFICATION_CODES, VERIFICATION_RULES } from '../../src/findings/verification-codes.js'

describe('docs/verification.md', () => {
  it('is what the verification codes generate', () => {
    const committed = readFileSync(new URL('../../docs/verification.md', import.meta.url), 'utf8')
    expect(committed).toBe(renderVerificationDoc())
  })

  it('documents every code once, in upper snake case, with a source only for known codes', () => {
    for (const code of Object.keys(VERIFICATION_CODES)) expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/)
    for (const code of Object.keys(VERIFICATION_RULES))
      expect(VERIFICATION_CODES).toHaveProperty(code)
  })
})
