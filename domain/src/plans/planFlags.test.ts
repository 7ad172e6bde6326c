import { describe, expect, it } from 'vitest'
import { addMonths, addWorkingDays, planFlags, type PlanForFlags } from './planFlags.ts'

const base: PlanForFlags = {
  type: 'special', status: 'effective', issuedOn: '2025-06-02', effectiveOn: '2025-06-02', revisionDue: null,
  filingStatus: 'filed', filedOn: '2025-06-20', drillIntervalMonths: null, lastDrillOn: '2025-09-01',
}
const kinds = (p: Partial<PlanForFlags>, today: string) => planFlags({ ...base, ...p }, today).map((f) => f.kind)

describe('国办发〔2024〕5号 Art. 26: filing within 20 working days of issuance', () => {
  it.each([
    { why: 'Mon 2025-06-02 + 20 working days (weekends skipped) = Mon 2025-06-30', from: '2025-06-02', to: '2025-06-30' },
    { why: 'Fri + 1 working day = Mon', from: '2025-06-06', to: '2025-06-09' },
  ])('$why', ({ from, to }) => {
    expect(addWorkingDays(from, from === '2025-06-02' ? 20 : 1)).toBe(to)
  })
  it('holidays and make-up working days are configuration', () => {
    expect(addWorkingDays('2025-06-06', 1, { holidays: ['2025-06-09'], extraWorkingDays: [] })).toBe('2025-06-10')
    expect(addWorkingDays('2025-06-06', 1, { holidays: [], extraWorkingDays: ['2025-06-07'] })).toBe('2025-06-07')
  })
  it.each([
    { why: 'not filed, still within the 20 days → 未备案 warning', p: { filingStatus: 'pending' as const, filedOn: null }, today: '2025-06-30', expected: ['filingMissing'] },
    { why: 'not filed, day 21 → overdue', p: { filingStatus: 'pending' as const, filedOn: null }, today: '2025-07-01', expected: ['filingOverdue'] },
    { why: 'filed in time → nothing', p: {}, today: '2025-07-01', expected: [] },
    { why: 'filed late → a warning remains', p: { filedOn: '2025-07-15' }, today: '2025-08-01', expected: ['filingOverdue'] },
    { why: 'not required (e.g. an internal plan) → nothing', p: { filingStatus: 'notRequired' as const, filedOn: null }, today: '2025-09-01', expected: [] },
  ])('$why', ({ p, today, expected }) => {
    expect(kinds(p, today).filter((k) => k.startsWith('filing'))).toEqual(expected)
  })
})

describe('evaluation and revision every 3 years (V1), a stored due date wins', () => {
  it.each([
    { why: 'effective 2025-06-02 → due 2028-06-02; the day itself is not overdue', p: {}, today: '2028-06-02', expected: ['revisionDueSoon'] },
    { why: 'one day later → overdue', p: {}, today: '2028-06-03', expected: ['revisionOverdue'] },
    { why: 'more than 60 days ahead → nothing', p: {}, today: '2028-04-01', expected: [] },
    { why: 'stored due date', p: { revisionDue: '2026-01-01' }, today: '2026-01-02', expected: ['revisionOverdue'] },
  ])('$why', ({ p, today, expected }) => {
    expect(kinds({ ...p, lastDrillOn: today }, today).filter((k) => k.startsWith('revision'))).toEqual(expected)
  })
})

describe('drills: 专项/部门 every 3 years (V-2013), enterprise yearly (应急管理部令第2号), a plan\'s own interval wins', () => {
  it.each([
    { why: 'special plan, last drill 14 months ago → fine under the 3-year rule', p: { lastDrillOn: '2025-09-29' }, today: '2026-11-29', expected: [] },
    { why: 'SCENARIO: flood plan drilled yearly, last drill 14 months ago → overdue', p: { lastDrillOn: '2025-09-29', drillIntervalMonths: 12 }, today: '2026-11-29', expected: ['drillOverdue'] },
    { why: 'enterprise plan, 13 months → overdue', p: { type: 'enterprise' as const, lastDrillOn: '2025-10-28' }, today: '2026-11-29', expected: ['drillOverdue'] },
    { why: 'on-site plan every 6 months, 5 months → due soon', p: { type: 'enterprise' as const, drillIntervalMonths: 6, lastDrillOn: '2026-07-01' }, today: '2026-11-29', expected: ['drillDueSoon'] },
    { why: 'never drilled, effective 37 months ago → overdue', p: { lastDrillOn: null, effectiveOn: '2023-10-01', issuedOn: '2023-10-01' }, today: '2026-11-29', expected: ['drillOverdue'] },
    { why: 'major-event plan: no periodic drill', p: { type: 'majorEvent' as const, lastDrillOn: null }, today: '2030-01-01', expected: [] },
  ])('$why', ({ p, today, expected }) => {
    expect(kinds(p, today).filter((k) => k.startsWith('drill'))).toEqual(expected)
  })
  it('says why in Chinese and English', () => {
    const [f] = planFlags({ ...base, lastDrillOn: '2025-09-29', drillIntervalMonths: 12 }, '2026-11-29').filter((x) => x.kind === 'drillOverdue')
    expect(f).toMatchObject({ severity: 'error', dueOn: '2026-09-29', message: '演练逾期：上次演练2025-09-29，应每12个月至少演练一次（2026-09-29前）' })
    expect(f?.messageEn).toBe('drill overdue: last drill 2025-09-29, at least one drill every 12 months (due 2026-09-29)')
  })
  it('drafts and superseded plans carry no flags', () => {
    expect(kinds({ status: 'draft', filingStatus: 'pending', filedOn: null, lastDrillOn: null }, '2030-01-01')).toEqual([])
  })
  it('addMonths clamps to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2025-09-29', 12)).toBe('2026-09-29')
  })
})
