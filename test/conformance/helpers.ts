/** Small helpers shared by the conformance tests. */
import { readdirSync, readFileSync } from 'node:fs'
import type { ConformanceReport, Finding } from '../../src/results.js'

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

const examplesDir = new URL('../../examples/', import.meta.url)

/** The valid examples, `[file name, parsed JSON]`. */
export function validExamples(): [string, Loose][] {
  const dir = new URL('valid/', examplesDir)
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8'))])
}

/** A valid example by name (a fresh parse each call, so tests can mutate it). */
export function example(name: string): Loose {
  return JSON.parse(readFileSync(new URL(`valid/${name}.json`, examplesDir), 'utf8'))
}
