/**
 * Alarm lifecycle (告警处置): raised (level) → escalated / de-escalated → acknowledged (who,
 * when, comment) → cleared (by the rule engine or by hand) → closed. One alarm in force per
 * (device, rule); the rule engine's transitions change its level, never duplicate it. Each
 * change is written with its history row and its outbox event in one transaction.
 */
import crypto from 'node:crypto'
import type { WarningLevel } from '@yingji/domain/cap/warningLevels'
import type { AlarmEvidence, AlarmTransition } from '@yingji/domain/monitoring/ruleInstance'
import { isWithinDivision } from '@yingji/domain/geo/divisionCode'
import type { Db, Queryable } from '../../db/database.ts'
import { assertInJurisdiction, type Actor } from '../../http/access.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { recordAudit } from '../auth/audit.ts'
import { enqueueEvent } from '../events/outbox.ts'
import { divisionPrefix } from '@yingji/domain/geo/divisionCode'
import { parseDivisionCode } from '../geo/index.ts'
import * as q from './alarmQueries.ts'
import { deviceTypeInfo } from './deviceTypes.ts'

export const alarmRaisedTopic = 'monitoring.alarm_raised'
export const alarmChangedTopic = 'monitoring.alarm_changed'
export const alarmUnacknowledgedTopic = 'monitoring.alarm_unacknowledged'

export interface AlarmView {
  id: string
  deviceId: string
  deviceCode: string
  deviceName: string
  divisionCode: string
  ruleId: string
  ruleName: string
  level: WarningLevel
  status: q.AlarmStatus
  value: number | null
  message: string
  raisedAt: string
  lastChangedAt: string
  acknowledgedBy: string | null
  acknowledgedAt: string | null
  comment: string | null
}

const iso = (t: Date | string | null): string | null => (t === null ? null : new Date(t).toISOString())

export function alarmView(r: q.AlarmRow): AlarmView {
  return {
    id: r.id, deviceId: r.device_id, deviceCode: r.device_code, deviceName: r.device_name, divisionCode: r.division_code,
    ruleId: r.rule_id, ruleName: r.rule_name, level: r.level, status: r.status, value: r.value, message: r.message,
    raisedAt: iso(r.raised_at)!, lastChangedAt: iso(r.last_changed_at)!, acknowledgedBy: r.acknowledged_by,
    acknowledgedAt: iso(r.acknowledged_at), comment: r.comment,
  }
}

const levelRank: Record<string, number> = { blue: 0, yellow: 1, orange: 2, red: 3 }
const levelNames: Record<string, string> = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' }

export interface RuleName { zh: string; en: string }

export interface TransitionContext {
  device: { id: string; type: string; divisionCode: string; name: string }
  ruleName: RuleName
  now: number
  escalateAfterMs: number
}

/** The measurement in words, e.g. "3小时累计降雨量 53 mm（阈值 50 mm）". */
function measuredText(e: AlarmEvidence, value: number, deviceType: string): string {
  const info = deviceTypeInfo(deviceType)?.metrics.find((m) => m.metric === e.metric)
  // "降雨量（自上次上报）" names one report; a window's sum is the rainfall over the window.
  const name = info?.name.replace(/（.*）$/, '') ?? e.metric
  const unit = info && info.unit !== 'count' ? ` ${info.unit}` : ''
  const minutes = e.windowMs === undefined ? 0 : Math.round(e.windowMs / 60_000)
  const window = minutes === 0 ? '' : minutes % 60 === 0 ? `${minutes / 60}小时` : `${minutes}分钟`
  if (e.measure === 'sum') return `${window}累计${name} ${value}${unit}（阈值 ${e.threshold}${unit}）`
  if (e.measure === 'rate') return `${window}内${name}变化 ${value}（阈值 ${e.threshold}）`
  return `${name} ${value}${unit}（阈值 ${e.threshold}${unit}）`
}

function describe(t: AlarmTransition, ctx: TransitionContext): { value: number | null; message: string } {
  const e = t.evidence[0]
  const value = e && typeof e.value === 'number' && Number.isFinite(e.value) ? Math.round(e.value * 1000) / 1000 : null
  const measured = e && value !== null && e.measure !== 'noData' ? `：${measuredText(e, value, ctx.device.type)}` : ''
  return { value, message: `${ctx.device.name} ${ctx.ruleName.zh}${t.to ? ` ${levelNames[t.to]}` : ' 解除'}${measured}` }
}

