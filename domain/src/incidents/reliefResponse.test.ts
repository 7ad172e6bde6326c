import { describe, expect, it } from 'vitest'
import { checkReliefRules, nationalReliefRules2024, suggestReliefResponse, type DisasterFacts, type ReliefResponseRules } from './reliefResponse.ts'

const none: DisasterFacts = { deaths: 0, missing: 0, emergencyRelocated: 0, needingEmergencyAid: 0 }
const plan = '国家自然灾害救助应急预案（国办函〔2024〕11号）§5'

describe(`${plan}: Level I triggers (verified), any one criterion suffices`, () => {
  it.each([
    { why: '200 dead and missing (死亡和失踪200人以上)', facts: { ...none, deaths: 150, missing: 50 }, criterion: 'deathsAndMissing' },
    { why: '2,000,000 relocated and needing aid', facts: { ...none, emergencyRelocated: 1_200_000, needingEmergencyAid: 800_000 }, criterion: 'relocatedAndNeedingAid' },
    { why: '300,000 rooms collapsed or severely damaged', facts: { ...none, damagedRooms: 300_000 }, criterion: 'damagedRooms' },
    { why: '100,000 households', facts: { ...none, damagedHouseholds: 100_000 }, criterion: 'damagedHouseholds' },
    { why: 'drought aid for 30 % of the agricultural population', facts: { ...none, droughtNeedingAid: 3_000_000, agriculturalPopulation: 10_000_000 }, criterion: 'droughtAidShare' },
    { why: 'drought aid for 4,000,000 people', facts: { ...none, droughtNeedingAid: 4_000_000, agriculturalPopulation: 40_000_000 }, criterion: 'droughtAidPeople' },
  ])('$why → 一级响应', ({ facts, criterion }) => {
    expect(suggestReliefResponse(facts)).toMatchObject({ ok: true, level: 1, name: '一级响应', verified: true, triggers: [{ criterion }] })
  })

  it.each([
    { why: '199 dead and missing', facts: { ...none, deaths: 199 } },
    { why: '1,999,999 relocated and needing aid', facts: { ...none, emergencyRelocated: 1_999_999 } },
    { why: '299,999 rooms', facts: { ...none, damagedRooms: 299_999 } },
    { why: '29.9 % in drought', facts: { ...none, droughtNeedingAid: 2_990_000, agriculturalPopulation: 10_000_000 } },
  ])('$why stays below Level I', ({ facts }) => {
    expect(suggestReliefResponse(facts)).toMatchObject({ ok: true, level: 2 })
  })
})

describe('Levels II–IV (2016 values as configured defaults, marked unverified for 2024)', () => {
  it.each([
    { facts: { ...none, deaths: 100 }, level: 2, name: '二级响应' },
    { facts: { ...none, deaths: 99 }, level: 3, name: '三级响应' },
    { facts: { ...none, deaths: 50 }, level: 3, name: '三级响应' },
    { facts: { ...none, deaths: 20 }, level: 4, name: '四级响应' },
    { facts: { ...none, emergencyRelocated: 100_000 }, level: 4, name: '四级响应' },
    { facts: { ...none, damagedHouseholds: 3_000 }, level: 4, name: '四级响应' },
  ])('$name from $facts', ({ facts, level, name }) => {
    expect(suggestReliefResponse(facts)).toMatchObject({ ok: true, level, name, verified: false })
  })

  it('below every threshold, no response is suggested', () => {
    expect(suggestReliefResponse({ ...none, deaths: 19, emergencyRelocated: 99_999 })).toMatchObject({ ok: true, level: null, triggers: [] })
  })

  it('the highest level wins and every criterion reaching it is named, with the reason', () => {
    const suggestion = suggestReliefResponse({ ...none, deaths: 60, emergencyRelocated: 400_000, needingEmergencyAid: 200_000, damagedRooms: 150_000 })
    expect(suggestion).toMatchObject({ level: 3, triggers: [{ criterion: 'deathsAndMissing', value: 60, threshold: 50 }, { criterion: 'relocatedAndNeedingAid', value: 600_000 }, { criterion: 'damagedRooms' }] })
    expect(suggestion.ok && suggestion.reason).toBe('死亡和失踪60人，达到50人以上；紧急转移安置和需紧急生活救助600000人，达到500000人以上；倒塌和严重损坏房屋150000间，达到100000间以上，建议启动三级响应（国家自然灾害救助应急预案（国办函〔2024〕11号））')
  })
})

