/**
 * The worker of `verifyMany`'s pool (piscina): started once per `verifyMany` call, it receives the
 * verify options once, as `workerData`, and then verifies one raw input (an object, JSON text, a
 * compact JWS, an envelope) per task. The options object, and with it the `didDocuments` array, is
 * the same for every task, so the supplied DID documents are indexed once per worker.
 */
import { workerData } from 'node:worker_threads'
import { verifyCredential } from '../credential/verify.js'
import { verifyPassport } from '../passport/verify.js'
import { type Outcome, outcomeOf, type WorkerSetup } from './verify-many.js'

const setup = workerData as WorkerSetup
const verify = setup.kind === 'credential' ? verifyCredential : verifyPassport

/** Verifies one input; never throws (both verify functions return a result whatever the input). */
export default async function verifyTask(input: unknown): Promise<Outcome> {
  return outcomeOf(await verify(input, setup.options), setup.includeCredential)
}
