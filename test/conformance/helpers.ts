/** Small helpers shared by the conformance tests. */
import type { ConformanceReport, Finding } from '../../src/results.js'
import { evPackUnderEuAct, validExample } from '../helpers/examples.js'

/** A parsed JSON document that tests poke into freely. */
// biome-ignore lint/suspicious/noExplicitAny: tests mutate arbitrary JSON
export type Loose = Record<string, any>

/** The findings of a report as `CODE path` strings (errors and warnings; info left out). */
export const issues = (report: ConformanceReport): string[] =>
  report.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code} ${f.path}`)

/** The distinct error codes of a report. */
export const errorCodes = (report: ConformanceReport): string[] => [
  ...new Set(report.findings.filter((f) => f.severity === 'error').map((f) => f.code)),
]

export const only = (report: ConformanceReport, code: string): Finding[] =>
  report.findings.filter((f) => f.code === code)

/** The document of a valid example, by name, to poke into (a fresh parse each call). */
export const example = (name: string): Loose => validExample(name).doc

/** The EV pack declared under EU Art. 7 (the example itself makes no Art. 7 claim). */
export const evPackUnderEu = (): Loose => evPackUnderEuAct(example('ev-nmc-pack'))
