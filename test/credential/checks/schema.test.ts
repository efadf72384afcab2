/**
 * The `schema` check of a generic credential reads `credentialSchema` as its RDF does: a `type`
 * written as the string or as a one-element list names the same JsonSchema, so the schema is
 * checked either way. (The signed-mutation fuzzer found that the list spelling, which leaves the
 * signed RDF unchanged, made the check skip the schema: the credential verified unchecked.)
 */
import { describe, expect, it } from 'vitest'
import { verifyCredential } from '../../../src/credential/verify.js'
import { exampleDidDocuments, signedExample } from '../../helpers/examples.js'

const now = new Date('2026-12-01T00:00:00Z')
const schemaCheck = async (credential: unknown) => {
  const result = await verifyCredential(credential, { didDocuments: exampleDidDocuments(), now })
  return result.checks.find((c) => c.id === 'schema')
}

describe('credentialSchema type spellings', () => {
  it('["JsonSchema"] names the schema too: it is checked, never skipped', async () => {
    const signed = structuredClone(signedExample('biometric-access-reader').di)
    expect((await schemaCheck(signed))?.status).toBe('pass')
    ;(signed.credentialSchema as { type: unknown }).type = ['JsonSchema']
    const respelled = await schemaCheck(signed)
    // The passport schema wants the string, so the list is refused by the check it named.
    expect(respelled?.status).toBe('fail')
    expect(respelled?.findings.map((f) => `${f.code} ${f.path}`)).toEqual([
      'TYPE_MISMATCH /credentialSchema/type',
    ])
  })
})
