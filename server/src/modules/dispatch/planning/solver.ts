/**
 * HiGHS off the event loop: one long-lived worker thread (`highsWorker.mjs`) solves CPLEX-LP
 * models in turn. Each LP gets HiGHS' own `time_limit`; the whole request also has a hard
 * timeout after which the worker is terminated (a fresh one starts on the next call) and the
 * caller gets 503 `solver_timeout`.
 */
import { Worker } from 'node:worker_threads'
import { AppError } from '../../../http/errors.ts'

export interface LpResult {
  status: string
  objective: number
  /** Non-zero primal values by column name. */
  values: Record<string, number>
  /** Non-zero row duals by row name. */
  duals: Record<string, number>
  ms: number
}

interface Pending { worker: Worker; resolve: (r: LpResult[]) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }

const workerUrl = new URL('./highsWorker.mjs', import.meta.url)

let worker: Worker | null = null
let nextId = 1
const pending = new Map<number, Pending>()
/** Requests run one after another on the single worker. */
let queue: Promise<unknown> = Promise.resolve()

/** Fails the requests of one worker (a replaced worker's late exit must not fail its successor's). */
function failAll(w: Worker, error: Error) {
  for (const [id, p] of pending) {
    if (p.worker !== w) continue
    clearTimeout(p.timer)
    p.reject(error)
    pending.delete(id)
  }
}

function getWorker(): Worker {
  if (worker) return worker
  const w = new Worker(workerUrl)
  w.unref()
  w.on('message', (m: { id: number; results?: LpResult[]; error?: string }) => {
    const p = pending.get(m.id)
    if (!p) return
    pending.delete(m.id)
    clearTimeout(p.timer)
    if (m.error !== undefined) p.reject(new Error(`HiGHS: ${m.error}`))
    else p.resolve(m.results!)
  })
  w.on('error', (e) => { if (worker === w) worker = null; failAll(w, e) })
  w.on('exit', () => { if (worker === w) worker = null; failAll(w, new Error('HiGHS worker exited')) })
  worker = w
  return w
}

export interface SolveOptions {
  /** HiGHS time limit per LP, seconds. */
  timeLimitSeconds?: number
  /** Hard limit for the whole request, milliseconds (the worker is killed past it). */
  timeoutMs?: number
}

function run(lps: string[], options: SolveOptions): Promise<LpResult[]> {
  const timeLimit = options.timeLimitSeconds ?? 10
  const timeoutMs = options.timeoutMs ?? Math.max(5_000, lps.length * timeLimit * 1000 + 10_000)
  return new Promise<LpResult[]>((resolve, reject) => {
    const w = getWorker()
    const id = nextId++
    const timer = setTimeout(() => {
      pending.delete(id)
      reject(new AppError('unavailable', 'solver_timeout', `求解超时（${Math.round(timeoutMs / 1000)} 秒）`, `The solver did not finish within ${Math.round(timeoutMs / 1000)} s`))
      if (worker === w) worker = null
      void w.terminate()
    }, timeoutMs)
    pending.set(id, { worker: w, resolve, reject, timer })
    w.postMessage({ id, lps, timeLimit })
  })
}

/** Solves the LPs in order; every one must come back Optimal, or 503 naming HiGHS' status. */
export async function solveLps(lps: string[], options: SolveOptions = {}): Promise<LpResult[]> {
  if (lps.length === 0) return []
  const result = queue.then(() => run(lps, options))
  queue = result.catch(() => undefined)
  const results = await result
  const bad = results.find((r) => r.status !== 'Optimal')
  if (bad) {
    const code = bad.status === 'Time limit reached' ? 'solver_timeout' : 'solver_failed'
    throw new AppError('unavailable', code, `求解未得到最优解（HiGHS：${bad.status}）`, `The solver found no optimal solution (HiGHS: ${bad.status})`)
  }
  return results
}

/** Stops the worker (tests, shutdown). */
export async function stopSolver(): Promise<void> {
  const w = worker
  worker = null
  if (w) await w.terminate()
}
