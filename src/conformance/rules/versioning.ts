/** Versions: a passport does not precede itself. */

import { defineCodes } from '../../findings/define.js'
import { arr, type RuleContext } from '../context.js'

/** The codes these rules report. */
export const versioningCodes = defineCodes({
  PASSPORT_PRECEDES_ITSELF: {
    severity: 'error',
    profiles: ['core'],
    title: 'A passport does not list itself among the passports it replaces.',
    message: "precedingPassports lists the passport's own id {actual}.",
    source: 'carbon-passport data model (precedingPassports)',
  },
})

const { reportAt } = versioningCodes

export function precedingPassportsRule(ctx: RuleContext): void {
  const id = ctx.credential?.id
  if (typeof id !== 'string') return
  const preceding = arr(ctx.subject.precedingPassports)
  for (let i = 0; i < preceding.length; i++) {
    if (preceding[i] === id) {
      reportAt(ctx, 'PASSPORT_PRECEDES_ITSELF', `/precedingPassports/${i}`, { actual: id })
    }
  }
}
