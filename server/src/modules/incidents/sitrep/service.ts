/**
 * Situation reports (续报): a draft composed from the incident's data (domain/src/incidents/
 * sitrepText.ts), edited section by section, every save a new version (none is overwritten),
 * exported as .docx. Generating, saving and exporting are written on the command log.
 */
import crypto from 'node:crypto'
import type { Static } from '@fastify/type-provider-typebox'
import { sql } from 'drizzle-orm'
import { composeSitrep, type SitrepSection } from '@yingji/domain/incidents/sitrepText'
import { categoryNames, subtypeOf, type IncidentCategory } from '@yingji/domain/incidents/classification'
import type { Db, Queryable } from '../../../db/database.ts'
import { queryRows } from '../../../db/rows.ts'
import type { Actor } from '../../../http/access.ts'
import { notFound } from '../../../http/errors.ts'
import { recordAudit } from '../../auth/index.ts'
import { divisionNames } from '../../geo/index.ts'
import { changed, type IncidentsContext } from '../context.ts'
import { gradesOf } from '../grading.ts'
import { reliefRulesOf } from '../reliefThresholds.ts'
import { assertOpen, iso, loadIncident } from '../incident.ts'
import { appendLog, logOf } from '../log.ts'
import type { SitrepCreateBody, SitrepPatchBody } from '../schemas.ts'
import { warningsFor } from '../service.ts'
import { tasksOf } from '../tasks.ts'
import { sitrepDocx } from './docx.ts'

const entity = 'incidents.sitrep'
export const defaultIssuer = '乐平市应急管理局'

interface VersionRow { sitrep_id: string; number: number; version: number; title: string; issuer: string; signer: string; report_date: string | Date; sections: SitrepSection[]; saved_by_name: string; saved_at: Date | string }

const dateOnly = (v: string | Date) => (typeof v === 'string' ? v.slice(0, 10) : new Date(v.getTime() - v.getTimezoneOffset() * 60_000).toISOString().slice(0, 10))

function versionView(r: VersionRow, incidentId: string) {
  return {
    id: r.sitrep_id, incidentId, number: r.number, version: r.version, title: r.title, issuer: r.issuer, signer: r.signer,
    reportDate: dateOnly(r.report_date), sections: r.sections, savedBy: r.saved_by_name, savedAt: iso(r.saved_at),
    docxUrl: `/api/incidents/${incidentId}/sitreps/${r.sitrep_id}/docx`,
  }
}

export type SitrepView = ReturnType<typeof versionView>

/** The latest version of each report, newest report first. */
export async function sitrepsOf(q: Queryable, incidentId: string): Promise<SitrepView[]> {
  const rows = await queryRows<VersionRow>(q, sql`
    SELECT DISTINCT ON (s.number) v.sitrep_id, s.number, v.version, v.title, v.issuer, v.signer, v.report_date::text AS report_date, v.sections, v.saved_by_name, v.saved_at
    FROM incidents.sitreps s JOIN incidents.sitrep_versions v ON v.sitrep_id = s.id
    WHERE s.incident_id = ${incidentId} ORDER BY s.number DESC, v.version DESC`)
  return rows.map((r) => versionView(r, incidentId))
}

async function versionsOf(q: Queryable, incidentId: string, sitrepId: string): Promise<VersionRow[]> {
  const rows = await queryRows<VersionRow>(q, sql`
    SELECT v.sitrep_id, s.number, v.version, v.title, v.issuer, v.signer, v.report_date::text AS report_date, v.sections, v.saved_by_name, v.saved_at
    FROM incidents.sitreps s JOIN incidents.sitrep_versions v ON v.sitrep_id = s.id
    WHERE s.incident_id = ${incidentId} AND s.id = ${sitrepId} ORDER BY v.version`)
  if (rows.length === 0) throw notFound(`续报 ${sitrepId}`, `Situation report ${sitrepId}`, 'params.sitrepId')
  return rows
}

async function insertVersion(q: Queryable, sitrepId: string, version: number, v: { title: string; issuer: string; signer: string; sections: SitrepSection[] }, actor: Actor): Promise<void> {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
  await q.execute(sql`
    INSERT INTO incidents.sitrep_versions (sitrep_id, version, title, issuer, signer, report_date, sections, saved_by_name)
    VALUES (${sitrepId}, ${version}, ${v.title}, ${v.issuer}, ${v.signer}, ${today}, ${JSON.stringify(v.sections)}::jsonb, ${actor.name})`)
}

