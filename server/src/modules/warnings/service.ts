/**
 * Warnings (预警): authoring by hand or from an alarm, the approval flow (draft → submitted →
 * issued, rejected back; a commander's red emergency issue), Update and Cancel referencing the
 * warning in force, and the CAP 1.2 document of each issued message. Every write is audited;
 * every issue enqueues `warnings.issued` in the same transaction.
 */
import crypto from 'node:crypto'
import type { Static } from '@fastify/type-provider-typebox'
import { sql } from 'drizzle-orm'
import { buildCapAlert } from '@yingji/domain/cap/buildCapAlert'
import { formatCapDateTime } from '@yingji/domain/cap/capDateTime'
import { formatWarningIdentifier } from '@yingji/domain/cap/capIdentifier'
import { composeWarningAlert, type WarningArea as CapWarningArea } from '@yingji/domain/cap/composeWarningAlert'
import { defaultHazardEvents, hazardEventKeys, type HazardEventKey } from '@yingji/domain/cap/hazardEvents'
import { defaultCapLevelMappings, warningLevelInfo, warningLevels, type WarningLevel } from '@yingji/domain/cap/warningLevels'
import { divisionPrefix, isWithinDivision } from '@yingji/domain/geo/divisionCode'
import { mayAuthor, mayIssueInEmergency, type PolicyVerdict, type WarningAction } from '@yingji/domain/warnings/approvalPolicy'
import { allowedWarningActions, mayViewWarning, warningActionVerdict, type WarningState } from '@yingji/domain/warnings/warningActions'
import { defaultHeadline } from '@yingji/domain/warnings/headline'
import { allInstructionTemplates, fillTemplate, instructionTemplate } from '@yingji/domain/warnings/instructionTemplates'
import type { Db, Queryable } from '../../db/database.ts'
import type { Actor } from '../../http/access.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { recordAudit } from '../auth/index.ts'
import { enqueueEvent } from '../events/outbox.ts'
import { ensureSyntheticDivisionAreas, findDivisionRefs } from '../geo/syntheticAreas.ts'
import { deviceTypeInfo } from '../monitoring/deviceTypes.ts'
import { resolveArea, type ResolvedArea, type WarningAreaJson } from './area.ts'
import * as queries from './queries.ts'
import type { CreateWarningBody, UpdateWarningBody, Warning, WarningDetail, WarningListQuery } from './schemas.ts'

export type WarningView = Static<typeof Warning>
type CreateBody = Static<typeof CreateWarningBody>
type UpdateBody = Static<typeof UpdateWarningBody>

const entity = 'warnings.warning'
export const warningIssuedTopic = 'warnings.issued'

export interface WarningIssuedEvent {
  warningId: string
  identifier: string
  msgType: queries.MsgType
  level: string
  hazard: string
}

/** Who signs the CAP documents (configuration: YINGJI_CAP_SENDER, YINGJI_CAP_SENDER_NAME[_EN]). */
export function capSender(env: NodeJS.ProcessEnv = process.env) {
  return {
    sender: env.YINGJI_CAP_SENDER || 'yingji@leping.gov.cn',
    name: { zh: env.YINGJI_CAP_SENDER_NAME || '乐平市应急管理局', en: env.YINGJI_CAP_SENDER_NAME_EN || 'Leping Emergency Management Bureau' },
    /** 3-digit sector code of the identifier (GB/T 4657; NV for emergency management) */
    sectorCode: env.YINGJI_CAP_SECTOR_CODE || '000',
  }
}

const iso = (v: Date | string) => new Date(v).toISOString()
const isoOrNull = (v: Date | string | null) => (v === null ? null : iso(v))

const stateOf = (r: queries.WarningRow): WarningState => ({
  status: r.status, msgType: r.msg_type, level: r.level as WarningLevel, divisionCode: r.division_code,
  createdBy: { id: r.created_by, name: r.created_by_name }, expired: new Date(r.expires).getTime() <= Date.now(),
})

