/**
 * Organisation, site and customs identifiers: GLN and LEI check digits (property tests against an
 * independent computation), their rule on passports, the schema formats, the CN code against the
 * HS code, the customs block and the notified-body fields of verification.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkConformance } from '../../../src/conformance/check.js'
import {
  gs1CheckDigitValid,
  mod97CheckValid,
  usccCheckValid,
} from '../../../src/conformance/rules/identifiers.js'
import { PARTY_IDENTIFIER_SCHEMES } from '../../../src/model/enums.js'
import { SCHEMA_BASE, schemaDocuments } from '../../../src/schema/registry.js'
import { example, issues } from '../helpers.js'

/** The GS1 check digit of the data digits, computed from the left (weights 1, 3 for 13-digit keys). */
function gs1CheckDigit(data: string): number {
  const n = data.length + 1
  let sum = 0
  for (let i = 0; i < data.length; i++) {
    // Position i from the left in a key of n digits: weight 3 when (n - i) is even.
    sum += Number(data[i]) * ((n - i) % 2 === 0 ? 3 : 1)
  }
  return (10 - (sum % 10)) % 10
}

/** ISO 7064 MOD 97-10 check digits of an alphanumeric string, with BigInt arithmetic. */
function mod97CheckDigits(base: string): string {
  const numeric = [...`${base}00`].map((c) => Number.parseInt(c, 36).toString()).join('')
  return String(98n - (BigInt(numeric) % 97n)).padStart(2, '0')
}

const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''))
const alnum = (n: number) =>
  fc
    .array(fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), {
      minLength: n,
      maxLength: n,
    })
    .map((a) => a.join(''))

describe('GLN check digit (GS1 mod 10)', () => {
  it('accepts every 13-digit key that ends in its check digit', () => {
    fc.assert(
      fc.property(digits(12), (data) => {
        expect(gs1CheckDigitValid(`${data}${gs1CheckDigit(data)}`)).toBe(true)
      }),
    )
  })

  it('refuses every other last digit', () => {
    fc.assert(
      fc.property(digits(12), fc.integer({ min: 1, max: 9 }), (data, shift) => {
        const wrong = (gs1CheckDigit(data) + shift) % 10
        expect(gs1CheckDigitValid(`${data}${wrong}`)).toBe(false)
      }),
    )
  })

  it('knows published GLNs and GTINs', () => {
    expect(gs1CheckDigitValid('6931234000013')).toBe(true)
    expect(gs1CheckDigitValid('4006381333931')).toBe(true) // GTIN-13 of the GS1 examples
    expect(gs1CheckDigitValid('4006381333932')).toBe(false)
    expect(gs1CheckDigitValid('abc')).toBe(false)
  })
})

describe('LEI check digits (ISO 7064 MOD 97-10)', () => {
  it('accepts every 18-character base with its two check digits', () => {
    fc.assert(
      fc.property(alnum(18), (base) => {
        expect(mod97CheckValid(`${base}${mod97CheckDigits(base)}`)).toBe(true)
      }),
    )
  })

  it('refuses a changed character (digit for digit, letter for letter) or swapped check digits', () => {
    fc.assert(
      fc.property(alnum(18), fc.integer({ min: 0, max: 17 }), (base, at) => {
        const lei = `${base}${mod97CheckDigits(base)}`
        // Within its class: a digit for a digit, a letter for a letter (MOD 97-10 catches both).
        const c = lei[at] ?? '0'
        const other = /[0-9]/.test(c) ? (c === '7' ? '8' : '7') : c === 'K' ? 'Q' : 'K'
        expect(mod97CheckValid(`${lei.slice(0, at)}${other}${lei.slice(at + 1)}`)).toBe(false)
        const check = lei.slice(18)
        if (check[0] !== check[1]) {
          expect(mod97CheckValid(`${base}${check[1]}${check[0]}`)).toBe(false)
        }
      }),
    )
  })

  it('knows a published LEI', () => {
    expect(mod97CheckValid('5493001KJTIIGC8Y1R12')).toBe(true) // Bloomberg Finance L.P.
    expect(mod97CheckValid('5493001KJTIIGC8Y1R13')).toBe(false)
  })
})

/**
 * The GB 32100-2015 check character, computed independently: the alphabet built from the 36
 * alphanumerics without I, O, S, V and Z, and the weights as powers of 3 with BigInt arithmetic.
 */
const USCC_CHARS = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((c) => !'IOSVZ'.includes(c))
function usccCheckChar(base: string): string {
  let sum = 0n
  for (let i = 0; i < 17; i++) sum += BigInt(USCC_CHARS.indexOf(base[i] ?? '')) * 3n ** BigInt(i)
  return USCC_CHARS[Number((31n - (sum % 31n)) % 31n)] ?? '?'
}
const usccChars = (n: number) =>
  fc.array(fc.constantFrom(...USCC_CHARS), { minLength: n, maxLength: n }).map((a) => a.join(''))
/** The first 17 characters in the schema's form: 2 code characters, 6 digits of region, 9 more. */
const usccBase = fc.tuple(usccChars(2), digits(6), usccChars(9)).map(([a, b, c]) => `${a}${b}${c}`)

