/**
 * Emergency plans (应急预案): the plan document (metadata, organisation, levels with activation
 * criteria and checklists), attachments, drills and the revision history, with the filing,
 * revision and drill flags of domain/src/plans/planFlags.ts. Reading: every signed-in actor sees
 * the plans inside their jurisdiction and those of the divisions above it (a county plan covers
 * its townships). Writing (admin, commander, department): plans inside the jurisdiction. Every
 * write is audited and saved content changes leave a revision.
 */
import { createHash } from 'node:crypto'
import type { Static } from '@fastify/type-provider-typebox'
import { divisionPrefix, isWithinDivision, parentDivisionCode } from '@yingji/domain/geo/divisionCode'
import { describeCondition, validateCriteria, type Condition } from '@yingji/domain/plans/criteria'
import { defaultPlanRules, drillIntervalOf, planFlags, revisionDueOf, type PlanRulesConfig } from '@yingji/domain/plans/planFlags'
import type { FilingStatus, PlanStatus, PlanType, ResponseLevel } from '@yingji/domain/plans/planTypes'
import { sql } from 'drizzle-orm'
import type { Db, Queryable } from '../../db/database.ts'
import { queryRows } from '../../db/rows.ts'
import { assertInJurisdiction, type Actor } from '../../http/access.ts'
import { AppError, invalid, notFound } from '../../http/errors.ts'
import { recordAudit } from '../auth/index.ts'
import { divisionNames, divisionPlaces, parseDivisionCode } from '../geo/index.ts'
import * as queries from './queries.ts'
import type { Attachment, Drill, DrillInput, DrillPatch, PlanDetail, PlanInput, PlanListQuery, PlanSummary } from './schemas.ts'

export type PlanSummaryView = Static<typeof PlanSummary>
export type PlanDetailView = Static<typeof PlanDetail>
export type DrillView = Static<typeof Drill>
const entity = 'plans.plan'
const drillEntity = 'plans.drill'
const attachmentEntity = 'plans.attachment'

/** The flag rules in force (domain defaults; a deployment's configuration would replace them). */
export const planRules: PlanRulesConfig = defaultPlanRules

const iso = (v: Date | string) => new Date(v).toISOString()

export async function todayInChina(q: Queryable): Promise<string> {
  const [row] = await queryRows<{ d: string }>(q, sql`SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS d`)
  return row!.d
}

/** The code and every division above it */
export function ancestorsOf(code: string): string[] {
  const out: string[] = []
  for (let c: string | null = code; c; c = parentDivisionCode(c)) out.push(c)
  return out
}

/** Plans inside the actor's jurisdiction, or of a division above it */
export const canRead = (actor: Actor, divisionCode: string) => isWithinDivision(divisionCode, actor.jurisdiction) || isWithinDivision(actor.jurisdiction, divisionCode)

function summaryOf(r: queries.PlanRow, names: Map<string, string>, today: string): PlanSummaryView {
  const forFlags = {
    type: r.type as PlanType, status: r.status as PlanStatus, issuedOn: r.issued_on, effectiveOn: r.effective_on, revisionDue: r.revision_due,
    filingStatus: r.filing_status as FilingStatus, filedOn: r.filed_on, drillIntervalMonths: r.drill_interval_months, lastDrillOn: r.last_drill_on,
  }
  return {
    id: r.id, name: r.name, type: r.type as PlanType, hazardTypes: r.hazard_types, ownerDepartment: r.owner_department,
    issuingLevel: r.issuing_level as PlanSummaryView['issuingLevel'], issuingAuthority: r.issuing_authority, documentNumber: r.document_number,
    version: r.version, issuedOn: r.issued_on, effectiveOn: r.effective_on, revisionDue: r.revision_due,
    revisionDueComputed: revisionDueOf(forFlags, planRules), filingStatus: forFlags.filingStatus, filedOn: r.filed_on, filedWith: r.filed_with,
    drillIntervalMonths: r.drill_interval_months, drillIntervalEffective: drillIntervalOf(forFlags, planRules), lastDrillOn: r.last_drill_on,
    divisionCode: r.division_code, divisionName: names.get(r.division_code) ?? null, status: forFlags.status, levelCount: r.level_count,
    flags: planFlags(forFlags, today, planRules), synthetic: r.synthetic, updatedAt: iso(r.updated_at),
  }
}

