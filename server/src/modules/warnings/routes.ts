/** HTTP only: authoring and approval of warnings (/api/warnings), and their subscribers. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, type Role } from '../../http/access.ts'
import type { Platform } from '../../platform.ts'
import {
  AlarmParams, CommentBody, CreateWarningBody, DraftFromAlarm, ErrorSchema, Hazards, IdParams, ReasonBody, security, Templates,
  TemplatesQuery, UpdateWarningBody, Warning, WarningDetail, WarningListQuery, WarningPage,
} from './schemas.ts'
import * as service from './service.ts'
import { subscriberRoutes } from './subscribers/routes.ts'

const tags = ['warnings']
const signedIn = { access: 'authenticated' as const }
const authors = { access: ['admin', 'duty_officer', 'commander', 'department', 'township'] as const satisfies readonly Role[] }
const approvers = { access: ['admin', 'commander'] as const satisfies readonly Role[] }
const commanders = { access: ['commander'] as const satisfies readonly Role[] }
const errors = { 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema }

export const warningsRoutes = (platform: Platform): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = platform
  const issued = <T>(result: T): T => { platform.outbox.nudge(); return result }

  await app.register(subscriberRoutes(platform), { prefix: '/subscribers' })

  app.get('/hazards', {
    config: signedIn,
    schema: { tags, security, summary: '预警灾种与级别 · Hazard catalogue and levels', response: { 200: Hazards } },
  }, () => service.hazards())

  app.get('/templates', {
    config: signedIn,
    schema: { tags, security, summary: '防御指南模板 · Instruction templates per hazard and level', querystring: TemplatesQuery, response: { 200: Templates } },
  }, (request) => service.templates(request.query))

  app.get('/from-alarm/:alarmId', {
    config: authors,
    schema: { tags, security, summary: '由告警预填预警 · A draft body prefilled from an alarm', params: AlarmParams, response: { 200: DraftFromAlarm, 404: ErrorSchema } },
  }, (request) => service.draftFromAlarm(db, actorOf(request), request.params.alarmId))

  app.post('/from-alarm/:alarmId', {
    config: authors,
    schema: {
      tags, security, summary: '由告警一键生成预警草稿 · Create a draft from an alarm', params: AlarmParams,
      querystring: Type.Object({ area: Type.Optional(Type.Union([Type.Literal('township'), Type.Literal('circle')])) }),
      response: { 201: Warning, ...errors },
    },
  }, async (request, reply) => reply.status(201).send(await service.createFromAlarm(db, actorOf(request), request.params.alarmId, request.query.area)))

  app.get('/', {
    config: signedIn,
    schema: { tags, security, summary: '预警列表 · Warnings', querystring: WarningListQuery, response: { 200: WarningPage } },
  }, (request) => service.listWarnings(db, actorOf(request), request.query))

  app.post('/', {
    config: authors,
    schema: { tags, security, summary: '新建预警草稿 · Create a draft warning', body: CreateWarningBody, response: { 201: Warning, ...errors } },
  }, async (request, reply) => reply.status(201).send(await service.createWarning(db, actorOf(request), request.body)))

  app.get('/:id', {
    config: signedIn,
    schema: { tags, security, summary: '预警详情（草稿附 CAP 预览）· A warning (drafts with a CAP preview)', params: IdParams, response: { 200: WarningDetail, 404: ErrorSchema } },
  }, (request) => service.getWarning(db, actorOf(request), request.params.id))

  app.patch('/:id', {
    config: authors,
    schema: { tags, security, summary: '修改草稿 · Edit a draft or rejected warning', params: IdParams, body: UpdateWarningBody, response: { 200: Warning, ...errors } },
  }, (request) => service.updateDraft(db, actorOf(request), request.params.id, request.body))

  app.delete('/:id', {
    config: authors,
    schema: { tags, security, summary: '删除草稿 · Delete a draft', params: IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await service.deleteDraft(db, actorOf(request), request.params.id)
    return reply.status(204).send(null)
  })

  app.post('/:id/submit', {
    config: authors,
    schema: { tags, security, summary: '提交审批 · Submit for approval', params: IdParams, response: { 200: Warning, ...errors } },
  }, (request) => service.submitWarning(db, actorOf(request), request.params.id))

  app.post('/:id/approve', {
    config: approvers,
    schema: { tags, security, summary: '审批发布（CAP Alert/Update）· Approve and issue', params: IdParams, response: { 200: Warning, ...errors } },
  }, async (request) => issued(await service.approveWarning(db, actorOf(request), request.params.id)))

  app.post('/:id/reject', {
    config: approvers,
    schema: { tags, security, summary: '退回 · Reject back to the author', params: IdParams, body: CommentBody, response: { 200: Warning, ...errors } },
  }, (request) => service.rejectWarning(db, actorOf(request), request.params.id, request.body.comment))

  app.post('/:id/issue-emergency', {
    config: commanders,
    schema: { tags, security, summary: '指挥长紧急直接发布红色预警 · A commander issues a red warning alone in an emergency', params: IdParams, body: ReasonBody, response: { 200: Warning, ...errors } },
  }, async (request) => issued(await service.issueInEmergency(db, actorOf(request), request.params.id, request.body.reason)))

  app.post('/:id/update', {
    config: authors,
    schema: { tags, security, summary: '更新已发布预警（生成 Update 草稿）· Draft an Update of an issued warning', params: IdParams, body: UpdateWarningBody, response: { 201: Warning, ...errors } },
  }, async (request, reply) => reply.status(201).send(await service.draftUpdate(db, actorOf(request), request.params.id, request.body)))

  app.post('/:id/cancel', {
    config: approvers,
    schema: { tags, security, summary: '解除预警（立即发布 Cancel）· Cancel an issued warning at once', params: IdParams, body: ReasonBody, response: { 201: Warning, ...errors } },
  }, async (request, reply) => reply.status(201).send(issued(await service.cancelWarning(db, actorOf(request), request.params.id, request.body.reason))))
}
