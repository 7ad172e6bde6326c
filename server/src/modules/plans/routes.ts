/** HTTP only: the plans routes (/api/plans). */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { actorOf, type Role } from '../../http/access.ts'
import type { Platform } from '../../platform.ts'
import {
  Attachment, AttachmentParams, Drill, DrillInput, DrillParams, DrillPatch, ErrorSchema, IdParams, MatchBody, MatchResult, PlanDetail, PlanInput,
  PlanList, PlanListQuery, security,
} from './schemas.ts'
import * as service from './service.ts'
import { suggestPlans } from './suggest.ts'

const tags = ['plans']
const signedIn = { access: 'authenticated' as const }
/** 管理员、指挥长、部门人员 write plans */
export const planWriterRoles: readonly Role[] = ['admin', 'commander', 'department']
const writers = { access: planWriterRoles }
const binary = (description: string) => ({ 200: { type: 'string', format: 'binary', description } }) as const

export const plansRoutes = (platform: Platform): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = platform

  // PDF and DOCX attachments arrive as the raw body (max 20 MB), in this plugin's scope only.
  for (const mediaType of [service.pdfMediaType, service.docxMediaType]) {
    app.addContentTypeParser(mediaType, { parseAs: 'buffer', bodyLimit: service.maxAttachmentBytes }, (_request, body, done) => done(null, body))
  }

  app.get('/', {
    config: signedIn,
    schema: { tags, security, summary: '预案列表（含备案、修订、演练提醒）· Plans with their flags', querystring: PlanListQuery, response: { 200: PlanList } },
  }, (request) => service.listPlans(db, actorOf(request), request.query))

  app.post('/match', {
    config: signedIn,
    schema: {
      tags, security, summary: '预案匹配：按事件事实建议预案及响应等级，并说明理由 · Suggest plans and levels for incident facts, with reasons',
      body: MatchBody, response: { 200: MatchResult, 400: ErrorSchema },
    },
  }, async (request) => ({ suggestions: await suggestPlans(db, request.body.facts, { visibleTo: actorOf(request) }) }))

  app.get('/:id', {
    config: signedIn,
    schema: { tags, security, summary: '预案详情 · A plan with its organisation, levels, checklists, attachments and drills', params: IdParams, response: { 200: PlanDetail, 404: ErrorSchema } },
  }, (request) => service.getPlan(db, actorOf(request), request.params.id))

  app.post('/', {
    config: writers,
    schema: { tags, security, summary: '新增预案（整份结构化文档）· Create a plan from its whole document', body: PlanInput, response: { 201: PlanDetail, 400: ErrorSchema, 403: ErrorSchema } },
  }, async (request, reply) => reply.status(201).send(await service.createPlan(db, actorOf(request), request.body)))

  app.put('/:id', {
    config: writers,
    schema: { tags, security, summary: '修改预案（整份文档，留修订记录）· Replace a plan\'s document (a revision is recorded)', params: IdParams, body: PlanInput, response: { 200: PlanDetail, 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema } },
  }, (request) => service.replacePlan(db, actorOf(request), request.params.id, request.body))

  app.delete('/:id', {
    config: writers,
    schema: { tags, security, summary: '删除预案（有效预案须先废止）· Delete a plan (an effective one must be superseded first)', params: IdParams, response: { 204: Type.Null(), 404: ErrorSchema, 409: ErrorSchema } },
  }, async (request, reply) => {
    await service.deletePlan(db, actorOf(request), request.params.id)
    return reply.status(204).send(null)
  })

  app.post('/:id/attachments', {
    config: writers,
    bodyLimit: service.maxAttachmentBytes,
    schema: {
      tags, security, summary: '上传预案附件（PDF/DOCX 原始内容，≤ 20 MB）· Upload a PDF or DOCX attachment (raw body, max 20 MB)',
      params: IdParams, querystring: Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 200, description: '文件名 · file name' }) }),
      response: { 201: Attachment, 400: ErrorSchema, 404: ErrorSchema, 415: ErrorSchema },
    },
  }, async (request, reply) => {
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
    const body = request.body
    if (!Buffer.isBuffer(body)) {
      return reply.status(415).send({ error: { code: 'unsupported_media_type', message: '附件须为 PDF 或 DOCX', messageEn: 'Attachments must be PDF or DOCX', field: 'headers.content-type' } })
    }
    return reply.status(201).send(await service.addAttachment(db, actorOf(request), request.params.id, mediaType, request.query.fileName, body))
  })

  app.get('/:id/attachments/:attachmentId', {
    config: signedIn,
    schema: { tags, security, summary: '下载预案附件 · Download an attachment', params: AttachmentParams, response: { ...binary('PDF / DOCX'), 404: ErrorSchema } },
  }, async (request, reply) => {
    const file = await service.getAttachment(db, actorOf(request), request.params.id, request.params.attachmentId)
    const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')
    return (reply as FastifyReply)
      .header('content-type', file.mediaType)
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.bytes)
  })

  app.delete('/:id/attachments/:attachmentId', {
    config: writers,
    schema: { tags, security, summary: '删除预案附件 · Delete an attachment', params: AttachmentParams, response: { 204: Type.Null(), 404: ErrorSchema } },
  }, async (request, reply) => {
    await service.removeAttachment(db, actorOf(request), request.params.id, request.params.attachmentId)
    return reply.status(204).send(null)
  })

  app.get('/:id/drills', {
    config: signedIn,
    schema: { tags, security, summary: '演练记录 · Drills of a plan', params: IdParams, response: { 200: Type.Object({ items: Type.Array(Drill) }), 404: ErrorSchema } },
  }, (request) => service.listDrills(db, actorOf(request), request.params.id))

  app.post('/:id/drills', {
    config: writers,
    schema: { tags, security, summary: '登记演练（桌面/实战）· Record a drill (tabletop or live)', params: IdParams, body: DrillInput, response: { 201: Drill, 400: ErrorSchema, 404: ErrorSchema } },
  }, async (request, reply) => reply.status(201).send(await service.addDrill(db, actorOf(request), request.params.id, request.body)))

  app.patch('/:id/drills/:drillId', {
    config: writers,
    schema: { tags, security, summary: '修改演练记录 · Edit a drill', params: DrillParams, body: DrillPatch, response: { 200: Drill, 400: ErrorSchema, 404: ErrorSchema } },
  }, (request) => service.updateDrill(db, actorOf(request), request.params.id, request.params.drillId, request.body))

  app.delete('/:id/drills/:drillId', {
    config: writers,
    schema: { tags, security, summary: '删除演练记录 · Delete a drill', params: DrillParams, response: { 204: Type.Null(), 404: ErrorSchema } },
  }, async (request, reply) => {
    await service.deleteDrill(db, actorOf(request), request.params.id, request.params.drillId)
    return reply.status(204).send(null)
  })
}