function viewOf(r: queries.WarningRow, synthetic: Set<string>, actor: Actor): WarningView {
  const hazard = defaultHazardEvents[r.hazard as HazardEventKey]
  const level = warningLevelInfo[r.level as WarningLevel]
  return {
    id: r.id, identifier: r.identifier, status: r.status, msgType: r.msg_type, referencesId: r.references_id,
    event: r.hazard, eventName: { zh: hazard?.name.zh ?? r.hazard, en: hazard?.name.en ?? r.hazard },
    level: r.level, levelName: { zh: level?.name.zh ?? r.level, en: level?.name.en ?? r.level },
    headline: r.headline, headlineEn: r.headline_en, description: r.description, descriptionEn: r.description_en,
    instruction: r.instruction, instructionEn: r.instruction_en, onset: isoOrNull(r.onset), expires: iso(r.expires),
    expired: new Date(r.expires).getTime() <= Date.now(),
    area: r.area, areaDesc: r.area_desc, areaGeometry: JSON.parse(r.area_geojson) as unknown,
    syntheticArea: r.division_codes.some((c) => synthetic.has(c)),
    divisionCodes: r.division_codes, divisionCode: r.division_code, sourceAlarmId: r.source_alarm_id,
    createdBy: { id: r.created_by, name: r.created_by_name }, submittedAt: isoOrNull(r.submitted_at),
    approvedBy: r.approved_by ? { id: r.approved_by, name: r.approved_by_name ?? '' } : null,
    emergencyIssue: r.emergency_issue, reviewComment: r.review_comment, sent: isoOrNull(r.sent),
    createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
    allowedActions: allowedWarningActions(actor, stateOf(r)),
  }
}

async function viewsOf(q: Queryable, rows: queries.WarningRow[], actor: Actor): Promise<WarningView[]> {
  const codes = [...new Set(rows.flatMap((r) => r.division_codes))]
  const synthetic = new Set((await findDivisionRefs(q, codes)).filter((d) => d.syntheticArea).map((d) => d.code))
  return rows.map((r) => viewOf(r, synthetic, actor))
}

const canSee = (actor: Actor, r: queries.WarningRow) => mayViewWarning(actor, { status: r.status, divisionCode: r.division_code, divisionCodes: r.division_codes })

async function load(q: Queryable, actor: Actor, id: string, forUpdate = false): Promise<queries.WarningRow> {
  const row = await queries.findWarning(q, id, forUpdate)
  if (!row || !canSee(actor, row)) throw notFound(`预警 ${id}`, `Warning ${id}`, 'params.id')
  return row
}

function assertVerdict(verdict: PolicyVerdict, kind: 'forbidden' | 'conflict' = 'forbidden'): void {
  if (!verdict.ok) throw new AppError(kind, verdict.code, verdict.message, verdict.messageEn)
}

/** Jurisdiction, role, authorship and status: the same verdict that lists a warning's allowed actions. */
function assertAllowed(actor: Actor, row: queries.WarningRow, action: WarningAction): void {
  const verdict = warningActionVerdict(actor, stateOf(row), action)
  if (!verdict.ok) throw new AppError(verdict.kind, verdict.code, verdict.message, verdict.messageEn)
}

// ---- times ---------------------------------------------------------------------

function checkTimes(onset: string | null, expires: string, field = 'body'): void {
  const end = Date.parse(expires)
  if (end <= Date.now()) throw invalid('expires_in_past', `${field}.expires`, '失效时间必须晚于当前时间', 'The expiry time must be in the future')
  if (onset !== null && Date.parse(onset) >= end) throw invalid('expires_before_onset', `${field}.expires`, '失效时间必须晚于开始时间', 'The expiry time must be after the onset')
}

// ---- values --------------------------------------------------------------------

function valuesOf(body: CreateBody | (Omit<CreateBody, 'area'>), area: ResolvedArea, msgType: queries.MsgType): queries.WarningValues {
  const sender = capSender()
  const hazard = body.event as HazardEventKey
  const level = body.level as WarningLevel
  const headline = defaultHeadline({ senderName: sender.name, hazard, level, msgType })
  const english = body.descriptionEn !== undefined && body.descriptionEn !== null
  return {
    hazard, level,
    headline: body.headline?.trim() || headline.zh,
    headline_en: body.headlineEn?.trim() || (english ? headline.en : null),
    description: body.description.trim(),
    description_en: body.descriptionEn?.trim() || null,
    instruction: body.instruction?.trim() || null,
    instruction_en: body.instructionEn?.trim() || null,
    onset: body.onset ?? null,
    expires: body.expires,
    area: area.area, area_desc: area.areaDesc, area_geojson: area.geojson, division_codes: area.divisionCodes, division_code: area.ownerCode,
    source_alarm_id: body.sourceAlarmId ?? null,
  }
}

