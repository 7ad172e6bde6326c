import { describe, expect, it } from 'vitest'
import { describeCondition, evaluateCriteria, validateCriteria, type Condition } from './criteria.ts'

const dec493Level3: Condition = {
  any: [
    { fact: 'deaths', op: '>=', value: 3 },
    { fact: 'seriousInjuries', op: '>=', value: 10 },
    { fact: 'directLossYuan', op: '>=', value: 10_000_000 },
  ],
}

describe('criteria language: comparisons (以上 includes the bound)', () => {
  it.each([
    { why: 'deaths ≥ 3 holds at exactly 3', c: { fact: 'deaths', op: '>=', value: 3 }, facts: { deaths: 3 }, matched: true },
    { why: 'deaths ≥ 3 fails at 2', c: { fact: 'deaths', op: '>=', value: 3 }, facts: { deaths: 2 }, matched: false },
    { why: 'an absent fact is false, not an error', c: { fact: 'deaths', op: '>=', value: 0 }, facts: {}, matched: false },
    { why: '> excludes the bound', c: { fact: 'missing', op: '>', value: 5 }, facts: { missing: 5 }, matched: false },
    { why: '< below', c: { fact: 'injured', op: '<', value: 5 }, facts: { injured: 4 }, matched: true },
    { why: '= exact', c: { fact: 'evacuated', op: '=', value: 0 }, facts: { evacuated: 0 }, matched: true },
    { why: 'water level 0 m above 警戒水位 reaches it', c: { fact: 'waterLevelAboveWarningM', op: '>=', value: 0 }, facts: { waterLevelAboveWarningM: 0 }, matched: true },
    { why: 'water below the 警戒水位 does not', c: { fact: 'waterLevelAboveWarningM', op: '>=', value: 0 }, facts: { waterLevelAboveWarningM: -0.2 }, matched: false },
    { why: 'hazardType in [flood, rainstorm]', c: { fact: 'hazardType', op: 'in', values: ['flood', 'rainstorm'] }, facts: { hazardType: 'rainstorm' }, matched: true },
    { why: 'hazardType not in the list', c: { fact: 'hazardType', op: 'in', values: ['flood'] }, facts: { hazardType: 'forestFire' }, matched: false },
    { why: 'incidentType accident', c: { fact: 'incidentType', op: 'in', values: ['accident'] }, facts: { incidentType: 'accident' }, matched: true },
    { why: 'warning orange ≥ yellow', c: { fact: 'warningLevel', op: '>=', value: 'yellow' }, facts: { warningLevel: 'orange' }, matched: true },
    { why: 'warning blue < yellow', c: { fact: 'warningLevel', op: '>=', value: 'yellow' }, facts: { warningLevel: 'blue' }, matched: false },
    { why: 'warning red ≥ red', c: { fact: 'warningLevel', op: '>=', value: 'red' }, facts: { warningLevel: 'red' }, matched: true },
    { why: 'village within its township', c: { fact: 'divisionCode', op: 'within', value: '360281100000' }, facts: { divisionCode: '360281100201' }, matched: true },
    { why: 'other township is not within', c: { fact: 'divisionCode', op: 'within', value: '360281100000' }, facts: { divisionCode: '360281101000' }, matched: false },
  ] as { why: string; c: Condition; facts: object; matched: boolean }[])('$why', ({ c, facts, matched }) => {
    expect(evaluateCriteria(c, facts).matched).toBe(matched)
  })
})

