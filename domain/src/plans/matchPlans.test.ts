import { describe, expect, it } from 'vitest'
import { lepingDemoPlans } from './lepingDemoPlans.ts'
import { matchPlans, type MatchablePlan } from './matchPlans.ts'
import { validateCriteria } from './criteria.ts'

const county = '360281000000'
const plans: MatchablePlan[] = lepingDemoPlans.map((p) => ({ id: p.key, name: p.name, type: p.type, status: 'effective', hazardTypes: p.hazardTypes, divisionCode: county, levels: p.levels }))

const top = (facts: Parameters<typeof matchPlans>[1]) => matchPlans(plans, facts).map((s) => `${s.planId}:${s.level}`)

describe('the demo plans\' criteria are valid', () => {
  it.each(lepingDemoPlans.flatMap((p) => p.levels.map((l) => ({ plan: p.name, level: l.level, criteria: l.criteria }))))('$plan level $level', ({ criteria }) => {
    expect(criteria === null ? null : validateCriteria(criteria)).toBeNull()
  })
})

describe('matching: the highest level whose criteria hold (Ⅰ is highest), ranked', () => {
  it.each([
    { why: 'SCENARIO step 7: 乐安河 at its 警戒水位 → flood plan Ⅳ', facts: { hazardType: 'flood', waterLevelAboveWarningM: 0.1, divisionCode: '360281100000' }, expected: ['flood:4'] },
    { why: 'orange rainstorm warning → flood plan Ⅲ', facts: { hazardType: 'rainstorm', warningLevel: 'orange' as const }, expected: ['flood:3'] },
    { why: 'water 1.2 m over warning → Ⅱ; 2 deaths also bring relief Ⅳ and the overall plan Ⅳ', facts: { hazardType: 'flood', waterLevelAboveWarningM: 1.2, deaths: 2 }, expected: ['flood:2', 'relief:4', 'overall:4'] },
    { why: 'flood with 1,300 evacuated → relief Ⅱ ranks with flood Ⅳ after it', facts: { hazardType: 'flood', waterLevelAboveWarningM: 0, evacuated: 1300 }, expected: ['relief:2', 'flood:4'] },
    { why: 'Decree 493 Art. 3: hazmat leak, 3 deaths → 较大 Ⅲ, overall plan Ⅲ too', facts: { hazardType: 'hazmatLeak', incidentType: 'accident' as const, deaths: 3 }, expected: ['hazchem:3', 'overall:3'] },
    { why: 'Decree 493 Art. 3: 50 serious injuries → 重大 Ⅱ', facts: { hazardType: 'hazmatAccident', seriousInjuries: 50 }, expected: ['hazchem:2'] },
    { why: 'Decree 493 Art. 3: 1亿 loss → 特别重大 Ⅰ', facts: { hazardType: 'hazmatLeak', directLossYuan: 100_000_000 }, expected: ['hazchem:1'] },
    { why: 'hazmat leak with no casualties → 一般 Ⅳ', facts: { hazardType: 'hazmatLeak' }, expected: ['hazchem:4'] },
    { why: 'a forest fire does not match the flood plan', facts: { hazardType: 'forestFire', warningLevel: 'red' as const }, expected: ['forestFire:4'] },
    { why: 'subtype matches when the hazard type is absent', facts: { incidentSubtype: 'geologicalHazard', evacuated: 12 }, expected: ['geo:4'] },
    { why: 'an unknown hazard only meets the overall plan', facts: { hazardType: 'earthquakeX', deaths: 12 }, expected: ['overall:2'] },
    { why: 'nothing reached → no suggestion', facts: { hazardType: 'flood', waterLevelAboveWarningM: -0.5 }, expected: [] },
  ])('$why', ({ facts, expected }) => {
    expect(top(facts)).toEqual(expected)
  })

  it('gives the reasons: applicability then the clauses that held', () => {
    const [s] = matchPlans(plans, { hazardType: 'flood', waterLevelAboveWarningM: 0.3 })
    expect(s).toMatchObject({ planName: '乐平市防汛抗旱应急预案', level: 4, levelName: { zh: 'Ⅳ级响应' } })
    expect(s?.reasons.map((r) => r.zh)).toEqual(['灾种洪水属本预案适用范围', '超警戒水位 ≥ 0米（实际0.3米）'])
    expect(s?.reason).toBe('建议启动乐平市防汛抗旱应急预案Ⅳ级响应：灾种洪水属本预案适用范围；超警戒水位 ≥ 0米（实际0.3米）')
    expect(s?.reasonEn).toBe('Suggest Level IV response of 乐平市防汛抗旱应急预案: hazard flood is covered by this plan; water level above warning stage ≥ 0 m (actual 0.3 m)')
  })

  it('skips draft and superseded plans, and plans of another division', () => {
    const flood = plans.find((p) => p.id === 'flood') as MatchablePlan
    const facts = { hazardType: 'flood', waterLevelAboveWarningM: 0.1, divisionCode: '360281100201' }
    expect(matchPlans([{ ...flood, status: 'draft' }, { ...flood, id: 'old', status: 'superseded' }], facts)).toEqual([])
    expect(matchPlans([{ ...flood, divisionCode: '360281101000' }], facts)).toEqual([])
    const township = { ...flood, id: 'zq', name: '镇桥镇防汛预案', type: 'grassroots' as const, divisionCode: '360281100000' }
    expect(matchPlans([township, flood], facts).map((s) => s.planId)).toEqual(['flood', 'zq'])
    expect(matchPlans([{ ...township, type: 'special' }, flood], facts).map((s) => s.planId)).toEqual(['zq', 'flood'])
  })

  it('a level without criteria is never suggested (a person activates it)', () => {
    const flood = plans.find((p) => p.id === 'flood') as MatchablePlan
    expect(matchPlans([{ ...flood, levels: flood.levels.map((l) => ({ ...l, criteria: null })) }], { hazardType: 'flood', waterLevelAboveWarningM: 3 })).toEqual([])
  })
})