describe('USCC check character (GB 32100-2015, mod 31)', () => {
  it('has a 31-character alphabet', () => {
    expect(USCC_CHARS).toHaveLength(31)
  })

  it('accepts every code that ends in its check character', () => {
    fc.assert(
      fc.property(usccBase, (base) => {
        expect(usccCheckValid(`${base}${usccCheckChar(base)}`)).toBe(true)
      }),
    )
  })

  it('refuses every other last character, and a changed character before it', () => {
    fc.assert(
      fc.property(usccBase, fc.integer({ min: 1, max: 30 }), fc.nat(16), (base, shift, at) => {
        const check = usccCheckChar(base)
        const wrong = USCC_CHARS[(USCC_CHARS.indexOf(check) + shift) % 31]
        expect(usccCheckValid(`${base}${wrong}`)).toBe(false)
        // Weights are powers of 3, never 0 mod 31 (a prime), so one changed character is caught.
        const c = base[at] ?? '0'
        const other = USCC_CHARS[(USCC_CHARS.indexOf(c) + shift) % 31]
        expect(usccCheckValid(`${base.slice(0, at)}${other}${base.slice(at + 1)}${check}`)).toBe(
          false,
        )
      }),
    )
  })

  it('knows a widely reused example, and refuses malformed input', () => {
    // The example of Hutool's CreditCodeUtil tests (dromara/hutool), reused in many validators.
    expect(usccCheckValid('91350100M000100Y43')).toBe(true)
    expect(usccCheckValid('91350100M000100Y44')).toBe(false)
    expect(usccCheckValid('91350100M000100Y4')).toBe(false)
    expect(usccCheckValid('91350100M000100O43')).toBe(false)
  })
})

describe('party identifiers on a passport', () => {
  it('the schema has one property per scheme of PARTY_IDENTIFIER_SCHEMES, in order', () => {
    const common = schemaDocuments.get(`${SCHEMA_BASE}common.schema.json`) as {
      $defs: { partyIds: { properties: Record<string, unknown> } }
    }
    expect(Object.keys(common.$defs.partyIds.properties)).toEqual([...PARTY_IDENTIFIER_SCHEMES])
  })

  it('accepts well-formed identifiers with valid check digits', () => {
    const doc = example('lfp-cell-280ah')
    doc.credentialSubject.product.manufacturer.partyIds = {
      lei: '9845000CARBONPASSP07',
      uscc: '91320412MA1W7K3Q5B',
      duns: '123456789',
      bpn: 'BPNL00000003AYRE',
    }
    expect(checkConformance(doc).findings).toEqual([])
  })

  it('refuses a wrong USCC check character on the manufacturer and the site', () => {
    const doc = example('lfp-cell-280ah')
    doc.credentialSubject.product.manufacturer.partyIds = { uscc: '91350100M000100Y44' }
    doc.credentialSubject.product.manufacturingSite.partyIds.uscc = '91350100M000100Y43'
    const report = checkConformance(doc)
    expect(issues(report)).toEqual([
      'PARTY_ID_CHECK_DIGIT_INVALID /credentialSubject/product/manufacturer/partyIds/uscc',
    ])
    expect(report.findings[0]?.message).toContain('USCC')
  })

  it('refuses a wrong LEI check digit, citing the field', () => {
    const doc = example('lfp-cell-280ah')
    doc.credentialSubject.product.manufacturer.partyIds = { lei: '5493001KJTIIGC8Y1R13' }
    expect(issues(checkConformance(doc))).toEqual([
      'PARTY_ID_CHECK_DIGIT_INVALID /credentialSubject/product/manufacturer/partyIds/lei',
    ])
  })

  it('refuses malformed identifiers through the schema, not the check-digit rule', () => {
    const doc = example('lfp-cell-280ah')
    doc.credentialSubject.product.manufacturer.partyIds = {
      gln: '693123400001',
      uscc: '91320412MA1W7K3Q5O',
      eori: 'se5569981234',
    }
    expect(issues(checkConformance(doc))).toEqual([
      'PATTERN_MISMATCH /credentialSubject/product/manufacturer/partyIds/gln',
      'PATTERN_MISMATCH /credentialSubject/product/manufacturer/partyIds/uscc',
      'PATTERN_MISMATCH /credentialSubject/product/manufacturer/partyIds/eori',
    ])
  })
})

describe('customs', () => {
  it('accepts the cell: CN 85076000 extends HS 850760', () => {
    const doc = example('lfp-cell-280ah')
    expect(doc.credentialSubject.customs.cnCode).toBe('85076000')
    expect(checkConformance(doc).findings).toEqual([])
  })

  it('refuses a CN code that does not extend the HS code', () => {
    const doc = example('lfp-cell-280ah')
    doc.credentialSubject.customs.cnCode = '85071020'
    expect(issues(checkConformance(doc))).toEqual([
      'CN_CODE_HS_MISMATCH /credentialSubject/customs/cnCode',
    ])
  })

  it('accepts CBAM embedded emissions and a registry id; refuses a 6-digit CN code', () => {
    const doc = example('lfp-cell-280ah')
    const customs = doc.credentialSubject.customs
    customs.dppRegistryId = 'EU-DPP-REG-0000000001'
    customs.cbam = {
      directEmbeddedEmissions: '1.85',
      indirectEmbeddedEmissions: '0.32',
      productionRoute: 'BF-BOF',
      installationId: 'CN-INST-000123',
      carbonPricePaid: { amount: '9.5', currency: 'EUR' },
    }
    expect(checkConformance(doc).findings).toEqual([])
    customs.cnCode = '850760'
    expect(issues(checkConformance(doc))).toEqual([
      'PATTERN_MISMATCH /credentialSubject/customs/cnCode',
    ])
  })
})

describe('verification', () => {
  it('needs no assurance level; takes a notified body id and certificate reference', () => {
    const doc = example('lfp-cell-280ah')
    const verification = doc.credentialSubject.verification
    delete verification.level
    verification.notifiedBodyId = '2841'
    verification.certificateReference = 'D1-2026-0042'
    expect(checkConformance(doc).findings).toEqual([])
    verification.notifiedBodyId = 'NB 2841'
    expect(issues(checkConformance(doc))).toEqual([
      'PATTERN_MISMATCH /credentialSubject/verification/notifiedBodyId',
    ])
  })
})
