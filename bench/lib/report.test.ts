import { describe, expect, it } from 'vitest'
import { formatFigures, median } from './report.ts'

describe('benchmark report', () => {
  it('takes the middle run, or the mean of the two middle runs', () => {
    expect(median([900, 100, 300])).toBe(300)
    expect(median([400, 100, 300, 200])).toBe(250)
  })

  it('prints each case as a multiple of the baseline measured in the same run', () => {
    const table = formatFigures(
      { name: 'floor', runs: [2000] },
      [{ name: 'cold', runs: [5000, 7000, 6000] }, { name: 'server', runs: null, note: 'no server' }],
    )
    expect(table.split('\n')).toEqual([
      '| case | median | runs (ms) | ratio to baseline | note |',
      '| --- | --- | --- | --- | --- |',
      '| floor | 2000 ms | 2000 | 1.00× (baseline) |  |',
      '| cold | 6000 ms | 5000, 7000, 6000 | 3.00× |  |',
      '| server | skipped | — | — | no server |',
    ])
  })
})
