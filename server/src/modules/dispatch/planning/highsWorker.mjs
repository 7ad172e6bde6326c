// The HiGHS worker (worker_threads): HiGHS (WASM) solves synchronously, so it runs here, off the
// event loop. Plain JavaScript so that it loads the same under tsx, vitest and plain node.
// Message in: {id, lps: string[], timeLimit: seconds per LP}; out: {id, results: [{status,
// objective, values: {name: primal} (non-zero only), ms}]} or {id, error}.
import { parentPort } from 'node:worker_threads'
import highsLoader from 'highs'

const highsReady = highsLoader()

parentPort.on('message', async (message) => {
  const { id, lps, timeLimit } = message
  try {
    const highs = await highsReady
    const results = lps.map((lp) => {
      const started = performance.now()
      const solution = highs.solve(lp, { time_limit: timeLimit, presolve: 'on', output_flag: false, log_to_console: false })
      const values = {}
      for (const [name, column] of Object.entries(solution.Columns ?? {})) {
        const primal = column.Primal
        if (typeof primal === 'number' && Math.abs(primal) > 1e-9) values[name] = primal
      }
      return { status: solution.Status, objective: solution.ObjectiveValue, values, ms: performance.now() - started }
    })
    parentPort.postMessage({ id, results })
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error) })
  }
})
