/**
 * The routes every simple place registry answers (hazard points, shelters, experts), from one
 * description: list, map, template, export, import, detail, create, change, delete. Each
 * registry keeps its own schemas, service and Excel columns; this file is only HTTP.
 */
import crypto from 'node:crypto'
import type { FastifyPluginAsyncTypebox, Static, TSchema } from '@fastify/type-provider-typebox'
import type { Db, Queryable, Tx } from '../../../../db/database.ts'
import { actorOf, type Actor, type Role } from '../../../../http/access.ts'
import { exportWorkbook, templateWorkbook, type ImportValue, type SheetColumn } from '../../../../excel/workbook.ts'
import { sendXlsx, uploadedWorkbook, XlsxFile } from './excelHttp.ts'
import { importRows } from './importRows.ts'
import { IdParams, ImportResult, NoContent, security, tags } from './schemas.ts'

export interface PlaceRegistry<View, Stored extends { id: string }, Q extends TSchema, EQ extends TSchema, C extends TSchema, P extends TSchema> {
  /** Path under /api/registry, e.g. `/shelters`. */
  path: string
  /** 避灾安置场所 / shelters */
  title: { zh: string; en: string }
  /** File names of downloads (ASCII fallback, Chinese). */
  files: { template: [string, string]; export: [string, string] }
  readers: readonly Role[]
  writers: readonly Role[]
  schemas: { item: TSchema; page: TSchema; map?: TSchema; listQuery: Q; exportQuery: EQ; create: C; patch: P }
  list(q: Queryable, actor: Actor, query: Static<Q>): Promise<{ items: View[]; total: number; page: number; pageSize: number }>
  all(q: Queryable, actor: Actor, query: Static<EQ>): Promise<View[]>
  map?(q: Queryable, actor: Actor, query: Static<EQ>): Promise<unknown>
  get(q: Queryable, actor: Actor, id: string): Promise<View>
  create(db: Db, actor: Actor, input: Static<C>): Promise<View>
  update(db: Db, actor: Actor, id: string, patch: Static<P>): Promise<View>
  remove(db: Db, actor: Actor, id: string): Promise<void>
  excel: {
    sheet: string
    columns: readonly SheetColumn[]
    exportColumns: readonly SheetColumn[]
    exportRow(view: View): Record<string, unknown>
    notes?: readonly string[]
    /** Audit entity of an import. */
    entity: string
    prepare(tx: Tx, actor: Actor, values: Record<string, ImportValue>, id: string): Promise<Stored>
    insert(tx: Tx, rows: readonly Stored[]): Promise<void>
  }
}

export const registryRoutes = <View, Stored extends { id: string }, Q extends TSchema, EQ extends TSchema, C extends TSchema, P extends TSchema>(
  db: Db, r: PlaceRegistry<View, Stored, Q, EQ, C, P>,
): FastifyPluginAsyncTypebox => async (app) => {
  const read = { access: r.readers }
  const write = { access: r.writers }
  const { zh, en } = r.title
  const { excel } = r

  app.get(r.path, {
    config: read,
    schema: { tags, security, summary: `${zh}列表 · ${en}`, querystring: r.schemas.listQuery, response: { 200: r.schemas.page } },
  }, (request) => r.list(db, actorOf(request), request.query as Static<Q>))

  if (r.map && r.schemas.map) {
    const map = r.map
    app.get(`${r.path}/map`, {
      config: read,
      schema: { tags, security, summary: `${zh}地图图层 · ${en} map layer`, querystring: r.schemas.exportQuery, response: { 200: r.schemas.map } },
    }, (request) => map(db, actorOf(request), request.query as Static<EQ>))
  }

  app.get(`${r.path}/template`, {
    config: read,
    schema: { tags, security, summary: `${zh}导入模板 · ${en} import template`, response: { 200: XlsxFile } },
  }, async (_request, reply) => sendXlsx(reply,
    await templateWorkbook([{ name: excel.sheet, columns: excel.columns, ...(excel.notes ? { notes: excel.notes } : {}) }]), ...r.files.template))

  app.get(`${r.path}/export`, {
    config: read,
    schema: { tags, security, summary: `导出${zh} · Export ${en}`, querystring: r.schemas.exportQuery, response: { 200: XlsxFile } },
  }, async (request, reply) => {
    const rows = (await r.all(db, actorOf(request), request.query as Static<EQ>)).map(excel.exportRow)
    return sendXlsx(reply, await exportWorkbook([{ name: excel.sheet, columns: excel.exportColumns, rows }]), ...r.files.export)
  })

  app.post(`${r.path}/import`, {
    config: write,
    schema: { tags, security, summary: `从 Excel 导入${zh} · Import ${en} from Excel`, response: { 200: ImportResult } },
  }, (request) => {
    const actor = actorOf(request)
    return importRows(db, actor, uploadedWorkbook(request.body), {
      columns: excel.columns, entity: excel.entity, insert: excel.insert,
      prepare: (tx, values) => excel.prepare(tx, actor, values, crypto.randomUUID()),
    })
  })

  app.get(`${r.path}/:id`, {
    config: read,
    schema: { tags, security, summary: `${zh}详情 · One of the ${en}`, params: IdParams, response: { 200: r.schemas.item } },
  }, (request) => r.get(db, actorOf(request), request.params.id))

  app.post(r.path, {
    config: write,
    schema: { tags, security, summary: `登记${zh} · Register`, body: r.schemas.create, response: { 201: r.schemas.item } },
  }, async (request, reply) => reply.status(201).send(await r.create(db, actorOf(request), request.body as Static<C>)))

  app.patch(`${r.path}/:id`, {
    config: write,
    schema: { tags, security, summary: `修改${zh} · Change`, params: IdParams, body: r.schemas.patch, response: { 200: r.schemas.item } },
  }, (request) => r.update(db, actorOf(request), request.params.id, request.body as Static<P>))

  app.delete(`${r.path}/:id`, {
    config: write,
    schema: { tags, security, summary: `删除${zh} · Delete`, params: IdParams, response: { 204: NoContent } },
  }, async (request, reply) => {
    await r.remove(db, actorOf(request), request.params.id)
    return reply.status(204).send(null)
  })
}
