/** SQL of the plans module (schema `plans`). Dates come back as YYYY-MM-DD text. */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'

/** A plan as read: its stored values and what the database adds. */
export interface PlanRow extends Omit<PlanValues, 'demo_key'> {
  id: string
  enterprise_id: string | null
  updated_at: Date | string
  last_drill_on: string | null
  level_count: number
}

const day = (column: SQL) => sql`to_char(${column}, 'YYYY-MM-DD')`

const columns = sql`p.id::text AS id, p.name, p.type, p.hazard_types, p.owner_department, p.issuing_level, p.issuing_authority,
  p.document_number, p.version, ${day(sql`p.issued_on`)} AS issued_on, ${day(sql`p.effective_on`)} AS effective_on,
  ${day(sql`p.revision_due`)} AS revision_due, p.filing_status, ${day(sql`p.filed_on`)} AS filed_on, p.filed_with,
  p.drill_interval_months, p.division_code::text AS division_code, p.enterprise_id::text AS enterprise_id, p.status, p.organisation, p.summary,
  p.synthetic, p.updated_at,
  (SELECT ${day(sql`max(d.held_on)`)} FROM plans.plan_drills d WHERE d.plan_id = p.id) AS last_drill_on,
  (SELECT count(*)::int FROM plans.plan_levels l WHERE l.plan_id = p.id) AS level_count`