/** A new report (第N期), drafted from what the incident holds now. */
export async function createSitrep(ctx: IncidentsContext, actor: Actor, incidentId: string, body: Static<typeof SitrepCreateBody>): Promise<SitrepView> {
  const view = await ctx.db.transaction(async (tx) => {
    const row = await loadIncident(tx, actor, incidentId, true)
    assertOpen(row)
    const [{ n }] = (await queryRows<{ n: number }>(tx, sql`SELECT coalesce(max(number), 0)::int + 1 AS n FROM incidents.sitreps WHERE incident_id = ${incidentId}`)) as [{ n: number }]
    const place = (await divisionNames(tx, [row.division_code])).get(row.division_code) ?? ''
    const grades = gradesOf(row.category, row.facts, (await reliefRulesOf(tx))(row.division_code))
    const tasks = await tasksOf(tx, incidentId)
    const log = await logOf(tx, incidentId)
    const warnings = await warningsFor(tx, row)
    const f = row.facts
    const draft = composeSitrep({
      number: n,
      incident: {
        title: row.title, categoryName: categoryNames[row.category as IncidentCategory]?.zh ?? row.category, subtypeName: subtypeOf(row.subtype)?.name ?? row.subtype,
        place: ['乐平市', place, row.address ?? ''], occurredAt: new Date(row.occurred_at), description: row.description,
        facts: { deaths: f.deaths, missing: f.missing, injured: f.injured, seriousInjuries: f.seriousInjuries, affected: f.affected, evacuated: f.evacuated, directLossYuan: f.directLossYuan },
        accidentGradeName: grades.accident?.name ?? null,
        reliefLevelName: grades.relief && grades.relief.level !== null ? grades.relief.name : null,
      },
      response: row.plan_id ? { planName: row.plan_name ?? '', level: row.response_level ?? 4, activatedAt: new Date(row.activated_at ?? row.updated_at) } : null,
      tasks: tasks.map((t) => ({ title: t.title, assignee: t.assignee.name, status: t.status, feedback: t.feedback, overdue: t.overdue })),
      resources: [...new Map(tasks.filter((t) => t.assignee.kind === 'team').map((t) => [t.assignee.name, t.assignee.name])).values()],
      warnings: warnings.map((w) => ({ headline: w.headline, levelName: w.levelName, sentAt: w.sentAt ? new Date(w.sentAt) : null })),
      // Decisions taken by people, and the level changes after the first activation.
      decisions: log.filter((e) => (e.manual && e.kind === 'decision') || e.kind === 'level_changed').map((e) => ({ at: new Date(e.at), text: e.text })),
      now: new Date(),
    })
    const id = crypto.randomUUID()
    await tx.execute(sql`INSERT INTO incidents.sitreps (id, incident_id, number, created_by_name) VALUES (${id}, ${incidentId}, ${n}, ${actor.name})`)
    await insertVersion(tx, id, 1, { title: draft.title, issuer: body.issuer ?? defaultIssuer, signer: body.signer ?? '', sections: draft.sections }, actor)
    await appendLog(tx, incidentId, actor, { kind: 'sitrep_saved', text: `生成续报第${n}期草稿：${draft.title}`, data: { sitrepId: id, version: 1 } })
    const created = versionView((await versionsOf(tx, incidentId, id))[0]!, incidentId)
    await recordAudit(tx, { actor, action: 'sitrep.create', entity, entityId: id, after: created })
    return created
  })
  changed(ctx, incidentId, ['sitreps', 'log'], view.id)
  return view
}

export async function saveSitrep(ctx: IncidentsContext, actor: Actor, incidentId: string, sitrepId: string, body: Static<typeof SitrepPatchBody>): Promise<SitrepView> {
  const view = await ctx.db.transaction(async (tx) => {
    await loadIncident(tx, actor, incidentId, true)
    const versions = await versionsOf(tx, incidentId, sitrepId)
    const last = versions[versions.length - 1]!
    const next = { title: body.title ?? last.title, issuer: body.issuer ?? last.issuer, signer: body.signer ?? last.signer, sections: body.sections ?? last.sections }
    await insertVersion(tx, sitrepId, last.version + 1, next, actor)
    await appendLog(tx, incidentId, actor, { kind: 'sitrep_saved', text: `修改续报第${last.number}期（第${last.version + 1}版）`, data: { sitrepId, version: last.version + 1 } })
    const saved = versionView((await versionsOf(tx, incidentId, sitrepId)).at(-1)!, incidentId)
    await recordAudit(tx, { actor, action: 'sitrep.save', entity, entityId: sitrepId, before: versionView(last, incidentId), after: saved })
    return saved
  })
  changed(ctx, incidentId, ['sitreps', 'log'], sitrepId)
  return view
}

export async function getSitrep(db: Db, actor: Actor, incidentId: string, sitrepId: string) {
  await loadIncident(db, actor, incidentId)
  const versions = (await versionsOf(db, incidentId, sitrepId)).map((v) => versionView(v, incidentId))
  return { ...versions.at(-1)!, versions }
}

/** The latest version as .docx (or the version asked for); the export is logged. */
export async function exportSitrep(ctx: IncidentsContext, actor: Actor, incidentId: string, sitrepId: string, version?: number): Promise<{ fileName: string; bytes: Buffer }> {
  const result = await ctx.db.transaction(async (tx) => {
    await loadIncident(tx, actor, incidentId)
    const versions = await versionsOf(tx, incidentId, sitrepId)
    const v = version === undefined ? versions.at(-1)! : versions.find((x) => x.version === version)
    if (!v) throw notFound(`续报版本 ${version}`, `Version ${version}`, 'querystring.version')
    const bytes = await sitrepDocx({ title: v.title, issuer: v.issuer, signer: v.signer, number: v.number, reportDate: new Date(`${dateOnly(v.report_date)}T00:00:00+08:00`), sections: v.sections })
    await appendLog(tx, incidentId, actor, { kind: 'sitrep_exported', text: `导出续报第${v.number}期（第${v.version}版）`, data: { sitrepId, version: v.version } })
    return { fileName: `${v.title}.docx`, bytes }
  })
  changed(ctx, incidentId, ['log'])
  return result
}