async function newIdentifier(q: Queryable, ownerCode: string, now: Date): Promise<string> {
  const sender = capSender()
  const base = formatWarningIdentifier({ areaCode: ownerCode, sectorCode: sender.sectorCode, sent: now })
  const prefix = base.slice(0, 11) // area + sector + unit, then the extension and the time
  const stamp = base.slice(base.indexOf('_'), base.lastIndexOf('_'))
  const n = await queries.countIdentifiers(q, `${prefix}%${stamp}`)
  return formatWarningIdentifier({ areaCode: ownerCode, sectorCode: sender.sectorCode, sent: now, extension: String(Math.floor(n / 10) % 100).padStart(2, '0'), sequence: n % 10 })
}

// ---- reads ---------------------------------------------------------------------

export async function listWarnings(db: Db, actor: Actor, query: Static<typeof WarningListQuery>) {
  const { rows, total } = await queries.findWarnings(db, { prefix: divisionPrefix(actor.jurisdiction), status: query.status, hazard: query.event },
    query.pageSize, (query.page - 1) * query.pageSize)
  return { items: await viewsOf(db, rows, actor), total, page: query.page, pageSize: query.pageSize }
}

export async function getWarning(db: Db, actor: Actor, id: string): Promise<Static<typeof WarningDetail>> {
  const row = await load(db, actor, id)
  const [view] = await viewsOf(db, [row], actor)
  if (row.cap_xml) return { ...view!, capXml: row.cap_xml, capPreview: false }
  // A preview of the document approval would issue (sent = now); references as they stand now
  const references = row.references_id ? await queries.findWarning(db, row.references_id) : null
  // a draft the CAP rules would refuse (e.g. expired) shows no preview rather than failing the read
  const capXml = await capDocument(db, row, new Date(), references).catch(() => null)
  return { ...view!, capXml, capPreview: true }
}

// ---- CAP -----------------------------------------------------------------------

async function capDocument(q: Queryable, row: queries.WarningRow, sent: Date, references: queries.WarningRow | null): Promise<string> {
  const sender = capSender()
  const area = row.area as WarningAreaJson
  const capArea: CapWarningArea = { name: { zh: row.area_desc, en: row.area_desc } }
  if ('circle' in area) capArea.circles = [{ lat: area.circle.center[1], lon: area.circle.center[0], radiusKm: area.circle.radiusKm }]
  else capArea.polygons = await queries.capRings(q, row.id)
  if ('divisionCodes' in area) capArea.divisionCodes = area.divisionCodes
  const english = row.description_en !== null
  const alert = composeWarningAlert({
    identifier: row.identifier,
    sender: sender.sender,
    sent,
    msgType: row.msg_type,
    references: references?.sent ? [{ sender: sender.sender, identifier: references.identifier, sent: formatCapDateTime(new Date(references.sent)) }] : undefined,
    hazard: row.hazard as HazardEventKey,
    level: row.level as WarningLevel,
    onset: row.onset ? new Date(row.onset) : undefined,
    expires: new Date(row.expires),
    senderName: english ? sender.name : { zh: sender.name.zh },
    headline: { zh: row.headline, ...(row.headline_en ? { en: row.headline_en } : {}) },
    description: { zh: row.description, ...(english ? { en: row.description_en! } : {}) },
    instruction: row.instruction ? { zh: row.instruction, ...(row.instruction_en ? { en: row.instruction_en } : {}) } : undefined,
    areas: [capArea],
    incidents: undefined,
  })
  return buildCapAlert(alert)
}

