/**
 * The codes of chain verification (`verifyChain`, ./chain.ts) and of bundles (./bundle.ts). Each is
 * a finding on a node of the chain's tree; docs/chain.md lists them.
 */
import { defineCodes } from '../findings/define.js'

const source = 'carbon-passport chain verification (docs/chain.md)'

/** The codes `verifyChain` reports on the nodes of a chain. */
export const chainCodes = defineCodes({
  CHAIN_OPTION_INVALID: {
    severity: 'error',
    message: 'The chain options are invalid: {detail}.',
    tools: ['verifyChain'],
    title:
      'A chain option is invalid (`resolvePassport` not a function, `maxDepth` or `maxNodes` not an integer ≥ 1); nothing is resolved and the chain fails closed.',
    source,
  },
  CHAIN_UPSTREAM_MISSING: {
    severity: 'error',
    message: 'The upstream passport is missing: {detail}.',
    tools: ['verifyChain'],
    title:
      'The upstream passport a component names could not be resolved: `resolvePassport` gave nothing, or threw.',
    source,
  },
  CHAIN_UPSTREAM_NOT_VERIFIED: {
    severity: 'error',
    message: 'The upstream passport does not verify: {detail}.',
    tools: ['verifyChain'],
    title:
      'The upstream passport does not verify (tampered, expired, revoked, untrusted, not conforming…): its `result` says which checks failed.',
    source,
  },
  CHAIN_UPSTREAM_ID_MISMATCH: {
    severity: 'error',
    message: 'The passport resolved is not the one the component names: {detail}.',
    tools: ['verifyChain'],
    title:
      'The passport resolved for a component is not the one it names: its id, or its subject (the component product), differs.',
    source,
  },
  CHAIN_DIGEST_MISMATCH: {
    severity: 'error',
    message: 'The digest does not match the passport resolved: {detail}.',
    tools: ['verifyChain'],
    title:
      'The `digestMultibase` of the component is not the digest of the passport resolved (docs/digests.md): another version, another proof, or a change.',
    source,
  },
  CHAIN_DIGEST_UNSUPPORTED: {
    severity: 'error',
    message: 'The digestMultibase {actual} is not a sha2-256 multihash in u or z multibase.',
    tools: ['verifyChain'],
    title:
      'The `digestMultibase` of the component is not a sha2-256 multihash in base64url (`u`) or base58btc (`z`) multibase, so it cannot be checked.',
    source,
  },
  CHAIN_COMPONENT_INVALID: {
    severity: 'error',
    message: 'The component reference cannot be followed or checked: {detail}.',
    tools: ['verifyChain'],
    title:
      'A component reference cannot be followed or checked: no passport id, or no quantity, unit or emissions that can be read.',
    source,
  },
  CHAIN_UNIT_INCOMPATIBLE: {
    severity: 'error',
    message: 'The component unit does not convert to the upstream declared unit: {detail}.',
    tools: ['verifyChain'],
    title:
      'The unit of the component quantity cannot be converted to the declared unit of the upstream passport (pieces of a per-kilogram passport, an unknown unit).',
    source,
  },
  CHAIN_CONTRIBUTION_MISMATCH: {
    severity: 'error',
    message: 'The component emissions do not match the upstream footprint: {detail}.',
    tools: ['verifyChain'],
    title:
      'The emissions of the component are not its quantity × the upstream footprint per declared unit (pcfExcludingBiogenicUptake ÷ declaredUnitAmount), within the tolerance.',
    source,
  },
  CHAIN_CATEGORY_EXCEEDED: {
    severity: 'error',
    message: 'The components exceed the scope 3 emissions declared for them: {detail}.',
    tools: ['verifyChain'],
    title:
      'The components add up to more than the downstream passport declares for them: scope 3 category 1 (purchased goods), or category 4 for transport components (per tonne-kilometre).',
    source,
  },
  CHAIN_UPSTREAM_SUPERSEDED: {
    severity: 'error',
    message: 'The upstream passport is superseded: {detail}.',
    tools: ['verifyChain'],
    title:
      'A newer version of the upstream passport, verified and from the same issuer, names it in `precedingPassports`: the component cites a superseded passport.',
    source,
  },
  CHAIN_CYCLE: {
    severity: 'error',
    message: 'The chain has a cycle: {detail}.',
    tools: ['verifyChain'],
    title:
      'The component names a passport that is already on the path from the root passport to it: the chain has a cycle, which is not followed.',
    source,
  },
  CHAIN_DEPTH_LIMIT: {
    severity: 'error',
    message: 'The chain is deeper than maxDepth: {detail}.',
    tools: ['verifyChain'],
    title:
      'The component lies deeper than `maxDepth` (8 by default) below the root passport; it is not resolved, so the chain is not verified.',
    source,
  },
  CHAIN_NODE_LIMIT: {
    severity: 'error',
    message: 'The chain has more passports than maxNodes: {detail}.',
    tools: ['verifyChain'],
    title:
      'The chain has more than `maxNodes` (1,000 by default) passports; the component is not resolved, so the chain is not verified.',
    source,
  },
})
