import { describe, expect, it } from 'vitest'
import { defaultMajorHazardRules, exposedPeopleAlpha, gradeMajorHazard, identifyMajorHazard, type HazardousSubstanceInput } from './majorHazard.ts'

const unit = (...substances: HazardousSubstanceInput[]) => ({ substances })

describe('GB 18218-2018 clause 4.3: the worked example', () => {
  it('SO2 200 t (Q 20 t, β 2), 60 people outside → α 1.5, R = 1.5 × 2 × 10 = 30 → 三级', () => {
    const grade = gradeMajorHazard({ exposedPeople: 60, substances: [{ name: '二氧化硫', quantityT: 200 }] })
    expect(grade).toMatchObject({ ok: true, edition: 'GB18218-2018', sumRatio: 10, isMajor: true, alpha: 1.5, R: 30, level: 3, levelName: '三级', levelNameEn: 'Level 3' })
    if (grade.ok) {
      expect(grade.substances).toEqual([
        expect.objectContaining({ name: '二氧化硫', cas: '7446-09-5', table1Row: 4, criticalQuantityT: 20, criticalQuantitySource: 'table1', beta: 2, betaSource: 'table3', ratio: 10, correctedRatio: 20 }),
      ])
    }
  })
})

describe('clause 4.2: identification by S = Σ q/Q', () => {
  it.each([
    { why: 'single substance exactly at Q (S = 1) is major', substances: [{ name: '氨', quantityT: 10 }], S: 1, major: true },
    { why: 'single substance just under Q is not', substances: [{ name: '氨', quantityT: 9.99 }], S: 0.999, major: false },
    { why: 'two substances each half their Q add to S = 1', substances: [{ name: '氯', quantityT: 2.5 }, { name: '氢', quantityT: 2.5 }], S: 1, major: true },
    {
      why: 'three substances 0.7 + 0.2 + 0.1 reach S = 1 despite binary rounding',
      substances: [{ name: '甲醇', quantityT: 350 }, { name: '二氧化硫', quantityT: 4 }, { name: '丙烯醛', quantityT: 2 }],
      S: 1,
      major: true,
    },
    {
      why: 'many small inventories, none major alone, make a major hazard together',
      substances: [{ name: '液化石油气', quantityT: 20 }, { name: '汽油', quantityT: 80 }, { name: '乙醇', quantityT: 150 }],
      S: 1.1,
      major: true,
    },
    { why: 'an empty unit is not a major hazard', substances: [], S: 0, major: false },
    { why: 'Table 2 when not in Table 1: diesel as W5.4 (Q 5000 t)', substances: [{ name: '柴油', category: 'W5.4' as const, quantityT: 5000 }], S: 1, major: true },
  ])('$why', ({ substances, S, major }) => {
    expect(identifyMajorHazard(unit(...substances))).toMatchObject({ ok: true, sumRatio: S, isMajor: major })
  })

  it('identification needs no β: a Table 1 substance without a known category is still identified', () => {
    const rules = { ...defaultMajorHazardRules, table1Categories: {} }
    expect(identifyMajorHazard(unit({ name: '汽油', quantityT: 300 }), rules)).toMatchObject({ ok: true, sumRatio: 1.5, isMajor: true })
    expect(gradeMajorHazard({ exposedPeople: 10, substances: [{ name: '汽油', quantityT: 300 }] }, rules)).toMatchObject({
      ok: false,
      reason: 'category_required',
      field: 'substances.0.category',
      substance: '汽油（乙醇汽油、甲醇汽油）',
    })
  })
})

describe('Table 6: level bands of R (lower bounds belong to the higher level)', () => {
  // Chlorine: Q 5 t, β 4 (Table 3); ammonia: Q 10 t, β 2.
  it.each([
    { why: 'R exactly 100 → 一级', people: 100, substance: { name: '氯', quantityT: 62.5 }, R: 100, level: 1, levelName: '一级' },
    { why: 'R far above 100 → 一级', people: 500, substance: { name: '氯', quantityT: 500 }, R: 800, level: 1, levelName: '一级' },
    { why: 'R just under 100 → 二级', people: 100, substance: { name: '氯', quantityT: 62.49 }, R: 99.984, level: 2, levelName: '二级' },
    { why: 'R exactly 50 → 二级', people: 1, substance: { name: '氯', quantityT: 62.5 }, R: 50, level: 2, levelName: '二级' },
    { why: 'R just under 50 → 三级', people: 1, substance: { name: '氯', quantityT: 62.4 }, R: 49.92, level: 3, levelName: '三级' },
    { why: 'R exactly 10 → 三级', people: 1, substance: { name: '氨', quantityT: 50 }, R: 10, level: 3, levelName: '三级' },
    { why: 'R just under 10 → 四级', people: 1, substance: { name: '氨', quantityT: 49.9 }, R: 9.98, level: 4, levelName: '四级' },
    { why: 'S exactly 1 with nobody outside: R = 1 → 四级', people: 0, substance: { name: '氨', quantityT: 10 }, R: 1, level: 4, levelName: '四级' },
    { why: 'not major (S < 1): R is reported, no level', people: 200, substance: { name: '氨', quantityT: 9 }, R: 3.6, level: null, levelName: null },
  ])('$why', ({ people, substance, R, level, levelName }) => {
    expect(gradeMajorHazard({ exposedPeople: people, substances: [substance] })).toMatchObject({ ok: true, R, level, levelName })
  })
})