/** Issues a row (Alert, Update or Cancel): sent, CAP XML, status; replaces what it updates; event. */
async function issue(tx: Queryable, row: queries.WarningRow, actor: Actor, options: { emergency?: string } = {}): Promise<void> {
  const sent = new Date()
  let references: queries.WarningRow | null = null
  if (row.references_id) {
    references = await queries.findWarning(tx, row.references_id, true)
    if (!references || references.status !== 'issued') {
      throw new AppError('conflict', 'reference_not_in_force', '所更新或解除的预警已不在生效状态', 'The warning this message refers to is no longer in force')
    }
  }
  const xml = await capDocument(tx, row, sent, references)
  await queries.setStatus(tx, row.id, 'issued', sql`, sent = ${sent.toISOString()}::timestamptz, cap_xml = ${xml},
    approved_by = ${actor.id}::uuid, approved_by_name = ${actor.name}, emergency_issue = ${options.emergency !== undefined},
    review_comment = coalesce(${options.emergency ?? null}, review_comment)`)
  if (references) await queries.setStatus(tx, references.id, row.msg_type === 'Cancel' ? 'cancelled' : 'superseded')
  await enqueueEvent<WarningIssuedEvent>(tx, warningIssuedTopic, { warningId: row.id, identifier: row.identifier, msgType: row.msg_type, level: row.level, hazard: row.hazard })
}

async function reload(q: Queryable, id: string, actor: Actor): Promise<WarningView> {
  return (await viewsOf(q, [(await queries.findWarning(q, id))!], actor))[0]!
}

// ---- writes --------------------------------------------------------------------

export async function createWarning(db: Db, actor: Actor, body: CreateBody): Promise<WarningView> {
  assertVerdict(mayAuthor(actor))
  await ensureSyntheticDivisionAreas(db)
  return db.transaction(async (tx) => {
    checkTimes(body.onset ?? null, body.expires)
    const area = await resolveArea(tx, actor, body.area)
    const values = valuesOf(body, area, 'Alert')
    const id = crypto.randomUUID()
    await queries.insertWarning(tx, {
      ...values, id, identifier: await newIdentifier(tx, area.ownerCode, new Date()), status: 'draft', msg_type: 'Alert', references_id: null,
      created_by: actor.id, created_by_name: actor.name,
    })
    const created = await reload(tx, id, actor)
    await recordAudit(tx, { actor, action: 'warning.create', entity, entityId: id, after: { ...created, areaGeometry: undefined } })
    return created
  })
}

const bodyOfRow = (row: queries.WarningRow) => ({
  event: row.hazard as HazardEventKey, level: row.level as WarningLevel, headline: row.headline, headlineEn: row.headline_en ?? undefined,
  description: row.description, descriptionEn: row.description_en ?? undefined, instruction: row.instruction ?? undefined,
  instructionEn: row.instruction_en ?? undefined, onset: row.onset ? iso(row.onset) : undefined, expires: iso(row.expires),
  sourceAlarmId: row.source_alarm_id ?? undefined,
})

/** The changed fields over the row's, for a PATCH or an Update; the headline follows a changed level or hazard unless given. */
function merge(row: queries.WarningRow, body: UpdateBody) {
  const base = bodyOfRow(row)
  const pick = <K extends keyof UpdateBody>(key: K, current: unknown) => (body[key] === undefined ? current : body[key] ?? undefined)
  const hazardOrLevelChanged = (body.event !== undefined && body.event !== row.hazard) || (body.level !== undefined && body.level !== row.level)
  const defaultNow = defaultHeadline({ senderName: capSender().name, hazard: row.hazard as HazardEventKey, level: row.level as WarningLevel, msgType: row.msg_type })
  const follows = hazardOrLevelChanged && row.headline === defaultNow.zh
  // The editor sends the headline back as it was: only a different one is the author's own.
  const authored = (key: 'headline' | 'headlineEn', current: string | null) => body[key] !== undefined && body[key] !== current
  return {
    event: body.event ?? base.event,
    level: body.level ?? base.level,
    headline: (follows && !authored('headline', row.headline) ? undefined : pick('headline', base.headline)) as string | undefined,
    headlineEn: (follows && !authored('headlineEn', row.headline_en) ? undefined : pick('headlineEn', base.headlineEn)) as string | undefined,
    description: body.description ?? base.description,
    descriptionEn: pick('descriptionEn', base.descriptionEn) as string | undefined,
    instruction: pick('instruction', base.instruction) as string | undefined,
    instructionEn: pick('instructionEn', base.instructionEn) as string | undefined,
    onset: pick('onset', base.onset) as string | undefined,
    expires: body.expires ?? base.expires,
    sourceAlarmId: base.sourceAlarmId,
  }
}

