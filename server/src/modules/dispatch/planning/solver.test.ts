import { afterAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../http/errors.ts'
import { solveLps, stopSolver } from './solver.ts'

/** A transport LP large enough to take HiGHS more than a millisecond. */
function bigLp(m = 40, n = 400): string {
  const terms: string[] = []
  const rows: string[] = []
  for (let s = 0; s < m; s++) rows.push(` s${s}: ${Array.from({ length: n }, (_, d) => `+ x${s}_${d}`).join(' ')} <= 100`)
  for (let d = 0; d < n; d++) {
    rows.push(` d${d}: ${Array.from({ length: m }, (_, s) => `+ x${s}_${d}`).join(' ')} + u${d} = 9`)
    for (let s = 0; s < m; s++) terms.push(`+ ${1 + ((s * 7919 + d * 104729) % 97)} x${s}_${d}`)
    terms.push(`+ 1000 u${d}`)
  }
  return `Minimize\n obj: ${terms.join(' ')}\nSubject To\n${rows.join('\n')}\nEnd`
}

describe('HiGHS in a worker thread', () => {
  afterAll(() => stopSolver())

  it('solves LPs in order and returns primal values and row duals by name', async () => {
    const [a, b] = await solveLps([
      'Minimize\n obj: + 2 x0 + 3 x1 + 50 u0\nSubject To\n s0: + x0 <= 4\n s1: + x1 <= 10\n d0: + x0 + x1 + u0 = 6\nEnd',
      'Minimize\n obj: + y\nSubject To\n c: + y >= 5\nEnd',
    ])
    expect(a).toMatchObject({ status: 'Optimal', objective: 14, values: { x0: 4, x1: 2 } })
    expect(a!.duals.d0).toBeCloseTo(3)
    expect(a!.duals.s0).toBeCloseTo(-1)
    expect(b!.values.y).toBe(5)
  })

  it('an infeasible model is a 503 naming HiGHS\' status, not a wrong answer', async () => {
    const error = await solveLps(['Minimize\n obj: + y\nSubject To\n c: + y >= 5\n e: + y <= 1\nEnd']).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ status: 503, code: 'solver_failed' })
  })

  it('past the hard timeout the worker is killed (503 solver_timeout) and the next call gets a fresh one', async () => {
    const error = await solveLps([bigLp()], { timeoutMs: 1 }).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 503, code: 'solver_timeout' })
    const [again] = await solveLps(['Minimize\n obj: + y\nSubject To\n c: + y >= 2\nEnd'])
    expect(again!.values.y).toBe(2)
  })
})
