/**
 * `verifyChain`: verifies a passport and, through the caller's `resolvePassport`, every upstream
 * passport its components cite, recursively, and checks each link: the digest, the unit, the
 * contribution, the scope 3 totals, supersession and cycles. The library never fetches: the
 * resolver is the caller's (a Map, a folder, a bundle: `resolveFromBundle`). Never throws.
 */
import {
  add,
  approxEqual,
  compare,
  type Dec,
  decimalFromNumber,
  div,
  divExact,
  formatDecimal,
  mul,
  parseDecimal,
  sign,
  ZERO,
} from '../decimal/core.js'
import { commonCodes } from '../findings/common.js'
import { combineCodes } from '../findings/define.js'
import type { Finding } from '../findings/finding.js'
import { DECLARED_UNIT_CODES } from '../generate/roll-up.js'
import { describeError } from '../guard.js'
import type { ComponentReference } from '../model/types.js'
import { type VerifyPassportOptions, verifyPassport } from '../passport/verify.js'
import type { VerificationResult } from '../results.js'
import { convertQuantity, lookupUnit, type UnitDefinition } from '../units.js'
import { chainCodes } from './chain.codes.js'
import { computePassportDigest } from './digest.js'

const { finding } = combineCodes(chainCodes, commonCodes)

/** How deep below the root passport `verifyChain` follows components by default: 8 levels. */
export const DEFAULT_MAX_CHAIN_DEPTH = 8

/** How many passports `verifyChain` resolves and verifies by default, the root included: 1,000. */
export const DEFAULT_MAX_CHAIN_NODES = 1000

/**
 * The caller's resolver: the upstream passport a component names, as any form `verifyPassport`
 * reads (a credential object, a compact JWS, an envelope, JSON text), or `undefined`/`null` when it
 * has none. May be async; a throw or a rejection is reported as CHAIN_UPSTREAM_MISSING.
 *
 * @param id - The passport id the component names (`components[i].passport`).
 * @param reference - The whole component reference, as the downstream passport states it.
 */
export type ResolvePassport = (
  id: string,
  reference: Readonly<Partial<ComponentReference>>,
) => unknown

/**
 * Options of `verifyChain`: the resolver, the chain's caps, and every option of `verifyPassport`
 * (DID documents, status lists, `now`, profiles, tolerance, …), applied to each passport.
 */
export interface VerifyChainOptions extends Omit<VerifyPassportOptions, 'maxDepth'> {
  /** Resolves the upstream passport of a component (see `ResolvePassport`). Required. */
  resolvePassport: ResolvePassport
  /**
   * How many levels of components below the root are followed (`DEFAULT_MAX_CHAIN_DEPTH`, 8): the
   * root's components are at depth 1. A component deeper than this is a CHAIN_DEPTH_LIMIT node.
   */
  maxDepth?: number
  /**
   * How many passports are resolved and verified at most, the root included
   * (`DEFAULT_MAX_CHAIN_NODES`, 1,000); a component past it is a CHAIN_NODE_LIMIT node.
   */
  maxNodes?: number
  /** The nesting cap of each passport's JSON: `verifyPassport`'s `maxDepth` (64 by default). */
  maxInputDepth?: number
  /**
   * Other passports you hold (a bundle's, say; at most `maxNodes` are read): one that verifies and
   * names a chain passport of its own issuer in `precedingPassports` supersedes it. Every passport
   * of the chain counts too.
   */
  passports?: readonly unknown[]
}

/** A chain node's verdict, and the chain's: `fail` when it or any passport below it fails. */
export type ChainVerdict = 'pass' | 'fail'