export async function updateDraft(db: Db, actor: Actor, id: string, body: UpdateBody): Promise<WarningView> {
  await ensureSyntheticDivisionAreas(db)
  return db.transaction(async (tx) => {
    const row = await load(tx, actor, id, true)
    assertAllowed(actor, row, 'edit')
    const before = await reload(tx, id, actor)
    const merged = merge(row, body)
    checkTimes(merged.onset ?? null, merged.expires)
    const area = body.area ? await resolveArea(tx, actor, body.area) : await resolveArea(tx, actor, row.area as never)
    const values = valuesOf(merged as CreateBody, area, row.msg_type)
    await queries.updateWarningValues(tx, id, values)
    const after = await reload(tx, id, actor)
    await recordAudit(tx, { actor, action: 'warning.update_draft', entity, entityId: id, before: { ...before, areaGeometry: undefined }, after: { ...after, areaGeometry: undefined } })
    return after
  })
}

export async function deleteDraft(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await load(tx, actor, id, true)
    assertAllowed(actor, row, 'delete')
    const before = await reload(tx, id, actor)
    await queries.deleteWarning(tx, id)
    await recordAudit(tx, { actor, action: 'warning.delete', entity, entityId: id, before: { ...before, areaGeometry: undefined } })
  })
}

export async function submitWarning(db: Db, actor: Actor, id: string): Promise<WarningView> {
  return db.transaction(async (tx) => {
    const row = await load(tx, actor, id, true)
    assertAllowed(actor, row, 'submit')
    if (Date.parse(iso(row.expires)) <= Date.now()) throw invalid('expires_in_past', 'body.expires', '预警已过失效时间，请修改后再提交', 'The warning has expired; change its expiry first')
    await queries.setStatus(tx, id, 'submitted', sql`, submitted_at = now(), review_comment = NULL`)
    const after = await reload(tx, id, actor)
    await recordAudit(tx, { actor, action: 'warning.submit', entity, entityId: id, before: { status: row.status }, after: { status: after.status } })
    return after
  })
}

export async function approveWarning(db: Db, actor: Actor, id: string): Promise<WarningView> {
  return db.transaction(async (tx) => {
    const row = await load(tx, actor, id, true)
    assertAllowed(actor, row, 'approve')
    await issue(tx, row, actor)
    const after = await reload(tx, id, actor)
    await recordAudit(tx, { actor, action: 'warning.approve', entity, entityId: id, before: { status: row.status }, after: { status: after.status, sent: after.sent, msgType: after.msgType } })
    return after
  })
}

export async function rejectWarning(db: Db, actor: Actor, id: string, comment: string): Promise<WarningView> {
  return db.transaction(async (tx) => {
    const row = await load(tx, actor, id, true)
    assertAllowed(actor, row, 'reject')
    await queries.setStatus(tx, id, 'rejected', sql`, review_comment = ${comment}`)
    const after = await reload(tx, id, actor)
    await recordAudit(tx, { actor, action: 'warning.reject', entity, entityId: id, before: { status: row.status }, after: { status: after.status, comment } })
    return after
  })
}

export async function issueInEmergency(db: Db, actor: Actor, id: string, reason: string): Promise<WarningView> {
  return db.transaction(async (tx) => {
    const row = await load(tx, actor, id, true)
    assertAllowed(actor, row, 'issueEmergency')
    assertVerdict(mayIssueInEmergency(actor, row.level as WarningLevel, reason))
    await issue(tx, row, actor, { emergency: reason.trim() })
    const after = await reload(tx, id, actor)
    await recordAudit(tx, { actor, action: 'warning.issue_emergency', entity, entityId: id, before: { status: row.status }, after: { status: after.status, sent: after.sent, reason } })
    return after
  })
}

/** An Update: a new draft (msgType Update) referring to the issued warning; approving it supersedes the original. */
export async function draftUpdate(db: Db, actor: Actor, id: string, body: UpdateBody): Promise<WarningView> {
  assertVerdict(mayAuthor(actor))
  await ensureSyntheticDivisionAreas(db)
  return db.transaction(async (tx) => {
    const row = await load(tx, actor, id, true)
    assertAllowed(actor, row, 'update')
    const merged = merge({ ...row, msg_type: 'Update' }, { ...await escalation(tx, row), ...body })
    // the headline of an Update says so, unless the author wrote one
    if (body.headline === undefined && row.headline === defaultHeadline({ senderName: capSender().name, hazard: row.hazard as HazardEventKey, level: row.level as WarningLevel }).zh) {
      merged.headline = undefined
      merged.headlineEn = undefined
    }
    checkTimes(merged.onset ?? null, merged.expires)
    const area = await resolveArea(tx, actor, (body.area ?? row.area) as never)
    const values = valuesOf(merged as CreateBody, area, 'Update')
    const newId = crypto.randomUUID()
    await queries.insertWarning(tx, {
      ...values, id: newId, identifier: await newIdentifier(tx, area.ownerCode, new Date()), status: 'draft', msg_type: 'Update', references_id: row.id,
      created_by: actor.id, created_by_name: actor.name,
    })
    const created = await reload(tx, newId, actor)
    await recordAudit(tx, { actor, action: 'warning.draft_update', entity, entityId: newId, after: { ...created, areaGeometry: undefined } })
    return created
  })
}