describe('Table 5: α by people exposed outside the plant', () => {
  it.each([
    { people: 0, alpha: 0.5 },
    { people: 1, alpha: 1.0 },
    { people: 29, alpha: 1.0 },
    { people: 30, alpha: 1.2 },
    { people: 49, alpha: 1.2 },
    { people: 50, alpha: 1.5 },
    { people: 99, alpha: 1.5 },
    { people: 100, alpha: 2.0 },
    { people: 25000, alpha: 2.0 },
  ])('$people people → α $alpha', ({ people, alpha }) => {
    expect(exposedPeopleAlpha(people)).toBe(alpha)
    // Ammonia 50 t: Σβq/Q = 2 × 5 = 10, so R = 10α.
    expect(gradeMajorHazard({ exposedPeople: people, substances: [{ name: '氨', quantityT: 50 }] })).toMatchObject({ alpha, R: 10 * alpha })
  })

  it.each([{ people: -1 }, { people: 2.5 }, { people: Number.NaN }])('$people people is rejected', ({ people }) => {
    expect(gradeMajorHazard({ exposedPeople: people, substances: [{ name: '氨', quantityT: 50 }] })).toMatchObject({
      ok: false,
      reason: 'invalid_exposed_people',
      field: 'exposedPeople',
    })
  })
})

describe('β: Table 3 for the named toxic gases, Table 4 by category otherwise', () => {
  it.each([
    { why: 'Table 3: chlorine β 4 even if a category is given', substance: { name: '液氯', category: 'W4' as const, quantityT: 5 }, beta: 4, source: 'table3', Q: 5 },
    { why: 'Table 3: CO is not in Table 1: Q from Table 2 (lowest of W2/J3 = 10 t), β 2 from Table 3', substance: { cas: '630-08-0', category: ['J3', 'W2'] as const, quantityT: 10 }, beta: 2, source: 'table3', Q: 10 },
    { why: 'Table 4 via default category (NV): LPG is W2 → β 1.5', substance: { name: 'LPG', quantityT: 50 }, beta: 1.5, source: 'table4', Q: 50 },
    { why: 'Table 4 via default category (NV): TNT is W1.1 → β 2', substance: { name: 'TNT', quantityT: 5 }, beta: 2, source: 'table4', Q: 5 },
    { why: 'Table 4, explicit category overrides the default: gasoline above its boiling point W5.1 → β 1.5, Q still Table 1', substance: { name: '汽油', category: 'W5.1' as const, quantityT: 200 }, beta: 1.5, source: 'table4', Q: 200 },
    { why: 'Table 4 for an unnamed acutely toxic gas J1 → β 4, Q 5 t', substance: { category: 'J1' as const, quantityT: 5 }, beta: 4, source: 'table4', Q: 5 },
  ])('$why', ({ substance, beta, source, Q }) => {
    const grade = gradeMajorHazard({ exposedPeople: 1, substances: [substance] })
    expect(grade).toMatchObject({ ok: true, substances: [expect.objectContaining({ beta, betaSource: source, criticalQuantityT: Q })] })
  })

  it('a mixed unit sums β q/Q over its substances (clause 4.3 formula)', () => {
    // chlorine 4 × 2/5 = 1.6; LPG 1.5 × 30/50 = 0.9; methanol 1 × 100/500 = 0.2 → Σ = 2.7, S = 1.2
    const grade = gradeMajorHazard({
      exposedPeople: 45,
      substances: [{ name: '氯', quantityT: 2 }, { cas: '68476-85-7', quantityT: 30 }, { name: '甲醇', quantityT: 100 }],
    })
    expect(grade).toMatchObject({ ok: true, sumRatio: 1.2, isMajor: true, alpha: 1.2, R: 3.24, level: 4, levelName: '四级' })
  })
})

