/**
 * The one source reader of every converter: an untrusted source (a parsed value, JSON text, or
 * bytes in UTF-8 or UTF-16 with a byte order mark) read within the input caps through
 * src/input/read.ts, as a plain document or as a credential (vc+jwt, enveloped, wrapped); the
 * loss collector; numbers between JSON and Decimal strings; and the draft every `from*` returns.
 */
import {
  formatDecimal,
  isDecimalString,
  MAX_DECIMAL_LENGTH,
  numberToDecimalString,
  parseDecimal,
} from '../decimal/core.js'
import type { Finding, Severity } from '../findings/finding.js'
import { pointer } from '../findings/pointer.js'
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
  illFormedFinding,
  inspectValue,
  readInput,
} from '../input/read.js'
import { isObject, type Json } from '../json.js'
import { conversionCodes } from './codes.js'
import type { ConversionResult, PassportCredentialDraft } from './types.js'

/** The caps a converter reads its source within. */
export interface SourceLimits {
  /** The largest source, in bytes of UTF-8 JSON text; 1 MiB by default. */
  maxBytes: number
  /** The deepest nesting of objects and arrays; 64 by default. */
  maxDepth: number
}

export const DEFAULT_LIMITS: SourceLimits = {
  maxBytes: DEFAULT_MAX_BYTES,
  maxDepth: DEFAULT_MAX_DEPTH,
}

/** Appends losses; `base` is prefixed to every path (a source read inside another document). */
export class Losses {
  readonly list: Finding[] = []
  notCarried(path: string, detail: string): void {
    this.list.push(conversionCodes.finding('FIELD_NOT_CARRIED', path, { detail }))
  }
  changed(path: string, detail: string): void {
    this.list.push(conversionCodes.finding('VALUE_CHANGED', path, { detail }))
  }
  defaulted(path: string, detail: string): void {
    this.list.push(conversionCodes.finding('TARGET_FIELD_DEFAULTED', path, { detail }))
  }
  /** A source field that is not valid: an error when the conversion needs it, else a warning. */
  invalid(path: string, detail: string, severity: Severity = 'error'): void {
    this.list.push(conversionCodes.finding('SOURCE_FIELD_INVALID', path, { detail }, severity))
  }
  unreadable(path: string, detail: string): void {
    this.list.push(conversionCodes.finding('SOURCE_UNREADABLE', path, { detail }))
  }
  get failed(): boolean {
    return this.list.some((f) => f.severity === 'error')
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })
const utf16le = new TextDecoder('utf-16le', { fatal: true })

/**
 * Text of bytes: a UTF-8 (EF BB BF), UTF-16LE (FF FE) or UTF-16BE (FE FF) byte order mark says the
 * encoding and is dropped; without one the bytes are UTF-8. Undefined when they do not decode.
 */
export function decodeBytes(bytes: Uint8Array): string | undefined {
  try {
    if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      return utf8.decode(bytes.subarray(3))
    }
    if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
      return utf16le.decode(bytes.subarray(2))
    }
    if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
      if (bytes.length % 2 !== 0) return undefined
      // Big-endian: swap each pair of bytes, then decode as little-endian.
      const swapped = new Uint8Array(bytes.length - 2)
      for (let i = 2; i < bytes.length; i += 2) {
        swapped[i - 2] = bytes[i + 1] as number
        swapped[i - 1] = bytes[i] as number
      }
      return utf16le.decode(swapped)
    }
    return utf8.decode(bytes)
  } catch {
    return undefined
  }
}

/**
 * Reads a source document: a parsed value, JSON text (a leading U+FEFF is dropped) or bytes
 * (`Buffer`, `Uint8Array`: see {@link decodeBytes}). The result must be a JSON object within the
 * caps; otherwise `losses` gets SOURCE_UNREADABLE and the result is undefined. Never throws.
 */
