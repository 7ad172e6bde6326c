/**
 * Dashboard notifications (工作台通知) of the incidents module: to the officers on duty (their
 * user, when the shift names one) and to a role within a division subtree. Read by
 * GET /api/incidents/notifications.
 */
import { sql } from 'drizzle-orm'
import { divisionPrefix } from '@yingji/domain/geo/divisionCode'
import type { Db, Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import type { Actor } from '../../http/access.ts'
import { onDutyNow } from './duty.ts'
import { iso } from './incident.ts'

export interface NewNotification {
  incidentId: string | null
  divisionCode: string
  kind: string
  title: string
  body: string
}

/** To the on-duty officers of the division (or above), and to `roles` of the division's subtree. */
export async function notify(q: Queryable, n: NewNotification, roles: readonly string[] = ['duty_officer']): Promise<{ users: string[]; roles: string[] }> {
  const onDuty = await onDutyNow(q, new Date(), n.divisionCode)
  const users = [...new Set(onDuty.map((s) => s.userId).filter((id): id is string => id !== null))]
  for (const user of users) {
    await q.execute(sql`
      INSERT INTO incidents.notifications (incident_id, recipient_user_id, division_code, kind, title, body)
      VALUES (${n.incidentId}, ${user}, ${n.divisionCode}, ${n.kind}, ${n.title}, ${n.body})`)
  }
  for (const role of roles) {
    await q.execute(sql`
      INSERT INTO incidents.notifications (incident_id, recipient_role, division_code, kind, title, body)
      VALUES (${n.incidentId}, ${role}, ${n.divisionCode}, ${n.kind}, ${n.title}, ${n.body})`)
  }
  return { users, roles: [...roles] }
}

interface Row { id: string; incident_id: string | null; kind: string; title: string; body: string; created_at: Date | string; read_at: Date | string | null }

/**
 * The actor's notifications: addressed to them, or to their role in a division they oversee. An
 * officer on duty who also has the role gets one notice twice (to the user and to the role, in
 * the same transaction): shown once.
 */
export async function notificationsOf(db: Db, actor: Actor, limit = 50) {
  const rows = await queryRows<Row>(db, sql`
    SELECT id::text AS id, incident_id, kind, title, body, created_at, read_at FROM (
      SELECT DISTINCT ON (created_at, kind, title, body) id, incident_id, kind, title, body, created_at, read_at FROM incidents.notifications
      WHERE (recipient_user_id = ${actor.kind === 'user' ? actor.id : null}::uuid)
         OR (recipient_role = ${actor.role} AND division_code LIKE ${divisionPrefix(actor.jurisdiction) + '%'})
      ORDER BY created_at, kind, title, body, id
    ) n
    ORDER BY id DESC LIMIT ${limit}`)
  return { items: rows.map((r) => ({ id: Number(r.id), incidentId: r.incident_id, kind: r.kind, title: r.title, body: r.body, createdAt: iso(r.created_at), read: r.read_at !== null })) }
}
