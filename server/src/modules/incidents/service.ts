/**
 * Incidents (事件): created from a call (值班接报), a village officer's report, by hand, or in one
 * click from a monitoring alarm; facts that re-grade on every change (history kept); reporting
 * deadlines tracked step by step; attachments; closing. Every write is audited and logged on the
 * incident's command log in the same transaction.
 */
import crypto from 'node:crypto'
import type { Static } from '@fastify/type-provider-typebox'
import { sql } from 'drizzle-orm'
import { isWithinDivision, divisionPrefix } from '@yingji/domain/geo/divisionCode'
import { classifyDeviceAlarm, isSubtypeOf, subtypeOf } from '@yingji/domain/incidents/classification'
import { warningLevelInfo } from '@yingji/domain/cap/warningLevels'
import type { Db, Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import { assertInJurisdiction, type Actor } from '../../http/access.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { recordAudit } from '../auth/index.ts'
import { divisionNames, divisionPlaces, parseDivisionCode } from '../geo/index.ts'
import { enqueueEvent } from '../events/outbox.ts'
import { changed, type IncidentsContext } from './context.ts'
import { accidentGradeOf, deadlinesOf, gradesOf, type Facts } from './grading.ts'
import { reliefRulesOf } from './reliefThresholds.ts'
import type { ReliefResponseRules } from '@yingji/domain/incidents/reliefResponse'
import { assertOpen, incidentView, iso, loadIncident, type IncidentView } from './incident.ts'
import { appendLog, logOf } from './log.ts'
import * as queries from './queries.ts'
import type { AttachmentBody, CreateIncidentBody, FactsPatchBody, IncidentListQuery } from './schemas.ts'
import { tasksOf } from './tasks.ts'
import { decodeFile } from './files.ts'
import { sitrepsOf } from './sitrep/service.ts'
import { responsesOf } from './response.ts'

const entity = 'incidents.incident'
export const incidentCreatedTopic = 'incidents.created'

async function viewOf(q: Queryable, row: queries.IncidentRow): Promise<IncidentView> {
  const names = await divisionNames(q, [row.division_code])
  return incidentView(row, names.get(row.division_code) ?? null, await queries.findSteps(q, row.id), await reliefRulesOf(q))
}

export async function getIncidentView(q: Queryable, actor: Actor, id: string): Promise<IncidentView> {
  return viewOf(q, await loadIncident(q, actor, id))
}

/** A known division in the actor's reach, with its point. */
async function resolveDivision(q: Queryable, actor: Actor, raw: string, field: string) {
  const code = parseDivisionCode(raw, field)
  const place = (await divisionPlaces(q, [code])).get(code)
  if (!place) throw invalid('unknown_division', field, `${field} 不是已登记的行政区划：${raw}`, `${field} is not a known division: ${raw}`)
  assertInJurisdiction(actor, code)
  return { code, ...place }
}

function gradeText(category: string, facts: Facts, rules: ReliefResponseRules): string | null {
  const { accident, relief } = gradesOf(category, facts, rules)
  if (accident) return `定级：${accident.name}（${accident.reason}）`
  if (relief && relief.level !== null) return `建议救助响应：${relief.name}（${relief.reason}）`
  return null
}

/** Steps stored to match the grade: tracked while the incident is an accident. */
async function syncReporting(q: Queryable, row: { id: string; category: string; facts: Facts; occurred_at: Date | string }): Promise<void> {
  const grade = accidentGradeOf(row.category, row.facts)
  if (!grade) {
    await queries.syncSteps(q, row.id, [])
    return
  }
  const steps = await queries.findSteps(q, row.id)
  const done = Object.fromEntries(steps.filter((s) => s.done_at !== null).map((s) => [s.step, new Date(s.done_at!)]))
  await queries.syncSteps(q, row.id, deadlinesOf(grade.level, new Date(row.occurred_at), done).map((d) => ({ step: d.step, dueAt: d.dueAt })))
}

interface NewIncidentInput {
  category: string
  subtype: string
  title: string
  description: string
  divisionCode: string
  location: { lon: number; lat: number } | null
  address: string | null
  occurredAt: string
  source: 'alarm' | 'call' | 'village_report' | 'manual'
  sourceAlarmId: string | null
  caller: object | null
  facts: Facts
  synthetic?: boolean
}

/** Inserts an incident with its grade, reporting steps, log entry, audit and event (inside `tx`). */
export async function insertIncidentTx(tx: Queryable, actor: Actor | null, input: NewIncidentInput): Promise<string> {
  const id = crypto.randomUUID()
  const rulesOf = await reliefRulesOf(tx)
  const rules = rulesOf(input.divisionCode)
  const grades = gradesOf(input.category, input.facts, rules)
  await queries.insertIncident(tx, {
    id, category: input.category, subtype: input.subtype, title: input.title.trim(), description: input.description,
    division_code: input.divisionCode, lon: input.location?.lon ?? null, lat: input.location?.lat ?? null, address: input.address,
    occurred_at: input.occurredAt, source: input.source, source_alarm_id: input.sourceAlarmId, caller: input.caller, facts: input.facts,
    accident_level: grades.accident?.level ?? null, relief_level: grades.relief?.level ?? null,
    created_by: actor?.kind === 'user' ? actor.id : null, created_by_name: actor?.name ?? '系统', synthetic: input.synthetic ?? false,
  })
  await syncReporting(tx, { id, category: input.category, facts: input.facts, occurred_at: input.occurredAt })
  const sourceText = { alarm: '由监测告警生成', call: '值班接报', village_report: '村（社区）报告', manual: '手工录入' }[input.source]
  await appendLog(tx, id, actor, { kind: 'created', text: `${sourceText}：${input.title.trim()}`, data: { source: input.source, sourceAlarmId: input.sourceAlarmId, caller: input.caller } })
  const graded = gradeText(input.category, input.facts, rules)
  if (graded) await appendLog(tx, id, actor, { kind: 'graded', text: graded, data: { accidentLevel: grades.accident?.level ?? null, reliefLevel: grades.relief?.level ?? null } })
  const row = (await queries.findIncident(tx, id))!
  const view = incidentView(row, null, await queries.findSteps(tx, id), rulesOf)
  await recordAudit(tx, { actor, action: 'incident.create', entity, entityId: id, after: view })
  await enqueueEvent(tx, incidentCreatedTopic, { id, title: view.title, category: view.category, subtype: view.subtype, divisionCode: view.divisionCode, source: view.source })
  return id
}

const futureToleranceMs = 10 * 60_000

export async function createIncident(ctx: IncidentsContext, actor: Actor, body: Static<typeof CreateIncidentBody>): Promise<IncidentView> {
  if (!isSubtypeOf(body.category, body.subtype)) {
    throw invalid('invalid_subtype', 'body.subtype', `body.subtype 不属于该类别：${body.subtype}`, `body.subtype is not a subtype of ${body.category}: ${body.subtype}`)
  }
  if (Date.parse(body.occurredAt) > Date.now() + futureToleranceMs) {
    throw invalid('occurred_in_future', 'body.occurredAt', 'body.occurredAt 不能晚于当前时间', 'body.occurredAt cannot be in the future')
  }
  if (body.source === 'call' && !body.caller) {
    throw invalid('caller_required', 'body.caller', '值班接报须填写报告人（body.caller）', 'A call report needs the caller (body.caller)')
  }
  if (actor.role === 'village' && body.source !== 'village_report') {
    throw invalid('village_source', 'body.source', '村（社区）信息员只能以 village_report 报告（body.source）', 'Village officers report with source village_report (body.source)')
  }
  return ctx.db.transaction(async (tx) => {
    const division = await resolveDivision(tx, actor, body.divisionCode, 'body.divisionCode')
    if (body.location && !(body.location.lon > 73 && body.location.lon < 136 && body.location.lat > 3 && body.location.lat < 54)) {
      throw invalid('location_outside_china', 'body.location', 'body.location 不在中国境内（经度在前、纬度在后）', 'body.location is outside China (lon first, then lat)')
    }
    const id = await insertIncidentTx(tx, actor, {
      category: body.category, subtype: body.subtype, title: body.title, description: body.description ?? '',
      divisionCode: division.code, location: body.location ?? division.location, address: body.address ?? null,
      occurredAt: body.occurredAt, source: body.source, sourceAlarmId: null,
      caller: body.caller ? { ...body.caller, account: body.caller.account ?? '' } : null, facts: body.facts ?? {},
    })
    return viewOf(tx, (await queries.findIncident(tx, id))!)
  })
}

interface AlarmRow {
  id: string
  level: 'blue' | 'yellow' | 'orange' | 'red'
  status: string
  value: number | null
  message: string
  rule_name: string
  raised_at: Date | string
  division_code: string
  device_type: string
  device_name: string
  params: Record<string, unknown>
  lon: number
  lat: number
}

/**
 * One click from an alarm: type from the device (water level → 自然灾害/洪涝 …), place, division,
 * warning level and, for a water-level station, the height above its warning stage. An alarm
 * that already has an incident not yet closed gives that incident (`created: false`).
 */
export async function createFromAlarm(ctx: IncidentsContext, actor: Actor, alarmId: string): Promise<{ created: boolean; incident: IncidentView }> {
  return ctx.db.transaction(async (tx) => {
    // monitoring.alarms and devices are read directly: monitoring exports no alarm lookup yet.
    const [alarm] = await queryRows<AlarmRow>(tx, sql`
      SELECT a.id, a.level, a.status, a.value, a.message, a.rule_name, a.raised_at, a.division_code,
             d.type AS device_type, d.name AS device_name, d.params, ST_X(d.location) AS lon, ST_Y(d.location) AS lat
      FROM monitoring.alarms a JOIN monitoring.devices d ON d.id = a.device_id WHERE a.id = ${alarmId}`)
    if (!alarm || !isWithinDivision(alarm.division_code, actor.jurisdiction)) throw notFound(`告警 ${alarmId}`, `Alarm ${alarmId}`, 'params.alarmId')
    const [existing] = await queryRows<{ id: string }>(tx, sql`
      SELECT id FROM incidents.incidents WHERE source_alarm_id = ${alarmId} AND status <> 'closed' ORDER BY created_at LIMIT 1`)
    if (existing) return { created: false, incident: await viewOf(tx, (await queries.findIncident(tx, existing.id))!) }
    const { category, subtype } = classifyDeviceAlarm(alarm.device_type)
    const facts: Facts = { warningLevel: alarm.level, hazardType: alarm.device_type === 'rain_gauge' ? 'rainstorm' : subtype }
    const warningStage = Number(alarm.params?.warningLevelM)
    if (alarm.device_type === 'water_level' && alarm.value !== null && Number.isFinite(warningStage)) {
      facts.waterLevelAboveWarningM = Math.round((alarm.value - warningStage) * 100) / 100
    }
    const names = await divisionNames(tx, [alarm.division_code])
    const levelName = warningLevelInfo[alarm.level]?.name.zh ?? alarm.level
    const id = await insertIncidentTx(tx, actor, {
      category, subtype,
      title: `${names.get(alarm.division_code) ?? ''}${alarm.device_name}${alarm.rule_name}（${levelName}）`.slice(0, 200),
      description: alarm.message,
      divisionCode: alarm.division_code, location: { lon: Number(alarm.lon), lat: Number(alarm.lat) }, address: alarm.device_name,
      occurredAt: iso(alarm.raised_at), source: 'alarm', sourceAlarmId: alarm.id, caller: null, facts,
    })
    return { created: true, incident: await viewOf(tx, (await queries.findIncident(tx, id))!) }
  })
}

export async function listIncidents(db: Db, actor: Actor, query: Static<typeof IncidentListQuery>) {
  let root = actor.jurisdiction
  if (query.divisionCode !== undefined) {
    root = parseDivisionCode(query.divisionCode, 'querystring.divisionCode')
    assertInJurisdiction(actor, root)
  }
  const rows = await queries.findIncidents(db, { prefix: divisionPrefix(root), status: query.status, category: query.category }, query.limit)
  const names = await divisionNames(db, rows.map((r) => r.division_code))
  const rulesOf = await reliefRulesOf(db)
  const items = []
  for (const r of rows) {
    const steps = r.category === 'accident' ? await queries.findSteps(db, r.id) : []
    items.push({ ...incidentView(r, names.get(r.division_code) ?? null, steps, rulesOf), tasks: { total: r.task_total, done: r.task_done, overdue: r.task_overdue } })
  }
  return { items }
}

/** Warnings issued for the incident: from its alarm, or covering its place since it happened. */
export async function warningsFor(q: Queryable, row: queries.IncidentRow) {
  // warnings.warnings is read directly (read-only): the warnings module exports no lookup by place yet.
  const point = row.lon === null || row.lat === null ? null : sql`ST_SetSRID(ST_MakePoint(${Number(row.lon)}, ${Number(row.lat)}), 4326)`
  const rows = await queryRows<{ id: string; headline: string; level: 'blue' | 'yellow' | 'orange' | 'red'; status: string; sent: Date | string | null; hazard: string }>(q, sql`
    SELECT id, headline, level, status, sent, hazard FROM warnings.warnings
    WHERE status IN ('issued', 'superseded', 'cancelled')
      AND ((${row.source_alarm_id}::uuid IS NOT NULL AND source_alarm_id = ${row.source_alarm_id}::uuid)
        ${point ? sql`OR (ST_Intersects(area_geom, ${point}) AND sent >= ${iso(row.occurred_at)}::timestamptz - interval '1 day')` : sql``})
    ORDER BY sent`)
  return rows.map((w) => ({ id: w.id, headline: w.headline, level: w.level, levelName: warningLevelInfo[w.level]?.colourName.zh ?? w.level, status: w.status, hazard: w.hazard, sentAt: w.sent === null ? null : iso(w.sent) }))
}

export async function getIncidentDetail(db: Db, actor: Actor, id: string) {
  const row = await loadIncident(db, actor, id)
  const view = await viewOf(db, row)
  const factHistory = (await queries.findFactChanges(db, id)).map((c) => ({ id: Number(c.id), at: iso(c.at), by: c.actor_name, before: c.before, after: c.after, note: c.note }))
  const attachments = (await queries.findAttachments(db, id)).map((a) => ({
    id: a.id, taskId: a.task_id, fileName: a.file_name, mediaType: a.media_type, sizeBytes: a.size_bytes, uploadedBy: a.uploaded_by_name, createdAt: iso(a.created_at),
    url: `/api/incidents/${id}/attachments/${a.id}`,
  }))
  return {
    ...view,
    factHistory,
    responses: await responsesOf(db, id),
    tasks: await tasksOf(db, id),
    log: await logOf(db, id),
    sitreps: await sitrepsOf(db, id),
    attachments,
    warnings: await warningsFor(db, row),
    links: { newWarning: `/warnings/new?incidentId=${id}` },
  }
}

const factLabels: Record<string, string> = {
  deaths: '死亡', missing: '失踪', injured: '受伤', seriousInjuries: '重伤', affected: '受灾人口', evacuated: '紧急转移', needingEmergencyAid: '需紧急生活救助',
  damagedRooms: '倒损房屋（间）', damagedHouseholds: '倒损房屋（户）', directLossYuan: '直接经济损失（元）', hazardType: '灾种', warningLevel: '预警级别', waterLevelAboveWarningM: '超警戒水位（米）',
}

export async function patchFacts(ctx: IncidentsContext, actor: Actor, id: string, body: Static<typeof FactsPatchBody>): Promise<IncidentView> {
  const result = await ctx.db.transaction(async (tx) => {
    const row = await loadIncident(tx, actor, id, true)
    assertOpen(row)
    const { note, ...changes } = body
    const before = row.facts
    const after: Facts = { ...before }
    const diffs: string[] = []
    for (const [key, value] of Object.entries(changes) as [keyof Facts, unknown][]) {
      if (value === undefined) continue
      const old = before[key]
      if (value === null) delete after[key]
      else (after as Record<string, unknown>)[key] = value
      if (old !== (value ?? undefined)) diffs.push(`${factLabels[key] ?? key} ${old ?? '—'} → ${value ?? '—'}`)
    }
    if (diffs.length === 0) return { view: await viewOf(tx, row), changed: false }
    const rules = (await reliefRulesOf(tx))(row.division_code)
    const gradesBefore = gradesOf(row.category, before, rules)
    const gradesAfter = gradesOf(row.category, after, rules)
    await queries.updateFacts(tx, id, after, gradesAfter.accident?.level ?? null, gradesAfter.relief?.level ?? null)
    await queries.insertFactChange(tx, id, { id: actor.kind === 'user' ? actor.id : null, name: actor.name }, before, after, note ?? null)
    await appendLog(tx, id, actor, { kind: 'facts_changed', text: `事实更新：${diffs.join('，')}${note ? `（${note}）` : ''}`, data: { before, after } })
    const accidentChanged = gradesBefore.accident?.level !== gradesAfter.accident?.level
    const reliefChanged = gradesBefore.relief?.level !== gradesAfter.relief?.level
    if (accidentChanged || reliefChanged) {
      await appendLog(tx, id, actor, { kind: 'graded', text: `重新定级：${gradeText(row.category, after, rules) ?? '未达到响应启动条件'}`, data: { accidentLevel: gradesAfter.accident?.level ?? null, reliefLevel: gradesAfter.relief?.level ?? null } })
    }
    await syncReporting(tx, { ...row, facts: after })
    const view = await viewOf(tx, (await queries.findIncident(tx, id))!)
    await recordAudit(tx, { actor, action: 'incident.facts', entity, entityId: id, before, after })
    await enqueueEvent(tx, 'incidents.facts_changed', { id, before, after, accidentLevel: view.accidentGrade?.level ?? null, reliefLevel: view.reliefSuggestion?.level ?? null })
    return { view, changed: true }
  })
  if (result.changed) changed(ctx, id, ['facts', 'log', 'reporting'])
  return result.view
}

export async function markReported(ctx: IncidentsContext, actor: Actor, id: string, step: string): Promise<IncidentView> {
  const view = await ctx.db.transaction(async (tx) => {
    const row = await loadIncident(tx, actor, id, true)
    const steps = await queries.findSteps(tx, id)
    const stored = steps.find((s) => s.step === step)
    if (!stored) throw notFound(`上报环节 ${step}`, `Reporting step ${step}`, 'params.step')
    if (stored.done_at !== null) throw new AppError('conflict', 'already_reported', '该环节已标记为已上报', 'This step is already marked as reported', 'params.step')
    // Steps are reported in order: the lower levels first.
    const order = ['county', 'city', 'province', 'national']
    const pendingBelow = steps.find((s) => order.indexOf(s.step) < order.indexOf(step) && s.done_at === null)
    if (pendingBelow) throw invalid('report_in_order', 'params.step', `请先标记${pendingBelow.step}级已上报`, `Mark ${pendingBelow.step} as reported first`)
    await queries.markStepDone(tx, id, step, actor.name)
    await syncReporting(tx, row)
    const after = await viewOf(tx, row)
    const d = after.reportingDeadlines.find((s) => s.step === step)
    await appendLog(tx, id, actor, { kind: 'reporting_done', text: `已向${d?.authority ?? step}报告${d?.state === 'done_late' ? '（超时）' : ''}`, data: { step } })
    await recordAudit(tx, { actor, action: 'incident.reported', entity, entityId: id, after: { step } })
    return after
  })
  changed(ctx, id, ['reporting', 'log'])
  return view
}

export async function closeIncident(ctx: IncidentsContext, actor: Actor, id: string, summary: string): Promise<IncidentView> {
  const view = await ctx.db.transaction(async (tx) => {
    const row = await loadIncident(tx, actor, id, true)
    assertOpen(row)
    await queries.closeIncident(tx, id, actor.name, summary)
    await appendLog(tx, id, actor, { kind: 'closed', text: `事件结束：${summary}` })
    const after = await viewOf(tx, (await queries.findIncident(tx, id))!)
    await recordAudit(tx, { actor, action: 'incident.close', entity, entityId: id, before: { status: row.status }, after: { status: 'closed', summary } })
    await enqueueEvent(tx, 'incidents.closed', { id, summary })
    return after
  })
  changed(ctx, id, ['incident', 'log'])
  return view
}

// ---- attachments --------------------------------------------------------------

export async function addAttachment(ctx: IncidentsContext, actor: Actor, id: string, body: Static<typeof AttachmentBody>) {
  const bytes = decodeFile(body, 'body')
  const attachmentId = crypto.randomUUID()
  await ctx.db.transaction(async (tx) => {
    await loadIncident(tx, actor, id, true)
    await queries.insertAttachment(tx, { id: attachmentId, incidentId: id, taskId: null, fileName: body.fileName, mediaType: body.mediaType, bytes, byName: actor.name })
    await appendLog(tx, id, actor, { kind: 'attachment', text: `上传附件：${body.fileName}`, data: { attachmentId } })
    await recordAudit(tx, { actor, action: 'incident.attachment', entity, entityId: id, after: { attachmentId, fileName: body.fileName, sizeBytes: bytes.length } })
  })
  changed(ctx, id, ['attachments', 'log'])
  return { id: attachmentId, fileName: body.fileName, mediaType: body.mediaType, sizeBytes: bytes.length, url: `/api/incidents/${id}/attachments/${attachmentId}` }
}

export async function getAttachment(db: Db, actor: Actor, id: string, attachmentId: string) {
  await loadIncident(db, actor, id)
  const row = await queries.findAttachmentBytes(db, id, attachmentId)
  if (!row) throw notFound(`附件 ${attachmentId}`, `Attachment ${attachmentId}`, 'params.attachmentId')
  return { fileName: row.file_name, mediaType: row.media_type, bytes: Buffer.from(row.data, 'base64') }
}

export { subtypeOf }
