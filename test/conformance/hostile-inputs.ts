/**
 * The hostile passports of issue 7 §2, at and past the caps: shapes that made schema validation
 * or conformance take seconds on input nobody signed. Shared by test/conformance/hostile.test.ts
 * (each is decided, with bounded findings) and bench/conformance.bench.ts (how fast).
 */
import { DEFAULT_MAX_BYTES } from '../../src/conformance/limits.js'
import { MAX_LINES, MAX_LIST_ITEMS } from '../../src/schema/registry.js'
import { validExample } from '../helpers/examples.js'

// biome-ignore lint/suspicious/noExplicitAny: hostile documents are arbitrary JSON
type Json = Record<string, any>

const base: Json = validExample('pcba-access-controller').doc

/** A fresh copy of a valid example passport. */
export const passport = (): Json => structuredClone(base)

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8')

/**
 * `passport()` with `set(doc, list)` putting a list in place, filled with `item(i)` (all of one
 * size) up to `count` items, or as many as fit in `maxBytes` when `count` is undefined.
 */
function filled(
  set: (doc: Json, list: unknown[]) => void,
  item: (i: number) => unknown,
  count?: number,
  maxBytes = DEFAULT_MAX_BYTES,
): Json {
  const doc = passport()
  const list: unknown[] = []
  set(doc, list)
  const n = count ?? Math.floor((maxBytes - bytes(doc)) / (bytes(item(0)) + 1))
  for (let i = 0; i < n; i++) list.push(item(i))
  return doc
}

/** Distinct strings of one length. */
const distinct = (prefix: string) => (i: number) => `${prefix}${String(i).padStart(7, '0')}`

/** A long positive Decimal that is not one ("0.111…1x"): quadratic for the old pattern. */
export function longDecimal(length: number): Json {
  const doc = passport()
  doc.credentialSubject.footprint.declaredUnitAmount = `0.${'1'.repeat(length)}x`
  return doc
}

const lines = (doc: Json, list: unknown[]) => {
  doc.credentialSubject.activityData = list
}

export interface Hostile {
  name: string
  doc: Json
}

/** The worst shapes found, each as large as the default caps allow (or at the list caps). */
export function hostilePassports(): Hostile[] {
  const fill = bytes(longDecimal(0))
  return [
    {
      name: 'positive Decimal "0.111…1x" filling 1 MiB',
      doc: longDecimal(DEFAULT_MAX_BYTES - fill),
    },
    {
      name: `${MAX_LINES} empty activity lines (the list cap)`,
      doc: filled(lines, () => ({}), MAX_LINES),
    },
    { name: 'empty activity lines filling 1 MiB', doc: filled(lines, () => ({})) },
    {
      name: 'activity lines with every field of the wrong type, filling 1 MiB',
      doc: filled(lines, () => ({
        activity: 1,
        activityType: 1,
        quantity: 1,
        unit: 1,
        granularity: 1,
        period: 1,
        temporalResolution: 1,
        lifecycleStage: 1,
        scope: 'x',
        emissionFactor: 1,
        emissions: 1,
        x: 1,
      })),
    },
    {
      name: `${MAX_LIST_ITEMS} standards, the last one a repeat of the first (uniqueItems at the list cap)`,
      doc: filled(
        (d, l) => {
          d.credentialSubject.footprint.crossSectoralStandards = l
        },
        (i) => distinct('S')(i === MAX_LIST_ITEMS - 1 ? 0 : i),
        MAX_LIST_ITEMS,
      ),
    },
    {
      name: 'distinct standards filling 1 MiB (uniqueItems over a $ref)',
      doc: filled((d, l) => {
        d.credentialSubject.footprint.crossSectoralStandards = l
      }, distinct('S')),
    },
    {
      name: 'distinct product identifiers filling 1 MiB',
      doc: filled((d, l) => {
        d.credentialSubject.product.identifiers = l
      }, distinct('urn:x:')),
    },
    {
      name: 'credential types filling 1 MiB, none of the required ones',
      doc: filled((d, l) => {
        d.type = l
      }, distinct('T')),
    },
    {
      name: 'unknown product properties filling 1 MiB',
      doc: (() => {
        const doc = passport()
        const product = doc.credentialSubject.product
        const each = bytes({ k0000000: 0 }) - 1
        const n = Math.floor((DEFAULT_MAX_BYTES - bytes(doc)) / each)
        for (let i = 0; i < n; i++) product[distinct('k')(i)] = 0
        return doc
      })(),
    },
    {
      name: 'an IRI of 1 MiB that fails at its last character (format: uri)',
      doc: (() => {
        const doc = passport()
        const room = DEFAULT_MAX_BYTES - bytes(doc) + bytes(doc.id) - 2
        doc.id = `https://${'a'.repeat(room - 9)} `
        return doc
      })(),
    },
    {
      name: 'scope 3 entries of the wrong shape filling 1 MiB',
      doc: filled(
        (d, l) => {
          d.credentialSubject.footprint.scopeBreakdown.scope3 = l
        },
        () => ({ category: 'x', emissions: 1 }),
      ),
    },
  ]
}

/** One million activity lines (one shared line): far past 1 MiB. */
export function millionLines(): Json {
  const doc = passport()
  const line = doc.credentialSubject.activityData[0]
  doc.credentialSubject.activityData = new Array(1_000_000).fill(line)
  return doc
}
