import { describe, expect, it } from 'vitest'
import { severityRank } from './severityRank.ts'

describe('severityRank: 蓝 < 黄 < 橙 < 红 (突发事件应对法 four levels, warnings.md §1)', () => {
  it.each([
    { level: 'blue', rank: 0 },
    { level: 'yellow', rank: 1 },
    { level: 'orange', rank: 2 },
    { level: 'red', rank: 3 },
  ] as const)('$level → $rank', ({ level, rank }) => {
    expect(severityRank(level)).toBe(rank)
  })
})