export function readSource(
  input: unknown,
  what: string,
  losses: Losses,
  limits: SourceLimits = DEFAULT_LIMITS,
): Json | undefined {
  try {
    let value: unknown = input
    let text: string | undefined
    if (input instanceof Uint8Array) {
      // UTF-16 takes at most twice the bytes of the UTF-8 text.
      if (input.length > 2 * limits.maxBytes + 4) {
        losses.unreadable('', `The ${what} is larger than ${limits.maxBytes} bytes.`)
        return undefined
      }
      text = decodeBytes(input)
      if (text === undefined) {
        losses.unreadable(
          '',
          `The ${what} is neither UTF-8 nor UTF-16 with a byte order mark (it does not decode).`,
        )
        return undefined
      }
    } else if (typeof input === 'string') {
      text = input
    }
    if (text !== undefined) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
      if (Buffer.byteLength(text, 'utf8') > limits.maxBytes) {
        losses.unreadable('', `The ${what} is larger than ${limits.maxBytes} bytes.`)
        return undefined
      }
      try {
        value = JSON.parse(text)
      } catch {
        losses.unreadable('', `The ${what} is not JSON text.`)
        return undefined
      }
    }
    if (!isObject(value)) {
      losses.unreadable('', `The ${what} is not a JSON object.`)
      return undefined
    }
    const shape = inspectValue(value, limits.maxDepth)
    if (shape.depth > limits.maxDepth) {
      losses.unreadable('', `The ${what} nests deeper than ${limits.maxDepth} levels.`)
      return undefined
    }
    const illFormed = illFormedFinding(shape)
    if (illFormed) {
      losses.unreadable(illFormed.path, `The ${what} has a string that is not well-formed UTF-16.`)
      return undefined
    }
    if (text === undefined) {
      let json: string | undefined
      try {
        json = JSON.stringify(value)
      } catch {
        losses.unreadable('', `The ${what} is not JSON (a cycle or a BigInt).`)
        return undefined
      }
      if (Buffer.byteLength(json ?? '', 'utf8') > limits.maxBytes) {
        losses.unreadable('', `The ${what} is larger than ${limits.maxBytes} bytes.`)
        return undefined
      }
      // A copy: the result never shares objects with the caller's value.
      value = JSON.parse(json ?? 'null')
    }
    return value as Json
  } catch (err) {
    losses.unreadable('', `The ${what} could not be read: ${describe(err)}`)
    return undefined
  }
}

/**
 * Reads a credential-shaped source: what {@link readSource} reads, and also a vc+jwt, an
 * `EnvelopedVerifiableCredential` or a `{ "verifiableCredential": … }` wrapper (unwrapped by
 * src/input/read.ts, within the default caps). Each finding of the reader becomes a
 * SOURCE_UNREADABLE loss whose message is `prefix` and the reader's message. Never throws.
 */
export function readCredential(
  input: unknown,
  what: string,
  losses: Losses,
  prefix = '',
): Json | undefined {
  let value: unknown = input
  if (input instanceof Uint8Array) {
    const parsed = readSource(input, what, losses)
    if (!parsed) return undefined
    value = parsed
  }
  const read = readInput(value, DEFAULT_LIMITS)
  if (!read.ok) {
    for (const f of read.findings) losses.unreadable(f.path, `${prefix}${f.message}`)
    return undefined
  }
  const credential: unknown = read.unwrapped.credential
  if (!isObject(credential)) {
    losses.unreadable('', `The ${what} is not a JSON object.`)
    return undefined
  }
  return credential
}

/**
 * Runs a conversion so that it never throws: converters take untrusted input, and an unforeseen
 * shape must still give `{ losses }` (SOURCE_UNREADABLE, `failure` and the error), never an
 * exception. The losses found before the failure are kept.
 */
export function convertSafely<T>(
  failure: string,
  convert: (losses: Losses) => ConversionResult<T>,
): ConversionResult<T> {
  const losses = new Losses()
  try {
    return convert(losses)
  } catch (err) {
    losses.unreadable('', `${failure}: ${describe(err)}`)
    return { losses: losses.list }
  }
}

/** `String(err)`, or a stand-in when even that throws (a hostile proxy was thrown). */
function describe(err: unknown): string {
  try {
    return String(err)
  } catch {
    return 'an error that cannot be described'
  }
}