export async function listPlans(db: Db, actor: Actor, query: Static<typeof PlanListQuery>) {
  const rows = await queries.findPlans(db, {
    jurisdictionPrefix: divisionPrefix(actor.jurisdiction), ancestors: ancestorsOf(actor.jurisdiction),
    nameLike: query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined, type: query.type, status: query.status, hazardType: query.hazardType,
  })
  const [names, today] = await Promise.all([divisionNames(db, rows.map((r) => r.division_code)), todayInChina(db)])
  let items = rows.map((r) => summaryOf(r, names, today))
  if (query.flagged) items = items.filter((p) => p.flags.length > 0)
  return { items, total: items.length }
}

async function loadPlan(q: Queryable, actor: Actor, id: string): Promise<queries.PlanRow> {
  const row = await queries.findPlanById(q, id)
  if (!row || !canRead(actor, row.division_code)) throw notFound(`预案 ${id}`, `Plan ${id}`, 'params.id')
  return row
}

async function loadForWrite(q: Queryable, actor: Actor, id: string): Promise<queries.PlanRow> {
  const row = await loadPlan(q, actor, id)
  assertInJurisdiction(actor, row.division_code)
  return row
}

export async function detailOf(q: Queryable, row: queries.PlanRow): Promise<PlanDetailView> {
  const [names, today, levels, checklist, attachments, drills, revisions] = await Promise.all([
    divisionNames(q, [row.division_code]), todayInChina(q), queries.findLevels(q, [row.id]), queries.findChecklist(q, row.id),
    queries.findAttachments(q, row.id), queries.findDrills(q, row.id), queries.findRevisions(q, row.id),
  ])
  return {
    ...summaryOf(row, names, today),
    summary: row.summary,
    organisation: (row.organisation ?? null) as PlanDetailView['organisation'],
    levels: levels.map((l) => ({
      level: l.level, name: l.name, description: l.description, criteria: l.criteria ?? null,
      criteriaText: l.criteria ? describeCondition(l.criteria as Condition) : null,
      checklist: checklist.filter((c) => c.level === l.level).map((c) => ({
        assigneeKind: c.assignee_kind as 'department' | 'township' | 'teamType', assignee: c.assignee, task: c.task, deadlineMinutes: c.deadline_minutes,
      })),
    })),
    attachments: attachments.map(attachmentView),
    drills: drills.map(drillView),
    revisions: revisions.map((r) => ({ id: Number(r.id), version: r.version, at: iso(r.at), actorName: r.actor_name, summary: r.summary })),
  }
}

export async function getPlan(db: Db, actor: Actor, id: string): Promise<PlanDetailView> {
  return detailOf(db, await loadPlan(db, actor, id))
}

