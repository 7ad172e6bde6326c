import { describe, expect, it } from 'vitest'
import { defaultLecRules } from './lec.ts'
import { defaultLsRules } from './ls.ts'
import { bandScore, checkRiskBands, type RiskBands } from './riskBands.ts'

describe('four colours of the dual prevention mechanism (双重预防机制)', () => {
  it.each([
    { score: 30, level: 'major', name: '重大风险', colour: 'red', colourName: '红' },
    { score: 20, level: 'large', name: '较大风险', colour: 'orange', colourName: '橙' },
    { score: 10, level: 'general', name: '一般风险', colour: 'yellow', colourName: '黄' },
    { score: 1, level: 'low', name: '低风险', colour: 'blue', colourName: '蓝' },
  ])('$level is $name, $colourName', ({ score, level, name, colour, colourName }) => {
    const bands: RiskBands = [
      { min: 30, includesMin: true, level: 'major' },
      { min: 20, includesMin: true, level: 'large' },
      { min: 10, includesMin: true, level: 'general' },
      { min: 0, includesMin: true, level: 'low' },
    ]
    expect(bandScore(score, bands)).toMatchObject({ level, name: { zh: name }, colour, colourName: { zh: colourName } })
  })
})

describe('checkRiskBands', () => {
  it.each([
    { why: 'default LEC bands', bands: defaultLecRules.bands, problems: 0 },
    { why: 'default LS bands', bands: defaultLsRules.bands, problems: 0 },
    { why: 'no bands', bands: [], problems: 1 },
    {
      why: 'bands in ascending order',
      bands: [
        { min: 0, includesMin: true, level: 'low' },
        { min: 9, includesMin: true, level: 'general' },
      ] as RiskBands,
      problems: 2, // out of order, and the lowest band does not start at 0
    },
    {
      why: 'two bands claiming the same boundary',
      bands: [
        { min: 20, includesMin: true, level: 'major' },
        { min: 20, includesMin: true, level: 'large' },
        { min: 0, includesMin: true, level: 'low' },
      ] as RiskBands,
      problems: 1,
    },
    {
      why: 'a shared boundary split correctly (> 20 above, ≥ 20 below)',
      bands: [
        { min: 20, includesMin: false, level: 'major' },
        { min: 20, includesMin: true, level: 'large' },
        { min: 0, includesMin: true, level: 'low' },
      ] as RiskBands,
      problems: 0,
    },
    { why: 'lowest band above 0 leaves small scores unbanded', bands: [{ min: 1, includesMin: true, level: 'low' }] as RiskBands, problems: 1 },
    { why: 'unknown level', bands: [{ min: 0, includesMin: true, level: 'purple' }] as unknown as RiskBands, problems: 1 },
  ])('$why → $problems problem(s)', ({ bands, problems }) => {
    expect(checkRiskBands(bands)).toHaveLength(problems)
  })
})