describe('criteria language: all / any and the reasons given', () => {
  it('any: Decree 493 Art. 3 较大事故 bounds — only the clauses that held are reasons', () => {
    const r = evaluateCriteria(dec493Level3, { deaths: 1, seriousInjuries: 12, directLossYuan: 15_000_000 })
    expect(r.matched).toBe(true)
    expect(r.reasons.map((x) => x.fact)).toEqual(['seriousInjuries', 'directLossYuan'])
    expect(r.reasons[0]).toMatchObject({ zh: '重伤人数（含急性工业中毒） ≥ 10人（实际12人）', en: 'serious injuries (incl. acute industrial poisoning) ≥ 10 people (actual 12 people)' })
    expect(r.reasons[1]?.zh).toBe('直接经济损失 ≥ 1000万元（实际1500万元）')
  })

  it('any: none held → not matched, no reasons', () => {
    expect(evaluateCriteria(dec493Level3, { deaths: 2, seriousInjuries: 9, directLossYuan: 9_999_999 })).toEqual({ matched: false, reasons: [] })
  })

  it('all: every clause must hold; the reasons are all of them', () => {
    const c: Condition = { all: [{ fact: 'hazardType', op: 'in', values: ['flood'] }, { fact: 'warningLevel', op: '>=', value: 'orange' }] }
    expect(evaluateCriteria(c, { hazardType: 'flood', warningLevel: 'yellow' })).toEqual({ matched: false, reasons: [] })
    const r = evaluateCriteria(c, { hazardType: 'flood', warningLevel: 'red' })
    expect(r.matched).toBe(true)
    expect(r.reasons.map((x) => x.zh)).toEqual(['灾种为洪水', '预警级别达到橙色预警及以上（当前红色预警）'])
    expect(r.reasons.map((x) => x.en)).toEqual(['hazard type is flood', 'warning level orange or higher (now red warning)'])
  })

  it('nested groups', () => {
    const c: Condition = { any: [{ all: [{ fact: 'deaths', op: '>=', value: 1 }, { fact: 'missing', op: '>=', value: 1 }] }, { fact: 'affectedPeople', op: '>=', value: 1000 }] }
    expect(evaluateCriteria(c, { deaths: 1, missing: 0 }).matched).toBe(false)
    expect(evaluateCriteria(c, { deaths: 1, missing: 2 }).reasons).toHaveLength(2)
    expect(evaluateCriteria(c, { affectedPeople: 1000 }).matched).toBe(true)
  })

  it('renders a condition in words', () => {
    expect(describeCondition({ any: [{ fact: 'warningLevel', op: '>=', value: 'blue' }, { fact: 'waterLevelAboveWarningM', op: '>=', value: 0 }] })).toEqual({
      zh: '预警级别达到蓝色预警及以上 或 超警戒水位 ≥ 0米',
      en: 'warning level blue or higher or water level above warning stage ≥ 0 m',
    })
    expect(describeCondition({ all: [{ fact: 'hazardType', op: 'in', values: ['flood', 'rainstorm'] }, { any: [{ fact: 'deaths', op: '>=', value: 3 }] }] }).zh).toBe('灾种为洪水、暴雨 且 （死亡人数 ≥ 3人）')
  })
})

describe('validating criteria JSON from an editor or API client', () => {
  it.each([
    { why: 'a good nested condition', input: dec493Level3, path: null },
    { why: 'not an object', input: 3, path: '(root)' },
    { why: 'empty any', input: { any: [] }, path: 'any' },
    { why: 'unknown fact', input: { fact: 'rainfall', op: '>=', value: 3 }, path: 'fact' },
    { why: 'bad op', input: { fact: 'deaths', op: '=>', value: 3 }, path: 'op' },
    { why: 'value not a number', input: { fact: 'deaths', op: '>=', value: '3' }, path: 'value' },
    { why: 'extra key', input: { fact: 'deaths', op: '>=', value: 3, unit: 'people' }, path: '(root)' },
    { why: 'bad warning colour deep inside', input: { all: [{ fact: 'deaths', op: '>=', value: 1 }, { any: [{ fact: 'warningLevel', op: '>=', value: 'purple' }] }] }, path: 'all[1].any[0].value' },
    { why: 'in with no values', input: { fact: 'hazardType', op: 'in', values: [] }, path: 'values' },
    { why: 'bad division code', input: { fact: 'divisionCode', op: 'within', value: '3602' }, path: 'value' },
  ])('$why', ({ input, path }) => {
    const e = validateCriteria(input)
    expect(e?.path ?? null).toBe(path)
    if (e) expect(e.message.length * e.messageEn.length).toBeGreaterThan(0)
  })
})
