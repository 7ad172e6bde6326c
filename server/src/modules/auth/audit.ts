/**
 * The audit log (审计日志): who changed what, with the state before and after. Every write in
 * every module calls `recordAudit` inside the same transaction as the change, so a change and
 * its audit row commit or roll back together.
 */
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import type { Actor } from '../../http/access.ts'

export interface AuditEntry {
  /** `null` is the system itself (系统): seeds, imports, scheduled jobs. */
  actor: Actor | null
  /** What happened, `<entity>.<verb>` by convention, e.g. `user.create`, `division.import`. */
  action: string
  entity: string
  entityId: string
  before?: unknown
  after?: unknown
}

export const systemActorName = '系统'

/** Field names whose values must never reach the log, whatever module passes them. */
const secretFields = /^(password|passwordHash|password_hash|currentPassword|newPassword|key|keyHash|key_hash|token|tokenHash|token_hash|secret|apiKey)$/i

/** A copy of `value` with secret-looking fields replaced, so a careless caller cannot leak a hash. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets)
  if (value instanceof Date) return value.toISOString()
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, secretFields.test(k) ? '[redacted]' : redactSecrets(v)]))
  }
  return value
}

const asJson = (value: unknown) =>
  value === undefined || value === null ? sql`NULL` : sql`${JSON.stringify(redactSecrets(value))}::jsonb`

export async function recordAudit(q: Queryable, entry: AuditEntry): Promise<void> {
  const { actor } = entry
  await q.execute(sql`
    INSERT INTO auth.audit_log (actor_kind, actor_id, actor_name, actor_role, action, entity, entity_id, before, after)
    VALUES (${actor?.kind ?? 'system'}, ${actor?.id ?? null}, ${actor?.name ?? systemActorName}, ${actor?.role ?? null},
            ${entry.action}, ${entry.entity}, ${entry.entityId}, ${asJson(entry.before)}, ${asJson(entry.after)})`)
}

export interface AuditRecord {
  id: number
  at: string
  actor: { kind: 'user' | 'api_key' | 'system'; id: string | null; name: string; role: string | null }
  action: string
  entity: string
  entityId: string
  before: unknown
  after: unknown
}

export interface AuditFilter {
  entity?: string | undefined
  entityId?: string | undefined
  /** An actor id (user or API key). */
  actor?: string | undefined
  /** Only entries older than this entry id (the cursor of the previous page). */
  before?: number | undefined
  limit: number
}

interface AuditRow {
  id: string
  at: Date | string
  actor_kind: 'user' | 'api_key' | 'system'
  actor_id: string | null
  actor_name: string
  actor_role: string | null
  action: string
  entity: string
  entity_id: string
  before: unknown
  after: unknown
}

/** Newest first. */
export async function findAuditEntries(q: Queryable, filter: AuditFilter): Promise<AuditRecord[]> {
  const conditions = [sql`true`]
  if (filter.entity !== undefined) conditions.push(sql`entity = ${filter.entity}`)
  if (filter.entityId !== undefined) conditions.push(sql`entity_id = ${filter.entityId}`)
  if (filter.actor !== undefined) conditions.push(sql`actor_id::text = ${filter.actor}`)
  if (filter.before !== undefined) conditions.push(sql`a.id < ${filter.before}`)
  const rows = await queryRows<AuditRow>(q, sql`
    SELECT id::text AS id, at, actor_kind, actor_id::text AS actor_id, actor_name, actor_role,
           action, entity, entity_id, before, after
    FROM auth.audit_log a
    WHERE ${sql.join(conditions, sql` AND `)}
    -- a.id, not the text alias "id" of the select list: ids must sort as numbers.
    ORDER BY a.id DESC
    LIMIT ${filter.limit}`)
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name, role: r.actor_role },
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before ?? null,
    after: r.after ?? null,
  }))
}
