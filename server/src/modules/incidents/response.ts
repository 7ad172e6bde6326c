/**
 * The response (应急响应): suggestions for an incident — matching plans and levels with reasons
 * (the plans module), the suggested relief level or accident grade, what is nearby — and the
 * commander's activation: the response recorded, the level's checklist turned into tasks with
 * deadlines, the on-duty officers and departments notified, the command log written. A later
 * level change is recorded too and adds the new level's tasks that are not already there.
 */
import type { Static } from '@fastify/type-provider-typebox'
import { sql } from 'drizzle-orm'
import { isWithinDivision } from '@yingji/domain/geo/divisionCode'
import { formatChineseDateTime, responseLevelName } from '@yingji/domain/incidents/sitrepText'
import type { Db, Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import type { Actor } from '../../http/access.ts'
import { AppError, invalid } from '../../http/errors.ts'
import { recordAudit } from '../auth/index.ts'
import { divisionNames } from '../geo/index.ts'
import { enqueueEvent } from '../events/outbox.ts'
import { changed, type IncidentsContext } from './context.ts'
import { gradesOf, planFactsOf, reliefView } from './grading.ts'
import { reliefRulesOf } from './reliefThresholds.ts'
import type { Delivered } from './noticeHub.ts'
import { assertOpen, iso, loadIncident } from './incident.ts'
import { appendLog } from './log.ts'
import { nearby } from './nearby.ts'
import { notify } from './notifications.ts'
import { planLevel, suggestPlansFor, type ChecklistEntry } from './plansBridge.ts'
import * as queries from './queries.ts'
import type { ActivateBody } from './schemas.ts'
import { insertTask } from './tasks.ts'

export const tasksAssignedTopic = 'incidents.tasks_assigned'

export async function responsesOf(q: Queryable, incidentId: string) {
  const rows = await queryRows<{ id: string; plan_id: string; plan_name: string; level: number; previous_level: number | null; comment: string | null; actor_name: string; at: Date | string }>(q, sql`
    SELECT id::text AS id, plan_id, plan_name, level, previous_level, comment, actor_name, at FROM incidents.responses WHERE incident_id = ${incidentId} ORDER BY id`)
  return rows.map((r) => ({
    id: Number(r.id), planId: r.plan_id, planName: r.plan_name, level: r.level, levelName: responseLevelName(r.level), previousLevel: r.previous_level,
    comment: r.comment, by: r.actor_name, at: iso(r.at),
  }))
}

export async function suggestions(db: Db, actor: Actor, id: string, radiusKm: number) {
  const row = await loadIncident(db, actor, id)
  const facts = planFactsOf(row)
  const grades = gradesOf(row.category, row.facts, (await reliefRulesOf(db))(row.division_code))
  const at = row.lon === null || row.lat === null ? null : { lon: Number(row.lon), lat: Number(row.lat) }
  return {
    facts,
    plans: await suggestPlansFor(db, facts),
    reliefResponse: reliefView(grades.relief),
    accidentGrade: grades.accident ? { level: grades.accident.level, name: grades.accident.name, nameEn: grades.accident.nameEn, reason: grades.accident.reason, reasonEn: grades.accident.reasonEn } : null,
    radiusKm,
    nearby: at ? await nearby(db, at, radiusKm, actor.jurisdiction) : [],
  }
}

/** The township-level code above a village (or the code itself). */
const townshipOf = (code: string) => (code.endsWith('000000') ? null : `${code.slice(0, 9)}000`)

interface Assignment { kind: 'department' | 'township' | 'team' | 'team_type'; name: string; teamId: string | null }

/** Who does a checklist item for this incident: the incident's township; the nearest ready team of the type. */
async function assign(q: Queryable, item: ChecklistEntry, incident: queries.IncidentRow, townshipName: string | null): Promise<Assignment> {
  if (item.assigneeKind === 'township') return { kind: 'township', name: townshipName ? `${townshipName}（${item.assignee}）` : item.assignee, teamId: null }
  if (item.assigneeKind === 'teamType') {
    const at = incident.lon === null || incident.lat === null ? null : sql`ST_SetSRID(ST_MakePoint(${Number(incident.lon)}, ${Number(incident.lat)}), 4326)::geography`
    const [team] = await queryRows<{ id: string; name: string }>(q, sql`
      SELECT id, name FROM resources.teams
      WHERE type = ${item.assignee} AND status = 'ready' AND division_code::text LIKE ${incident.division_code.slice(0, 6) + '%'}
      ORDER BY ${at ? sql`ST_Distance(location::geography, ${at}) NULLS LAST` : sql`name`} LIMIT 1`)
    return team ? { kind: 'team', name: team.name, teamId: team.id } : { kind: 'team_type', name: item.assignee, teamId: null }
  }
  return { kind: 'department', name: item.assignee, teamId: null }
}

export async function activate(ctx: IncidentsContext, actor: Actor, id: string, body: Static<typeof ActivateBody>) {
  const result = await ctx.db.transaction(async (tx) => {
    const row = await loadIncident(tx, actor, id, true)
    assertOpen(row)
    const plan = await planLevel(tx, body.planId, body.level)
    if (!plan) throw invalid('unknown_plan_level', 'body.planId', `预案不存在或没有${responseLevelName(body.level)}响应（body.planId / body.level）`, `No such plan, or it has no level ${body.level} (body.planId / body.level)`)
    if (plan.status !== 'effective') throw invalid('plan_not_effective', 'body.planId', '只能启动已生效的预案（body.planId）', 'Only an effective plan can be activated (body.planId)')
    if (!isWithinDivision(row.division_code, plan.divisionCode)) throw invalid('plan_outside_area', 'body.planId', '事件不在该预案的适用区域内（body.planId）', 'The incident lies outside the plan\'s area (body.planId)')
    if (row.plan_id === body.planId && row.response_level === body.level) {
      throw new AppError('conflict', 'already_active', `已在执行该预案${responseLevelName(body.level)}响应`, 'This plan is already active at that level', 'body.level')
    }
    const previousLevel = row.plan_id === body.planId ? row.response_level : null
    const kind: 'plan_activated' | 'level_changed' = previousLevel === null ? 'plan_activated' : 'level_changed'
    const now = new Date()
    await tx.execute(sql`
      UPDATE incidents.incidents SET plan_id = ${plan.planId}, plan_name = ${plan.planName}, response_level = ${body.level},
        activated_by = ${actor.kind === 'user' ? actor.id : null}, activated_by_name = ${actor.name}, activated_at = ${now.toISOString()},
        status = 'responding', updated_at = now()
      WHERE id = ${id}`)
    await tx.execute(sql`
      INSERT INTO incidents.responses (incident_id, plan_id, plan_name, level, previous_level, comment, actor_id, actor_name, at)
      VALUES (${id}, ${plan.planId}, ${plan.planName}, ${body.level}, ${previousLevel}, ${body.comment ?? null}, ${actor.kind === 'user' ? actor.id : null}, ${actor.name}, ${now.toISOString()})`)
    const levelText = `${responseLevelName(body.level)}应急响应`
    const text = kind === 'plan_activated'
      ? `启动《${plan.planName}》${levelText}${row.plan_id && row.plan_id !== plan.planId ? `（原为《${row.plan_name}》）` : ''}`
      : `响应等级由${responseLevelName(previousLevel!)}调整为${responseLevelName(body.level)}（《${plan.planName}》）`
    await appendLog(tx, id, actor, { kind, text: `${text}${body.comment ? `。${body.comment}` : ''}`, data: { planId: plan.planId, level: body.level, previousLevel } })

    const township = townshipOf(row.division_code)
    const townshipName = township ? (await divisionNames(tx, [township])).get(township) ?? null : null
    const created: { id: string; title: string; assignee: string; deadline: string }[] = []
    for (const item of plan.checklist) {
      const who = await assign(tx, item, row, townshipName)
      const deadline = new Date(now.getTime() + item.deadlineMinutes * 60_000).toISOString()
      // The key ignores the level: an item the new level repeats is not assigned twice.
      const key = `${plan.planId}|${item.assigneeKind}|${item.assignee}|${item.task}`
      const taskId = await insertTask(tx, actor, {
        incidentId: id, planId: plan.planId, level: body.level, checklistKey: key, title: item.task, detail: null,
        assigneeKind: who.kind, assigneeName: who.name, assigneeTeamId: who.teamId, assigneeUserId: null, deadline,
      })
      if (taskId) created.push({ id: taskId, title: item.task, assignee: who.name, deadline })
    }
    let delivered: Delivered | null = null
    if (created.length) {
      await appendLog(tx, id, actor, { kind: 'task_created', text: `按${levelText}任务清单下达任务${created.length}项：${created.map((t) => `${t.assignee}——${t.title}`).join('；')}`.slice(0, 4000), data: { taskIds: created.map((t) => t.id) } })
      delivered = await notify(tx, {
        incidentId: id, divisionCode: row.division_code, kind: 'tasks_assigned',
        title: `${row.title}：${text}`.slice(0, 200),
        body: created.map((t) => `${t.assignee}：${t.title}（${formatChineseDateTime(new Date(t.deadline))}前）`).join('\n'),
      }, ['duty_officer', 'department', 'township'])
      await enqueueEvent(tx, tasksAssignedTopic, { incidentId: id, planId: plan.planId, level: body.level, tasks: created, notified: { users: delivered.users, roles: delivered.roles } })
    }
    await enqueueEvent(tx, 'incidents.response_changed', { incidentId: id, planId: plan.planId, planName: plan.planName, level: body.level, previousLevel, kind })
    await recordAudit(tx, { actor, action: kind === 'plan_activated' ? 'incident.activate' : 'incident.level', entity: 'incidents.incident', entityId: id,
      before: { planId: row.plan_id, level: row.response_level }, after: { planId: plan.planId, level: body.level, tasks: created.length } })
    return { view: { kind, planId: plan.planId, planName: plan.planName, level: body.level, levelName: responseLevelName(body.level), previousLevel, tasksCreated: created.length }, delivered }
  })
  changed(ctx, id, ['response', 'tasks', 'log', 'incident'])
  if (result.delivered) ctx.notices.publish(result.delivered)
  return result.view
}
