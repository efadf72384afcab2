/** `toBatteryPass`: a passport's EU battery declaration as a Battery Pass carbon footprint. */
import {
  add,
  decimalOf as decimalFrom,
  div,
  formatDecimal,
  mul,
  parseDecimal,
  ZERO,
} from '../../decimal/core.js'
import { isObject, type Json } from '../../json.js'
import type { LifecycleStage } from '../../model/types.js'
import { at, convertSafely, type Losses, numberOf, readPassport } from '../source.js'
import type { ConversionResult } from '../types.js'
import {
  type BatteryPassStageFootprint,
  type CarbonFootprintForBatteries,
  FAILURE,
  STAGE_TO_BP,
  TARGET,
} from './shared.js'

/** The members of a passport subject `toBatteryPass` carries (some in part). */
const SUBJECT_CARRIED = new Set(['id', 'type', 'battery'])
const DECLARATION_CARRIED = new Set([
  'framework',
  'systemBoundary',
  'functionalUnit',
  'footprintPerFunctionalUnit',
  'lifecycleStagesPerFunctionalUnit',
  'totalFootprint',
  'performanceClass',
  'studyUrl',
])
const CREDENTIAL_IGNORED = new Set(['@context', 'type', 'credentialSchema', 'credentialSubject'])

/**
 * Converts a passport (a credential, as object, JSON text or vc+jwt; or a bare credential subject)
 * into a Battery Pass `CarbonFootprintForBatteries` 1.2.0 payload, from the battery's
 * `eu-2023-1542` declaration: `footprintPerFunctionalUnit` → `batteryCarbonFootprint`, its stages
 * (RawMaterialExtraction, MainProduction, Distribution, Recycling), `performanceClass`, `studyUrl`
 * and `totalFootprint` × `declaredUnitAmount` → `absoluteCarbonFootprint`. Decimal strings become
 * JSON numbers (the aspect's `double`); a value a double cannot hold exactly is VALUE_CHANGED.
 *
 * Without an `eu-2023-1542` declaration the per-kWh values are **derived**: each stage of
 * `lifeCycleTotals` (else of the footprint), but `use`, × `declaredUnitAmount` ÷ the battery's
 * `ratedEnergy`, rounded half-up to 6 decimal places (kgCO2e per kWh of *rated* energy, not of
 * lifetime energy): a TARGET_FIELD_DEFAULTED loss says so and each value is VALUE_CHANGED.
 * Everything else of the passport is FIELD_NOT_CARRIED, at its pointer. Never throws.
 *
 * @example
 * ```ts
 * const { result, losses } = toBatteryPass(passport)
 * result?.batteryCarbonFootprint // 0.017527
 * ```
 */
export function toBatteryPass(passport: unknown): ConversionResult<CarbonFootprintForBatteries> {
  return convertSafely(FAILURE, (losses) => {
    const source = readPassport(passport, losses)
    if (!source) return { losses: losses.list }
    const { credential, subject, base } = source
    if (credential) {
      for (const key of Object.keys(credential)) {
        if (!CREDENTIAL_IGNORED.has(key)) {
          losses.notCarried(`/${key}`, `${TARGET} has no place for the credential's \`${key}\`.`)
        }
      }
    }
    for (const key of Object.keys(subject)) {
      if (!SUBJECT_CARRIED.has(key)) {
        losses.notCarried(
          at(base, key),
          `${TARGET} has no place for \`${key}\`; it is not carried.`,
        )
      }
    }
    if (subject.id !== undefined) {
      losses.notCarried(
        at(base, 'id'),
        `${TARGET} does not identify the product (that is GeneralProductInformation).`,
      )
    }
    const battery = subject.battery
    if (!isObject(battery)) {
      losses.invalid(
        at(base, 'battery'),
        'The passport has no battery data; a Battery Pass carbon footprint is about a battery.',
      )
      return { losses: losses.list }
    }
    const batteryBase = at(base, 'battery')
    for (const key of Object.keys(battery)) {
      if (key !== 'declarations') {
        losses.notCarried(
          at(batteryBase, key),
          `${TARGET} has no place for the battery's \`${key}\`.`,
        )
      }
    }
    const declarations = Array.isArray(battery.declarations) ? battery.declarations : []
    const index = declarations.findIndex((d) => isObject(d) && d.framework === 'eu-2023-1542')
    declarations.forEach((d, i) => {
      if (i !== index) {
        losses.notCarried(
          at(batteryBase, 'declarations', i),
          `Only the eu-2023-1542 declaration goes into ${TARGET}; this ${isObject(d) ? String(d.framework) : ''} declaration is not carried.`,
        )
      }
    })
    const footprint = isObject(subject.footprint) ? subject.footprint : {}
    const amount = parseDecimal(footprint.declaredUnitAmount) ?? undefined
    const result =
      index >= 0
        ? fromDeclaration(
            declarations[index] as Json,
            at(batteryBase, 'declarations', index),
            amount,
            base,
            losses,
          )
        : derived(subject, battery, base, losses)
    if (!result || losses.failed) return { losses: losses.list }
    return { result, losses: losses.list }
  })
}

