/**
 * Errors thrown by carbon-passport. Only misuse and signing throw; everything that judges
 * untrusted input (verification, conformance) returns findings instead.
 *
 * Codes are public API: match on `error.code`, never on the message.
 *
 * @example
 * ```ts
 * try { await issuePassport(passport, { key }) } catch (err) {
 *   if (err instanceof CarbonPassportError && err.code === 'ERR_KEY_NOT_CONTROLLED_BY_ISSUER') …
 * }
 * ```
 */
export type CarbonPassportErrorCode =
  /** The document loader was asked for a URL it does not serve (offline by default). */
  | 'ERR_DOCUMENT_NOT_FOUND'
  /** A DID could not be resolved to a document from the supplied documents or resolver. */
  | 'ERR_DID_NOT_RESOLVED'
  /**
   * An argument has the wrong shape or value (programmer error): a wrong type, a value that is not
   * JSON (a cycle, a BigInt, nesting deeper than 64), or a member that cannot be read (a throwing
   * getter, a revoked Proxy; the original error is the `cause`).
   */
  | 'ERR_INVALID_ARGUMENT'
  /**
   * A credential handed to an issuing function is not a well-formed VC 2.0 credential, or not JSON
   * at all (`details.path` says where).
   */
  | 'ERR_CREDENTIAL_MALFORMED'
  /** A passport handed to an issuing function does not validate against the passport schema. */
  | 'ERR_PASSPORT_INVALID'
  /**
   * A passport handed to `issuePassport` has conformance errors under `core` or the profiles asked
   * for (`details.findings`: every error finding); `allowNonConforming` signs it anyway.
   */
  | 'ERR_PASSPORT_NONCONFORMING'
  /** A key could not be imported, exported or used. */
  | 'ERR_KEY_INVALID'
  /** The signing key's controller is not the credential's issuer. */
  | 'ERR_KEY_NOT_CONTROLLED_BY_ISSUER'
  /** A signature could not be created. */
  | 'ERR_SIGNING_FAILED'
  /** A JSON Schema could not be found or compiled. */
  | 'ERR_SCHEMA_NOT_FOUND'
  /** A status list operation failed (index out of range, malformed list). */
  | 'ERR_STATUS_LIST'
  /** Input to a mapping (PACT, UNTP, Battery Pass) cannot be converted. */
  | 'ERR_MAPPING_FAILED'
  /**
   * `attestPassport` was asked to attest a figure that differs from the passport's value at its
   * pointer, or that the passport does not have (`details.figures`: pointer, passport value, value
   * given); nothing is signed.
   */
  | 'ERR_ATTESTATION_FIGURES_DIFFER'

/** The one error class of the library; `code` says what went wrong. */
export class CarbonPassportError extends Error {
  /** What went wrong, a stable `ERR_…` code; match on it, never on the message. */
  readonly code: CarbonPassportErrorCode
  /** Structured details for programs (a JSON Pointer, the offending URL, …). */
  readonly details: Readonly<Record<string, unknown>> | undefined

  constructor(
    code: CarbonPassportErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'CarbonPassportError'
    this.code = code
    this.details = options.details
  }
}

/**
 * Narrows an unknown value to a CarbonPassportError, optionally with a given code. Never throws,
 * whatever the value (a Proxy whose traps throw is simply not one).
 */
export function isCarbonPassportError(
  value: unknown,
  code?: CarbonPassportErrorCode,
): value is CarbonPassportError {
  try {
    return value instanceof CarbonPassportError && (code === undefined || value.code === code)
  } catch {
    return false
  }
}
