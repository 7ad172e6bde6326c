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
import { notFound } from '../../http/errors.ts'
import { onDutyNow } from './duty.ts'
import { iso } from './incident.ts'
import type { Delivered } from './noticeHub.ts'

export interface NewNotification {
  incidentId: string | null
  divisionCode: string
  kind: string
  title: string
  body: string
}

/**
 * To the on-duty officers of the division (or above), and to `roles` of the division's subtree.
 * Returns whom it reached, for NoticeHub.publish once the transaction commits.
 */
export async function notify(q: Queryable, n: NewNotification, roles: readonly string[] = ['duty_officer']): Promise<Delivered> {
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
  return { divisionCode: n.divisionCode, users, roles: [...roles], kind: n.kind, title: n.title }
}

interface Row { id: string; incident_id: string | null; kind: string; title: string; body: string; created_at: Date | string; read: boolean }

/**
 * The actor's notifications: addressed to them, or to their role in a division they oversee. An
 * officer on duty who also has the role gets one notice twice (to the user and to the role, in
 * the same transaction): shown once.
 */
/** The notifications `actor` may see: addressed to them, or to their role over a division they oversee. */
const visibleTo = (actor: Actor) => sql`(recipient_user_id = ${actor.kind === 'user' ? actor.id : null}::uuid)
  OR (recipient_role = ${actor.role} AND division_code LIKE ${divisionPrefix(actor.jurisdiction) + '%'})`

export async function notificationsOf(db: Db, actor: Actor, limit = 50) {
  const rows = await queryRows<Row>(db, sql`
    SELECT id::text AS id, incident_id, kind, title, body, created_at,
      EXISTS (SELECT 1 FROM incidents.notification_reads r WHERE r.notification_id = n.id AND r.reader_id = ${actor.id}) AS read
    FROM (
      SELECT DISTINCT ON (created_at, kind, title, body) id, incident_id, kind, title, body, created_at FROM incidents.notifications
      WHERE ${visibleTo(actor)}
      ORDER BY created_at, kind, title, body, id
    ) n
    ORDER BY id DESC LIMIT ${limit}`)
  const items = rows.map((r) => ({ id: Number(r.id), incidentId: r.incident_id, kind: r.kind, title: r.title, body: r.body, createdAt: iso(r.created_at), read: r.read }))
  return { items, unread: items.filter((n) => !n.read).length }
}

/** Marks one notification read for the actor (404 when it is not theirs to see). */
export async function markRead(db: Db, actor: Actor, id: number) {
  const rows = await queryRows<{ id: string }>(db, sql`
    INSERT INTO incidents.notification_reads (notification_id, reader_id)
    SELECT id, ${actor.id} FROM incidents.notifications WHERE id = ${id} AND (${visibleTo(actor)})
    ON CONFLICT DO NOTHING RETURNING notification_id AS id`)
  if (rows.length === 0) {
    const seen = await queryRows<{ id: string }>(db, sql`SELECT id FROM incidents.notifications WHERE id = ${id} AND (${visibleTo(actor)})`)
    if (seen.length === 0) throw notFound(`通知 ${id}`, `Notification ${id}`, 'params.notificationId')
  }
  return notificationsOf(db, actor)
}

/** Marks every notification the actor sees read. */
export async function markAllRead(db: Db, actor: Actor) {
  await db.execute(sql`
    INSERT INTO incidents.notification_reads (notification_id, reader_id)
    SELECT id, ${actor.id} FROM incidents.notifications WHERE ${visibleTo(actor)}
    ON CONFLICT DO NOTHING`)
  return notificationsOf(db, actor)
}
