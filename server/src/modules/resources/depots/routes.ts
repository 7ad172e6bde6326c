/** HTTP only: depots (储备库) under /api/resources/depots. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf } from '../../../http/access.ts'
import type { Platform } from '../../../platform.ts'
import { sendWorkbook, xlsxResponse } from '../core/excel.ts'
import { writerRoles } from '../core/scope.ts'
import { ErrorSchema, IdParams, ImportResult, Page, security } from '../core/schemas.ts'
import { depotTemplate, exportDepots, importDepots } from './excel.ts'
import { CreateDepotBody, Depot, DepotListQuery, DepotMap, UpdateDepotBody } from './schemas.ts'
import * as service from './service.ts'

const tags = ['resources']
const signedIn = { access: 'authenticated' as const }
const writers = { access: writerRoles }

export const depotRoutes = (platform: Platform): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = platform

  app.get('/depots', {
    config: signedIn,
    schema: { tags, security, summary: '储备库列表 · Depots', querystring: DepotListQuery, response: { 200: Page(Depot) } },
  }, (request) => service.listDepots(db, actorOf(request), request.query))

  app.get('/depots/map', {
    config: signedIn,
    schema: { tags, security, summary: '储备库图层 · Depot map layer', querystring: DepotListQuery, response: { 200: DepotMap } },
  }, (request) => service.depotMap(db, actorOf(request), request.query))

  app.get('/depots/template', {
    config: signedIn,
    schema: { tags, security, summary: '储备库导入模板 · Depot import template (.xlsx)', response: xlsxResponse },
  }, async (_request, reply) => sendWorkbook(reply, await depotTemplate(), '储备库导入模板.xlsx', 'depots-template.xlsx'))

  app.get('/depots/export', {
    config: signedIn,
    schema: { tags, security, summary: '导出储备库 · Export depots (.xlsx)', querystring: DepotListQuery, response: xlsxResponse },
  }, async (request, reply) => sendWorkbook(reply, await exportDepots(db, actorOf(request), request.query), '储备库.xlsx', 'depots.xlsx'))

  app.post('/depots/import', {
    config: writers,
    schema: {
      tags, security, summary: '从 Excel 导入储备库 · Import depots from .xlsx',
      response: { 200: ImportResult, 400: ErrorSchema },
    },
  }, (request) => importDepots(db, actorOf(request), request.body as Buffer))

  app.get('/depots/:id', {
    config: signedIn,
    schema: { tags, security, summary: '储备库详情 · A depot', params: IdParams, response: { 200: Depot, 404: ErrorSchema } },
  }, (request) => service.getDepot(db, actorOf(request), request.params.id))

  app.post('/depots', {
    config: writers,
    schema: { tags, security, summary: '新增储备库 · Add a depot', body: CreateDepotBody, response: { 201: Depot, 400: ErrorSchema, 403: ErrorSchema } },
  }, async (request, reply) => reply.status(201).send(await service.createDepot(db, actorOf(request), request.body)))

  app.patch('/depots/:id', {
    config: writers,
    schema: { tags, security, summary: '修改储备库 · Edit a depot', params: IdParams, body: UpdateDepotBody, response: { 200: Depot, 400: ErrorSchema, 404: ErrorSchema } },
  }, (request) => service.updateDepot(db, actorOf(request), request.params.id, request.body))

  app.delete('/depots/:id', {
    config: writers,
    schema: { tags, security, summary: '删除储备库（无出入库记录时）· Delete a depot without movements', params: IdParams, response: { 204: Type.Null(), 409: ErrorSchema } },
  }, async (request, reply) => {
    await service.deleteDepot(db, actorOf(request), request.params.id)
    return reply.status(204).send(null)
  })
}
