/** HTTP only: agreement and production-capacity reserves under /api/resources/reserves. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf } from '../../../http/access.ts'
import type { Platform } from '../../../platform.ts'
import { sendWorkbook, xlsxResponse } from '../core/excel.ts'
import { writerOrEnterpriseRoles, writerRoles } from '../core/scope.ts'
import { ErrorSchema, IdParams, ImportResult, Page, security } from '../core/schemas.ts'
import { exportReserves, importReserves, reserveTemplate } from './excel.ts'
import { CreateReserveBody, Reserve, ReserveListQuery, UpdateReserveBody } from './schemas.ts'
import * as service from './service.ts'

const tags = ['resources']
const signedIn = { access: 'authenticated' as const }
const writers = { access: writerOrEnterpriseRoles }

export const reserveRoutes = (platform: Platform): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = platform

  app.get('/reserves', {
    config: signedIn,
    schema: { tags, security, summary: '协议储备与产能储备 · Agreement and production-capacity reserves', querystring: ReserveListQuery, response: { 200: Page(Reserve) } },
  }, (request) => service.listReserves(db, actorOf(request), request.query))

  app.get('/reserves/template', {
    config: signedIn,
    schema: { tags, security, summary: '储备导入模板 · Reserve import template (.xlsx)', response: xlsxResponse },
  }, async (_request, reply) => sendWorkbook(reply, await reserveTemplate(), '储备导入模板.xlsx', 'reserves-template.xlsx'))

  app.get('/reserves/export', {
    config: signedIn,
    schema: { tags, security, summary: '导出储备 · Export reserves (.xlsx)', querystring: ReserveListQuery, response: xlsxResponse },
  }, async (request, reply) => sendWorkbook(reply, await exportReserves(db, actorOf(request), request.query), '储备.xlsx', 'reserves.xlsx'))

  app.post('/reserves/import', {
    config: { access: writerRoles },
    schema: { tags, security, summary: '从 Excel 导入储备 · Import reserves from .xlsx', response: { 200: ImportResult, 400: ErrorSchema } },
  }, (request) => importReserves(db, actorOf(request), request.body as Buffer))

  app.get('/reserves/:id', {
    config: signedIn,
    schema: { tags, security, summary: '储备详情 · A reserve', params: IdParams, response: { 200: Reserve, 404: ErrorSchema } },
  }, (request) => service.getReserve(db, actorOf(request), request.params.id))

  app.post('/reserves', {
    config: writers,
    schema: { tags, security, summary: '登记储备 · Register a reserve', body: CreateReserveBody, response: { 201: Reserve, 400: ErrorSchema, 403: ErrorSchema } },
  }, async (request, reply) => reply.status(201).send(await service.createReserve(db, actorOf(request), request.body)))

  app.patch('/reserves/:id', {
    config: writers,
    schema: { tags, security, summary: '修改储备 · Edit a reserve', params: IdParams, body: UpdateReserveBody, response: { 200: Reserve, 400: ErrorSchema, 404: ErrorSchema } },
  }, (request) => service.updateReserve(db, actorOf(request), request.params.id, request.body))

  app.delete('/reserves/:id', {
    config: writers,
    schema: { tags, security, summary: '删除储备 · Delete a reserve', params: IdParams, response: { 204: Type.Null(), 404: ErrorSchema } },
  }, async (request, reply) => {
    await service.deleteReserve(db, actorOf(request), request.params.id)
    return reply.status(204).send(null)
  })
}
