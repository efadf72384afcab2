/**
 * The rule catalogue: every finding code the conformance checker can report, with its severity, the
 * profiles that report it, its message template and where the rule comes from. Each code is
 * declared next to the rule that reports it (`defineCodes`); this module assembles the declarations
 * of the conformance layer, and src/findings/catalogue.ts adds verification's to them. `docs/rules.md`
 * is generated from it (`npm run generate`) and a test fails when they differ.
 *
 * Message templates name their parameters in braces (`{field}`, `{expected}`, `{actual}`, …).
 * Codes are public API: match on `code`, never on `message`.
 */
import { commonCodes } from '../findings/common.js'
import { type CodeDefinitions, mergeDefinitions } from '../findings/define.js'
import type { Severity } from '../findings/finding.js'
import { inputCodes } from '../input/read.js'
import { checkerCodes } from './check.js'
import { batteryScopeCodes } from './profiles/battery-scope.js'
import { euBatteryCodes } from './profiles/eu-battery.js'
import type { ProfileId } from './profiles/ids.js'
import { iec63369Codes } from './profiles/iec-63369-1.js'
import { iec63782Codes } from './profiles/iec-63782.js'
import { pactCodes } from './profiles/pact-v3.js'
import { activityCodes } from './rules/activity.js'
import { batteryCodes } from './rules/battery.js'
import { componentCodes } from './rules/components.js'
import { creditCodes } from './rules/credits.js'
import { dateCodes } from './rules/dates.js'
import { decimalCodes } from './rules/decimals.js'
import { declarationCodes } from './rules/declarations.js'
import { factorCodes } from './rules/factors.js'
import { identifierCodes } from './rules/identifiers.js'
import { pactCrossFieldCodes } from './rules/pact-cross-field.js'
import { schemaCodes } from './rules/schema.js'
import { EU, IEC63369, PACT } from './rules/sources.js'
import { sumCodes } from './rules/sums.js'
import { unitCodes } from './rules/units.js'
import { versioningCodes } from './rules/versioning.js'

/** A conformance code as the catalogue documents it. */
export interface RuleDefinition {
  /** How much a finding of this code weighs: `error` makes a report fail, `warning` warn. */
  severity: Severity
  /** The profiles whose checks report this code (`core` is always applied). */
  profiles: readonly ProfileId[]
  /** One line: what the rule says. */
  title: string
  /** The message template. */
  message: string
  /** Where the rule comes from: a standard and clause, or `schema`. */
  source: string
}

/**
 * Every code the modules of the conformance layer declare, in the order the documentation lists
 * them: the checker's, then layer 1 (the schema), the semantic rules of `core`, the profiles. The
 * codes of reading input come along, those without profiles being verification's alone.
 */
export const conformanceLayerDefinitions = mergeDefinitions(
  checkerCodes.definitions,
  inputCodes.definitions,
  commonCodes.definitions,
  schemaCodes.definitions,
  decimalCodes.definitions,
  dateCodes.definitions,
  sumCodes.definitions,
  activityCodes.definitions,
  creditCodes.definitions,
  factorCodes.definitions,
  identifierCodes.definitions,
  unitCodes.definitions,
  pactCrossFieldCodes.definitions,
  versioningCodes.definitions,
  componentCodes.definitions,
  declarationCodes.definitions,
  batteryCodes.definitions,
  pactCodes.definitions,
  iec63782Codes.definitions,
  batteryScopeCodes.definitions,
  iec63369Codes.definitions,
  euBatteryCodes.definitions,
)

/** The codes of some definitions that name profiles, each as a RuleDefinition. */
export type RuleDefinitionsOf<Defs> = {
  readonly [Code in keyof Defs as Defs[Code] extends { readonly profiles: readonly ProfileId[] }
    ? Code
    : never]: RuleDefinition
}

/** The definitions that name profiles, as RuleDefinitions (the message template defaults to the title). */
export function ruleDefinitionsOf<Defs extends CodeDefinitions>(
  definitions: Defs,
): RuleDefinitionsOf<Defs> {
  const rules: Record<string, RuleDefinition> = {}
  for (const [code, d] of Object.entries(definitions)) {
    if (d.profiles === undefined) continue
    rules[code] = Object.freeze({
      severity: d.severity,
      profiles: d.profiles,
      title: d.title,
      message: d.message ?? d.title,
      source: d.source,
    })
  }
  return Object.freeze(rules) as RuleDefinitionsOf<Defs>
}

/** The conformance codes' rule definitions, keyed by code (the type `ConformanceCode` reads). */
const conformanceRules = ruleDefinitionsOf(conformanceLayerDefinitions)

/** A finding code of the conformance checker. */
export type ConformanceCode = keyof typeof conformanceRules

/**
 * Every finding code of the conformance checker with its rule, in the order the documentation
 * lists them (docs/rules.md is generated from it).
 */
export const catalogue: { readonly [Code in ConformanceCode]: RuleDefinition } = conformanceRules

/** The profiles, with what each checks and where it comes from. */
export const profileCatalogue: Record<
  ProfileId,
  {
    /** The profile's name, in one line. */
    title: string
    /** Where its rules come from: the standard or regulation, and how it was read. */
    source: string
    /** What products the profile is meant for. */
    scope: string
  }
> = {
  core: {
    title: 'Core: schema and semantic rules (always applied)',
    source: 'schemas/v1; the data model in docs/vocabulary.md; PACT v3 cross-field rules',
    scope: 'Every passport.',
  },
  'pact-v3': {
    title: 'PACT Technical Specifications v3',
    source: `${PACT} (wbcsd/data-exchange-protocol spec/v3/openapi.yaml, x-rule levels)`,
    scope: 'Every passport meant to be exchanged as a PACT ProductFootprint.',
  },
  'iec-63782-digital-pcf': {
    title: 'IEC 63782 digital product carbon footprint (mandatory digital fields)',
    source: `IEC 63782 (digital product carbon footprint). The standard is in development; this profile is our reading of the fields its announcements name as mandatory: activity data lines (a summary passport conforms under core only), activity-data granularity, emission-factor provenance and metadata (gases covered; well-to-wheel transport factors, ISO 14083), temporal resolution (granularity and temporal resolution are required by the schema itself), scope 3 categories 1 and 4, a resolvable product identifier, versioning and signature.`,
    scope: 'Every passport.',
  },
  'iec-63369-1': {
    title: 'IEC 63369-1:2026 carbon footprint of industrial lithium-ion batteries',
    source: `${IEC63369} (paywalled; read from the published scope and secondary sources)`,
    scope:
      'Industrial lithium-ion battery systems for energy storage, UPS and backup power. EV traction, LMT, portable and SLI batteries are out of scope.',
  },
  'eu-battery-2023-1542': {
    title: 'EU Battery Regulation 2023/1542, Article 7 carbon footprint declaration',
    source: `${EU} Art. 7 and Annex II`,
    scope: 'EV batteries, LMT batteries, rechargeable industrial batteries above 2 kWh.',
  },
}