/** A JSON number for a Decimal at `path`; VALUE_CHANGED when a double does not hold it. */
function num(value: unknown, path: string, losses: Losses, what: string): number | undefined {
  if (typeof value !== 'string') {
    losses.invalid(path, `${what} is not a Decimal string.`)
    return undefined
  }
  const n = numberOf(value)
  if (!n) {
    losses.invalid(path, `${what} is not a Decimal string.`)
    return undefined
  }
  if (n.changed) {
    losses.changed(
      path,
      `${what} ${value} has more digits than a JSON double holds; it became ${n.value}.`,
    )
  }
  return n.value
}

function stagesOut(
  stages: unknown,
  path: string,
  losses: Losses,
  convert: (emissions: unknown, p: string) => number | undefined,
): BatteryPassStageFootprint[] | undefined {
  if (!Array.isArray(stages)) {
    losses.invalid(path, 'The stage list is missing or not a list.')
    return undefined
  }
  const out: BatteryPassStageFootprint[] = []
  stages.forEach((s, i) => {
    const p = at(path, i)
    if (!isObject(s)) {
      losses.invalid(p, 'A stage entry is not an object.')
      return
    }
    const name = STAGE_TO_BP[s.stage as LifecycleStage]
    if (!name) {
      losses.notCarried(
        p,
        `${TARGET} has no stage for \`${String(s.stage)}\` (the EU declaration excludes use).`,
      )
      return
    }
    const value = convert(s.emissions, at(p, 'emissions'))
    if (value !== undefined) out.push({ lifecycleStage: name, carbonFootprint: value })
  })
  return out
}

function fromDeclaration(
  d: Json,
  path: string,
  amount: ReturnType<typeof parseDecimal>,
  base: string,
  losses: Losses,
): CarbonFootprintForBatteries | undefined {
  for (const key of Object.keys(d)) {
    if (!DECLARATION_CARRIED.has(key))
      losses.notCarried(at(path, key), `${TARGET} has no place for \`${key}\`.`)
  }
  if (d.systemBoundary !== 'cradle-to-grave-excluding-use') {
    losses.changed(
      at(path, 'systemBoundary'),
      `The declaration's boundary is ${String(d.systemBoundary)}; ${TARGET} values are read as the Art. 7 boundary (cradle to grave excluding use).`,
    )
  }
  const fu = isObject(d.functionalUnit) ? d.functionalUnit : {}
  for (const key of Object.keys(fu)) {
    if (key === 'quantity' || key === 'description') {
      losses.notCarried(
        at(path, 'functionalUnit', key),
        `${TARGET} states values per kWh of lifetime energy but not the lifetime energy itself.`,
      )
    }
  }
  if (fu.kind !== 'lifetime-energy' || fu.unit !== 'KWH') {
    losses.changed(
      at(path, 'functionalUnit'),
      `The functional unit is ${String(fu.kind)} in ${String(fu.unit)}; ${TARGET} reads every value as per kWh of lifetime energy.`,
    )
  }
  const total = num(
    d.footprintPerFunctionalUnit,
    at(path, 'footprintPerFunctionalUnit'),
    losses,
    'footprintPerFunctionalUnit',
  )
  const stages = stagesOut(
    d.lifecycleStagesPerFunctionalUnit,
    at(path, 'lifecycleStagesPerFunctionalUnit'),
    losses,
    (e, p) => num(e, p, losses, 'The stage value'),
  )
  if (total === undefined || stages === undefined) return undefined
  const out: CarbonFootprintForBatteries = {
    batteryCarbonFootprint: total,
    carbonFootprintPerLifecycleStage: stages,
  }
  if (typeof d.performanceClass === 'string')
    out.carbonFootprintPerformanceClass = d.performanceClass
  else missingMandatory(at(path, 'performanceClass'), 'carbonFootprintPerformanceClass', losses)
  if (typeof d.studyUrl === 'string') out.carbonFootprintStudy = d.studyUrl
  else missingMandatory(at(path, 'studyUrl'), 'carbonFootprintStudy', losses)
  if (d.totalFootprint !== undefined) {
    const t = parseDecimal(d.totalFootprint)
    if (t) {
      const absolute = amount ? mul(t, amount) : t
      const text = formatDecimal(absolute, 1000)
      if (amount && formatDecimal(amount) !== '1') {
        losses.changed(
          at(path, 'totalFootprint'),
          `totalFootprint is per declared unit; absoluteCarbonFootprint is per battery: ${String(d.totalFootprint)} × ${at(base, 'footprint', 'declaredUnitAmount')} = ${text}.`,
        )
      }
      const absoluteNumber = num(text, at(path, 'totalFootprint'), losses, 'totalFootprint')
      if (absoluteNumber !== undefined) out.absoluteCarbonFootprint = absoluteNumber
    }
  }
  return out
}

