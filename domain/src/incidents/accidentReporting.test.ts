import { describe, expect, it } from 'vitest'
import { accidentReportingDeadlines, casualtyChangeReportingUntil } from './accidentReporting.ts'

// 2026-06-21 10:00 Beijing time
const occurredAt = new Date('2026-06-21T02:00:00Z')
const beijing = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')

describe('国务院令第493号 第九、十、十一条: 1 h to the county, then ≤ 2 h per level, as far up as the level requires', () => {
  it.each([
    { level: 4, name: '一般事故 stops at the prefecture city (景德镇)', due: { county: '2026-06-21 11:00', city: '2026-06-21 13:00' } },
    { level: 3, name: '较大事故 goes to the province (江西)', due: { county: '2026-06-21 11:00', city: '2026-06-21 13:00', province: '2026-06-21 15:00' } },
    { level: 2, name: '重大事故 goes to the State Council department', due: { county: '2026-06-21 11:00', city: '2026-06-21 13:00', province: '2026-06-21 15:00', national: '2026-06-21 17:00' } },
    { level: 1, name: '特别重大事故 likewise', due: { county: '2026-06-21 11:00', city: '2026-06-21 13:00', province: '2026-06-21 15:00', national: '2026-06-21 17:00' } },
  ] as const)('$name', ({ level, due }) => {
    const deadlines = accidentReportingDeadlines(level, occurredAt)
    expect(Object.fromEntries(deadlines.map((d) => [d.step, beijing(d.dueAt)]))).toEqual(due)
    expect(deadlines.map((d) => d.limitHours)).toEqual([1, 2, 2, 2].slice(0, deadlines.length))
    expect(deadlines[0]).toMatchObject({ article: '第九条', authority: expect.stringContaining('县级') })
  })

  it('each level’s 2 hours run from when it actually received the report', () => {
    const deadlines = accidentReportingDeadlines(3, occurredAt, {
      unitHead: new Date('2026-06-21T02:20:00Z'), // learned at 10:20
      county: new Date('2026-06-21T02:50:00Z'), // county received at 10:50
    })
    expect(deadlines.map((d) => [d.step, beijing(d.countsFrom), beijing(d.dueAt)])).toEqual([
      ['county', '2026-06-21 10:20', '2026-06-21 11:20'],
      ['city', '2026-06-21 10:50', '2026-06-21 12:50'],
      ['province', '2026-06-21 12:50', '2026-06-21 14:50'],
    ])
  })
})

describe('第十三条: casualty changes reported within 30 days, 7 for road traffic and fire', () => {
  it.each([
    { roadTrafficOrFire: false, until: '2026-07-21 10:00' },
    { roadTrafficOrFire: true, until: '2026-06-28 10:00' },
  ])('road traffic or fire: $roadTrafficOrFire → $until', ({ roadTrafficOrFire, until }) => {
    expect(beijing(casualtyChangeReportingUntil(occurredAt, { roadTrafficOrFire }))).toBe(until)
  })
})
