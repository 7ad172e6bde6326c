/** HTTP only: incidents, response, tasks, command log, situation reports, duty roster, live stream. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { categoryNames, incidentCategories, incidentSubtypes } from '@yingji/domain/incidents/classification'
import { taskActions, type TaskAction } from '@yingji/domain/incidents/taskStatus'
import { actorOf, type Role } from '../../http/access.ts'
import { ErrorSchema, security } from '../../http/openapi.ts'
import type { IncidentsContext } from './context.ts'
import * as duty from './duty.ts'
import { loadIncident } from './incident.ts'
import * as logService from './logService.ts'
import { markAllRead, markRead, notificationsOf } from './notifications.ts'
import * as response from './response.ts'
import * as s from './schemas.ts'
import * as service from './service.ts'
import * as sitreps from './sitrep/service.ts'
import * as tasks from './tasks.ts'
import * as v from './viewSchemas.ts'

const tags = ['incidents']
const signedIn = { access: 'authenticated' as const }
const roles = (...list: Role[]) => ({ access: list })
const reporters = roles('admin', 'duty_officer', 'commander', 'department', 'township', 'village')
const responders = roles('admin', 'duty_officer', 'commander', 'department', 'township')
const commanders = roles('commander')
const dispatchers = roles('admin', 'duty_officer', 'commander')
const taskWorkers = roles('admin', 'duty_officer', 'commander', 'department', 'township', 'village')
const errors = { 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema }
const uploadLimit = 16 * 1024 * 1024
/** A POST with no body at all (a button press) validates as `{}`. */
const emptyBodyIsObject = async (request: { body: unknown }) => { if (request.body === undefined || request.body === null) request.body = {} }