/** One passport of the chain: what was resolved for a component, and its own components. */
export interface ChainNode {
  /** The passport id: the one the component names, or the root credential's. */
  id: string | undefined
  /**
   * Where the component reference is in the downstream passport (`/credentialSubject/components/0`);
   * `''` for the root.
   */
  path: string
  /** 0 for the root, 1 for its components, … */
  depth: number
  /** The component reference as the downstream passport states it (untrusted); none for the root. */
  reference?: Readonly<Record<string, unknown>>
  /** The digest of what was resolved (docs/digests.md), when it could be computed. */
  digest?: string
  /**
   * The contribution the upstream footprint gives this component per declared unit of the
   * downstream product (quantity × pcfExcludingBiogenicUptake ÷ declaredUnitAmount), exact or to 12
   * decimal places, when it could be computed.
   */
  contribution?: string
  /** The full `verifyPassport` result; absent when nothing was resolved (missing, cycle, caps). */
  result?: VerificationResult
  /**
   * The chain's findings on this node. Those about the component reference (digest, unit,
   * contribution, id) have paths into the downstream passport; the others, into this one.
   */
  findings: Finding[]
  /** This passport alone: resolved, `result.verified`, and no error among `findings`. */
  verified: boolean
  /** `pass` when this node and every node below it are verified. */
  verdict: ChainVerdict
  /** The nodes of this passport's components, in their order. */
  components: ChainNode[]
}

/** What `verifyChain` returns; never thrown. */
export interface ChainReport {
  /** True when the root's verdict is `pass`: every passport of the chain verified, every link held. */
  verified: boolean
  /** The chain's verdict: the root's. */
  verdict: ChainVerdict
  /** The root passport's node, with the whole tree below it. */
  root: ChainNode
  /** How many nodes the tree has (resolved or not). */
  nodes: number
  /** How many passports were resolved and verified (each distinct passport once). */
  verifiedPassports: number
}

type Fields = Readonly<Record<string, unknown>>

const isObject = (v: unknown): v is Fields =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const field = (o: unknown, name: string): unknown =>
  isObject(o) && Object.hasOwn(o, name) ? o[name] : undefined
const text = (o: unknown, name: string): string | undefined => {
  const v = field(o, name)
  return typeof v === 'string' ? v : undefined
}
const exact = (d: Dec): string => formatDecimal(d, Number.POSITIVE_INFINITY)

interface Settings {
  resolve: ResolvePassport
  maxDepth: number
  maxNodes: number
  tolerance: Dec
  verifyOptions: VerifyPassportOptions
  passports: readonly unknown[]
}

interface State {
  settings: Settings
  /** Passports resolved so far (each visit counts, so the tree is bounded). */
  visits: number
  /** Tree nodes so far. */
  nodes: number
  /** Verifications by digest, so a passport cited twice (a diamond) is verified once. */
  cache: Map<string, Promise<VerificationResult>>
  /** Every node with a verification result, for supersession. */
  resolved: ChainNode[]
  /** The upstream's declared unit, by node (for the category 4 split). */
  declared: WeakMap<ChainNode, UnitDefinition>
}

