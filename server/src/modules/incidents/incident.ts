/** Loading an incident within the caller's reach, and its summary view. */
import { isWithinDivision } from '@yingji/domain/geo/divisionCode'
import { categoryNames, subtypeOf, type IncidentCategory } from '@yingji/domain/incidents/classification'
import { responseLevelName } from '@yingji/domain/incidents/sitrepText'
import type { Queryable } from '../../db/database.ts'
import type { Actor } from '../../http/access.ts'
import { AppError, notFound } from '../../http/errors.ts'
import { accidentGradeOf, deadlinesOf, gradesOf, reliefView } from './grading.ts'
import * as queries from './queries.ts'
import type { ReliefRulesOf } from './reliefThresholds.ts'

export const iso = (v: Date | string) => new Date(v).toISOString()
export const isoOrNull = (v: Date | string | null) => (v === null ? null : iso(v))

export async function loadIncident(q: Queryable, actor: Actor, id: string, forUpdate = false): Promise<queries.IncidentRow> {
  const row = await queries.findIncident(q, id, forUpdate)
  if (!row || !isWithinDivision(row.division_code, actor.jurisdiction)) throw notFound(`事件 ${id}`, `Incident ${id}`, 'params.id')
  return row
}

export function assertOpen(row: queries.IncidentRow): void {
  if (row.status === 'closed') throw new AppError('conflict', 'incident_closed', '事件已结束，不能再修改', 'The incident is closed and can no longer change')
}

export function reportingView(row: queries.IncidentRow, steps: queries.StepRow[], now: Date) {
  const grade = accidentGradeOf(row.category, row.facts)
  if (!grade) return []
  const byStep = new Map(steps.map((s) => [s.step, s]))
  const done = Object.fromEntries(steps.filter((s) => s.done_at !== null).map((s) => [s.step, new Date(s.done_at!)]))
  return deadlinesOf(grade.level, new Date(row.occurred_at), done).map((d) => {
    const stored = byStep.get(d.step)
    const doneAt = stored?.done_at ? iso(stored.done_at) : null
    const overdue = doneAt === null ? d.dueAt.getTime() < now.getTime() : Date.parse(doneAt) > d.dueAt.getTime()
    return {
      step: d.step, authority: d.authority, authorityEn: d.authorityEn, article: d.article, limitHours: d.limitHours,
      dueAt: d.dueAt.toISOString(), doneAt, doneBy: stored?.done_by_name ?? null,
      state: doneAt !== null ? (overdue ? 'done_late' as const : 'done' as const) : overdue ? 'overdue' as const : 'pending' as const,
      secondsLeft: doneAt !== null ? null : Math.round((d.dueAt.getTime() - now.getTime()) / 1000),
    }
  })
}

export type ReportingView = ReturnType<typeof reportingView>

export function incidentView(row: queries.IncidentRow, divisionName: string | null, steps: queries.StepRow[], reliefRules: ReliefRulesOf, now = new Date()) {
  const grades = gradesOf(row.category, row.facts, reliefRules(row.division_code))
  const subtype = subtypeOf(row.subtype)
  const category = categoryNames[row.category as IncidentCategory]
  return {
    id: row.id,
    category: row.category,
    categoryName: category?.zh ?? row.category,
    categoryNameEn: category?.en ?? row.category,
    subtype: row.subtype,
    subtypeName: subtype?.name ?? row.subtype,
    subtypeNameEn: subtype?.nameEn ?? row.subtype,
    title: row.title,
    description: row.description,
    divisionCode: row.division_code,
    divisionName,
    location: row.lon === null || row.lat === null ? null : { lon: Number(row.lon), lat: Number(row.lat) },
    address: row.address,
    occurredAt: iso(row.occurred_at),
    reportedAt: iso(row.reported_at),
    source: row.source,
    sourceAlarmId: row.source_alarm_id,
    caller: row.caller,
    facts: row.facts,
    status: row.status,
    response: row.plan_id === null ? null : {
      planId: row.plan_id, planName: row.plan_name ?? '', level: row.response_level ?? 4, levelName: responseLevelName(row.response_level ?? 4),
      activatedBy: row.activated_by_name ?? '', activatedAt: isoOrNull(row.activated_at),
    },
    accidentGrade: grades.accident ? { level: grades.accident.level, name: grades.accident.name, nameEn: grades.accident.nameEn, reason: grades.accident.reason, reasonEn: grades.accident.reasonEn } : null,
    reliefSuggestion: reliefView(grades.relief),
    reportingDeadlines: reportingView(row, steps, now),
    createdBy: row.created_by_name,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    closedAt: isoOrNull(row.closed_at),
    closedBy: row.closed_by_name,
    closeSummary: row.close_summary,
    synthetic: row.synthetic,
  }
}

export type IncidentView = ReturnType<typeof incidentView>
