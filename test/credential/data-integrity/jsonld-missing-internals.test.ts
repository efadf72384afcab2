/**
 * A jsonld.js whose private context processing is not what carbon-passport needs, simulated here
 * by a lib/context.js without `process` as carbon-passport imports it (jsonld.js's public API, which
 * the stock cryptosuites use, is untouched): importing carbon-passport still works, signatures
 * still verify through the stock path, and the compact-form check (a security check) fails closed
 * with INTERNAL_ERROR naming the jsonld version, so nothing verifies or is issued unchecked.
 */
import { describe, expect, test, vi } from 'vitest'
import { readCompactForm } from '../../../src/credential/checks/form.js'
import {
  FAST_PATHS_ENV,
  fastPathsStatus,
} from '../../../src/credential/data-integrity/fast-paths.js'
import { issueCredential } from '../../../src/credential/issue.js'
import { verifyCredential } from '../../../src/credential/verify.js'
import { isCarbonPassportError } from '../../../src/errors.js'
import {
  exampleDidDocuments,
  exampleKey,
  signedExamples,
  validExamples,
} from '../../helpers/examples.js'
import { issuerOf, NOW } from '../fixtures.js'

vi.mock('jsonld/lib/context.js', async (importOriginal) => {
  const { default: context } = await importOriginal<{ default: Record<string, unknown> }>()
  const { process: _missing, ...rest } = context
  return { default: rest }
})

const MISSING = /jsonld 9\.0\.0 lacks lib\/context\.js process\(\)/
const passport = validExamples()[0]?.doc as Record<string, unknown>
const signed = signedExamples()[0]?.di as Record<string, unknown>

describe('a jsonld.js without the context processing carbon-passport needs', () => {
  test('importing carbon-passport works', async () => {
    const library = await import('../../../src/index.js')
    expect(typeof library.verifyPassport).toBe('function')
  })

  test('the compact-form check fails closed with INTERNAL_ERROR, naming the jsonld version', async () => {
    const { createDocumentLoader } = await import('../../../src/context/loader.js')
    const { findings } = await readCompactForm(passport, {
      documentLoader: createDocumentLoader(),
    })
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({ code: 'INTERNAL_ERROR', path: '', severity: 'error' })
    expect(findings[0]?.message).toMatch(MISSING)
  })

  test('a signed passport does not verify, though its proof does (stock path)', async () => {
    const result = await verifyCredential(signed, { didDocuments: exampleDidDocuments(), now: NOW })
    expect(result.verified).toBe(false)
    expect(result.errors.map((e) => e.code)).toEqual(['INTERNAL_ERROR'])
    expect(result.checks.find((c) => c.id === 'proof')?.status).toBe('pass')
  })

  test('issuing refuses', async () => {
    const error = await issueCredential(passport, { key: exampleKey(issuerOf(passport)) }).catch(
      (e: unknown) => e,
    )
    expect(isCarbonPassportError(error, 'ERR_CREDENTIAL_MALFORMED')).toBe(true)
    expect(String((error as Error).message)).toMatch(/INTERNAL_ERROR/)
  })

  test('the fast-path plug-in is never loaded', () => {
    const off = process.env[FAST_PATHS_ENV] === 'off'
    expect(fastPathsStatus()).toMatchObject({
      state: off ? 'switched-off' : 'unavailable',
      pluginImported: false,
    })
    if (!off) expect(fastPathsStatus().detail).toMatch(MISSING)
  })
})