/**
 * Verifies a passport and its supply chain. Each passport is verified with `verifyPassport` (the
 * options of this call) and each component reference of a passport is followed through
 * `resolvePassport`, depth-first in component order, and checked:
 *
 * - the passport resolved is the one named (id, product) and its digest is the reference's
 *   `digestMultibase` (`computePassportDigest`, docs/digests.md): CHAIN_UPSTREAM_ID_MISMATCH,
 *   CHAIN_DIGEST_MISMATCH, CHAIN_DIGEST_UNSUPPORTED;
 * - it verifies: CHAIN_UPSTREAM_NOT_VERIFIED (tampered, expired, revoked, …: `result` says why);
 * - the reference's unit converts to the upstream's declared unit (CHAIN_UNIT_INCOMPATIBLE), and
 *   its `emissions` are quantity × the upstream's pcfExcludingBiogenicUptake ÷ declaredUnitAmount
 *   within `tolerance` (0.001 relative by default), computed exactly (CHAIN_CONTRIBUTION_MISMATCH);
 * - on the downstream node, the components' emissions add up to no more than its scope 3
 *   category 1, or category 4 for transport components (per tonne-kilometre), within the tolerance
 *   (CHAIN_CATEGORY_EXCEEDED);
 * - no verified passport of the chain or of `options.passports`, by the same issuer, names it in
 *   `precedingPassports` (CHAIN_UPSTREAM_SUPERSEDED);
 * - nothing missing (CHAIN_UPSTREAM_MISSING), no cycle (CHAIN_CYCLE), and the caps: `maxDepth`
 *   levels (8) and `maxNodes` passports (1,000), past which a component is a CHAIN_DEPTH_LIMIT or
 *   CHAIN_NODE_LIMIT node and the chain does not verify.
 *
 * A node's `verdict` fails when it or any node below it fails, so a broken upstream marks every
 * passport downstream of it. Time is linear in the number of nodes; a passport cited twice is
 * verified once. Never throws, and never fetches.
 *
 * @param passport - The root passport, in any form `verifyPassport` reads.
 * @param options - The resolver, the caps, and the options of `verifyPassport`.
 * @returns The tree report.
 *
 * @example
 * ```ts
 * const upstream = new Map([[cell.id, cell]])
 * const report = await verifyChain(cabinet, {
 *   resolvePassport: (id) => upstream.get(id),
 *   didDocuments,
 * })
 * if (!report.verified) console.log(report.root.components.map((n) => n.findings))
 * ```
 */
export async function verifyChain(
  passport: unknown,
  options: VerifyChainOptions,
): Promise<ChainReport> {
  const root = emptyNode(undefined, '', 0)
  let state: State | undefined
  try {
    const settings = readSettings(options, root)
    if (settings === undefined) return report(root, 1, 0)
    state = {
      settings,
      visits: 0,
      nodes: 1,
      cache: new Map(),
      resolved: [],
      declared: new WeakMap(),
    }
    state.visits++
    await resolveNode(root, passport, state)
    await visitComponents(root, new Set(root.id === undefined ? [] : [root.id]), state)
    await markSuperseded(state)
    decide(root)
    return report(root, state.nodes, state.cache.size)
  } catch (err) {
    root.findings.push(
      finding('INTERNAL_ERROR', '', `chain verification stopped: ${describeError(err)}`),
    )
    decide(root)
    return report(root, state?.nodes ?? 1, state?.cache.size ?? 0)
  }
}

function emptyNode(id: string | undefined, path: string, depth: number): ChainNode {
  return { id, path, depth, findings: [], verified: false, verdict: 'fail', components: [] }
}

function report(root: ChainNode, nodes: number, verifiedPassports: number): ChainReport {
  return {
    verified: root.verdict === 'pass',
    verdict: root.verdict,
    root,
    nodes,
    verifiedPassports,
  }
}

const isCap = (v: unknown): boolean =>
  typeof v === 'number' && (v === Number.POSITIVE_INFINITY || (Number.isInteger(v) && v >= 1))

/** The options, read once; undefined (a finding on the root) when they are invalid. */
function readSettings(options: VerifyChainOptions, root: ChainNode): Settings | undefined {
  const invalid = (detail: string): undefined => {
    root.findings.push(finding('CHAIN_OPTION_INVALID', '', { detail }))
    return undefined
  }
  let rest: Omit<VerifyChainOptions, 'resolvePassport'>
  let resolve: unknown
  let maxDepth: unknown
  let maxNodes: unknown
  let maxInputDepth: unknown
  let passports: unknown
  try {
    if (!isObject(options)) return invalid('the options are an object with `resolvePassport`')
    ;({ resolvePassport: resolve, maxDepth, maxNodes, maxInputDepth, passports, ...rest } = options)
  } catch (err) {
    return invalid(`the options cannot be read (${describeError(err)})`)
  }
  if (typeof resolve !== 'function') return invalid('`resolvePassport` must be a function')
  maxDepth ??= DEFAULT_MAX_CHAIN_DEPTH
  maxNodes ??= DEFAULT_MAX_CHAIN_NODES
  if (!isCap(maxDepth)) return invalid('`maxDepth` must be an integer ≥ 1 (or Infinity)')
  if (!isCap(maxNodes)) return invalid('`maxNodes` must be an integer ≥ 1 (or Infinity)')
  if (passports !== undefined && !Array.isArray(passports)) {
    return invalid('`passports` must be an array')
  }
  const tol = rest.tolerance ?? 0.001
  if (typeof tol !== 'number' || !Number.isFinite(tol) || tol < 0) {
    return invalid('`tolerance` must be a finite number ≥ 0')
  }
  return {
    resolve: resolve as ResolvePassport,
    maxDepth: maxDepth as number,
    maxNodes: maxNodes as number,
    tolerance: decimalFromNumber(tol),
    verifyOptions: {
      ...rest,
      ...(maxInputDepth === undefined ? {} : { maxDepth: maxInputDepth as number }),
    },
    passports: (passports as unknown[] | undefined) ?? [],
  }
}

