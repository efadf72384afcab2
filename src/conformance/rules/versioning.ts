/** Versions: a passport does not precede itself. */
import { arr, type RuleContext, reportAt } from '../context.js'

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
