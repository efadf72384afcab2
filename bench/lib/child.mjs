/**
 * The child side of ./processes.ts. `serveOperations(prepare)` answers the parent: on `setup` it
 * calls `prepare(setup)` for a map of operation name → { items, run(item), warm? }, warms each
 * (WARM_CALLS calls, or at most `warmMs` when a call is slow; `warm: false` for an operation whose
 * code another one already warmed, as one example of the same call), and reports ready; on
 * `block` it times whole passes over the operation's items for at least the block's ms.
 */
const WARM_CALLS = 3000

export function serveOperations(prepare) {
  let operations
  process.on('message', async (m) => {
    try {
      if (m.type === 'setup') {
        operations = await prepare(m)
        for (const op of operations.values()) {
          if (op.warm === false) continue
          const deadline = performance.now() + (m.warmMs ?? 20_000)
          for (let i = 0; i < WARM_CALLS && performance.now() < deadline; i++) {
            await op.run(op.items[i % op.items.length])
          }
        }
        process.send({ type: 'ready', operations: [...operations.keys()] })
      } else if (m.type === 'block') {
        const op = operations.get(m.operation)
        const n = op.items.length
        let calls = 0
        const start = process.hrtime.bigint()
        const budget = BigInt(Math.round(m.ms * 1e6))
        while (calls % n !== 0 || process.hrtime.bigint() - start < budget) {
          await op.run(op.items[calls % n])
          calls++
        }
        const us = Number(process.hrtime.bigint() - start) / 1e3 / calls
        process.send({ type: 'block', us, calls })
      } else if (m.type === 'exit') {
        process.exit(0)
      }
    } catch (err) {
      process.send({ type: 'error', message: String(err?.stack ?? err) })
    }
  })
}

/** Throws unless a verification result verified (bench inputs must be valid). */
export function mustVerify(result) {
  if (!result.verified) {
    throw new Error(
      `bench input did not verify: ${JSON.stringify(result.errors ?? result).slice(0, 300)}`,
    )
  }
  return result
}