/** Verifies what was resolved for `node` (once per digest) and records its digest and result. */
async function resolveNode(node: ChainNode, input: unknown, state: State): Promise<void> {
  let digest: string | undefined
  try {
    digest = computePassportDigest(input)
    node.digest = digest
  } catch {
    // Not a credential that can be digested: verification says why.
  }
  let pending = digest === undefined ? undefined : state.cache.get(digest)
  if (pending === undefined) {
    pending = verifyPassport(input, state.settings.verifyOptions)
    if (digest !== undefined) state.cache.set(digest, pending)
  }
  const result = await pending
  node.result = result
  state.resolved.push(node)
  const id = text(result.credential, 'id')
  if (node.id === undefined) node.id = id
  if (!result.verified && node.depth > 0) {
    const failed = result.checks.filter((c) => c.status === 'fail')
    node.findings.push(
      finding('CHAIN_UPSTREAM_NOT_VERIFIED', '', {
        detail: `failed: ${failed.map((c) => `${c.id} (${[...new Set(c.findings.filter((f) => f.severity === 'error').map((f) => f.code))].join(', ')})`).join('; ')}`,
      }),
    )
  }
}

/** Follows each component of `node`'s credential, then checks their sum against scope 3. */
async function visitComponents(node: ChainNode, ancestors: Set<string>, state: State) {
  const credential = node.result?.credential
  const components = field(field(credential, 'credentialSubject'), 'components')
  if (!Array.isArray(components)) return
  for (let i = 0; i < components.length; i++) {
    const child = await visitComponent(components[i], i, node, ancestors, state)
    node.components.push(child)
  }
  checkCategories(node, components, state)
}

async function visitComponent(
  reference: unknown,
  index: number,
  parent: ChainNode,
  ancestors: Set<string>,
  state: State,
): Promise<ChainNode> {
  const path = `/credentialSubject/components/${index}`
  const depth = parent.depth + 1
  const id = text(reference, 'passport')
  const node = emptyNode(id, path, depth)
  state.nodes++
  if (!isObject(reference) || id === undefined) {
    node.findings.push(
      finding('CHAIN_COMPONENT_INVALID', `${path}/passport`, {
        detail: 'the component names no upstream passport (passport, a string)',
      }),
    )
    return node
  }
  node.reference = reference
  const { settings } = state
  if (ancestors.has(id)) {
    node.findings.push(
      finding('CHAIN_CYCLE', `${path}/passport`, {
        detail: `${id} is already on the path from the root to here`,
      }),
    )
    return node
  }
  if (depth > settings.maxDepth) {
    node.findings.push(
      finding('CHAIN_DEPTH_LIMIT', `${path}/passport`, {
        detail: `${id} is ${depth} levels below the root; maxDepth is ${settings.maxDepth}`,
      }),
    )
    return node
  }
  if (state.visits >= settings.maxNodes) {
    node.findings.push(
      finding('CHAIN_NODE_LIMIT', `${path}/passport`, {
        detail: `${id} was not resolved: maxNodes (${settings.maxNodes}) passports were resolved already`,
      }),
    )
    return node
  }
  state.visits++
  let resolved: unknown
  try {
    resolved = await settings.resolve(id, reference as Partial<ComponentReference>)
  } catch (err) {
    node.findings.push(
      finding('CHAIN_UPSTREAM_MISSING', `${path}/passport`, {
        detail: `resolvePassport failed for ${id}: ${describeError(err)}`,
      }),
    )
    return node
  }
  if (resolved === undefined || resolved === null) {
    node.findings.push(
      finding('CHAIN_UPSTREAM_MISSING', `${path}/passport`, {
        detail: `resolvePassport has no passport ${id}`,
      }),
    )
    return node
  }
  await resolveNode(node, resolved, state)
  checkLink(node, reference, path, state)
  // The path from the root, shared and backtracked (a copy per node would make a line quadratic).
  const added = [id, text(node.result?.credential, 'id')].filter(
    (x): x is string => x !== undefined && !ancestors.has(x),
  )
  for (const x of added) ancestors.add(x)
  try {
    await visitComponents(node, ancestors, state)
  } finally {
    for (const x of added) ancestors.delete(x)
  }
  return node
}

