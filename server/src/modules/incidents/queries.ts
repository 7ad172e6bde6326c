/** Named SQL of incidents (事件) and their reporting steps. */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import type { Static } from '@fastify/type-provider-typebox'
import type { IncidentCategory } from '@yingji/domain/incidents/classification'
import type { Facts } from './grading.ts'
import type { Caller } from './schemas.ts'

export interface IncidentRow {
  id: string
  category: IncidentCategory
  subtype: string
  title: string
  description: string
  division_code: string
  lon: number | null
  lat: number | null
  address: string | null
  occurred_at: Date | string
  reported_at: Date | string
  source: 'alarm' | 'call' | 'village_report' | 'manual'
  source_alarm_id: string | null
  caller: Static<typeof Caller> | null
  facts: Facts
  status: 'open' | 'responding' | 'closed'
  plan_id: string | null
  plan_name: string | null
  response_level: number | null
  activated_by: string | null
  activated_by_name: string | null
  activated_at: Date | string | null
  accident_level: number | null
  relief_level: number | null
  created_by: string | null
  created_by_name: string
  closed_at: Date | string | null
  closed_by_name: string | null
  close_summary: string | null
  synthetic: boolean
  created_at: Date | string
  updated_at: Date | string
}

const columns = sql`i.id, i.category, i.subtype, i.title, i.description, i.division_code, ST_X(i.location) AS lon, ST_Y(i.location) AS lat,
  i.address, i.occurred_at, i.reported_at, i.source, i.source_alarm_id, i.caller, i.facts, i.status, i.plan_id, i.plan_name, i.response_level,
  i.activated_by, i.activated_by_name, i.activated_at, i.accident_level, i.relief_level, i.created_by, i.created_by_name, i.closed_at,
  i.closed_by_name, i.close_summary, i.synthetic, i.created_at, i.updated_at`

export async function findIncident(q: Queryable, id: string, forUpdate = false): Promise<IncidentRow | undefined> {
  const [row] = await queryRows<IncidentRow>(q, sql`SELECT ${columns} FROM incidents.incidents i WHERE i.id = ${id}${forUpdate ? sql` FOR UPDATE` : sql``}`)
  return row
}

export interface IncidentFilter {
  prefix: string
  status?: string | undefined
  category?: string | undefined
}

export async function findIncidents(q: Queryable, f: IncidentFilter, limit: number): Promise<(IncidentRow & { task_total: number; task_done: number; task_overdue: number })[]> {
  const where: SQL[] = [sql`i.division_code LIKE ${f.prefix + '%'}`]
  if (f.status === 'active') where.push(sql`i.status IN ('open', 'responding')`)
  else if (f.status) where.push(sql`i.status = ${f.status}`)
  if (f.category) where.push(sql`i.category = ${f.category}`)
  return queryRows(q, sql`
    SELECT ${columns},
      (SELECT count(*)::int FROM incidents.tasks t WHERE t.incident_id = i.id) AS task_total,
      (SELECT count(*)::int FROM incidents.tasks t WHERE t.incident_id = i.id AND t.status = 'done') AS task_done,
      (SELECT count(*)::int FROM incidents.tasks t WHERE t.incident_id = i.id AND t.status <> 'done' AND t.deadline < now()) AS task_overdue
    FROM incidents.incidents i WHERE ${sql.join(where, sql` AND `)}
    ORDER BY i.occurred_at DESC LIMIT ${limit}`)
}

export interface NewIncident {
  id: string
  category: string
  subtype: string
  title: string
  description: string
  division_code: string
  lon: number | null
  lat: number | null
  address: string | null
  occurred_at: string
  source: string
  source_alarm_id: string | null
  caller: object | null
  facts: Facts
  accident_level: number | null
  relief_level: number | null
  created_by: string | null
  created_by_name: string
  synthetic: boolean
}

export async function insertIncident(q: Queryable, n: NewIncident): Promise<void> {
  const point = n.lon === null || n.lat === null ? sql`NULL` : sql`ST_SetSRID(ST_MakePoint(${n.lon}, ${n.lat}), 4326)`
  await q.execute(sql`
    INSERT INTO incidents.incidents (id, category, subtype, title, description, division_code, location, address, occurred_at, source,
      source_alarm_id, caller, facts, accident_level, relief_level, created_by, created_by_name, synthetic)
    VALUES (${n.id}, ${n.category}, ${n.subtype}, ${n.title}, ${n.description}, ${n.division_code}, ${point}, ${n.address}, ${n.occurred_at},
      ${n.source}, ${n.source_alarm_id}, ${n.caller === null ? null : JSON.stringify(n.caller)}::jsonb, ${JSON.stringify(n.facts)}::jsonb,
      ${n.accident_level}, ${n.relief_level}, ${n.created_by}, ${n.created_by_name}, ${n.synthetic})`)
}

