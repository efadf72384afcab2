/**
 * `core`: the semantic rules every passport must satisfy (layer 2). The schema layer (layer 1) runs
 * before these in `check.ts`.
 */
import type { Rule } from '../context.js'
import { activityLineRule } from '../rules/activity.js'
import {
  batteryStagesRule,
  declarationTotalRule,
  footprintPerFunctionalUnitRule,
} from '../rules/battery.js'
import { componentsRule } from '../rules/components.js'
import { endOfLifeModellingRule, lineKindRule, removalsRule } from '../rules/credits.js'
import { activityPeriodRule, referencePeriodRule, validityRule } from '../rules/dates.js'
import { decimalLengthRule, serviceConditionRangeRule } from '../rules/decimals.js'
import { declarationDuplicateRule } from '../rules/declarations.js'
import { electricityInstrumentRule, factorGwpSetRule } from '../rules/factors.js'
import { cnCodeRule, partyIdRule } from '../rules/identifiers.js'
import { ccsRule, geographyRule, operatorRule, packagingRule } from '../rules/pact-cross-field.js'
import {
  activityBoundaryRule,
  activitySumRule,
  lifeCycleTotalsRule,
  lifecycleStagesRule,
  scopeBreakdownRule,
} from '../rules/sums.js'
import { unitRule } from '../rules/units.js'
import { precedingPassportsRule } from '../rules/versioning.js'

export const coreRules: readonly Rule[] = [
  decimalLengthRule,
  serviceConditionRangeRule,
  referencePeriodRule,
  activityPeriodRule,
  validityRule,
  unitRule,
  activityLineRule,
  lineKindRule,
  endOfLifeModellingRule,
  removalsRule,
  electricityInstrumentRule,
  factorGwpSetRule,
  partyIdRule,
  cnCodeRule,
  activitySumRule,
  activityBoundaryRule,
  lifecycleStagesRule,
  scopeBreakdownRule,
  lifeCycleTotalsRule,
  componentsRule,
  declarationDuplicateRule,
  batteryStagesRule,
  footprintPerFunctionalUnitRule,
  declarationTotalRule,
  geographyRule,
  packagingRule,
  ccsRule,
  operatorRule,
  precedingPassportsRule,
]
