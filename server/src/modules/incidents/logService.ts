/** People's entries on the command log: decisions, calls, notes, and annotations of earlier entries. */
import type { Static } from '@fastify/type-provider-typebox'
import type { Db } from '../../db/database.ts'
import type { Actor } from '../../http/access.ts'
import { invalid, notFound } from '../../http/errors.ts'
import { recordAudit } from '../auth/index.ts'
import { changed, type IncidentsContext } from './context.ts'
import { loadIncident } from './incident.ts'
import { appendLog, logEntryExists, logOf, type LogEntry } from './log.ts'
import type { AnnotationBody, LogEntryBody } from './schemas.ts'

export async function listLog(db: Db, actor: Actor, id: string) {
  await loadIncident(db, actor, id)
  return { items: await logOf(db, id) }
}

async function entryOf(db: Db, incidentId: string, entryId: number): Promise<LogEntry> {
  return (await logOf(db, incidentId)).find((e) => e.id === entryId)!
}

export async function addEntry(ctx: IncidentsContext, actor: Actor, id: string, body: Static<typeof LogEntryBody>): Promise<LogEntry> {
  if (body.at && Date.parse(body.at) > Date.now() + 10 * 60_000) throw invalid('at_in_future', 'body.at', 'body.at 不能晚于当前时间', 'body.at cannot be in the future')
  const entryId = await ctx.db.transaction(async (tx) => {
    await loadIncident(tx, actor, id, true)
    const entryId = await appendLog(tx, id, actor, { kind: body.kind, text: body.text, manual: true, at: body.at })
    await recordAudit(tx, { actor, action: 'log.add', entity: 'incidents.log', entityId: String(entryId), after: body })
    return entryId
  })
  changed(ctx, id, ['log'], entryId)
  return entryOf(ctx.db, id, entryId)
}

export async function annotate(ctx: IncidentsContext, actor: Actor, id: string, target: number, body: Static<typeof AnnotationBody>): Promise<LogEntry> {
  const entryId = await ctx.db.transaction(async (tx) => {
    await loadIncident(tx, actor, id, true)
    if (!(await logEntryExists(tx, id, target))) throw notFound(`日志条目 ${target}`, `Log entry ${target}`, 'params.entryId')
    const entryId = await appendLog(tx, id, actor, { kind: 'annotation', text: body.text, manual: true, annotates: target })
    await recordAudit(tx, { actor, action: 'log.annotate', entity: 'incidents.log', entityId: String(entryId), after: { annotates: target, text: body.text } })
    return entryId
  })
  changed(ctx, id, ['log'], entryId)
  return entryOf(ctx.db, id, entryId)
}
