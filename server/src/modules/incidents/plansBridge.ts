/**
 * The incidents module's view of the plans module (预案): suggestions for an incident's facts,
 * and a plan level's checklist. Plans own their tables; this file is the one place that reads
 * them, so a change there is a change here only.
 */
import { sql } from 'drizzle-orm'
import type { Db, Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import type { IncidentFacts } from '@yingji/domain/plans/incidentFacts'

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

type SuggestModule = { suggestPlans: (db: Db, facts: IncidentFacts) => Promise<PlanSuggestionView[]> }

/** The plans module's suggestions, or none while it is not installed. */
export async function suggestPlansFor(db: Db, facts: IncidentFacts): Promise<PlanSuggestionView[]> {
  const path = '../plans/suggest.ts'
  let mod: SuggestModule
  try {
    mod = (await import(path)) as SuggestModule
  } catch {
    return []
  }
  const list = await mod.suggestPlans(db, facts)
  return list.map((s) => {
    const levelName = (s as { levelName?: unknown }).levelName
    return {
      planId: s.planId, planName: s.planName, level: s.level,
      levelName: typeof levelName === 'string' ? levelName : (levelName as { zh?: string } | undefined)?.zh ?? `${s.level}级`,
      reasons: s.reasons ?? [], reason: s.reason ?? '', reasonEn: s.reasonEn ?? '',
    }
  })
}

/** A plan's level with its checklist, or null (no such plan or level). */
export async function planLevel(q: Queryable, planId: string, level: number): Promise<PlanLevelRef | null> {
  const [exists] = await queryRows<{ ok: string | null }>(q, sql`SELECT to_regclass('plans.plan_checklist_items')::text AS ok`)
  if (!exists?.ok) return null
  const [plan] = await queryRows<{ id: string; name: string; division_code: string; status: string; level_name: string }>(q, sql`
    SELECT p.id, p.name, rtrim(p.division_code) AS division_code, p.status, l.name AS level_name
    FROM plans.plans p JOIN plans.plan_levels l ON l.plan_id = p.id AND l.level = ${level}
    WHERE p.id = ${planId}`)
  if (!plan) return null
  const items = await queryRows<{ assignee_kind: ChecklistEntry['assigneeKind']; assignee: string; task: string; deadline_minutes: number }>(q, sql`
    SELECT assignee_kind, assignee, task, deadline_minutes FROM plans.plan_checklist_items
    WHERE plan_id = ${planId} AND level = ${level} ORDER BY ord`)
  return {
    planId: plan.id, planName: plan.name, divisionCode: plan.division_code, status: plan.status, level, levelName: plan.level_name,
    checklist: items.map((i) => ({ assigneeKind: i.assignee_kind, assignee: i.assignee, task: i.task, deadlineMinutes: i.deadline_minutes })),
  }
}
