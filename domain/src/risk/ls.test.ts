import { describe, expect, it } from 'vitest'
import { defaultLsRules, scoreLs } from './ls.ts'

describe('LS risk matrix R = L × S with the default (NV) bands', () => {
  it.each([
    { L: 1, S: 1, R: 1, level: 'low', colour: 'blue' },
    { L: 2, S: 4, R: 8, level: 'low', colour: 'blue', why: 'top of blue' },
    { L: 3, S: 3, R: 9, level: 'general', colour: 'yellow', why: 'bottom of yellow' },
    { L: 3, S: 4, R: 12, level: 'general', colour: 'yellow', why: 'top of yellow' },
    { L: 3, S: 5, R: 15, level: 'large', colour: 'orange', why: 'bottom of orange' },
    { L: 4, S: 4, R: 16, level: 'large', colour: 'orange', why: 'top of orange' },
    { L: 4, S: 5, R: 20, level: 'major', colour: 'red', why: 'bottom of red' },
    { L: 5, S: 5, R: 25, level: 'major', colour: 'red' },
  ])('L $L × S $S = $R → $colour', ({ L, S, R, level, colour }) => {
    expect(scoreLs({ likelihood: L, severity: S })).toMatchObject({ ok: true, method: 'LS', score: R, level, colour })
  })

  it('colours the whole 5 × 5 matrix (rows L = 5…1, columns S = 1…5)', () => {
    const matrix = [5, 4, 3, 2, 1].map((L) =>
      [1, 2, 3, 4, 5].map((S) => {
        const score = scoreLs({ likelihood: L, severity: S })
        return score.ok ? score.colourName.zh : '?'
      }).join(''),
    )
    expect(matrix).toEqual(['蓝黄橙红红', '蓝蓝黄橙红', '蓝蓝黄黄橙', '蓝蓝蓝蓝黄', '蓝蓝蓝蓝蓝'])
  })

  it.each([
    { input: { likelihood: 0, severity: 3 }, field: 'likelihood' },
    { input: { likelihood: 6, severity: 3 }, field: 'likelihood' },
    { input: { likelihood: 3, severity: 2.5 }, field: 'severity' },
  ])('refuses $input', ({ input, field }) => {
    expect(scoreLs(input)).toMatchObject({ ok: false, reason: 'value_not_allowed', field })
  })

  it('bands are configuration: "R = 25 only is red" makes 20 orange', () => {
    const bands = [{ min: 25, includesMin: true, level: 'major' as const }, ...defaultLsRules.bands.slice(1)]
    expect(scoreLs({ likelihood: 4, severity: 5 }, { ...defaultLsRules, bands })).toMatchObject({ level: 'large', colour: 'orange' })
    expect(scoreLs({ likelihood: 5, severity: 5 }, { ...defaultLsRules, bands })).toMatchObject({ level: 'major' })
  })
})