/**
 * Applies one transition of the rule engine by level, so applying it twice (replay after a
 * restart) changes nothing. Returns the id of the alarm changed, or null.
 */
export async function applyTransition(tx: Queryable, t: AlarmTransition, ctx: TransitionContext): Promise<string | null> {
  const open = await q.findAlarmInForce(tx, ctx.device.id, t.ruleId)
  const { value, message } = describe(t, ctx)
  const renotifyAt = new Date(ctx.now + ctx.escalateAfterMs)
  if (t.to === null) {
    if (!open) return null
    await q.setAlarmStatus(tx, open.id, 'cleared')
    await q.insertHistory(tx, open.id, 'cleared', { level: open.level, text: message })
    await enqueueEvent(tx, alarmChangedTopic, { alarmId: open.id, kind: 'cleared', level: open.level, deviceId: ctx.device.id, ruleId: t.ruleId })
    return open.id
  }
  if (!open) {
    const id = crypto.randomUUID()
    await q.insertAlarm(tx, {
      id, deviceId: ctx.device.id, ruleId: t.ruleId, ruleName: ctx.ruleName.zh, ruleNameEn: ctx.ruleName.en,
      divisionCode: ctx.device.divisionCode, level: t.to, value, message, raisedAt: new Date(t.ts), renotifyAt,
    })
    await q.insertHistory(tx, id, 'raised', { level: t.to, text: message })
    await enqueueEvent(tx, alarmRaisedTopic, { alarmId: id, level: t.to, deviceId: ctx.device.id, divisionCode: ctx.device.divisionCode, ruleId: t.ruleId, value, message, raisedAt: new Date(t.ts).toISOString() })
    return id
  }
  if (open.level === t.to) return null
  const escalated = levelRank[t.to]! > levelRank[open.level]!
  await q.changeAlarmLevel(tx, open.id, t.to, value, message, escalated, renotifyAt)
  const kind = escalated ? 'escalated' : 'deescalated'
  await q.insertHistory(tx, open.id, kind, { level: t.to, text: message })
  await enqueueEvent(tx, alarmChangedTopic, { alarmId: open.id, kind, from: open.level, level: t.to, deviceId: ctx.device.id, ruleId: t.ruleId, value })
  return open.id
}

/** Unacknowledged alarms past their time: a `notified` entry and an event for the commander. */
export async function renotifyDue(db: Db, now: number, escalateAfterMs: number): Promise<string[]> {
  return db.transaction(async (tx) => {
    const due = await q.claimAlarmsToRenotify(tx, new Date(now + Math.max(escalateAfterMs, 1000)))
    for (const alarm of due) {
      const text = `告警 ${escalateAfterMs / 60_000} 分钟未确认，再次通知并上报指挥长 Unacknowledged: notified again and escalated to the commander`
      await q.insertHistory(tx, alarm.id, 'notified', { level: alarm.level, actor: '系统', text })
      await enqueueEvent(tx, alarmUnacknowledgedTopic, { alarmId: alarm.id, level: alarm.level, notify: 'commander', count: alarm.notify_count })
    }
    return due.map((a) => a.id)
  })
}

// --- reads ---

export type AlarmStatusFilter = q.AlarmStatus | 'open'

const statusFilter: Record<AlarmStatusFilter, readonly q.AlarmStatus[]> = {
  active: ['active'],
  acknowledged: ['acknowledged'],
  cleared: ['cleared'],
  closed: ['closed'],
  // in force: not yet cleared
  open: ['active', 'acknowledged'],
}

export interface AlarmListQuery { status?: AlarmStatusFilter; level?: string; divisionCode?: string; deviceId?: string; page?: number; pageSize?: number }

export async function listAlarms(db: Queryable, actor: Actor, query: AlarmListQuery): Promise<{ items: AlarmView[]; total: number; page: number; pageSize: number }> {
  let prefix = divisionPrefix(actor.jurisdiction)
  if (query.divisionCode !== undefined) {
    const code = parseDivisionCode(query.divisionCode, 'querystring.divisionCode')
    assertInJurisdiction(actor, code)
    prefix = divisionPrefix(code)
  }
  const page = query.page ?? 1
  const pageSize = query.pageSize ?? 500
  const filter = {
    prefix, statuses: query.status ? statusFilter[query.status] : undefined, level: query.level, deviceId: query.deviceId,
    enterpriseId: actor.role === 'enterprise' ? actor.enterpriseId : undefined,
  }
  const rows = await q.listAlarms(db, filter, pageSize, (page - 1) * pageSize)
  return { items: rows.map(alarmView), total: rows[0]?.total ?? 0, page, pageSize }
}