/** The checks of one link: the id, the digest, the unit and the contribution. */
function checkLink(node: ChainNode, reference: Fields, path: string, state: State): void {
  const credential = node.result?.credential
  const subject = field(credential, 'credentialSubject')
  const push = (f: Finding) => node.findings.push(f)
  const ownId = text(credential, 'id')
  if (credential !== undefined && ownId !== node.id) {
    push(
      finding('CHAIN_UPSTREAM_ID_MISMATCH', `${path}/passport`, {
        expected: node.id ?? '',
        actual: ownId ?? 'no id',
        detail: `the passport resolved for ${node.id} has the id ${ownId ?? '(none)'}`,
      }),
    )
  }
  const productId = text(field(reference, 'product'), 'id')
  const subjectId = text(subject, 'id')
  if (productId !== undefined && subjectId !== undefined && productId !== subjectId) {
    push(
      finding('CHAIN_UPSTREAM_ID_MISMATCH', `${path}/product/id`, {
        expected: productId,
        actual: subjectId,
        detail: `the component product is ${productId}, the resolved passport is about ${subjectId}`,
      }),
    )
  }
  checkDigest(node, field(reference, 'digestMultibase'), `${path}/digestMultibase`)
  if (subject !== undefined) checkContribution(node, reference, subject, path, state)
}

