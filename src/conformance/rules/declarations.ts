/**
 * The battery footprint declarations (`battery.declarations[]`): where each sits, the one a profile
 * reads, and the rule that a framework is declared once. `other-framework` may repeat: two other
 * methods are two different declarations, not a contradiction.
 */

import { defineCodes } from '../../findings/define.js'
import type { DeclarationFramework } from '../../model/types.js'
import { arr, type Json, obj, type RuleContext } from '../context.js'
import { EU, IEC63369 } from './sources.js'

/** The codes this rule reports. */
export const declarationCodes = defineCodes({
  DECLARATION_DUPLICATE: {
    severity: 'error',
    profiles: ['core'],
    title:
      'A battery carries at most one declaration per framework (iec-63369-1, eu-2023-1542); other-framework may repeat.',
    message:
      'A second "{actual}" declaration; a profile reads one declaration per framework, so give one.',
    source: `carbon-passport data model (docs/vocabulary.md); ${IEC63369}; ${EU} Art. 7(1)`,
  },
})

const { reportAt } = declarationCodes

/** A declaration with its index and its JSON Pointer below the subject. */
export interface DeclarationAt {
  readonly declaration: Json
  readonly index: number
  readonly path: string
}

/** Every declaration of the battery, in order. */
export function declarationsOf(ctx: RuleContext): DeclarationAt[] {
  return arr(obj(ctx.subject.battery).declarations).map((d, index) => ({
    declaration: obj(d),
    index,
    path: `/battery/declarations/${index}`,
  }))
}

/** The (first) declaration of a framework: the one its profile reads. */
export function declarationFor(
  ctx: RuleContext,
  framework: DeclarationFramework,
): DeclarationAt | undefined {
  return declarationsOf(ctx).find((d) => d.declaration.framework === framework)
}

export function declarationDuplicateRule(ctx: RuleContext): void {
  const seen = new Set<unknown>()
  for (const { declaration, path } of declarationsOf(ctx)) {
    const framework = declaration.framework
    if (typeof framework !== 'string' || framework === 'other-framework') continue
    if (seen.has(framework))
      reportAt(ctx, 'DECLARATION_DUPLICATE', `${path}/framework`, { actual: framework })
    seen.add(framework)
  }
}