/** The draft credential with `subject`, or only the losses when one is an error. */
export function draftResult(
  subject: Json,
  losses: Losses,
  credential: PassportCredentialDraft = draftCredential(),
): ConversionResult<PassportCredentialDraft> {
  if (losses.failed) return { losses: losses.list }
  credential.credentialSubject = subject as NonNullable<
    PassportCredentialDraft['credentialSubject']
  >
  return { result: credential, losses: losses.list }
}

/** The passport a `to*` converter reads: its credential (if any), its subject and where it is. */
export interface PassportSource {
  /** The credential, when a credential (not a bare subject) was given. */
  credential?: Json
  /** The credential subject. */
  subject: Json
  /** The JSON Pointer of the subject in the source: `/credentialSubject` or `''`. */
  base: string
}

/**
 * Reads the passport given to a `to*` converter: a passport credential (object, JSON text, vc+jwt,
 * enveloped), or a bare credential subject (`type: "CarbonPassport"`, such as a `from*` draft's
 * `credentialSubject`). Undefined, with SOURCE_UNREADABLE, when it is neither.
 */
export function readPassport(input: unknown, losses: Losses): PassportSource | undefined {
  const credential = readCredential(input, 'passport', losses)
  if (!credential) return undefined
  const copy = JSON.parse(JSON.stringify(credential)) as Json
  if (isObject(copy.credentialSubject)) {
    return { credential: copy, subject: copy.credentialSubject, base: '/credentialSubject' }
  }
  if (copy.type === 'CarbonPassport' || isObject(copy.footprint) || isObject(copy.battery)) {
    return { subject: copy, base: '' }
  }
  losses.unreadable(
    '',
    'The input is neither a passport credential (with a credentialSubject) nor a passport subject.',
  )
  return undefined
}

/**
 * A Decimal string of a source number: a JSON number (its shortest round-trip form) or a Decimal
 * string. Undefined when it is neither, or too long to be a plausible value (a placeholder such as
 * −1.797E308).
 */
export function decimalOf(value: unknown): string | undefined {
  let text: string | undefined
  if (typeof value === 'number' && Number.isFinite(value)) text = numberToDecimalString(value)
  else if (isDecimalString(value)) text = value
  if (text === undefined || text.length > MAX_DECIMAL_LENGTH) return undefined
  // Placeholders of generated payloads (±1.797E308) are far beyond any footprint.
  const d = parseDecimal(text)
  if (d === undefined) return undefined
  const canonical = formatDecimal(d, 1000)
  const integerDigits = (canonical.replace(/^-/, '').split('.')[0] ?? '').length
  return integerDigits > 15 ? undefined : canonical
}

/**
 * The JSON number a target field gets for a Decimal string, and whether the value changed on the
 * way (more significant digits than a double holds). Trailing zeros are not a change of value.
 */
export function numberOf(decimal: string): { value: number; changed: boolean } | undefined {
  const d = parseDecimal(decimal, 1000)
  if (d === undefined) return undefined
  const value = Number(decimal)
  if (!Number.isFinite(value)) return undefined
  return { value, changed: numberToDecimalString(value) !== formatDecimal(d, 1000) }
}

/** A JSON Pointer below `base`. */
export const at = (base: string, ...segments: (string | number)[]): string =>
  base + pointer(...segments)

/** Reports every member of `obj` not in `known` as FIELD_NOT_CARRIED, at its pointer. */
export function reportUnknown(
  obj: Json,
  base: string,
  known: ReadonlySet<string> | readonly string[],
  losses: Losses,
  target: string,
): void {
  const set = known instanceof Set ? known : new Set(known as readonly string[])
  for (const key of Object.keys(obj)) {
    if (!set.has(key)) {
      losses.notCarried(at(base, key), `${target} has no place for \`${key}\`; it is not carried.`)
    }
  }
}

/** A non-empty string, or undefined. */
export const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined

/** Whether a string is an absolute IRI (has a scheme). */
export const isIri = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value)

/** The fixed members of every draft: the passport's context, types and schema. */
export function draftCredential(): PassportCredentialDraft {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://w3id.org/carbon-passport/v1'],
    type: ['VerifiableCredential', 'CarbonPassportCredential'],
    credentialSchema: {
      id: 'https://w3id.org/carbon-passport/schemas/v1/passport.schema.json',
      type: 'JsonSchema',
    },
  }
}
