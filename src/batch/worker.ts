/**
 * The worker of the verifier pool (piscina), shared by `verifyMany` and the verification service:
 * it receives the verify options once, as `workerData` (again on a `reload` task), and then runs
 * tasks (`tasks.ts`): chunks of batch inputs, or one request of the service. The options objects
 * are the same for every task, so the supplied DID documents are indexed once per worker.
 */
import { workerData } from 'node:worker_threads'
import { useOfflineJsonld } from '../credential/data-integrity/jsonld-offline.js'
import { type Task, TaskRunner, type WorkerSetup } from './tasks.js'

// Before a task can load jsonld.js: no task uses its fetching document loader, and this thread's
// modules are the pool's alone.
useOfflineJsonld()

const runner = new TaskRunner(workerData as WorkerSetup)

/** Runs one task; never throws for an input (every verify function returns a result). */
export default function runTask(task: Task): Promise<unknown> {
  return runner.run(task)
}
