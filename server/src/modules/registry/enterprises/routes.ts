/** HTTP only: the enterprise registry's routes, their schemas and thin handlers over the service. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { actorOf } from '../../../http/access.ts'
import { xlsxMediaType } from '../../../http/app.ts'
import type { Platform } from '../../../platform.ts'
import { officerRoles, writerRoles } from './access.ts'
import { enterpriseExport, enterpriseTemplate, exportFileName, templateFileName } from './exporter.ts'
import { importEnterprises } from './importer.ts'
import * as schemas from './schemas.ts'
import * as service from './service.ts'
import { security } from '../../../http/openapi.ts'

const tags = ['registry']
const signedIn = { access: 'authenticated' as const }
const base = '/enterprises'

const sendXlsx = (reply: FastifyReply, fileName: string, buffer: Buffer) =>
  reply
    .header('content-type', xlsxMediaType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(buffer)

export const enterpriseRoutes = (platform: Platform): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = platform

  app.get(base, {
    config: signedIn,
    schema: { tags, security, summary: '企业列表 · Enterprises', querystring: schemas.ListQuery, response: { 200: schemas.EnterprisePage } },
  }, (request) => service.listEnterprises(db, actorOf(request), request.query))

  app.get(`${base}/map`, {
    config: signedIn,
    schema: { tags, security, summary: '企业点位图层 · Enterprise map layer', querystring: schemas.FilterQuery, response: { 200: schemas.EnterpriseMap } },
  }, (request) => service.enterpriseMap(db, actorOf(request), request.query))

  app.get(`${base}/template`, {
    config: signedIn,
    schema: { tags, security, summary: '下载企业导入模板（.xlsx）· Download the import template' },
  }, async (_request, reply) => sendXlsx(reply, templateFileName, await enterpriseTemplate()))

  app.get(`${base}/export`, {
    config: signedIn,
    schema: { tags, security, summary: '导出企业及生产储存单元（.xlsx）· Export enterprises and units', querystring: schemas.FilterQuery },
  }, async (request, reply) => sendXlsx(reply, exportFileName, await enterpriseExport(db, actorOf(request), request.query)))

  app.post(`${base}/import`, {
    config: { access: officerRoles },
    schema: {
      tags, security,
      summary: '从 Excel 导入企业（请求体为 .xlsx 文件）· Import enterprises from the .xlsx body',
      description: '任一行有误则不导入任何数据，并返回全部错误（行号、列名）· Any wrong row imports nothing; every error is listed',
      response: { 200: schemas.ImportResult },
    },
  }, (request) => importEnterprises(db, actorOf(request), request.body))

  app.get(`${base}/:id`, {
    config: signedIn,
    schema: { tags, security, summary: '企业详情及生产储存单元 · An enterprise with its units', params: schemas.IdParams, response: { 200: schemas.EnterpriseDetail } },
  }, (request) => service.getEnterprise(db, actorOf(request), request.params.id))

  app.post(base, {
    config: { access: officerRoles },
    schema: { tags, security, summary: '登记企业 · Register an enterprise', body: schemas.EnterpriseCreate, response: { 201: schemas.EnterpriseDetail } },
  }, async (request, reply) => reply.status(201).send(await service.createEnterprise(db, actorOf(request), request.body)))

  app.patch(`${base}/:id`, {
    config: { access: writerRoles },
    schema: { tags, security, summary: '修改企业 · Edit an enterprise', params: schemas.IdParams, body: schemas.EnterprisePatch, response: { 200: schemas.EnterpriseDetail } },
  }, (request) => service.patchEnterprise(db, actorOf(request), request.params.id, request.body))

  app.delete(`${base}/:id`, {
    config: { access: officerRoles },
    schema: { tags, security, summary: '删除企业（含其单元）· Delete an enterprise and its units', params: schemas.IdParams },
  }, async (request, reply) => {
    await service.deleteEnterprise(db, actorOf(request), request.params.id)
    return reply.status(204).send()
  })

  app.get(`${base}/:id/units`, {
    config: signedIn,
    schema: { tags, security, summary: '生产储存单元列表 · Units of an enterprise', params: schemas.IdParams, response: { 200: schemas.UnitList } },
  }, async (request) => ({ items: (await service.getEnterprise(db, actorOf(request), request.params.id)).units }))

  app.post(`${base}/:id/units`, {
    config: { access: writerRoles },
    schema: { tags, security, summary: '添加生产/储存单元（自动分级）· Add a unit (graded by GB 18218)', params: schemas.IdParams, body: schemas.UnitCreate, response: { 201: schemas.Unit } },
  }, async (request, reply) => reply.status(201).send(await service.createUnit(db, actorOf(request), request.params.id, request.body)))

  app.get(`${base}/:id/units/:unitId`, {
    config: signedIn,
    schema: { tags, security, summary: '生产/储存单元详情 · A unit', params: schemas.UnitParams, response: { 200: schemas.Unit } },
  }, (request) => service.getUnit(db, actorOf(request), request.params.id, request.params.unitId))

  app.patch(`${base}/:id/units/:unitId`, {
    config: { access: writerRoles },
    schema: { tags, security, summary: '修改生产/储存单元（重新分级）· Edit a unit (regraded)', params: schemas.UnitParams, body: schemas.UnitPatch, response: { 200: schemas.Unit } },
  }, (request) => service.patchUnit(db, actorOf(request), request.params.id, request.params.unitId, request.body))

  app.delete(`${base}/:id/units/:unitId`, {
    config: { access: writerRoles },
    schema: { tags, security, summary: '删除生产/储存单元 · Delete a unit', params: schemas.UnitParams },
  }, async (request, reply) => {
    await service.deleteUnit(db, actorOf(request), request.params.id, request.params.unitId)
    return reply.status(204).send()
  })

  app.post('/major-hazard/assess', {
    config: signedIn,
    schema: {
      tags, security,
      summary: '重大危险源辨识与分级计算器（GB 18218-2018）· Major hazard calculator',
      body: schemas.AssessBody,
      response: { 200: schemas.AssessResult },
    },
  }, (request) => service.assess(request.body))
}
