/** HTTP only: the supplies catalogue (物资目录) under /api/resources/supplies. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf } from '../../../http/access.ts'
import type { Platform } from '../../../platform.ts'
import { sendWorkbook, xlsxResponse } from '../core/excel.ts'
import { writerRoles } from '../core/scope.ts'
import { ErrorSchema, IdParams, ImportResult, Page, security } from '../core/schemas.ts'
import { exportSupplies, importSupplies, supplyTemplate } from './excel.ts'
import { CreateSupplyBody, Supply, SupplyListQuery, UpdateSupplyBody } from './schemas.ts'
import * as service from './service.ts'

const tags = ['resources']
const signedIn = { access: 'authenticated' as const }
const writers = { access: writerRoles }

export const supplyRoutes = (platform: Platform): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = platform

  app.get('/supplies', {
    config: signedIn,
    schema: { tags, security, summary: '物资目录 · Supplies catalogue', querystring: SupplyListQuery, response: { 200: Page(Supply) } },
  }, (request) => service.listSupplies(db, actorOf(request), request.query))

  app.get('/supplies/template', {
    config: signedIn,
    schema: { tags, security, summary: '物资目录导入模板 · Catalogue import template (.xlsx)', response: xlsxResponse },
  }, async (_request, reply) => sendWorkbook(reply, await supplyTemplate(), '物资目录导入模板.xlsx', 'supplies-template.xlsx'))

  app.get('/supplies/export', {
    config: signedIn,
    schema: { tags, security, summary: '导出物资目录 · Export the catalogue (.xlsx)', querystring: SupplyListQuery, response: xlsxResponse },
  }, async (request, reply) => sendWorkbook(reply, await exportSupplies(db, actorOf(request), request.query), '物资目录.xlsx', 'supplies.xlsx'))

  app.post('/supplies/import', {
    config: writers,
    schema: { tags, security, summary: '从 Excel 导入物资目录 · Import the catalogue from .xlsx', response: { 200: ImportResult, 400: ErrorSchema } },
  }, (request) => importSupplies(db, actorOf(request), request.body as Buffer))

  app.get('/supplies/:id', {
    config: signedIn,
    schema: { tags, security, summary: '物资详情 · A supply', params: IdParams, response: { 200: Supply, 404: ErrorSchema } },
  }, (request) => service.getSupply(db, request.params.id))

  app.post('/supplies', {
    config: writers,
    schema: { tags, security, summary: '新增物资 · Add a supply', body: CreateSupplyBody, response: { 201: Supply, 400: ErrorSchema, 409: ErrorSchema } },
  }, async (request, reply) => reply.status(201).send(await service.createSupply(db, actorOf(request), request.body)))

  app.patch('/supplies/:id', {
    config: writers,
    schema: { tags, security, summary: '修改物资 · Edit a supply', params: IdParams, body: UpdateSupplyBody, response: { 200: Supply, 400: ErrorSchema, 409: ErrorSchema } },
  }, (request) => service.updateSupply(db, actorOf(request), request.params.id, request.body))

  app.delete('/supplies/:id', {
    config: writers,
    schema: { tags, security, summary: '删除未使用的物资 · Delete an unused supply', params: IdParams, response: { 204: Type.Null(), 409: ErrorSchema } },
  }, async (request, reply) => {
    await service.deleteSupply(db, actorOf(request), request.params.id)
    return reply.status(204).send(null)
  })
}
