/**
 * The battery block: the CRS energy throughput (rated energy × equivalent full cycles) and, for
 * each declaration, its functional unit's quantity (by kind, as src/conformance/profiles/
 * iec-63369-1.ts and eu-battery.ts compute it), its totalFootprint (the stages of lifeCycleTotals,
 * else of the footprint, summed over the declaration's boundary, exactly) and its per-FU values:
 * footprintPerFunctionalUnit = totalFootprint × declaredUnitAmount ÷ FU quantity and each stage
 * likewise, rounded half away from zero to `digits` places (6 in the examples), so the per-FU
 * stages agree with the total within rounding, never exactly.
 */

import { STAGES_IN_BOUNDARY } from '../conformance/rules/sums.js'
import { add, type Dec, div, mul, ZERO } from '../decimal/core.js'
import type { Finding } from '../findings/finding.js'
import {
  DECLARATION_FRAMEWORKS,
  FUNCTIONAL_UNIT_KINDS,
  LIFECYCLE_STAGES,
  SYSTEM_BOUNDARIES,
} from '../model/enums.js'
import type {
  Battery,
  BatteryDeclaration,
  LifecycleStage,
  StageEmissions,
  SystemBoundary,
} from '../model/types.js'
import { convertQuantity, lookupUnit } from '../units.js'
import { MAX_DECLARATIONS } from './calculate-types.js'
import {
  decimalField,
  enumField,
  type Fields,
  field,
  invalid,
  isObject,
  stringField,
  typeOf,
} from './input-shape.js'
import { exact } from './record-line.js'

/** Categories whose lifetime energy counts warranty years (the draft EV act), not service life. */
const VEHICLE_CATEGORIES = new Set(['EV', 'LMT'])

const KWH = lookupUnit('KWH')

/** What the declarations are computed from. */
export interface BatteryContext {
  /** The stage sums the declarations are measured against (life-cycle totals', else footprint's). */
  stages: ReadonlyMap<LifecycleStage, Dec>
  declaredUnitAmount: Dec
  digits: number
  errors: Finding[]
}

/** The battery's service parameters, parsed. */
interface Service {
  rated: Dec | undefined
  throughput: Dec | undefined
  usable: Dec | undefined
  cycles: Dec | undefined
  years: Dec | undefined
  yearsField: string
}

function serviceOf(ctx: BatteryContext, b: Fields): Service {
  const { errors } = ctx
  const at = '/battery'
  const rated = decimalField(errors, b, 'ratedEnergy', at, 'positive')
  const usable = decimalField(errors, b, 'usableEnergy', at, 'positive', true)
  const cycles = decimalField(errors, b, 'cyclesPerYear', at, 'positive', true)
  const yearsField = VEHICLE_CATEGORIES.has(String(field(b, 'category')))
    ? 'warrantyYears'
    : 'serviceLifeYears'
  const years = decimalField(errors, b, yearsField, at, 'positive', true)
  let throughput: Dec | undefined
  const crs = field(b, 'cumulatedRequestedService')
  if (crs !== undefined) {
    if (!isObject(crs)) {
      invalid(
        errors,
        `${at}/cumulatedRequestedService`,
        `cumulatedRequestedService is an object, not ${typeOf(crs)}.`,
      )
    } else {
      const efc = decimalField(
        errors,
        crs,
        'equivalentFullCycles',
        `${at}/cumulatedRequestedService`,
        'positive',
      )
      if (rated && efc) throughput = mul(rated, efc)
      const given = decimalField(
        errors,
        crs,
        'energyThroughput',
        `${at}/cumulatedRequestedService`,
        'positive',
        true,
      )
      if (given && throughput && exact(given) !== exact(throughput)) {
        invalid(
          errors,
          `${at}/cumulatedRequestedService/energyThroughput`,
          `energyThroughput is ratedEnergy × equivalentFullCycles = ${exact(throughput)} kWh, not ${exact(given)}; leave it out to have it computed.`,
        )
      }
    }
  }
  return { rated, throughput, usable, cycles, years, yearsField }
}

/** The FU quantity in kWh for an energy kind, or undefined (reported). */
function energyOf(
  ctx: BatteryContext,
  service: Service,
  kind: string,
  path: string,
): Dec | undefined {
  if (kind === 'cumulated-requested-service') {
    if (service.throughput) return service.throughput
    invalid(
      ctx.errors,
      `${path}/functionalUnit/kind`,
      'A CRS functional unit needs battery.ratedEnergy and cumulatedRequestedService.equivalentFullCycles.',
    )
    return undefined
  }
  if (kind === 'lifetime-energy') {
    const { usable, cycles, years } = service
    if (usable && cycles && years) return mul(mul(usable, cycles), years)
    invalid(
      ctx.errors,
      `${path}/functionalUnit/kind`,
      `A lifetime-energy functional unit needs battery.usableEnergy, cyclesPerYear and ${service.yearsField}.`,
    )
    return undefined
  }
  return service.rated // rated-energy; ratedEnergy itself is reported when missing
}

