/** `carbon-passport inspect`: a readable summary of a passport, signed or not (nothing is verified). */
import type { Command } from 'commander'
import { isUnwrapFailure, unwrapCredential } from '../../input/envelope.js'
import type { Json } from '../../json.js'
import { color, exitCodesHelp, fail, json, readText, writeOutput } from '../io.js'

const obj = (v: unknown): Json => (v !== null && typeof v === 'object' ? (v as Json) : {})
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : [])

/** The facts a person looks for first, read from an (unverified) credential. */
export function summarize(credential: Json): Json {
  const subject = obj(credential.credentialSubject)
  const product = obj(subject.product)
  const footprint = obj(subject.footprint)
  const battery = subject.battery === undefined ? undefined : obj(subject.battery)
  const issuer = credential.issuer
  return {
    id: credential.id,
    issuer: typeof issuer === 'string' ? issuer : obj(issuer).id,
    validFrom: credential.validFrom,
    validUntil: credential.validUntil,
    product: { id: subject.id, name: product.name, granularity: product.granularity },
    manufacturer: obj(product.manufacturer).name,
    footprint: {
      pcfExcludingBiogenicUptake: footprint.pcfExcludingBiogenicUptake,
      per: `${footprint.declaredUnitAmount} ${footprint.declaredUnitOfMeasurement}`,
      systemBoundary: footprint.systemBoundary,
      referencePeriod: `${footprint.referencePeriodStart} – ${footprint.referencePeriodEnd}`,
      stages: list(footprint.lifecycleStages).map((s) => `${s.stage}: ${s.emissions}`),
    },
    activityDataLines: list(subject.activityData).length,
    components: list(subject.components).map(
      (c) => `${obj(c.product).name ?? c.passport} × ${c.quantity} ${c.unit}`,
    ),
    battery: battery && {
      level: battery.level,
      category: battery.category,
      chemistry: battery.chemistry,
      ratedEnergy: battery.ratedEnergy,
      declarations: list(battery.declarations).map(
        (d) =>
          `${d.framework}: ${d.footprintPerFunctionalUnit} kgCO2e/${obj(d.functionalUnit).unit} (${d.systemBoundary})`,
      ),
    },
    verification: subject.verification && obj(subject.verification).providerName,
    precedingPassports: subject.precedingPassports,
    proof:
      credential.proof === undefined
        ? undefined
        : list([credential.proof].flat()).map((p) => p.cryptosuite ?? p.type),
  }
}

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description('summarize a passport (JSON, vc+jwt or enveloped); does not verify it')
    .argument('<file>', 'passport file; - for stdin')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      exitCodesHelp({
        0: 'the summary was printed',
        1: '(not used: inspect gives no verdict; use verify)',
        2: 'bad usage, or a file that cannot be read or is not a credential',
      }),
    )
    .action((file: string, opts: { json?: boolean }) => {
      const unwrapped = unwrapCredential(readText(file))
      if (isUnwrapFailure(unwrapped)) fail(`${file}: ${unwrapped.message}`)
      const summary = { format: unwrapped.format, ...summarize(unwrapped.credential) }
      if (opts.json) return writeOutput(json(summary))
      const lines: string[] = []
      const walk = (value: unknown, indent: string) => {
        for (const [k, v] of Object.entries(obj(value))) {
          if (v === undefined) continue
          if (Array.isArray(v)) {
            lines.push(`${indent}${color.bold(k)}:`)
            for (const item of v) lines.push(`${indent}  - ${String(item)}`)
          } else if (v !== null && typeof v === 'object') {
            lines.push(`${indent}${color.bold(k)}:`)
            walk(v, `${indent}  `)
          } else lines.push(`${indent}${color.bold(k)}: ${String(v)}`)
        }
      }
      walk(summary, '')
      writeOutput(lines.join('\n'))
    })
}