describe('NV rules are configuration', () => {
  const toxicFlammableGas = { name: '某有毒易燃气体', category: ['J3', 'W2'] as const, quantityT: 10 }

  it.each([
    { why: 'default: lowest Q (W2 10 t), highest β (J3 2)', rules: defaultMajorHazardRules, Q: 10, beta: 2 },
    { why: 'β of the category governing Q (W2 1.5)', rules: { ...defaultMajorHazardRules, multiCategoryBeta: 'governing' as const }, Q: 10, beta: 1.5 },
    { why: 'Q of the first category given (J3 50 t)', rules: { ...defaultMajorHazardRules, multiCategoryCriticalQuantity: 'first' as const }, Q: 50, beta: 2 },
  ])('several hazard categories — $why', ({ rules, Q, beta }) => {
    expect(gradeMajorHazard({ exposedPeople: 1, substances: [toxicFlammableGas] }, rules)).toMatchObject({
      ok: true,
      substances: [expect.objectContaining({ criticalQuantityT: Q, beta })],
    })
  })

  it.each([
    { why: 'same category as the pure component → pure Q (500 t) over the whole mixture', rules: defaultMajorHazardRules, category: 'W5.3' as const, Q: 500, S: 1.2 },
    { why: 'no category given → treated as the pure component', rules: defaultMajorHazardRules, category: undefined, Q: 500, S: 1.2 },
    { why: 'a different category → Table 2 of the mixture (W5.4, 5000 t)', rules: defaultMajorHazardRules, category: 'W5.4' as const, Q: 5000, S: 0.12 },
    { why: 'rule category_only → always Table 2 (W5.3, 1000 t)', rules: { ...defaultMajorHazardRules, mixtureRule: 'category_only' as const }, category: 'W5.3' as const, Q: 1000, S: 0.6 },
  ])('mixture of methanol (600 t): $why', ({ rules, category, Q, S }) => {
    const substance = category ? { name: '甲醇', mixture: true, category, quantityT: 600 } : { name: '甲醇', mixture: true, quantityT: 600 }
    expect(identifyMajorHazard(unit(substance), rules)).toMatchObject({ ok: true, sumRatio: S, substances: [expect.objectContaining({ criticalQuantityT: Q, table1Row: 65 })] })
  })

  it('rule category_only needs the mixture category', () => {
    const rules = { ...defaultMajorHazardRules, mixtureRule: 'category_only' as const }
    expect(identifyMajorHazard(unit({ name: '甲醇', mixture: true, quantityT: 600 }), rules)).toMatchObject({ ok: false, reason: 'category_required', field: 'substances.0.category' })
  })
})

describe('substances that cannot be graded come back as errors naming them', () => {
  it.each([
    { why: 'not in Table 1 and no category', substance: { name: '柴油', quantityT: 100 }, reason: 'unknown_substance', field: 'substances.1.name', named: '柴油' },
    { why: 'unknown CAS without category', substance: { cas: '68334-30-5', quantityT: 100 }, reason: 'unknown_substance', field: 'substances.1.cas', named: '68334-30-5' },
    { why: 'no such Table 1 row', substance: { row: 86, quantityT: 1 }, reason: 'unknown_substance', field: 'substances.1.row', named: '表1第86行' },
    { why: 'row and CAS disagree', substance: { row: 1, cas: '7782-50-5', quantityT: 1 }, reason: 'unknown_substance', field: 'substances.1.row', named: '7782-50-5' },
    { why: 'shared name', substance: { name: '硝化纤维素', quantityT: 1 }, reason: 'ambiguous_substance', field: 'substances.1.name', named: '硝化纤维素' },
    { why: 'shared CAS', substance: { cas: '6484-52-2', quantityT: 1 }, reason: 'ambiguous_substance', field: 'substances.1.cas', named: '6484-52-2' },
    { why: 'CAS check digit wrong', substance: { cas: '7664-41-8', quantityT: 1 }, reason: 'invalid_cas', field: 'substances.1.cas', named: '7664-41-8' },
    { why: 'category not in Table 2', substance: { name: '某物质', category: 'W12' as never, quantityT: 1 }, reason: 'unknown_category', field: 'substances.1.category', named: '某物质' },
    { why: 'negative quantity', substance: { name: '氨', quantityT: -1 }, reason: 'invalid_quantity', field: 'substances.1.quantityT', named: '氨' },
    { why: 'nothing to identify the substance', substance: { quantityT: 1 }, reason: 'missing_substance', field: 'substances.1', named: null },
  ])('$why → $reason', ({ substance, reason, field, named }) => {
    const result = gradeMajorHazard({ exposedPeople: 10, substances: [{ name: '氨', quantityT: 1 }, substance] })
    expect(result).toMatchObject({ ok: false, reason, field, substance: named })
    if (!result.ok) {
      if (named) expect(result.message).toContain(named)
      expect(result.messageEn.length).toBeGreaterThan(10)
    }
  })

  it('an ambiguous name lists the candidate rows', () => {
    expect(identifyMajorHazard(unit({ name: '硝化纤维素', quantityT: 1 }))).toMatchObject({ message: expect.stringContaining('第37、38、39、40、41行') })
  })

  it.each([
    { why: 'by row', substance: { row: 41, quantityT: 50 } },
    { why: 'by name with its condition', substance: { name: '硝化纤维素（含水≥25%）', quantityT: 50 } },
    { why: 'by CAS and name together', substance: { cas: '9004-70-0', name: '硝化纤维素（含水≥25%）', quantityT: 50 } },
  ])('a shared-CAS row is reachable $why', ({ substance }) => {
    expect(identifyMajorHazard(unit(substance))).toMatchObject({ ok: true, sumRatio: 1, substances: [expect.objectContaining({ table1Row: 41, criticalQuantityT: 50 })] })
  })
})