/** The FU quantity in the FU's unit, or undefined (reported). */
function fuQuantity(
  ctx: BatteryContext,
  service: Service,
  fu: Fields,
  path: string,
): Dec | undefined {
  const { errors } = ctx
  const kind = enumField(errors, fu, 'kind', `${path}/functionalUnit`, FUNCTIONAL_UNIT_KINDS)
  const unitCode = stringField(errors, fu, 'unit', `${path}/functionalUnit`)
  const given = decimalField(errors, fu, 'quantity', `${path}/functionalUnit`, 'positive', true)
  if (kind === undefined || unitCode === undefined) return undefined
  let quantity: Dec | undefined
  if (kind === 'declared-unit') {
    quantity = ctx.declaredUnitAmount
  } else {
    const unit = lookupUnit(unitCode)
    if (unit?.dimension !== 'energy' || KWH === undefined) {
      invalid(
        errors,
        `${path}/functionalUnit/unit`,
        `A ${kind} functional unit is in an energy unit (KWH), not ${JSON.stringify(unitCode)}.`,
      )
      return undefined
    }
    const kwh = energyOf(ctx, service, kind, path)
    if (kwh === undefined) return undefined
    quantity = convertQuantity(kwh, KWH, unit)?.value
  }
  if (quantity && given && exact(given) !== exact(quantity)) {
    invalid(
      errors,
      `${path}/functionalUnit/quantity`,
      `The ${kind} functional unit is ${exact(quantity)} ${unitCode} by its formula, not ${exact(given)}; leave it out to have it computed.`,
    )
    return undefined
  }
  return quantity
}

/** One declaration with its computed values, or undefined (reported). */
function declarationOf(
  ctx: BatteryContext,
  service: Service,
  input: unknown,
  path: string,
): BatteryDeclaration | undefined {
  const { errors } = ctx
  if (!isObject(input)) {
    invalid(errors, path, `A declaration is an object, not ${typeOf(input)}.`)
    return undefined
  }
  const before = errors.length
  enumField(errors, input, 'framework', path, DECLARATION_FRAMEWORKS)
  const boundary = enumField<SystemBoundary>(
    errors,
    input,
    'systemBoundary',
    path,
    SYSTEM_BOUNDARIES,
  )
  const fu = field(input, 'functionalUnit')
  if (!isObject(fu)) {
    invalid(errors, `${path}/functionalUnit`, `functionalUnit is an object, not ${typeOf(fu)}.`)
    return undefined
  }
  const quantity = fuQuantity(ctx, service, fu, path)
  if (boundary === undefined || quantity === undefined || errors.length > before) return undefined
  const inside = new Set<LifecycleStage>(STAGES_IN_BOUNDARY[boundary])
  let total = ZERO
  const perFu: StageEmissions[] = []
  for (const stage of LIFECYCLE_STAGES) {
    if (!inside.has(stage)) continue
    const value = ctx.stages.get(stage) ?? ZERO
    total = add(total, value)
    perFu.push({
      stage,
      emissions: exact(div(mul(value, ctx.declaredUnitAmount), quantity, ctx.digits)),
    })
  }
  const { functionalUnit: _fu, ...rest } = input as Record<string, unknown>
  const out: Record<string, unknown> = {
    framework: field(input, 'framework'),
    ...(field(input, 'methodology') === undefined
      ? {}
      : { methodology: field(input, 'methodology') }),
    systemBoundary: boundary,
    functionalUnit: {
      kind: field(fu, 'kind'),
      quantity: exact(quantity),
      unit: field(fu, 'unit'),
      ...(field(fu, 'description') === undefined ? {} : { description: field(fu, 'description') }),
    },
    footprintPerFunctionalUnit: exact(
      div(mul(total, ctx.declaredUnitAmount), quantity, ctx.digits),
    ),
    lifecycleStagesPerFunctionalUnit: perFu,
    totalFootprint: exact(total),
  }
  for (const [key, value] of Object.entries(rest)) if (!(key in out)) out[key] = value
  return out as unknown as BatteryDeclaration
}

/** The battery block with its computed values, or undefined (reported). */
export function batteryOf(ctx: BatteryContext, input: unknown): Battery | undefined {
  const { errors } = ctx
  if (!isObject(input)) {
    invalid(errors, '/battery', `battery is an object, not ${typeOf(input)}.`)
    return undefined
  }
  const before = errors.length
  const service = serviceOf(ctx, input)
  const declarations = field(input, 'declarations')
  const computed: BatteryDeclaration[] = []
  if (declarations !== undefined) {
    if (!Array.isArray(declarations) || declarations.length > MAX_DECLARATIONS) {
      invalid(
        errors,
        '/battery/declarations',
        `declarations is an array of at most ${MAX_DECLARATIONS}, not ${Array.isArray(declarations) ? `${declarations.length} entries` : typeOf(declarations)}.`,
      )
    } else {
      for (let i = 0; i < declarations.length; i++) {
        const d = declarationOf(ctx, service, declarations[i], `/battery/declarations/${i}`)
        if (d) computed.push(d)
      }
    }
  }
  if (errors.length > before) return undefined
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(input)) {
    if (key === 'cumulatedRequestedService' && isObject(value) && service.throughput) {
      out[key] = { energyThroughput: exact(service.throughput), ...value }
      ;(out[key] as Record<string, unknown>).energyThroughput = exact(service.throughput)
    } else if (key === 'declarations') {
      out[key] = computed
    } else {
      out[key] = value
    }
  }
  return out as unknown as Battery
}