/** Within the jurisdiction; enterprise users only their own enterprise's devices. */
function canSeeAlarm(actor: Actor, row: q.AlarmRow): boolean {
  if (!isWithinDivision(row.division_code, actor.jurisdiction)) return false
  return actor.role !== 'enterprise' || (row.enterprise_id !== null && row.enterprise_id === actor.enterpriseId)
}

async function visibleAlarm(db: Queryable, actor: Actor, id: string): Promise<q.AlarmRow> {
  const row = await q.findAlarm(db, id)
  if (!row || !canSeeAlarm(actor, row)) throw notFound('告警', 'Alarm', 'params.id')
  return row
}

export async function getAlarm(db: Queryable, actor: Actor, id: string) {
  const row = await visibleAlarm(db, actor, id)
  const history = await q.alarmHistory(db, id)
  return {
    ...alarmView(row),
    history: history.map((h) => ({ at: iso(h.at)!, kind: h.kind, level: h.level, actor: h.actor, text: h.text })),
  }
}

// --- human actions ---

export type AlarmAction = 'acknowledge' | 'clear' | 'close' | 'comment'

const allowedFrom: Record<Exclude<AlarmAction, 'comment'>, readonly q.AlarmStatus[]> = {
  acknowledge: ['active'],
  clear: ['active', 'acknowledged'],
  close: ['cleared', 'active', 'acknowledged'],
}
const target: Record<Exclude<AlarmAction, 'comment'>, q.AlarmStatus> = { acknowledge: 'acknowledged', clear: 'cleared', close: 'closed' }
const historyKind: Record<AlarmAction, q.HistoryKind> = { acknowledge: 'acknowledged', clear: 'cleared', close: 'closed', comment: 'commented' }
const actionNames: Record<AlarmAction, [string, string]> = {
  acknowledge: ['确认', 'acknowledge'], clear: ['解除', 'clear'], close: ['关闭', 'close'], comment: ['备注', 'comment'],
}
const statusNames: Record<q.AlarmStatus, string> = { active: '未确认', acknowledged: '已确认', cleared: '已解除', closed: '已关闭' }

/** Acknowledge, clear, close or comment on an alarm; audited, with history and an outbox event. */
export async function actOnAlarm(db: Db, actor: Actor, id: string, action: AlarmAction, text: string | undefined): Promise<AlarmView> {
  if (action === 'comment' && (!text || !text.trim())) throw invalid('comment_required', 'body.text', '备注不能为空', 'The comment must not be empty')
  const changed = await db.transaction(async (tx) => {
    const before = await q.findAlarmForUpdate(tx, id)
    if (!before || !isWithinDivision(before.division_code, actor.jurisdiction)) throw notFound('告警', 'Alarm', 'params.id')
    assertInJurisdiction(actor, before.division_code)
    if (action !== 'comment') {
      if (!allowedFrom[action].includes(before.status)) {
        const [zh, en] = actionNames[action]
        throw new AppError('conflict', 'alarm_status_conflict', `告警${statusNames[before.status]}，不能${zh}`, `The alarm is ${before.status}; it cannot ${en}`, 'params.id')
      }
      await q.setAlarmStatus(tx, id, target[action], { acknowledgedBy: actor.name, comment: text })
    } else {
      await q.setAlarmComment(tx, id, text!.trim())
    }
    await q.insertHistory(tx, id, historyKind[action], { level: before.level, actor: actor.name, text: text ?? null })
    const after = (await q.findAlarm(tx, id))!
    await recordAudit(tx, { actor, action: `alarm.${action}`, entity: 'monitoring.alarm', entityId: id, before: alarmView(before), after: alarmView(after) })
    await enqueueEvent(tx, alarmChangedTopic, { alarmId: id, kind: historyKind[action], level: after.level, status: after.status, actor: actor.name, text: text ?? null })
    return after
  })
  return alarmView(changed)
}
