/**
 * Reporting time limits for work-safety accidents (事故报告时限), 国务院令第493号 (V,
 * accident-grading.md §2):
 * - Art. 9: the unit head (单位负责人) reports within 1 hour to the work-safety department (and
 *   the departments with safety-supervision duty) of the county-level government (县级以上);
 * - Art. 10: the report travels up level by level — 一般 to the prefecture city (设区的市),
 *   较大 to the province, 重大 and 特别重大 to the State Council's work-safety department;
 * - Art. 11: each level forwards within 2 hours (每级上报的时间不得超过2小时);
 * - Art. 13: changes in casualties are reported within 30 days (road traffic and fire: 7 days).
 * Each level's 2 hours run from when it received the report; until it has, from its own deadline.
 * The State Council department and the province report a 重大/特别重大 accident to the State
 * Council "immediately" (立即), which has no fixed limit and is not listed.
 */
import type { AccidentLevel } from './accidentGrade.ts'

export const reportingSteps = ['county', 'city', 'province', 'national'] as const

/** Who must have received the report: 县级, 设区的市级, 省级, 国务院安全生产监督管理部门 */
export type ReportingStep = (typeof reportingSteps)[number]

export interface ReportingDeadline {
  step: ReportingStep
  authority: string
  authorityEn: string
  /** Latest time the report must reach this level */
  dueAt: Date
  /** The moment the limit counts from: the lower level's receipt, or its deadline */
  countsFrom: Date
  limitHours: 1 | 2
  article: string
}

/** Actual times, as far as known: when the unit head learned of it, when each level received it. */
export type ReportingReceipts = Partial<Record<'unitHead' | 'county' | 'city' | 'province', Date>>

const authorities: Record<ReportingStep, { zh: string; en: string }> = {
  county: { zh: '县级人民政府安全生产监督管理部门和负有安全生产监督管理职责的有关部门', en: 'county-level work-safety department and departments with safety-supervision duty' },
  city: { zh: '设区的市级人民政府安全生产监督管理部门', en: 'prefecture-city work-safety department' },
  province: { zh: '省级人民政府安全生产监督管理部门', en: 'provincial work-safety department' },
  national: { zh: '国务院安全生产监督管理部门', en: 'State Council work-safety department' },
}

/** How far up each level's report goes (Art. 10). */
const highestStep: Record<AccidentLevel, ReportingStep> = { 1: 'national', 2: 'national', 3: 'province', 4: 'city' }

const hours = (from: Date, count: number) => new Date(from.getTime() + count * 3_600_000)

/** The deadline at each level a report of this accident must reach, lowest first. */
export function accidentReportingDeadlines(level: AccidentLevel, occurredAt: Date, received: ReportingReceipts = {}): ReportingDeadline[] {
  const last = reportingSteps.indexOf(highestStep[level])
  const deadlines: ReportingDeadline[] = []
  // The people on site report to the unit head at once (Art. 9), so by default its hour starts at the accident.
  let countsFrom = received.unitHead ?? occurredAt
  for (const [i, step] of reportingSteps.slice(0, last + 1).entries()) {
    const limitHours = i === 0 ? 1 : 2
    const dueAt = hours(countsFrom, limitHours)
    deadlines.push({ step, authority: authorities[step].zh, authorityEn: authorities[step].en, dueAt, countsFrom, limitHours, article: i === 0 ? '第九条' : '第十一条' })
    countsFrom = (step !== 'national' ? received[step] : undefined) ?? dueAt
  }
  return deadlines
}

/** Last day to report a change in casualties (Art. 13): 30 days, or 7 for road traffic and fire accidents. */
export function casualtyChangeReportingUntil(occurredAt: Date, options: { roadTrafficOrFire?: boolean } = {}): Date {
  return hours(occurredAt, (options.roadTrafficOrFire ? 7 : 30) * 24)
}
