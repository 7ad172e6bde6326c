/** HTTP only: the stock ledger under /api/resources (movements, stock, minimums, warnings). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf } from '../../../http/access.ts'
import type { Platform } from '../../../platform.ts'
import { writerRoles } from '../core/scope.ts'
import { ErrorSchema, IdParams, Page, security } from '../core/schemas.ts'
import {
  CreateMovementBody, MinimumBody, Movement, MovementDocument, MovementListQuery, StockItem, StockQuery, StockWarnings, WarningsQuery,
} from './schemas.ts'
import * as service from './service.ts'

const tags = ['resources']
const signedIn = { access: 'authenticated' as const }
const writers = { access: writerRoles }

export const stockRoutes = (platform: Platform): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = platform

  app.get('/stock', {
    config: signedIn,
    schema: { tags, security, summary: '库存（按储备库×物资，由台账计算）· Stock per depot and supply, from the ledger', querystring: StockQuery, response: { 200: Page(StockItem) } },
  }, (request) => service.listStock(db, actorOf(request), request.query))

  app.get('/stock/warnings', {
    config: signedIn,
    schema: { tags, security, summary: '库存预警：低于最低库存、临期与过期批次 · Stock warnings: below minimum, expiring and expired batches', querystring: WarningsQuery, response: { 200: StockWarnings } },
  }, (request) => service.stockWarnings(db, actorOf(request), request.query))

  app.put('/stock/minimum', {
    config: writers,
    schema: { tags, security, summary: '设置最低库存 · Set a minimum stock', body: MinimumBody, response: { 200: StockItem, 400: ErrorSchema, 403: ErrorSchema } },
  }, (request) => service.setMinimum(db, actorOf(request), request.body))

  app.get('/movements', {
    config: signedIn,
    schema: { tags, security, summary: '出入库台账 · Stock movements (the ledger)', querystring: MovementListQuery, response: { 200: Page(Movement) } },
  }, (request) => service.listMovements(db, actorOf(request), request.query))

  app.get('/movements/:id', {
    config: signedIn,
    schema: { tags, security, summary: '一条台账记录 · A movement', params: IdParams, response: { 200: Movement, 404: ErrorSchema } },
  }, (request) => service.getMovement(db, actorOf(request), request.params.id))

  app.post('/movements', {
    config: writers,
    schema: {
      tags, security,
      summary: '登记入库/出库/调拨/报损（台账只增不改，更正请另记一笔）· Record in/out/transfer/loss (append-only; correct with a new movement)',
      body: CreateMovementBody,
      response: { 201: MovementDocument, 400: ErrorSchema, 403: ErrorSchema, 409: ErrorSchema },
    },
  }, async (request, reply) => reply.status(201).send(await service.recordMovement(db, actorOf(request), request.body)))
}
