/**
 * Plan suggestions for an incident (预案匹配), for the incidents module and POST /api/plans/match:
 * the effective plans of the incident's division and the divisions above it (all effective plans
 * when the facts name no division), matched by domain/src/plans/matchPlans.ts — the highest level
 * whose criteria hold, with the reasons, ranked. The caller is responsible for the actor's access
 * to the incident; this only reads plans.
 */
import type { IncidentFacts } from '@yingji/domain/plans/incidentFacts'
import type { Condition } from '@yingji/domain/plans/criteria'
import { matchPlans, type MatchablePlan, type PlanSuggestion } from '@yingji/domain/plans/matchPlans'
import type { PlanStatus, PlanType, ResponseLevel } from '@yingji/domain/plans/planTypes'
import type { Queryable } from '../../db/database.ts'
import * as queries from './queries.ts'
import type { Actor } from '../../http/access.ts'
import { ancestorsOf, canRead } from './service.ts'

export type { IncidentFacts, PlanSuggestion }

/**
 * Effective plans that apply to the facts, ranked, each at the highest level reached, with reasons.
 * With `visibleTo`, only plans that actor may read (inside or above their jurisdiction).
 */
export async function suggestPlans(db: Queryable, facts: IncidentFacts, options: { visibleTo?: Actor } = {}): Promise<PlanSuggestion[]> {
  const all = await queries.findEffectivePlans(db, facts.divisionCode ? ancestorsOf(facts.divisionCode) : undefined)
  const actor = options.visibleTo
  const rows = actor ? all.filter((r) => canRead(actor, r.division_code)) : all
  const levels = await queries.findLevels(db, rows.map((r) => r.id))
  const plans: MatchablePlan[] = rows.map((r) => ({
    id: r.id, name: r.name, type: r.type as PlanType, status: r.status as PlanStatus, hazardTypes: r.hazard_types, divisionCode: r.division_code,
    levels: levels.filter((l) => l.plan_id === r.id).map((l) => ({ level: l.level as ResponseLevel, criteria: (l.criteria ?? null) as Condition | null })),
  }))
  return matchPlans(plans, facts)
}

export interface ChecklistTask {
  assigneeKind: 'department' | 'township' | 'teamType'
  assignee: string
  task: string
  deadlineMinutes: number
}

/** The checklist of one level of a plan (the tasks an activation creates), in order; null when the plan or level does not exist */
export async function planLevelChecklist(db: Queryable, planId: string, level: ResponseLevel): Promise<{ planName: string; levelName: string; items: ChecklistTask[] } | null> {
  const plan = await queries.findPlanById(db, planId)
  if (!plan) return null
  const levelRow = (await queries.findLevels(db, [planId])).find((l) => l.level === level)
  if (!levelRow) return null
  const items = (await queries.findChecklist(db, planId)).filter((c) => c.level === level)
  return {
    planName: plan.name, levelName: levelRow.name,
    items: items.map((c) => ({ assigneeKind: c.assignee_kind as ChecklistTask['assigneeKind'], assignee: c.assignee, task: c.task, deadlineMinutes: c.deadline_minutes })),
  }
}