/** A Cancel, issued at once by a commander or administrator, referring to the warning in force. */
export async function cancelWarning(db: Db, actor: Actor, id: string, reason: string): Promise<WarningView> {
  return db.transaction(async (tx) => {
    const row = await load(tx, actor, id, true)
    assertAllowed(actor, row, 'cancel')
    const headline = defaultHeadline({ senderName: capSender().name, hazard: row.hazard as HazardEventKey, level: row.level as WarningLevel, msgType: 'Cancel' })
    const newId = crypto.randomUUID()
    const expires = new Date(Math.max(Date.parse(iso(row.expires)), Date.now() + 3600_000)).toISOString()
    await queries.insertWarning(tx, {
      hazard: row.hazard, level: row.level, headline: headline.zh, headline_en: row.description_en ? headline.en : null,
      description: reason.trim(), description_en: row.description_en ? reason.trim() : null, instruction: null, instruction_en: null,
      onset: null, expires, area: row.area, area_desc: row.area_desc, area_geojson: row.area_geojson, division_codes: row.division_codes,
      division_code: row.division_code, source_alarm_id: row.source_alarm_id,
      id: newId, identifier: await newIdentifier(tx, row.division_code, new Date()), status: 'draft', msg_type: 'Cancel', references_id: row.id,
      created_by: actor.id, created_by_name: actor.name,
    })
    await issue(tx, (await queries.findWarning(tx, newId))!, actor)
    const created = await reload(tx, newId, actor)
    await recordAudit(tx, { actor, action: 'warning.cancel', entity, entityId: newId, before: { id: row.id, status: row.status }, after: { ...created, areaGeometry: undefined, reason } })
    return created
  })
}

// ---- catalogue, templates, drafts from alarms ------------------------------------

export function hazards() {
  return {
    items: hazardEventKeys.map((key) => {
      const h = defaultHazardEvents[key]
      return { key, name: h.name, categories: [...h.categories], responseTypes: [...h.responseTypes] }
    }),
    levels: warningLevels.map((key) => ({ key, rank: warningLevelInfo[key].rank, name: warningLevelInfo[key].name, severity: defaultCapLevelMappings[key].severity })),
  }
}

export function templates(query: { hazard?: string | undefined; level?: string | undefined }) {
  return { items: allInstructionTemplates().filter((t) => (!query.hazard || t.hazard === query.hazard) && (!query.level || t.level === query.level)) }
}

/** The hazard a device type warns of (雨量站 → 暴雨, 水位站 → 洪水, GNSS/尾矿库 → 地质灾害, 气体/储罐 → 危化品泄漏). */
export const hazardOfDeviceType: Readonly<Record<string, HazardEventKey>> = {
  rain_gauge: 'rainstorm', water_level: 'flood', gnss: 'geologicalHazard', tailings_pond: 'geologicalHazard',
  gas_lel: 'hazmatLeak', toxic_gas: 'hazmatLeak', tank: 'hazmatLeak', weather: 'gale', video_ai: 'forestFire',
}

export const fromAlarmCircleKm = 2

