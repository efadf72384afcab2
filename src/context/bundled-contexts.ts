/**
 * Every context the default loader serves: the core ones (bundled.ts, the very same objects) and
 * the Data Integrity, Multikey, Security, Bitstring Status List and DID contexts. Loaded by the
 * loader on the first URL the core contexts do not have, and by the Data Integrity stack.
 */
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context'
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context'
import { contexts as securityContexts } from '@digitalbazaar/security-context'
import { contexts as statusListContexts } from '@digitalbazaar/vc-bitstring-status-list-context'
import { contexts as didContexts } from 'did-context'
import { coreContexts, frozenCopies } from './bundled.js'

/** URL → context document, for every context the default loader serves. */
export const bundledContexts: ReadonlyMap<string, unknown> = new Map([
  ...coreContexts,
  ...frozenCopies(dataIntegrityContexts),
  ...frozenCopies(multikeyContexts),
  ...frozenCopies(securityContexts),
  ...frozenCopies(statusListContexts),
  ...frozenCopies(didContexts),
])