function missingMandatory(path: string, field: string, losses: Losses): void {
  losses.invalid(
    path,
    `${TARGET} requires ${field}; the declaration has none, so the document leaves it out and does not validate until it is added.`,
    'warning',
  )
}

/** The per-kWh values derived from the footprint and the rated energy (no EU declaration). */
function derived(
  subject: Json,
  battery: Json,
  base: string,
  losses: Losses,
): CarbonFootprintForBatteries | undefined {
  const ratedPath = at(base, 'battery', 'ratedEnergy')
  const rated = parseDecimal(battery.ratedEnergy)
  if (!rated || formatDecimal(rated) === '0' || String(rated.int).startsWith('-')) {
    losses.invalid(
      ratedPath,
      'The passport has no eu-2023-1542 declaration and no positive ratedEnergy to derive per-kWh values from.',
    )
    return undefined
  }
  const footprint = isObject(subject.footprint) ? subject.footprint : {}
  const amount = parseDecimal(footprint.declaredUnitAmount) ?? decimalFrom(1n)
  const totals = isObject(subject.lifeCycleTotals) ? subject.lifeCycleTotals : undefined
  const stagesPath = totals
    ? at(base, 'lifeCycleTotals', 'lifecycleStages')
    : at(base, 'footprint', 'lifecycleStages')
  const stages = totals ? totals.lifecycleStages : footprint.lifecycleStages
  losses.defaulted(
    at(base, 'battery'),
    `The passport has no eu-2023-1542 declaration: the per-kWh values are derived from ${stagesPath} × declaredUnitAmount ÷ ratedEnergy (${String(battery.ratedEnergy)} kWh), rounded half-up to 6 decimal places. They are per kWh of rated energy, not of the energy over the service life that the Battery Regulation asks for.`,
  )
  let sum = ZERO
  const perKwh = (e: unknown, p: string): number | undefined => {
    const v = parseDecimal(e)
    if (!v) {
      losses.invalid(p, 'The stage emissions are not a Decimal string.')
      return undefined
    }
    sum = add(sum, mul(v, amount))
    const value = formatDecimal(div(mul(v, amount), rated, 6))
    losses.changed(
      p,
      `Derived: ${String(e)} kgCO2e per declared unit is ${value} kgCO2e per kWh of rated energy.`,
    )
    return Number(value)
  }
  const out = stagesOut(stages, stagesPath, losses, perKwh)
  if (!out) return undefined
  missingMandatory(at(base, 'battery'), 'carbonFootprintPerformanceClass', losses)
  missingMandatory(at(base, 'battery'), 'carbonFootprintStudy', losses)
  return {
    batteryCarbonFootprint: Number(formatDecimal(div(sum, rated, 6))),
    carbonFootprintPerLifecycleStage: out,
    absoluteCarbonFootprint: Number(formatDecimal(sum)),
  }
}
