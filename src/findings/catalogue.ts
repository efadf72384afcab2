/**
 * The one catalogue of finding codes: every declaration of verification and conformance, each code
 * declared once, next to the check or rule that reports it. `FindingCode`, `VERIFICATION_CODES`
 * and (through src/conformance/catalogue.ts, which assembles the conformance layer's part)
 * `catalogue` come from it, and so do docs/rules.md and docs/verification.md.
 *
 * Where the declarations live: the conformance layer and input reading declare their codes in the
 * module that reports them; the credential and DID modules, which load the JSON-LD and signing
 * stacks, declare theirs in a sibling `<module>.codes.ts` that imports nothing but src/findings/. So
 * this module loads no JSON-LD, RDF or signing code, and the conformance layer never imports
 * credential/.
 */
import { attestationCodes } from '../attestation/verify.codes.js'
import { conformanceLayerDefinitions } from '../conformance/catalogue.js'
import { contextCodes } from '../credential/checks/context.codes.js'
import { formCodes } from '../credential/checks/form.codes.js'
import { issuerBindingCodes } from '../credential/checks/issuer-binding.codes.js'
import { schemaCheckCodes } from '../credential/checks/schema.codes.js'
import { statusCodes } from '../credential/checks/status.codes.js'
import { syntaxCodes } from '../credential/checks/syntax.codes.js'
import { validityCodes } from '../credential/checks/validity.codes.js'
import { jsonLdErrorCodes } from '../credential/data-integrity/errors.codes.js'
import { dataIntegrityCodes } from '../credential/data-integrity/verify.codes.js'
import { issueCodes } from '../credential/issue.codes.js'
import { joseCodes } from '../credential/jose/verify.codes.js'
import { presentationCodes } from '../credential/presentation/presentation.codes.js'
import { proofCodes } from '../credential/proof.codes.js'
import { verifyCodes } from '../credential/verify.codes.js'
import { keyLifecycleCodes } from '../did/resolve.codes.js'
import { generationCodes } from '../generate/codes.js'
import { conversionCodes } from '../interop/codes.js'
import { chainCodes } from '../supply-chain/chain.codes.js'
import {
  type ChainTool,
  type CodeDefinition,
  type ConversionTool,
  type GenerationTool,
  mergeDefinitions,
} from './define.js'

/** The declarations of every module, each code once (see above for where they live). */
const declarations = mergeDefinitions(
  conformanceLayerDefinitions,
  verifyCodes.definitions,
  syntaxCodes.definitions,
  issueCodes.definitions,
  joseCodes.definitions,
  contextCodes.definitions,
  formCodes.definitions,
  jsonLdErrorCodes.definitions,
  dataIntegrityCodes.definitions,
  proofCodes.definitions,
  presentationCodes.definitions,
  keyLifecycleCodes.definitions,
  issuerBindingCodes.definitions,
  validityCodes.definitions,
  statusCodes.definitions,
  schemaCheckCodes.definitions,
  attestationCodes.definitions,
  generationCodes.definitions,
  conversionCodes.definitions,
  chainCodes.definitions,
)

/** Every finding code verification and conformance report: the type of `Finding['code']`. */
export type FindingCode = keyof typeof declarations & string

/**
 * Every finding code with its definition: the conformance layer's first, then verification's in
 * the order of the checks. docs/rules.md and docs/verification.md are generated from it.
 */
export const findingCatalogue: { readonly [Code in FindingCode]: CodeDefinition } = declarations

/** The codes that name a verification check, with their meaning (`VERIFICATION_CODES`). */
type VerificationMeanings<Defs> = {
  readonly [Code in keyof Defs as Defs[Code] extends { readonly checks: readonly string[] }
    ? Code
    : never]: string
}

function meaningsOf<Defs extends { readonly [code: string]: CodeDefinition }>(
  definitions: Defs,
): VerificationMeanings<Defs> {
  const meanings: Record<string, string> = {}
  for (const [code, d] of Object.entries(definitions)) if (d.checks) meanings[code] = d.title
  return Object.freeze(meanings) as VerificationMeanings<Defs>
}

/**
 * The finding codes of credential verification (the checks of `verifyCredential` and
 * `verifyPassport`), each with its meaning. Codes are stable public API; match on `code`, never on
 * `message`. The `conformance` check of `verifyPassport` reports the codes of `catalogue`.
 */
export const VERIFICATION_CODES: { readonly [Code in VerificationCode]: string } =
  meaningsOf(declarations)

/** The codes whose definition names functions of `Tool` as the ones that report them. */
type ToolCodes<Defs, Tool extends string> = {
  readonly [Code in keyof Defs as Defs[Code] extends { readonly tools: readonly Tool[] }
    ? Code
    : never]: true
}

/** A finding code of generation (`calculateFootprint`, the loaders, `buildPassport`). */
export type GenerationCode = keyof ToolCodes<typeof declarations, GenerationTool> & string

/** A finding code of conversion: the losses of `fromPact`, `toUntpDpp`, … */
export type ConversionCode = keyof ToolCodes<typeof declarations, ConversionTool> & string

/** A finding code of chain verification (`verifyChain`). */
export type ChainCode = keyof ToolCodes<typeof declarations, ChainTool> & string

/** A finding code of credential verification. */
export type VerificationCode = keyof VerificationMeanings<typeof declarations>