function checkDigest(node: ChainNode, stated: unknown, path: string): void {
  const wanted = typeof stated === 'string' ? decodeDigest(stated) : undefined
  if (wanted === undefined) {
    node.findings.push(
      finding('CHAIN_DIGEST_UNSUPPORTED', path, {
        actual: typeof stated === 'string' ? stated.slice(0, 80) : typeof stated,
      }),
    )
    return
  }
  const actual = node.digest === undefined ? undefined : decodeDigest(node.digest)
  if (actual === undefined || !actual.equals(wanted)) {
    node.findings.push(
      finding('CHAIN_DIGEST_MISMATCH', path, {
        expected: String(stated),
        actual: node.digest ?? '(no digest: the passport cannot be canonicalized)',
        detail: `the component states ${String(stated)}, the passport resolved has ${node.digest ?? 'none'}`,
      }),
    )
  }
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'

/** The bytes of a sha2-256 multihash in `u` or `z` multibase; undefined for anything else. */
export function decodeDigest(value: string): Buffer | undefined {
  if (value.length > 100) return undefined
  let bytes: Buffer | undefined
  if (value.startsWith('u')) {
    const body = value.slice(1)
    if (!/^[A-Za-z0-9_-]*$/.test(body)) return undefined
    bytes = Buffer.from(body, 'base64url')
    if (bytes.toString('base64url') !== body) return undefined
  } else if (value.startsWith('z')) {
    let n = 0n
    const body = value.slice(1)
    for (const ch of body) {
      const d = BASE58.indexOf(ch)
      if (d < 0) return undefined
      n = n * 58n + BigInt(d)
    }
    const hex = n === 0n ? '' : n.toString(16)
    const zeros = /^1*/.exec(body)?.[0].length ?? 0
    bytes = Buffer.concat([
      Buffer.alloc(zeros),
      Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex'),
    ])
  }
  if (bytes === undefined || bytes.length !== 34 || bytes[0] !== 0x12 || bytes[1] !== 0x20) {
    return undefined
  }
  return bytes
}

/** The upstream's declared unit, as a unit of the table (PACT name → Rec 20 code). */
function declaredUnitOf(footprint: unknown): UnitDefinition | undefined {
  const name = field(footprint, 'declaredUnitOfMeasurement')
  return typeof name === 'string' && Object.hasOwn(DECLARED_UNIT_CODES, name)
    ? lookupUnit(DECLARED_UNIT_CODES[name])
    : undefined
}

function checkContribution(
  node: ChainNode,
  reference: Fields,
  subject: unknown,
  path: string,
  state: State,
): void {
  const push = (f: Finding) => node.findings.push(f)
  const footprint = field(subject, 'footprint')
  const declared = declaredUnitOf(footprint)
  if (declared) state.declared.set(node, declared)
  const quantity = parseDecimal(field(reference, 'quantity'))
  const emissions = parseDecimal(field(reference, 'emissions'))
  const unitValue = field(reference, 'unit')
  const unit = lookupUnit(unitValue)
  if (quantity === undefined || sign(quantity) <= 0 || emissions === undefined) {
    push(
      finding('CHAIN_COMPONENT_INVALID', quantity === undefined ? `${path}/quantity` : path, {
        detail: 'the component has no quantity (a Decimal > 0) or no emissions (a Decimal)',
      }),
    )
    return
  }
  if (unit === undefined || declared === undefined) {
    push(
      finding('CHAIN_UNIT_INCOMPATIBLE', `${path}/unit`, {
        detail:
          unit === undefined
            ? `the unit ${JSON.stringify(String(unitValue)).slice(0, 40)} is not a UN/ECE Rec 20 code the library knows`
            : `the upstream declared unit ${JSON.stringify(String(field(footprint, 'declaredUnitOfMeasurement'))).slice(0, 40)} has no Rec 20 unit to convert to`,
      }),
    )
    return
  }
  const converted = convertQuantity(quantity, unit, declared)
  if (converted === undefined) {
    push(
      finding('CHAIN_UNIT_INCOMPATIBLE', `${path}/unit`, {
        expected: declared.code,
        actual: unit.code,
        detail: `the quantity is in ${unit.code} (${unit.dimension}), the upstream passport is per ${declared.code} (${declared.dimension})`,
      }),
    )
    return
  }
  const amount = parseDecimal(field(footprint, 'declaredUnitAmount'))
  const pcf = parseDecimal(field(footprint, 'pcfExcludingBiogenicUptake'))
  if (amount === undefined || sign(amount) <= 0 || pcf === undefined) return // the upstream's schema check says why
  const product = mul(converted.value, pcf)
  const contribution = divExact(product, amount) ?? div(product, amount, 12, 'half-even')
  node.contribution = exact(contribution)
  if (!approxEqual(mul(emissions, amount), product, state.settings.tolerance)) {
    push(
      finding('CHAIN_CONTRIBUTION_MISMATCH', `${path}/emissions`, {
        expected: node.contribution,
        actual: exact(emissions),
        detail: `${exact(converted.value)} ${declared.code} × ${exact(pcf)} kgCO2e per ${exact(amount)} ${declared.code} is ${node.contribution} kgCO2e, the component states ${exact(emissions)}`,
      }),
    )
  }
}

/** The components' emissions against scope 3 category 1 (goods) and 4 (transport), on `node`. */
function checkCategories(node: ChainNode, components: unknown[], state: State): void {
  const subject = field(node.result?.credential, 'credentialSubject')
  const scope3 = field(field(field(subject, 'footprint'), 'scopeBreakdown'), 'scope3')
  const declaredFor = (category: number): Dec => {
    let total = ZERO
    if (Array.isArray(scope3)) {
      for (const entry of scope3) {
        if (field(entry, 'category') !== category) continue
        const d = parseDecimal(field(entry, 'emissions'))
        if (d !== undefined) total = add(total, d)
      }
    }
    return total
  }
  let goods = ZERO
  let transport = ZERO
  components.forEach((c, i) => {
    const d = parseDecimal(field(c, 'emissions'))
    if (d === undefined) return
    const child = node.components[i]
    const declared = child === undefined ? undefined : state.declared.get(child)
    const isTransport =
      declared?.dimension === 'transport' || lookupUnit(field(c, 'unit'))?.dimension === 'transport'
    if (isTransport) transport = add(transport, d)
    else goods = add(goods, d)
  })
  const one = add(decimalFromNumber(1), state.settings.tolerance)
  for (const [category, total, what] of [
    [1, goods, 'purchased goods'],
    [4, transport, 'transport'],
  ] as const) {
    if (sign(total) <= 0) continue
    const declared = declaredFor(category)
    if (compare(total, mul(declared, one)) > 0) {
      node.findings.push(
        finding('CHAIN_CATEGORY_EXCEEDED', '/credentialSubject/footprint/scopeBreakdown/scope3', {
          expected: `≤ ${exact(declared)}`,
          actual: exact(total),
          detail: `the ${what} components add up to ${exact(total)} kgCO2e, more than scope 3 category ${category} (${exact(declared)})`,
        }),
      )
    }
  }
}

/** CHAIN_UPSTREAM_SUPERSEDED on every node a verified newer version of the same issuer names. */
async function markSuperseded(state: State): Promise<void> {
  const successors = new Map<string, { id: string; issuer: string | undefined }[]>()
  const note = (result: VerificationResult) => {
    if (!result.verified) return
    const preceding = field(field(result.credential, 'credentialSubject'), 'precedingPassports')
    if (!Array.isArray(preceding)) return
    const id = text(result.credential, 'id') ?? '(no id)'
    for (const p of preceding) {
      if (typeof p !== 'string') continue
      const list = successors.get(p) ?? []
      list.push({ id, issuer: result.issuer })
      successors.set(p, list)
    }
  }
  for (const node of state.resolved) if (node.result) note(node.result)
  const extra = state.settings.passports.slice(0, state.settings.maxNodes)
  for (const input of extra) {
    let digest: string | undefined
    try {
      digest = computePassportDigest(input)
    } catch {
      continue
    }
    let pending = state.cache.get(digest)
    if (pending === undefined) {
      pending = verifyPassport(input, state.settings.verifyOptions)
      state.cache.set(digest, pending)
    }
    note(await pending)
  }
  if (successors.size === 0) return
  for (const node of state.resolved) {
    const id = text(node.result?.credential, 'id')
    if (id === undefined) continue
    const newer = successors.get(id)?.find((s) => s.issuer === node.result?.issuer && s.id !== id)
    if (newer) {
      node.findings.push(
        finding('CHAIN_UPSTREAM_SUPERSEDED', '/id', {
          actual: id,
          detail: `${newer.id} (the same issuer) names ${id} among its precedingPassports`,
        }),
      )
    }
  }
}

/** Sets `verified` and `verdict` bottom-up (iteratively: a deep chain must not overflow). */
function decide(root: ChainNode): void {
  const order: ChainNode[] = []
  const stack = [root]
  while (stack.length > 0) {
    const n = stack.pop() as ChainNode
    order.push(n)
    for (const c of n.components) stack.push(c)
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i] as ChainNode
    n.verified = n.result?.verified === true && !n.findings.some((f) => f.severity === 'error')
    n.verdict = n.verified && n.components.every((c) => c.verdict === 'pass') ? 'pass' : 'fail'
  }
}