const textArray = (values: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::text[]`

export interface PlanFilter {
  /** The actor's jurisdiction prefix: plans inside it … */
  jurisdictionPrefix: string
  /** … and plans of the divisions above it (a county plan covers its townships) */
  ancestors: string[]
  nameLike?: string | undefined
  type?: string | undefined
  status?: string | undefined
  hazardType?: string | undefined
}

/** Plans an actor may read: within the jurisdiction, or of a division above it (a county plan covers its townships). */
export function visibleCondition(prefix: string, ancestors: readonly string[]): SQL {
  return sql`(p.division_code LIKE ${`${prefix}%`} OR p.division_code::text = ANY (${codeArray(ancestors)}))`
}

const codeArray = (codes: readonly string[]) => sql`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))::text[]`

export async function findPlans(q: Queryable, f: PlanFilter): Promise<PlanRow[]> {
  const conditions: SQL[] = [visibleCondition(f.jurisdictionPrefix, f.ancestors)]
  if (f.nameLike) conditions.push(sql`p.name ILIKE ${f.nameLike}`)
  if (f.type) conditions.push(sql`p.type = ${f.type}`)
  if (f.status) conditions.push(sql`p.status = ${f.status}`)
  if (f.hazardType) conditions.push(sql`(${f.hazardType} = ANY (p.hazard_types) OR cardinality(p.hazard_types) = 0)`)
  return queryRows(q, sql`SELECT ${columns} FROM plans.plans p WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY CASE p.status WHEN 'effective' THEN 0 WHEN 'draft' THEN 1 ELSE 2 END, p.type = 'overall' DESC, p.name`)
}

export async function findPlanById(q: Queryable, id: string): Promise<PlanRow | undefined> {
  const [row] = await queryRows<PlanRow>(q, sql`SELECT ${columns} FROM plans.plans p WHERE p.id = ${id}`)
  return row
}

/** Effective plans of the given divisions (the incident's division and those above it), or all effective plans */
export async function findEffectivePlans(q: Queryable, divisions: readonly string[] | undefined): Promise<PlanRow[]> {
  const covers = divisions ? sql`AND p.division_code::text = ANY (${codeArray(divisions)})` : sql``
  return queryRows(q, sql`SELECT ${columns} FROM plans.plans p WHERE p.status = 'effective' ${covers}`)
}

export interface PlanValues {
  name: string
  type: string
  hazard_types: string[]
  owner_department: string
  issuing_level: string
  issuing_authority: string
  document_number: string | null
  version: string
  issued_on: string | null
  effective_on: string | null
  revision_due: string | null
  filing_status: string
  filed_on: string | null
  filed_with: string | null
  drill_interval_months: number | null
  division_code: string
  status: string
  organisation: unknown
  summary: string | null
  synthetic: boolean
  demo_key?: string | null
}

export async function insertPlan(q: Queryable, v: PlanValues): Promise<string> {
  const [row] = await queryRows<{ id: string }>(q, sql`
    INSERT INTO plans.plans (name, type, hazard_types, owner_department, issuing_level, issuing_authority, document_number, version,
      issued_on, effective_on, revision_due, filing_status, filed_on, filed_with, drill_interval_months, division_code, status,
      organisation, summary, synthetic, demo_key)
    VALUES (${v.name}, ${v.type}, ${textArray(v.hazard_types)}, ${v.owner_department}, ${v.issuing_level}, ${v.issuing_authority},
      ${v.document_number}, ${v.version}, ${v.issued_on}::date, ${v.effective_on}::date, ${v.revision_due}::date, ${v.filing_status},
      ${v.filed_on}::date, ${v.filed_with}, ${v.drill_interval_months}, ${v.division_code}, ${v.status},
      ${v.organisation === null ? null : JSON.stringify(v.organisation)}::jsonb, ${v.summary}, ${v.synthetic}, ${v.demo_key ?? null})
    RETURNING id::text AS id`)
  return row!.id
}

export async function updatePlan(q: Queryable, id: string, v: PlanValues): Promise<void> {
  await q.execute(sql`
    UPDATE plans.plans SET name = ${v.name}, type = ${v.type}, hazard_types = ${textArray(v.hazard_types)}, owner_department = ${v.owner_department},
      issuing_level = ${v.issuing_level}, issuing_authority = ${v.issuing_authority}, document_number = ${v.document_number}, version = ${v.version},
      issued_on = ${v.issued_on}::date, effective_on = ${v.effective_on}::date, revision_due = ${v.revision_due}::date,
      filing_status = ${v.filing_status}, filed_on = ${v.filed_on}::date, filed_with = ${v.filed_with},
      drill_interval_months = ${v.drill_interval_months}, division_code = ${v.division_code}, status = ${v.status},
      organisation = ${v.organisation === null ? null : JSON.stringify(v.organisation)}::jsonb, summary = ${v.summary}, updated_at = now()
    WHERE id = ${id}`)
}

export async function deletePlan(q: Queryable, id: string): Promise<void> {
  await q.execute(sql`DELETE FROM plans.plans WHERE id = ${id}`)
}

// ---- levels and checklists ----------------------------------------------------

export interface LevelRow { plan_id: string; level: number; name: string; description: string; criteria: unknown }
export interface ChecklistRow { plan_id: string; level: number; ord: number; assignee_kind: string; assignee: string; task: string; deadline_minutes: number }

export async function findLevels(q: Queryable, planIds: readonly string[]): Promise<LevelRow[]> {
  if (planIds.length === 0) return []
  return queryRows(q, sql`SELECT plan_id::text AS plan_id, level, name, description, criteria FROM plans.plan_levels
    WHERE plan_id = ANY (ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(planIds)}::jsonb))::uuid[]) ORDER BY plan_id, level`)
}

export async function findChecklist(q: Queryable, planId: string): Promise<ChecklistRow[]> {
  return queryRows(q, sql`SELECT plan_id::text AS plan_id, level, ord, assignee_kind, assignee, task, deadline_minutes
    FROM plans.plan_checklist_items WHERE plan_id = ${planId} ORDER BY level, ord`)
}

export interface LevelValues {
  level: number
  name: string
  description: string
  criteria: unknown
  checklist: { assigneeKind: string; assignee: string; task: string; deadlineMinutes: number }[]
}

/** Replaces a plan's levels and checklists with the given ones */
export async function replaceLevels(q: Queryable, planId: string, levels: readonly LevelValues[]): Promise<void> {
  await q.execute(sql`DELETE FROM plans.plan_levels WHERE plan_id = ${planId}`)
  for (const l of levels) {
    await q.execute(sql`INSERT INTO plans.plan_levels (plan_id, level, name, description, criteria)
      VALUES (${planId}, ${l.level}, ${l.name}, ${l.description}, ${l.criteria === null ? null : JSON.stringify(l.criteria)}::jsonb)`)
    for (const [ord, item] of l.checklist.entries()) {
      await q.execute(sql`INSERT INTO plans.plan_checklist_items (plan_id, level, ord, assignee_kind, assignee, task, deadline_minutes)
        VALUES (${planId}, ${l.level}, ${ord}, ${item.assigneeKind}, ${item.assignee}, ${item.task}, ${item.deadlineMinutes})`)
    }
  }
}

// ---- attachments ---------------------------------------------------------------

export interface AttachmentRow { id: string; file_name: string; media_type: string; size_bytes: number; sha256: string; uploaded_by_name: string; uploaded_at: Date | string }

export async function findAttachments(q: Queryable, planId: string): Promise<AttachmentRow[]> {
  return queryRows(q, sql`SELECT id::text AS id, file_name, media_type, size_bytes, sha256, uploaded_by_name, uploaded_at
    FROM plans.plan_attachments WHERE plan_id = ${planId} ORDER BY uploaded_at, id`)
}

export async function insertAttachment(q: Queryable, a: { planId: string; fileName: string; mediaType: string; bytes: Buffer; sha256: string; byName: string }): Promise<string> {
  const [row] = await queryRows<{ id: string }>(q, sql`
    INSERT INTO plans.plan_attachments (plan_id, file_name, media_type, size_bytes, sha256, content, uploaded_by_name)
    VALUES (${a.planId}, ${a.fileName}, ${a.mediaType}, ${a.bytes.length}, ${a.sha256}, decode(${a.bytes.toString('base64')}, 'base64'), ${a.byName})
    RETURNING id::text AS id`)
  return row!.id
}

export async function findAttachmentContent(q: Queryable, planId: string, id: string): Promise<(AttachmentRow & { data: string }) | undefined> {
  const [row] = await queryRows<AttachmentRow & { data: string }>(q, sql`
    SELECT id::text AS id, file_name, media_type, size_bytes, sha256, uploaded_by_name, uploaded_at, encode(content, 'base64') AS data
    FROM plans.plan_attachments WHERE plan_id = ${planId} AND id = ${id}`)
  return row
}

export async function deleteAttachment(q: Queryable, planId: string, id: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(q, sql`DELETE FROM plans.plan_attachments WHERE plan_id = ${planId} AND id = ${id} RETURNING id::text AS id`)
  return rows.length > 0
}

// ---- drills --------------------------------------------------------------------

export interface DrillRow {
  id: string; plan_id: string; drill_type: string; name: string; held_on: string; participants: string; participant_count: number | null
  evaluation: string; problems: string; synthetic: boolean; created_at: Date | string
}

const drillColumns = sql`id::text AS id, plan_id::text AS plan_id, drill_type, name, ${day(sql`held_on`)} AS held_on, participants,
  participant_count, evaluation, problems, synthetic, created_at`

export async function findDrills(q: Queryable, planId: string): Promise<DrillRow[]> {
  return queryRows(q, sql`SELECT ${drillColumns} FROM plans.plan_drills WHERE plan_id = ${planId} ORDER BY held_on DESC, created_at DESC`)
}

export async function findDrill(q: Queryable, planId: string, id: string): Promise<DrillRow | undefined> {
  const [row] = await queryRows<DrillRow>(q, sql`SELECT ${drillColumns} FROM plans.plan_drills WHERE plan_id = ${planId} AND id = ${id}`)
  return row
}

export interface DrillValues { drill_type: string; name: string; held_on: string; participants: string; participant_count: number | null; evaluation: string; problems: string; synthetic: boolean }

export async function insertDrill(q: Queryable, planId: string, v: DrillValues): Promise<string> {
  const [row] = await queryRows<{ id: string }>(q, sql`
    INSERT INTO plans.plan_drills (plan_id, drill_type, name, held_on, participants, participant_count, evaluation, problems, synthetic)
    VALUES (${planId}, ${v.drill_type}, ${v.name}, ${v.held_on}::date, ${v.participants}, ${v.participant_count}, ${v.evaluation}, ${v.problems}, ${v.synthetic})
    RETURNING id::text AS id`)
  return row!.id
}

export async function updateDrill(q: Queryable, id: string, v: DrillValues): Promise<void> {
  await q.execute(sql`UPDATE plans.plan_drills SET drill_type = ${v.drill_type}, name = ${v.name}, held_on = ${v.held_on}::date,
    participants = ${v.participants}, participant_count = ${v.participant_count}, evaluation = ${v.evaluation}, problems = ${v.problems}
    WHERE id = ${id}`)
}

export async function deleteDrill(q: Queryable, id: string): Promise<void> {
  await q.execute(sql`DELETE FROM plans.plan_drills WHERE id = ${id}`)
}

// ---- revisions -----------------------------------------------------------------

export interface RevisionRow { id: number; version: string; at: Date | string; actor_name: string; summary: string }

export async function findRevisions(q: Queryable, planId: string): Promise<RevisionRow[]> {
  return queryRows(q, sql`SELECT id::int AS id, version, at, actor_name, summary FROM plans.plan_revisions WHERE plan_id = ${planId} ORDER BY id DESC`)
}

export async function insertRevision(q: Queryable, planId: string, version: string, actorName: string, summary: string, snapshot: unknown): Promise<void> {
  await q.execute(sql`INSERT INTO plans.plan_revisions (plan_id, version, actor_name, summary, snapshot)
    VALUES (${planId}, ${version}, ${actorName}, ${summary}, ${JSON.stringify(snapshot)}::jsonb)`)
}

export async function findPlanIdByDemoKey(q: Queryable, key: string): Promise<string | undefined> {
  const [row] = await queryRows<{ id: string }>(q, sql`SELECT id::text AS id FROM plans.plans WHERE demo_key = ${key}`)
  return row?.id
}
