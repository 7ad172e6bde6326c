/**
 * Response tasks (处置任务): created from a plan level's checklist on activation, or by hand;
 * assigned → accepted → in_progress → done / blocked (domain/src/incidents/taskStatus.ts), with
 * feedback text and photos; overdue when the deadline has passed and the task is not done.
 */
import crypto from 'node:crypto'
import type { Static } from '@fastify/type-provider-typebox'
import { sql } from 'drizzle-orm'
import { isTaskOverdue, nextTaskStatus, taskActionsFrom, taskStatusNames, type TaskAction, type TaskStatus } from '@yingji/domain/incidents/taskStatus'
import type { Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import type { Actor } from '../../http/access.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { recordAudit } from '../auth/index.ts'
import { enqueueEvent } from '../events/outbox.ts'
import { changed, type IncidentsContext } from './context.ts'
import { assertOpen, iso, isoOrNull, loadIncident } from './incident.ts'
import { appendLog } from './log.ts'
import * as queries from './queries.ts'
import type { CreateTaskBody, FeedbackBody, TaskActionBody } from './schemas.ts'
import { decodeFile } from './files.ts'

const entity = 'incidents.task'
const maxPhotoBytes = 5 * 1024 * 1024

export interface TaskRow {
  id: string
  incident_id: string
  plan_id: string | null
  level: number | null
  checklist_item_id: string | null
  title: string
  detail: string | null
  assignee_kind: 'department' | 'township' | 'team' | 'team_type' | 'user'
  assignee_name: string
  assignee_team_id: string | null
  assignee_user_id: string | null
  status: TaskStatus
  deadline: Date | string | null
  feedback: string | null
  created_by_name: string
  created_at: Date | string
  updated_at: Date | string
  accepted_at: Date | string | null
  started_at: Date | string | null
  done_at: Date | string | null
}

const columns = sql`id, incident_id, plan_id, level, checklist_item_id, title, detail, assignee_kind, assignee_name, assignee_team_id, assignee_user_id,
  status, deadline, feedback, created_by_name, created_at, updated_at, accepted_at, started_at, done_at`

export function taskView(r: TaskRow, updates: { at: string; by: string; from: string | null; to: string | null; text: string | null }[] = [], photos: { id: string; fileName: string; url: string }[] = [], now = new Date()) {
  return {
    id: r.id, incidentId: r.incident_id, planId: r.plan_id, level: r.level, fromChecklist: r.checklist_item_id !== null,
    title: r.title, detail: r.detail,
    assignee: { kind: r.assignee_kind, name: r.assignee_name, teamId: r.assignee_team_id, userId: r.assignee_user_id },
    status: r.status, statusName: taskStatusNames[r.status].zh, statusNameEn: taskStatusNames[r.status].en,
    actions: taskActionsFrom(r.status),
    deadline: isoOrNull(r.deadline),
    overdue: isTaskOverdue({ status: r.status, deadline: r.deadline === null ? null : new Date(r.deadline) }, now),
    feedback: r.feedback, createdBy: r.created_by_name, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
    acceptedAt: isoOrNull(r.accepted_at), startedAt: isoOrNull(r.started_at), doneAt: isoOrNull(r.done_at),
    updates, photos,
  }
}

export type TaskView = ReturnType<typeof taskView>

export async function tasksOf(q: Queryable, incidentId: string): Promise<TaskView[]> {
  const rows = await queryRows<TaskRow>(q, sql`SELECT ${columns} FROM incidents.tasks WHERE incident_id = ${incidentId} ORDER BY created_at, id`)
  const updates = await queryRows<{ task_id: string; at: Date | string; actor_name: string; from_status: string | null; to_status: string | null; text: string | null }>(q, sql`
    SELECT u.task_id, u.at, u.actor_name, u.from_status, u.to_status, u.text FROM incidents.task_updates u
    JOIN incidents.tasks t ON t.id = u.task_id WHERE t.incident_id = ${incidentId} ORDER BY u.id`)
  const photos = (await queries.findAttachments(q, incidentId)).filter((a) => a.task_id !== null)
  return rows.map((r) => taskView(
    r,
    updates.filter((u) => u.task_id === r.id).map((u) => ({ at: iso(u.at), by: u.actor_name, from: u.from_status, to: u.to_status, text: u.text })),
    photos.filter((p) => p.task_id === r.id).map((p) => ({ id: p.id, fileName: p.file_name, url: `/api/incidents/${incidentId}/attachments/${p.id}` })),
  ))
}

export interface NewTask {
  incidentId: string
  planId: string | null
  level: number | null
  checklistKey: string | null
  title: string
  detail: string | null
  assigneeKind: TaskRow['assignee_kind']
  assigneeName: string
  assigneeTeamId: string | null
  assigneeUserId: string | null
  deadline: string | null
}

/** Inserts a task; a checklist task already on the incident (same key) is skipped: returns null. */
export async function insertTask(q: Queryable, actor: Actor | null, t: NewTask): Promise<string | null> {
  const id = crypto.randomUUID()
  const rows = await queryRows<{ id: string }>(q, sql`
    INSERT INTO incidents.tasks (id, incident_id, plan_id, level, checklist_item_id, title, detail, assignee_kind, assignee_name, assignee_team_id,
      assignee_user_id, deadline, created_by_name, created_at)
    VALUES (${id}, ${t.incidentId}, ${t.planId}, ${t.level}, ${t.checklistKey}, ${t.title}, ${t.detail}, ${t.assigneeKind}, ${t.assigneeName},
      ${t.assigneeTeamId}, ${t.assigneeUserId}, ${t.deadline}, ${actor?.name ?? '系统'}, clock_timestamp())
    ON CONFLICT (incident_id, checklist_item_id) WHERE checklist_item_id IS NOT NULL DO NOTHING
    RETURNING id`)
  if (rows.length === 0) return null
  await q.execute(sql`INSERT INTO incidents.task_updates (task_id, actor_id, actor_name, to_status) VALUES (${id}, ${actor?.kind === 'user' ? actor.id : null}, ${actor?.name ?? '系统'}, 'assigned')`)
  return id
}

async function loadTask(q: Queryable, actor: Actor, taskId: string, forUpdate = false): Promise<TaskRow> {
  const [row] = await queryRows<TaskRow>(q, sql`SELECT ${columns} FROM incidents.tasks WHERE id = ${taskId}${forUpdate ? sql` FOR UPDATE` : sql``}`)
  if (!row) throw notFound(`任务 ${taskId}`, `Task ${taskId}`, 'params.taskId')
  try {
    await loadIncident(q, actor, row.incident_id)
  } catch {
    throw notFound(`任务 ${taskId}`, `Task ${taskId}`, 'params.taskId')
  }
  return row
}

export async function createTask(ctx: IncidentsContext, actor: Actor, incidentId: string, body: Static<typeof CreateTaskBody>): Promise<TaskView> {
  const view = await ctx.db.transaction(async (tx) => {
    const incident = await loadIncident(tx, actor, incidentId, true)
    assertOpen(incident)
    let assigneeName = body.assigneeName?.trim() ?? ''
    let teamId: string | null = null
    let userId: string | null = null
    if (body.assigneeKind === 'team') {
      if (!body.assigneeTeamId) throw invalid('assignee_required', 'body.assigneeTeamId', '指派给队伍时须填写 body.assigneeTeamId', 'body.assigneeTeamId is required for a team')
      const [team] = await queryRows<{ name: string }>(tx, sql`SELECT name FROM resources.teams WHERE id = ${body.assigneeTeamId}`)
      if (!team) throw invalid('unknown_team', 'body.assigneeTeamId', `body.assigneeTeamId 不是已登记的队伍`, 'body.assigneeTeamId is not a known team')
      teamId = body.assigneeTeamId
      assigneeName = team.name
    } else if (body.assigneeKind === 'user') {
      if (!body.assigneeUserId) throw invalid('assignee_required', 'body.assigneeUserId', '指派给人员时须填写 body.assigneeUserId', 'body.assigneeUserId is required for a user')
      const [user] = await queryRows<{ display_name: string }>(tx, sql`SELECT display_name FROM auth.users WHERE id = ${body.assigneeUserId}`)
      if (!user) throw invalid('unknown_user', 'body.assigneeUserId', 'body.assigneeUserId 不是已登记的用户', 'body.assigneeUserId is not a known user')
      userId = body.assigneeUserId
      assigneeName = user.display_name
    } else if (!assigneeName) {
      throw invalid('assignee_required', 'body.assigneeName', '须填写承办部门或单位（body.assigneeName）', 'body.assigneeName is required')
    }
    const id = (await insertTask(tx, actor, {
      incidentId, planId: null, level: null, checklistKey: null, title: body.title.trim(), detail: body.detail ?? null,
      assigneeKind: body.assigneeKind, assigneeName, assigneeTeamId: teamId, assigneeUserId: userId, deadline: body.deadline ?? null,
    }))!
    await appendLog(tx, incidentId, actor, { kind: 'task_created', text: `下达任务：${assigneeName}——${body.title.trim()}`, data: { taskId: id } })
    const [row] = await queryRows<TaskRow>(tx, sql`SELECT ${columns} FROM incidents.tasks WHERE id = ${id}`)
    const created = taskView(row!)
    await recordAudit(tx, { actor, action: 'task.create', entity, entityId: id, after: created })
    await enqueueEvent(tx, 'incidents.tasks_assigned', { incidentId, tasks: [{ id, title: created.title, assignee: created.assignee, deadline: created.deadline }] })
    return created
  })
  changed(ctx, incidentId, ['tasks', 'log'], view.id)
  return view
}

async function savePhotos(q: Queryable, actor: Actor, task: TaskRow, photos: Static<typeof TaskActionBody>['photos']): Promise<number> {
  if (!photos) return 0
  for (const [i, photo] of photos.entries()) {
    const bytes = decodeFile(photo, `body.photos.${i}`, maxPhotoBytes)
    await queries.insertAttachment(q, { id: crypto.randomUUID(), incidentId: task.incident_id, taskId: task.id, fileName: photo.fileName, mediaType: photo.mediaType, bytes, byName: actor.name })
  }
  return photos.length
}

const stamp: Partial<Record<TaskStatus, string>> = { accepted: 'accepted_at', in_progress: 'started_at', done: 'done_at' }

export async function actOnTask(ctx: IncidentsContext, actor: Actor, taskId: string, action: TaskAction, body: Static<typeof TaskActionBody>): Promise<TaskView> {
  if (action === 'block' && !body.text) throw invalid('feedback_required', 'body.text', '报告受阻须说明原因（body.text）', 'Say why the task is blocked (body.text)')
  const result = await ctx.db.transaction(async (tx) => {
    const task = await loadTask(tx, actor, taskId, true)
    const incident = await loadIncident(tx, actor, task.incident_id)
    assertOpen(incident)
    const next = nextTaskStatus(task.status, action)
    if (!next.ok) throw new AppError('conflict', 'invalid_task_transition', next.message, next.messageEn)
    const photoCount = await savePhotos(tx, actor, task, body.photos)
    const column = stamp[next.to]
    await tx.execute(sql`
      UPDATE incidents.tasks SET status = ${next.to}, updated_at = now()${body.text ? sql`, feedback = ${body.text}` : sql``}
        ${column ? sql`, ${sql.raw(column)} = coalesce(${sql.raw(column)}, now())` : sql``}
      WHERE id = ${taskId}`)
    await tx.execute(sql`
      INSERT INTO incidents.task_updates (task_id, actor_id, actor_name, from_status, to_status, text)
      VALUES (${taskId}, ${actor.kind === 'user' ? actor.id : null}, ${actor.name}, ${task.status}, ${next.to}, ${body.text ?? null})`)
    await appendLog(tx, task.incident_id, actor, {
      kind: 'task_status',
      text: `任务“${task.title}”（${task.assignee_name}）：${taskStatusNames[task.status].zh} → ${taskStatusNames[next.to].zh}${body.text ? `，${body.text}` : ''}${photoCount ? `（照片${photoCount}张）` : ''}`,
      data: { taskId, from: task.status, to: next.to },
    })
    const view = (await tasksOf(tx, task.incident_id)).find((t) => t.id === taskId)!
    await recordAudit(tx, { actor, action: `task.${action}`, entity, entityId: taskId, before: { status: task.status }, after: { status: next.to, feedback: body.text ?? null } })
    await enqueueEvent(tx, 'incidents.task_changed', { incidentId: task.incident_id, taskId, from: task.status, to: next.to })
    return view
  })
  changed(ctx, result.incidentId, ['tasks', 'log'], taskId)
  return result
}

export async function addFeedback(ctx: IncidentsContext, actor: Actor, taskId: string, body: Static<typeof FeedbackBody>): Promise<TaskView> {
  const result = await ctx.db.transaction(async (tx) => {
    const task = await loadTask(tx, actor, taskId, true)
    const photoCount = await savePhotos(tx, actor, task, body.photos)
    await tx.execute(sql`UPDATE incidents.tasks SET feedback = ${body.text}, updated_at = now() WHERE id = ${taskId}`)
    await tx.execute(sql`
      INSERT INTO incidents.task_updates (task_id, actor_id, actor_name, text) VALUES (${taskId}, ${actor.kind === 'user' ? actor.id : null}, ${actor.name}, ${body.text})`)
    await appendLog(tx, task.incident_id, actor, { kind: 'task_feedback', text: `任务“${task.title}”反馈：${body.text}${photoCount ? `（照片${photoCount}张）` : ''}`, data: { taskId } })
    await recordAudit(tx, { actor, action: 'task.feedback', entity, entityId: taskId, after: { feedback: body.text, photos: photoCount } })
    return (await tasksOf(tx, task.incident_id)).find((t) => t.id === taskId)!
  })
  changed(ctx, result.incidentId, ['tasks', 'log'], taskId)
  return result
}

export async function listTasks(q: Queryable, actor: Actor, incidentId: string) {
  await loadIncident(q, actor, incidentId)
  return { items: await tasksOf(q, incidentId) }
}
