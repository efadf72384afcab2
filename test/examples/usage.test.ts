/**
 * The usage examples run as tests, against the built package (`import … from 'carbon-passport'`
 * resolves to dist/, which `npm test` builds first), exactly as a user's code would.
 */
import { describe, expect, it } from 'vitest'
import { runDemo } from '../../examples/usage/demo.js'

describe('examples/usage/demo.ts (npm run demo)', () => {
  it('creates, checks, signs, verifies and catches tampering', async () => {
    const lines: string[] = []
    const outcome = await runDemo((line) => lines.push(line))
    expect(outcome.conforms).toBe(true)
    expect(outcome.dataIntegrity.verified).toBe(true)
    expect(outcome.dataIntegrity.format).toBe('data-integrity')
    expect(outcome.jose.verified).toBe(true)
    expect(outcome.jose.format).toBe('vc-jose')
    expect(outcome.tampered.verified).toBe(false)
    const proof = outcome.tampered.checks.find((c) => c.id === 'proof')
    expect(proof?.status).toBe('fail')
    expect(proof?.findings.map((f) => f.code)).toContain('PROOF_INVALID')
    expect(lines.join('\n')).toContain('NOT VERIFIED')
  })
})
