/**
 * Timing in separate processes, the way issue 13 asks: each side (carbon-passport on one format,
 * the stock stack, the floor) runs in its own Node process, so that one side's code never slows the
 * other's (the stock stack loaded beside ours made both slower: shared inline caches and heap).
 * Every process warms each of its operations (3,000 calls, or `warmMs` for very slow ones), then
 * the parent asks for one timed block per operation per round, process after process, so only one
 * process runs at a time and load from elsewhere hits all sides alike. Ratios are taken per round,
 * then their median.
 *
 * A child is an `.mjs` file run by plain `node` (no TypeScript loader in the measured process) that
 * calls `serveOperations` from ./child.mjs.
 */
import { type ChildProcess, fork } from 'node:child_process'

export interface BlockResult {
  /** Mean µs per call over the block. */
  us: number
  calls: number
}

interface Message {
  type: string
  [key: string]: unknown
}

/** A measuring child process: its operations' names, and a way to time one block of one. */
export interface Side {
  name: string
  operations: string[]
  block(operation: string, ms: number): Promise<BlockResult>
  close(): Promise<void>
}

/** Starts a child, sends it `setup`, and resolves once it has warmed every operation. */
export async function startSide(
  name: string,
  script: URL,
  setup: Record<string, unknown>,
): Promise<Side> {
  const child: ChildProcess = fork(script, [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  })
  // One request at a time: the parent always waits for the answer before asking again.
  let pending: { resolve(m: Message): void; reject(e: Error): void } | undefined
  child.on('message', (m: Message) => {
    const waiting = pending
    pending = undefined
    if (m.type === 'error') waiting?.reject(new Error(`${name}: ${String(m.message)}`))
    else waiting?.resolve(m)
  })
  child.on('exit', (code) => pending?.reject(new Error(`${name} exited with ${code}`)))
  const ask = (m: Message): Promise<Message> =>
    new Promise((resolve, reject) => {
      pending = { resolve, reject }
      child.send(m)
    })
  const ready = await ask({ type: 'setup', ...setup })
  return {
    name,
    operations: ready.operations as string[],
    async block(operation, ms) {
      const r = await ask({ type: 'block', operation, ms })
      return { us: r.us as number, calls: r.calls as number }
    },
    async close() {
      child.send({ type: 'exit' })
      await new Promise((resolve) => child.once('exit', resolve))
    },
  }
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** µs/op of every `side/operation`, one list per key with one entry per round. */
export type Rounds = Map<string, number[]>

/**
 * Runs `rounds` rounds: in each, every side times one block of each of its operations (the order
 * of the sides rotates from round to round). Returns the per-round µs/op by `side/operation`.
 */
export async function runRounds(
  sides: readonly Side[],
  options: { rounds: number; blockMs: number; onRound?: (round: number) => void },
): Promise<Rounds> {
  const out: Rounds = new Map()
  for (let r = 0; r < options.rounds; r++) {
    for (let i = 0; i < sides.length; i++) {
      const side = sides[(i + r) % sides.length] as Side
      for (const operation of side.operations) {
        const { us } = await side.block(operation, options.blockMs)
        const key = `${side.name}/${operation}`
        if (!out.has(key)) out.set(key, [])
        out.get(key)?.push(us)
      }
    }
    options.onRound?.(r + 1)
  }
  return out
}

/** The per-round speed ratio of `a` over `b` (b's time ÷ a's time: above 1 means a is faster). */
export function ratios(rounds: Rounds, a: string, b: string): number[] {
  const ta = rounds.get(a)
  const tb = rounds.get(b)
  if (!ta || !tb) throw new Error(`no timings for ${ta ? b : a}`)
  return ta.map((us, i) => (tb[i] as number) / us)
}

/** "1.23× (1.10–1.31)": the median ratio and its range over the rounds. */
export function describeRatios(values: readonly number[]): string {
  return `${median(values).toFixed(2)}× (${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)})`
}
