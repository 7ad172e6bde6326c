import { describe, expect, it } from 'vitest'
import { defaultLecRules, scoreLec } from './lec.ts'
import { bandScore } from './riskBands.ts'

describe('LEC D bands (risk-grading.md §2; boundaries as configured by default)', () => {
  it.each([
    { D: 0.05, level: 'low', danger: '稍有危险，可以接受', why: 'smallest possible D' },
    { D: 19.99, level: 'low', danger: '稍有危险，可以接受', why: 'just under 20' },
    { D: 20, level: 'low', danger: '一般危险，需要注意', why: '"< 20" is slight, so 20 is possible danger' },
    { D: 70, level: 'low', danger: '一般危险，需要注意', why: '70 closes the 20–70 band' },
    { D: 70.01, level: 'general', danger: '显著危险，需要整改', why: 'just over 70 → yellow' },
    { D: 160, level: 'general', danger: '显著危险，需要整改', why: '160 closes the 70–160 band' },
    { D: 160.01, level: 'large', danger: '高度危险，需立即整改', why: 'just over 160 → orange' },
    { D: 320, level: 'large', danger: '高度危险，需立即整改', why: '"> 320" is red, so 320 is orange' },
    { D: 320.01, level: 'major', danger: '极其危险，不能继续作业', why: 'just over 320 → red' },
    { D: 10000, level: 'major', danger: '极其危险，不能继续作业', why: 'largest possible D' },
  ])('D = $D → $level ($why)', ({ D, level, danger }) => {
    expect(bandScore(D, defaultLecRules.bands)).toMatchObject({ level, band: { label: { zh: danger } } })
  })
})

describe('scoreLec: D = L × E × C', () => {
  it.each([
    { L: 0.1, E: 0.5, C: 1, D: 0.05, colour: 'blue' },
    { L: 0.2, E: 6, C: 15, D: 18, colour: 'blue', why: 'decimal factors give exactly 18' },
    { L: 10, E: 2, C: 1, D: 20, colour: 'blue' },
    { L: 10, E: 1, C: 7, D: 70, colour: 'blue' },
    { L: 6, E: 6, C: 3, D: 108, colour: 'yellow' },
    { L: 3, E: 6, C: 7, D: 126, colour: 'yellow' },
    { L: 10, E: 6, C: 3, D: 180, colour: 'orange' },
    { L: 3, E: 6, C: 15, D: 270, colour: 'orange' },
    { L: 10, E: 6, C: 7, D: 420, colour: 'red' },
    { L: 10, E: 10, C: 100, D: 10000, colour: 'red' },
  ])('L $L × E $E × C $C = $D → $colour', ({ L, E, C, D, colour }) => {
    expect(scoreLec({ likelihood: L, exposure: E, consequence: C })).toMatchObject({ ok: true, method: 'LEC', score: D, colour })
  })

  it.each([
    { input: { likelihood: 4, exposure: 6, consequence: 7 }, field: 'likelihood', allowed: '10、6、3、1、0.5、0.2、0.1' },
    { input: { likelihood: 6, exposure: 7, consequence: 7 }, field: 'exposure', allowed: '10、6、3、2、1、0.5' },
    { input: { likelihood: 6, exposure: 6, consequence: 50 }, field: 'consequence', allowed: '100、40、15、7、3、1' },
  ])('a value outside the $field table is refused, listing the allowed values', ({ input, field, allowed }) => {
    expect(scoreLec(input)).toMatchObject({ ok: false, reason: 'value_not_allowed', field, message: expect.stringContaining(allowed) })
  })

  it('a deployment may move a boundary: with "D ≥ 320 red", 320 is red and 300 (10 × 2 × 15) stays orange', () => {
    const bands = defaultLecRules.bands.map((band) => (band.min === 320 ? { ...band, includesMin: true } : band))
    expect(bandScore(320, bands)).toMatchObject({ level: 'major' })
    expect(scoreLec({ likelihood: 10, exposure: 2, consequence: 15 }, { ...defaultLecRules, bands })).toMatchObject({ score: 300, level: 'large' })
  })

  it('a band table with a gap is reported, not guessed', () => {
    const bands = [{ min: 100, includesMin: true, level: 'major' as const }]
    expect(scoreLec({ likelihood: 1, exposure: 1, consequence: 1 }, { ...defaultLecRules, bands })).toMatchObject({ ok: false, reason: 'no_band', field: 'bands' })
  })
})