/** Checks what TypeBox cannot: dates in order, unique levels, criteria well-formed, division known. */
async function valuesOf(q: Queryable, actor: Actor | null, body: Static<typeof PlanInput>, synthetic: boolean): Promise<{ plan: queries.PlanValues; levels: queries.LevelValues[] }> {
  const divisionCode = parseDivisionCode(body.divisionCode, 'body.divisionCode')
  const places = await divisionPlaces(q, [divisionCode])
  if (!places.has(divisionCode)) throw invalid('unknown_division', 'body.divisionCode', `行政区划 ${divisionCode} 不存在`, `Division ${divisionCode} does not exist`)
  if (actor) assertInJurisdiction(actor, divisionCode)
  if (body.filingStatus === 'filed' && !body.filedOn) {
    throw invalid('filed_on_required', 'body.filedOn', '已备案的预案须填写备案日期', 'A filed plan needs its filing date')
  }
  if (body.filedOn && body.issuedOn && body.filedOn < body.issuedOn) {
    throw invalid('filed_before_issued', 'body.filedOn', '备案日期不能早于印发日期', 'The filing date cannot precede the issue date')
  }
  if (body.effectiveOn && body.issuedOn && body.effectiveOn < body.issuedOn) {
    throw invalid('effective_before_issued', 'body.effectiveOn', '施行日期不能早于印发日期', 'The effective date cannot precede the issue date')
  }
  if (body.status === 'effective' && !body.effectiveOn && !body.issuedOn) {
    throw invalid('effective_date_required', 'body.effectiveOn', '有效的预案须填写印发或施行日期', 'An effective plan needs an issue or effective date')
  }
  const seen = new Set<number>()
  for (const [i, l] of body.levels.entries()) {
    if (seen.has(l.level)) throw invalid('duplicate_level', `body.levels[${i}].level`, `响应等级 ${l.level} 重复`, `Response level ${l.level} appears twice`)
    seen.add(l.level)
    if (l.criteria !== null && l.criteria !== undefined) {
      const e = validateCriteria(l.criteria)
      if (e) throw invalid('invalid_criteria', `body.levels[${i}].criteria${e.path === '(root)' ? '' : `.${e.path}`}`, `启动条件有误：${e.message}`, `Invalid activation criteria: ${e.messageEn}`)
    }
  }
  return {
    plan: {
      name: body.name.trim(), type: body.type, hazard_types: body.hazardTypes, owner_department: body.ownerDepartment.trim(),
      issuing_level: body.issuingLevel, issuing_authority: body.issuingAuthority.trim(), document_number: body.documentNumber,
      version: body.version.trim(), issued_on: body.issuedOn, effective_on: body.effectiveOn, revision_due: body.revisionDue,
      filing_status: body.filingStatus, filed_on: body.filedOn, filed_with: body.filedWith, drill_interval_months: body.drillIntervalMonths,
      division_code: divisionCode, status: body.status, organisation: body.organisation, summary: body.summary, synthetic,
    },
    levels: [...body.levels].sort((a, b) => a.level - b.level).map((l) => ({ level: l.level, name: l.name, description: l.description, criteria: l.criteria ?? null, checklist: l.checklist })),
  }
}

/** The content a revision snapshots (the document as PUT) */
const snapshotOf = (d: PlanDetailView) => ({ ...d, attachments: undefined, drills: undefined, revisions: undefined, flags: undefined })

/** Creates a plan from its document; `actor` null for seeds. Returns the new id. */
export async function insertPlanDocument(tx: Queryable, actor: Actor | null, body: Static<typeof PlanInput>, options: { synthetic?: boolean; demoKey?: string } = {}): Promise<string> {
  const { plan, levels } = await valuesOf(tx, actor, body, options.synthetic ?? false)
  const id = await queries.insertPlan(tx, { ...plan, demo_key: options.demoKey ?? null })
  await queries.replaceLevels(tx, id, levels)
  const created = await detailOf(tx, (await queries.findPlanById(tx, id))!)
  await queries.insertRevision(tx, id, plan.version, actor?.name ?? '系统', body.revisionNote ?? '创建预案', snapshotOf(created))
  await recordAudit(tx, { actor, action: 'plan.create', entity, entityId: id, after: snapshotOf(created) })
  return id
}

export async function createPlan(db: Db, actor: Actor, body: Static<typeof PlanInput>): Promise<PlanDetailView> {
  return db.transaction(async (tx) => {
    const id = await insertPlanDocument(tx, actor, body)
    return detailOf(tx, (await queries.findPlanById(tx, id))!)
  })
}