describe('the wording of the plan is configuration', () => {
  it('2024 counts the missing (死亡和失踪); 2016 counted deaths only', () => {
    const rules2016: ReliefResponseRules = { ...nationalReliefRules2024, countMissing: false, relocationAndAid: 'either' }
    expect(suggestReliefResponse({ ...none, deaths: 15, missing: 5 })).toMatchObject({ level: 4 })
    expect(suggestReliefResponse({ ...none, deaths: 15, missing: 5 }, rules2016)).toMatchObject({ level: null })
    expect(suggestReliefResponse({ ...none, emergencyRelocated: 60_000, needingEmergencyAid: 60_000 }, rules2016)).toMatchObject({ level: null })
  })

  it('a county plan brings its own thresholds (example: a 2024 county plan’s Level II, not Leping’s)', () => {
    const county: ReliefResponseRules = {
      plan: '某县自然灾害救助应急预案',
      countMissing: true,
      relocationAndAid: 'sum',
      levels: [{ level: 2, verified: false, source: 'example county', deathsAndMissing: 5, relocatedAndNeedingAid: 1_200, damagedRooms: 500, damagedHouseholds: 200, droughtAidPeople: 25_000 }],
    }
    expect(checkReliefRules(county)).toEqual([])
    expect(suggestReliefResponse({ ...none, deaths: 4, missing: 1 }, county)).toMatchObject({ level: 2, triggers: [{ criterion: 'deathsAndMissing', value: 5, threshold: 5 }] })
    expect(suggestReliefResponse({ ...none, damagedRooms: 499 }, county)).toMatchObject({ level: null })
  })

  it('the national defaults come from the data file with their verified marks and sources', () => {
    expect(nationalReliefRules2024.levels.map((l) => [l.level, l.verified])).toEqual([[1, true], [2, false], [3, false], [4, false]])
    expect(nationalReliefRules2024.levels[0]!.source).toContain('2024')
  })

  it('a share above 1 or a level without any threshold is reported with its field', () => {
    expect(checkReliefRules({ ...nationalReliefRules2024, levels: [{ level: 3, verified: false, source: 'x', droughtAidShare: 1.5 }, { level: 4, verified: false, source: 'x' }] }).map((p) => p.field))
      .toEqual(['levels.0.droughtAidShare', 'levels.1'])
  })

  it('the default table is consistent, and a table out of order is reported', () => {
    expect(checkReliefRules(nationalReliefRules2024)).toEqual([])
    const [one, two] = nationalReliefRules2024.levels
    expect(checkReliefRules({ ...nationalReliefRules2024, levels: [two!, { ...one!, deathsAndMissing: 0 }] })).toEqual(
      expect.arrayContaining([expect.objectContaining({ en: 'Entry 2 must be a lower level than the one before' }), expect.objectContaining({ field: 'levels.1.deathsAndMissing', en: 'Level I response: the deathsAndMissing threshold must be positive' })]),
    )
  })
})

describe('bad facts are refused, naming the field', () => {
  it.each([
    { facts: { ...none, deaths: -1 }, field: 'deaths' },
    { facts: { ...none, emergencyRelocated: 1.5 }, field: 'emergencyRelocated' },
    { facts: { ...none, agriculturalPopulation: Number.NaN }, field: 'agriculturalPopulation' },
  ])('$field', ({ facts, field }) => {
    expect(suggestReliefResponse(facts)).toMatchObject({ ok: false, field, message: expect.stringContaining('非负整数') })
  })
})
