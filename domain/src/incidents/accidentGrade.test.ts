import { describe, expect, it } from 'vitest'
import { gradeAccident } from './accidentGrade.ts'

const none = { deaths: 0, seriousInjuries: 0, directLossYuan: 0 }
const clause = '国务院令第493号 第三条'

describe(`${clause}: each criterion at and just below every bound (以上 includes, 以下 excludes)`, () => {
  it.each([
    { why: 'no casualties, no loss', facts: none, level: 4, name: '一般事故' },
    { why: '2 deaths (3人以下)', facts: { ...none, deaths: 2 }, level: 4, name: '一般事故' },
    { why: 'exactly 3 deaths (3人以上)', facts: { ...none, deaths: 3 }, level: 3, name: '较大事故' },
    { why: '9 deaths (10人以下)', facts: { ...none, deaths: 9 }, level: 3, name: '较大事故' },
    { why: 'exactly 10 deaths', facts: { ...none, deaths: 10 }, level: 2, name: '重大事故' },
    { why: '29 deaths (30人以下)', facts: { ...none, deaths: 29 }, level: 2, name: '重大事故' },
    { why: 'exactly 30 deaths', facts: { ...none, deaths: 30 }, level: 1, name: '特别重大事故' },
    { why: '9 serious injuries', facts: { ...none, seriousInjuries: 9 }, level: 4, name: '一般事故' },
    { why: 'exactly 10 serious injuries', facts: { ...none, seriousInjuries: 10 }, level: 3, name: '较大事故' },
    { why: '49 serious injuries', facts: { ...none, seriousInjuries: 49 }, level: 3, name: '较大事故' },
    { why: 'exactly 50 serious injuries', facts: { ...none, seriousInjuries: 50 }, level: 2, name: '重大事故' },
    { why: '99 serious injuries', facts: { ...none, seriousInjuries: 99 }, level: 2, name: '重大事故' },
    { why: 'exactly 100 serious injuries', facts: { ...none, seriousInjuries: 100 }, level: 1, name: '特别重大事故' },
    { why: 'loss 9,999,999 yuan', facts: { ...none, directLossYuan: 9_999_999 }, level: 4, name: '一般事故' },
    { why: 'loss exactly 1,000万', facts: { ...none, directLossYuan: 10_000_000 }, level: 3, name: '较大事故' },
    { why: 'loss 4,999.99万', facts: { ...none, directLossYuan: 49_999_999.99 }, level: 3, name: '较大事故' },
    { why: 'loss exactly 5,000万', facts: { ...none, directLossYuan: 50_000_000 }, level: 2, name: '重大事故' },
    { why: 'loss just under 1亿', facts: { ...none, directLossYuan: 99_999_999 }, level: 2, name: '重大事故' },
    { why: 'loss exactly 1亿', facts: { ...none, directLossYuan: 100_000_000 }, level: 1, name: '特别重大事故' },
  ])('$why → $name', ({ facts, level, name }) => {
    expect(gradeAccident(facts)).toMatchObject({ ok: true, level, name })
  })
})

describe(`${clause}: the highest level any criterion reaches decides`, () => {
  it.each([
    { why: 'deaths decide: 3 deaths, 9 injuries, 900万', facts: { deaths: 3, seriousInjuries: 9, directLossYuan: 9_000_000 }, level: 3, decidedBy: ['deaths'] },
    { why: 'injuries decide: 1 death, 50 injuries', facts: { deaths: 1, seriousInjuries: 50, directLossYuan: 0 }, level: 2, decidedBy: ['seriousInjuries'] },
    { why: 'loss decides: no casualties, 1.2亿', facts: { deaths: 0, seriousInjuries: 0, directLossYuan: 120_000_000 }, level: 1, decidedBy: ['directLossYuan'] },
    { why: 'a tie names both: 10 deaths and 6,000万', facts: { deaths: 10, seriousInjuries: 12, directLossYuan: 60_000_000 }, level: 2, decidedBy: ['deaths', 'directLossYuan'] },
  ])('$why', ({ facts, level, decidedBy }) => {
    expect(gradeAccident(facts)).toMatchObject({ ok: true, level, decidedBy })
  })

  it('explains the grade in Chinese and English', () => {
    expect(gradeAccident({ deaths: 3, seriousInjuries: 2, directLossYuan: 1_500_000 })).toMatchObject({
      level: 3,
      name: '较大事故',
      nameEn: 'relatively serious accident',
      levelBy: { deaths: 3, seriousInjuries: 4, directLossYuan: 4 },
      reason: '死亡人数3人，属较大事故（国务院令第493号第三条）',
      reasonEn: 'deaths 3 people: relatively serious accident (Decree 493, Art. 3)',
    })
  })
})

describe('bad facts are refused, naming the field', () => {
  it.each([
    { facts: { ...none, deaths: -1 }, field: 'deaths' },
    { facts: { ...none, seriousInjuries: 2.5 }, field: 'seriousInjuries' },
    { facts: { ...none, directLossYuan: Number.NaN }, field: 'directLossYuan' },
    { facts: { ...none, directLossYuan: -100 }, field: 'directLossYuan' },
  ])('$field', ({ facts, field }) => {
    expect(gradeAccident(facts)).toMatchObject({ ok: false, field, message: expect.stringContaining('非负'), messageEn: expect.stringContaining('non-negative') })
  })
})
