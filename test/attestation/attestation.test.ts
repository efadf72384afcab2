/**
 * Verifier attestations: attestPassport issues a CarbonPassportAttestation of a passport's digest
 * and figures, and verifyPassport's `third-party-verification` check passes only when a trusted
 * verifier's attestation covers this exact passport. The committed example: the ESS cabinet and its
 * attestation by the example verification body (scripts/attest-examples.ts).
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { type AttestOptions, attestPassport } from '../../src/attestation/attest.js'
import { MAX_ATTESTATIONS } from '../../src/attestation/verify.js'
import { issueCredential } from '../../src/credential/issue.js'
import { createStatusEntry, createStatusList, setStatus } from '../../src/credential/status.js'
import { isCarbonPassportError } from '../../src/errors.js'
import { generateKeyPair } from '../../src/keys/generate.js'
import { issuePassport } from '../../src/passport/issue.js'
import { verifyPassport } from '../../src/passport/verify.js'
import type { Finding, VerificationResult } from '../../src/results.js'
import { computePassportDigest } from '../../src/supply-chain/digest.js'
import { clone, exampleDidDocuments, exampleKey } from '../helpers/examples.js'
import { readJsonFile, readTextFile } from '../helpers/files.js'

type Json = Record<string, unknown>
// biome-ignore lint/suspicious/noExplicitAny: edits of example JSON
type Loose = Record<string, any>

const VERIFIER = 'did:web:verify.nordic-climate.example'
const ISSUER = 'did:web:passports.nordgrid-storage.example'
const NOW = new Date('2026-06-01T00:00:00Z')
const SIGNED = new Date('2026-05-01T00:00:00Z')
const cabinet = readJsonFile('examples/signed/ess-cabinet-215kwh.json') as Json
const cabinetJwt = readTextFile('examples/signed/ess-cabinet-215kwh.jwt').trim()
const attestation = readJsonFile(
  'examples/attestations/ess-cabinet-215kwh.attestation.json',
) as Json
const verifierKey = exampleKey(VERIFIER)
const issuerKey = exampleKey(ISSUER)
const didDocuments = exampleDidDocuments()
const options = { didDocuments, now: NOW }

const base: Omit<AttestOptions, 'key'> = {
  standard: 'ISO 14064-3:2019',
  level: 'limited',
  opinion: 'unmodified',
  scope: 'The cradle-to-gate PCF and the battery declarations',
  created: SIGNED,
}
const attest = (passport: unknown, extra: Partial<AttestOptions> = {}) =>
  attestPassport(passport, { ...base, key: verifierKey, ...extra })

const thirdParty = (r: VerificationResult) =>
  r.checks.find((c) => c.id === 'third-party-verification')
const codes = (findings: readonly Finding[] | undefined) => (findings ?? []).map((f) => f.code)
const errorCodes = (r: VerificationResult) => codes(thirdParty(r)?.findings).filter(Boolean)
const severities = (r: VerificationResult) =>
  (thirdParty(r)?.findings ?? []).map((f) => `${f.code}:${f.severity}`)

describe('the example: the ESS cabinet attested by Nordic Climate Verification', () => {
  test('trusted: the cabinet verifies with third-party-verification passing', async () => {
    const r = await verifyPassport(cabinet, {
      ...options,
      attestations: [attestation],
      trustedVerifiers: [VERIFIER],
    })
    expect(r.errors).toEqual([])
    expect(r.verified).toBe(true)
    expect(r.checks.at(-1)).toEqual({
      id: 'third-party-verification',
      status: 'pass',
      findings: [],
    })
  })

  test('the attestation names the cabinet’s id and its digest (computePassportDigest)', () => {
    const subject = attestation.credentialSubject as Loose
    expect(subject.id).toBe(cabinet.id)
    expect(subject.digestMultibase).toBe(computePassportDigest(cabinet))
  })

  test('untrusted: VERIFIER_NOT_TRUSTED, not verified', async () => {
    const r = await verifyPassport(cabinet, {
      ...options,
      attestations: [attestation],
      trustedVerifiers: ['did:web:verify.someone-else.example'],
    })
    expect(r.verified).toBe(false)
    expect(thirdParty(r)?.status).toBe('fail')
    expect(errorCodes(r)).toEqual(['VERIFIER_NOT_TRUSTED'])
  })

  test('a tampered cabinet: ATTESTATION_DIGEST_MISMATCH (and the figure that changed)', async () => {
    const tampered = clone(cabinet) as Loose
    tampered.credentialSubject.footprint.pcfExcludingBiogenicUptake = '15000'
    const r = await verifyPassport(tampered, {
      ...options,
      attestations: [attestation],
      trustedVerifiers: [VERIFIER],
    })
    expect(r.verified).toBe(false)
    expect(errorCodes(r)).toEqual(['ATTESTATION_DIGEST_MISMATCH', 'ATTESTATION_FIGURES_DIFFER'])
    const differ = thirdParty(r)?.findings.find((f) => f.code === 'ATTESTATION_FIGURES_DIFFER')
    expect(differ).toMatchObject({
      path: '/credentialSubject/footprint/pcfExcludingBiogenicUptake',
      expected: '15000',
      actual: '19662.8707',
    })
  })

  test('a changed copy re-signed by its issuer: the proof passes, the digest does not', async () => {
    const { proof: _proof, ...unsigned } = clone(cabinet) as Loose
    unsigned.credentialSubject.product.name = 'NG-215L (renamed)'
    const resigned = await issuePassport(unsigned, { key: issuerKey, created: SIGNED })
    const r = await verifyPassport(resigned, {
      ...options,
      attestations: [attestation],
      trustedVerifiers: [VERIFIER],
    })
    expect(r.checks.find((c) => c.id === 'proof')?.status).toBe('pass')
    expect(errorCodes(r)).toEqual(['ATTESTATION_DIGEST_MISMATCH'])
  })
})

describe('when the check runs and what it reports', () => {
  test('neither option: no third-party-verification check', async () => {
    const r = await verifyPassport(cabinet, options)
    expect(r.verified).toBe(true)
    expect(thirdParty(r)).toBeUndefined()
  })

  test('trusted verifiers but no attestation: ATTESTATION_MISSING', async () => {
    const r = await verifyPassport(cabinet, { ...options, trustedVerifiers: [VERIFIER] })
    expect(errorCodes(r)).toEqual(['ATTESTATION_MISSING'])
    expect(r.verified).toBe(false)
  })

  test('attestations but no trusted verifier: VERIFIER_NOT_TRUSTED', async () => {
    const r = await verifyPassport(cabinet, { ...options, attestations: [attestation] })
    expect(errorCodes(r)).toEqual(['VERIFIER_NOT_TRUSTED'])
  })

  test('an attestation of another passport is passed over: ATTESTATION_MISSING', async () => {
    const cell = readJsonFile('examples/signed/lfp-cell-280ah.json')
    const other = await attest(cell)
    const r = await verifyPassport(cabinet, {
      ...options,
      attestations: [other],
      trustedVerifiers: [VERIFIER],
    })
    expect(errorCodes(r)).toEqual(['ATTESTATION_MISSING'])
  })

  test('a good attestation among bad ones passes; the others are warnings', async () => {
    const stranger = generateKeyPair() // a did:key, resolved offline
    const untrusted = await attestPassport(cabinet, { ...base, key: stranger })
    const r = await verifyPassport(cabinet, {
      ...options,
      attestations: ['junk', untrusted, attestation],
      trustedVerifiers: [VERIFIER],
    })
    expect(thirdParty(r)?.status).toBe('pass')
    expect(r.verified).toBe(true)
    expect(severities(r)).toEqual(['ATTESTATION_INVALID:warning', 'VERIFIER_NOT_TRUSTED:warning'])
  })

  test('invalid options fail closed with ATTESTATION_OPTION_INVALID', async () => {
    const bad: unknown[] = [
      { attestations: 'x' },
      { attestations: Array(MAX_ATTESTATIONS + 1).fill(attestation), trustedVerifiers: [VERIFIER] },
      { attestations: [attestation], trustedVerifiers: VERIFIER },
      { attestations: [attestation], trustedVerifiers: [42] },
      { attestations: [attestation], trustedVerifiers: [{ id: VERIFIER, accreditation: 1 }] },
    ]
    for (const extra of bad) {
      const r = await verifyPassport(cabinet, { ...options, ...(extra as object) })
      expect(errorCodes(r)).toEqual(['ATTESTATION_OPTION_INVALID'])
    }
  })

  test('a passport that cannot be read: the check is skipped', async () => {
    const r = await verifyPassport('{', {
      ...options,
      attestations: [attestation],
      trustedVerifiers: [VERIFIER],
    })
    expect(r.verified).toBe(false)
    expect(thirdParty(r)?.status).toBe('skip')
  })
})

describe('findings about an attestation', () => {
  const verifyWith = (attestations: unknown[], trustedVerifiers: unknown[] = [VERIFIER]) =>
    verifyPassport(cabinet, {
      ...options,
      attestations,
      trustedVerifiers: trustedVerifiers as string[],
    })

  test('a bad attestation proof: ATTESTATION_PROOF_INVALID', async () => {
    const forged = clone(attestation) as Loose
    forged.credentialSubject.level = 'reasonable'
    const r = await verifyWith([forged])
    expect(errorCodes(r)).toEqual(['ATTESTATION_PROOF_INVALID'])
  })

  test('an attestation whose key the verifier does not control: ATTESTATION_PROOF_INVALID', async () => {
    const r = await verifyPassport(cabinet, {
      now: NOW,
      didDocuments: didDocuments.filter((d) => d.id !== VERIFIER),
      attestations: [attestation],
      trustedVerifiers: [VERIFIER],
    })
    expect(errorCodes(r)).toEqual(['ATTESTATION_PROOF_INVALID'])
  })

  test('figures that differ: ATTESTATION_FIGURES_DIFFER at the passport’s pointer', async () => {
    const wrong = clone(attestation) as Loose
    delete wrong.proof
    wrong.credentialSubject.verifiedFigures[0].verifiedValue = '18000'
    const signed = await issueCredential(wrong, { key: verifierKey, created: SIGNED })
    const r = await verifyWith([signed])
    expect(errorCodes(r)).toEqual(['ATTESTATION_FIGURES_DIFFER'])
    expect(thirdParty(r)?.findings[0]?.path).toBe(
      '/credentialSubject/footprint/pcfExcludingBiogenicUptake',
    )
  })

  test('the same number spelt otherwise is the same figure', async () => {
    const respelt = clone(attestation) as Loose
    delete respelt.proof
    respelt.credentialSubject.verifiedFigures[0].verifiedValue = '19662.87070'
    const signed = await issueCredential(respelt, { key: verifierKey, created: SIGNED })
    expect(thirdParty(await verifyWith([signed]))?.status).toBe('pass')
  })

  test('figures left out: ATTESTATION_FIGURES_INCOMPLETE per figure', async () => {
    const partial = await attest(cabinet, {
      figures: ['/credentialSubject/footprint/pcfExcludingBiogenicUptake'],
    })
    const r = await verifyWith([partial])
    expect(errorCodes(r)).toEqual(Array(5).fill('ATTESTATION_FIGURES_INCOMPLETE'))
  })

  test('expired and not yet valid: ATTESTATION_EXPIRED', async () => {
    const expired = await attest(cabinet, {
      validFrom: new Date('2026-05-01T00:00:00Z'),
      validUntil: new Date('2026-05-15T00:00:00Z'),
    })
    expect(errorCodes(await verifyWith([expired]))).toEqual(['ATTESTATION_EXPIRED'])
    const early = await attest(cabinet, { validFrom: new Date('2026-07-01T00:00:00Z') })
    expect(errorCodes(await verifyWith([early]))).toEqual(['ATTESTATION_EXPIRED'])
  })

  describe('revoked', () => {
    const LIST = 'https://verify.nordic-climate.example/status/1'
    let list: Json
    let revocable: Json
    beforeAll(async () => {
      list = (await createStatusList({
        id: LIST,
        issuer: VERIFIER,
        validFrom: new Date('2026-01-01T00:00:00Z'),
      })) as unknown as Json
      revocable = (await attest(cabinet, {
        credentialStatus: createStatusEntry({ statusListCredential: LIST, index: 7 }),
      })) as Json
    })

    test('a revoked attestation: ATTESTATION_REVOKED', async () => {
      const signedList = await issueCredential(list, { key: verifierKey, created: SIGNED })
      const r0 = await verifyPassport(cabinet, {
        ...options,
        statusLists: [signedList],
        attestations: [revocable],
        trustedVerifiers: [VERIFIER],
      })
      expect(thirdParty(r0)?.status).toBe('pass')
      const revoked = await issueCredential(
        (await setStatus(list, 7, true, { validFrom: SIGNED })) as unknown as Json,
        { key: verifierKey, created: SIGNED },
      )
      const r = await verifyPassport(cabinet, {
        ...options,
        statusLists: [revoked],
        attestations: [revocable],
        trustedVerifiers: [VERIFIER],
      })
      expect(errorCodes(r)).toEqual(['ATTESTATION_REVOKED'])
    })

    test('a status that cannot be checked (no list): ATTESTATION_REVOKED', async () => {
      const r = await verifyWith([revocable])
      expect(errorCodes(r)).toEqual(['ATTESTATION_REVOKED'])
    })
  })

  test('an attestation of another digest of this passport: ATTESTATION_DIGEST_MISMATCH', async () => {
    const stale = clone(attestation) as Loose
    delete stale.proof
    stale.credentialSubject.digestMultibase = 'uEiAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
    const signed = await issueCredential(stale, { key: verifierKey, created: SIGNED })
    expect(errorCodes(await verifyWith([signed]))).toEqual(['ATTESTATION_DIGEST_MISMATCH'])
  })

  test('accreditation required of a trusted verifier', async () => {
    const withNumber = [{ id: VERIFIER, accreditation: 'EX-14065-0042' }]
    expect(thirdParty(await verifyWith([attestation], withNumber))?.status).toBe('pass')
    const other = [{ id: VERIFIER, accreditation: 'EX-14065-9999' }]
    expect(errorCodes(await verifyWith([attestation], other))).toEqual([
      'VERIFIER_ACCREDITATION_MISMATCH',
    ])
  })

  test('an adverse opinion or a disclaimer fails; a modified one is a warning', async () => {
    for (const opinion of ['adverse', 'disclaimer'] as const) {
      const r = await verifyWith([await attest(cabinet, { opinion })])
      expect(errorCodes(r)).toEqual(['ATTESTATION_OPINION_ADVERSE'])
    }
    const modified = await verifyWith([await attest(cabinet, { opinion: 'modified' })])
    expect(thirdParty(modified)?.status).toBe('pass')
    expect(severities(modified)).toEqual(['ATTESTATION_OPINION_MODIFIED:warning'])
  })

  test('not an attestation, or not valid against its schema: ATTESTATION_INVALID', async () => {
    const notOne = clone(attestation) as Loose
    delete notOne.proof
    notOne.type = ['VerifiableCredential']
    const r1 = await verifyWith([
      await issueCredential(notOne, { key: verifierKey, created: SIGNED }),
    ])
    expect(errorCodes(r1)).toEqual(['ATTESTATION_INVALID'])
    const noScope = clone(attestation) as Loose
    delete noScope.proof
    delete noScope.credentialSubject.verificationScope
    const signed = await issueCredential(noScope, { key: verifierKey, created: SIGNED })
    expect(errorCodes(await verifyWith([signed]))).toContain('ATTESTATION_INVALID')
    expect(errorCodes(await verifyWith([42]))).toEqual(['ATTESTATION_INVALID'])
  })
})

describe('vc+jwt', () => {
  test('a vc+jwt passport, attested from its JWS, with a vc+jwt attestation', async () => {
    const jwtAttestation = await attest(cabinetJwt, { format: 'vc-jose' })
    const r = await verifyPassport(cabinetJwt, {
      ...options,
      attestations: [jwtAttestation],
      trustedVerifiers: [VERIFIER],
    })
    expect(r.errors).toEqual([])
    expect(thirdParty(r)?.status).toBe('pass')
  })
})

describe('attestPassport refuses', () => {
  const codeOf = async (promise: Promise<unknown>) => {
    try {
      await promise
    } catch (err) {
      return isCarbonPassportError(err) ? err.code : `untyped: ${String(err)}`
    }
    return 'no error'
  }

  test('figures that differ from the passport’s: ERR_ATTESTATION_FIGURES_DIFFER', async () => {
    const pcf = '/credentialSubject/footprint/pcfExcludingBiogenicUptake'
    expect(await codeOf(attest(cabinet, { figures: [{ pointer: pcf, value: '1' }] }))).toBe(
      'ERR_ATTESTATION_FIGURES_DIFFER',
    )
    expect(await codeOf(attest(cabinet, { figures: ['/credentialSubject/nothing'] }))).toBe(
      'ERR_ATTESTATION_FIGURES_DIFFER',
    )
    const ok = (await attest(cabinet, {
      figures: [{ pointer: pcf, value: '19662.87070' }],
    })) as Loose
    expect(ok.credentialSubject.verifiedFigures).toEqual([
      { pointer: pcf, verifiedValue: '19662.8707' },
    ])
  })

  test('bad options and passports: ERR_INVALID_ARGUMENT, a public key: ERR_KEY_INVALID', async () => {
    const { d: _d, ...publicJwk } = readJsonFile(
      'examples/keys/verify.nordic-climate.example.private.jwk.json',
    ) as Loose
    const cases: [unknown, unknown, string][] = [
      [cabinet, { ...base, key: verifierKey, opinion: 'fine' }, 'ERR_INVALID_ARGUMENT'],
      [cabinet, { ...base, key: verifierKey, scope: '' }, 'ERR_INVALID_ARGUMENT'],
      [cabinet, { ...base, key: verifierKey, level: 'high' }, 'ERR_INVALID_ARGUMENT'],
      [cabinet, { ...base, key: verifierKey, materiality: '150' }, 'ERR_INVALID_ARGUMENT'],
      [cabinet, { ...base, key: verifierKey, figures: 'all' }, 'ERR_INVALID_ARGUMENT'],
      [
        cabinet,
        { ...base, key: verifierKey, accreditation: { body: 'X' } },
        'ERR_INVALID_ARGUMENT',
      ],
      [cabinet, { ...base }, 'ERR_INVALID_ARGUMENT'],
      [cabinet, null, 'ERR_INVALID_ARGUMENT'],
      [{ ...cabinet, id: undefined }, { ...base, key: verifierKey }, 'ERR_INVALID_ARGUMENT'],
      [attestation, { ...base, key: verifierKey }, 'ERR_INVALID_ARGUMENT'],
      ['not json', { ...base, key: verifierKey }, 'ERR_INVALID_ARGUMENT'],
      [cabinet, { ...base, key: publicJwk }, 'ERR_KEY_INVALID'],
    ]
    for (const [passport, opts, code] of cases) {
      expect(await codeOf(attestPassport(passport, opts as AttestOptions))).toBe(code)
    }
  })
})
