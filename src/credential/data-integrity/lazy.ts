/**
 * The Data Integrity stack, loaded on first use (issue 13: start-up). `verify.ts`, `issue.ts` and
 * `suites.ts` load jsonld.js, rdf-canonize, the cryptosuites and `@digitalbazaar/vc` (well over
 * 100 ms of start-up), and `checks/form.ts` the compact-form check; a vc+jwt, conformance or a
 * process that never meets a Data Integrity credential needs none of them. The credential and
 * presentation modules import these stand-ins instead: the same functions, by the same names,
 * which load the module behind each on their first call (they were asynchronous already). The
 * cryptosuite names and key algorithms come from the key table (keys/algorithms.ts), as suites.ts
 * takes them, so that checking options loads nothing.
 */
import { CRYPTOSUITE_KEY_ALGORITHM } from '../../keys/algorithms.js'
import type { KeyAlgorithm } from '../../keys/types.js'
import type * as Form from '../checks/form.js'
import type * as Issue from './issue.js'
import type { CryptosuiteName } from './suites.js'
import type * as Verify from './verify.js'

/** The key algorithm each supported cryptosuite needs (suites.ts's, from the same table). */
export const CRYPTOSUITE_ALGORITHM: Readonly<Record<CryptosuiteName, KeyAlgorithm>> =
  CRYPTOSUITE_KEY_ALGORITHM

/** Whether a value names a supported cryptosuite (as suites.ts's `isCryptosuiteName`). */
export const isCryptosuiteName = (v: unknown): v is CryptosuiteName =>
  typeof v === 'string' && Object.hasOwn(CRYPTOSUITE_KEY_ALGORITHM, v)

/** One dynamic import, started on the first call and shared by every later one. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined
  return () => {
    loading ??= load().catch((err: unknown) => {
      loading = undefined // a failed load (a missing file, say) is tried again next time
      throw err
    })
    return loading
  }
}

const form = once(() => import('../checks/form.js'))
const verify = once(() => import('./verify.js'))
const issue = once(() => import('./issue.js'))

/** `checks/form.ts`'s `readCompactForm`, loaded on first call. */
export async function readCompactForm(
  ...args: Parameters<typeof Form.readCompactForm>
): ReturnType<typeof Form.readCompactForm> {
  return (await form()).readCompactForm(...args)
}

/** `verify.ts`'s `verifyDataIntegrity`, loaded (with the Data Integrity stack) on first call. */
export async function verifyDataIntegrity(
  ...args: Parameters<typeof Verify.verifyDataIntegrity>
): ReturnType<typeof Verify.verifyDataIntegrity> {
  return (await verify()).verifyDataIntegrity(...args)
}

/** `issue.ts`'s `issueDataIntegrity`, loaded (with the Data Integrity stack) on first call. */
export async function issueDataIntegrity(
  ...args: Parameters<typeof Issue.issueDataIntegrity>
): ReturnType<typeof Issue.issueDataIntegrity> {
  return (await issue()).issueDataIntegrity(...args)
}

/** `issue.ts`'s `issueDataIntegrityPresentation`, loaded on first call. */
export async function issueDataIntegrityPresentation(
  ...args: Parameters<typeof Issue.issueDataIntegrityPresentation>
): ReturnType<typeof Issue.issueDataIntegrityPresentation> {
  return (await issue()).issueDataIntegrityPresentation(...args)
}