export async function replacePlan(db: Db, actor: Actor, id: string, body: Static<typeof PlanInput>): Promise<PlanDetailView> {
  return db.transaction(async (tx) => {
    const row = await loadForWrite(tx, actor, id)
    const before = await detailOf(tx, row)
    const { plan, levels } = await valuesOf(tx, actor, body, row.synthetic)
    await queries.updatePlan(tx, id, plan)
    await queries.replaceLevels(tx, id, levels)
    const after = await detailOf(tx, (await queries.findPlanById(tx, id))!)
    const summary = body.revisionNote ?? (before.version !== after.version ? `修订为 ${after.version} 版` : '修改预案')
    await queries.insertRevision(tx, id, plan.version, actor.name, summary, snapshotOf(after))
    const action = before.status !== after.status ? 'plan.status' : 'plan.update'
    await recordAudit(tx, { actor, action, entity, entityId: id, before: snapshotOf(before), after: snapshotOf(after) })
    return detailOf(tx, (await queries.findPlanById(tx, id))!)
  })
}

export async function deletePlan(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await loadForWrite(tx, actor, id)
    if (row.status === 'effective' && actor.role !== 'admin') {
      throw new AppError('conflict', 'plan_effective', '有效的预案不能删除，请先废止', 'An effective plan cannot be deleted; supersede it first', 'params.id')
    }
    const before = await detailOf(tx, row)
    await queries.deletePlan(tx, id)
    await recordAudit(tx, { actor, action: 'plan.delete', entity, entityId: id, before: snapshotOf(before) })
  })
}

// ---- attachments ---------------------------------------------------------------

export const pdfMediaType = 'application/pdf'
export const docxMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
export const maxAttachmentBytes = 20 * 1024 * 1024

function attachmentView(r: queries.AttachmentRow): Static<typeof Attachment> {
  return { id: r.id, fileName: r.file_name, mediaType: r.media_type, sizeBytes: r.size_bytes, sha256: r.sha256, uploadedByName: r.uploaded_by_name, uploadedAt: iso(r.uploaded_at) }
}

/** %PDF for PDF; a ZIP (PK\x03\x04) holding word/ for DOCX */
function checkContent(mediaType: string, bytes: Buffer): void {
  if (bytes.length === 0) throw invalid('empty_file', 'body', '文件为空', 'The file is empty')
  if (mediaType === pdfMediaType && bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    throw invalid('not_a_pdf', 'body', '文件内容不是 PDF（缺少 %PDF 文件头）', 'The content is not a PDF (no %PDF header)')
  }
  if (mediaType === docxMediaType && !(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    throw invalid('not_a_docx', 'body', '文件内容不是 DOCX（缺少 ZIP 文件头）', 'The content is not a DOCX (no ZIP header)')
  }
}

function cleanFileName(raw: string | undefined, mediaType: string): string {
  const ext = mediaType === pdfMediaType ? '.pdf' : '.docx'
  const name = [...(raw ?? '')].filter((c) => c.charCodeAt(0) >= 0x20 && !'\\/"'.includes(c)).join('').trim().slice(0, 150)
  if (!name) throw invalid('file_name_required', 'querystring.fileName', '请提供文件名', 'A file name is required')
  return name.toLowerCase().endsWith(ext) ? name : `${name}${ext}`
}

export async function addAttachment(db: Db, actor: Actor, planId: string, mediaType: string, fileName: string | undefined, bytes: Buffer): Promise<Static<typeof Attachment>> {
  checkContent(mediaType, bytes)
  const name = cleanFileName(fileName, mediaType)
  return db.transaction(async (tx) => {
    await loadForWrite(tx, actor, planId)
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const id = await queries.insertAttachment(tx, { planId, fileName: name, mediaType, bytes, sha256, byName: actor.name })
    const view = attachmentView((await queries.findAttachments(tx, planId)).find((a) => a.id === id)!)
    await recordAudit(tx, { actor, action: 'plan.attachment_add', entity: attachmentEntity, entityId: id, after: { planId, ...view } })
    return view
  })
}

export async function getAttachment(db: Db, actor: Actor, planId: string, id: string): Promise<{ fileName: string; mediaType: string; bytes: Buffer }> {
  await loadPlan(db, actor, planId)
  const row = await queries.findAttachmentContent(db, planId, id)
  if (!row) throw notFound(`附件 ${id}`, `Attachment ${id}`, 'params.attachmentId')
  return { fileName: row.file_name, mediaType: row.media_type, bytes: Buffer.from(row.data, 'base64') }
}

export async function removeAttachment(db: Db, actor: Actor, planId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await loadForWrite(tx, actor, planId)
    const before = (await queries.findAttachments(tx, planId)).find((a) => a.id === id)
    if (!before || !(await queries.deleteAttachment(tx, planId, id))) throw notFound(`附件 ${id}`, `Attachment ${id}`, 'params.attachmentId')
    await recordAudit(tx, { actor, action: 'plan.attachment_remove', entity: attachmentEntity, entityId: id, before: { planId, ...attachmentView(before) } })
  })
}

