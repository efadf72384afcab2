/**
 * Organisation, site and customs identifiers: the check digits of GLNs (GS1 mod 10), LEIs
 * (ISO 7064 MOD 97-10) and USCCs (GB 32100-2015, mod 31), whose formats the schema checks, and the
 * CN code against the HS code.
 */

import { defineCodes } from '../../findings/define.js'
import { arr, obj, type RuleContext } from '../context.js'

/** The codes these rules report. */
export const identifierCodes = defineCodes({
  PARTY_ID_CHECK_DIGIT_INVALID: {
    severity: 'error',
    profiles: ['core'],
    title:
      'A GLN has a valid GS1 mod-10 check digit, an LEI valid ISO 7064 MOD 97-10 check digits, and a USCC a valid GB 32100-2015 check character (weights 3^i mod 31 over the 31-character alphabet 0-9 A-H J-N P-R T-U W-Y).',
    message: 'The {field} "{actual}" has a wrong check digit.',
    source:
      'GS1 General Specifications §7.9 (check digit calculation); ISO 17442-1:2020 (LEI) and ISO/IEC 7064 (MOD 97-10); GB 32100-2015 (USCC check character, mod 31)',
  },
  CN_CODE_HS_MISMATCH: {
    severity: 'error',
    profiles: ['core'],
    title: "The CN code's first six digits are the product's HS code.",
    message: 'The CN code {actual} does not extend the HS code {expected}.',
    source:
      'Council Regulation (EEC) 2658/87 Annex I (Combined Nomenclature: HS subheadings, then two digits)',
  },
})

const { reportAt } = identifierCodes

/** Whether a string of digits ends in its GS1 mod-10 check digit (GTIN, GLN, SSCC, …). */
export function gs1CheckDigitValid(digits: string): boolean {
  if (!/^[0-9]{2,}$/.test(digits)) return false
  let sum = 0
  // From the digit left of the check digit leftwards, weights 3, 1, 3, 1, …
  for (let i = digits.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += Number(digits[i]) * weight
  }
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1])
}

/**
 * Whether an alphanumeric string passes ISO 7064 MOD 97-10 (LEI, IBAN): letters count as 10 to 35,
 * and the number they spell with the digits is 1 modulo 97.
 */
export function mod97CheckValid(code: string): boolean {
  if (!/^[0-9A-Z]{3,}$/.test(code)) return false
  let rest = 0
  for (const ch of code) {
    const value = Number.parseInt(ch, 36)
    rest = value < 10 ? (rest * 10 + value) % 97 : (rest * 100 + value) % 97
  }
  return rest === 1
}

/** The 31 characters of a USCC (GB 32100-2015): digits and capitals without I, O, S, V and Z. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
/** Weights of the first 17 USCC characters: 3^i mod 31 for i = 0 … 16. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/**
 * Whether an 18-character China Unified Social Credit Code ends in its check character
 * (GB 32100-2015): each of the first 17 characters counts as its index in the 31-character
 * alphabet, times 3^i mod 31; the check character is the one at (31 - sum mod 31) mod 31.
 */
export function usccCheckValid(code: string): boolean {
  if (code.length !== 18) return false
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(code[i] ?? '')
    if (value < 0) return false
    sum += value * (USCC_WEIGHTS[i] ?? 0)
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] === code[17]
}

const CHECKS: readonly [key: string, valid: (v: string) => boolean][] = [
  ['gln', gs1CheckDigitValid],
  ['lei', mod97CheckValid],
  ['uscc', usccCheckValid],
]

export function partyIdRule(ctx: RuleContext): void {
  const product = obj(ctx.subject.product)
  const holders: [string, unknown][] = [
    ['/product/manufacturer/partyIds', obj(product.manufacturer).partyIds],
    ['/product/manufacturingSite/partyIds', obj(product.manufacturingSite).partyIds],
  ]
  for (const [at, ids] of holders) {
    for (const [key, valid] of CHECKS) {
      const value = obj(ids)[key]
      // A value of the wrong form is PATTERN_MISMATCH; only well-formed ones are checked here.
      if (typeof value !== 'string' || !FORMS[key]?.test(value) || valid(value)) continue
      reportAt(ctx, 'PARTY_ID_CHECK_DIGIT_INVALID', `${at}/${key}`, {
        field: key.toUpperCase(),
        actual: value,
      })
    }
  }
}

const FORMS: Readonly<Record<string, RegExp>> = {
  gln: /^[0-9]{13}$/,
  lei: /^[0-9A-Z]{18}[0-9]{2}$/,
  uscc: /^[0-9A-HJ-NP-RTUW-Y]{2}[0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}$/,
}

export function cnCodeRule(ctx: RuleContext): void {
  const cn = obj(ctx.subject.customs).cnCode
  if (typeof cn !== 'string' || !/^[0-9]{8}$/.test(cn)) return // PATTERN_MISMATCH
  const hsCodes = arr(obj(ctx.subject.product).classifications)
    .map(obj)
    .filter((c) => c.scheme === 'hs' && typeof c.code === 'string')
    .map((c) => String(c.code).replace(/[.\s]/g, ''))
  for (const hs of hsCodes) {
    if (hs.slice(0, 6) !== cn.slice(0, 6)) {
      reportAt(ctx, 'CN_CODE_HS_MISMATCH', '/customs/cnCode', { actual: cn, expected: hs })
    }
  }
}
