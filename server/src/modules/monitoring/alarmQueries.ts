/** Named SQL of alarms (告警) and their history. */
import { sql, type SQL } from 'drizzle-orm'
import type { Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import type { WarningLevel } from '@yingji/domain/cap/warningLevels'

export type HistoryKind = 'raised' | 'escalated' | 'deescalated' | 'acknowledged' | 'cleared' | 'closed' | 'commented' | 'notified'

export type AlarmStatus = 'active' | 'acknowledged' | 'cleared' | 'closed'

export interface AlarmRow {
  id: string
  device_id: string
  device_code: string
  device_name: string
  division_code: string
  rule_id: string
  rule_name: string
  rule_name_en: string
  level: WarningLevel
  status: AlarmStatus
  value: number | null
  message: string
  raised_at: Date | string
  last_changed_at: Date | string
  acknowledged_by: string | null
  acknowledged_at: Date | string | null
  comment: string | null
  enterprise_id: string | null
}

const alarmColumns = sql`
  a.id, a.device_id, d.code AS device_code, d.name AS device_name, a.division_code, a.rule_id, a.rule_name, a.rule_name_en,
  a.level, a.status, a.value, a.message, a.raised_at, a.last_changed_at, a.acknowledged_by, a.acknowledged_at, a.comment, d.enterprise_id`

export async function findAlarm(q: Queryable, id: string): Promise<AlarmRow | undefined> {
  const [row] = await queryRows<AlarmRow>(q, sql`
    SELECT ${alarmColumns} FROM monitoring.alarms a JOIN monitoring.devices d ON d.id = a.device_id WHERE a.id = ${id}`)
  return row
}

export async function findAlarmForUpdate(q: Queryable, id: string): Promise<AlarmRow | undefined> {
  const [row] = await queryRows<AlarmRow>(q, sql`
    SELECT ${alarmColumns} FROM monitoring.alarms a JOIN monitoring.devices d ON d.id = a.device_id WHERE a.id = ${id}
    FOR UPDATE OF a`)
  return row
}

/** The alarm in force for (device, rule): at most one, by the partial unique index. */
export async function findAlarmInForce(q: Queryable, deviceId: string, ruleId: string): Promise<{ id: string; level: string } | undefined> {
  const [row] = await queryRows<{ id: string; level: string }>(q, sql`
    SELECT id, level FROM monitoring.alarms
    WHERE device_id = ${deviceId} AND rule_id = ${ruleId} AND status IN ('active', 'acknowledged') FOR UPDATE`)
  return row
}

export interface NewAlarm {
  id: string
  deviceId: string
  ruleId: string
  ruleName: string
  ruleNameEn: string
  divisionCode: string
  level: string
  value: number | null
  message: string
  raisedAt: Date
  renotifyAt: Date
}

export async function insertAlarm(q: Queryable, a: NewAlarm): Promise<void> {
  await q.execute(sql`
    INSERT INTO monitoring.alarms (id, device_id, rule_id, rule_name, rule_name_en, division_code, level, status, value, message, raised_at, renotify_at)
    VALUES (${a.id}, ${a.deviceId}, ${a.ruleId}, ${a.ruleName}, ${a.ruleNameEn}, ${a.divisionCode}, ${a.level}, 'active',
            ${a.value}, ${a.message}, ${a.raisedAt.toISOString()}, ${a.renotifyAt.toISOString()})`)
}

/** A change of level by the rule engine; escalation asks for a new acknowledgement. */
export async function changeAlarmLevel(q: Queryable, id: string, level: string, value: number | null, message: string, escalated: boolean, renotifyAt: Date): Promise<void> {
  await q.execute(sql`
    UPDATE monitoring.alarms SET level = ${level}, value = ${value}, message = ${message}, last_changed_at = now(),
      status = CASE WHEN ${escalated} THEN 'active' ELSE status END,
      renotify_at = CASE WHEN ${escalated} THEN ${renotifyAt.toISOString()}::timestamptz ELSE renotify_at END
    WHERE id = ${id}`)
}

export async function setAlarmStatus(q: Queryable, id: string, status: AlarmStatus, fields: { acknowledgedBy?: string; comment?: string | null } = {}): Promise<void> {
  const extra: SQL[] = []
  if (status === 'acknowledged') extra.push(sql`acknowledged_by = ${fields.acknowledgedBy ?? null}, acknowledged_at = now()`)
  if (status === 'cleared') extra.push(sql`cleared_at = now()`)
  if (status === 'closed') extra.push(sql`closed_at = now()`)
  if (fields.comment !== undefined && fields.comment !== null) extra.push(sql`comment = ${fields.comment}`)
  await q.execute(sql`
    UPDATE monitoring.alarms SET status = ${status}, last_changed_at = now()${extra.length ? sql`, ${sql.join(extra, sql`, `)}` : sql``}
    WHERE id = ${id}`)
}

export async function setAlarmComment(q: Queryable, id: string, comment: string): Promise<void> {
  await q.execute(sql`UPDATE monitoring.alarms SET comment = ${comment}, last_changed_at = now() WHERE id = ${id}`)
}

export async function insertHistory(q: Queryable, alarmId: string, kind: string, entry: { level?: string | null; actor?: string | null; text?: string | null } = {}): Promise<void> {
  await q.execute(sql`
    INSERT INTO monitoring.alarm_history (alarm_id, kind, level, actor, text)
    VALUES (${alarmId}, ${kind}, ${entry.level ?? null}, ${entry.actor ?? null}, ${entry.text ?? null})`)
}

export interface HistoryRow { at: Date | string; kind: HistoryKind; level: WarningLevel | null; actor: string | null; text: string | null }

export async function alarmHistory(q: Queryable, alarmId: string): Promise<HistoryRow[]> {
  return queryRows<HistoryRow>(q, sql`SELECT at, kind, level, actor, text FROM monitoring.alarm_history WHERE alarm_id = ${alarmId} ORDER BY id`)
}

export interface AlarmFilter {
  prefix: string
  statuses?: readonly AlarmStatus[] | undefined
  level?: string | undefined
  deviceId?: string | undefined
  /** Enterprise users: only alarms of their enterprise's devices */
  enterpriseId?: string | null | undefined
}

export async function listAlarms(q: Queryable, f: AlarmFilter, limit: number, offset = 0): Promise<(AlarmRow & { total: number })[]> {
  const parts = [sql`a.division_code LIKE ${`${f.prefix}%`}`]
  if (f.statuses) parts.push(sql`a.status IN (${sql.join(f.statuses.map((s) => sql`${s}`), sql`, `)})`)
  if (f.level) parts.push(sql`a.level = ${f.level}`)
  if (f.deviceId) parts.push(sql`a.device_id = ${f.deviceId}`)
  if (f.enterpriseId !== undefined) parts.push(f.enterpriseId === null ? sql`false` : sql`d.enterprise_id = ${f.enterpriseId}`)
  return queryRows<AlarmRow & { total: number }>(q, sql`
    SELECT ${alarmColumns}, count(*) OVER ()::int AS total FROM monitoring.alarms a JOIN monitoring.devices d ON d.id = a.device_id
    WHERE ${sql.join(parts, sql` AND `)} ORDER BY a.raised_at DESC LIMIT ${limit} OFFSET ${offset}`)
}

/** Unacknowledged alarms whose re-notification is due; pushes their next time forward. */
export async function claimAlarmsToRenotify(q: Queryable, nextAt: Date): Promise<{ id: string; level: string; notify_count: number }[]> {
  return queryRows(q, sql`
    UPDATE monitoring.alarms SET renotify_at = ${nextAt.toISOString()}, notify_count = notify_count + 1
    WHERE status = 'active' AND renotify_at <= now()
    RETURNING id, level, notify_count`)
}
