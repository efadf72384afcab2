/**
 * How a module declares the finding codes it reports, next to the check or rule that reports them,
 * and builds its findings from those declarations. src/findings/catalogue.ts assembles every
 * declaration into the one catalogue that the public `catalogue`, `VERIFICATION_CODES` and the
 * generated docs come from; no check or rule imports that catalogue.
 */
import type { ProfileId } from '../conformance/profiles/ids.js'
import type { CheckId } from '../results.js'
import type { FindingCode } from './catalogue.js'
import {
  buildFinding,
  type Finding,
  type FindingOverrides,
  type FindingParams,
  type FindingTemplate,
  type Severity,
} from './finding.js'

/** Everything documented about one finding code. */
export interface CodeDefinition extends FindingTemplate {
  /** The usual severity; a check may report a finding at another (see `buildFinding`). */
  severity: Severity
  /** One line: what the rule says, or what the finding means. */
  title: string
  /** The message template (`{field}`, `{expected}`, `{actual}`, `{detail}`); the title when absent. */
  message?: string
  /** Where the rule comes from (a standard and clause, `schema`, …): the finding's `rule`. */
  source: string
  /** Conformance: the profiles whose checks report this code (`core` is always applied). */
  profiles?: readonly ProfileId[]
  /**
   * Verification: the checks that report this code, besides `conformance` (which carries the codes
   * that have `profiles`).
   */
  checks?: readonly CheckId[]
  /**
   * Generation and conversion: the functions that report this code about their input (a code
   * has `profiles`, `checks` or `tools`).
   */
  tools?: readonly (GenerationTool | ConversionTool | ChainTool)[]
}

/** The supply-chain functions, which report findings on the nodes of a chain. */
export type ChainTool = 'verifyChain'

/** The converters, which report the losses of a conversion. */
export type ConversionTool =
  | 'fromPact'
  | 'toPact'
  | 'fromUntpDpp'
  | 'toUntpDpp'
  | 'fromBatteryPass'
  | 'toBatteryPass'
  | 'fromCatenaX'
  | 'toCatenaX'

/** The functions of generation that report findings about their input. */
export type GenerationTool =
  | 'calculateFootprint'
  | 'loadFactorSet'
  | 'parseActivityCsv'
  | 'selectFactor'
  | 'rollUpComponents'
  | 'buildPassport'

/** Definitions by code. */
export type CodeDefinitions = { readonly [code: string]: CodeDefinition }

/** Where `reportAt` appends: a list of findings and the JSON Pointer its paths are relative to. */
export interface FindingSink {
  readonly findings: Finding[]
  readonly base: string
}

/** A module's codes, and the findings built from them. */
export interface CodeSet<Defs extends CodeDefinitions> {
  readonly definitions: Defs
  /** The finding for `code` at `path` (see `buildFinding` for `detail` and `severity`). */
  finding<C extends keyof Defs & FindingCode>(
    code: C,
    path: string,
    detail?: string | FindingParams,
    severity?: Severity,
  ): Finding<C>
  /** Appends the finding for `code` at `path` to `findings`; `rule`, a more precise source. */
  report<C extends keyof Defs & FindingCode>(
    findings: Finding[],
    code: C,
    path: string,
    params?: FindingParams,
    rule?: string,
  ): void
  /** Appends the finding for `code` at `sink.base + relativePath` to `sink.findings`. */
  reportAt<C extends keyof Defs & FindingCode>(
    sink: FindingSink,
    code: C,
    relativePath: string,
    params?: FindingParams,
    rule?: string,
  ): void
}

function codeSet<Defs extends CodeDefinitions>(definitions: Defs): CodeSet<Defs> {
  const build = <C extends keyof Defs & FindingCode>(
    code: C,
    path: string,
    detail?: string | FindingParams,
    overrides?: FindingOverrides,
  ): Finding<C> => buildFinding(code, definitions[code] as CodeDefinition, path, detail, overrides)
  return {
    definitions,
    finding: (code, path, detail, severity) => build(code, path, detail, { severity }),
    report: (findings, code, path, params, rule) => {
      findings.push(build(code, path, params, { rule }))
    },
    reportAt: (sink, code, relativePath, params, rule) => {
      sink.findings.push(build(code, sink.base + relativePath, params, { rule }))
    },
  }
}

/**
 * Declares a module's finding codes. The module builds its findings with the returned set's
 * `finding`, `report` or `reportAt`, which accept only these codes (and only once the catalogue
 * lists the set, since a finding's code is a `FindingCode`).
 *
 * @example
 * ```ts
 * const { finding } = defineCodes({
 *   PROOF_MISSING: { severity: 'error', checks: ['proof'], title: 'The credential has no proof.', source: 'VC Data Integrity §2.1' },
 * })
 * finding('PROOF_MISSING', '/proof')
 * ```
 */
export function defineCodes<const Defs extends CodeDefinitions>(definitions: Defs): CodeSet<Defs> {
  // Frozen to the leaves: the public catalogue hands these very objects out.
  for (const definition of Object.values(definitions)) {
    Object.freeze(definition.profiles)
    Object.freeze(definition.checks)
    Object.freeze(definition)
  }
  return codeSet(Object.freeze(definitions))
}

/** What combining code sets reads of each: its definitions. */
export interface Declared<Defs extends CodeDefinitions = CodeDefinitions> {
  readonly definitions: Defs
}

/** Several definitions together, as one intersection type. */
export type MergedDefinitions<List extends readonly CodeDefinitions[]> = List extends readonly [
  infer Defs,
  ...infer Rest extends readonly CodeDefinitions[],
]
  ? Defs & MergedDefinitions<Rest>
  : unknown

/** The definitions of several code sets together. */
export type CombinedDefinitions<Sets extends readonly Declared[]> = Sets extends readonly [
  Declared<infer Defs>,
  ...infer Rest extends readonly Declared[],
]
  ? Defs & CombinedDefinitions<Rest>
  : unknown

/**
 * Several modules' definitions as one (what the catalogues assemble). A code may come twice only
 * as the same declaration (a set merged again); two declarations of one code throw, so every code
 * is declared once. The catalogues merge definitions, not code sets: `FindingCode` is read off
 * their type, and the type of a code set names `Finding`, whose code is a `FindingCode`.
 */
export function mergeDefinitions<const List extends readonly CodeDefinitions[]>(
  ...list: List
): Extract<MergedDefinitions<List>, CodeDefinitions> {
  const merged: Record<string, CodeDefinition> = {}
  for (const definitions of list) {
    for (const [code, definition] of Object.entries(definitions)) {
      const known = merged[code]
      if (known !== undefined && known !== definition) {
        throw new Error(`the finding code ${code} is declared twice`)
      }
      merged[code] = definition
    }
  }
  return Object.freeze(merged) as Extract<MergedDefinitions<List>, CodeDefinitions>
}

/** Several code sets as one, for a module that also reports codes other modules declare. */
export function combineCodes<const Sets extends readonly Declared[]>(
  ...sets: Sets
): CodeSet<Extract<CombinedDefinitions<Sets>, CodeDefinitions>> {
  const merged = mergeDefinitions(...sets.map((set) => set.definitions))
  return codeSet(merged as Extract<CombinedDefinitions<Sets>, CodeDefinitions>)
}
