// The HiGHS worker (worker_threads): HiGHS (WASM) solves synchronously, so it runs here, off the
// event loop. Plain JavaScript so that it loads the same under tsx, vitest and plain node.
// Message in: {id, lps: string[], timeLimit: seconds per LP}; out: {id, results: [{status,
// objective, values: {column: primal} (non-zero only), duals: {row: dual} (non-zero only), ms}]}
// or {id, error}.
import { parentPort } from 'node:worker_threads'
import highsLoader from 'highs'

const highsReady = highsLoader()

const nonZero = (entries, field) => {
  const out = {}
  for (const item of entries) {
    const v = item[field]
    if (typeof v === 'number' && Math.abs(v) > 1e-12 && item.Name !== undefined) out[item.Name] = v
  }
  return out
}

parentPort.on('message', async (message) => {
  const { id, lps, timeLimit } = message
  try {
    const highs = await highsReady
    const results = lps.map((lp) => {
      const started = performance.now()
      const solution = highs.solve(lp, { time_limit: timeLimit, presolve: 'off', output_flag: false, log_to_console: false })
      return {
        status: solution.Status,
        objective: solution.ObjectiveValue,
        values: nonZero(Object.values(solution.Columns ?? {}), 'Primal'),
        duals: nonZero(solution.Rows ?? [], 'Dual'),
        ms: performance.now() - started,
      }
    })
    parentPort.postMessage({ id, results })
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error) })
  }
})