// ---- drills --------------------------------------------------------------------

function drillView(r: queries.DrillRow): DrillView {
  return {
    id: r.id, planId: r.plan_id, drillType: r.drill_type as DrillView['drillType'], name: r.name, heldOn: r.held_on, participants: r.participants,
    participantCount: r.participant_count, evaluation: r.evaluation, problems: r.problems, synthetic: r.synthetic, createdAt: iso(r.created_at),
  }
}

async function assertNotFuture(q: Queryable, heldOn: string): Promise<void> {
  if (heldOn > await todayInChina(q)) throw invalid('drill_in_future', 'body.heldOn', '演练日期不能晚于今天', 'A drill cannot be recorded for a future date')
}

export async function listDrills(db: Db, actor: Actor, planId: string): Promise<{ items: DrillView[] }> {
  await loadPlan(db, actor, planId)
  return { items: (await queries.findDrills(db, planId)).map(drillView) }
}

export async function addDrill(db: Db, actor: Actor, planId: string, body: Static<typeof DrillInput>): Promise<DrillView> {
  return db.transaction(async (tx) => {
    await loadForWrite(tx, actor, planId)
    await assertNotFuture(tx, body.heldOn)
    const id = await queries.insertDrill(tx, planId, {
      drill_type: body.drillType, name: body.name.trim(), held_on: body.heldOn, participants: body.participants, participant_count: body.participantCount,
      evaluation: body.evaluation, problems: body.problems, synthetic: false,
    })
    const view = drillView((await queries.findDrill(tx, planId, id))!)
    await recordAudit(tx, { actor, action: 'plan.drill_add', entity: drillEntity, entityId: id, after: view })
    return view
  })
}

export async function updateDrill(db: Db, actor: Actor, planId: string, id: string, body: Static<typeof DrillPatch>): Promise<DrillView> {
  return db.transaction(async (tx) => {
    await loadForWrite(tx, actor, planId)
    const row = await queries.findDrill(tx, planId, id)
    if (!row) throw notFound(`演练记录 ${id}`, `Drill ${id}`, 'params.drillId')
    if (body.heldOn !== undefined) await assertNotFuture(tx, body.heldOn)
    await queries.updateDrill(tx, id, {
      drill_type: body.drillType ?? row.drill_type, name: body.name?.trim() ?? row.name, held_on: body.heldOn ?? row.held_on,
      participants: body.participants ?? row.participants, participant_count: body.participantCount === undefined ? row.participant_count : body.participantCount,
      evaluation: body.evaluation ?? row.evaluation, problems: body.problems ?? row.problems, synthetic: row.synthetic,
    })
    const after = drillView((await queries.findDrill(tx, planId, id))!)
    await recordAudit(tx, { actor, action: 'plan.drill_update', entity: drillEntity, entityId: id, before: drillView(row), after })
    return after
  })
}

export async function deleteDrill(db: Db, actor: Actor, planId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await loadForWrite(tx, actor, planId)
    const row = await queries.findDrill(tx, planId, id)
    if (!row) throw notFound(`演练记录 ${id}`, `Drill ${id}`, 'params.drillId')
    await queries.deleteDrill(tx, id)
    await recordAudit(tx, { actor, action: 'plan.drill_delete', entity: drillEntity, entityId: id, before: drillView(row) })
  })
}

export type { ResponseLevel }
