/** HTTP only: risk points (风险点), the four-colour map (一图), the card (一牌) and the three lists (三清单). */
import crypto from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, type Role } from '../../../../http/access.ts'
import type { Platform } from '../../../../platform.ts'
import { exportWorkbook, templateWorkbook } from '../../../../excel/workbook.ts'
import { sendFile, sendXlsx, uploadedWorkbook, XlsxFile } from '../core/excelHttp.ts'
import { importRows } from '../core/importRows.ts'
import { IdParams, ImportResult, NoContent, security, tags } from '../core/schemas.ts'
import { placeReaders, placeWriters } from '../core/scope.ts'
import { riskCardDocx } from './card.ts'
import { prepareRiskPointRow, riskPointColumns, riskPointExportColumns, riskPointExportRow } from './excel.ts'
import { riskListsWorkbook } from './lists.ts'
import { insertRiskPoints } from './queries.ts'
import * as schemas from './schemas.ts'
import type { RiskRules } from './scoring.ts'
import * as service from './service.ts'

const readers = { access: [...placeReaders, 'enterprise'] as Role[] }
const writers = { access: [...placeWriters, 'enterprise'] as Role[] }
const docxMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const DocxFile = { ...XlsxFile, description: 'Word 文档（.docx）· Word document' }

export const riskPointRoutes = (platform: Platform, rules: RiskRules): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = platform
  const base = '/risk-points'

  app.get(base, {
    config: readers,
    schema: { tags, security, summary: '风险点列表 · Risk points', querystring: schemas.RiskPointListQuery, response: { 200: schemas.RiskPointPage } },
  }, (request) => service.listRiskPoints(db, actorOf(request), request.query))

  app.get(`${base}/map`, {
    config: readers,
    schema: { tags, security, summary: '风险四色分布图（一图）· Four-colour risk map', querystring: schemas.RiskPointExportQuery, response: { 200: schemas.RiskPointMap } },
  }, (request) => service.riskPointMap(db, actorOf(request), request.query))

  app.get(`${base}/template`, {
    config: readers,
    schema: { tags, security, summary: '风险点导入模板 · Import template', response: { 200: XlsxFile } },
  }, async (_request, reply) => sendXlsx(reply, await templateWorkbook([{ name: '风险点', columns: riskPointColumns, notes: riskPointNotes }]), 'risk-points-template.xlsx', '风险点导入模板.xlsx'))

  app.get(`${base}/export`, {
    config: readers,
    schema: { tags, security, summary: '导出风险点 · Export risk points', querystring: schemas.RiskPointExportQuery, response: { 200: XlsxFile } },
  }, async (request, reply) => {
    const points = await service.allRiskPoints(db, actorOf(request), request.query)
    const body = await exportWorkbook([{ name: '风险点', columns: riskPointExportColumns, rows: points.map(riskPointExportRow), notes: riskPointNotes }])
    return sendXlsx(reply, body, 'risk-points.xlsx', '风险点.xlsx')
  })

  app.post(`${base}/import`, {
    config: writers,
    schema: { tags, security, summary: '从 Excel 导入风险点 · Import risk points from Excel', response: { 200: ImportResult } },
  }, (request) => {
    const actor = actorOf(request)
    return importRows(db, actor, uploadedWorkbook(request.body), {
      columns: riskPointColumns, entity: 'risk_point', insert: insertRiskPoints,
      prepare: (tx, values) => prepareRiskPointRow(tx, actor, values, rules, crypto.randomUUID()),
    })
  })

  app.get(`${base}/:id`, {
    config: readers,
    schema: { tags, security, summary: '风险点详情 · A risk point', params: IdParams, response: { 200: schemas.RiskPoint } },
  }, (request) => service.getRiskPoint(db, actorOf(request), request.params.id))

  app.get(`${base}/:id/card.docx`, {
    config: readers,
    schema: { tags, security, summary: '安全风险告知卡（一牌）· Risk notification card', params: IdParams, response: { 200: DocxFile } },
  }, async (request, reply) => {
    const point = await service.getRiskPoint(db, actorOf(request), request.params.id)
    const body = await riskCardDocx(point, 'Yingji 应急管理平台')
    return sendFile(reply, body, docxMediaType, 'risk-card.docx', `安全风险告知卡-${point.name}.docx`)
  })

  app.post(base, {
    config: writers,
    schema: { tags, security, summary: '登记风险点 · Register a risk point', body: schemas.RiskPointCreate, response: { 201: schemas.RiskPoint } },
  }, async (request, reply) => reply.status(201).send(await service.createRiskPoint(db, actorOf(request), request.body, rules)))

  app.patch(`${base}/:id`, {
    config: writers,
    schema: { tags, security, summary: '修改风险点（重新评分）· Change a risk point (rescored)', params: IdParams, body: schemas.RiskPointPatch, response: { 200: schemas.RiskPoint } },
  }, (request) => service.updateRiskPoint(db, actorOf(request), request.params.id, request.body, rules))

  app.delete(`${base}/:id`, {
    config: writers,
    schema: { tags, security, summary: '删除风险点 · Delete a risk point', params: IdParams, response: { 204: NoContent } },
  }, async (request, reply) => {
    await service.deleteRiskPoint(db, actorOf(request), request.params.id)
    return reply.status(204).send(null)
  })

  app.get('/risk-lists.xlsx', {
    config: readers,
    schema: { tags, security, summary: '风险三清单 · The three risk lists', querystring: schemas.RiskListsQuery, response: { 200: XlsxFile } },
  }, async (request, reply) => {
    const points = await service.allRiskPoints(db, actorOf(request), request.query)
    return sendXlsx(reply, await riskListsWorkbook(points), 'risk-lists.xlsx', '风险三清单.xlsx')
  })
}

const riskPointNotes = [
  '评价方法 LEC：D = L × E × C，L 取 10、6、3、1、0.5、0.2、0.1，E 取 10、6、3、2、1、0.5，C 取 100、40、15、7、3、1；',
  '评价方法 LS：R = L × S，L 与 S 均为 1–5 的整数，无需填写 E、C。风险等级与颜色由系统按分级标准计算。',
  '管控措施每行一条，写作“层级|措施|责任人”，层级为 公司、车间、班组 或 岗位。',
]