export async function updateFacts(q: Queryable, id: string, facts: Facts, accidentLevel: number | null, reliefLevel: number | null): Promise<void> {
  await q.execute(sql`
    UPDATE incidents.incidents SET facts = ${JSON.stringify(facts)}::jsonb, accident_level = ${accidentLevel}, relief_level = ${reliefLevel}, updated_at = now()
    WHERE id = ${id}`)
}

export async function insertFactChange(q: Queryable, incidentId: string, actor: { id: string | null; name: string }, before: object, after: object, note: string | null): Promise<void> {
  await q.execute(sql`
    INSERT INTO incidents.fact_changes (incident_id, actor_id, actor_name, before, after, note)
    VALUES (${incidentId}, ${actor.id}, ${actor.name}, ${JSON.stringify(before)}::jsonb, ${JSON.stringify(after)}::jsonb, ${note})`)
}

export interface FactChangeRow { id: string; at: Date | string; actor_name: string; before: Facts; after: Facts; note: string | null }

export async function findFactChanges(q: Queryable, incidentId: string): Promise<FactChangeRow[]> {
  return queryRows(q, sql`SELECT id::text AS id, at, actor_name, before, after, note FROM incidents.fact_changes WHERE incident_id = ${incidentId} ORDER BY id`)
}

export interface StepRow { step: 'county' | 'city' | 'province' | 'national'; due_at: Date | string; done_at: Date | string | null; done_by_name: string | null }

export async function findSteps(q: Queryable, incidentId: string): Promise<StepRow[]> {
  return queryRows(q, sql`
    SELECT step, due_at, done_at, done_by_name FROM incidents.reporting_steps WHERE incident_id = ${incidentId}
    ORDER BY array_position(ARRAY['county', 'city', 'province', 'national'], step)`)
}

/** Makes the stored steps these: due times updated, done marks kept, steps no longer due (and not done) removed. */
export async function syncSteps(q: Queryable, incidentId: string, steps: { step: string; dueAt: Date }[]): Promise<void> {
  const keep = steps.map((s) => s.step)
  await q.execute(sql`
    DELETE FROM incidents.reporting_steps WHERE incident_id = ${incidentId} AND done_at IS NULL
      AND NOT (step = ANY(string_to_array(${keep.join(',')}, ',')))`)
  for (const s of steps) {
    await q.execute(sql`
      INSERT INTO incidents.reporting_steps (incident_id, step, due_at) VALUES (${incidentId}, ${s.step}, ${s.dueAt.toISOString()})
      ON CONFLICT (incident_id, step) DO UPDATE SET due_at = EXCLUDED.due_at`)
  }
}

export async function markStepDone(q: Queryable, incidentId: string, step: string, byName: string): Promise<boolean> {
  const rows = await queryRows<{ step: string }>(q, sql`
    UPDATE incidents.reporting_steps SET done_at = now(), done_by_name = ${byName}
    WHERE incident_id = ${incidentId} AND step = ${step} AND done_at IS NULL RETURNING step`)
  return rows.length > 0
}

export async function setStatus(q: Queryable, id: string, status: string): Promise<void> {
  await q.execute(sql`UPDATE incidents.incidents SET status = ${status}, updated_at = now() WHERE id = ${id}`)
}

export async function closeIncident(q: Queryable, id: string, byName: string, summary: string): Promise<void> {
  await q.execute(sql`
    UPDATE incidents.incidents SET status = 'closed', closed_at = now(), closed_by_name = ${byName}, close_summary = ${summary}, updated_at = now()
    WHERE id = ${id}`)
}

export interface AttachmentRow { id: string; task_id: string | null; file_name: string; media_type: string; size_bytes: number; uploaded_by_name: string; created_at: Date | string }

export async function insertAttachment(q: Queryable, a: { id: string; incidentId: string; taskId: string | null; fileName: string; mediaType: string; bytes: Buffer; byName: string }): Promise<void> {
  await q.execute(sql`
    INSERT INTO incidents.attachments (id, incident_id, task_id, file_name, media_type, size_bytes, bytes, uploaded_by_name)
    VALUES (${a.id}, ${a.incidentId}, ${a.taskId}, ${a.fileName}, ${a.mediaType}, ${a.bytes.length}, decode(${a.bytes.toString('base64')}, 'base64'), ${a.byName})`)
}

export async function findAttachments(q: Queryable, incidentId: string): Promise<AttachmentRow[]> {
  return queryRows(q, sql`
    SELECT id, task_id, file_name, media_type, size_bytes, uploaded_by_name, created_at FROM incidents.attachments
    WHERE incident_id = ${incidentId} ORDER BY created_at, id`)
}

export async function findAttachmentBytes(q: Queryable, incidentId: string, id: string): Promise<{ file_name: string; media_type: string; data: string } | undefined> {
  const [row] = await queryRows<{ file_name: string; media_type: string; data: string }>(q, sql`
    SELECT file_name, media_type, encode(bytes, 'base64') AS data FROM incidents.attachments WHERE incident_id = ${incidentId} AND id = ${id}`)
  return row
}