export async function draftFromAlarm(db: Queryable, actor: Actor, alarmId: string) {
  const alarm = await queries.findAlarmSource(db, alarmId)
  if (!alarm || !isWithinDivision(alarm.division_code, actor.jurisdiction)) throw notFound(`告警 ${alarmId}`, `Alarm ${alarmId}`, 'params.alarmId')
  const hazard = hazardOfDeviceType[alarm.device_type] ?? 'rainstorm'
  const level = alarm.level as WarningLevel
  const township = `${alarm.division_code.slice(0, 9)}000`
  const text = fillTemplate(instructionTemplate(hazard, level), { zh: await alarmAreaName(db, alarm) })
  const hours = level === 'red' || level === 'orange' ? 12 : 24
  const body: CreateBody = {
    event: hazard, level,
    description: `${text.description.zh}${observation(alarm)}`,
    instruction: text.instruction.zh,
    descriptionEn: text.description.en,
    instructionEn: text.instruction.en,
    expires: new Date(Date.now() + hours * 3600_000).toISOString(),
    area: { divisionCodes: [township] },
    sourceAlarmId: alarm.id,
  }
  return {
    body,
    circleArea: { circle: { center: [alarm.lon, alarm.lat], radiusKm: fromAlarmCircleKm } },
    alarm: { id: alarm.id, level: alarm.level, deviceType: alarm.device_type, deviceName: alarm.device_name, divisionCode: alarm.division_code, message: alarm.message },
  }
}

/** 乐平市镇桥镇: the county and township of the alarm's device, as the templates name an area. */
async function alarmAreaName(q: Queryable, alarm: queries.AlarmSource): Promise<string> {
  const township = `${alarm.division_code.slice(0, 9)}000`
  const county = `${township.slice(0, 6)}000000`
  const names = await findDivisionNames(q, [township, county])
  return `${names.get(county) ?? ''}${names.get(township) ?? ''}`
}

/**
 * An Update of a warning drafted from an alarm that has escalated since (SCENARIO step 5: 104 mm,
 * orange → red) starts at the alarm's level; its texts follow the new level's template and
 * measurement where the author left the template's text as it was.
 */
async function escalation(q: Queryable, row: queries.WarningRow): Promise<UpdateBody> {
  const alarm = row.source_alarm_id ? await queries.findAlarmSource(q, row.source_alarm_id) : null
  const now = alarm ? warningLevelInfo[alarm.level as WarningLevel] : undefined
  const was = warningLevelInfo[row.level as WarningLevel]
  if (!alarm || !now || !was || now.rank >= was.rank) return {}
  const areaName = await alarmAreaName(q, alarm)
  const hazard = row.hazard as HazardEventKey
  const before = fillTemplate(instructionTemplate(hazard, was.level), { zh: areaName })
  const after = fillTemplate(instructionTemplate(hazard, now.level), { zh: areaName })
  if (row.instruction !== before.instruction.zh) return { level: now.level }
  return {
    level: now.level, description: `${after.description.zh}${observation(alarm)}`, instruction: after.instruction.zh,
    ...(row.description_en ? { descriptionEn: after.description.en, instructionEn: after.instruction.en } : {}),
  }
}

const unitNames: Readonly<Record<string, string>> = { mm: '毫米', m: '米', '°C': '摄氏度', MPa: '兆帕', ppm: 'ppm', '%LEL': '%LEL', '%': '%' }

/**
 * What the device measured, in words a warning can carry to the public ("（镇桥镇雨量站实测53毫米，
 * 已达橙色预警标准）"), not the alarm's technical message (metric keys, thresholds).
 */
function observation(alarm: queries.AlarmSource): string {
  const metrics = deviceTypeInfo(alarm.device_type)?.metrics ?? []
  const unit = metrics.length === 1 ? unitNames[metrics[0]!.unit] ?? metrics[0]!.unit : null
  const level = warningLevelInfo[alarm.level as WarningLevel]?.colourName.zh ?? alarm.level
  const measured = alarm.value !== null && unit !== null ? `实测${Math.round(alarm.value * 10) / 10}${unit}，` : '监测数据'
  return `（${alarm.device_name}${measured}已达${level}预警标准）`
}

export async function createFromAlarm(db: Db, actor: Actor, alarmId: string, areaKind: 'township' | 'circle' = 'township'): Promise<WarningView> {
  const draft = await draftFromAlarm(db, actor, alarmId)
  return createWarning(db, actor, areaKind === 'circle' ? { ...draft.body, area: draft.circleArea } : draft.body)
}

async function findDivisionNames(q: Queryable, codes: string[]): Promise<Map<string, string>> {
  const { divisionNamesOf } = await import('../geo/syntheticAreas.ts')
  const names = await divisionNamesOf(q, codes)
  return new Map([...names].map(([code, n]) => [code, n.name]))
}