export const incidentRoutes = (ctx: IncidentsContext): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = ctx

  app.get('/classification', {
    config: signedIn,
    schema: { tags, security, summary: '突发事件分类（类别与子类）· Incident categories and subtypes', response: { 200: v.Classification } },
  }, () => ({
    categories: incidentCategories.map((c) => ({ code: c, name: categoryNames[c].zh, nameEn: categoryNames[c].en, subtypes: incidentSubtypes.filter((t) => t.category === c).map((t) => ({ code: t.code, name: t.name, nameEn: t.nameEn })) })),
  }))

  app.get('/', {
    config: signedIn,
    schema: { tags, security, summary: '事件列表 · Incidents', querystring: s.IncidentListQuery, response: { 200: v.IncidentList, ...errors } },
  }, (request) => service.listIncidents(db, actorOf(request), request.query))

  app.post('/', {
    config: reporters,
    schema: { tags, security, summary: '新建事件（值班接报、村级报告、手工）· Report an incident (call, village report, manual)', body: s.CreateIncidentBody, response: { 201: v.Incident, ...errors } },
  }, async (request, reply) => {
    const created = await service.createIncident(ctx, actorOf(request), request.body)
    return reply.status(201).send(created)
  })

  app.post('/from-alarm/:alarmId', {
    config: responders,
    schema: { tags, security, summary: '由告警一键生成事件 · Open an incident from an alarm (one click)', params: s.AlarmParams, response: { 200: v.IncidentFromAlarm, 201: v.IncidentFromAlarm, ...errors } },
  }, async (request, reply) => {
    const { created, incident } = await service.createFromAlarm(ctx, actorOf(request), request.params.alarmId)
    return reply.status(created ? 201 : 200).send({ ...incident, created })
  })

  app.get('/notifications', {
    config: signedIn,
    schema: { tags, security, summary: '我的事件通知 · My incident notifications', response: { 200: v.Notifications } },
  }, (request) => notificationsOf(db, actorOf(request)))

  app.post('/notifications/:notificationId/read', {
    config: signedIn,
    schema: { tags, security, summary: '标记通知已读 · Mark a notification read', params: Type.Object({ notificationId: Type.Integer({ minimum: 1 }) }), response: { 200: v.Notifications, ...errors } },
  }, (request) => markRead(db, actorOf(request), request.params.notificationId))

  app.post('/notifications/read-all', {
    config: signedIn,
    schema: { tags, security, summary: '全部标记已读 · Mark all notifications read', response: { 200: v.Notifications } },
  }, (request) => markAllRead(db, actorOf(request)))

  app.get('/notifications/stream', {
    config: signedIn,
    schema: { tags, security, summary: '通知实时推送（SSE：notification）· New notifications, live (SSE)' },
  }, async (request, reply) => {
    const actor = actorOf(request)
    reply.hijack()
    const out = reply.raw
    out.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' })
    out.write('retry: 3000\n\nevent: hello\ndata: {}\n\n')
    const remove = ctx.notices.add(actor, out)
    request.raw.on('close', remove)
  })

  // ---- duty roster ----
  app.get('/duty/now', {
    config: signedIn,
    schema: { tags, security, summary: '当前值班 · Who is on duty now', querystring: s.DutyNowQuery, response: { 200: v.DutyNow, ...errors } },
  }, (request) => duty.dutyNow(db, actorOf(request), request.query))

  app.get('/duty/people', {
    config: dispatchers,
    schema: { tags, security, summary: '可排班人员（管辖范围内的用户账号）· Accounts that can be put on the roster', response: { 200: v.DutyPeople, ...errors } },
  }, (request) => duty.dutyPeople(db, actorOf(request)))

  app.get('/duty/shifts', {
    config: signedIn,
    schema: { tags, security, summary: '值班表 · Duty shifts', querystring: s.ShiftQuery, response: { 200: v.ItemsOf(v.Shift), ...errors } },
  }, (request) => duty.listShifts(db, actorOf(request), request.query))

  app.post('/duty/shifts', {
    config: dispatchers,
    schema: { tags, security, summary: '排班 · Add a duty shift', body: s.ShiftBody, response: { 201: v.Shift, ...errors } },
  }, async (request, reply) => reply.status(201).send(await duty.createShift(db, actorOf(request), request.body)))

  app.delete('/duty/shifts/:id', {
    config: dispatchers,
    schema: { tags, security, summary: '删除班次 · Delete a shift', params: s.IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await duty.deleteShift(db, actorOf(request), request.params.id)
    return reply.status(204).send(null)
  })

  app.get('/duty/handovers', {
    config: signedIn,
    schema: { tags, security, summary: '交接班记录 · Handover notes', response: { 200: v.ItemsOf(v.Handover) } },
  }, (request) => duty.listHandovers(db, actorOf(request)))

  app.post('/duty/handovers', {
    config: roles('admin', 'duty_officer', 'commander', 'township'),
    schema: { tags, security, summary: '记录交接班 · Record a handover', body: s.HandoverBody, response: { 201: v.Handover, ...errors } },
  }, async (request, reply) => reply.status(201).send(await duty.createHandover(db, actorOf(request), request.body)))

  // ---- tasks by id ----
  for (const action of taskActions) {
    app.post(`/tasks/:taskId/${action}`, {
      config: taskWorkers,
      bodyLimit: uploadLimit,
      preValidation: emptyBodyIsObject,
      schema: {
        tags, security, params: s.TaskParams, body: s.TaskActionBody, response: { 200: v.Task, ...errors },
        summary: { accept: '接收任务 · Accept a task', start: '开始处置 · Start a task', done: '完成任务 · Complete a task', block: '报告受阻（须说明）· Report a task blocked' }[action],
      },
    }, (request) => tasks.actOnTask(ctx, actorOf(request), request.params.taskId, action as TaskAction, request.body))
  }

  app.post('/tasks/:taskId/feedback', {
    config: taskWorkers,
    bodyLimit: uploadLimit,
    schema: { tags, security, summary: '任务反馈（文字、照片）· Task feedback (text, photos)', params: s.TaskParams, body: s.FeedbackBody, response: { 200: v.Task, ...errors } },
  }, (request) => tasks.addFeedback(ctx, actorOf(request), request.params.taskId, request.body))

  // ---- one incident ----
  app.get('/:id', {
    config: signedIn,
    schema: { tags, security, summary: '事件详情（指挥板所需全部数据）· An incident with everything its board shows', params: s.IdParams, response: { 200: v.IncidentDetail, ...errors } },
  }, (request) => service.getIncidentDetail(db, actorOf(request), request.params.id))

  app.patch('/:id/facts', {
    config: responders,
    schema: { tags, security, summary: '更新事件事实（重新定级并记录）· Update the facts (re-graded, logged)', params: s.IdParams, body: s.FactsPatchBody, response: { 200: v.Incident, ...errors } },
  }, (request) => service.patchFacts(ctx, actorOf(request), request.params.id, request.body))

  app.post('/:id/close', {
    config: dispatchers,
    schema: { tags, security, summary: '结束事件 · Close an incident', params: s.IdParams, body: s.CloseBody, response: { 200: v.Incident, ...errors } },
  }, (request) => service.closeIncident(ctx, actorOf(request), request.params.id, request.body.summary))

  app.post('/:id/reporting/:step/done', {
    config: responders,
    schema: { tags, security, summary: '标记已向该级上报 · Mark a reporting step done', params: s.StepParams, response: { 200: v.Incident, ...errors } },
  }, (request) => service.markReported(ctx, actorOf(request), request.params.id, request.params.step))

  app.post('/:id/attachments', {
    config: reporters,
    bodyLimit: uploadLimit,
    schema: { tags, security, summary: '上传附件（照片、PDF、DOCX，≤10 MB）· Attach a photo or document', params: s.IdParams, body: s.AttachmentBody, response: { 201: v.AttachmentCreated, ...errors } },
  }, async (request, reply) => reply.status(201).send(await service.addAttachment(ctx, actorOf(request), request.params.id, request.body)))

  app.get('/:id/attachments/:attachmentId', {
    config: signedIn,
    schema: {
      tags, security, summary: '下载或打开附件 · Download an attachment (inline=true opens it in the browser)',
      params: Type.Object({ id: Type.String({ format: 'uuid' }), attachmentId: Type.String({ format: 'uuid' }) }),
      querystring: Type.Object({ inline: Type.Boolean({ default: false }) }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const file = await service.getAttachment(db, actorOf(request), request.params.id, request.params.attachmentId)
    // Inline is safe: uploads are limited to images, PDF and DOCX whose bytes match the type (files.ts); nosniff keeps it so.
    return reply.header('content-type', file.mediaType)
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', `${request.query.inline ? 'inline' : 'attachment'}; filename="file"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.bytes)
  })

  app.get('/:id/suggestions', {
    config: signedIn,
    schema: { tags, security, summary: '处置建议：匹配预案及等级、救助响应/事故等级、周边资源与风险 · Suggested plans and levels, grades, nearby resources and risks', params: s.IdParams, querystring: s.NearbyQuery, response: { 200: v.Suggestions, ...errors } },
  }, (request) => response.suggestions(db, actorOf(request), request.params.id, request.query.radiusKm))

  app.post('/:id/activate', {
    config: commanders,
    schema: { tags, security, summary: '启动或调整应急响应（指挥长）· Activate a plan level or change the level (commander)', params: s.IdParams, body: s.ActivateBody, response: { 200: v.Activation, ...errors } },
  }, (request) => response.activate(ctx, actorOf(request), request.params.id, request.body))

  app.get('/:id/tasks', {
    config: signedIn,
    schema: { tags, security, summary: '处置任务 · Tasks of an incident', params: s.IdParams, response: { 200: v.ItemsOf(v.Task), ...errors } },
  }, (request) => tasks.listTasks(db, actorOf(request), request.params.id))

  app.post('/:id/tasks', {
    config: dispatchers,
    schema: { tags, security, summary: '下达任务 · Assign a task', params: s.IdParams, body: s.CreateTaskBody, response: { 201: v.Task, ...errors } },
  }, async (request, reply) => reply.status(201).send(await tasks.createTask(ctx, actorOf(request), request.params.id, request.body)))

  app.get('/:id/log', {
    config: signedIn,
    schema: { tags, security, summary: '指挥日志 · Command log', params: s.IdParams, response: { 200: v.ItemsOf(v.LogEntry), ...errors } },
  }, (request) => logService.listLog(db, actorOf(request), request.params.id))

  app.post('/:id/log', {
    config: responders,
    schema: { tags, security, summary: '记录决策、电话、记事 · Add a decision, call or note', params: s.IdParams, body: s.LogEntryBody, response: { 201: v.LogEntry, ...errors } },
  }, async (request, reply) => reply.status(201).send(await logService.addEntry(ctx, actorOf(request), request.params.id, request.body)))

  app.post('/:id/log/:entryId/annotations', {
    config: responders,
    schema: { tags, security, summary: '批注日志条目（日志不可修改）· Annotate an entry (entries are never edited)', params: s.LogParams, body: s.AnnotationBody, response: { 201: v.LogEntry, ...errors } },
  }, async (request, reply) => reply.status(201).send(await logService.annotate(ctx, actorOf(request), request.params.id, request.params.entryId, request.body)))

  app.get('/:id/sitreps', {
    config: signedIn,
    schema: { tags, security, summary: '续报列表（各期最新版）· Situation reports (latest versions)', params: s.IdParams, response: { 200: v.ItemsOf(v.Sitrep), ...errors } },
  }, async (request) => {
    await loadIncident(db, actorOf(request), request.params.id)
    return { items: await sitreps.sitrepsOf(db, request.params.id) }
  })

  app.post('/:id/sitreps', {
    config: responders,
    preValidation: emptyBodyIsObject,
    schema: { tags, security, summary: '生成续报草稿 · Draft a situation report from the incident data', params: s.IdParams, body: s.SitrepCreateBody, response: { 201: v.Sitrep, ...errors } },
  }, async (request, reply) => reply.status(201).send(await sitreps.createSitrep(ctx, actorOf(request), request.params.id, request.body)))

  app.get('/:id/sitreps/:sitrepId', {
    config: signedIn,
    schema: { tags, security, summary: '续报（含全部版本）· A situation report with its versions', params: s.SitrepParams, response: { 200: v.SitrepWithVersions, ...errors } },
  }, (request) => sitreps.getSitrep(db, actorOf(request), request.params.id, request.params.sitrepId))

  app.patch('/:id/sitreps/:sitrepId', {
    config: responders,
    schema: { tags, security, summary: '修改续报（保存为新版本）· Edit a report (saved as a new version)', params: s.SitrepParams, body: s.SitrepPatchBody, response: { 200: v.Sitrep, ...errors } },
  }, (request) => sitreps.saveSitrep(ctx, actorOf(request), request.params.id, request.params.sitrepId, request.body))

  app.get('/:id/sitreps/:sitrepId/docx', {
    config: signedIn,
    schema: { tags, security, summary: '导出续报 .docx · Export a report as .docx', params: s.SitrepParams, querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    const file = await sitreps.exportSitrep(ctx, actorOf(request), request.params.id, request.params.sitrepId, request.query.version)
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="sitrep.docx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.bytes)
  })

  app.get('/:id/stream', {
    config: signedIn,
    schema: { tags, security, summary: '事件实时推送（SSE：change）· Live changes of an incident (SSE)', params: s.IdParams },
  }, async (request, reply) => {
    await loadIncident(db, actorOf(request), request.params.id)
    reply.hijack()
    const out = reply.raw
    out.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' })
    out.write(`retry: 3000\n\nevent: hello\ndata: ${JSON.stringify({ incidentId: request.params.id })}\n\n`)
    const remove = ctx.hub.add(request.params.id, out)
    request.raw.on('close', remove)
  })
}
