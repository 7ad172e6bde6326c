/**
 * The incidents module's view of the plans module (预案): suggestions for an incident's facts,
 * and a plan level's checklist. Plans own their tables; this file is the one place that reads
 * them: suggestions and checklists through the plans module's functions, a plan's status and
 * area from its table.
 */
import { sql } from 'drizzle-orm'
import type { Db, Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import type { IncidentFacts } from '@yingji/domain/plans/incidentFacts'
import type { ResponseLevel } from '@yingji/domain/plans/planTypes'
import { planLevelChecklist, suggestPlans } from '../plans/suggest.ts'

/** The facts plans are matched on (the plans module's schema), as the suggestions answer them. */
export { IncidentFactsSchema as PlanFactsSchema } from '../plans/schemas.ts'

export interface PlanSuggestionView {
  planId: string
  planName: string
  level: number
  levelName: string
  reasons: { fact: string; zh: string; en: string }[]
  reason: string
  reasonEn: string
}

export interface ChecklistEntry {
  assigneeKind: 'department' | 'township' | 'teamType'
  assignee: string
  task: string
  deadlineMinutes: number
}

export interface PlanLevelRef {
  planId: string
  planName: string
  divisionCode: string
  status: string
  level: number
  levelName: string
  checklist: ChecklistEntry[]
}

/** The plans module's suggestions, in the shape the incident board shows. */
export async function suggestPlansFor(db: Db, facts: IncidentFacts): Promise<PlanSuggestionView[]> {
  return (await suggestPlans(db, facts)).map((s) => ({
    planId: s.planId, planName: s.planName, level: s.level, levelName: s.levelName.zh, reasons: s.reasons, reason: s.reason, reasonEn: s.reasonEn,
  }))
}

/** A plan's level with its checklist, or null (no such plan or level). */
export async function planLevel(q: Queryable, planId: string, level: number): Promise<PlanLevelRef | null> {
  if (![1, 2, 3, 4].includes(level)) return null
  const checklist = await planLevelChecklist(q, planId, level as ResponseLevel)
  if (!checklist) return null
  // Status and area are not in the checklist answer: read from the plans table.
  const [plan] = await queryRows<{ division_code: string; status: string }>(q, sql`SELECT rtrim(division_code) AS division_code, status FROM plans.plans WHERE id = ${planId}`)
  if (!plan) return null
  return { planId, planName: checklist.planName, divisionCode: plan.division_code, status: plan.status, level, levelName: checklist.levelName, checklist: checklist.items }
}
