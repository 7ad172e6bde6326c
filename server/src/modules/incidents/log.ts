/**
 * The command log (指挥日志): an append-only timeline per incident. System actions write their
 * entries in the same transaction as the change; people add decisions, calls and notes; a
 * correction is an annotation (a new entry pointing at the earlier one). Nothing is edited:
 * the table's trigger refuses UPDATE and DELETE.
 */
import { sql } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import type { Actor } from '../../http/access.ts'

export interface LogEntry {
  id: number
  at: string
  kind: string
  manual: boolean
  actor: { kind: string; id: string | null; name: string }
  text: string
  data: unknown
  annotates: number | null
}

interface LogRow {
  id: string
  at: Date | string
  kind: string
  manual: boolean
  actor_kind: string
  actor_id: string | null
  actor_name: string
  text: string
  data: unknown
  annotates: string | null
}

export async function appendLog(q: Queryable, incidentId: string, actor: Actor | null, entry: {
  kind: string; text: string; data?: unknown; manual?: boolean; at?: string; annotates?: number
}): Promise<number> {
  const [row] = await queryRows<{ id: string }>(q, sql`
    INSERT INTO incidents.log (incident_id, at, kind, manual, actor_kind, actor_id, actor_name, text, data, annotates)
    VALUES (${incidentId}, ${entry.at ?? new Date().toISOString()}, ${entry.kind}, ${entry.manual ?? false},
            ${actor?.kind ?? 'system'}, ${actor?.kind === 'user' ? actor.id : null}, ${actor?.name ?? '系统'},
            ${entry.text.slice(0, 4000)}, ${entry.data === undefined ? null : JSON.stringify(entry.data)}::jsonb, ${entry.annotates ?? null})
    RETURNING id`)
  return Number(row!.id)
}

export async function logOf(q: Queryable, incidentId: string): Promise<LogEntry[]> {
  const rows = await queryRows<LogRow>(q, sql`
    SELECT id::text AS id, at, kind, manual, actor_kind, actor_id::text AS actor_id, actor_name, text, data, annotates::text AS annotates
    FROM incidents.log WHERE incident_id = ${incidentId} ORDER BY at, id`)
  return rows.map((r) => ({
    id: Number(r.id), at: new Date(r.at).toISOString(), kind: r.kind, manual: r.manual,
    actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name }, text: r.text, data: r.data ?? null,
    annotates: r.annotates === null ? null : Number(r.annotates),
  }))
}

export async function logEntryExists(q: Queryable, incidentId: string, entryId: number): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(q, sql`SELECT id::text AS id FROM incidents.log WHERE id = ${entryId} AND incident_id = ${incidentId}`)
  return rows.length > 0
}
